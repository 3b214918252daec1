"""Inputs that used to lose data or cost too much (issue 15), each a class of cases.

Every command runs in a subprocess with a timeout: a hang fails the test
instead of blocking the run.
"""

import json
import os
import random
import re
import subprocess
import sys
import threading
import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import clean
from cleantext.io import jsonline
from cleantext.io.decoding import SPOOL_IN_MEMORY
from cleantext.io.records import replace_value
from cleantext.normalizers.hygiene import fix_hygiene
from cleantext.stream import CHUNK_CHARS

TIMEOUT = 120

#: Three pages with a running header and page numbers: running-headers, which
#: reads a text input twice, has something to remove.
PAGES = "\f".join(
    f"甘肃政协报 2023年6月{d}日 第{d}版\n本报讯 6月 {d}日，会议召开。\n\n第{d}页的正文，内容足够长。\n- {d} -"
    for d in range(1, 7)
)


def run(*args, stdin=b"", **kwargs):
    return subprocess.run([sys.executable, "-m", "cleantext", *map(str, args)], input=stdin,
                          capture_output=True, timeout=TIMEOUT, **kwargs)


def one_line_error(result, status, start):
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert err.startswith(start), err
    assert err.count("\n") == 1 and "Traceback" not in err


# ---------------------------------------------------------------- 1. inputs that cannot be reopened


def through_fd(args, data):
    """The command reading ``data`` from a pipe it knows only as /dev/fd/N, like ``cleantext <(cat page.txt)``."""
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", *args, f"/dev/fd/{read_end}"], pass_fds=(read_end,),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(read_end)
    writer = threading.Thread(target=lambda: (os.write(write_end, data), os.close(write_end)))
    writer.start()
    out, err = proc.communicate(timeout=TIMEOUT)
    writer.join()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def through_dev_stdin(args, data):
    """``cat page.txt | cleantext /dev/stdin``."""
    return run(*args, "/dev/stdin", stdin=data)


def through_fifo(args, data, tmp_path):
    """A named pipe (mkfifo): opening it again would wait for a writer forever."""
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "wb") as f:
            f.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = run(*args, fifo)
    writer.join(timeout=5)
    return result


PIPES = {
    "fd": lambda args, data, tmp_path: through_fd(args, data),
    "dev-stdin": lambda args, data, tmp_path: through_dev_stdin(args, data),
    "fifo": through_fifo,
}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
@pytest.mark.parametrize("how", sorted(PIPES))
@pytest.mark.parametrize("mode", ["clean", "check", "explain"])
def test_an_input_that_cannot_be_reopened_is_read_once(tmp_path, how, mode):
    data = PAGES.encode()
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    args = {"clean": [], "check": ["--check"], "explain": ["--explain"]}[mode]
    expected = run(*args, page)
    assert "甘肃政协报" not in clean(PAGES)  # the survey has work to do
    result = PIPES[how](args, data, tmp_path)
    assert result.returncode == expected.returncode, result.stderr
    if mode == "explain":  # the same changes, under the other file name
        assert [{**json.loads(line), "file": ""} for line in result.stdout.decode().splitlines()] == [
            {**json.loads(line), "file": ""} for line in expected.stdout.decode().splitlines()]
        assert '"running-headers"' in result.stdout.decode()
    else:
        assert result.stdout == expected.stdout
    if mode == "clean":
        assert result.stdout.decode() == clean(PAGES)
        assert b"empty" not in result.stderr
    if mode == "check":
        assert result.returncode == 1 and b"would clean" in result.stderr


@pytest.mark.slow
def test_a_large_piped_input_is_spooled_and_read_once(tmp_path):
    """More than the spool keeps in memory and more than a chunk: through a temporary file."""
    text = "\f".join([PAGES] * 4000)
    assert len(text.encode()) > SPOOL_IN_MEMORY and len(text) > CHUNK_CHARS
    result = through_dev_stdin([], text.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == clean(text)


# ---------------------------------------------------------------- 2. outputs onto inputs


def dedup_cases(tmp):
    """(arguments, stdin file) of dedup runs that would overwrite an input or one output with the other."""
    data, out = tmp / "in.jsonl", tmp / "out.jsonl"
    return [
        (["--jsonl", data, "--report", data], None),
        (["--jsonl", data, "-o", data], None),
        (["--jsonl", data, "-o", tmp / "sub" / ".." / "in.jsonl"], None),
        (["--jsonl", data, "-o", out, "--report", out], None),
        (["--jsonl", data, "-o", out, "--report", tmp / "." / "out.jsonl"], None),
        (["--jsonl", "-", "--report", data], data),  # stdin is the file
        (["--jsonl", "--report", data], data),
        (["--jsonl", data, "--report", tmp / "link.jsonl"], None),  # a link to the input
        ([data, "-o", data], None),  # text files
    ]


@pytest.mark.parametrize("case", range(9))
def test_dedup_refuses_to_overwrite_an_input_or_its_other_output(tmp_path, case):
    data = tmp_path / "in.jsonl"
    corpus = '{"text": "正文一，内容足够长。"}\n{"text": "正文一，内容足够长。"}\n'
    data.write_text(corpus, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.jsonl").symlink_to(data)
    args, stdin = dedup_cases(tmp_path)[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    with open(stdin or os.devnull, "rb") as f:
        result = subprocess.run([sys.executable, "-m", "cleantext", "dedup", *map(str, args)], stdin=f,
                                capture_output=True, timeout=TIMEOUT)
    one_line_error(result, 2, "cleantext dedup: error: ")
    assert "refusing" in result.stderr.decode()
    assert data.read_text(encoding="utf-8") == corpus
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, no .part left


def test_dedup_may_send_both_outputs_down_one_pipe(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "正文一，内容足够长。"}\n{"text": "正文一，内容足够长。"}\n', encoding="utf-8")
    result = run("dedup", "--jsonl", data, "--report", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().count("\n") == 2


@pytest.mark.parametrize("args", [["-", "-o", "{page}"], ["-o", "{page}"], ["--jsonl", "-", "-o", "{page}"],
                                  ["-", "-o", "{tmp}/link.txt"], ["-", "-o", "{tmp}/sub/../page.txt"],
                                  ["-", "-o", "/dev/stdin"], ["{tmp}/other.txt", "-", "-o", "{page}"]])
def test_clean_refuses_stdin_as_its_own_output(tmp_path, args):
    """``cleantext - -o page.txt < page.txt`` would replace the page by its cleaning of itself."""
    page = tmp_path / "page.txt"
    page.write_text(PAGES, encoding="utf-8")
    (tmp_path / "other.txt").write_text(PAGES, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(page)
    (tmp_path / "sub").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [arg.format(page=page, tmp=tmp_path) for arg in args]
    with open(page, "rb") as f:
        result = subprocess.run([sys.executable, "-m", "cleantext", *args], stdin=f,
                                capture_output=True, timeout=TIMEOUT)
    one_line_error(result, 2, f"cleantext: error: {args[-1]}: is also an input")
    assert page.read_text(encoding="utf-8") == PAGES
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---------------------------------------------------------------- 3. JSON Lines: only the field's value changes

#: Records as raw lines, whose text field cleaning changes: everything but its value must stay byte for byte.
RAW_RECORDS = [
    '{"n": 1e400, "text": "陈 刚\\n"}',
    '{"a": 1.10, "b": 1E3, "c": -1e-400, "d": -0.0, "text": "陈 刚"}',
    '{ "text" : "陈 刚" , "e": "\\u00e9\\/\\ud83d\\ude00", "f": "é" }',
    '{"nested": {"text": "keep 陈 刚", "list": [1, {"text": "x"}]}, "text": "陈 刚", "after": [1.0]}',
    '{"te\\u0078t": "陈 刚", "z": 12345678901234567890123}',
    '\t{"text":"陈 刚","k":"a\\"b\\\\c"}  ',
    '{"meta": "text", "text": "陈 刚\\r\\n刚"}',
    '{"text": "\\u9648 \\u521a", "lone": "\\ud800"}',
]


@pytest.mark.slow
@pytest.mark.parametrize("raw", RAW_RECORDS)
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_changed_record_keeps_every_byte_but_the_value(tmp_path, raw, ending):
    path = tmp_path / "docs.jsonl"
    path.write_bytes((raw + ending).encode())
    result = run("--jsonl", path)
    assert result.returncode == 0, result.stderr
    line = result.stdout.decode()
    assert line.endswith(ending)
    value = json.loads(raw)["text"]
    expected = json.dumps(clean(value), ensure_ascii=False)
    start, end = _span_by_hand(raw)
    assert line == raw[:start] + expected + raw[end:] + ending


def _span_by_hand(raw):
    """Where the top-level text value is in ``raw``: for these records, the
    first string after '"text"' or '"te\\u0078t"' at depth 1."""
    depth, i = 0, 0
    while i < len(raw):
        c = raw[i]
        if c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
        elif c == '"':
            string, end = json.decoder.scanstring(raw, i + 1)
            if depth == 1 and string == "text" and raw[end:].lstrip().startswith(":"):
                start = end + len(raw[end:]) - len(raw[end:].lstrip()) + 1
                start += len(raw[start:]) - len(raw[start:].lstrip())
                return start, json.decoder.scanstring(raw, start + 1)[1]
            i = end
            continue
        i += 1
    raise AssertionError(raw)


def test_replace_value_of_the_library():
    assert replace_value('{"x": {"text": "a"}, "text": "b"}', "text", "新") == '{"x": {"text": "a"}, "text": "新"}'
    with pytest.raises(ValueError):
        replace_value('{"x": 1}', "text", "新")


def test_unchanged_records_blank_and_kept_lines_keep_their_cr(tmp_path):
    path = tmp_path / "docs.jsonl"
    data = b'{"text": "clean\\n", "n": 1.10}\r\n\r\n   \r\nnot json\r\n{"text": "\xe9\x99\x88 \xe5\x88\x9a"}\r\n'
    path.write_bytes(data)
    result = run("--jsonl", "--on-error", "keep", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == data.replace("陈 刚".encode(), "陈刚\\n".encode())


def test_a_repeated_key_is_still_refused(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "陈 刚", "text": "b"}\n', encoding="utf-8")
    one_line_error(run("--jsonl", path), 2, f"cleantext: error: {path}:1: the key 'text' appears twice")


# ---------------------------------------------------------------- 4. text-hygiene: one edit per run

_PER_CHARACTER = regex.compile(  # text-hygiene as it was: one match per character
    r"\u00ad[ \t]*\r?\n[ \t]*(?=\w)"
    r"|\r\n?"
    r"|[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)


def _hygiene_by_character(text):
    repaired = _PER_CHARACTER.sub(lambda m: "\n" if m.group().startswith("\r") else "", text)
    return unicodedata.normalize("NFC", repaired)


@pytest.mark.parametrize("seed", range(5))
def test_hygiene_by_runs_gives_the_output_of_hygiene_by_characters(seed):
    rng = random.Random(seed)
    alphabet = "\u00ad \t\r\n\f\x00\x07\x1f\x7f\x85\x9f\u200b\u2060\ufeff\u180e\u2063a中e\u0301"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert fix_hygiene(text) == _hygiene_by_character(text), repr(text)


HYGIENE_RUNS = [  # (text, edits expected)
    ("\0" * 100_000, 1),
    ("a" + "\0\u200b\ufeff\x07" * 10_000 + "b", 1),
    ("\0\u00ad" * 50_000, 1),  # soft hyphens not at a line end are part of the run
    ("infor\x00\u00ad\nmation", 2),  # the soft hyphen goes with the break, the NUL on its own
    ("\0" * 10 + "\r\n" + "\0" * 10, 3),
]


@pytest.mark.parametrize(("text", "edits"), HYGIENE_RUNS)
def test_hygiene_makes_one_edit_per_run(text, edits):
    assert len(fix_hygiene.edits(text)) == edits
    assert fix_hygiene(text) == _hygiene_by_character(text)


def test_a_file_of_nul_bytes_is_cleaned_in_little_memory(tmp_path):
    """32 MB of NUL bytes: once one edit per byte (tens of GB for 256 MB)."""
    path = tmp_path / "zeros.txt"
    with open(path, "wb") as f:
        f.truncate(32 << 20)  # a sparse file
    code = ("import resource, subprocess, sys; r = subprocess.run([sys.executable, '-m', 'cleantext', sys.argv[1]],"
            " capture_output=True); print(r.returncode, len(r.stdout),"
            " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=TIMEOUT)
    status, size, peak_mb = map(int, out.stdout.split())
    assert (status, size) == (0, 0), out.stderr
    assert peak_mb < 1200, peak_mb


# ---------------------------------------------------------------- 7. smaller ones

UTF32 = [("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")]


@pytest.mark.parametrize(("codec", "bom"), UTF32)
@pytest.mark.parametrize("option", [[], ["--encoding", "utf-32"], ["--encoding", "gb18030"]])
def test_a_utf32_bom_is_not_read_as_utf16(tmp_path, codec, bom, option):
    path = tmp_path / "page.txt"
    path.write_bytes(bom + "陈 刚\n".encode(codec))
    result = run(*option, path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "陈刚\n"
    assert result.stderr == b""  # UTF-32's NUL bytes are no sign of a binary file


BAD_FOR_CODEC = [  # (encoding, bytes it cannot decode)
    ("unicode_escape", b"abc\\x"),
    ("punycode", b"abc\\x"),
    ("raw_unicode_escape", b"abc\\u12"),
    ("utf-16", b"abc"),  # no BOM: a bare UnicodeError
    ("utf-7", b"abc-\xff"),
    ("idna", b"\xff"),
]


@pytest.mark.parametrize(("encoding", "data"), BAD_FOR_CODEC)
def test_undecodable_input_in_any_codec_is_exit_2(tmp_path, encoding, data):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    one_line_error(run("--encoding", encoding, path), 2, f"cleantext: error: {path}: not valid ")


ODD_NAMES = ["new\nline.txt", "esc\x1b[31mred.txt", "bidi\u202ename.txt", "tab\tname.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_file_name_is_printed_escaped(tmp_path, name):
    missing = tmp_path / name
    for result in (run(missing), run("dedup", missing)):
        assert result.returncode == 2
        err = result.stderr.decode()
        assert err.count("\n") == 1 and "\x1b" not in err and "\u202e" not in err and "\t" not in err
        assert repr(name)[1:-1] in err
    page = tmp_path / name
    page.write_bytes(b"\0 \n")  # a warning naming it
    err = run(page, "--check").stderr.decode()
    assert err.count("\n") == 2 and repr(name)[1:-1] in err, err


# ---------------------------------------------------------------- 7. JSON Python cannot hold: deep, long integers

DEEP = "[" * 3000 + '{"k": [1, 2.5e3, "s", null]}' + "]" * 3000
LONG_INT = "-" + "9" * 5000


@pytest.mark.slow
@pytest.mark.parametrize("member", [DEEP, LONG_INT, '{"a": ' + DEEP + ', "b": ' + LONG_INT + "}"])
@pytest.mark.parametrize("before", [True, False])
def test_a_record_nested_deeply_or_with_a_long_integer_is_cleaned(tmp_path, member, before):
    """Valid JSON the json module gives up on: the record is cleaned, every byte but the value kept."""
    raw = '{"x": %s, "text": "陈 刚"}' % member if before else '{"text": "陈 刚", "x": %s}' % member
    path = tmp_path / "docs.jsonl"
    path.write_text(raw + "\n", encoding="utf-8")
    result = run("--jsonl", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == raw.replace('"陈 刚"', '"陈刚\\n"') + "\n"
    assert run("--jsonl", "--check", path).returncode == 1
    assert run("--jsonl", "--doc-field", "x", path).stdout == result.stdout  # an opaque value names a document too


COLON = ': "a"'


def _column(raw, part):
    return raw.index(part) + 1


@pytest.mark.parametrize(("raw", "problem"), [
    (bad := '{"x": ' + DEEP[:-1] + ', "text": "a"}', f"not JSON (Expecting ',' delimiter at column {_column(bad, COLON)})"),
    ('{"x": ' + DEEP.replace('"k"', '"k": 1, "k"') + ', "text": "a"}', "the key 'k' appears twice"),
    (bad := '{"x": ' + DEEP.replace("null", "nul") + ', "text": "a"}', f"not JSON (Expecting value at column {_column(bad, 'nul')})"),
    (bad := '{"x": ' + DEEP + '} x', f"not JSON (Extra data at column {len(bad)})"),
    (DEEP, "not a JSON object"),
    ('{"x": ' + DEEP + "}", "no 'text' field"),
])
def test_a_deep_line_that_is_not_a_record_is_refused_precisely(tmp_path, raw, problem):
    path = tmp_path / "docs.jsonl"
    path.write_text(raw + "\n", encoding="utf-8")
    one_line_error(run("--jsonl", path), 2, f"cleantext: error: {path}:1: {problem}")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.integers(1, 3), st.sampled_from(["", " ", "\t\r\n "]))
def test_the_scanner_without_recursion_agrees_with_the_json_module(value, cut, space):
    """Valid JSON is read as json.loads reads it; a cut or altered text fails where json.loads fails."""
    text = json.dumps(value, indent=1 if space else None).replace("\n", "\n" + space)
    assert jsonline._end_of_value(space + text + space, 0) == len(space + text)
    assert jsonline._loads_deep('{"v": ' + text + "}") == {"v": value}
    for broken in (text[:-cut], text[:-cut] + "x" + text[-cut:], text + ","):
        try:
            json.loads(broken)
        except json.JSONDecodeError as exc:
            with pytest.raises(json.JSONDecodeError) as deep:
                jsonline._loads_deep(broken)
            assert deep.value.pos == exc.pos
        else:
            assert jsonline._loads_deep(broken) == json.loads(broken)


def test_dedup_reads_deep_records_and_long_integers(tmp_path):
    path = tmp_path / "docs.jsonl"
    records = [f'{{"text": "正文一，内容足够长。", "x": {DEEP}}}', f'{{"x": {LONG_INT}, "text": "正文一，内容足够长。"}}',
               '{"text": "另一篇文章，完全不同。"}']
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    result = run("dedup", "--jsonl", path, "--report", tmp_path / "report.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == records[0] + "\n" + records[2] + "\n"
    assert json.loads((tmp_path / "report.jsonl").read_text()) == {"kept": 1, "removed": [2], "similarity": [1.0]}


@pytest.mark.parametrize(("value", "why"), [(DEEP, "nested too deeply"), (LONG_INT, "an integer of 5,000 digits"),
                                            (f"[{LONG_INT}]", "holds a value Python cannot write")])
def test_dedup_refuses_an_id_it_cannot_write_to_its_report(tmp_path, value, why):
    path = tmp_path / "docs.jsonl"
    path.write_text(f'{{"text": "正文", "id": {value}}}\n', encoding="utf-8")
    one_line_error(run("dedup", "--jsonl", "--id-field", "id", path), 2,
                   f"cleantext dedup: error: {path}:1: the id in 'id' cannot be written to a report ({why})")


# ---------------------------------------------------------------- 7. dedup's outputs fail as the clean command's do


def shell(command, **kwargs):
    """``command`` run by bash, ``$CT`` the cleantext command: for redirections such as ``>&-``."""
    return subprocess.run(["bash", "-c", command], capture_output=True, timeout=TIMEOUT,
                          env={**os.environ, "CT": f"{sys.executable} -m cleantext"}, **kwargs)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["-o /dev/full", "> /dev/full", ">&-", "-o {tmp}/no/such/dir/out.txt"])
def test_dedup_output_failures_are_those_of_the_clean_command(tmp_path, where):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "正文一，内容足够长。"}\n', encoding="utf-8")
    where = where.format(tmp=tmp_path)
    clean_result = shell(f'$CT --jsonl "{data}" {where}')
    dedup_result = shell(f'$CT dedup --jsonl "{data}" {where}')
    assert clean_result.returncode == 3
    message = clean_result.stderr.decode().removeprefix("cleantext: error: ")
    one_line_error(dedup_result, 3, "cleantext dedup: error: " + message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_dedup_with_stdin_closed_reads_its_files_or_says_stdin_is_closed(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "正文一，内容足够长。"}\n', encoding="utf-8")
    result = shell(f'$CT dedup --jsonl "{data}" <&-')
    assert (result.returncode, result.stdout, result.stderr) == (0, data.read_bytes(), b"")
    one_line_error(shell("$CT dedup --jsonl <&-"), 2, "cleantext dedup: error: <stdin>: is closed")


def test_dedup_writes_an_id_with_a_lone_surrogate_escaped(tmp_path):
    data, report = tmp_path / "in.jsonl", tmp_path / "report.jsonl"
    data.write_text('{"id": "\\ud800", "text": "正文一，内容足够长。"}\n{"id": "b", "text": "正文一，内容足够长。"}\n')
    result = run("dedup", "--jsonl", "--id-field", "id", data, "--report", report)
    assert result.returncode == 0, result.stderr
    assert json.loads(report.read_text()) == {"kept": "\ud800", "removed": ["b"], "similarity": [1.0]}


def test_dedup_output_file_takes_the_mode_of_the_file_it_replaces(tmp_path):
    data, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    data.write_text('{"text": "正文一，内容足够长。"}\n', encoding="utf-8")
    out.write_text("old\n")
    out.chmod(0o644)
    assert run("dedup", "--jsonl", data, "-o", out).returncode == 0
    assert (out.stat().st_mode & 0o777, out.read_bytes()) == (0o644, data.read_bytes())


@pytest.mark.slow
@pytest.mark.parametrize("closed", ["<&-", "2>&-", "<&- 2>&-"])
@pytest.mark.parametrize("options", ["", "--jsonl", "-j 2", "--check", "dedup"])
def test_a_closed_stdin_or_stderr_does_not_matter_when_unused(tmp_path, closed, options):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "正文一，内容足够长。"}\n', encoding="utf-8")
    expected = shell(f'$CT {options} "{data}"')
    result = shell(f'$CT {options} "{data}" {closed}')
    assert (result.returncode, result.stdout) == (expected.returncode, expected.stdout), result.stderr
    assert result.stderr == (b"" if "2>&-" in closed else expected.stderr)


def test_with_stderr_closed_an_error_is_not_written_to_stdout(tmp_path):
    for command in ("$CT missing.txt", "$CT dedup missing.txt", "$CT --jsonl <<< 'not json'"):
        result = shell(command + " 2>&-", cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, b""), command


# ---------------------------------------------------------------- 7. SIGHUP and SIGQUIT stop a run as SIGTERM does


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGHUP", "SIGQUIT"])
@pytest.mark.parametrize("command", [["-j", "1"], ["-j", "2"], ["dedup"]])
def test_a_hangup_or_quit_leaves_no_part_file(tmp_path, sig, command):
    import signal
    import time

    out = tmp_path / "out.txt"
    out.write_text("previous\n")
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", *command, "-", "-o", str(out)],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(PAGES.encode())  # stdin stays open: the run waits for more
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:  # the temporary output exists
        time.sleep(0.05)
    assert len(list(tmp_path.iterdir())) == 2
    time.sleep(0.3)
    signum = getattr(signal, sig)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    prog = "cleantext dedup" if command == ["dedup"] else "cleantext"  # each subcommand names itself
    assert err.decode() == f"{prog}: error: terminated ({sig})\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"] and out.read_text() == "previous\n"


# ---------------------------------------------------------------- 7. --on-error fail on stdout: the records before it


#: The line of --on-error fail: in the fourth batch of ~1M characters, not at its start.
BAD_LINE = 25_000


@pytest.fixture(scope="module")
def with_a_bad_line(tmp_path_factory):
    """30,000 records with a bad line among them, and for each mode the output
    of the run skipping it (made once, for every -j)."""
    records = [json.dumps({"text": f"陈 刚{i}" + "正文" * 50}, ensure_ascii=False) for i in range(30_000)]
    lines = records[:BAD_LINE] + ["not json"] + records[BAD_LINE:]
    path = tmp_path_factory.mktemp("bad-line") / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    skipped: dict[str, list[str]] = {}

    def whole(options):
        key = " ".join(options)
        if key not in skipped:
            skipped[key] = run("--jsonl", *options, "--on-error", "skip", path).stdout.decode().splitlines(keepends=True)
        return skipped[key]

    return path, whole


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("mode", ["clean", "explain"])
def test_on_error_fail_to_stdout_writes_every_record_before_the_bad_line(with_a_bad_line, jobs, mode):
    """As the README says: stdout has had the records before it (also those of its own batch)."""
    path, whole_output = with_a_bad_line
    bad = BAD_LINE
    options = ["--explain"] if mode == "explain" else []
    result = run("--jsonl", "-j", jobs, *options, path)
    one_line_error(result, 2, f"cleantext: error: {path}:{bad + 1}: not JSON")
    whole = whole_output(options)
    if mode == "clean":
        assert result.stdout.decode() == "".join(whole[:bad])
    else:  # the changes of every record before it
        assert result.stdout.decode() == "".join(line for line in whole if json.loads(line)["line"] <= bad)
        assert {json.loads(line)["line"] for line in result.stdout.decode().splitlines()} == set(range(1, bad + 1))


# ---------------------------------------------------------------- 7. a stopped worker


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"), reason="Linux /proc")
def test_a_stopped_worker_ends_the_run_instead_of_a_wait_forever(tmp_path):
    import signal
    import time

    path, out = tmp_path / "page.txt", tmp_path / "out.txt"
    path.write_text("一二三四五六七八九十一二三四五六七八九十\n" * 100_000, encoding="utf-8")  # one task: no safe cut
    env = {**os.environ, "CLEANTEXT_STOPPED_WORKER_SECONDS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", "2", path, "-o", out], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stopped = set()
    try:
        deadline = time.monotonic() + 60
        while len(stopped) < 2 and proc.poll() is None and time.monotonic() < deadline:
            for child in set(_children(proc.pid)) - stopped:  # the workers, stopped as soon as they exist
                os.kill(child, signal.SIGSTOP)
                stopped.add(child)
            time.sleep(0.002)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        for child in stopped:  # should the run not have ended them
            try:
                os.kill(child, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert len(stopped) == 2
    err = err.decode()
    assert proc.returncode == 4, err
    assert err.startswith("cleantext: error: worker process ") and "was stopped (SIGSTOP?)" in err, err
    assert err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]  # no output, no .part
    for child in stopped:  # the run ended its workers
        assert not os.path.exists(f"/proc/{child}") or open(f"/proc/{child}/stat").read().split(") ")[1][0] == "Z"


# ---------------------------------------------------------------- 4. dedup: memory bounded by the document limit

#: A worker stopped while it wrote a result: half a message in the result pipe.
HALF_A_RESULT = """
import os, struct, time
from concurrent.futures import ProcessPoolExecutor
from cleantext.engines.workers import _stop
executor = ProcessPoolExecutor(1)
executor.submit(pow, 2, 2).result()
os.write(executor._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"0123456789")
time.sleep(0.5)  # (the manager thread is now waiting for the other 990 bytes)
_stop(executor)
print("stopped")
"""


@pytest.mark.slow
def test_workers_stopped_mid_result_let_the_process_exit():
    """The hang a closed stdout with -j 2 met now and then (the manager thread
    of the worker pool waited for the rest of a result, and the exit for it)."""
    proc = subprocess.run([sys.executable, "-c", HALF_A_RESULT], capture_output=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == b"stopped\n", proc.stderr


from cleantext import dedup as dedup_module  # noqa: E402


def _shingles_whole(norm):
    """shingles() as it was: every shingle of the document in one list."""
    if not norm:
        return []
    sample = norm[:dedup_module.SCRIPT_SAMPLE]
    if 2 * sum(map(len, dedup_module._CJK.findall(sample))) >= sum(map(len, dedup_module._LETTERS.findall(sample))):
        compact = norm.replace(" ", "")
        return [compact[i : i + 5] for i in range(max(1, len(compact) - 5 + 1))]
    words = dedup_module._WORD.findall(norm)
    return [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 3 + 1))]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("市政协 召开\u3000会议abc Déf\n\t\x1c\x85\u2028!0"), max_size=60), st.integers(1, 4))
def test_shingles_a_batch_at_a_time_are_the_shingles_of_the_whole(text, size):
    assert dedup_module.normalize(text) == " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    norm = dedup_module.normalize(text)
    batches = list(dedup_module.shingle_batches(norm, size=size))
    assert all(0 < len(batch) <= size for batch in batches)
    assert [s for batch in batches for s in batch] == dedup_module.shingles(norm) == _shingles_whole(norm)
    if norm:
        whole = dedup_module.minhash(_shingles_whole(norm)).digest()
        assert dedup_module.minhash_of(norm).digest() == whole


def test_re_whitespace_is_str_isspace():
    """normalize() collapses whitespace with re's \\s instead of str.split(): the same characters."""
    chars = "".join(map(chr, range(0x3000 + 1)))
    assert set(re.findall(r"\s", chars)) == {c for c in chars if c.isspace()}


@pytest.mark.parametrize("jsonl", [False, True])
def test_dedup_refuses_a_document_over_its_size_limit_naming_it(tmp_path, jsonl):
    small, big = tmp_path / "small", tmp_path / "big"
    if jsonl:
        small.write_text('{"text": "%sx"}\n' % ("甲" * 337), encoding="utf-8")  # 1,024 bytes and its line break
        big.write_text('{"text": "短"}\n{"text": "%sxy"}\n' % ("甲" * 337), encoding="utf-8")
    else:
        small.write_bytes("甲".encode() * 341 + b"x")  # 1,024 bytes
        big.write_bytes("甲".encode() * 341 + b"xy")
    options = ["--jsonl"] * jsonl + ["--max-doc-size", "1K"]
    result = run("dedup", *options, small, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out").read_bytes() == small.read_bytes()
    where = f"{big}:2: a record" if jsonl else f"{big}: a document"
    one_line_error(run("dedup", *options, small, big, "-o", tmp_path / "out2"), 2,
                   f"cleantext dedup: error: {where} longer than 1 KiB (see --max-doc-size)\n")
    assert not (tmp_path / "out2").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("jsonl", [[], ["--jsonl"]])
def test_dedup_of_dev_zero_is_refused_after_the_limit(jsonl):
    """Once killed by the OOM killer at 24 GB; now it reads the limit and a byte."""
    result = run("dedup", *jsonl, "--max-doc-size", "64K", "/dev/zero")
    one_line_error(result, 2, "cleantext dedup: error: /dev/zero")
    assert "longer than 64 KiB (see --max-doc-size)" in result.stderr.decode()


@pytest.mark.parametrize("value", ["0", "1.5M", "M", "-1", "12T"])
def test_a_bad_size_is_a_usage_error(value):
    one_line_error(run("dedup", "--max-doc-size", value), 2, "cleantext dedup: error: argument --max-doc-size: not a size")


# ---------------------------------------------------------------- 7. escapes that decode to surrogates (found by fuzzing)

from cleantext.io.decoding import BLOCK_BYTES  # noqa: E402

SURROGATE_ESCAPES = [("unicode_escape", b"a\\ud800b"), ("raw_unicode_escape", b"a\\ud800b"), ("utf-7", b"a+2AA-b"),
                     ("unicode_escape", b"a\\udc00"), ("unicode_escape", b"a\\ude00\\ud83db")]


@pytest.mark.slow
@pytest.mark.parametrize(("encoding", "data"), SURROGATE_ESCAPES)
def test_a_lone_surrogate_from_an_escape_is_bad_input_not_a_bug(tmp_path, encoding, data):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    result = run("--encoding", encoding, path)
    one_line_error(result, 2, f"cleantext: error: {path}: not valid ")
    assert "it decodes to a lone surrogate, U+D" in result.stderr.decode()
    replaced = run("--encoding", encoding, "--errors", "replace", path)
    assert replaced.returncode == 0, replaced.stderr
    assert "\ufffd" in replaced.stdout.decode() and replaced.stdout.decode().startswith("a")


@pytest.mark.parametrize("split", [False, True])
def test_an_escaped_surrogate_pair_is_its_character_even_across_blocks(tmp_path, split):
    path = tmp_path / "page.txt"
    pad = BLOCK_BYTES - len(b"\\ud83d") if split else 10  # the high surrogate's escape ends a block
    path.write_bytes(b"a" * pad + b"\\ud83d\\ude00\n")
    result = run("--encoding", "unicode_escape", "--only", "text-hygiene", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "a" * pad + "\U0001f600\n"


def test_a_span_of_a_file_is_read_as_the_whole_file_reads_it(tmp_path):
    """The Ray engine's byte ranges (Reader's span): offsets are the file's, a BOM only counts at byte 0."""
    import codecs

    from cleantext.io.decoding import Reader
    from cleantext.io.errors import InputError
    from cleantext.io.sources import Source

    path = tmp_path / "in.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\n" + codecs.BOM_UTF8 + b"c\x00\n\xffd\n")
    source = Source(path, "in.jsonl", path.relative_to(tmp_path))
    assert "".join(Reader(source, "gbk", span=(0, 6)).pieces()) == "ab\n"  # the BOM's codec, the BOM dropped
    middle = Reader(source, "utf-8", span=(6, 12))
    assert "".join(middle.pieces()) == "\ufeffc\x00\n" and middle.nul_at == 10 and middle.bytes_read == 6
    with pytest.raises(InputError, match=r"in.jsonl: not valid UTF-8 at byte 12 \(a binary file\?\)"):
        "".join(Reader(source, "utf-8", span=(6, 15)).pieces())


# ---------------------------------------------------------------- running-headers' survey of huge pages

from cleantext.normalizers import running  # noqa: E402

HUGE_LINES = ["本报讯 " * 400_000, "a" + " " * 2_000_000 + "b", " " * 2_000_000 + "本报讯", "一\n" * 5 + "本报讯 " * 400_000]


@pytest.mark.parametrize("line", HUGE_LINES, ids=["spaced", "spaces-inside", "spaces-before", "after-lines"])
def test_the_survey_keeps_little_of_a_huge_line(line):
    """A page of one line of megabytes (no line break to cut at) was kept whole
    by the survey, and copied again with each piece: 100 MB took 1.1 GB."""
    pieces = [line[i : i + 65536] for i in range(0, len(line), 65536)]
    (page,) = running._pages(pieces)
    assert len(line) > running.PAGE_CHARS + 65536 >= len(page)  # (a page is cut down once past PAGE_CHARS)


@pytest.mark.parametrize("line", HUGE_LINES + ["甘肃政协报" + " " * 2_000_000], ids=str.__len__)
def test_the_survey_in_pieces_finds_the_headers_of_the_whole(line):
    pages = [f"甘肃政协报 第{n}版\n正文{n}。\n{line if n == 2 else '正文。'}\n- {n} -" for n in range(1, 5)]
    text = "\f".join(pages)
    pieces = [text[i : i + 65536] for i in range(0, len(text), 65536)]
    assert running.find_running_headers(running._pages(pieces)) == running.find_running_headers(pages)


def test_the_survey_of_many_pages_keeps_few_keys_and_finds_the_headers():
    """Random bytes hold a form feed every 256 bytes: the survey kept every edge
    line of every page (100 MB: 533 MB RSS); it forgets the rare ones."""
    import tracemalloc

    rng = random.Random(4)
    def words():
        return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(8))

    pages = [f"甘肃政协报 第{n}版\n{words()}\n{words()}。\n{words()}\n- {n} -" for n in range(12_000)]
    tracemalloc.start()
    found = running.find_running_headers(iter(pages))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found is not None and set(found.keys) == {"甘肃政协报第#版", "-#-"} and found.pages == 12_000
    assert found.keys["甘肃政协报第#版"] == 12_000
    assert peak < 4 << 20  # (every key kept: some 12 MB)
