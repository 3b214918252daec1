"""Character width: full-width ASCII forms to ASCII, CJK punctuation untouched."""

from __future__ import annotations

from typing import Iterator

import regex

from ..pipeline import Edit, normalizer
from .boundaries import anywhere

# U+FF01..U+FF5E mirror ASCII 0x21..0x7E. Left out: the forms that are
# Chinese punctuation in their own right, ！（），：；？ (U+FF01 U+FF08 U+FF09
# U+FF0C U+FF1A U+FF1B U+FF1F). The ideographic space U+3000 is layout
# whitespace and belongs to layout-spaces.
_FULLWIDTH_ASCII = regex.compile(r"[\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e]+")
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@normalizer("fullwidth-ascii", after="latin-ligatures", idempotent=True, cut_before=anywhere)
def fullwidth_to_ascii(text: str) -> Iterator[Edit]:
    """Turn full-width letters, digits and symbols into ASCII; keep CJK punctuation.

    >>> fullwidth_to_ascii("ＡＢＣ１２３，１９９８年（上）！")
    'ABC123，1998年（上）！'
    """
    for m in _FULLWIDTH_ASCII.finditer(text):
        yield Edit(m.start(), m.end(), m.group().translate(_TO_ASCII))
