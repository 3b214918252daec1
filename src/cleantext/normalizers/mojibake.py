"""Mojibake: UTF-8 decoded as Latin-1 or cp1252, repaired with ftfy."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..pipeline import rewriter


class MissingExtra(RuntimeError):
    """A step needs an optional dependency that is not installed."""


@lru_cache(maxsize=1)
def _fixer() -> Any:
    try:
        import ftfy
    except ImportError:
        raise MissingExtra("the mojibake step needs ftfy: pip install 'cleantext[ftfy]'") from None
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


@rewriter("mojibake")
def repair_mojibake(text: str) -> str:
    """Decode text that was UTF-8 read as Latin-1/cp1252 (needs the ftfy extra).

    >>> repair_mojibake("æ–°é—»ï¼Œcafé")
    '新闻，café'
    """
    return _fixer()(text)
