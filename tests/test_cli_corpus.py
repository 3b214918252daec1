"""The cleantext command on corpora: JSON Lines, trees, workers, streaming, encodings, bad input.

Every test runs the command as a user does, in a subprocess, and checks the
exit status, stderr and the files left behind.
"""

import importlib.util
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time

import pytest
from conftest import EXPECTED, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import cleantext

from cleantext import clean, clean_pages
from cleantext.engines.tasks import BATCH_CHARS, _document_of, _line_batches
from cleantext.stream import CHUNK_CHARS

PAGES = [p.read_text(encoding="utf-8") for p in SEEDS]
EXPECTED_PAGES = [(EXPECTED / p.name).read_text(encoding="utf-8") for p in SEEDS]


def varied_pages(n, seed=0):
    """``n`` raw pages: seed pages with other digits and some blocks shuffled."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        page = re.sub(r"[0-9]", lambda m: str(rng.randint(0, 9)), rng.choice(PAGES))
        blocks = page.split("\n\n")
        cut = rng.randint(0, len(blocks))
        out.append("\n\n".join(blocks[cut:] + blocks[:cut]))
    return out


def write_jsonl(path, texts):
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": i, "text": text, "meta": {"n": [i, 1.5, None]}}, ensure_ascii=False) + "\n")


def files_in(directory):
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())


def one_line_error(result, status, start):
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert err.startswith(start), err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture(scope="module")
def big_text(tmp_path_factory):
    """A text file of ~1.3M characters (two 1M-character chunks at least) and its whole-text cleaning."""
    text = "\f".join("\n\n".join(varied_pages(80, seed)) for seed in range(3))
    assert len(text) > 1_200_000
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(text, encoding="utf-8")
    return path, clean(text).encode("utf-8")


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory):
    """A JSON Lines file of ~1.4M characters (two batches at least)."""
    path = tmp_path_factory.mktemp("jsonl") / "docs.jsonl"
    write_jsonl(path, varied_pages(250, seed=5))
    assert len(path.read_text(encoding="utf-8")) > 1_200_000
    return path


# ---------------------------------------------------------------- 1. JSON Lines


def test_jsonl_cleans_the_field_and_keeps_everything_else(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "text": "陈 刚\\n", "tags": ["a", "b"], "n": 1.5}\n'
        '{"id":2,"text":"已经干净。\\n","x":null}\n'
        '{"text": "6月 22日", "id": 3, "nested": {"text": "陈 刚"}}\n',
        encoding="utf-8",
    )
    result = cleantext("--jsonl", src)
    assert result.returncode == 0 and result.stderr == b""
    lines = result.stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [1, 2, 3]
    assert records[0] == {"id": 1, "text": "陈刚\n", "tags": ["a", "b"], "n": 1.5}
    assert lines[1] == '{"id":2,"text":"已经干净。\\n","x":null}'  # unchanged record: byte for byte
    assert list(records[2]) == ["text", "id", "nested"] and records[2]["nested"] == {"text": "陈 刚"}
    assert records[2]["text"] == clean("6月 22日")


def test_jsonl_field_option(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"body": "陈 刚\\n", "text": "陈 刚\\n"}\n', encoding="utf-8")
    result = cleantext("--jsonl", "--field", "body", src)
    assert json.loads(result.stdout) == {"body": "陈刚\n", "text": "陈 刚\n"}


BAD_JSONL = (
    '{"text": "陈 刚\\n"}\n'
    "not json\n"
    '{"id": 3}\n'
    "[1, 2]\n"
    '{"text": 5}\n'
    '{"text": "a", "text": "b"}\n'
    "\n"
    '{"text": "6月 22日\\n"}\n'
)
PROBLEMS = [
    ("2", "not JSON (Expecting value at column 1)"),
    ("3", "no 'text' field"),
    ("4", "not a JSON object"),
    ("5", "the 'text' field is not a string"),
    ("6", "the key 'text' appears twice"),
]


def test_bad_json_line_fails_with_its_line_number_and_writes_nothing(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(BAD_JSONL, encoding="utf-8")
    result = cleantext("--jsonl", src, "-o", out)
    one_line_error(result, 2, f"cleantext: error: {src}:2: not JSON (Expecting value at column 1)")
    assert "--on-error" in result.stderr.decode()
    assert files_in(tmp_path) == ["in.jsonl"]


@pytest.mark.parametrize("on_error", ["skip", "keep"])
def test_bad_json_lines_skipped_or_kept_are_reported_by_line(tmp_path, on_error):
    src = tmp_path / "in.jsonl"
    src.write_text(BAD_JSONL, encoding="utf-8")
    result = cleantext("--jsonl", "--on-error", on_error, src)
    assert result.returncode == 0
    warnings = result.stderr.decode().splitlines()
    assert len(warnings) == len(PROBLEMS)
    for line, (number, problem) in zip(warnings, PROBLEMS):
        assert line.startswith(f"cleantext: warning: {src}:{number}: {problem}")
        assert line.endswith("skipped" if on_error == "skip" else "kept as it is")
    out = result.stdout.decode().split("\n")
    bad = BAD_JSONL.split("\n")[1:6]
    if on_error == "skip":
        assert out == ['{"text": "陈刚\\n"}', "", '{"text": "6月22日\\n"}', ""]
    else:
        assert out == ['{"text": "陈刚\\n"}', *bad, "", '{"text": "6月22日\\n"}', ""]


def test_jsonl_explain_and_check_name_the_record_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "已经干净。\\n"}\n{"text": "本报讯 6月 22日，会议召开。\\n"}\n', encoding="utf-8")
    explained = [json.loads(line) for line in cleantext("--jsonl", "--explain", src).stdout.splitlines()]
    assert [(r["file"], r["line"], r["step"], r["start"]) for r in explained] == [
        (str(src), 2, "layout-spaces", 3), (str(src), 2, "layout-spaces", 6)]
    check = cleantext("--jsonl", "--check", src)
    assert check.returncode == 1 and check.stdout == b""
    assert check.stderr.decode() == f"would clean {src} (1 records)\n"


def issue_pages(issue, n, seed):
    """``n`` raw pages of one issue of a paper, each with the running header and footer."""
    return [f"甘肃政协报 2023年6月{issue}日 第{d}版\n{page}\n- {d} -" for d, page in enumerate(varied_pages(n, seed), 1)]


@pytest.mark.slow
def test_doc_field_finds_running_headers_across_the_records_of_a_document(tmp_path):
    """One record per page: with --doc-field, consecutive records of one issue
    are the pages of one document, and each comes out as its page of the whole
    issue cleaned (from a file or stdin, one worker or two, batches cut
    between issues only); without it, each record is a document of one page."""
    issues = [issue_pages(issue, n, issue) for issue, n in ((1, 150), (2, 3), (3, 150))]
    src = tmp_path / "pages.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for issue, pages in enumerate(issues, 1):
            for page in pages:
                f.write(json.dumps({"issue": f"2023-06-{issue:02}", "text": page}, ensure_ascii=False) + "\n")
    assert src.stat().st_size > 2 * BATCH_CHARS  # several batches
    expected = [page for pages in issues for page in clean("\f".join(pages)).split("\f")]
    assert expected == [page for pages in issues for page in clean_pages(pages)]
    assert not any("甘肃政协报" in page or "- 9 -" in page for page in expected)
    for args in ([src], [src, "-j", "2"], ["-"]):
        out = cleantext("--jsonl", "--doc-field", "issue", *args, stdin=src.read_bytes() if args == ["-"] else b"")
        assert out.returncode == 0, out.stderr
        assert [json.loads(line)["text"] for line in out.stdout.splitlines()] == expected
    explained = cleantext("--jsonl", "--doc-field", "issue", "--explain", "-j", "2", src).stdout.decode()
    assert set(re.findall(r"on \d+ of (\d+) pages", explained)) == {"150", "3"}  # each issue surveyed whole
    apart = [json.loads(line)["text"] for line in cleantext("--jsonl", src).stdout.splitlines()]
    assert apart == [clean(page) for pages in issues for page in pages]
    assert all(page.startswith("甘肃政协报") for page in apart)


def test_doc_field_must_be_in_every_record(tmp_path):
    src = tmp_path / "pages.jsonl"
    src.write_text('{"issue": 1, "text": "陈 刚"}\n{"text": "陈 刚"}\n', encoding="utf-8")
    one_line_error(cleantext("--jsonl", "--doc-field", "issue", src), 2, f"cleantext: error: {src}:2: no 'issue' field")


@given(
    st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]), st.integers(0, 30)), max_size=40),
    st.integers(1, 200),
    st.integers(1, 50),
)
def test_batches_of_json_lines_never_part_the_lines_of_a_document(lines, size, piece):
    """Batches are whole lines; consecutive records of one document (blank or
    bad lines between them or not) are in one batch."""
    text = "".join(
        "\n" if doc is None else json.dumps({"doc": doc, "text": "x" * n}) + "\n" if n else "not json\n"
        for doc, n in lines
    )
    pieces = [text[i : i + piece] for i in range(0, len(text), piece)]
    batches = list(_line_batches(iter(pieces), size, _document_of("doc")))
    assert "".join(batches) == text
    assert all(batch.endswith("\n") for batch in batches)
    records = [(k, json.loads(line)["doc"]) for k, batch in enumerate(batches) for line in batch.split("\n")
               if line.startswith("{")]
    for (batch, doc), (next_batch, next_doc) in zip(records, records[1:]):
        assert batch == next_batch or doc != next_doc


# ---------------------------------------------------------------- 2. many inputs


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "pages"
    (root / "a" / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a" / "one.txt").write_text(PAGES[0], encoding="utf-8")
    (root / "a" / "b" / "two.txt").write_text(PAGES[1], encoding="utf-8")
    (root / "a" / "notes.md").write_text("陈 刚\n", encoding="utf-8")
    (root / ".hidden" / "h.txt").write_text("陈 刚\n", encoding="utf-8")
    return root


def test_out_dir_mirrors_the_input_tree(tmp_path, tree):
    out = tmp_path / "clean"
    result = cleantext("-r", tree, "--out-dir", out)
    assert result.returncode == 0 and result.stderr == b"" and result.stdout == b""
    assert files_in(out) == ["a/b/two.txt", "a/one.txt"]
    assert (out / "a" / "one.txt").read_text(encoding="utf-8") == EXPECTED_PAGES[0]
    assert (out / "a" / "b" / "two.txt").read_text(encoding="utf-8") == EXPECTED_PAGES[1]
    mode = stat.S_IMODE((out / "a" / "one.txt").stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask  # not the 0600 of a temporary file


def test_glob_files_and_stdin_together(tmp_path, tree):
    result = cleantext("-r", "--glob", "*.md", tree, SEEDS[0], "-", stdin="6月 22日\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "陈刚\n" + EXPECTED_PAGES[0] + "6月22日\n"


def test_a_directory_needs_r_and_matching_files(tmp_path, tree):
    one_line_error(cleantext(tree), 2, f"cleantext: error: {tree}: is a directory (add -r")
    one_line_error(cleantext("-r", "--glob", "*.pdf", tree), 2, f"cleantext: error: {tree}: no files matching '*.pdf'")


def test_out_dir_never_overwrites_an_input(tmp_path, tree):
    before = {p: (tree / p).read_bytes() for p in files_in(tree)}
    one_line_error(cleantext("-r", tree, "--out-dir", tree), 2, "cleantext: error: ")
    assert "is also an input" in cleantext("-r", tree, "--out-dir", tree).stderr.decode()
    assert {p: (tree / p).read_bytes() for p in files_in(tree)} == before


def test_out_dir_inside_the_tree_is_not_read_again(tmp_path, tree):
    for _ in range(2):
        assert cleantext("-r", tree, "--out-dir", tree / "clean").returncode == 0
    assert files_in(tree / "clean") == ["a/b/two.txt", "a/one.txt"]


def test_out_dir_refuses_stdin_and_clashing_inputs(tmp_path):
    one_line_error(cleantext("--out-dir", tmp_path / "o", stdin=b"x"), 2, "cleantext: error: --out-dir needs files")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "p.txt").write_text("a\n")
    (tmp_path / "p.txt").write_text("b\n")
    result = cleantext(tmp_path / "p.txt", tmp_path / "x" / "p.txt", "--out-dir", tmp_path / "o")
    one_line_error(result, 2, "cleantext: error: ")
    assert "would both be written to" in result.stderr.decode()
    assert not (tmp_path / "o").exists()


def test_usage_errors(tmp_path):
    for args, message in [
        (["--field", "x"], "--field, --doc-field and --on-error go with --jsonl"),
        (["--doc-field", "x"], "--field, --doc-field and --on-error go with --jsonl"),
        (["--engine", "ray", "--jsonl", "--doc-field", "x", "a.jsonl", "--out-dir", "o"], "does not go with"),
        (["-o", "a", "--out-dir", "b"], "-o and --out-dir do not go together"),
        (["--check", "-o", "a"], "--check writes nothing"),
        (["-j", "-1"], "not a number of workers"),
        (["--encoding", "nope"], "unknown text encoding 'nope'"),
        (["--encoding", "rot13"], "unknown text encoding 'rot13'"),
    ]:
        result = cleantext(*args, stdin=b"x")
        assert result.returncode == 2 and message in result.stderr.decode(), (args, result.stderr)
        assert "Traceback" not in result.stderr.decode()


# ---------------------------------------------------------------- 3. workers


@pytest.mark.slow
def test_jobs_2_jsonl_output_is_identical_to_jobs_1(big_jsonl):
    one = cleantext("--jsonl", "-j", "1", big_jsonl)
    two = cleantext("--jsonl", "-j", "2", big_jsonl)
    assert one.returncode == two.returncode == 0 and one.stderr == two.stderr == b""
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert [r["id"] for r in records] == list(range(250))
    assert records[7]["text"] == clean(json.loads(big_jsonl.read_text(encoding="utf-8").splitlines()[7])["text"])


@pytest.mark.slow
def test_jobs_2_text_output_is_identical_to_jobs_1_and_to_cleaning_whole(big_text):
    path, whole = big_text
    one = cleantext(path)
    two = cleantext("-j", "2", path)
    assert one.returncode == two.returncode == 0
    assert one.stdout == whole and two.stdout == whole


def test_jobs_2_tree_and_explain_are_identical_to_jobs_1(tmp_path):
    for i, page in enumerate(varied_pages(12, seed=3)):
        (tmp_path / "in" / str(i % 3)).mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / str(i % 3) / f"{i:02}.txt").write_text(page, encoding="utf-8")
    for j in ("1", "2"):
        assert cleantext("-r", "-j", j, tmp_path / "in", "--out-dir", tmp_path / f"out{j}").returncode == 0
    names = files_in(tmp_path / "out1")
    assert len(names) == 12 and names == files_in(tmp_path / "out2")
    assert all((tmp_path / "out1" / n).read_bytes() == (tmp_path / "out2" / n).read_bytes() for n in names)
    explained = [cleantext("--explain", "-r", "-j", j, tmp_path / "in").stdout for j in ("1", "2", "0")]
    assert explained[0] == explained[1] == explained[2] and explained[0].count(b"\n") > 100


# ---------------------------------------------------------------- 4. streaming


@pytest.mark.slow
def test_explain_of_a_streamed_text_points_into_the_whole_file(big_text):
    path, _ = big_text
    text = path.read_text(encoding="utf-8")
    changes = [json.loads(line) for line in cleantext("--explain", path).stdout.splitlines()]
    assert max(c["start"] for c in changes) > 1_100_000  # past the first chunk
    assert all(text[c["start"] : c["end"]] == c["before"] for c in changes if c["step"] == "layout-spaces")


WHOLE_STEP = """
import sys
from cleantext.pipeline import Edit, normalizer

@normalizer("seen-length", scope="text")
def seen_length(text):
    '''Prefix the text with the length this step was given.'''
    yield Edit(0, 0, f"<{len(text)}>")

from cleantext.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_whole_text_step_sees_the_whole_file(big_text):
    path, _ = big_text
    result = subprocess.run([sys.executable, "-c", WHOLE_STEP, "--only", "seen-length", "--add", "seen-length", path],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"<{len(path.read_text(encoding='utf-8'))}>".encode())
    listed = subprocess.run([sys.executable, "-c", WHOLE_STEP, "--add", "seen-length", "--list-steps"],
                            capture_output=True, timeout=60).stdout.decode()
    assert "seen-length" in listed and "[whole file]" in listed
    assert "whole" in cleantext("--help").stdout.decode()


def test_memory_stays_flat_on_a_large_file(tmp_path):
    """40 MB of text: peak RSS far under the ~90 MB that reading and cleaning it whole takes."""
    para = "The extractor wrapped this line of a long report at the\ncolumn edge, so cleantext joins it again.\n\n"
    path = tmp_path / "large.txt"
    path.write_text(para * (40_000_000 // len(para)), encoding="utf-8")
    code = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'cleantext', '--only', 'text-hygiene',"
            f" {str(path)!r}], stdout=subprocess.DEVNULL, check=True);"
            " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    peak_kb = int(subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300, check=True).stdout)
    assert peak_kb < 60_000, f"peak RSS {peak_kb / 1000:.0f} MB"


# ---------------------------------------------------------------- 5. progress and stats


def test_progress_bar_goes_to_stderr_only():
    quiet = cleantext(SEEDS[0])
    shown = cleantext("--progress", SEEDS[0])
    assert shown.stdout == quiet.stdout and quiet.stderr == b""
    assert "cleantext: 100%" in shown.stderr.decode() and "B/s" in shown.stderr.decode()
    assert cleantext("--no-progress", SEEDS[0]).stderr == b""


def test_stats_summarise_the_run_on_stderr(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(BAD_JSONL, encoding="utf-8")
    result = cleantext("--jsonl", "--on-error", "skip", "--stats", src)
    assert result.returncode == 0
    err = result.stderr.decode()
    assert f"bytes in          {len(BAD_JSONL.encode()):,}" in err
    assert f"bytes out         {len(result.stdout):,}" in err
    assert "records           2 (2 changed, 5 bad lines)" in err
    assert re.search(r"layout-spaces +2 \(in 2\)\n", err) and re.search(r"time +[0-9.]+ s", err)
    text = cleantext("--stats", SEEDS[0])
    assert text.stdout == (EXPECTED / SEEDS[0].name).read_bytes()
    assert re.search(r"column-wrap +[1-9]", text.stderr.decode()) and "records" not in text.stderr.decode()


# ---------------------------------------------------------------- 6. encodings


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_chinese_encodings(tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGES[0].encode(encoding))
    result = cleantext("--encoding", encoding, path)
    assert result.returncode == 0 and result.stdout.decode() == EXPECTED_PAGES[0]  # output is UTF-8


def test_big5_and_a_bom_in_a_file(tmp_path):
    path = tmp_path / "big5.txt"
    text = "本報訊 6月 22日，這是 繁體字。\n"
    path.write_bytes(text.encode("big5"))
    assert cleantext("--encoding", "big5", path).stdout.decode() == clean(text)
    path.write_bytes(b"\xef\xbb\xbf" + "陈 刚\n".encode())
    assert cleantext("--encoding", "gb18030", path).stdout.decode() == "陈刚\n"  # a BOM wins
    path.write_bytes(b"\xfe\xff" + "陈 刚\n".encode("utf-16-be"))
    assert cleantext(path).stdout.decode() == "陈刚\n"


def test_undecodable_input_names_file_and_byte_offset(tmp_path):
    path = tmp_path / "bad.txt"
    good = ("本报讯，会议召开。\n" * 100_000).encode()  # ~2.8 MB: the bad byte is in a later block
    path.write_bytes(good + b"\xff" + b"tail\n")
    one_line_error(cleantext(path, "-o", tmp_path / "out.txt"), 2,
                   f"cleantext: error: {path}: not valid UTF-8 at byte {len(good)}")
    assert files_in(tmp_path) == ["bad.txt"]
    gb = tmp_path / "gb.txt"
    gb.write_bytes("会议".encode("gb18030") + b"\x81\x20")
    one_line_error(cleantext("--encoding", "gb18030", gb), 2, f"cleantext: error: {gb}: not valid GB18030 at byte 4")


def test_errors_replace_goes_on(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("陈 刚".encode() + b"\xff\n")
    result = cleantext("--errors", "replace", path)
    assert result.returncode == 0 and result.stdout.decode() == "陈刚\ufffd\n"


# ---------------------------------------------------------------- 7. bad input


def test_nul_bytes_are_reported_and_removed(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("陈\0 刚\n".encode())
    result = cleantext(path)
    assert result.returncode == 0 and result.stdout.decode() == "陈刚\n"
    assert result.stderr.decode() == f"cleantext: warning: {path}: NUL bytes, the first at byte 3 (a binary file?)\n"


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)
    one_line_error(cleantext(path), 2, f"cleantext: error: {path}: not valid UTF-8 at byte 0 (a binary file?)")


def test_an_empty_file_gives_an_empty_output(tmp_path):
    path, out = tmp_path / "empty.txt", tmp_path / "out.txt"
    path.write_bytes(b"")
    result = cleantext(path, "-o", out)
    assert result.returncode == 0 and out.read_bytes() == b""
    assert result.stderr.decode() == f"cleantext: warning: {path}: empty\n"
    assert cleantext("--jsonl", path).returncode == 0


@pytest.mark.slow
def test_a_50_mb_single_line(tmp_path):
    path = tmp_path / "line.txt"
    path.write_bytes(b"x" * 50_000_000)
    result = subprocess.run([sys.executable, "-m", "cleantext", str(path), "-o", str(tmp_path / "out.txt")],
                            capture_output=True, timeout=300)
    assert result.returncode == 0
    assert result.stderr.decode() == (f"cleantext: warning: {path}: 50,000,000 characters with no safe place to cut"
                                      " (a very long line?): cleaned in one piece\n")
    assert (tmp_path / "out.txt").read_bytes() == b"x" * 50_000_000 + b"\n"


def test_an_unreadable_file(tmp_path):
    if os.path.exists("/proc/self/mem"):  # readable by nobody, not even root
        one_line_error(cleantext("/proc/self/mem"), 2, "cleantext: error: /proc/self/mem: cannot read (")
    if os.geteuid() != 0:
        path = tmp_path / "secret.txt"
        path.write_text("x")
        path.chmod(0)
        one_line_error(cleantext(path), 2, f"cleantext: error: {path}: cannot read (Permission denied)")


def test_missing_file_is_found_before_anything_is_written(tmp_path):
    out = tmp_path / "o"
    result = cleantext(SEEDS[0], tmp_path / "missing.txt", "--out-dir", out)
    one_line_error(result, 2, f"cleantext: error: {tmp_path / 'missing.txt'}: no such file")
    assert not out.exists()


def test_closed_stdout_with_workers_stops_quietly_and_soon(big_text):
    path, _ = big_text
    started = time.monotonic()
    proc = subprocess.run(f'"{sys.executable}" -m cleantext -j 2 "{path}" | head -c 10; exit ${{PIPESTATUS[0]}}',
                          shell=True, executable="/bin/bash", capture_output=True, timeout=120)
    assert proc.returncode == 0 and len(proc.stdout) == 10
    assert proc.stderr.decode() == "cleantext: note: stdout was closed; stopped early\n"
    assert time.monotonic() - started < 30


def test_an_unwritable_output_is_exit_3(tmp_path):
    result = cleantext(SEEDS[0], "-o", tmp_path / "no" / "such" / "dir" / "out.txt")
    one_line_error(result, 3, f"cleantext: error: {tmp_path / 'no' / 'such' / 'dir' / 'out.txt'}: cannot write (")
    if os.path.exists("/dev/full"):
        full = subprocess.run(f'"{sys.executable}" -m cleantext "{SEEDS[0]}" > /dev/full', shell=True,
                              capture_output=True, timeout=60)
        one_line_error(full, 3, "cleantext: error: <stdout>: cannot write (No space left on device)")


@pytest.mark.slow
@pytest.mark.parametrize("sig, status, message", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupted_run_leaves_no_output(tmp_path, sig, status, message, jobs):
    out = tmp_path / "out.txt"
    out.write_text("previous\n")
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", jobs, "-", SEEDS[0], "-o", str(out)],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(PAGES[0].encode())  # stdin stays open: the run waits for more
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while len(files_in(tmp_path)) < 2 and time.monotonic() < deadline:  # the temporary output exists
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    proc.stdin.close()
    assert proc.returncode == status and err.decode() == f"cleantext: error: {message}\n"
    assert files_in(tmp_path) == ["out.txt"] and out.read_text() == "previous\n"


@pytest.mark.parametrize("where", ["finalizer", "exec"])
def test_ctrl_c_that_python_drops_or_marks_still_exits_130(tmp_path, where):
    """Ctrl-C can arrive while the run imports its engine: in a finalizer,
    where Python drops the KeyboardInterrupt (the run went on and replaced
    the output, exit 0), or in code run by exec (a dataclass being built),
    after which CPython ended the process by SIGINT whatever its status."""
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "out.txt"
    out.write_text("previous\n")
    code = f"""
import sys
from pathlib import Path
from cleantext.cli.dispatch import dispatch
from cleantext.io.outputs import AtomicFile

class Finalized:
    def __del__(self):
        raise KeyboardInterrupt

def command(argv):
    out = AtomicFile(Path(argv[0]))
    try:
        out.write(b"new\\n")
        if {where!r} == "finalizer":
            Finalized()
        else:
            exec("raise KeyboardInterrupt")
        out.commit()
    except BaseException:
        out.discard()
        raise
    return 0

sys.exit(dispatch("cleantext", command, sys.argv[1:]))
"""
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "interrupted_run.py").write_text(code)  # (run with -m, as cleantext is)
    proc = subprocess.run([sys.executable, "-m", "interrupted_run", str(out)], capture_output=True, text=True,
                          cwd=tmp_path / "bin")
    assert (proc.returncode, proc.stderr) == (130, "cleantext: error: interrupted\n")
    assert files_in(tmp_path / "out") == ["out.txt"] and out.read_text() == "previous\n"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_worker_stopped_before_its_own_handlers_stops_quietly():
    """The run's handlers are inherited by a worker forked while the run
    stops (a step failed, SIGTERM): there the signal stops the worker as its
    default action would, with no traceback (multiprocessing printed one)."""
    from cleantext.cli.dispatch import _sigterm_stops

    read, write = os.pipe()
    with _sigterm_stops():
        pid = os.fork()
        if pid == 0:  # the worker, before it sets its own handlers
            os.close(read)
            os.dup2(write, 2)
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
            finally:
                os._exit(0)  # (not reached: the signal stops the process)
        os.close(write)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read, "rb") as stderr:
            said = stderr.read()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM and said == b""


def test_a_failing_step_is_one_line_and_exit_4():
    code = """
import sys
from cleantext.pipeline import normalizer

@normalizer("boom")
def boom(text):
    '''Fail on a marker.'''
    if "BOOM" in text:
        raise ZeroDivisionError("division by zero")
    return iter(())

from cleantext.cli import main
sys.exit(main(sys.argv[1:]))
"""
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", code, "--add", "boom", "-j", jobs], input=b"ok\nBOOM\n",
                                capture_output=True, timeout=60)
        one_line_error(result, 4, "cleantext: error: <stdin>: a step failed (ZeroDivisionError: division by zero)")


RAW = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from([b"\0", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"\n", b"\r\n", b"\f", b" ", b"{", b"}",
                              b'"text"', b":", b'"', b"\\u0000", b"\\ud800", b"[", b"\x1b", "陈 刚".encode(),
                              "6月 22日".encode(), b"\xe4\xb8"]), max_size=60).map(b"".join),
)
OPTIONS = st.sampled_from([[], ["--jsonl"], ["--jsonl", "--on-error", "keep"], ["--jsonl", "--on-error", "skip", "-j", "2"],
                           ["--errors", "replace"], ["--explain"], ["--check", "--encoding", "gb18030"],
                           ["--encoding", "big5", "--errors", "replace", "--stats"], ["--jsonl", "--explain"]])


@pytest.mark.slow
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(RAW, OPTIONS)
def test_random_bytes_never_crash_the_command(data, options):
    result = cleantext(*options, stdin=data)
    err = result.stderr.decode()
    assert result.returncode in (0, 1, 2), err
    assert "Traceback" not in err
    assert all(line.startswith(("cleantext: ", "  ", "would clean")) for line in err.splitlines()), err
    if result.returncode == 0 and "--explain" not in options and "--check" not in options:
        result.stdout.decode("utf-8")  # the output is always UTF-8


# ---------------------------------------------------------------- the dedup subcommand


def test_dedup_subcommand_is_dispatched():
    result = cleantext("dedup", "--help")
    if importlib.util.find_spec("cleantext.cli.dedup") is None:
        assert result.returncode == 2
        assert "cleantext: error: the dedup subcommand is not available" in result.stderr.decode()
        assert "Traceback" not in result.stderr.decode()
    else:
        assert result.returncode == 0 and result.stdout


def test_output_to_a_device_or_through_a_symlink_keeps_the_link(tmp_path):
    # -o /dev/stdout writes to the device, never renames a file over it
    done = subprocess.run([sys.executable, "-m", "cleantext", str(SEEDS[0]), "-o", "/dev/stdout"],
                          capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stdout == (EXPECTED / SEEDS[0].name).read_bytes()
    assert os.path.islink("/dev/stdout") or not os.path.exists("/dev/stdout") or not os.path.isfile("/dev/stdout")
    # a symlink to a file: the file it names is replaced, the link stays a link
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert subprocess.run([sys.executable, "-m", "cleantext", str(SEEDS[0]), "-o", str(link)],
                          capture_output=True, timeout=120).returncode == 0
    assert link.is_symlink() and target.read_bytes() == (EXPECTED / SEEDS[0].name).read_bytes()


@pytest.mark.slow
def test_running_headers_go_from_a_multi_page_file_read_in_chunks(tmp_path):
    """A multi-page file is surveyed for running headers, then cleaned in
    chunks of whole pages: the output is that of clean() on the whole text,
    from a file and from stdin, with one worker or two."""
    pages = [f"甘肃政协报 2023年6月{d % 28 + 1}日 第{d}版\n{page}\n- {d} -" for d, page in enumerate(varied_pages(400), 1)]
    text = "\f".join(pages)
    path = tmp_path / "issue.txt"
    path.write_text(text, encoding="utf-8")
    whole = clean(text)
    assert "甘肃政协报" not in whole and "- 5 -" not in whole
    assert len(text) > 2 * CHUNK_CHARS  # cleaned in several chunks
    for args in ([str(path)], [str(path), "-j", "2"], ["-"]):
        out = cleantext(*args, "--stats", stdin=text.encode() if args == ["-"] else b"")
        assert out.returncode == 0, out.stderr
        assert out.stdout.decode() == whole
        assert re.search(r"running-headers\s+800\b", out.stderr.decode())
    assert "[reads input twice]" in cleantext("--list-steps").stdout.decode()
