"""Layout spaces: spacing the layout engine made, not the writer."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

import regex

from ..chars import CJK_PUNCT, SPACE, WIDE_LETTER, has_sentence_punct
from ..pipeline import Edit, normalizer

_RUN = re.compile(f"[{SPACE}]+")  # stdlib re: scans a plain class faster
_WIDE_LETTER = regex.compile(f"[{WIDE_LETTER}]")
_FULLWIDTH_PUNCT = regex.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
_CJK_PUNCT = regex.compile(f"[{CJK_PUNCT}]")


_WIDE, _FULLWIDTH, _PUNCT, _DIGIT = 1, 2, 4, 8


@lru_cache(maxsize=4096)
def _kind(ch: str) -> int:
    """What ``ch`` is to the spacing rules: CJK letter (_WIDE), full-width
    punctuation (_FULLWIDTH), CJK punctuation (_PUNCT), digit (_DIGIT)."""
    return (
        (_WIDE if _WIDE_LETTER.match(ch) else 0)
        | (_FULLWIDTH if _FULLWIDTH_PUNCT.match(ch) else 0)
        | (_PUNCT if _CJK_PUNCT.match(ch) else 0)
        | (_DIGIT if ch.isdigit() else 0)
    )


def separates_items(line: str, start: int, end: int) -> bool:
    """True when the space ``line[start:end]`` between two CJK words was typed.

    A person separates names in a credit, an author list, or the two phrases
    of a headline: both sides are words of two or more characters, and the
    line is a list or a headline (no sentence punctuation), or the space is
    inside brackets, as in "（沈艳熙 贠鹏宇）". A one-character side is
    padding ("陈 刚") or letter-spacing ("成 效").
    """
    if start < 2 or end + 2 > len(line):
        return False
    for ch in (line[start - 2], line[start - 1], line[end], line[end + 1]):
        if not _WIDE_LETTER.match(ch):
            return False
    if not has_sentence_punct(line):
        return True
    opened = line.rfind("（", 0, start)
    return opened > line.rfind("）", 0, start) and "）" in line[end:]


def _keeps(line: str, start: int, end: int) -> bool:
    """Whether the space run ``line[start:end]`` stays (as one space)."""
    if start == 0 or end == len(line):
        return False
    before, after = _kind(line[start - 1]), _kind(line[end])
    if (before | after) & _FULLWIDTH:
        return False
    if before & _PUNCT and after & (_WIDE | _DIGIT) or after & _PUNCT and before & (_WIDE | _DIGIT):
        return False
    if before & _WIDE and after & _DIGIT or before & _DIGIT and after & _WIDE:
        return False
    if before & _WIDE and after & _WIDE:
        return separates_items(line, start, end)
    return True


@normalizer("layout-spaces")
def remove_layout_spaces(text: str) -> Iterator[Edit]:
    """Remove spaces the layout made; keep one where a person separated items.

    >>> remove_layout_spaces("富 成 效 ，真 正 使 之（通讯员陈 刚）6月 22日")
    '富成效，真正使之（通讯员陈刚）6月22日'
    >>> remove_layout_spaces("通讯员 曾立玺 李继敏  摄影报道 ")
    '通讯员 曾立玺 李继敏 摄影报道'
    """
    line_start = line_end = -1
    line = ""
    for m in _RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if run == " " and 0 < start and end < len(text) and " " < text[start - 1] < "\x7f" and " " < text[end] < "\x7f":
            continue  # one space between ASCII characters: the writer's (fast path)
        if start >= line_end:  # a new line: find its bounds once
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end == -1 else line_end
            line = text[line_start:line_end]
        s, e = start - line_start, end - line_start
        if not _keeps(line, s, e):
            yield Edit(start, end, "")
        elif run != " " and not (run.strip(" ") == "" and line[s - 1].isascii() and line[e].isascii()):
            # A kept separator is one ASCII space (U+3000 and NBSP too);
            # ASCII spacing between two Latin words is the writer's.
            yield Edit(start, end, " ")
