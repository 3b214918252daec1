"""Running headers and footers: the paper's name, date and page on every page.

A multi-page extraction (pages separated by ``\\f``) repeats the running
header and footer on each page: "甘肃政协报 2023年6月27日 星期二 第3版",
"- 3 -". A line near the top or bottom of a page is one of them when, with
its numbers masked, it recurs near the edges of most pages. Body text never
qualifies: it occurs on one page, or ends a sentence.

The step compares the pages of the whole text, yet a text too large to hold
can still be cleaned in pieces: :func:`survey_pages` reads it once, page by
page, keeping only the lines at page edges, and the step it returns removes
the headers it found from each page alone (see :mod:`cleantext.stream`).
"""

from __future__ import annotations

import math
from functools import partial
from itertools import accumulate
from typing import Iterable, Iterator, NamedTuple

import regex

from ..chars import TERMINAL_END
from ..pipeline import Edit, Scope, Step, normalizer
from .blocks import Line, drop_lines

#: Non-blank lines at the top and at the bottom of a page that may be a
#: running header or footer (a header can take a line or two, a footer too).
EDGE_LINES = 3
#: A header recurs on at least this share of the pages: alternating headers
#: (the paper's name on left pages, the section on right pages) are on half
#: of them, so a higher bar would miss them; a line at the edge of half the
#: pages is layout, not prose.
MIN_SHARE = 0.5
#: ... and on at least this many pages, so a document needs three pages and a
#: coincidental repeat on two pages (a continued headline) is never taken.
MIN_PAGES = 3

#: Page numbers, dates, issue numbers and weekdays, masked before comparing.
_NUMBER = regex.compile(
    r"\d+"
    r"|(?<=第)[〇零一二三四五六七八九十百千]+(?=[版期页号])"
    r"|[〇零一二三四五六七八九十]+(?=[年月日号])"
    r"|(?<=星期|礼拜|周)[一二三四五六日天]"
)
#: A page is kept whole while surveying it up to this size (characters);
#: beyond, only its edge lines are kept.
PAGE_CHARS = 1 << 20
#: Pages between two prunings of the survey's count (see find_running_headers).
BUCKET_PAGES = 1024
#: A running header or footer is one short line: a longer one is the text's
#: (and a survey keeps no more of a line that goes on past a huge page's end).
MAX_HEADER_CHARS = 200
_LONG_SPACE = regex.compile(r"\s{%d,}" % (MAX_HEADER_CHARS + 2))
#: A continuation marker is the paper's text, however often it recurs.
_CONTINUATION = regex.compile(r"^[（(](?:接|上接|下接|转|续)")


def running_key(line: str) -> str:
    """A line with numbers masked and whitespace removed.

    >>> running_key("甘肃政协报  2023年6月27日 星期二 第三版")
    '甘肃政协报#年#月#日星期#第#版'
    """
    return "".join(_NUMBER.sub("#", line).split())


class RunningHeaders(NamedTuple):
    """The running headers of a text: each key (see :func:`running_key`) with
    the number of pages it is on, of ``pages`` pages holding text."""

    keys: dict[str, int]
    pages: int


def _edge_lines(page: str) -> Iterator[tuple[Line, str]]:
    """The lines at the top and bottom of ``page`` that may be a running
    header or footer, each with its key."""
    lines = page.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip()]
    edges = filled if len(filled) <= 2 * EDGE_LINES else filled[:EDGE_LINES] + filled[-EDGE_LINES:]
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    for k in edges:
        block = lines[k].strip()
        if len(block) <= MAX_HEADER_CHARS and not (TERMINAL_END.search(block) or _CONTINUATION.match(block)):
            yield Line(k + 1, starts[k], starts[k] + len(lines[k]), 0), running_key(block)


def _edges_only(page: str) -> str:
    """A page cut down to its edge lines; the last line, which may go on,
    is kept whole while it may still be a header, else stands as one too
    long for a header (which it stays, whatever comes after it)."""
    lines = page.split("\n")
    if len(lines[-1]) > MAX_HEADER_CHARS + 1:
        if len(lines[-1].strip()) > MAX_HEADER_CHARS:
            lines[-1] = "…" * (MAX_HEADER_CHARS + 1)
        else:  # (a short text between long runs of spaces, which may still go on)
            lines[-1] = _LONG_SPACE.sub(" " * (MAX_HEADER_CHARS + 1), lines[-1])
    filled = [k for k, line in enumerate(lines[:-1]) if line.strip()]
    if len(filled) > 2 * EDGE_LINES:
        lines = [lines[k] for k in filled[:EDGE_LINES]] + lines[filled[-EDGE_LINES] :]
    return "\n".join(lines)


def _pages(pieces: Iterable[str]) -> Iterator[str]:
    """The ``\f``-separated pages of a text given in pieces; a huge page
    comes out cut down to its edge lines, which is all a survey needs."""
    page = ""
    for piece in pieces:
        *done, page = (page + piece).split("\f")
        yield from done
        if len(page) > PAGE_CHARS:
            page = _edges_only(page)
    yield page


def find_running_headers(pages: Iterable[str]) -> RunningHeaders | None:
    """The lines that recur, numbers masked, at the edges of most ``pages``; None if none do.

    Counted as a lossy count does (Manku and Motwani, 2002): after each
    BUCKET_PAGES pages, the keys seen too rarely to be on a share of the
    pages are forgotten, so memory stays bounded however many pages (every
    page of random bytes has new edge lines); a key's count is short by at
    most one page in BUCKET_PAGES, and a document of fewer pages is counted
    exactly.
    """
    counts: dict[str, list[int]] = {}  # key -> [pages it is on, pages it may have missed, last page]
    used = 0
    for number, page in enumerate(pages):
        if page.strip():
            used += 1
        for _, key in _edge_lines(page):
            entry = counts.get(key)
            if entry is None:
                counts[key] = [1, number // BUCKET_PAGES, number]
            elif entry[2] != number:
                entry[0] += 1
                entry[2] = number
        if (number + 1) % BUCKET_PAGES == 0:
            bucket = (number + 1) // BUCKET_PAGES
            counts = {key: entry for key, entry in counts.items() if entry[0] + entry[1] > bucket}
    need = max(MIN_PAGES, math.ceil(MIN_SHARE * used))
    keys = {key: entry[0] for key, entry in counts.items() if entry[0] >= need}
    return RunningHeaders(keys, used) if keys else None


def _drop_running_headers(headers: RunningHeaders, page: str) -> Iterator[Edit]:
    """The edits removing the running headers of one page."""
    yield from drop_lines(
        page,
        (
            (line, f'running header or footer on {headers.keys[key]} of {headers.pages} pages: "{key}"')
            for line, key in _edge_lines(page)
            if key in headers.keys
        ),
    )


def running_headers_step(headers: RunningHeaders) -> Step:
    """The running-headers step for a text whose headers are known: it works
    page by page, so the text can be cleaned in pieces cut between pages."""
    return remove_running_headers.made("running-headers", partial(_drop_running_headers, headers), Scope.PAGES)


def survey_pages(pieces: Iterable[str]) -> Step | None:
    """Read a text in pieces once: the step removing its running headers, or None if it has none."""
    headers = find_running_headers(_pages(pieces))
    return running_headers_step(headers) if headers else None


@normalizer("running-headers", scope="surveyed", survey=survey_pages, after="doubled-glyphs")
def remove_running_headers(text: str) -> Iterator[Edit]:
    """Remove lines at page edges that recur, numbers masked, on most pages.

    >>> remove_running_headers(
    ...     "甘肃政协报 第1版\\n标题一\\n正文一。\\n- 1 -\\f甘肃政协报 第2版\\n正文二。\\n- 2 -\\f"
    ...     "甘肃政协报 第3版\\n标题三\\n正文三。\\n- 3 -\\n")
    '标题一\\n正文一。\\x0c正文二。\\x0c标题三\\n正文三。\\n'
    """
    if text.count("\f") < MIN_PAGES - 1:
        return  # too few pages to tell a header from a repeat
    headers = find_running_headers(text.split("\f"))
    if headers:
        yield from running_headers_step(headers).edits(text)
