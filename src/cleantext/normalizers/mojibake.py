"""Mojibake: UTF-8 decoded as Latin-1 or cp1252, repaired with ftfy."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..pipeline import rewriter
from .boundaries import starts_independently


class MissingExtra(RuntimeError):
    """A step needs an optional dependency that is not installed."""


@lru_cache(maxsize=1)
def _fixer() -> Any:
    try:
        import ftfy
    except ImportError:
        raise MissingExtra("the mojibake step needs ftfy: pip install 'cleantext-cjk[ftfy]'") from None
    # Only the encoding repairs: width, quotes, line breaks, HTML entities,
    # ligatures and normalization are other steps' business (or nobody's).
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return lambda text: ftfy.fix_text(text, config)


#: Characters a byte 0x80-0xFF decodes to in Latin-1 or cp1252.
_BYTE_CHARS = "\x80-\xff" + bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
#: Middle dots and no-break spaces (bytes 0xB7 and 0xA0, UTF-8 continuation
#: bytes) after a character that is no decoded byte, or at the start: they
#: cannot be part of mojibake, and left in a garbled stretch they keep ftfy
#: from repairing it ("等等···é€™æ˜¯", "阿依·é€™æ˜¯", "\xa0é€™æ˜¯").
_REAL_MIDDLE_DOTS = re.compile(f"((?<![{_BYTE_CHARS}])[·\xa0]+)")


#: Rounds of repair at most (each round's repairs can free the next's).
MAX_ROUNDS = 4


@rewriter("mojibake", before="text-hygiene", idempotent=True, cut_before=starts_independently)
def repair_mojibake(text: str) -> str:
    """Decode text that was UTF-8 read as Latin-1/cp1252 (needs the ftfy extra).

    >>> repair_mojibake("æ–°é—»ï¼Œcafé")
    '新闻，café'
    >>> repair_mojibake("等等···é€™æ˜¯")
    '等等···這是'
    >>> repair_mojibake("é€™æ˜¯·é€™æ˜¯")
    '這是·這是'
    >>> repair_mojibake("\xa0é€™æ˜¯")
    '\xa0這是'
    """
    fix = _fixer()
    # A repair can turn the character before a middle dot into one that is
    # no decoded byte ("é€™æ˜¯·" -> "這是·"): the text after it is then
    # repaired apart, on the next round, until nothing changes.
    for _ in range(MAX_ROUNDS):
        pieces = _REAL_MIDDLE_DOTS.split(text)  # text, dots, text, ...: the text between fixed apart
        fixed = "".join(piece if k % 2 else fix(piece) for k, piece in enumerate(pieces))
        if fixed == text:
            break
        text = fixed
    return text
