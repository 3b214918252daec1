"""Look-alike glyphs: radicals a PDF font put for the ideographs it printed.

PDF fonts often map a glyph to a Kangxi Radical (U+2F00-2FDF) or a CJK
Radicals Supplement character (U+2E80-2EFF) instead of the unified
ideograph it draws: "颜⾊" (U+2F8A) is printed, and read, as "颜色". Each
such character becomes the ideograph Unicode's EquivalentUnifiedIdeograph
property gives it (the table of the ``cjkfold`` package, loaded on first
need), and only those two blocks are touched: CJK strokes and the rest of
``cjkfold``'s folds are not look-alikes this step names.

A page without a character of the two blocks costs one scan of a compiled
character class.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from ..pipeline import Edit, normalizer
from .boundaries import anywhere

#: The two blocks whose characters stand for ideographs (SPEC rule 9).
BLOCKS = "\u2e80-\u2eff\u2f00-\u2fdf"
_LOOKALIKE = re.compile(f"[{BLOCKS}]")  # stdlib re: a plain class, scanned in C


@lru_cache(maxsize=1)
def equivalent_ideographs() -> dict[str, str]:
    """Each character of the two blocks -> the unified ideograph it stands for.

    From ``cjkfold.EQUIVALENT_IDEOGRAPH`` (Unicode's EquivalentUnifiedIdeograph
    data), restricted to the two blocks and to single ideographs outside them
    (so the step is idempotent). Imported on the first call, not with
    cleantext.
    """
    from cjkfold import EQUIVALENT_IDEOGRAPH

    return {
        glyph: ideograph
        for glyph, ideograph in EQUIVALENT_IDEOGRAPH.items()
        if len(glyph) == 1 and _LOOKALIKE.match(glyph) and len(ideograph) == 1 and not _LOOKALIKE.match(ideograph)
    }


@normalizer("lookalike-glyphs", after="text-hygiene", touches={"cjk"}, idempotent=True, cut_before=anywhere)
def fold_lookalike_glyphs(text: str) -> Iterator[Edit]:
    """Kangxi and supplement radicals printed for ideographs become the ideographs.

    >>> fold_lookalike_glyphs("颜⾊、⻆色与⽇本")
    '颜色、角色与日本'
    >>> [e.note for e in fold_lookalike_glyphs.edits("颜⾊")]
    ['U+2F8A KANGXI RADICAL COLOR → 色']
    """
    first = _LOOKALIKE.search(text)
    if first is None:
        return
    table = equivalent_ideographs()
    for m in _LOOKALIKE.finditer(text, first.start()):
        glyph = m.group()
        ideograph = table.get(glyph)
        if ideograph is not None:  # U+2E80 CJK RADICAL REPEAT and unassigned code points stay
            note = f"U+{ord(glyph):04X} {unicodedata.name(glyph, 'RADICAL')} → {ideograph}"
            yield Edit(m.start(), m.end(), ideograph, note)
