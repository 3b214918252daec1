"""``cleantext [OPTIONS] FILE...``: a filter from raw page text to clean text, up to whole corpora.

This module reads the command line; the work (inputs, JSON Lines, worker
processes, outputs) is in :mod:`cleantext.engines` and :mod:`cleantext.io`,
failures are mapped to exit statuses by :mod:`cleantext.cli.dispatch`.
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from .._version import __version__
from ..batch import clean_sources, cores
from ..catalog import DEFAULT_PRESET, build_pipeline, presets
from ..io.errors import InputError, printable
from ..io.outputs import FileSink, Sink, StdoutSink, TreeSink
from ..io.sources import Source, find_sources
from ..pipeline import Scope, Step, canonical_order, get_step, step_families, step_names
from ..review import parse_style
from .dispatch import EXIT_CHANGED, EXIT_OK, ray_engine

__all__ = ["command", "every_step", "run", "usage_error"]

EXAMPLES = """\
examples:
  cleantext page.txt                   clean a page to stdout
  cat page.txt | cleantext > out.txt   as a filter
  cleantext page.txt -o clean.txt      write a file (atomically)
  cleantext -r pages/ --out-dir clean/ clean a tree of *.txt into a mirrored tree
  cleantext --jsonl -j 0 --progress docs.jsonl -o clean.jsonl
                                       clean the "text" field of each record, on all cores
  cleantext --jsonl --doc-field issue pages.jsonl
                                       a record per page: running headers across an issue
  cleantext --encoding gb18030 old.txt read GB18030 (output is always UTF-8)
  cleantext --skip headlines page.txt  leave a step out
  cleantext --only layout-spaces,column-wrap page.txt
  cleantext --opencc t2s page.txt      also convert Traditional to Simplified
  cleantext --config mine.toml page.txt
                                       options from a TOML file (default: [tool.cleantext]
                                       of the nearest pyproject.toml)
  cleantext --add fullwidth-ascii,cjk-punctuation page.txt
  cleantext --preset ocr-en scan.txt   English OCR text
  cleantext --explain page.txt         every change as JSON Lines
  cleantext --diff page.txt | less -R  every change marked in the text: [-old-]{+new+}
                                       (--diff=steps: and its step; --diff=all: joins too)
  cleantext --check pages/*.txt        exit 1 if any page would change
  cleantext --list-steps               the steps of the preset (--all: every step, its presets)
  cleantext dedup --help               drop near-duplicate documents

memory: a text file is read in ~1 MB blocks and cleaned page by page (form
feeds) or in chunks cut where a paragraph surely ends, with the output of
cleaning it whole; JSON Lines are read a batch of lines at a time (with
--doc-field, the records of one document in one batch). A step
marked "reads input twice" in --list-steps (running-headers) first reads a
text file once, keeping only what it compares; only if a step needs the
whole text (marked "whole file") is each file read whole.

exit status:
  0    done (with --check: nothing to clean); also when stdout is closed
       early (cleantext big.txt | head)
  1    --check found inputs to clean
  2    bad usage or bad input: a missing, unreadable or undecodable file,
       a bad JSON line with --on-error fail (one line on stderr naming the
       file and line or byte; no output file is left half-written)
  3    an output cannot be written (disk full, no permission)
  4    a step failed or a worker died: a bug (or no memory), please report it;
       also a worker stopped (SIGSTOP) and not continued for 60 s
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM); 129 and 131: SIGHUP
       and SIGQUIT, which stop a run as SIGTERM does
"""

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Clean the raw text of OCR'd or PDF-extracted newspaper pages.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("files", nargs="*", metavar="FILE", help="input files or directories (default or '-': stdin)")
    add("-r", "--recursive", action="store_true", help="clean the files under directories given")
    add("--glob", metavar="PATTERN",
        help="under directories, take the files named so (default: *.txt, with --jsonl *.jsonl)")
    add("--jsonl", action="store_true", help="inputs are JSON Lines: clean one field of each record, keep the rest")
    add("--field", metavar="NAME", help="with --jsonl, the field to clean (default: text)")
    add("--doc-field", metavar="NAME",
        help="with --jsonl, consecutive records with the same NAME are the pages of one document: "
        "running headers and footers are found across them")
    add("--on-error", choices=("fail", "skip", "keep"),
        help="with --jsonl, a line that is not JSON or lacks the field: fail (default), skip it, or keep it as it is")
    add("--encoding", default="utf-8", help="input encoding, e.g. gb18030, big5 (default: utf-8; a BOM wins)")
    add("--errors", choices=("strict", "replace"), default="strict",
        help="undecodable bytes: stop (strict, the default) or replace them with U+FFFD")
    add("-o", "--output", metavar="FILE", help="write all output here instead of stdout")
    add("--out-dir", metavar="DIR", help="write one file per input, mirroring the input tree")
    add("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default: 1; 0: one per core)")
    add("--progress", action=argparse.BooleanOptionalAction,
        help="progress bar on stderr (default: when stderr is a terminal and the run is long)")
    add("--stats", action="store_true", help="print totals on stderr at the end")
    add("--engine", choices=("local", "ray"), default="local",
        help="where to run: this machine (default), or Ray (RAY_ADDRESS, else a local Ray; needs --jsonl "
        "and --out-dir, and the extra cleantext-cjk[ray])")
    add("--preset", help=f"pipeline to run (default: {DEFAULT_PRESET})")
    add("--skip", metavar="STEP,...", help="leave these steps out")
    add("--only", metavar="STEP,...", help="run only these steps (in pipeline order; opt-in steps too)")
    add("--add", metavar="STEP,...", help="add opt-in steps (each runs at its place in the order of steps)")
    add("--opencc", metavar="CONFIG", help="convert script with an OpenCC config: t2s, s2t, s2twp, hk2s, ...")
    add("--lexicon", metavar="FILE",
        help="a TOML file of a paper's own datelines, headings, credits... added to the preset's vocabulary")
    add("--config", metavar="FILE",
        help="a TOML file of pipeline options: preset, add, skip, only (lists of steps), opencc, lexicon "
        "(default: [tool.cleantext] of the nearest pyproject.toml; options given here win)")
    add("--list-steps", action="store_true", help="list the steps of the preset and exit")
    add("--all", action="store_true",
        help="with --list-steps, every step there is: its presets, opt-in steps and step families")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--explain", action="store_true", help="print every change as JSON Lines instead of the text")
    mode.add_argument("--check", action="store_true", help="print nothing; exit 1 if cleaning would change an input")
    mode.add_argument("--diff", nargs="?", const="", metavar="steps,all",
                      help="print the text with every change marked as git's word diff does, [-old-]{+new+} "
                      "(JSON Lines: each changed record after a FILE:LINE line); =steps: name each change's "
                      "steps, =all: also mark joined lines and line-end whitespace")
    add("--color", choices=("auto", "always", "never"),
        help="with --diff, colour the changes (auto, the default: when stdout is a terminal)")
    add("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _jobs(value: str) -> int:
    jobs = int(value) if value.isdigit() else -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}")
    return jobs or cores()


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """The options, checked together; usage errors exit 2."""
    parser = _parser()
    argv = _diff_alone(argv)
    args = parser.parse_args(argv)
    if not args.jsonl and (args.field is not None or args.on_error is not None or args.doc_field is not None):
        parser.error("--field, --doc-field and --on-error go with --jsonl")
    if args.all and not args.list_steps:
        parser.error("--all goes with --list-steps")
    if args.color is not None and args.diff is None:
        parser.error("--color goes with --diff")
    if args.diff is not None:
        try:
            args.diff = parse_style(args.diff, _colour(args))
        except ValueError as exc:
            parser.error(str(exc))
    if args.output and args.out_dir:
        parser.error("-o and --out-dir do not go together")
    if args.check and (args.output or args.out_dir):
        parser.error("--check writes nothing: drop -o/--out-dir")
    try:
        if not getattr(codecs.lookup(args.encoding), "_is_text_encoding", True):  # rot13, base64, ...
            raise LookupError
    except LookupError:
        parser.error(f"unknown text encoding {args.encoding!r}")
    if args.engine == "ray":
        if not (args.jsonl and args.out_dir and args.files and "-" not in args.files):
            parser.error("--engine ray needs --jsonl, input files and --out-dir")
        if args.recursive or args.explain or args.check or args.diff or args.list_steps or args.doc_field:
            parser.error("--engine ray does not go with -r, --explain, --check, --diff, --list-steps or --doc-field")
    _configure(args)
    args.field = args.field or "text"
    args.on_error = args.on_error or "fail"
    args.glob = args.glob or ("*.jsonl" if args.jsonl else "*.txt")
    return args


def _diff_alone(argv: Sequence[str]) -> list[str]:
    """``--diff`` given without ``=``: it takes no value (``--diff page.txt``
    diffs page.txt); its words come only as ``--diff=steps``."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg == "--diff":
            out[i] = "--diff="
    return out


def _colour(args: argparse.Namespace) -> bool:
    """Whether --diff colours: --color, or (auto) when stdout is a terminal written to."""
    if args.color in ("always", "never"):
        return args.color == "always"
    return not (args.output or args.out_dir) and sys.stdout is not None and sys.stdout.isatty()


def _configure(args: argparse.Namespace) -> None:
    """Options not given on the command line from ``--config FILE``, else from
    ``[tool.cleantext]`` of the nearest pyproject.toml (see :mod:`cleantext.config`)."""
    from ..config import ConfigError, find_pyproject, read_config

    path = args.config or find_pyproject()
    try:
        config = read_config(path) if path else None
    except ConfigError as exc:
        raise InputError(str(exc)) from None
    if config is not None:
        for name in ("skip", "only", "add"):
            if getattr(args, name) is None and getattr(config, name):
                setattr(args, name, ",".join(getattr(config, name)))
        for name in ("preset", "opencc", "lexicon"):
            if getattr(args, name) is None:
                setattr(args, name, getattr(config, name))
    args.preset = args.preset or DEFAULT_PRESET


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in value.split(",") if n.strip()] if value else []


#: How --list-steps marks a step that reads more than a page at a time.
_READS = {Scope.SURVEYED: " [reads input twice]", Scope.TEXT: " [whole file]"}


def _reads(step: Step) -> str:
    return _READS.get(step.scope, "")


def _step_line(step: Step, marks: str = "") -> str:
    return f"{step.name:16} {step.description}{_reads(step)}{marks}"


def every_step() -> list[str]:
    """``--list-steps --all``: a line for every registered step and step family,
    in the order steps run: its description, then the presets it is in, or
    ``[opt-in]`` (added with ``--add``; a family with its own option)."""
    order = canonical_order()
    in_presets: dict[str, list[str]] = {}
    for preset, names in presets().items():
        for name in names:
            in_presets.setdefault(name, []).append(preset)

    def rank(name: str) -> tuple[int, str]:
        return (order.index(name) if name in order else len(order), name)

    families = step_families()
    lines = []
    for name in sorted([*step_names(), *families], key=rank):
        if name in families:
            doc = (families[name].__doc__ or "").strip()
            arg = found.group(1) if (found := re.search(rf"\b{re.escape(name)}-([A-Z]+)\b", doc)) else "ARG"
            described = doc.splitlines()[0].replace("``", "") if doc else f"The steps {name}-{arg}."
            option = f"--{name} {arg} or " if name == "opencc" else ""
            lines.append(f"{name + '-' + arg:16} {described} [opt-in: {option}--add {name}-{arg}]")
            if name == "opencc":
                from ..normalizers.script import configs

                lines.append(f"{'':16} {arg}: {', '.join(configs())}")
            continue
        where = in_presets.get(name)
        lines.append(_step_line(get_step(name), f" [in {', '.join(where)}]" if where else " [opt-in: --add]"))
    return lines


def _sink(args: argparse.Namespace, sources: Sequence[Source]) -> Sink:
    if args.check:
        return Sink()
    if args.out_dir:
        return TreeSink(Path(args.out_dir), sources)
    if args.output:
        return FileSink(Path(args.output), sources)
    return StdoutSink()


def run(args: argparse.Namespace) -> int:
    """Do what the parsed command line asks; errors are raised for :func:`main` to report."""
    try:
        chosen = build_pipeline(
            args.preset, _names(args.skip), _names(args.only), _names(args.add), args.opencc, args.lexicon
        )
    except (ValueError, RuntimeError) as exc:  # an unknown step or preset, a missing extra
        raise InputError(str(exc)) from None
    if args.list_steps:
        for line in every_step() if args.all else (_step_line(step) for step in chosen.steps):
            print(line)
        return EXIT_OK
    if args.engine == "ray":
        return _run_on_ray(args)
    sources = find_sources(args.files, args.recursive, args.glob, Path(args.out_dir) if args.out_dir else None)
    mode = "explain" if args.explain else "check" if args.check else "diff" if args.diff else "clean"
    sink = _sink(args, sources)
    try:  # (from the moment its temporary file exists: Ctrl-C may come before the run starts)
        summary = clean_sources(
            sources, chosen, sink, mode=mode, jsonl=args.jsonl, field=args.field,
            on_error=args.on_error, count_steps=args.stats, doc_field=args.doc_field, encoding=args.encoding,
            errors=args.errors, jobs=args.jobs, progress=args.progress, diff=args.diff,
        )
    except BaseException:
        sink.discard()
        raise
    for name in summary.would_clean if args.check else ():
        print(printable(f"would clean {name}"), file=sys.stderr)
    if args.stats:
        print(summary.report(chosen.names, args.jsonl), file=sys.stderr)
    return EXIT_CHANGED if args.check and summary.would_clean else EXIT_OK


def _run_on_ray(args: argparse.Namespace) -> int:
    """The same cleaning job on Ray: one output file per input, identical records."""
    if args.lexicon:
        raise InputError("--lexicon is not available with --engine ray yet; run the local engine")
    engine = ray_engine()
    engine.ray_init()
    engine.clean_jsonl_files(
        args.files, args.out_dir, preset=args.preset, add=_names(args.add), skip=_names(args.skip),
        only=_names(args.only), opencc=args.opencc, field=args.field, on_error=args.on_error,
        encoding=args.encoding, errors=args.errors,
    )
    return EXIT_OK




def usage_error(message: str) -> NoReturn:
    """A usage error of the command: its usage and ``message`` on stderr, exit 2."""
    _parser().error(message)


def command(argv: Sequence[str]) -> int:
    """``cleantext ARGV``: parsed (a usage error exits 2 here), then run."""
    return run(_parse(argv))
