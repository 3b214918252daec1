"""Where a text may be cut: the lines that start a block whatever precedes them.

A step declares where a text may be cut before a line without changing what
it makes of either side (``cut_before``, see :class:`cleantext.pipeline.Step`);
the steps that work on blocks of lines (columns, headlines, spaces) allow a
cut where a block starts independently (:func:`starts_independently`; the
steps that read stretches of lines, column-wrap and stray-marks, only after a
line with sentence punctuation: :func:`after_sentences`), the steps that work
on characters alone anywhere (:func:`anywhere`).
"""

from __future__ import annotations

import regex

from ..chars import display_width, ends_sentence, has_sentence_punct
from ..lexicon import Lexicon, default_lexicon

__all__ = [
    "after_sentences", "anywhere", "continues", "leaves_open", "printable_lines", "running_head", "starts_independently"
]

#: A running head or foot is one short line (cells).
MAX_HEAD_WIDTH = 40
#: ... without the marks of a sentence (an ASCII comma may part a volume from its issue).
_SENTENCE_MARKS = frozenset("，。；！？、：")

_BRACKETS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("「", "」"), ("『", "』"), ("【", "】"), ("(", ")"))
_OPENER = regex.compile("[" + regex.escape("".join(o for o, _ in _BRACKETS)) + "]")


def leaves_open(line: str) -> bool:
    """Whether ``line`` opens a bracket or quote it does not close."""
    if _OPENER.search(line) is None:
        return False
    return any(line.count(opening) > line.count(closing) for opening, closing in _BRACKETS)


def running_head(line: str, lexicon: Lexicon) -> bool:
    """Whether ``line``, at a page's edge, reads as its running head or foot:
    a weekday, an edition or a volume (the lexicon's heads), no
    sentence punctuation, at most MAX_HEAD_WIDTH cells.

    >>> running_head("三秦日报 1998年6月11日 星期一 第16版", default_lexicon()), running_head("会议在1998年6月召开。", default_lexicon())
    (True, False)
    """
    return (
        _SENTENCE_MARKS.isdisjoint(line)
        and display_width(line) <= MAX_HEAD_WIDTH
        and lexicon.running_head.search(line) is not None
    )


def starts_independently(previous: str, line: str, gap: int, lexicon: Lexicon | None = None) -> bool:
    """Whether ``line`` starts a block whatever stands before it, and nothing
    before it changes how it or what follows is cleaned.

    True before a dateline (a new article) that does not repeat the line
    before it, and at a blank line between a Latin sentence's end and a
    capitalised line. Column widths, headline runs and every later step stay
    on their side of such a line, so a text cut there cleans the same in
    pieces as whole (the streaming reader relies on this; see
    :mod:`cleantext.stream`).

    >>> starts_independently("会议召开。", "本报兰州讯（通讯员李丽）6月5日，", 0)
    True
    """
    lex = lexicon or default_lexicon()
    if line[0].isascii():
        last = previous[-1]
        return (
            gap > 0
            and last.isascii()
            and last not in "-(["
            and line[0].isupper()
            and ends_sentence(previous)
        )
    return lex.dateline.match(line) is not None and line != previous and not continues(previous)


def continues(line: str) -> bool:
    """Whether ``line`` is surely cut in the middle of a sentence: it has
    sentence punctuation and ends in none that closes a sentence or opens a
    list, or it leaves a bracket open. A dateline's words after such a line
    are the sentence's ("…接受" / "本报记者采访时说"), not a new article."""
    return (
        not ends_sentence(line) and line[-1] not in "：:" and has_sentence_punct(line)
    ) or leaves_open(line)


def after_sentences(previous: str, line: str, gap: int, lexicon: Lexicon | None = None) -> bool:
    """The ``cut_before`` of a step that reads stretches of lines (column-wrap,
    stray-marks): before a line that starts independently after a line with
    sentence punctuation. After a line without, a title may stand, which
    reads as wrapped in pieces or not by the article after it."""
    return has_sentence_punct(previous) and starts_independently(previous, line, gap, lexicon)


def anywhere(previous: str, line: str, gap: int) -> bool:
    """The ``cut_before`` of a step working on characters within a line: before any line."""
    return True


def printable_lines(previous: str, line: str, gap: int) -> bool:
    """The ``cut_before`` of a step repairing invisible characters and line
    ends: between two lines it leaves as they are (both printable)."""
    return previous.isprintable() and line.isprintable()
