"""Clean text of any size in pieces, with the output of cleaning it whole.

A text is cut only where nothing on one side can change how the other side
is cleaned: right after a form feed (pages are cleaned apart anyway), and
before a line where a block starts independently of what precedes it (see
:func:`cleantext.normalizers.columns.starts_independently`: a new dated
article, a Latin paragraph after a blank line). Lines that fake bold doubled
or that carry invisible characters are never cut before, since the steps
that repair them could change what the cut was judged on.

A text with no such place for ``max_chars`` is cut at a line break anyway,
so memory stays bounded; only there can the output differ from cleaning the
text whole (a page of column text hundreds of MB long with no dateline).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .pipeline import Pipeline

#: Size of the pieces handed to the pipeline (characters).
CHUNK_CHARS = 1 << 20
#: Longest stretch without a safe cut before one is forced (characters).
MAX_CHARS = 1 << 26


def _safe_cut(text: str, start: int) -> int:
    """The first safe cut in ``text`` after ``start``; 0 if there is none."""
    from .normalizers.columns import starts_independently
    from .normalizers.doubled import undouble

    page = text.find("\f", start)
    stop = page if page != -1 else len(text)
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
            if (
                previous
                and line_start > start
                and line.isprintable()
                and previous.isprintable()
                and starts_independently(previous, line, gap)
                and undouble(line) is None
                and undouble(previous) is None
            ):
                return line_start
            previous, gap = line, 0
        line_start = line_end + 1
    return page + 1 if page != -1 else 0


def chunks(pieces: Iterable[str], chunk_chars: int = CHUNK_CHARS, max_chars: int = MAX_CHARS) -> Iterator[str]:
    """Regroup ``pieces`` of a text into chunks that clean independently."""
    buffer = ""
    searched = 0  # the buffer before this holds no safe cut
    for piece in pieces:
        buffer += piece
        while len(buffer) >= chunk_chars:
            cut = _safe_cut(buffer, max(chunk_chars, searched))
            if not cut:
                searched = max(0, buffer.rfind("\n", 0, buffer.rfind("\n")))
                if len(buffer) < max_chars:
                    break
                cut = buffer.rfind("\n", 0, max_chars) + 1 or max_chars
            yield buffer[:cut]
            buffer = buffer[cut:]
            searched = 0
    if buffer:
        yield buffer


def clean_stream(pieces: Iterable[str], pipeline: Pipeline, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """Clean a text arriving in pieces; the output equals ``pipeline("".join(pieces))``.

    >>> from cleantext import pipeline
    >>> "".join(clean_stream(["本报讯 6月", " 5日，会议召开。\\n本报讯（记者）"], pipeline(), chunk_chars=8))
    '本报讯6月5日，会议召开。\\n本报讯（记者）\\n'
    """
    for chunk in chunks(pieces, chunk_chars):
        yield pipeline(chunk)
