"""cleantext --diff: every change marked inline, as git's word diff marks it."""

import json
import os
import pty
import re
import subprocess
import sys

import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st
from test_cli import cleantext

from cleantext import pipeline
from cleantext.pipeline import Change, Edit, Pipeline, apply_edits, rewritten
from cleantext.review import DiffStyle, diff_text, hunks, is_layout, parse_style

#: A page as the seeds have it: a leading space, a line between lines, a split date.
PAGE = (
    " 本报定西讯（通讯员郑天旺）6月 22日，\n\n定西市政协召开全市政协系统党的建设暨\n\n"
    "宣传信息工作会议。会议传达学习了中共\n\n中央办公厅《关于加强新时代人民政协党的\n\n建设工作。  \n\n陈 刚\n"
)
JOINED = (
    "本报定西讯（通讯员郑天旺）6月[- -]22日，定西市政协召开全市政协系统党的建设暨宣传信息工作会议。"
    "会议传达学习了中共中央办公厅《关于加强新时代人民政协党的建设工作。\n陈[- -]刚\n"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_marks_in_the_right_places_with_joins_hidden():
    assert diff_text(PAGE, pipeline()) == "[- -]" + JOINED


def test_steps_name_each_change():
    shown = diff_text(PAGE, pipeline(), DiffStyle(steps=True))
    assert shown.startswith("[- -]<column-wrap>本报定西讯（通讯员郑天旺）6月[- -]<layout-spaces>22日，")
    assert shown.endswith("\n陈[- -]<layout-spaces>刚\n")


def test_all_marks_joins_and_line_end_whitespace():
    shown = diff_text(PAGE, pipeline(), DiffStyle(all=True))
    assert shown == (
        "[- -]本报定西讯（通讯员郑天旺）6月[- -]22日，[-↵↵-]定西市政协召开全市政协系统党的建设暨[-↵↵-]"
        "宣传信息工作会议。会议传达学习了中共[-↵↵-]中央办公厅《关于加强新时代人民政协党的[-↵↵-]"
        "建设工作。[-  ↵↵-]{+↵+}\n陈[- -]刚\n"
    )


def test_the_diff_reads_as_the_cleaned_text():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        shown = diff_text(text, pipeline())
        # what was written, without its ↵ (the line breaks follow the marks)
        unmarked = re.sub(r"\{\+(.*?)\+\}", lambda m: m[1].replace("↵", ""), re.sub(r"\[-.*?-\]", "", shown))
        assert unmarked == pipeline()(text)


def test_layout_changes():
    assert is_layout("\n", "", "说")  # a join
    assert is_layout("\n\n", " ", "a")  # a join with a space
    assert is_layout("\n\n", "\n", "说")  # a blank line between lines
    assert is_layout("  \n", "\n", "说")  # line-end whitespace
    assert is_layout("  ", "", "\n") and is_layout("  ", "", "")  # before a line break, at the end
    assert is_layout("", "\n", "")  # the final line break
    assert not is_layout(" ", "", "说")  # a space between words
    assert not is_layout("", "\n", "说")  # a line break made
    assert not is_layout("\n", "\n\n", "说")  # a paragraph made
    assert not is_layout("-\n", "", "x")  # a hyphen joined: text changed
    assert not is_layout("\n  ", "\n", "说")  # indentation removed
    assert not is_layout("\f", "", "")  # a page break


def two_steps():
    """A pipeline whose second step changes what its first wrote."""
    first = rewritten("first", lambda t: t.replace("ab", "xyz"))
    second = rewritten("second", lambda t: t.replace("y", "Y").replace("q", "QQ"))
    return Pipeline((first, second))


def test_nested_and_touching_changes_are_one_change():
    chosen = two_steps()
    assert chosen("1ab2q") == "1xYz2QQ"
    assert diff_text("1ab2q", chosen, DiffStyle(steps=True)) == "1[-ab-]{+xYz+}<first,second>2[-q-]{+QQ+}<second>"
    assert diff_text("abq", chosen, DiffStyle(steps=True)) == "[-abq-]{+xYzQQ+}<first,second>"


@given(st.text(alphabet="ab q\n\f说 ", max_size=40))
def test_hunks_rebuild_the_cleaned_text(text):
    for chosen in (two_steps(), pipeline()):
        changes = chosen.explain(text)
        cleaned = chosen(text)
        found = hunks(text, changes, cleaned)
        assert [h.start for h in found] == sorted(h.start for h in found)
        assert all(a.end < b.start for a, b in zip(found, found[1:]))
        assert apply_edits(text, [Edit(h.start, h.end, h.new) for h in found]) == cleaned
        assert {s for h in found for s in h.steps} == {c.step for c in changes}


def test_hunks_that_do_not_add_up_fall_back_to_one_right_hunk():
    changes = [Change("s", 0, 1, "a", "A"), Change("t", 2, 3, "c", "C")]
    assert [(h.start, h.end, h.new) for h in hunks("abcd", changes, "AbCd")] == [(0, 1, "A"), (2, 3, "C")]
    assert [(h.start, h.end, h.new) for h in hunks("abcd", changes, "AxCd")] == [(0, 3, "AxC")]
    assert [(h.start, h.end, h.new) for h in hunks("abcd", changes, "AbCe")] == [(0, 4, "AbCe")]


def test_hunks_of_the_seeds_are_each_change_not_one_fallback():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        found = hunks(text, pipeline().explain(text), pipeline()(text))
        assert len(found) > 100 and max(h.end - h.start for h in found) < 400


def test_style_words():
    assert parse_style("") == DiffStyle()
    assert parse_style("all,steps", color=True) == DiffStyle(steps=True, all=True, color=True)
    with pytest.raises(ValueError, match="not 'colour'"):
        parse_style("colour")


# ---------------------------------------------------------------- the command


def test_diff_of_a_file(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = cleantext("--diff", page)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode() == f"{page}\n[- -]{JOINED}"
    assert ANSI.search(result.stdout.decode()) is None  # not a terminal: no colour
    steps = cleantext("--diff=steps", page).stdout.decode()
    assert "6月[- -]<layout-spaces>22日" in steps
    assert "[-↵↵-]" in cleantext("--diff=all", page).stdout.decode()
    assert "[-↵↵-]" not in steps


def test_diff_from_stdin_and_of_several_files(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("陈 刚\n", encoding="utf-8")
    two.write_text("无变化\n", encoding="utf-8")
    assert cleantext("--diff", one, two).stdout.decode() == f"{one}\n陈[- -]刚\n{two}\n无变化\n"
    assert cleantext("--diff", stdin="陈 刚\n".encode()).stdout.decode() == "<stdin>\n陈[- -]刚\n"


def test_color_always_and_never(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("陈 刚\n说\n", encoding="utf-8")
    coloured = cleantext("--diff=all,steps", "--color", "always", page).stdout.decode()
    assert "\x1b[31m[- -]\x1b[m" in coloured  # removed: red
    assert "\x1b[36m<layout-spaces>\x1b[m" in coloured and f"\x1b[1m{page}\x1b[m\n" in coloured
    added = cleantext("--diff", "--color", "always", "--add", "cjk-punctuation", stdin="说,好\n".encode())
    assert "\x1b[31m[-,-]\x1b[m\x1b[32m{+，+}\x1b[m" in added.stdout.decode()  # added: green
    plain = cleantext("--diff=all,steps", "--color", "never", page).stdout.decode()
    assert ANSI.search(plain) is None and ANSI.sub("", coloured) == plain
    assert ANSI.search(cleantext("--diff", "--color", "auto", page).stdout.decode()) is None


def test_color_auto_is_for_a_terminal(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("陈 刚\n", encoding="utf-8")
    primary, secondary = pty.openpty()
    try:
        status = subprocess.run([sys.executable, "-m", "cleantext", "--diff", str(page)], stdout=secondary,
                                stderr=subprocess.PIPE, timeout=120).returncode
        os.close(secondary)
        shown = b""
        while chunk := _read(primary):
            shown += chunk
    finally:
        os.close(primary)
    assert status == 0 and b"\x1b[31m[- -]\x1b[m" in shown
    out = tmp_path / "diff.txt"
    assert cleantext("--diff", "--color", "auto", page, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8") == f"{page}\n陈[- -]刚\n"  # a file: no colour


def _read(fd):
    try:
        return os.read(fd, 4096)
    except OSError:  # the terminal closed
        return b""


def test_diff_of_json_lines_names_each_changed_record(tmp_path):
    src = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": "陈 刚\n说"}, {"id": 2, "text": "无变化"}, None,
               {"id": 3, "text": "说\n了"}, {"id": 4, "text": "6 月\n22 日"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" if r else "\n" for r in records), encoding="utf-8")
    result = cleantext("--jsonl", "--diff", src)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode() == f"{src}:1\n陈[- -]刚说\n{src}:5\n6[- -]月\n22[- -]日\n"
    shown = cleantext("--jsonl", "--diff=all", src).stdout.decode()
    assert f"{src}:2\n无变化{{+↵+}}\n" in shown and f"{src}:4\n说[-↵-]了{{+↵+}}\n" in shown
    with_steps = cleantext("--jsonl", "--diff=steps", "--field", "text", "-j", "2", src).stdout.decode()
    assert with_steps == f"{src}:1\n陈[- -]<layout-spaces>刚说\n{src}:5\n6[- -]<layout-spaces>月\n22[- -]<layout-spaces>日\n"


def test_stats_count_changed_records_per_step(tmp_path):
    src = tmp_path / "in.jsonl"
    texts = ["陈 刚\n", "说\n了\n", "6 月 22 日\n", "无变化\n"]
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    for mode in ([], ["--diff"], ["--explain"], ["--check"]):
        err = cleantext("--jsonl", "--stats", *mode, src).stderr.decode()
        assert re.search(r"layout-spaces +4 \(in 2\)\n", err), (mode, err)  # 1 + 3 spaces, in 2 records
        assert re.search(r"column-wrap +1 \(in 1\)\n", err), (mode, err)
        assert re.search(r"headlines +0 \(in 0\)\n", err), (mode, err)
    text = tmp_path / "page.txt"
    text.write_text("陈 刚\n", encoding="utf-8")
    assert re.search(r"layout-spaces +1\n", cleantext("--stats", text).stderr.decode())


@pytest.mark.parametrize("args, message", [
    (["--diff", "--explain"], "not allowed with argument"),
    (["--diff=steps", "--check"], "not allowed with argument"),
    (["--diff=colour"], "--diff takes steps or all (or both, with a comma), not 'colour'"),
    (["--color", "always"], "--color goes with --diff"),
    (["--diff", "--color", "sometimes"], "invalid choice: 'sometimes'"),
    (["--diff", "--engine", "ray", "--jsonl", "--out-dir", "out"], "does not go with"),
])
def test_bad_combinations_are_one_line_errors(tmp_path, args, message):
    page = tmp_path / "page.txt"
    page.write_text("陈 刚\n", encoding="utf-8")
    result = cleantext(*args, page)
    err = result.stderr.decode()
    assert result.returncode == 2 and result.stdout == b""
    assert "Traceback" not in err and err.count("cleantext: error:") == 1
    assert err.splitlines()[-1].startswith("cleantext: error:") and message in err.splitlines()[-1]


def test_diff_is_not_taken_as_a_value(tmp_path):
    steps = tmp_path / "steps"
    steps.write_text("陈 刚\n", encoding="utf-8")
    result = cleantext("--diff", steps, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.decode() == f"{steps}\n陈[- -]刚\n"
    assert cleantext("--", "--diff", cwd=tmp_path).stderr.decode().startswith("cleantext: error: --diff: no such file")
