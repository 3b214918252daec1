"""Cleaning a corpus: many inputs, JSON Lines, worker processes, flat memory.

How :func:`clean_corpus` runs::

    sources ──read──▶ tasks ──clean, here or in workers──▶ bytes ──▶ sink
    files, a tree,    text chunks that   Cleaner; results come       stdout, one file,
    stdin             clean apart, or    back in input order         a mirrored tree
                      batches of lines

* **Reading** (this process) decodes each input in blocks of ~1 MB with an
  incremental decoder (a UTF-8 or UTF-16 BOM is honoured) and cuts it into
  tasks: for text, the chunks of :func:`cleantext.stream.chunks`, which clean
  independently with the output of cleaning the text whole (an input is read
  whole only when a step needs the whole text: ``whole_text``); for JSON
  Lines, batches of ~1M characters of whole lines.
* **Cleaning** is done by :class:`Cleaner`, a picklable description of the
  work: here, or with ``jobs > 1`` in worker processes, which parse, clean
  and serialise while this process only reads and writes. At most a few
  tasks per worker are in flight, so memory stays flat, and results are
  taken in input order, so the output is the same for any number of workers.
* **Writing** goes to a :class:`Sink`. Files are written under a temporary
  name and renamed when complete (:class:`AtomicFile`).

Problems the user can fix are :class:`InputError` or :class:`OutputError`,
whose message is one line naming the input (file, line, byte) or output.
"""

from __future__ import annotations

import codecs
import fnmatch
import itertools
import json
import os
import re
import signal
import stat
import sys
import tempfile
import time
from collections import Counter, deque
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Generator, Iterator, NamedTuple, Sequence, Union

from . import jsonline
from .pipeline import Pipeline, apply_edits
from .review import DiffStyle, header, marked
from .stream import chunks, for_pages, surveyed, whole_pages

if TYPE_CHECKING:  # worker processes are started, and their module imported, only with jobs > 1
    from concurrent.futures import Future, ProcessPoolExecutor

#: Bytes read (and decoded) at a time.
BLOCK_BYTES = 1 << 20
#: Characters of whole JSON lines sent to a worker at a time.
BATCH_CHARS = 1 << 20
#: A stretch this long with no safe cut is worth a warning (time and memory).
LONG_CHARS = 1 << 23
#: An input that cannot be read twice is kept in memory up to this size, then in a temporary file.
SPOOL_IN_MEMORY = 1 << 21
#: Tasks in flight per worker: the one it cleans and the next, ready when it is done.
IN_FLIGHT_PER_WORKER = 2
#: A worker process found stopped (SIGSTOP, "T" in /proc, Linux only) this many seconds in a row
#: while a result is awaited ends the run instead of making it wait forever (environment:
#: CLEANTEXT_STOPPED_WORKER_SECONDS). A worker that is only slow is waited for however long it takes.
STOPPED_WORKER_SECONDS = float(os.environ.get("CLEANTEXT_STOPPED_WORKER_SECONDS") or 60)


class InputError(Exception):
    """Input the command cannot use; the message is one line for the user."""


class OutputError(Exception):
    """An output that cannot be written; the message is one line for the user."""


class CleaningError(Exception):
    """A step failed, or a worker died: a bug or a lack of memory, not bad input."""


def printable(message: str) -> str:
    """``message`` safe to print as one line on a terminal: line breaks, escape
    and other control characters, and invisible format characters (from a
    file name, say) are escaped as ``repr`` would."""
    if message.isprintable():
        return message
    import unicodedata

    return "".join(
        repr(c)[1:-1] if unicodedata.category(c)[0] == "C" or c in "\u2028\u2029" else c for c in message
    )


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Source:
    """One input: a file, or stdin (``path`` is None)."""

    path: Path | None
    name: str  #: how messages name it
    relative: Path  #: where its output goes under --out-dir

    def reopenable(self) -> bool:
        """Whether it can be read again by opening its path anew: a regular file
        (not stdin, a pipe such as ``<(cmd)`` or ``/dev/stdin``, a FIFO or a device)."""
        return self.size() is not None

    def size(self) -> int | None:
        """Its size in bytes, if it is a regular file."""
        try:
            st = os.stat(self.path) if self.path else None
        except OSError:
            return None
        return st.st_size if st and stat.S_ISREG(st.st_mode) else None


STDIN = Source(None, "<stdin>", Path("<stdin>"))


def find_sources(args: Sequence[str], recursive: bool, pattern: str, exclude: Path | None = None) -> list[Source]:
    """The inputs named on the command line ('-' or none: stdin).

    A directory needs ``recursive``; under it, files whose name matches the
    glob ``pattern`` are taken in sorted order, leaving out hidden files and
    directories and the directory ``exclude`` (the --out-dir).
    """
    sources: list[Source] = []
    for arg in args or ["-"]:
        if arg == "-":
            sources.append(STDIN)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(f"{arg}: no such file") from None
        except OSError as exc:
            raise InputError(f"{arg}: cannot read ({exc.strerror})") from None
        if not is_dir:
            sources.append(Source(Path(arg), arg, Path(Path(arg).name)))
        elif not recursive:
            raise InputError(f"{arg}: is a directory (add -r to clean the files under it)")
        else:
            found = list(_walk(Path(arg), pattern, exclude))
            if not found:
                raise InputError(f"{arg}: no files matching {pattern!r} under it")
            sources += found
    return sources


def _walk(top: Path, pattern: str, exclude: Path | None) -> Iterator[Source]:
    def unreadable(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: cannot read ({exc.strerror})")

    skip = exclude.resolve() if exclude else None
    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d).resolve() != skip)
        for name in sorted(filenames):
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern):
                path = here / name
                yield Source(path, str(path), path.relative_to(top))


#: Byte order marks and their codecs. UTF-32's come first: the UTF-32-LE BOM
#: begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


class Reader:
    """The text of one input, decoded block by block.

    ``bytes_read`` counts the bytes read so far; ``nul_at`` is the offset of
    the first NUL byte, if any (a binary file, or UTF-16 without a BOM).
    """

    def __init__(self, source: Source, encoding: str = "utf-8", errors: str = "strict") -> None:
        self.source = source
        self.encoding = encoding
        self.errors = errors
        self.bytes_read = 0
        self.nul_at: int | None = None
        #: The input as read so far, when it is to be read again and cannot be
        #: reopened (stdin, a pipe, a FIFO, a device): it is read only once.
        self._spool: BinaryIO | None = None
        self._spooled = False  # the spool holds the whole input: read it, not the input
        self._codec = encoding  # the codec decoding (a BOM's, else ``encoding``)
        self._high = ""  # a high surrogate that ended the last block decoded

    def wide(self) -> bool:
        """Whether the input is UTF-16 or UTF-32, where NUL bytes are no sign of a binary file."""
        return codecs.lookup(self._codec).name.startswith(("utf-16", "utf-32"))

    def read_again(self) -> None:
        """Let :meth:`pieces` be called once more (an input that cannot be
        reopened is kept in a temporary file meanwhile)."""
        if self._spool is None and not self.source.reopenable():
            self._spool = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY)  # type: ignore[assignment]
        self.bytes_read, self.nul_at = 0, None

    def pieces(self) -> Iterator[str]:
        """The decoded text, a block at a time; InputError names the first bad byte."""
        stream = self._open()
        try:
            data = self._read(stream)
            codec, bom = next(((c, len(b)) for b, c in _BOMS if data.startswith(b)), (self.encoding, 0))
            self._codec, self._high = codecs.lookup(codec).name, ""
            decoder = codecs.getincrementaldecoder(codec)(self.errors)
            offset, block = bom, data[bom:]  # offset: bytes before ``block`` given to the decoder
            while data:
                yield self._decode(decoder, block, offset, final=False)
                offset += len(block)
                data = block = self._read(stream)
            yield self._decode(decoder, b"", offset, final=True)
        finally:
            if self.source.path is not None and stream is not self._spool:
                stream.close()

    def _open(self) -> BinaryIO:
        if self._spooled:
            assert self._spool is not None
            self._spool.seek(0)
            return self._spool
        if self.source.path is None:
            if sys.stdin is None:
                raise InputError("<stdin>: is closed")
            return sys.stdin.buffer
        try:
            return open(self.source.path, "rb")
        except FileNotFoundError:
            raise InputError(f"{self.source.name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{self.source.name}: cannot read ({exc.strerror})") from None

    def _read(self, stream: BinaryIO) -> bytes:
        try:
            data = stream.read(BLOCK_BYTES)
        except OSError as exc:
            raise InputError(f"{self.source.name}: cannot read ({exc.strerror})") from None
        if self._spool is not None and stream is not self._spool:
            self._spool.write(data)
            self._spooled = not data  # the end: from now on the input is read from the spool
        nul = data.find(b"\0")
        if nul != -1 and self.nul_at is None:
            self.nul_at = self.bytes_read + nul
        self.bytes_read += len(data)
        return data

    def _decode(self, decoder: codecs.IncrementalDecoder, block: bytes, offset: int, final: bool) -> str:
        pending = len(decoder.getstate()[0])  # bytes of a character begun in the last block
        try:
            text = decoder.decode(block, final)
        except ValueError as exc:  # UnicodeDecodeError; some codecs (punycode) raise a bare UnicodeError
            if isinstance(exc, UnicodeDecodeError):
                where = f" at byte {offset - pending + exc.start}"
            else:
                where = f" ({exc})" if str(exc) else ""
            raise self._invalid(where) from None
        if self._codec != "utf-8":  # escapes (unicode_escape, utf-7...) can give surrogates, never UTF-8
            text = self._surrogates(text, final)
        return text

    def _invalid(self, where: str) -> InputError:
        label = codecs.lookup(self._codec).name.upper()
        hint = " (a binary file?)" if self.nul_at is not None else " (another encoding? see --encoding)"
        return InputError(f"{self.source.name}: not valid {label}{where}{hint}")

    def _surrogates(self, text: str, final: bool) -> str:
        """``text`` with its surrogate pairs (``\\ud83d\\ude00`` escaped) as the characters
        they stand for; a lone surrogate, which no output can hold, is an error (or
        U+FFFD with --errors replace). A high surrogate ending a block waits for the next."""
        text, self._high = self._high + text, ""
        if not _SURROGATE.search(text):
            return text
        if not final and "\ud800" <= text[-1] <= "\udbff":
            text, self._high = text[:-1], text[-1]
        text = _SURROGATE_PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)
        lone = _SURROGATE.search(text)
        if lone is None:
            return text
        if self.errors == "replace":
            return _SURROGATE.sub("\ufffd", text)
        raise self._invalid(f" (it decodes to a lone surrogate, U+{ord(lone.group()):04X})")


# ---------------------------------------------------------------- tasks


class Task(NamedTuple):
    """Text to clean in one piece: a chunk of a text file, or whole lines of a JSON Lines file."""

    jsonl: bool
    text: str
    start: int  #: where ``text`` starts in its input: a character offset, or (JSON Lines) a line number
    name: str  #: the input, as messages and --explain name it
    pipeline: Pipeline | None = None  #: made for this input by a survey (else the cleaner's)


class Begin(NamedTuple):
    source: Source


class Work(NamedTuple):
    task: Task
    nbytes: int  #: input bytes read for this task


class Finish(NamedTuple):
    source: Source
    nbytes: int  #: input bytes read after the last task


class Note(NamedTuple):
    message: str  #: a warning, given in input order


class Fail(NamedTuple):
    error: InputError  #: raised when the run gets here, after the output before it


Event = Union[Begin, Work, Finish, Note, Fail]


@dataclass(frozen=True)
class Reading:
    """How inputs are read."""

    encoding: str = "utf-8"
    errors: str = "strict"  #: or "replace": undecodable bytes become U+FFFD
    jsonl: bool = False
    whole: bool = False  #: a step needs each text whole (``whole_text``): no chunks
    #: The pipeline, when a step compares pages: each text input is first
    #: read once for it (see :func:`cleantext.stream.surveyed`)
    survey: Pipeline | None = None
    #: JSON Lines: consecutive records with the same value of this field are
    #: the pages of one document, never split between batches
    doc_field: str | None = None


def plan(sources: Sequence[Source], reading: Reading) -> Generator[Event, None, None]:
    """The events of a run, reading inputs lazily; stops at the first unreadable input."""
    for source in sources:
        yield Begin(source)
        reader = Reader(source, reading.encoding, reading.errors)
        try:
            done = 0
            for task in _tasks(reader, reading):
                yield Work(task, reader.bytes_read - done)
                done = reader.bytes_read
                if not reading.jsonl and len(task.text) > LONG_CHARS:
                    yield Note(f"{source.name}: {len(task.text):,} characters with no safe place to cut "
                               "(a very long line?): cleaned in one piece")
        except InputError as exc:
            yield Fail(exc)
            return
        if reader.bytes_read == 0:
            yield Note(f"{source.name}: empty")
        elif reader.nul_at is not None and not reader.wide():
            yield Note(f"{source.name}: NUL bytes, the first at byte {reader.nul_at} (a binary file?)")
        yield Finish(source, reader.bytes_read - done)


def _tasks(reader: Reader, reading: Reading) -> Iterator[Task]:
    pieces = reader.pieces()
    prepared = None  # the pipeline made for this input by a survey
    if reading.jsonl:
        texts = _line_batches(pieces, document=_document_of(reading.doc_field) if reading.doc_field else None)
    elif reading.whole:
        texts = iter([text] if (text := "".join(pieces)) else [])
    elif reading.survey is not None:
        reader.read_again()
        prepared = surveyed(reading.survey, reader.pieces)
        reader.read_again()
        texts = chunks(pieces, whole_pages=whole_pages(prepared))
    else:
        texts = chunks(pieces)
    start = 1 if reading.jsonl else 0
    for text in texts:
        yield Task(reading.jsonl, text, start, reader.source.name, prepared)
        start += text.count("\n") if reading.jsonl else len(text)


def _line_batches(
    pieces: Iterator[str], size: int = BATCH_CHARS, document: Callable[[str], object] | None = None
) -> Iterator[str]:
    """Whole lines, at least ``size`` characters at a time (but the last);
    with ``document`` (a line's document), never two lines of one document apart."""
    buffer = ""
    searched = size  # no cut in the buffer before this
    for piece in pieces:
        buffer += piece
        if len(buffer) < size:
            continue
        cut = buffer.rfind("\n", size - 1) + 1
        if document is not None and cut:
            found = _between_documents(buffer, searched, cut, document)
            searched = size if found else max(size, buffer.rfind("\n", 0, cut - 1) + 1)
            cut = found
        if cut:
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


_NO_DOCUMENT = object()  # a blank or bad line, or a record without the field: it goes with its neighbours


def _document_of(name: str) -> Callable[[str], object]:
    """A JSON line's document: the value of its field ``name``."""

    def document(line: str) -> object:
        try:
            record = jsonline.loads(line)
        except ValueError:
            return _NO_DOCUMENT
        return record.get(name, _NO_DOCUMENT) if isinstance(record, dict) else _NO_DOCUMENT

    return document


def _between_documents(text: str, start: int, stop: int, document: Callable[[str], object]) -> int:
    """The first line start in ``text[start:stop]`` (``stop``: after a line
    break) whose line begins another document than the line before; 0 if none."""
    line_start = text.rfind("\n", 0, start) + 1
    previous: object = _NO_DOCUMENT
    while line_start < stop:
        line_end = text.index("\n", line_start)
        here = document(text[line_start:line_end])
        if here is not _NO_DOCUMENT:
            if previous is not _NO_DOCUMENT and here != previous:
                return line_start
            previous = here
        line_start = line_end + 1
    return 0


# ---------------------------------------------------------------- cleaning


@dataclass
class Result:
    """What cleaning a task gave."""

    data: bytes = b""  #: output, UTF-8
    changed: int = 0  #: chunks or records the pipeline changed
    records: int = 0  #: JSON records cleaned
    problems: list[tuple[int, str]] = field(default_factory=list)  #: (line, what is wrong) of bad JSON lines
    steps: Counter[str] = field(default_factory=Counter)  #: changes per step (explain, or count_steps)
    step_records: Counter[str] = field(default_factory=Counter)  #: JSON records each step changed
    error: str = ""  #: a step failed (a bug): the exception


@dataclass(frozen=True)
class Cleaner:
    """What to do with each task: picklable, sent once to each worker."""

    pipeline: Pipeline
    #: "clean"; "explain": changes as JSON Lines; "diff": the text with its changes marked
    #: (:mod:`cleantext.review`); "check": no output
    mode: str = "clean"
    field: str = "text"  #: the field of a JSON record to clean
    on_error: str = "fail"  #: a bad JSON line: "fail" (stop there), "skip" it or "keep" it as it is
    count_steps: bool = False  #: count changes per step (for --stats)
    #: consecutive records with the same value of this field are the pages of
    #: one document: running headers are found across them
    doc_field: str | None = None
    diff: DiffStyle = DiffStyle()  #: how mode "diff" shows changes

    def __call__(self, task: Task) -> Result:
        result = Result()
        try:
            if task.jsonl:
                out = self._lines(task, result)
            else:
                out = self._text(task.pipeline or self.pipeline, task.text, task.start, {"file": task.name}, result)
            result.data = out.encode("utf-8")
        except Exception as exc:  # a bug in a step: reported in one line, with the input
            result.error = f"{type(exc).__name__}: {exc}"
        return result

    def _text(self, pipeline: Pipeline, text: str, shift: int, where: dict[str, object], result: Result) -> str:
        """Output for one text: cleaned, its changes (explain), its diff, or nothing (check)."""
        if self.mode == "explain":
            lines = []
            steps: dict[str, int] = {}  # the steps that changed the text
            for change in pipeline.explain(text):
                record = {**where, **change.to_dict()}
                record["start"], record["end"] = change.start + shift, change.end + shift
                lines.append(_json_line(record))
                result.steps[change.step] += 1
                steps[change.step] = 1
            result.changed += bool(lines)
            if "line" in where:
                result.step_records.update(steps)
            return "".join(lines)
        if self.mode == "diff":
            return self._diff(pipeline, text, shift, where, result)
        cleaned = self._clean(pipeline, text, result, record="line" in where)
        result.changed += cleaned != text
        return cleaned if self.mode == "clean" else ""

    def _diff(self, pipeline: Pipeline, text: str, shift: int, where: dict[str, object], result: Result) -> str:
        """The diff of one text: a text file's chunk (the first after a header
        naming the file), or a record's field after a ``file:LINE`` header if
        it marks a change."""
        changes = pipeline.explain(text)
        steps = Counter(change.step for change in changes)
        result.steps.update(steps)
        result.changed += bool(changes)
        shown, marks = marked(text, changes, pipeline(text), self.diff) if changes else (text, 0)
        if "line" not in where:
            return header(printable(str(where["file"])), self.diff) + shown if shift == 0 else shown
        result.step_records.update(dict.fromkeys(steps, 1))
        if not marks:
            return ""
        return header(printable(f"{where['file']}:{where['line']}"), self.diff) + shown + ("" if shown.endswith("\n") else "\n")

    def _clean(self, pipeline: Pipeline, text: str, result: Result, record: bool = False) -> str:
        """``text`` cleaned; with count_steps, the edits of each step counted
        (and, for a JSON record, ``record``, the records each step changed)."""
        if not self.count_steps:
            return pipeline(text)
        for step in pipeline.steps:  # the same as pipeline(text), counting edits
            edits = step.edits(text)
            if edits:
                result.steps[step.name] += len(edits)
                result.step_records[step.name] += record
                text = apply_edits(text, edits)
        return text

    def _lines(self, task: Task, result: Result) -> str:
        """Output for whole JSON lines: each record with its field cleaned."""
        lines = task.text.split("\n")
        if not lines[-1]:
            lines.pop()  # the text ends with a line break
        parsed: list[tuple[int, str, dict[str, Any] | None]] = []  # number, line, record (None: blank or bad)
        for number, line in enumerate(lines, task.start):  # a CR before the line break stays with the line
            record, problem = self._parse(line) if line.strip() else (None, "")
            if problem:
                result.problems.append((number, problem))
                if self.on_error == "fail":
                    break
                if self.on_error == "skip":
                    continue
            parsed.append((number, line, record))
        pipelines = self._pipelines([record for _, _, record in parsed if record is not None])
        out: list[str] = []
        for number, line, record in parsed:
            if record is None:
                if self.mode == "clean":
                    out.append(line + "\n")  # a blank line, or a bad one kept
                continue
            result.records += 1
            value = record[self.field]
            pipeline = next(pipelines)
            if self.mode == "clean":
                cleaned = self._clean(pipeline, value, result, record=True)
                if cleaned != value:  # only the field's value changes: every other byte is kept
                    result.changed += 1
                    line = replace_value(line, self.field, cleaned)
                out.append(line + "\n")
            else:
                out.append(self._text(pipeline, value, 0, {"file": task.name, "line": number}, result))
        return "".join(out)

    def _pipelines(self, records: list[dict[str, Any]]) -> Iterator[Pipeline]:
        """The pipeline for each record: with ``doc_field``, the one made for the pages of its document."""
        doc_field = self.doc_field
        if doc_field is None:
            yield from itertools.repeat(self.pipeline, len(records))
            return
        for _, group in itertools.groupby(records, key=lambda record: record[doc_field]):
            pages = [record[self.field] for record in group]
            yield from itertools.repeat(for_pages(self.pipeline, pages), len(pages))

    def _parse(self, line: str) -> tuple[dict[str, Any] | None, str]:
        """The record on ``line``, or None and what is wrong with it."""
        try:
            record = jsonline.loads(line)  # nested 3,000 deep or a 5,000-digit integer is JSON too
        except json.JSONDecodeError as exc:
            return None, f"not JSON ({exc.msg} at column {exc.colno})"
        except jsonline.RepeatedKey as exc:
            return None, str(exc)
        if not isinstance(record, dict):
            return None, "not a JSON object"
        for name in (self.field, self.doc_field):
            if name is not None and name not in record:
                return None, f"no {name!r} field"
        if not isinstance(record[self.field], str):
            return None, f"the {self.field!r} field is not a string"
        return record, ""


_SPACE = re.compile(r"[ \t\n\r]*")
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def _skip(line: str, at: int) -> int:
    """Past the JSON whitespace at ``at``."""
    return _SPACE.match(line, at).end()  # type: ignore[union-attr]  # it matches the empty string


def replace_value(line: str, key: str, value: str) -> str:
    """``line``, a JSON object with a string at ``key`` (once), with that
    string replaced by ``value``; every other character as it was.

    >>> replace_value('{"n": 1E3, "text" :"a\\u0062",\t"x": [1.10]}', "text", "新")
    '{"n": 1E3, "text" :"新",\t"x": [1.10]}'
    """
    start, end = _value_span(line, key)
    return line[:start] + _json_string(value) + line[end:]


def _value_span(line: str, key: str) -> tuple[int, int]:
    """Where the string value of ``key`` is in ``line`` (quotes included): the
    members of the object are stepped over by the JSON scanner, not parsed by hand."""
    at = _skip(line, 0)
    if line[at : at + 1] != "{":
        raise ValueError("not a JSON object")
    at += 1
    while True:
        at = _skip(line, at)
        if line[at : at + 1] != '"':
            break
        name, at = _scanstring(line, at + 1)
        at = _skip(line, at)
        if line[at : at + 1] != ":":
            break
        at = _skip(line, at + 1)
        if name == key:
            if line[at : at + 1] != '"':
                break
            return at, _scanstring(line, at + 1)[1]
        at = jsonline.value_end(line, at)  # without recursion if it must
        at = _skip(line, at)
        if line[at : at + 1] != ",":
            break
        at += 1
    raise ValueError(f"no string at {key!r}")


def _json_string(value: str) -> str:
    """``value`` as a JSON string, non-ASCII as is; a lone surrogate (from a \\ud800 escape) stays escaped."""
    out = json.dumps(value, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(value)
    return out


def _json_line(record: dict[str, Any]) -> str:
    """One JSON line, non-ASCII as is; a lone surrogate (from a \\ud800 escape) stays escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


_CLEANER: Cleaner | None = None  # the worker process's cleaner


def _start_worker(cleaner: Cleaner) -> None:
    for name in ("SIGINT", "SIGHUP", "SIGQUIT"):  # Ctrl-C, a hangup, Ctrl-\: for the main process to handle
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _CLEANER
    _CLEANER = cleaner


def _clean_in_worker(task: Task) -> Result:
    assert _CLEANER is not None
    return _CLEANER(task)


def in_order(
    events: Iterator[Event], cleaner: Cleaner, jobs: int = 1
) -> Generator[tuple[Event, Result | None], None, None]:
    """Each event with the result of its task (Work), in order; ``jobs`` worker processes."""
    if jobs <= 1:
        for event in events:
            yield event, cleaner(event.task) if isinstance(event, Work) else None
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(cleaner,))
    try:
        pending: deque[tuple[Event, Future[Result] | None]] = deque()
        in_flight = 0
        for event in events:
            future = executor.submit(_clean_in_worker, event.task) if isinstance(event, Work) else None
            pending.append((event, future))
            in_flight += future is not None
            while pending and (pending[0][1] is None or in_flight > jobs * IN_FLIGHT_PER_WORKER):
                in_flight -= pending[0][1] is not None
                yield _result(*pending.popleft(), executor)
        while pending:
            yield _result(*pending.popleft(), executor)
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown()


def _result(
    event: Event, future: Future[Result] | None, executor: ProcessPoolExecutor
) -> tuple[Event, Result | None]:
    """The result of ``event``'s task, once its worker has it; CleaningError if a
    worker died, or stays stopped (SIGSTOP) for :data:`STOPPED_WORKER_SECONDS`."""
    from concurrent.futures.process import BrokenProcessPool

    if future is None:
        return event, None
    stopped_since: dict[int, float] = {}  # worker -> when it was first seen stopped, in a row
    while True:
        try:
            return event, future.result(timeout=min(1.0, STOPPED_WORKER_SECONDS))
        except BrokenProcessPool:
            raise CleaningError("a worker process died (out of memory?)") from None
        except TimeoutError:
            pass
        now = time.monotonic()
        for pid in list(getattr(executor, "_processes", None) or {}):
            if not _stopped(pid):
                stopped_since.pop(pid, None)
            elif now - stopped_since.setdefault(pid, now) >= STOPPED_WORKER_SECONDS:
                raise CleaningError(f"worker process {pid} was stopped (SIGSTOP?) and not continued for "
                                    f"{STOPPED_WORKER_SECONDS:g} s; gave up")


def _stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped by a signal (Linux's /proc; elsewhere never known)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat_line = f.read()
    except OSError:
        return False
    fields = stat_line.rpartition(b")")[2].split()  # after "pid (command name)"
    return bool(fields) and fields[0] == b"T"


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now, mid-task (the executor has no public way to).

    The executor's manager thread is then let finish, or at exit Python could
    wake it through a pipe it is closing and print a traceback.
    """
    workers = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.pid is not None and _stopped(worker.pid):
            worker.kill()  # SIGTERM would wait for a SIGCONT (and maybe find no handler of the worker's yet)
        else:
            worker.terminate()
    if manager is not None:
        manager.join(timeout=10)


# ---------------------------------------------------------------- outputs


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicFile:
    """``path``, written under a temporary name beside it and renamed into place when complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        try:
            if path.exists() and not path.is_file():  # a device or pipe (/dev/stdout): no rename
                self._stream = open(path, "wb")
                return
            target = Path(os.path.realpath(path))  # through a symlink to the file it names
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        self.path, self._tmp = target, Path(tmp)
        self._stream = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        try:
            self._stream.close()
            if self._tmp is None:
                return
            mode = self.path.stat().st_mode if self.path.exists() else 0o666 & ~_umask()
            os.chmod(self._tmp, stat.S_IMODE(mode))  # not mkstemp's 0600
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.path}: cannot write ({exc.strerror})") from None

    def discard(self) -> None:
        try:
            self._stream.close()
        except OSError:
            pass
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)


class Sink:
    """Where output goes, input by input; this one drops it (--check)."""

    def begin(self, source: Source) -> None:
        """An input starts."""

    def write(self, data: bytes) -> None:
        """Output of the current input."""

    def end(self, source: Source) -> None:
        """An input is done."""

    def commit(self) -> None:
        """The run is done."""

    def discard(self) -> None:
        """The run failed: leave no partial output file."""


class StdoutSink(Sink):
    def __init__(self) -> None:
        if sys.stdout is None:
            raise OutputError("<stdout>: is closed")
        self._stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except BrokenPipeError:
            raise  # the reader went away: the caller decides
        except OSError as exc:
            raise OutputError(f"<stdout>: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        self.write(b"")
        self._stream.flush()


class FileSink(Sink):
    """All output in one file (-o)."""

    def __init__(self, path: Path, sources: Sequence[Source]) -> None:
        refuse_overwrites([("-o", path)], [s.path for s in sources])
        self._file = AtomicFile(path)

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def commit(self) -> None:
        self._file.commit()

    def discard(self) -> None:
        self._file.discard()


class TreeSink(Sink):
    """One file per input under ``root``, at the input's place in its tree (--out-dir)."""

    def __init__(self, root: Path, sources: Sequence[Source]) -> None:
        inputs = _file_ids(sources)
        seen: dict[Path, str] = {}  # output -> the input written there
        for source in sources:
            if source.path is None:
                raise InputError("--out-dir needs files or directories to read, not stdin")
            target = root / source.relative
            if target in seen:
                raise InputError(f"{seen[target]} and {source.name} would both be written to {target}")
            if _file_id(target) in inputs:
                raise InputError(f"{target}: is also an input; refusing to overwrite it")
            seen[target] = source.name
        self._root = root
        self._file: AtomicFile | None = None

    def begin(self, source: Source) -> None:
        target = self._root / source.relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{target.parent}: cannot create ({exc.strerror})") from None
        self._file = AtomicFile(target)

    def write(self, data: bytes) -> None:
        assert self._file is not None
        self._file.write(data)

    def end(self, source: Source) -> None:
        assert self._file is not None
        self._file.commit()
        self._file = None

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()


def _regular_file(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The identity of the regular file at ``path``, or None if it is not one (missing, a pipe, a device)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _fd_file(fd: int) -> tuple[int, int] | None:
    try:
        st = os.fstat(fd)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def refuse_overwrites(
    outputs: Sequence[tuple[str, str | os.PathLike[str] | None]], inputs: Sequence[str | os.PathLike[str] | None]
) -> None:
    """InputError if an output is also an input, or two outputs are one file.

    ``outputs`` are (option, path) pairs, path None for stdout; ``inputs``
    are paths, None for stdin. Files are compared as files (through links and
    ``..``); an output that does not exist yet by its resolved path. Only
    regular files count: a pipe or ``/dev/stdout`` may take several outputs.
    """
    read = {_fd_file(0) if path is None else _regular_file(path) for path in inputs} - {None}
    written: dict[object, tuple[str, str]] = {}  # a file or resolved path -> (option, as given)
    for option, path in outputs:
        shown = "<stdout>" if path is None else os.fspath(path)
        ident: object = _fd_file(1) if path is None else _regular_file(path)
        if ident is not None and ident in read:
            raise InputError(f"{shown}: is also an input; refusing to overwrite it")
        if ident is None and path is not None:
            ident = os.path.realpath(path)  # not written yet: the same name is the same file
        if ident is None:
            continue
        if ident in written:
            first, name = written[ident]
            raise InputError(f"{shown}: {option} and {first} ({name}) are the same file; refusing to write both")
        written[ident] = (option, shown)


def _file_id(path: Path | None) -> tuple[int, int] | None:
    try:
        st = os.stat(path) if path else None
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st else None


def _file_ids(sources: Sequence[Source]) -> set[tuple[int, int] | None]:
    return {_file_id(s.path) for s in sources if s.path} - {None}


# ---------------------------------------------------------------- the run


class Progress:
    """A tqdm bar on stderr, shown when asked or when stderr is a terminal; notes print above it."""

    def __init__(self, show: bool | None, total: int | None, desc: str = "cleantext") -> None:
        self._bar: Any = None
        if show is False or (show is None and not sys.stderr.isatty()):
            return
        try:
            from tqdm import tqdm
        except ImportError:  # a dependency, but the run goes on without it
            return
        tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked
        self._bar = tqdm(total=total, unit="B", unit_scale=True, desc=desc, file=sys.stderr,
                         delay=0 if show else 2, dynamic_ncols=True)

    def update(self, nbytes: int) -> None:
        if self._bar is not None and nbytes:
            self._bar.update(nbytes)

    def note(self, message: str) -> None:
        message = printable(message)
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


@dataclass
class Summary:
    """Totals of a run (--stats), and the inputs --check found to clean."""

    inputs: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    records: int = 0
    changed: int = 0
    bad_lines: int = 0
    steps: Counter[str] = field(default_factory=Counter)
    step_records: Counter[str] = field(default_factory=Counter)  #: JSON Lines: records each step changed
    seconds: float = 0.0
    would_clean: list[str] = field(default_factory=list)

    def report(self, step_names: Sequence[str], jsonl: bool) -> str:
        """The totals, as lines for stderr."""
        rate = self.bytes_in / 1e6 / self.seconds if self.seconds else 0.0
        lines = [
            "cleantext: stats",
            f"  inputs            {self.inputs:,}",
            f"  bytes in          {self.bytes_in:,}",
            f"  bytes out         {self.bytes_out:,}",
        ]
        if jsonl:
            changed = f"{self.changed:,} changed, {self.bad_lines:,} bad lines"
            lines.append(f"  records           {self.records:,} ({changed})")
        lines.append(f"  time              {self.seconds:.2f} s ({rate:.2f} MB/s)")
        if jsonl:
            lines.append("  changes per step (in records changed)")
            lines += [f"    {name:<16}{self.steps[name]:,} (in {self.step_records[name]:,})" for name in step_names]
        else:
            lines.append("  changes per step")
            lines += [f"    {name:<16}{self.steps[name]:,}" for name in step_names]
        return "\n".join(lines)


def clean_corpus(
    sources: Sequence[Source],
    cleaner: Cleaner,
    sink: Sink,
    reading: Reading,
    jobs: int = 1,
    progress: bool | None = None,
) -> Summary:
    """Clean every source into ``sink``, in order; raises the first error after undoing the output."""
    started = time.perf_counter()
    sizes = [s.size() for s in sources]
    bar = Progress(progress, None if None in sizes else sum(s or 0 for s in sizes))
    run = _Run(cleaner, sink, bar, reading.jsonl)
    events = plan(sources, reading)
    try:
        with closing(in_order(events, cleaner, jobs)) as results:
            for event, result in results:
                run.handle(event, result)
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    finally:
        events.close()
        bar.close()
    run.summary.seconds = time.perf_counter() - started
    return run.summary


class _Run:
    """Handles the events of a run in order: writes output, reports problems, counts."""

    def __init__(self, cleaner: Cleaner, sink: Sink, bar: Progress, jsonl: bool) -> None:
        self.cleaner, self.sink, self.bar, self.jsonl = cleaner, sink, bar, jsonl
        self.summary = Summary()
        self.changed_here = 0  # chunks or records of the current input that cleaning changes

    def handle(self, event: Event, result: Result | None) -> None:
        if isinstance(event, Begin):
            self.sink.begin(event.source)
            self.summary.inputs += 1
            self.changed_here = 0
        elif isinstance(event, Work):
            assert result is not None
            self._work(event.task, result)
            self._count_bytes(event.nbytes)
        elif isinstance(event, Finish):
            self.sink.end(event.source)
            self._count_bytes(event.nbytes)
            if self.changed_here:
                records = f" ({self.changed_here:,} records)" if self.jsonl else ""
                self.summary.would_clean.append(event.source.name + records)
        elif isinstance(event, Note):
            self.bar.note(f"cleantext: warning: {event.message}")
        else:
            raise event.error

    def _work(self, task: Task, result: Result) -> None:
        if result.error:
            raise CleaningError(f"{task.name}: a step failed ({result.error}); this is a bug, please report it")
        failed = None  # with --on-error fail: the bad line, after the records before it (``result.data``)
        for line, problem in result.problems:
            if self.cleaner.on_error == "fail":
                failed = InputError(f"{task.name}:{line}: {problem} (--on-error skip or keep to go on)")
                break
            done = "skipped" if self.cleaner.on_error == "skip" else "kept as it is"
            self.bar.note(f"cleantext: warning: {task.name}:{line}: {problem}; {done}")
        self.sink.write(result.data)
        if failed is not None:
            raise failed
        summary = self.summary
        summary.bytes_out += len(result.data)
        summary.records += result.records
        summary.changed += result.changed
        summary.bad_lines += len(result.problems)
        summary.steps.update(result.steps)
        summary.step_records.update(result.step_records)
        self.changed_here += result.changed

    def _count_bytes(self, nbytes: int) -> None:
        self.summary.bytes_in += nbytes
        self.bar.update(nbytes)
