"""English line-end hyphenation: whether a hyphen ending a Latin line only split a word.

column-wrap asks this when it joins two Latin lines across "word-" / "next":
the hyphen goes with the line break when it was the typesetter's, and stays
when it is the word's own.

>>> drops_hyphen("the infor-", "mation age", "")
True
>>> drops_hyphen("a long-", "term plan", "")
False
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

import regex

#: Prefixes that keep their hyphen at a line end when the dictionary cannot
#: tell ("self-\nreliant", "anti-\ninflammatory").
HYPHEN_PREFIXES = frozenset("all anti counter cross half multi non post self semi well".split())

_WORD_BEFORE_HYPHEN = regex.compile(r"(?:[A-Za-z]+-)*[A-Za-z]+(?=-$)")
_WORD_START = regex.compile(r"[A-Za-z]+")
_WORD = regex.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@lru_cache(maxsize=1)
def _english_words() -> Mapping[str, int] | None:
    """English words, lowercase (pyspellchecker's dictionary, the extra
    ``cleantext-cjk[en]``; loaded on first use, ~0.2 s), or None without it."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def document_words(text: str) -> set[str]:
    """The Latin words of ``text``, lowercase, hyphenated ones whole: the document's own dictionary."""
    return {w.lower() for w in _WORD.findall(text)}


def drops_hyphen(line: str, next_line: str, document: str | set[str]) -> bool:
    """Whether the hyphen ending ``line`` only split a word continued on ``next_line``.

    The document (its text, or :func:`document_words` of it) is the
    dictionary first: a hyphenated form used elsewhere keeps the hyphen, a
    joined one drops it. A hyphen after a word that already has one
    ("state-of-the-\\nart"), or before a capital, is the word's own. Then
    English decides: a known joined word drops it ("ex-\\npected"), two known
    words keep it ("long-\\nterm"), and so does a prefix such as "self" or "non".
    Without an English word list (the extra ``cleantext-cjk[en]`` not installed)
    only such a prefix keeps it: a typesetter's hyphen is far more common at
    a line's end than a compound cut at its own hyphen.
    """
    left = _WORD_BEFORE_HYPHEN.search(line)
    right = _WORD_START.match(next_line)
    if left is None or right is None:
        return False
    words = document_words(document) if isinstance(document, str) else document
    before, after = left.group().lower(), right.group()
    if f"{before}-{after}".lower() in words:
        return False
    if (before + after).lower() in words:
        return True
    if "-" in before or after[0].isupper():
        return False
    english = _english_words()
    if english is None:
        return before not in HYPHEN_PREFIXES
    if (before + after).lower() in english:
        return True
    known_parts = before in english and after.lower() in english and min(len(before), len(after)) > 1
    return not (known_parts or before in HYPHEN_PREFIXES)
