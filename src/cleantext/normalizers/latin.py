"""Latin-script artifacts of PDF extraction."""

from __future__ import annotations

from typing import Iterator

import regex

from ..pipeline import Edit, normalizer
from .boundaries import anywhere

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = regex.compile("[" + "".join(_LIGATURES) + "]")


@normalizer("latin-ligatures", after="lookalike-glyphs", touches={"latin"}, idempotent=True, cut_before=anywhere)
def expand_ligatures(text: str) -> Iterator[Edit]:
    """Spell out typographic ligatures a PDF extractor copied as one character.

    >>> expand_ligatures("ﬁnal eﬀort ﬂows")
    'final effort flows'
    """
    for m in _LIGATURE.finditer(text):
        yield Edit(m.start(), m.end(), _LIGATURES[m.group()])
