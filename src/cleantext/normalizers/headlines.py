"""Headlines: pieces of one title, titles glued to text.

(A title printed twice is fake bold: :mod:`cleantext.normalizers.doubled`.)
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Iterator

import regex

from ..chars import SENTENCE_END, SPACE_CHARS, SPACE_RUN, display_width, has_sentence_punct
from ..lexicon import DATELINE_BRACKETS, Lexicon, default_lexicon
from ..pipeline import Edit, normalizer
from .boundaries import starts_independently

_CLAUSE_MARKS = frozenset("，。、；！？")
#: Widest line that can be a headline (cells).
MAX_HEADLINE = 40
#: How far back from its 讯 or 电 another paper's dateline may start (characters).
_LINE_DATELINE_REACH = 40


#: A person's name alone before a title's predicate is this long at most (see _person_acts).
PERSON_NAME = 3


def _person_acts(name: str, line: str, lex: Lexicon) -> bool:
    """Whether ``name`` is a person's name alone (a surname first) and
    ``line`` the title's predicate after it ("李岚清" + "会见美国客人"; the
    lexicon's predicates)."""
    return lex.name_alone(name, PERSON_NAME) and lex.predicate.match(line) is not None


def _headline_like(line: str, lex: Lexicon) -> bool:
    return (
        len(line) <= 2 * MAX_HEADLINE
        and not has_sentence_punct(line)
        and display_width(line) <= MAX_HEADLINE
        and not lex.credit.match(line)
    )


@lru_cache(maxsize=16)
def _glued_marker(continuation: str) -> regex.Pattern[str]:
    """A continuation marker glued to the text that follows it, at a line's
    start or right after such a marker ("（接1版）（接1版）正文": each on its line)."""
    return regex.compile(r"(?m)(?:^[ \t]*|(?<=^[ \t]*(?:" + continuation + r")+))(?:" + continuation + r")(?=\S)")


@lru_cache(maxsize=16)
def _datelines(dateline: str) -> regex.Pattern[str]:
    """A dateline of a news agency or paper ("本报…讯", "新华社…电") anywhere in a line."""
    return regex.compile(f"(?:{dateline})(?<=[讯电])")


def _glued_dateline(text: str, start: int, end: int) -> bool:
    """Whether the dateline at ``start`` follows a headline or a sentence on its line
    (not a label whose colon introduces it: "工作成效：本报北京…讯…")."""
    window = max(0, start - MAX_HEADLINE - 2)  # never read further back than a headline
    newline = text.rfind("\n", window, start)
    whole_line = newline != -1 or window == 0  # "before" is all the line holds before it
    before = text[newline + 1 if newline != -1 else window : start].strip()
    if not before:
        return False
    if before[-1] in SENTENCE_END or before[-1] == "”" and before[-2:-1] in SENTENCE_END:
        return text[end : end + 1] == "（"  # a new article's dateline and its credit
    if before[-1] in "：:":
        return False  # (a label that introduces the article: "工作成效：本报北京1月13日讯…")
    printed = len(before) - sum(map(before.count, SPACE_CHARS))  # (layout spaces are no characters of it)
    return whole_line and 4 <= printed <= 40 and _CLAUSE_MARKS.isdisjoint(before)


def space_before(text: str, pos: int) -> int:
    """Where the spaces before ``pos`` on its line start (a line never ends in one)."""
    while pos and text[pos - 1] in " \t\u3000":
        pos -= 1
    return pos


def _glued_in(text: str, lexicon: Lexicon, ends: list[int] | None = None) -> list[int]:
    """Where a dateline glued to a headline or a sentence on its line starts
    in ``text``: a paper's or an agency's (``datelines``), or another
    paper's (``line_datelines``, found from the 讯 or 电 it ends with:
    ``ends``, when the caller has them)."""
    spans = [m.span() for m in _datelines(lexicon.glued_dateline.pattern).finditer(text)]
    back = lexicon.line_dateline_back
    for end in _dateline_ends(text) if ends is None else ends:
        m = back.match(text, max(text.rfind("\n", 0, end) + 1, end - _LINE_DATELINE_REACH), end + 1)
        if m is not None and m.end() == end + 1:
            spans.append(m.span())
    found = set()
    for start, end in spans:
        if start and text[start - 1] in DATELINE_BRACKETS:
            start -= 1  # (a dateline in square brackets is split before its bracket: "…开工【新华社北京1月5日电】")
        if _glued_dateline(text, start, end):
            found.add(start)
    return sorted(found)


def _dateline_ends(text: str) -> Iterator[int]:
    """Where a glued dateline may end: each 讯 and 电 of ``text`` (one scan for each mark)."""
    for mark in "讯电":
        end = text.find(mark)
        while end != -1:
            yield end
            end = text.find(mark, end + 1)


def glued_datelines(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Where a dateline glued to a headline or a sentence on its line starts
    (its line is split there): (the start of the spaces before it, its start).

    A line with layout spaces is read without them, as layout-spaces leaves
    a dateline ("…㐀本报 讯" is split as "…㐀本报讯" is): layout-spaces reads
    its lines up to these places before this step splits them, so the two
    must find the same places whichever spaces it keeps. (No dateline, and
    nothing _glued_dateline reads, goes past its line.)"""
    ends = list(_dateline_ends(text))
    places = [(space_before(text, start), start) for start in _glued_in(text, lexicon, ends)]
    spaced: set[int] = set()  # the lines (their starts) with a layout space before a 讯 or 电 or right after it
    for end in ends:
        lo = text.rfind("\n", 0, end) + 1
        if lo not in spaced and SPACE_RUN.search(text, lo, end + 2):
            spaced.add(lo)
    for lo in spaced:
        end = text.find("\n", lo)
        end = len(text) if end == -1 else end
        places = [p for p in places if not lo <= p[1] < end] + _squeezed_places(text, lo, end, lexicon)
    return sorted(places)


def _squeezed_places(text: str, lo: int, hi: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """:func:`glued_datelines` of the line ``text[lo:hi]`` read without its layout spaces."""
    line = text[lo:hi]
    at: list[int] = []  # where each run of spaces stands in the line without them
    removed = [0]  # how many space characters stand before each run, and after the last
    for m in SPACE_RUN.finditer(line):
        at.append(m.start() - removed[-1])
        removed.append(removed[-1] + m.end() - m.start())
    places = []
    for start in _glued_in(SPACE_RUN.sub("", line), lexicon):
        pos = lo + start + removed[bisect_right(at, start)]
        places.append((space_before(text, pos), pos))
    return places


def repair_with(text: str, lexicon: Lexicon | None = None) -> Iterator[Edit]:
    """The edits of :func:`repair_headlines`, with the vocabulary of ``lexicon``."""
    lex = lexicon or default_lexicon()
    edits = [Edit(m.end(), m.end(), "\n", "glued marker") for m in _glued_marker(lex.continuation.pattern).finditer(text)]
    edits += [Edit(start, end, "\n", "glued dateline") for start, end in glued_datelines(text, lex)]
    previous: tuple[str, int] | None = None  # the last headline-like line and its end
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        if not _headline_like(line, lex):
            previous = None
            continue
        if previous is not None:
            p_line, p_end = previous
            if (
                (lex.organisation.match(p_line) or p_line[-1] in lex.dangling or _person_acts(p_line, line, lex))
                and not (lex.block_start.match(line) or lex.organisation.match(line))
                and display_width(p_line) + display_width(line) <= MAX_HEADLINE
            ):
                edits.append(Edit(p_end, start + len(raw) - len(raw.lstrip()), "", "pieces of one title"))
                previous = None
                continue
        previous = (line, end)
    edits.sort()
    end = 0
    for edit in edits:
        if edit.start >= end:  # a removed line takes its glued parts with it
            yield edit
            end = edit.end


@normalizer("headlines", lexical=repair_with, after="layout-spaces", cut_before=starts_independently)
def repair_headlines(text: str) -> Iterator[Edit]:
    """Join a title split over lines, unglue titles from the text after them.

    >>> repair_headlines("嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n")
    '嘉峪关市政协召开党组理论学习中心组（扩大）会议\\n'
    >>> repair_headlines("两当县政协：助力示范县创建\\n（接一版）截至目前，市政协……\\n")
    '两当县政协：助力示范县创建\\n（接一版）\\n截至目前，市政协……\\n'
    """
    return repair_with(text)
