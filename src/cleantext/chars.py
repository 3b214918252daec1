"""Character classes and measurements shared by the normalizers.

Everything here is a compiled pattern or a pure function of one line, so the
normalizers can share one definition of "CJK", "terminal punctuation" or
"display width" instead of each writing its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat
from operator import getitem
from typing import Iterator

import regex

#: Han ideographs and the other scripts set on a full-width grid.
HAN = r"\p{Han}"
WIDE_LETTER = r"\p{Han}\p{Hiragana}\p{Katakana}\u3005\u3007"
#: Punctuation that belongs to CJK typesetting (full-width forms and the
#: ambiguous-width marks Chinese uses: “” ‘’ … — ·).
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
WIDE = WIDE_LETTER + CJK_PUNCT

#: Horizontal whitespace a layout engine leaves behind (not newlines or \f).
SPACE = r" \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
SPACE_CHARS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: A run of layout spaces (never a line break; stdlib re scans a plain class faster).
SPACE_RUN = re.compile(f"[{SPACE}]+")
#: What ASCII punctuation typed after it is CJK punctuation (cjk-punctuation
#: makes it full-width): CJK letters, and closing or clause marks after them.
CJK_BEFORE_MARK = r"\p{Han}\p{Hiragana}\p{Katakana}”’）》」』】。，、；：？！"
#: ... unless a URL follows ("见http://a.cn").
NOT_URL = r"(?![\w/]*://)"
#: ASCII , : ; ? ! typed after CJK text (layout spaces between allowed): the
#: full-width marks they stand for (:data:`FULLWIDTH_PUNCT`; cjk-punctuation
#: makes them so).
ASCII_MARKS_IN_CJK = rf"(?<=[{CJK_BEFORE_MARK}][{SPACE}]*)[,:;?!]+{NOT_URL}"

#: Sentence punctuation: a line with none of it reads as a headline or label.
#: An ellipsis typed as periods ("。。。", "一交换联...") is no more of it than
#: the ellipsis cjk-punctuation makes of it ("……"), and an ASCII comma typed
#: after CJK text ("会议,强调") as much as the "，" it makes of it, so cleaning
#: reads a line the same before and after that step.
SENTENCE_PUNCT = regex.compile(
    r"[，、；！？!?;]|(?<!。)。{1,2}(?!。)|,(?=\s|$)|(?<!\p{Han}\.\.)\.(?=\s|$)"
    rf"|(?<=[{CJK_BEFORE_MARK}][{SPACE}]*),{NOT_URL}"
)
#: A line ends a sentence: 。！？… optionally followed by closing quotes or
#: brackets, or a closing credit such as 。（刘绍周）.
TERMINAL_END = regex.compile(
    r"(?:[。！？…!?.]+[”’」』）)\]】》\"']*|[。！？]\s*（[^（）]{1,16}）)$"
)
#: A line cannot end with an opening bracket or quote.
OPENING = frozenset("“‘「『（([【《〈")
_TERMINAL_LAST = frozenset("。！？…!?.")
#: The marks that end a Chinese sentence.
SENTENCE_END = frozenset("。！？")
#: The marks a typesetter hangs past a column's edge (SPEC 3): a full line
#: may end one cell wider, and a column read apart may take them from its neighbour.
HANGING_MARKS = "，。、"
#: ASCII punctuation typed into CJK text and the full-width mark it stands
#: for (cjk-punctuation makes it so; doubled-glyphs reads the two as one mark)
FULLWIDTH_PUNCT = str.maketrans(",:;?!()", "，：；？！（）")
#: Closing quotes and brackets (what may follow a sentence's or a clause's end).
CLOSING_MARKS = "”’」』）)]】》\"'"
_CLOSING_LAST = frozenset(CLOSING_MARKS)
_CJK_SENTENCE_MARKS = "，、；！？"


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends with sentence-final punctuation (see TERMINAL_END).

    >>> ends_sentence("交流发言。"), ends_sentence("“好啊！”"), ends_sentence("交流。（刘绍周）"), ends_sentence("交流，")
    (True, True, True, False)
    """
    last = line[-1:]
    if last in _TERMINAL_LAST:
        return bool(last)
    return last in _CLOSING_LAST and TERMINAL_END.search(line) is not None


def ends_sentence_each(lines: list[str]) -> list[bool]:
    """:func:`ends_sentence` of each of ``lines``, in one comprehension (no call a line).

    >>> ends_sentence_each(["交流发言。", "“好啊！”", "交流。（刘绍周）", "交流，", ""])
    [True, True, True, False, False]
    """
    search = TERMINAL_END.search
    return [
        last in _TERMINAL_LAST or last in _CLOSING_LAST and search(line) is not None
        for line, last in zip(lines, map(getitem, lines, repeat(slice(-1, None))))
    ]


def has_sentence_punct(line: str) -> bool:
    """True when ``line`` holds sentence punctuation (see SENTENCE_PUNCT).

    >>> has_sentence_punct("会议召开。"), has_sentence_punct("会议召开……"), has_sentence_punct("会议召开。。。")
    (True, False, False)
    >>> has_sentence_punct("会议,强调"), has_sentence_punct("1,000元")
    (True, False)
    """
    for mark in _CJK_SENTENCE_MARKS:
        if mark in line:
            return True
    if "。" in line and "。。。" not in line:
        return True
    if "," in line or "." in line or ";" in line or "!" in line or "?" in line or "。" in line:
        return SENTENCE_PUNCT.search(line) is not None
    return False


def has_sentence_punct_each(lines: list[str]) -> list[bool]:
    """:func:`has_sentence_punct` of each of ``lines``, a line with a "，"
    in it, or "。" but not three in a row (most lines of CJK text), answered
    without a call.

    >>> has_sentence_punct_each(["会议召开。", "会议召开。。。", "会议,强调", "1,000元"])
    [True, False, True, False]
    """
    return [
        "，" in line or "。" in line and "。。。" not in line or has_sentence_punct(line) for line in lines
    ]


def line_pattern(pattern: str, flags: int = 0) -> tuple["re.Pattern[str]", "re.Pattern[str]"]:
    """``pattern``, written for the start of a line, as matched there (^,
    MULTILINE) and as scanned for (after a line break, see :func:`line_matches`).

    re tries a pattern that opens with ^ at every position of a text, which
    costs more than the rest of such a pattern on clean text; one that opens
    with a literal "\\n" it tries only where its fast scan for that character
    stops.
    """
    return re.compile("^" + pattern, flags | re.MULTILINE), re.compile("\n" + pattern, flags | re.MULTILINE)


def line_matches(patterns: tuple["re.Pattern[str]", "re.Pattern[str]"], text: str) -> Iterator["re.Match[str]"]:
    """Each match of a :func:`line_pattern` in ``text``, as the ^ form's
    finditer finds them (the same matches, in order, none overlapping); one
    after a line break holds that "\\n" first (its groups are the pattern's).

    >>> [m.group() for m in line_matches(line_pattern("，+"), "，，甲\\n，乙\\n丙，")]
    ['，，', '\\n，']
    """
    at_start, after_break = patterns
    pos = 0
    m = at_start.match(text)
    if m is not None:
        yield m
        pos = m.end()
    # (from the character before the end of the last match: a "\n" that
    # match ends with opens the next line)
    while (m := after_break.search(text, max(pos - 1, 0))) is not None:
        yield m
        pos = m.end()


def line_spans(patterns: tuple["re.Pattern[str]", "re.Pattern[str]"], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of :func:`line_matches`, from the line's start."""
    for m in line_matches(patterns, text):
        yield m.start() + (text[m.start()] == "\n"), m.end()


#: A field's label and its colon at a position: words of a label, one to six
#: letters ("额定电压：", "币种：", "Tel:"); what follows is the field's value.
FIELD_LABEL = regex.compile(r"[\p{Han}A-Za-z]{1,6}[：:]")

#: Characters that count a full column cell. Everything else counts half.
_FULL_CELL = regex.compile(f"[{WIDE}\\p{{Hangul}}]")
#: Units a number is printed with: a wrap between "6" and "月" is never a break.
NUMBER_UNIT = regex.compile(
    r"[年月日时分秒万亿千百元角个名位人次条件户家篇批点项场届期号岁米吨亩斤度倍%％]"
)


#: The width of a gap an extractor printed as a space between CJK text and
#: half-width digits or letters (cells): the layout left some room there
#: ("6月 22日"). Spaces between CJK characters (letter-spacing) take none.
GAP = 0.25
_DIGIT_GAP = regex.compile(r"(?<=[0-9A-Za-z]) +(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) +(?=[0-9A-Za-z])")


def display_width(line: str) -> float:
    """Width of ``line`` in full-width cells, ignoring spaces (an ideographic
    space too) but the gaps between CJK text and half-width digits or
    letters (GAP each).

    CJK characters and CJK punctuation take one cell, digits and Latin
    letters half a cell, as a typesetter sets them.

    >>> display_width("6月22日，"), display_width("6月 22日，"), display_width("成 效 ，")
    (4.5, 4.75, 3.0)
    """
    # UTF-8 length tells the mix without a Python-level loop: a CJK char is
    # three bytes and one cell, an ASCII char one byte and half a cell.
    n = len(line)
    b = len(line.encode("utf-8", "surrogatepass"))
    ideographic = line.count("\u3000")  # (a space: layout-spaces leaves one ASCII space or none for it)
    if b == 3 * n:  # all three-byte (no ASCII space): usually all CJK
        return float(n - ideographic)
    spaces = line.count(" ")
    if b == n:  # ASCII
        return (n - spaces) / 2
    width = (b + n) / 4 - spaces / 2 - ideographic
    if spaces:
        width += GAP * len(_DIGIT_GAP.findall(line))
    return width if width > 0 else 0.0


def display_widths(lines: list[str]) -> list[float]:
    """:func:`display_width` of each of ``lines``: a line without spaces
    measures from its two lengths alone, without a call of its own (most
    lines of CJK text have none); only lines with spaces are measured one by one.

    >>> display_widths(["6月22日，", "6月 22日，", "成 效 ，", "ab", "　　本报"])
    [4.5, 4.75, 3.0, 1.0, 2.0]
    """
    sizes = map(len, map(str.encode, lines, repeat("utf-8"), repeat("surrogatepass")))
    # (display_width's (b + n) / 4 without spaces: n for CJK text, n / 2 for ASCII)
    widths = [(b + n) / 4 for b, n in zip(sizes, map(len, lines))]
    text = "".join(lines)
    if " " in text or "\u3000" in text:  # (lines with spaces, when there are any)
        for k in compress(range(len(lines)), [" " in line or "\u3000" in line for line in lines]):
            widths[k] = display_width(lines[k])
    return widths


@lru_cache(maxsize=65536)  # (a page of Chinese asks it of a few thousand characters)
def is_wide(ch: str) -> bool:
    """True for a character set on the full-width grid (Han, kana, CJK punctuation)."""
    return bool(_FULL_CELL.match(ch))


def has_han(text: str) -> bool:
    """True when ``text`` holds at least one Han ideograph."""
    return _HAN_SEARCH.search(text) is not None


_HAN_SEARCH = regex.compile(f"[{HAN}]")


def han_each(lines: list[str]) -> list[bool]:
    """:func:`has_han` of each of ``lines``, in one pass that calls no Python function.

    >>> han_each(["会议", "2023", "第3次"])
    [True, False, True]
    """
    return list(map(bool, map(_HAN_SEARCH.search, lines)))


@lru_cache(maxsize=65536)
def is_han(ch: str) -> bool:
    """True when the character ``ch`` is a Han ideograph (a cached test: a
    page asks it of the same few thousand characters again and again)."""
    return _HAN_SEARCH.match(ch) is not None
