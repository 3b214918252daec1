"""The work of a run: inputs read lazily and cut into tasks that clean independently."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generator, Iterator, NamedTuple, Sequence, Union

from ..io import jsonline
from ..io.decoding import Reader
from ..io.errors import InputError
from ..io.sources import Source
from ..pipeline import Pipeline, Scope
from ..stream import chunks, surveyed

#: Characters of whole JSON lines sent to a worker at a time.
BATCH_CHARS = 1 << 20
#: A stretch this long with no safe cut is worth a warning (time and memory).
LONG_CHARS = 1 << 23


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

    #: The pipeline the texts are for: its scope says how a text input is
    #: read (in chunks, whole, or first once for a survey: see
    #: :func:`cleantext.stream.surveyed`) and its steps where it is cut.
    pipeline: Pipeline
    encoding: str = "utf-8"
    errors: str = "strict"  #: or "replace": undecodable bytes become U+FFFD
    jsonl: bool = False
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
        note = read_note(source.name, reader.bytes_read, reader.nul_at, reader.wide())
        if note:
            yield Note(note)
        yield Finish(source, reader.bytes_read - done)


def read_note(name: str, size: int, nul_at: int | None, wide: bool) -> str | None:
    """The warning about input ``name`` once read (``size`` bytes, the first
    NUL at ``nul_at``, in UTF-16 or UTF-32 if ``wide``): empty, or NUL bytes."""
    if size == 0:
        return f"{name}: empty"
    if nul_at is not None and not wide:
        return f"{name}: NUL bytes, the first at byte {nul_at} (a binary file?)"
    return None


def _tasks(reader: Reader, reading: Reading) -> Iterator[Task]:
    pieces = reader.pieces()
    prepared = None  # the pipeline made for this input by a survey
    if reading.jsonl:
        texts = _line_batches(pieces, document=_document_of(reading.doc_field) if reading.doc_field else None)
    elif reading.pipeline.scope is Scope.TEXT:
        texts = iter([text] if (text := "".join(pieces)) else [])
    elif reading.pipeline.scope is Scope.SURVEYED:
        reader.read_again()
        prepared = surveyed(reading.pipeline, reader.pieces)
        reader.read_again()
        texts = chunks(pieces, prepared)
    else:
        texts = chunks(pieces, reading.pipeline)
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
