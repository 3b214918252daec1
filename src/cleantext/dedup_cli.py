"""``cleantext dedup``: drop near-duplicate documents, keeping the first of each group.

Input is JSON Lines (``--jsonl``: one document per record, its text in
``--field``) or text files (one document each; the id is the path); without
``--jsonl`` or ``--no-jsonl``, inputs named ``*.jsonl`` or ``*.json`` are JSON
Lines, others (and stdin) text. The
documents that remain are written in the input's format: JSONL records exactly
as read, or the kept files' texts one after another (as ``cat`` would). See
:mod:`cleantext.dedup` for how near-duplicates are found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, NoReturn, Sequence

from . import jsonline
from .corpus import AtomicFile, InputError, OutputError, Progress, _json_line, printable, refuse_overwrites
from .dedup import THRESHOLD, Decision, Deduper, clusters

EXAMPLES = """\
examples:
  cleantext dedup --jsonl corpus.jsonl -o unique.jsonl --report clusters.jsonl
  cleantext dedup --jsonl --field body --id-field url < crawl.jsonl > unique.jsonl
  cleantext dedup pages/*.txt --report dups.jsonl > /dev/null
  cleantext dedup --stats corpus.jsonl > unique.jsonl

JSON Lines or text: --jsonl (stdin too) or --no-jsonl say; without either,
inputs named *.jsonl or *.json are JSON Lines, one document a record, and
other inputs and stdin are text files, one document each (inputs of both
kinds at once are refused: say which).

JSONL ids: the --id-field of each record, else its line number ("FILE:LINE"
with several inputs). The report has one JSON line per group of duplicates:
{"kept": ID, "removed": [ID, ...], "similarity": [S, ...]}.

exit status: 0 done; 2 bad usage or unreadable input; 3 an output cannot be
written (disk full, no permission); 130 interrupted; as for cleantext otherwise.
"""

EXIT_OK, EXIT_BAD_INPUT, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 2, 3, 130

#: The longest document read (a text file, or a JSON line), in bytes: a longer one
#: is refused (exit 2) before it is held whole. Deduplicating a document holds a
#: few copies of it at once, and confirming a near-copy of it takes time that grows
#: with the square of its length.
MAX_DOC_BYTES = 32 << 20


def _size(value: str) -> int:
    """A size in bytes: 1000, 64K, 32M, 1G (binary units)."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    number, unit = (value[:-1], value[-1:].upper()) if value[-1:].upper() in units else (value, "")
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (bytes, or with K, M, G)")
    return int(number) * units.get(unit, 1)


def _shown(size: int) -> str:
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size:,} bytes"

#: Without --jsonl or --no-jsonl, inputs named so are read as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".json")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _threshold(value: str) -> float:
    try:
        t = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < t <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], not {value}")
    return t


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleantext dedup",
        description="Remove near-duplicate documents; the first of each group stays, order is kept.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="input files (default or '-': stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    parser.add_argument("--jsonl", action=argparse.BooleanOptionalAction,
                        help="inputs are JSON Lines, one document per record (--no-jsonl: text files, one "
                        "document each; default: JSON Lines if the inputs are named *.jsonl or *.json)")
    parser.add_argument("--field", default="text", help="JSONL field holding the text (default: text)")
    parser.add_argument("--id-field", metavar="FIELD", help="JSONL field holding the id (default: line number)")
    parser.add_argument("--threshold", type=_threshold, default=THRESHOLD, metavar="T",
                        help=f"similarity in (0, 1] from which a document is a duplicate (default: {THRESHOLD})")
    parser.add_argument("--report", metavar="FILE", help="write the groups of duplicates here as JSON Lines")
    parser.add_argument("--stats", action="store_true",
                        help="print totals on stderr at the end: inputs, documents, kept, removed, time")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction,
                        help="progress bar on stderr (default: when stderr is a terminal and the run is long)")
    parser.add_argument("--max-doc-size", type=_size, default=MAX_DOC_BYTES, metavar="SIZE",
                        help=f"refuse a document (a text file, a JSON line) longer than this; K, M, G: "
                        f"binary units (default: {_shown(MAX_DOC_BYTES).replace(' MiB', 'M')})")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="this machine (default), or Ray (RAY_ADDRESS, else a local Ray; needs --jsonl "
                        "and input files, and the extra cleantext-cjk[ray]); the same documents are kept")
    return parser


def _open(name: str) -> IO[bytes]:
    if name == "-":
        if sys.stdin is None:
            raise InputError("<stdin>: is closed")
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 at byte {exc.start}") from None


def _label(name: str) -> str:
    return "<stdin>" if name == "-" else name


def jsonl_inputs(inputs: Sequence[str], jsonl: bool | None) -> bool:
    """Whether ``inputs`` are read as JSON Lines: as ``jsonl`` says, else
    whether they are named ``*.jsonl`` or ``*.json`` (stdin: text). Inputs of
    both kinds are an InputError.

    >>> jsonl_inputs(["a.jsonl", "b.JSON"], None), jsonl_inputs(["a.txt", "-"], None), jsonl_inputs(["-"], True)
    (True, False, True)
    """
    if jsonl is not None:
        return jsonl
    names = list(inputs) or ["-"]
    found = [n for n in names if n != "-" and n.lower().endswith(JSONL_SUFFIXES)]
    if not found:
        return False
    other = next((n for n in names if n not in found), None)
    if other is not None:
        raise InputError(f"{found[0]} is JSON Lines by its name but {_label(other)} is not: "
                         "say which with --jsonl or --no-jsonl")
    return True


def read_jsonl(
    name: str, field: str, id_field: str | None, qualify: bool, max_bytes: int = MAX_DOC_BYTES
) -> Iterator[tuple[Any, str, str]]:
    """(id, text, the record's line) of each record; blank lines are skipped;
    a line longer than ``max_bytes`` is an InputError."""
    stream = _open(name)
    first = True  # the first record: a JSON array or object over lines is no JSON Lines
    hint = " (one JSON object a line is needed: a JSON array, or an object over several lines, is not JSON Lines)"
    try:
        number = 0
        while raw := stream.readline(max_bytes + 1):
            number += 1
            where = f"{_label(name)}:{number}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                raise InputError(f"{where}: a record longer than {_shown(max_bytes)} (see --max-doc-size)")
            line = _decode(raw, where).rstrip("\r\n")
            if not line.strip():
                continue
            try:
                record = jsonline.loads(line)  # nested 3,000 deep or a 5,000-digit integer is JSON too
            except json.JSONDecodeError as exc:
                more = hint if first and line.strip() in ("[", "{") else ""
                raise InputError(f"{where}: bad JSON ({exc.msg} at column {exc.colno}){more}") from None
            except jsonline.RepeatedKey as exc:
                raise InputError(f"{where}: bad JSON ({exc})") from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: not a JSON object{hint if first and isinstance(record, list) else ''}")
            first = False
            text = record.get(field)
            if not isinstance(text, str):
                problem = "no field" if field not in record else "no string in field"
                raise InputError(f"{where}: {problem} {field!r}")
            if id_field is None:
                doc_id: Any = where if qualify else number
            elif id_field in record:
                doc_id = record[id_field]
                if not _reportable(doc_id):
                    why = doc_id.why if isinstance(doc_id, jsonline.Opaque) else "holds a value Python cannot write"
                    raise InputError(f"{where}: the id in {id_field!r} cannot be written to a report ({why})")
            else:
                raise InputError(f"{where}: no field {id_field!r}")
            yield doc_id, text, line + "\n"
    except OSError as exc:
        raise InputError(f"{_label(name)}: cannot read ({exc.strerror})") from None
    finally:
        if name != "-":
            stream.close()


def _reportable(doc_id: Any) -> bool:
    """Whether an id can be written back as JSON (not an integer too long, say)."""
    if isinstance(doc_id, (str, int, float, bool, type(None))):
        return True
    try:
        json.dumps(doc_id)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def read_text(name: str, max_bytes: int = MAX_DOC_BYTES) -> tuple[str, str]:
    """(id, text) of a text file: the whole file is one document, of at most ``max_bytes``."""
    stream = _open(name)
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"{_label(name)}: a document longer than {_shown(max_bytes)} (see --max-doc-size)")
        return _label(name), _decode(data, _label(name))
    except OSError as exc:
        raise InputError(f"{_label(name)}: cannot read ({exc.strerror})") from None
    finally:
        if name != "-":
            stream.close()


class _Output:
    """stdout, or a file written to a temporary name and renamed when complete
    (:class:`cleantext.corpus.AtomicFile`: a path that is not a regular file,
    such as a pipe or ``/dev/stdout``, is written directly; a symbolic link's
    target is replaced, not the link). A write that fails is an OutputError,
    as in the clean command.
    """

    def __init__(self, path: str | None) -> None:
        self._file: AtomicFile | None = None
        if path is not None:
            self._file = AtomicFile(Path(path))
        elif sys.stdout is None:
            raise OutputError("<stdout>: is closed")
        else:
            self._stdout = sys.stdout.buffer

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        if self._file is not None:
            self._file.write(data)
            return
        try:
            self._stdout.write(data)
        except BrokenPipeError:
            raise  # the reader went away: dedup_main decides
        except OSError as exc:
            raise OutputError(f"<stdout>: cannot write ({exc.strerror})") from None

    def flush(self) -> None:
        if self._file is None:
            try:
                self._stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputError(f"<stdout>: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        if self._file is not None:
            self._file.commit()
        else:
            self.flush()

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()


def _run_on_ray(args: argparse.Namespace) -> int:
    if not (args.jsonl and args.inputs and "-" not in args.inputs):
        raise InputError("--engine ray needs --jsonl and input files")
    from .cli import ray_engine

    engine = ray_engine()
    engine.ray_init()
    try:
        engine.dedup_jsonl(args.inputs, args.output, args.threshold, args.field, args.id_field, args.report)
    except engine.RecordError as exc:
        raise InputError(str(exc)) from None
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    # Before anything is read or written: no output may replace an input or the other output.
    refuse_overwrites([("-o", args.output), ("--report", args.report)][: 2 if args.report else 1],
                      [None if name == "-" else name for name in args.inputs or ["-"]])
    args.jsonl = jsonl_inputs(args.inputs, args.jsonl)
    if args.engine == "ray":
        if args.stats:
            raise InputError("--stats goes with the local engine")
        return _run_on_ray(args)
    started = time.perf_counter()
    inputs: list[str] = args.inputs or ["-"]
    documents: Iterator[tuple[Any, str, str]]  # (id, text, what to write if it is kept)
    if args.jsonl:
        qualify = len(inputs) > 1
        documents = (doc for name in inputs
                     for doc in read_jsonl(name, args.field, args.id_field, qualify, args.max_doc_size))
    else:
        documents = ((doc_id, text, text) for doc_id, text in (read_text(name, args.max_doc_size) for name in inputs))
    removed: list[Decision[Any]] = []
    totals = {"documents": 0, "bytes out": 0}
    sizes = [_file_size(name) for name in inputs]
    bar = Progress(args.progress, None if None in sizes else sum(s or 0 for s in sizes), "cleantext dedup")

    def kept() -> Iterator[str]:
        with Deduper[Any](args.threshold) as deduper:
            for doc_id, text, payload in documents:
                totals["documents"] += 1
                bar.update(len(payload.encode("utf-8", "replace")))
                decision = deduper.check(doc_id, text)
                if decision.keep:
                    totals["bytes out"] += len(payload.encode("utf-8", "replace"))
                    yield payload
                else:
                    removed.append(decision)

    try:
        write_results(args.output, args.report, kept(), removed)
    finally:
        bar.close()
    if args.stats:
        groups = len(clusters(removed))
        print(stats_report(len(inputs), totals["documents"], len(removed), groups, totals["bytes out"],
                           args.jsonl, time.perf_counter() - started), file=sys.stderr)
    return EXIT_OK


def _file_size(name: str) -> int | None:
    """The size of a regular input file, for the progress bar; None for stdin, pipes and devices."""
    if name == "-":
        return None
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return stat.st_size if os.path.isfile(name) else None


def stats_report(inputs: int, documents: int, removed: int, groups: int, bytes_out: int, jsonl: bool,
                 seconds: float) -> str:
    """The totals of a run (--stats), as lines for stderr, in the clean command's layout.

    >>> print(stats_report(1, 10, 3, 2, 700, True, 0.5))
    cleantext dedup: stats
      inputs            1 (JSON Lines)
      documents         10
      kept              7
      removed           3 (in 2 groups of duplicates)
      bytes out         700
      time              0.50 s
    """
    return "\n".join([
        "cleantext dedup: stats",
        f"  inputs            {inputs:,} ({'JSON Lines' if jsonl else 'text files'})",
        f"  documents         {documents:,}",
        f"  kept              {documents - removed:,}",
        f"  removed           {removed:,} (in {groups:,} group{'' if groups == 1 else 's'} of duplicates)",
        f"  bytes out         {bytes_out:,}",
        f"  time              {seconds:.2f} s",
    ])


def write_results(output: str | None, report: str | None, kept: Iterable[str], removed: list[Decision[Any]]) -> None:
    """Write the kept documents, then (once ``kept`` is exhausted) the report of
    clusters; each output is all-or-nothing."""
    outputs = [_Output(output)]
    try:
        for payload in kept:
            outputs[0].write(payload)
        if report:
            outputs[0].flush()  # documents first, should both go to one stream
            outputs.append(_Output(report))
            for cluster in clusters(removed):
                outputs[1].write(_json_line(cluster.to_dict()))
    except BaseException:
        for out in outputs:
            out.discard()
        raise
    for out in outputs:
        out.commit()


def dedup_main(argv: Sequence[str] | None = None) -> int:
    """The ``cleantext dedup`` subcommand; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        return run(args)
    except InputError as exc:
        print(printable(f"cleantext dedup: error: {exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OutputError as exc:
        print(printable(f"cleantext dedup: error: {exc}"), file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print("cleantext dedup: error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (cleantext dedup ... | head): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
