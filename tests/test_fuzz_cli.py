"""A fuzzing target for the command line: hypothesis over bytes and options (issue 15).

Whatever the bytes, the command ends with a status of 0, 1 or 2 (never 4,
which is for bugs), no traceback, at most a few lines on stderr (one warning
per bad line with --on-error skip/keep), output that is UTF-8, and an -o file
either complete or untouched, with no temporary file left beside it.

The commands run in this process (``cleantext.cli.main``), so a run takes
milliseconds; the budget is a fixed number of examples (FUZZ_EXAMPLES,
default a few seconds' worth). ``HYPOTHESIS_PROFILE=explore FUZZ_EXAMPLES=5000``
fuzzes for longer, with new examples each time.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.cli import main

pytestmark = pytest.mark.slow  # fuzzers: hundreds of runs of the commands

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters that have broken text tools: controls, NUL, CR, form feeds, BOMs,
#: lone surrogates' neighbours, combining marks, bidi controls, layout spaces,
#: CJK and Latin text, JSON's own syntax.
HOSTILE = "\x00\x01\x07\x1b\x7f\x85\r\n\f\t \u00a0\u00ad\u200b\u2028\u202e\u3000\ufeff\ufffd\u0301é中本报讯，。陈刚 a1{}[]\":,\\"
TEXT = st.text(st.sampled_from(HOSTILE), max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass"))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.sampled_from(HOSTILE), max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "id", "doc", "x"]), inner,
                                                                max_size=4),
    max_leaves=10,
)
RECORD_LINE = st.one_of(
    st.dictionaries(st.sampled_from(["text", "id", "doc", "x"]), JSON_VALUE, max_size=4).map(
        lambda r: json.dumps(r, ensure_ascii=False)),
    st.builds(lambda t, i: json.dumps({"text": t, "id": i, "doc": i % 2}, ensure_ascii=False),
              st.text(st.sampled_from(HOSTILE), max_size=60), st.integers(0, 5)),
    st.sampled_from(["", "not json", "[1, 2]", '{"text": "a", "text": "b"}', '{"text": 1e400}', "{" * 2000,
                     '{"text": "a", "n": ' + "9" * 5000 + "}", '{"text": "\\ud800"}']),
)
JSONL = st.lists(RECORD_LINE, max_size=8).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
#: The bytes of an input: anything, hostile text, or JSON Lines, now and then with a BOM or a cut character.
DATA = st.tuples(
    st.one_of(st.binary(max_size=200), TEXT, JSONL),
    st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00\x00"]),
    st.sampled_from([b"", b"", b"\xe4\xb8", b"\r", b"\n\n"]),
).map(lambda parts: parts[1] + parts[0] + parts[2])


@contextmanager
def standard_streams(stdin: bytes):
    """sys.stdin, sys.stdout and sys.stderr replaced, as (stdout bytes, stderr text) once done."""
    saved = sys.stdin, sys.stdout, sys.stderr
    out = io.BytesIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    sys.stdout = io.TextIOWrapper(out, write_through=True)
    sys.stderr = io.StringIO()
    captured: dict[str, object] = {}
    try:
        yield captured
    finally:
        sys.stdout.flush()
        captured["stdout"], captured["stderr"] = out.getvalue(), sys.stderr.getvalue()
        sys.stdin, sys.stdout, sys.stderr = saved


def run_main(argv: list[str], stdin: bytes) -> tuple[int, bytes, str]:
    with standard_streams(stdin) as captured:
        try:
            status = main(argv)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    return status, captured["stdout"], captured["stderr"]  # type: ignore[return-value]


def check_run(status: int, stdout: bytes, stderr: str, allowed_lines: int, statuses: set[int]) -> None:
    assert status in statuses, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert stderr.count("\n") <= allowed_lines, stderr
    assert all(line.isprintable() for line in stderr.split("\n")), stderr  # names and bytes shown escaped
    stdout.decode("utf-8")  # output is always UTF-8


def check_output_file(out: Path, status: int) -> None:
    """An -o file is complete (a success) or untouched; no temporary file is left."""
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == []
    if status not in (0, 1):
        assert out.read_bytes() == b"previous\n"
    else:
        out.read_bytes().decode("utf-8")


CLEAN_OPTIONS = st.fixed_dictionaries({
    "jsonl": st.booleans(),
    "mode": st.sampled_from([None, None, "--check", "--explain", "--diff", "--diff=all,steps"]),
    "output": st.booleans(),
    "stdin": st.booleans(),
    "on_error": st.sampled_from([None, "skip", "keep", "fail"]),
    "doc_field": st.sampled_from([None, None, "doc"]),
    "encoding": st.sampled_from([None, None, None, "gb18030", "utf-16", "utf-32", "latin-1", "unicode_escape",
                                 "punycode", "utf-7"]),
    "errors": st.booleans(),
    "steps": st.sampled_from([[], [], ["--add", "fullwidth-ascii,cjk-punctuation,repeated-blocks"],
                              ["--preset", "ocr-en"], ["--only", "layout-spaces"], ["--stats"]]),
})


@FUZZ
@given(DATA, CLEAN_OPTIONS)
def test_the_clean_command_on_any_bytes(data, options):
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "in.data"
        page.write_bytes(data)
        argv: list[str] = []
        if options["jsonl"]:
            argv.append("--jsonl")
            if options["on_error"]:
                argv += ["--on-error", options["on_error"]]
            if options["doc_field"]:
                argv += ["--doc-field", options["doc_field"]]
        if options["mode"]:
            argv.append(options["mode"])
        if options["encoding"]:
            argv += ["--encoding", options["encoding"]]
        if options["errors"]:
            argv += ["--errors", "replace"]
        argv += options["steps"]
        out = Path(tmp) / "out" / "clean.out"
        if options["output"] and options["mode"] != "--check":
            out.parent.mkdir()
            out.write_bytes(b"previous\n")
            argv += ["-o", str(out)]
        argv.append("-" if options["stdin"] else str(page))
        status, stdout, stderr = run_main(argv, data if options["stdin"] else b"")
        per_line = data.count(b"\n") + 1 if options["on_error"] in ("skip", "keep") else 0
        stats = 16 if "--stats" in options["steps"] else 0
        check_run(status, stdout, stderr, 3 + per_line + stats, {0, 1, 2})
        if options["mode"] != "--check":
            assert status != 1
        if out.parent.exists():
            check_output_file(out, status)


DEDUP_OPTIONS = st.fixed_dictionaries({
    "jsonl": st.booleans(),
    "output": st.booleans(),
    "report": st.booleans(),
    "stdin": st.booleans(),
    "copies": st.integers(1, 3),
    "id_field": st.sampled_from([None, "id", "x"]),
    "max_size": st.sampled_from([None, "64", "1K"]),
    "threshold": st.sampled_from([None, "0.5", "1"]),
})


@FUZZ
@given(DATA, DEDUP_OPTIONS)
def test_the_dedup_command_on_any_bytes(data, options):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for n in range(options["copies"]):  # several copies of one document: something to remove
            path = Path(tmp) / f"in{n}.data"
            path.write_bytes(data)
            inputs.append(str(path))
        argv = ["dedup"]
        if options["jsonl"]:
            argv.append("--jsonl")
            if options["id_field"]:
                argv += ["--id-field", options["id_field"]]
        if options["max_size"]:
            argv += ["--max-doc-size", options["max_size"]]
        if options["threshold"]:
            argv += ["--threshold", options["threshold"]]
        out = Path(tmp) / "out" / "unique.out"
        out.parent.mkdir()
        if options["output"]:
            out.write_bytes(b"previous\n")
            argv += ["-o", str(out)]
        if options["report"]:
            argv += ["--report", str(Path(tmp) / "out" / "report.jsonl")]
        argv += ["-"] if options["stdin"] else inputs
        status, stdout, stderr = run_main(argv, data if options["stdin"] else b"")
        check_run(status, stdout, stderr, 1, {0, 2})
        if options["output"]:
            check_output_file(out, status)
        report = Path(tmp) / "out" / "report.jsonl"
        if options["report"] and status == 0:
            for line in report.read_text(encoding="utf-8").splitlines():
                assert set(json.loads(line)) == {"kept", "removed", "similarity"}
