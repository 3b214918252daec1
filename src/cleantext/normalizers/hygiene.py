"""Text hygiene: the invisible damage every extraction carries."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import regex

from ..pipeline import Edit, apply_edits, diff_edits, normalizer
from .boundaries import printable_lines

# CR LF and lone CR become LF; a soft hyphen at a line end is removed with
# the line break (the word was only hyphenated to fit); a BOM, zero-width and other invisible format
# characters, and control characters other than tab, LF and form feed go.
# Zero-width joiners stay: emoji sequences and Indic scripts need them.
# A run of characters to drop is one match, so one Edit: a file of NUL bytes
# makes one, not one per byte. (A plain character class: the regex module
# keeps memory for each repetition of a group, so a group cannot do this.)
_DROPPED = r"\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064\x00-\x08\x0b\x0e-\x1f\x7f-\x9f"
_DAMAGE = re.compile(rf"\r\n?|[{_DROPPED}]+")
# Whether a text has any damage: one character class, which re scans many
# times faster than the alternation above (most text has none).
_ANY_DAMAGE = re.compile(rf"[\r{_DROPPED}]")
# What makes a soft hyphen ending a run one at a line end (the break goes too).
_BREAK_AFTER_SOFT_HYPHEN = regex.compile(r"[ \t]*\r?\n[ \t]*(?=\w)")


def _damage(text: str) -> Iterator[Edit]:
    """The edits that repair line ends and drop invisible characters, a run at a time."""
    at = 0
    while match := _DAMAGE.search(text, at):
        start, end = match.span()
        at = end
        if text[start] == "\r":
            yield Edit(start, end, "\n")
            continue
        # A soft hyphen can end a run only: the characters of a break are in none.
        if text[end - 1] == "\u00ad" and (line_end := _BREAK_AFTER_SOFT_HYPHEN.match(text, end)):
            if end - 1 > start:
                yield Edit(start, end - 1, "")
            start, end = end - 1, line_end.end()
            at = end
        yield Edit(start, end, "")


@normalizer("text-hygiene", idempotent=True, cut_before=printable_lines)
def fix_hygiene(text: str) -> Iterator[Edit]:
    """Normalize line ends, drop invisible and control characters, compose to NFC.

    >>> fix_hygiene("\\ufeff第一行\\r\\n第\\u200b二行\\x07 infor\\u00ad\\nmation")
    '第一行\\n第二行 information'
    """
    edits: list[Edit] = []
    if _ANY_DAMAGE.search(text):  # most text has none
        edits = list(_damage(text))
    repaired = apply_edits(text, edits) if edits else text
    if unicodedata.is_normalized("NFC", repaired):
        yield from edits
    else:  # rare: compose what is left once the damage is gone
        yield from diff_edits(text, unicodedata.normalize("NFC", repaired))
