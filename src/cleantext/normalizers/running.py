"""Running headers and footers: the paper's name, date and page on every page (opt-in).

A multi-page extraction (pages separated by ``\\f``) repeats the running
header and footer on each page: "甘肃政协报 2023年6月27日 星期二 第3版",
"- 3 -". A line near the top or bottom of a page is one of them when, with
its numbers masked, it recurs near the edges of most pages. Body text never
qualifies: it occurs on one page, or ends a sentence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterator

import regex

from ..chars import TERMINAL_END
from ..pipeline import Edit, normalizer
from .blocks import Line, drop_lines, text_lines

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
#: A continuation marker is the paper's text, however often it recurs.
_CONTINUATION = regex.compile(r"^[（(](?:接|上接|下接|转|续)")


def running_key(line: str) -> str:
    """A line with numbers masked and whitespace removed.

    >>> running_key("甘肃政协报  2023年6月27日 星期二 第三版")
    '甘肃政协报#年#月#日星期#第#版'
    """
    return "".join(_NUMBER.sub("#", line).split())


def _pages(text: str) -> list[list[Line]]:
    """The non-blank lines of each ``\\f``-separated page."""
    pages: list[list[Line]] = [[] for _ in range(text.count("\f") + 1)]
    for line in text_lines(text):
        if not text[line.start : line.end].isspace() and line.start < line.end:
            pages[line.page].append(line)
    return pages


@normalizer("running-headers", whole_text=True)
def remove_running_headers(text: str) -> Iterator[Edit]:
    """Remove lines at page edges that recur, numbers masked, on most pages.

    >>> remove_running_headers(
    ...     "甘肃政协报 第1版\\n标题一\\n正文一。\\n- 1 -\\f甘肃政协报 第2版\\n正文二。\\n- 2 -\\f"
    ...     "甘肃政协报 第3版\\n标题三\\n正文三。\\n- 3 -\\n")
    '标题一\\n正文一。\\x0c正文二。\\x0c标题三\\n正文三。\\n'
    """
    if text.count("\f") < MIN_PAGES - 1:
        return  # too few pages to tell a header from a repeat
    pages = _pages(text)
    used = sum(1 for page in pages if page)
    need = max(MIN_PAGES, math.ceil(MIN_SHARE * used))
    if used < need:
        return
    edges: list[tuple[Line, str]] = []
    where: defaultdict[str, set[int]] = defaultdict(set)
    for number, page in enumerate(pages):
        for k, line in enumerate(page):
            if EDGE_LINES <= k < len(page) - EDGE_LINES:
                continue
            block = text[line.start : line.end].strip()
            if TERMINAL_END.search(block) or _CONTINUATION.match(block):
                continue
            key = running_key(block)
            edges.append((line, key))
            where[key].add(number)
    yield from drop_lines(
        text,
        (
            (line, f'running header or footer on {len(where[key])} of {used} pages: "{key}"')
            for line, key in edges
            if len(where[key]) >= need
        ),
    )
