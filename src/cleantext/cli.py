"""The ``cleantext`` command: a filter from raw page text to clean text."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator, NoReturn, Sequence

from . import DEFAULT_PRESET, Pipeline, __version__, pipeline, presets, step_names

EXAMPLES = """\
examples:
  cleantext page.txt                   clean a page to stdout
  cat page.txt | cleantext > out.txt   as a filter
  cleantext page.txt -o clean.txt      write a file (atomically)
  cleantext --skip headlines page.txt  leave a step out
  cleantext --only layout-spaces,column-wrap page.txt
  cleantext --opencc t2s page.txt      also convert Traditional to Simplified
  cleantext --add fullwidth-ascii,cjk-punctuation page.txt
  cleantext --preset ocr-en scan.txt   English OCR text
  cleantext --explain page.txt         every change as JSON Lines
  cleantext --check pages/*.txt        exit 1 if any page would change
  cleantext --list-steps

exit status: 0 done (or nothing to change with --check); 1 --check found
pages to clean; 2 bad usage or unreadable input; 130 interrupted.
"""

#: Exit statuses, as documented in --help.
EXIT_OK, EXIT_CHANGED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class InputError(Exception):
    """Input the command cannot use; the message is one line for the user."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Clean the raw text of OCR'd or PDF-extracted newspaper pages.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files (default or '-': stdin)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--preset", default=DEFAULT_PRESET, help=f"pipeline to run (default: {DEFAULT_PRESET})")
    parser.add_argument("--skip", metavar="STEP,...", help="leave these steps out")
    parser.add_argument("--only", metavar="STEP,...", help="run only these steps (in pipeline order)")
    parser.add_argument("--add", metavar="STEP,...", help="add opt-in steps (each runs at its place in the order of steps)")
    parser.add_argument("--opencc", metavar="CONFIG", help="convert script with an OpenCC config: t2s, s2t, s2twp, hk2s, ...")
    parser.add_argument("--list-steps", action="store_true", help="list the steps of the preset and exit")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--explain", action="store_true", help="print every change as JSON Lines instead of the text")
    mode.add_argument("--check", action="store_true", help="print nothing; exit 1 if cleaning would change an input")
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in value.split(",") if n.strip()] if value else []


def build_pipeline(
    preset: str,
    skip: Sequence[str] = (),
    only: Sequence[str] = (),
    add: Sequence[str] = (),
    opencc: str | None = None,
) -> Pipeline:
    """The pipeline a command line asks for; ValueError names what is wrong."""
    chosen = pipeline(preset).adding(*add, *([f"opencc-{opencc}"] if opencc else []))
    if only:
        chosen = chosen.only(*only)
    if skip:
        chosen = chosen.without(*skip)
    return chosen


def decode(data: bytes, name: str) -> str:
    """UTF-8 (a UTF-8 or UTF-16 BOM is honoured); a clear error otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {exc.encoding.upper()} at byte {exc.start}") from None


def read_inputs(files: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(name, text) of each input, stdin for '-' or no files."""
    for name in files or ["-"]:
        if name == "-":
            yield "<stdin>", decode(sys.stdin.buffer.read(), "<stdin>")
            continue
        try:
            data = Path(name).read_bytes()
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory") from None
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from None
        yield name, decode(data, name)


class Output:
    """stdout, or a file written to a temporary name and renamed when complete."""

    def __init__(self, path: str | None, inputs: Sequence[str]) -> None:
        self.path = path
        self._tmp: str | None = None
        if path is None:
            self.stream = sys.stdout
            return
        target = Path(path)
        for name in inputs:
            if name != "-" and Path(name).exists() and target.exists() and target.samefile(name):
                raise InputError(f"{path}: is also an input; refusing to overwrite it")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror})") from None
        self.stream = open(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        if self._tmp is not None:
            self.stream.close()
            os.replace(self._tmp, self.path)  # type: ignore[arg-type]
            self._tmp = None
        else:
            self.stream.flush()

    def discard(self) -> None:
        if self._tmp is not None:
            self.stream.close()
            os.unlink(self._tmp)
            self._tmp = None


def run(args: argparse.Namespace) -> int:
    chosen = build_pipeline(args.preset, _names(args.skip), _names(args.only), _names(args.add), args.opencc)
    if args.list_steps:
        for step in chosen.steps:
            print(f"{step.name:16} {step.description}")
        return EXIT_OK
    if args.check:
        changed = [name for name, text in read_inputs(args.files) if chosen(text) != text]
        for name in changed:
            print(f"would clean {name}", file=sys.stderr)
        return EXIT_CHANGED if changed else EXIT_OK
    out = Output(args.output, args.files)
    try:
        for name, text in read_inputs(args.files):
            if args.explain:
                for change in chosen.explain(text):
                    record = {"file": name, **change.to_dict()}
                    out.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.stream.write(chosen(text))
    except BaseException:
        out.discard()
        raise
    out.commit()
    return EXIT_OK


def fail(message: str, status: int = EXIT_BAD_INPUT) -> NoReturn:
    print(f"cleantext: error: {message}", file=sys.stderr)
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except InputError as exc:
        fail(str(exc))
    except (ValueError, RuntimeError) as exc:  # an unknown step, a missing extra
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (cleantext page.txt | head): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
