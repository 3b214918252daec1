"""Headlines: pieces of one title, titles printed twice, titles glued to text."""

from __future__ import annotations

from typing import Iterator

import regex

from ..chars import SENTENCE_PUNCT, display_width
from ..pipeline import Edit, normalizer
from .columns import BLOCK_START, CREDIT, ORG_NAME

_LINE = regex.compile(r"[^\n]+")
#: A title piece ending in a word that cannot end a title continues.
_DANGLING = regex.compile(r"[的和与及暨在对为把将从向以之]$")
#: A continuation marker glued to the text that follows it.
_GLUED_MARKER = regex.compile(r"^（(?:接|上接)[\p{Han}\d]{1,4}版）(?=\S)")
#: A dateline glued after a headline or after the end of a sentence.
_GLUED_DATELINE = regex.compile(
    r"(?:(?<=^[^，。、；！？\n]{4,40})|(?<=[。！？]”?))(?=本报[\p{Han}]{0,8}讯（)"
)
#: Widest line that can be a headline (cells).
MAX_HEADLINE = 40


def _headline_like(line: str) -> bool:
    return (
        SENTENCE_PUNCT.search(line) is None
        and display_width(line) <= MAX_HEADLINE
        and not CREDIT.match(line)
    )


@normalizer("headlines")
def repair_headlines(text: str) -> Iterator[Edit]:
    """Join a title split over lines, print a doubled title once, unglue titles.

    >>> repair_headlines("嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n")
    '嘉峪关市政协召开党组理论学习中心组（扩大）会议\\n'
    >>> repair_headlines("两当县政协：助力示范县创建\\n两当县政协：助力示范县创建\\n（接一版）截至目前，市政协……\\n")
    '两当县政协：助力示范县创建\\n（接一版）\\n截至目前，市政协……\\n'
    """
    edits: list[Edit] = []
    previous = None
    for m in _LINE.finditer(text):
        line = m.group().strip()
        glued = _GLUED_MARKER.search(m.group())
        if glued:
            edits.append(Edit(m.start() + glued.end(), m.start() + glued.end(), "\n"))
        for d in _GLUED_DATELINE.finditer(m.group()):
            edits.append(Edit(m.start() + d.start(), m.start() + d.start(), "\n"))
        if previous is not None and line and _headline_like(line):
            p_line, p_end = previous
            if line == p_line:
                edits.append(Edit(p_end, m.end(), ""))
                continue  # the copy is gone; the first stays "previous"
            if not BLOCK_START.match(line) and not ORG_NAME.match(line) and (
                ORG_NAME.match(p_line) or _DANGLING.search(p_line)
            ) and _headline_like(p_line):
                edits.append(Edit(p_end, m.start() + (len(m.group()) - len(m.group().lstrip())), ""))
                previous = None
                continue
        previous = (line, m.end()) if line else previous
    edits.sort(key=lambda e: (e.start, e.end))
    yield from edits
