"""Issue 14, item 5: presets of the user's own (``--config FILE``,
``[tool.cleantext]`` in pyproject.toml, :func:`cleantext.load_config`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext.config import Config, ConfigError, find_pyproject, read_config

RAW = "会议,强调(扩大)ＡＢＣ\n陈 刚\n".encode()


def cleantext_command(*args: object, stdin: bytes = RAW, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=120
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the library


def test_load_config_gives_the_pipeline_of_its_options(tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", 'add = ["cjk-punctuation", "fullwidth-ascii"]\nskip = ["layout-spaces"]\n')
    mine = cleantext.load_config(path)
    expected = cleantext.pipeline().adding("cjk-punctuation", "fullwidth-ascii").without("layout-spaces")
    assert mine.names == expected.names
    assert mine(RAW.decode()) == "会议，强调（扩大）ABC\n陈 刚\n"


def test_every_key(tmp_path: Path) -> None:
    write(tmp_path / "lex" / "paper.toml", "[blocks]\ndatelines = ['大众网{HAN}{0,6}讯']\n")
    path = write(
        tmp_path / "all.toml",
        'preset = "newspaper-zh"\nadd = ["fullwidth-ascii"]\nskip = ["headlines"]\n'
        'only = ["fullwidth-ascii", "layout-spaces", "headlines"]\nopencc = "t2s"\nlexicon = "lex/paper.toml"\n',
    )
    config = read_config(path)
    assert config == Config("newspaper-zh", ("fullwidth-ascii",), ("headlines",),
                            ("fullwidth-ascii", "layout-spaces", "headlines"), "t2s", str(tmp_path / "lex" / "paper.toml"))
    assert config.options()["lexicon"] == str(tmp_path / "lex" / "paper.toml")  # relative to the config file
    assert config.pipeline().names == ["fullwidth-ascii", "layout-spaces"]  # only, then skip; opencc not in only
    assert cleantext.load_config(write(tmp_path / "empty.toml", "")).names == cleantext.pipeline().names


def test_a_pyproject_gives_its_tool_cleantext_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml",
                 '[project]\nname = "corpus"\nskip = 1\n\n[tool.cleantext]\nskip = ["layout-spaces"]\n')
    assert read_config(path).skip == ("layout-spaces",)
    assert "layout-spaces" not in cleantext.load_config(path).names
    assert read_config(write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\n')) == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('skip = ["headlines"]\nadd = [\n', ":2: not TOML: Invalid value at the end of the file"),
        ('skip = ["headlines"]\nadd = ["a" "b"]\nonly = []\n', ":2: not TOML: Unclosed array"),
        ('skip = ["headlines"]\nsteps = ["x"]\n',
         ":2: unknown key 'steps' in the config (known keys: preset, add, skip, only, opencc, lexicon)"),
        ('skip = "headlines"\n', ':1: skip must be a list of step names, like skip = ["layout-spaces"]; got \'headlines\''),
        ('only = ["layout-spaces", 3]\n', ":1: only must be a list of step names"),
        ('\n\nadd = ["no-such-step"]\n', ":3: unknown step 'no-such-step' (known steps: "),
        ('opencc = "zz"\n', ":1: unknown OpenCC config 'zz'"),
        ('opencc = 1\n', ":1: opencc must be a non-empty string; got 1"),
        ('preset = "zz"\n', ":1: unknown preset 'zz' (known presets: newspaper-zh, ocr-en)"),
        ('lexicon = "nowhere.toml"\n', ":1: lexicon 'nowhere.toml': no such file"),
    ],
)
def test_a_bad_config_names_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.toml", text)
    with pytest.raises(ConfigError) as caught:
        cleantext.load_config(path)
    assert str(caught.value).startswith(f"{path}{message}")
    assert "\n" not in str(caught.value)
    result = cleantext_command("--config", path, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().startswith(f"cleantext: error: {path}{message}")
    assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


def test_an_unknown_key_of_the_pyproject_table_is_found_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\nstep = 1\n\n[tool.cleantext]\nstep = []\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:6: unknown key 'step' in \[tool.cleantext\]"):
        read_config(path)
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.cleantext\] must be a table"):
        read_config(write(tmp_path / "pyproject.toml", "[tool]\ncleantext = 3\n"))


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nowhere.toml: cannot read config: No such file"):
        read_config(tmp_path / "nowhere.toml")
    (tmp_path / "latin1.toml").write_bytes(b'skip = ["\xe9"]\n')
    with pytest.raises(ConfigError, match=r"latin1.toml: cannot read config: not UTF-8"):
        read_config(tmp_path / "latin1.toml")
    with pytest.raises(ConfigError, match=r"cannot read config"):
        read_config(tmp_path)
    result = cleantext_command("--config", tmp_path / "nowhere.toml", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1


def test_find_pyproject_looks_up_from_the_directory(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", "")
    assert find_pyproject(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "pyproject.toml", "")
    assert find_pyproject(deep) == tmp_path / "a" / "pyproject.toml"  # the nearest


# -- the command


def test_the_config_option(tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", 'add = ["cjk-punctuation", "fullwidth-ascii"]\nskip = ["layout-spaces"]\n')
    result = cleantext_command("--config", path, cwd=tmp_path)
    assert (result.returncode, result.stdout.decode(), result.stderr) == (0, "会议，强调（扩大）ABC\n陈 刚\n", b"")
    listed = cleantext_command("--config", path, "--list-steps", cwd=tmp_path).stdout.decode().split("\n")
    names = [line.split()[0] for line in listed if line]
    assert names == cleantext.load_config(path).names


def test_command_line_options_override_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", 'add = ["cjk-punctuation", "fullwidth-ascii"]\nskip = ["layout-spaces"]\n')
    assert cleantext_command("--config", path, "--add", "cjk-punctuation", cwd=tmp_path).stdout.decode() == (
        "会议，强调（扩大）ＡＢＣ\n陈 刚\n"
    )
    assert cleantext_command("--config", path, "--skip", "", cwd=tmp_path).stdout.decode() == (
        "会议，强调（扩大）ABC\n陈刚\n"  # an empty --skip: skip nothing
    )
    write(tmp_path / "en.toml", 'preset = "ocr-en"\n')
    assert cleantext_command("--config", tmp_path / "en.toml", stdin=b"infor-\nmation\n", cwd=tmp_path).stdout == (
        b"information\n"
    )
    assert cleantext_command("--config", tmp_path / "en.toml", "--preset", "newspaper-zh", "--list-steps",
                             cwd=tmp_path).stdout.split()[0] == b"text-hygiene"


def test_a_pyproject_in_the_directory_or_a_parent(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "corpus"\n\n[tool.cleantext]\nadd = ["fullwidth-ascii"]\n')
    deep = tmp_path / "pages" / "2024"
    deep.mkdir(parents=True)
    for cwd in (tmp_path, deep):
        assert cleantext_command(cwd=cwd).stdout.decode() == "会议,强调(扩大)ABC\n陈刚\n"
    # --config wins over the pyproject
    other = write(tmp_path / "plain.toml", "")
    assert cleantext_command("--config", other, cwd=deep).stdout.decode() == "会议,强调(扩大)ＡＢＣ\n陈刚\n"
    # a pyproject without the table changes nothing, and the search stops at it
    write(deep / "pyproject.toml", '[project]\nname = "inner"\n')
    assert cleantext_command(cwd=deep).stdout.decode() == "会议,强调(扩大)ＡＢＣ\n陈刚\n"
    write(deep / "pyproject.toml", '[tool.cleantext]\nadd = "fullwidth-ascii"\n')
    bad = cleantext_command(cwd=deep)
    assert bad.returncode == 2
    assert bad.stderr.decode() == (
        f"cleantext: error: {deep / 'pyproject.toml'}:2: add must be a list of step names, "
        "like add = [\"layout-spaces\"]; got 'fullwidth-ascii'\n"
    )


def test_the_lexicon_of_a_config_is_next_to_it(tmp_path: Path) -> None:
    write(tmp_path / "conf" / "paper.toml", "[blocks]\ndatelines = ['大众网{HAN}{0,6}讯']\n")
    write(tmp_path / "conf" / "cleantext.toml", 'lexicon = "paper.toml"\n')
    page = "大众网济南讯 6月 22日，会议召开。\n".encode()
    direct = cleantext_command("--lexicon", tmp_path / "conf" / "paper.toml", stdin=page, cwd=tmp_path)
    configured = cleantext_command("--config", "conf/cleantext.toml", stdin=page, cwd=tmp_path)
    assert configured.returncode == 0 and configured.stdout == direct.stdout
    write(tmp_path / "conf" / "paper.toml", "[blocks]\nno_such_entry = ['x']\n")  # the file it names is read
    broken = cleantext_command("--config", "conf/cleantext.toml", stdin=page, cwd=tmp_path)
    assert broken.returncode == 2
    assert broken.stderr.decode().startswith("cleantext: error: " + str(Path("conf") / "paper.toml"))


def test_the_options_of_a_config_go_to_clean_batch(tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", 'add = ["fullwidth-ascii"]\nskip = ["layout-spaces"]\n')
    options = read_config(path).options()
    assert options == {"add": ["fullwidth-ascii"], "skip": ["layout-spaces"]}
    batch = {"id": [1, 2], "text": ["ＡＢＣ 陈 刚", None]}
    assert cleantext.clean_batch(batch, final_newline=False, **options) == {"id": [1, 2], "text": ["ABC 陈 刚", None]}


def test_module_examples() -> None:
    import doctest

    import cleantext.config

    for module in (cleantext, cleantext.config):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_a_long_bad_value_is_cut_to_fit_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "long.toml", f'opencc = {list(range(100))}\n')
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert str(caught.value).endswith(": opencc must be a non-empty string; got " + repr(list(range(100)))[:57] + "...")
