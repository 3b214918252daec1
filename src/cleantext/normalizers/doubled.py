"""Doubled glyphs: fake-bold rendering prints every span twice."""

from __future__ import annotations

from typing import Iterator

import re

from ..chars import has_han
from ..pipeline import Edit, normalizer

#: Longest line examined: fake bold doubles a column line, so twice a wide
#: column is plenty; longer lines are never examined (and cost nothing).
MAX_LINE = 240
# A fake-bold line starts with a square (a span followed by itself). The
# standard library's engine finds these line starts fastest, in one scan.
_STARTS_SQUARE = re.compile(r"^[ \t\u3000]*(.{1,%d}?)\1" % (MAX_LINE // 2), re.MULTILINE)
#: A doubled line must contain a doubled span at least this long, so real
#: reduplication (人人, 高高兴兴, 研究研究) is never mistaken for fake bold.
MIN_SPAN = 3


def undouble(line: str) -> str | None:
    """The line printed once, if the whole line is a run of doubled spans.

    Spans may be separated by single spaces, as in a doubled photo credit.
    The parse with the fewest spans wins; ``None`` when the line is not
    entirely doubled.

    >>> undouble("通讯员通讯员 吴玉民吴玉民 摄影报道摄影报道")
    '通讯员 吴玉民 摄影报道'
    >>> undouble("人人都是") is None
    True
    """
    n = len(line)
    # best[i]: (number of spans, longest span, halves) for line[:i]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        count, longest, halves = here
        if line[i] == " " and i > 0:
            candidates = [(i + 1, " ")]
        else:
            candidates = []
        for half in range(1, (n - i) // 2 + 1):
            j = i + 2 * half
            if line[i : i + half] == line[i + half : j] and " " not in line[i : i + half]:
                candidates.append((j, line[i : i + half]))
        for j, piece in candidates:
            new = (count + 1, max(longest, len(piece.strip())), halves + [piece])
            old = best[j]
            if old is None or (new[0], -new[1]) < (old[0], -old[1]):
                best[j] = new
    final = best[n]
    if final is None or final[1] < MIN_SPAN or line.endswith(" "):
        return None
    return "".join(final[2])


@normalizer("doubled-glyphs")
def collapse_doubled_glyphs(text: str) -> Iterator[Edit]:
    """Print once the lines that fake-bold rendering printed span by span twice.

    >>> collapse_doubled_glyphs("近日近日，，文县政协机关全体党员干部分赴文县政协机关全体党员干部分赴")
    '近日，文县政协机关全体党员干部分赴'
    >>> collapse_doubled_glyphs("人人都是营商环境，事事关乎营商环境。")
    '人人都是营商环境，事事关乎营商环境。'
    """
    for m in _STARTS_SQUARE.finditer(text):
        start = m.start(1)
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end].rstrip()  # edge spaces are layout-spaces' business
        if 2 * MIN_SPAN <= len(line) <= MAX_LINE and has_han(line):
            once = undouble(line)
            if once is not None:
                yield Edit(start, start + len(line), once)
