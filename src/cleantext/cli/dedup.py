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
import sys
import time
from typing import Any, Iterator, NoReturn, Sequence

from ..dedup import THRESHOLD, clusters
from ..engines.dedup import dedup_documents, file_size, stats_report
from ..io.documents import MAX_DOC_BYTES, jsonl_inputs, read_jsonl, read_text, shown_size
from ..io.errors import InputError
from ..io.outputs import refuse_overwrites
from .dispatch import EXIT_OK, EXIT_STATUS, dispatch, ray_engine

__all__ = ["dedup_main", "jsonl_inputs", "stats_report"]

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

exit status: as for cleantext (see cleantext --help): 0 done; 2 bad usage or
unreadable input; 3 an output cannot be written (disk full, no permission);
130 interrupted.
"""


def _size(value: str) -> int:
    """A size in bytes: 1000, 64K, 32M, 1G (binary units)."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    number, unit = (value[:-1], value[-1:].upper()) if value[-1:].upper() in units else (value, "")
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (bytes, or with K, M, G)")
    return int(number) * units.get(unit, 1)



class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_STATUS[InputError], f"{self.prog}: error: {message} (see --help)\n")


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
                        f"binary units (default: {shown_size(MAX_DOC_BYTES).replace(' MiB', 'M')})")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="this machine (default), or Ray (RAY_ADDRESS, else a local Ray; needs --jsonl "
                        "and input files, and the extra cleantext-cjk[ray]); the same documents are kept")
    return parser


def _run_on_ray(args: argparse.Namespace) -> int:
    if not (args.jsonl and args.inputs and "-" not in args.inputs):
        raise InputError("--engine ray needs --jsonl and input files")
    engine = ray_engine()
    engine.ray_init()
    engine.dedup_jsonl(args.inputs, args.output, args.threshold, args.field, args.id_field, args.report,
                       max_doc_size=args.max_doc_size)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Do what the parsed command line asks; errors are raised for the dispatcher to report."""
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
    sizes = [file_size(name) for name in inputs]
    count, removed, bytes_out = dedup_documents(
        documents, args.output, args.report, args.threshold,
        total_bytes=None if None in sizes else sum(s or 0 for s in sizes), progress=args.progress,
    )
    if args.stats:
        groups = len(clusters(removed))
        print(stats_report(len(inputs), count, len(removed), groups, bytes_out, args.jsonl,
                           time.perf_counter() - started), file=sys.stderr)
    return EXIT_OK


def command(argv: Sequence[str]) -> int:
    """``cleantext dedup ARGV``: parsed (a usage error exits 2 here), then run."""
    return run(_parser().parse_args(argv))


def dedup_main(argv: Sequence[str] | None = None) -> int:
    """The ``cleantext dedup`` subcommand; returns the exit status."""
    return dispatch("cleantext dedup", command, list(sys.argv[1:] if argv is None else argv))
