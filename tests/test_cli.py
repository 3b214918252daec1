"""The cleantext command, run as a user runs it: a subprocess."""

import json
import subprocess
import sys

import pytest
from conftest import EXPECTED, SEEDS


def cleantext(*args, stdin=b"", cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def test_filter_stdin_to_stdout():
    raw = SEEDS[0].read_bytes()
    result = cleantext(stdin=raw)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (EXPECTED / SEEDS[0].name).read_bytes()
    assert result.stderr == b""


def test_files_to_output_file(tmp_path):
    out = tmp_path / "clean.txt"
    result = cleantext(SEEDS[1], "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (EXPECTED / SEEDS[1].name).read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["clean.txt"]  # no temporary left


def test_skip_and_only():
    assert cleantext("--skip", "layout-spaces", stdin="陈 刚\n".encode()).stdout.decode() == "陈 刚\n"
    assert cleantext("--only", "layout-spaces", stdin="陈 刚\n\n\n".encode()).stdout.decode() == "陈刚\n\n\n"


def test_list_steps_names_every_step_once():
    result = cleantext("--list-steps")
    names = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert names == [
        "text-hygiene", "lookalike-glyphs", "latin-ligatures", "doubled-glyphs", "stray-marks",
        "running-headers", "column-wrap", "split-numbers", "layout-spaces", "headlines",
    ]


def test_list_steps_all_lists_every_step_its_presets_and_families():
    from cleantext import presets, step_names
    from cleantext.normalizers.script import configs

    result = cleantext("--list-steps", "--all")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    by_name = {line.split()[0]: line for line in lines if not line.startswith(" ")}
    assert set(by_name) == set(step_names()) | {"opencc-CONFIG"}
    assert len(by_name) == len([line for line in lines if not line.startswith(" ")])  # each once
    for name in step_names():
        line = by_name[name]
        assert get_description(name) in line, name
        member = [preset for preset, steps in presets().items() if name in steps]
        assert line.endswith(f"[in {', '.join(member)}]" if member else "[opt-in: --add]"), line
    assert by_name["text-hygiene"].endswith("[in newspaper-zh, ocr-en]")
    assert by_name["doubled-glyphs"].endswith("[in newspaper-zh]")
    assert "[opt-in" in by_name["mojibake"] and "[whole file]" in by_name["repeated-blocks"]
    assert "--opencc CONFIG" in by_name["opencc-CONFIG"]
    assert any("t2s" in line and line.startswith(" ") for line in lines)
    assert set(configs()) <= set(lines[lines.index(by_name["opencc-CONFIG"]) + 1].split(": ")[1].split(", "))
    # in the order steps run: mojibake first, script conversion last
    names = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert names[0] == "mojibake" and names[-1] == "opencc-CONFIG"
    assert names.index("column-wrap") < names.index("layout-spaces")


def get_description(name):
    from cleantext import get_step

    return get_step(name).description


def test_all_needs_list_steps():
    result = cleantext("--all", stdin=b"x")
    assert result.returncode == 2 and b"--all goes with --list-steps" in result.stderr


def test_explain_prints_json_lines_with_offsets_into_the_input():
    raw = "本报讯 6月 22日，会议召开。\n"
    result = cleantext("--explain", stdin=raw.encode())
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["step"], r["start"], r["end"], r["before"], r["after"]) for r in records] == [
        ("layout-spaces", 3, 4, " ", ""),
        ("layout-spaces", 6, 7, " ", ""),
    ]
    assert all(r["file"] == "<stdin>" for r in records)


def test_check_exits_1_and_names_the_file_that_would_change(tmp_path):
    clean_file = tmp_path / "clean.txt"
    clean_file.write_bytes((EXPECTED / SEEDS[0].name).read_bytes())
    assert cleantext("--check", clean_file).returncode == 0
    result = cleantext("--check", clean_file, SEEDS[0])
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"would clean {SEEDS[0]}"
    assert result.stdout == b""


def test_version_and_help():
    assert cleantext("--version").stdout.decode().startswith("cleantext ")
    help_text = cleantext("--help").stdout.decode()
    assert "examples:" in help_text and "--explain" in help_text


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["missing.txt"], b"", "cleantext: error: missing.txt: no such file"),
        (["--skip", "nope"], b"", "cleantext: error: unknown step 'nope'"),
        (["--preset", "nope"], b"", "cleantext: error: unknown preset 'nope'"),
        ([], b"ab\xffcd", "cleantext: error: <stdin>: not valid UTF-8 at byte 2"),
        (["."], b"", "cleantext: error: .: is a directory"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, stdin, message):
    result = cleantext(*args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith(message)
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_input_is_never_overwritten_by_its_output(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEEDS[0].read_bytes())
    result = cleantext(page, "-o", page)
    assert result.returncode == 2
    assert "is also an input" in result.stderr.decode()
    assert page.read_bytes() == SEEDS[0].read_bytes()


def test_failed_run_leaves_no_half_written_output(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("previous contents\n")
    result = cleantext(SEEDS[0], tmp_path / "missing.txt", "-o", out)
    assert result.returncode == 2
    assert out.read_text() == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_utf8_and_utf16_boms_are_honoured():
    text = "陈 刚\n"
    assert cleantext(stdin=b"\xef\xbb\xbf" + text.encode()).stdout.decode() == "陈刚\n"
    assert cleantext(stdin=text.encode("utf-16")).stdout.decode() == "陈刚\n"


def test_closed_stdout_is_not_an_error():
    big = SEEDS[0].read_text(encoding="utf-8") * 200
    proc = subprocess.Popen(
        f'"{sys.executable}" -m cleantext | head -c 10',
        shell=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.communicate(big.encode(), timeout=120)
    assert len(out) == 10
    assert err.decode() == "cleantext: note: stdout was closed; stopped early\n"


def test_opencc_flag_converts_script():
    result = cleantext("--opencc", "t2s", stdin="這是繁體字，測試。".encode())
    assert result.stdout.decode() == "这是繁体字，测试。\n"
    bad = cleantext("--opencc", "zz", stdin=b"x")
    assert bad.returncode == 2 and bad.stderr.decode().startswith("cleantext: error: unknown OpenCC config 'zz'")


def test_add_and_preset_flags():
    raw = "会议,强调(扩大)ＡＢＣ\n".encode()
    assert cleantext("--add", "cjk-punctuation,fullwidth-ascii", stdin=raw).stdout.decode() == "会议，强调（扩大）ABC\n"
    assert cleantext("--preset", "ocr-en", stdin=b"infor-\nmation\n").stdout == b"information\n"


def test_missing_ftfy_extra_is_a_one_line_error():
    code = "import sys; sys.modules['ftfy'] = None; from cleantext.cli import main; sys.exit(main(['--add', 'mojibake']))"
    result = subprocess.run([sys.executable, "-c", code], input=b"x", capture_output=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == "cleantext: error: the mojibake step needs ftfy: pip install 'cleantext-cjk[ftfy]'\n"
