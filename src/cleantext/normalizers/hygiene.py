"""Text hygiene: the invisible damage every extraction carries."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import regex

from ..pipeline import Edit, apply_edits, diff_edits, normalizer

# CR LF and lone CR become LF; a soft hyphen at a line end is removed with
# the line break (the word was only hyphenated to fit); a BOM, zero-width and other invisible format
# characters, and control characters other than tab, LF and form feed go.
# Zero-width joiners stay: emoji sequences and Indic scripts need them.
_DAMAGE = regex.compile(
    r"\u00ad[ \t]*\r?\n[ \t]*(?=\w)"  # a soft hyphen ending a line goes with the break
    r"|\r\n?"
    r"|[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)
# Every character _DAMAGE can start with; stdlib re scans a class like this
# several times faster, and most text has none of them.
_DAMAGE_START = re.compile(r"[\r\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@normalizer("text-hygiene")
def fix_hygiene(text: str) -> Iterator[Edit]:
    """Normalize line ends, drop invisible and control characters, compose to NFC.

    >>> fix_hygiene("\\ufeff第一行\\r\\n第\\u200b二行\\x07 infor\\u00ad\\nmation")
    '第一行\\n第二行 information'
    """
    edits: list[Edit] = []
    if _DAMAGE_START.search(text):
        edits = [Edit(m.start(), m.end(), "\n" if m.group().startswith("\r") else "") for m in _DAMAGE.finditer(text)]
    repaired = apply_edits(text, edits) if edits else text
    if unicodedata.is_normalized("NFC", repaired):
        yield from edits
    else:  # rare: compose what is left once the damage is gone
        yield from diff_edits(text, unicodedata.normalize("NFC", repaired))
