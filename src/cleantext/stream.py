"""Clean text of any size in pieces, with the output of cleaning it whole.

A text is cut only where nothing on one side can change how the other side
is cleaned: right after a form feed (pages are cleaned apart anyway), and
before a line where every step of the pipeline allows it (each step declares
where, :attr:`cleantext.pipeline.Step.cut_before`: the built-in steps before
a line where a block starts independently of what precedes it, a new dated
article or a Latin paragraph after a blank line; not before lines that fake
bold doubled or that carry invisible characters, since the steps that
repair them could change what the cut was judged on).

A text with no such place for ``max_chars`` characters or ``max_lines``
lines is cut at a line break anyway, so memory stays bounded whatever the
lines hold, and one line is cut inside past ``max_line_chars``; only there
can the output differ from cleaning the text whole (a page of column text
tens of MB long with no dateline, a column of a million numbers, a line of
a hundred MB).

How much of the text a pipeline needs at once is its
:attr:`~cleantext.pipeline.Pipeline.scope`: a step that compares pages
(running-headers, :attr:`Scope.SURVEYED`) first reads the whole text once,
page by page, keeping only what it compares (:attr:`Step.survey`); it then
works page by page, and the text is cut only between pages
(:attr:`Scope.PAGES`). A step of :attr:`Scope.TEXT` gets the text whole.
"""

from __future__ import annotations

import tempfile
from typing import IO, Callable, Iterable, Iterator, Sequence

from .pipeline import Pipeline, Scope, Step

#: Size of the pieces handed to the pipeline (characters, or lines if that comes first).
CHUNK_CHARS = 1 << 20
CHUNK_LINES = 1 << 14
#: Longest stretch without a safe cut before one is forced (characters: a
#: step keeps some tens of bytes for each character it reads, a few hundred
#: MB for a stretch this long; a book of column text without a dateline is
#: cut, at a line break, every 20 MB or so).
MAX_CHARS = 1 << 23
#: ... or lines: a step keeps a few hundred bytes for each line it reads, so
#: a stretch of short lines (a column of numbers, one character a line) is
#: cut sooner than one of long lines.
MAX_LINES = 1 << 16
#: ... but one line is cut inside only past this many characters (each
#: piece would end in a line break of its own).
MAX_LINE_CHARS = 1 << 26


def _safe_cut(text: str, start: int, pipeline: Pipeline) -> int:
    """The first safe cut in ``text`` after ``start`` for ``pipeline``; 0 if there is none."""
    page = text.find("\f", start)
    stop = page if page != -1 else len(text)
    if pipeline.scope is not Scope.PAGE:
        stop = 0  # only after the form feed
    line_start = text.rfind("\n", 0, start) + 1
    previous, gap = "", 0  # the last non-blank line, and blank lines since
    while True:
        line_end = text.find("\n", line_start, stop)
        if line_end == -1:
            break  # the last line may still grow: never cut before it
        line = text[line_start:line_end].strip(" ")
        if not line:
            gap += 1
        else:
            if previous and line_start > start and pipeline.cut_before(previous, line, gap):
                return line_start
            previous, gap = line, 0
        line_start = line_end + 1
    return page + 1 if page != -1 else 0


def _after_lines(text: str, count: int) -> int:
    """The offset after the ``count``-th line break of ``text`` (there must be as many)."""
    pos = -1
    for _ in range(count):
        pos = text.find("\n", pos + 1)
    return pos + 1


def chunks(
    pieces: Iterable[str],
    pipeline: Pipeline,
    chunk_chars: int = CHUNK_CHARS,
    max_chars: int = MAX_CHARS,
    max_lines: int = MAX_LINES,
    chunk_lines: int = CHUNK_LINES,
    max_line_chars: int = MAX_LINE_CHARS,
) -> Iterator[str]:
    """Regroup ``pieces`` of a text into chunks that ``pipeline`` cleans
    independently (chunks of whole pages, if a step needs whole pages)."""
    buffer = ""
    lines = 0  # line breaks in the buffer
    searched = 0  # the buffer before this holds no safe cut
    for piece in pieces:
        buffer += piece
        lines += piece.count("\n")
        while len(buffer) >= chunk_chars or lines >= chunk_lines:
            size = min(chunk_chars, _after_lines(buffer, chunk_lines) if lines >= chunk_lines else len(buffer))
            cut = _safe_cut(buffer, max(size, searched), pipeline)
            clear = 0  # the buffer after the cut holds no safe cut before this (what was searched)
            if not cut:
                searched = max(0, buffer.rfind("\n", 0, buffer.rfind("\n")))
                if len(buffer) < max_chars and lines <= max_lines:
                    break
                cut = buffer.rfind("\n", 0, max_chars) + 1
                if lines > max_lines:
                    limit = _after_lines(buffer, max_lines)
                    cut = min(cut, limit) if cut else limit
                if not cut:  # one line longer than max_chars: cut inside it only past max_line_chars
                    if len(buffer) < max_line_chars:
                        break
                    cut = max_line_chars
                clear = max(0, searched - cut)  # (not searched again after a forced cut)
            lines -= buffer.count("\n", 0, cut)
            yield buffer[:cut]
            buffer = buffer[cut:]
            searched = clear
    if buffer:
        yield buffer


def surveyed(pipeline: Pipeline, read: Callable[[], Iterable[str]]) -> Pipeline:
    """``pipeline`` ready to clean one text in chunks.

    Each step with a survey reads the text once (``read()`` gives its pieces
    anew), as the steps before it leave it, and is replaced by the
    page-by-page step it amounts to for this text, or left out when it would
    change nothing.
    """
    steps: list[Step | None] = list(pipeline.steps)
    for i, step in enumerate(pipeline.steps):
        if step.survey is not None:
            before = Pipeline(tuple(s for s in steps[:i] if s is not None))
            steps[i] = step.survey(before(chunk) for chunk in chunks(read(), before))
    return Pipeline(tuple(s for s in steps if s is not None))


def for_pages(pipeline: Pipeline, pages: Sequence[str]) -> Pipeline:
    """``pipeline`` ready to clean each of ``pages``, the pages of one
    document held apart (one per JSON record, say): a step that compares
    pages (running-headers) compares these, and each page is then cleaned
    on its own, with the output it has as a page of the whole document.
    """
    if not any(step.survey is not None for step in pipeline.steps):
        return pipeline
    return surveyed(pipeline, lambda: iter(["\f".join(pages)]))


def clean_stream(pieces: Iterable[str], pipeline: Pipeline, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """Clean a text arriving in pieces; the output equals ``pipeline("".join(pieces))``.

    A step that compares pages reads the text first: the pieces wait in a
    temporary file meanwhile. A whole-text step without a survey
    (repeated-blocks) gets the text whole.

    >>> from cleantext import pipeline
    >>> "".join(clean_stream(["本报讯 6月", " 5日，会议召开。\\n本报讯（记者）"], pipeline(), chunk_chars=8))
    '本报讯6月5日，会议召开。\\n本报讯（记者）\\n'
    """
    if pipeline.scope is Scope.TEXT:
        text = "".join(pieces)
        if text:
            yield pipeline(text)
        return
    if pipeline.scope is not Scope.SURVEYED:
        yield from _chunked(pipeline, lambda: iter(pieces), chunk_chars)
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass", newline="") as spool:
        yield from _chunked(pipeline, _Replay(pieces, spool), chunk_chars)


def clean_text(
    text: str, pipeline: Pipeline, chunk_chars: int = CHUNK_CHARS, max_chars: int = MAX_CHARS, max_lines: int = MAX_LINES
) -> str:
    """``pipeline(text)``; a text longer than ``max_chars`` characters or
    ``max_lines`` lines cleaned a chunk at a time as :func:`clean_stream`
    cleans it, held in memory (no temporary file): what the steps keep for
    each line is then bounded by a chunk's size, not the text's. (A shorter
    text is cleaned whole: a survey would read it twice.)

    >>> from cleantext import pipeline
    >>> clean_text("本报讯 6月 5日，会议召开。\\n本报讯（记者）", pipeline(), chunk_chars=8, max_chars=8)
    '本报讯6月5日，会议召开。\\n本报讯（记者）\\n'
    """
    if pipeline.scope is Scope.TEXT or len(text) <= max_chars and text.count("\n") <= max_lines:
        return pipeline(text)

    def pieces() -> Iterator[str]:
        return (text[i : i + chunk_chars] for i in range(0, len(text), chunk_chars))

    return "".join(_chunked(pipeline, pieces, chunk_chars))


def _chunked(pipeline: Pipeline, read: Callable[[], Iterable[str]], chunk_chars: int) -> Iterator[str]:
    """``pipeline`` on each chunk of the text ``read()`` gives; a pipeline that
    surveys the text first reads it once more before (see :func:`surveyed`)."""
    if pipeline.scope is Scope.SURVEYED:
        pipeline = surveyed(pipeline, read)
    return map(pipeline, chunks(read(), pipeline, chunk_chars))


class _Replay:
    """The pieces of a text, any number of times: kept in ``spool`` as they first go by."""

    def __init__(self, pieces: Iterable[str], spool: IO[str]) -> None:
        self.pieces: Iterator[str] | None = iter(pieces)
        self.spool = spool

    def __call__(self) -> Iterator[str]:
        if self.pieces is not None:
            pieces, self.pieces = self.pieces, None
            try:
                for piece in pieces:
                    self.spool.write(piece)
                    yield piece
            finally:
                self.spool.writelines(pieces)  # the rest, if the first reader stopped early
            return
        self.spool.seek(0)
        while piece := self.spool.read(CHUNK_CHARS):
            yield piece
