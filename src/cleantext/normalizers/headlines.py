"""Headlines: pieces of one title, titles printed twice, titles glued to text."""

from __future__ import annotations

from typing import Iterator

import regex

from ..chars import display_width, has_sentence_punct
from ..pipeline import Edit, normalizer
from .columns import BLOCK_START, CONTINUATION, CREDIT, ORG_NAME

#: A title piece ending in a word that cannot end a title continues ("暨"
#: joins two names of one meeting). Most function characters also end
#: ordinary words (作为, 参与, 方向) and are not listed.
_DANGLING = frozenset("暨的")
#: A continuation marker glued to the text that follows it.
_GLUED_MARKER = regex.compile(r"(?m)^[ \t]*(?:" + CONTINUATION.pattern + r")(?=\S)")
#: A dateline, to be checked for what stands before it on its line.
_DATELINE = regex.compile(r"本报[\p{Han}]{0,8}讯（")
_SENTENCE_END = frozenset("。！？")
_CLAUSE_MARKS = frozenset("，。、；！？")
#: Widest line that can be a headline (cells).
MAX_HEADLINE = 40


def _headline_like(line: str) -> bool:
    return (
        len(line) <= 2 * MAX_HEADLINE
        and not has_sentence_punct(line)
        and display_width(line) <= MAX_HEADLINE
        and not CREDIT.match(line)
    )


def _glued_dateline(text: str, start: int) -> bool:
    """Whether the dateline at ``start`` follows a headline or a sentence on its line."""
    window = max(0, start - MAX_HEADLINE - 2)  # never read further back than a headline
    newline = text.rfind("\n", window, start)
    whole_line = newline != -1 or window == 0  # "before" is all the line holds before it
    before = text[newline + 1 if newline != -1 else window : start].strip()
    if not before:
        return False
    if before[-1] in _SENTENCE_END or before[-1] == "”" and before[-2:-1] in _SENTENCE_END:
        return True
    return whole_line and 4 <= len(before) <= 40 and _CLAUSE_MARKS.isdisjoint(before)


@normalizer("headlines")
def repair_headlines(text: str) -> Iterator[Edit]:
    """Join a title split over lines, print a doubled title once, unglue titles.

    >>> repair_headlines("嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n")
    '嘉峪关市政协召开党组理论学习中心组（扩大）会议\\n'
    >>> repair_headlines("两当县政协：助力示范县创建\\n两当县政协：助力示范县创建\\n（接一版）截至目前，市政协……\\n")
    '两当县政协：助力示范县创建\\n（接一版）\\n截至目前，市政协……\\n'
    """
    edits = [Edit(m.end(), m.end(), "\n") for m in _GLUED_MARKER.finditer(text)]
    edits += [Edit(m.start(), m.start(), "\n") for m in _DATELINE.finditer(text) if _glued_dateline(text, m.start())]
    previous: tuple[str, int] | None = None  # the last headline-like line and its end
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        if not _headline_like(line):
            previous = None
            continue
        if previous is not None:
            p_line, p_end = previous
            if line == p_line:  # a title printed twice (or more)
                if edits and edits[-1].start == p_end and not edits[-1].new:
                    edits.pop()
                edits.append(Edit(p_end, end, ""))
                continue
            if (
                (ORG_NAME.match(p_line) or p_line[-1] in _DANGLING)
                and not (BLOCK_START.match(line) or ORG_NAME.match(line))
                and display_width(p_line) + display_width(line) <= MAX_HEADLINE
            ):
                edits.append(Edit(p_end, start + len(raw) - len(raw.lstrip()), ""))
                previous = None
                continue
        previous = (line, end)
    edits.sort()
    end = 0
    for edit in edits:
        if edit.start >= end:  # a removed line takes its glued parts with it
            yield edit
            end = edit.end
