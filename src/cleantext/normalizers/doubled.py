"""Doubled glyphs: fake-bold rendering prints every span twice."""

from __future__ import annotations

from typing import Iterator, Sequence

import re

import regex

from ..chars import has_han
from ..pipeline import Edit, normalizer

#: Longest line examined: fake bold doubles a column line, so twice a wide
#: column is plenty; longer lines are never examined (and cost nothing).
MAX_LINE = 240
# A fake-bold line starts with a square (a span followed by itself). The
# standard library's engine finds these line starts fastest, in one scan.
_STARTS_SQUARE = re.compile(r"^[ \t\u3000]*(.{1,%d}?)\1" % (MAX_LINE // 2), re.MULTILINE)
#: A doubled line must print at least this many CJK letters once, some span
#: two or more, so real reduplication (人人, 高高兴兴, 研究研究, 哈哈哈哈) and
#: repeated digits are never mistaken for fake bold.
MIN_LETTERS = 3
_CJK_LETTERS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_WHITESPACE = re.compile(r"\s")


def undouble(line: str, min_letters: int = MIN_LETTERS) -> str | None:
    """The line printed once, if the whole line is a run of doubled spans.

    Spaces do not count when comparing the two copies of a span, and spaces
    between spans are kept. Of the ways to read a line as doubled spans, the
    one with the most spans wins (fake bold doubles short spans: "，，" is a
    doubled comma, not the middle of a doubled sentence); ``None`` when the
    line is not entirely doubled or holds too few CJK letters (MIN_LETTERS).

    >>> undouble("通讯员通讯员 吴玉民吴玉民 摄影报道摄影报道")
    '通讯员 吴玉民 摄影报道'
    >>> undouble("近日近日，，各方协商各方协商。。各方协商各方协商。。")
    '近日，各方协商。各方协商。'
    >>> undouble("人人都是") is None
    True
    """
    once, letters = _parse(line)
    if once is None or sum(letters) < min_letters or min_letters > 1 and max(letters) < 2:
        return None
    return once


def _parse(line: str) -> tuple[str | None, list[int]]:
    """The line as doubled spans: (printed once, CJK letters per span), or (None, [])."""
    where: Sequence[int]  # the position in line of each character of compact
    if _WHITESPACE.search(line) is None:
        compact, where = line, range(len(line))
    else:
        where = [i for i, ch in enumerate(line) if not ch.isspace()]
        compact = "".join(line[i] for i in where)
    n = len(compact)
    # best[i]: (spans, halves as (start, end) in compact) for compact[:i]
    best: list[tuple[int, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    reach = 0  # the furthest position a parse has reached
    for i in range(n):
        if i > reach:
            break  # no parse gets past i: the line is not doubled
        here = best[i]
        if here is None:
            continue
        first, limit = compact[i], i + (n - i) // 2
        second = compact.find(first, i + 1, limit + 1)  # where a second copy could start
        while second != -1:
            half = second - i
            j = i + 2 * half
            if compact.startswith(compact[i:second], second):
                old = best[j]
                if old is None or here[0] + 1 > old[0]:
                    best[j] = (here[0] + 1, here[1] + [(i, i + half)])
                reach = max(reach, j)
            second = compact.find(first, second + 1, limit + 1)
    final = best[n]
    if final is None:
        return None, []
    letters = [len(_CJK_LETTERS.findall(compact[a:b])) for a, b in final[1]]
    kept: list[str] = []
    previous_end = 0  # where the last doubled span ended, in line
    for a, b in final[1]:
        start, stop = where[a], where[b - 1] + 1
        kept.append(line[previous_end:start] if previous_end else "")  # spaces between spans
        kept.append(line[start:stop])
        previous_end = where[b - 1 + (b - a)] + 1
    return "".join(kept), letters


@normalizer("doubled-glyphs")
def collapse_doubled_glyphs(text: str) -> Iterator[Edit]:
    """Print once the lines that fake-bold rendering printed span by span twice.

    >>> collapse_doubled_glyphs("近日近日，，文县政协机关全体党员干部分赴文县政协机关全体党员干部分赴")
    '近日，文县政协机关全体党员干部分赴'
    >>> collapse_doubled_glyphs("人人都是营商环境，事事关乎营商环境。")
    '人人都是营商环境，事事关乎营商环境。'
    """
    # A short line (the tail of a doubled paragraph: "决……决……") shows too
    # little to tell alone; next to a fake-bold line (a blank line between
    # allowed) it is fake bold too.
    found: dict[int, tuple[int, int, str | None, str | None]] = {}
    number, counted = 0, 0
    for m in _STARTS_SQUARE.finditer(text):
        start = m.start(1)
        number += text.count("\n", counted, start)
        counted = start
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end].rstrip()  # edge spaces are layout-spaces' business
        if len(line) <= MAX_LINE and has_han(line):
            once, letters = _parse(line)
            if once is not None and letters and sum(letters):
                strong = sum(letters) >= MIN_LETTERS and max(letters) >= 2
                if strong:  # a doubled line that was doubled again: print it once
                    while (again := undouble(once)) is not None:
                        once = again
                found[number] = (start, start + len(line), once if strong else None, once)
    for number, (start, end, alone, in_context) in found.items():
        if alone is None and in_context is not None:
            near = (found.get(number + k) for k in (-2, -1, 1, 2))
            alone = in_context if any(n is not None and n[2] is not None for n in near) else None
        if alone is not None:
            yield Edit(start, end, alone)
