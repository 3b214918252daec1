"""Layout spaces: spacing the layout engine made, not the writer.

Linear time: what a space's decision needs to know about its line (does the
line hold sentence punctuation, where are its brackets, which spaces of a
name list are padding) is found once per line, by one scan each, and looked
up per space; nothing rescans the line for every space.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
from typing import Callable, Iterator

import regex

from ..chars import (
    CJK_PUNCT,
    FIELD_LABEL,
    SPACE,
    SPACE_CHARS,
    SPACE_RUN,
    WIDE_LETTER,
    has_han,
    has_sentence_punct,
    has_sentence_punct_each,
)
from ..lexicon import Lexicon, default_lexicon
from ..pipeline import Edit, normalizer
from .boundaries import running_head, starts_independently

_WIDE_LETTER = regex.compile(f"[{WIDE_LETTER}]")
_FULLWIDTH_PUNCT = regex.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
_CJK_PUNCT = regex.compile(f"[{CJK_PUNCT}]")
_BRACKET = re.compile("[（）()]")
#: CJK letters and spaces, matched forwards and (``(?r)``) backwards from a
#: space: the run of words a name list can be.
_STRETCH = regex.compile(f"[{WIDE_LETTER}{SPACE}]+")
_STRETCH_BACK = regex.compile(f"(?r)[{WIDE_LETTER}{SPACE}]+")
_RUN_BACK = regex.compile(f"(?r)[{SPACE}]+")
#: The longest word that counts as an item beside padded names: a name
#: (two or three characters, four with a two-character surname) or a label
#: such as 摄影报道.
_LONGEST_ITEM = 4
#: The longest byline mark looked for before a space at a line's start ("文/图").
_LONGEST_MARK = 4
#: A section's number at a heading's start ("1 引言", "2.1 数据来源", "3.2.1 样本"):
#: the space after it is typed (a number before its unit is not: "3 万余元").
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}")
_LONGEST_SECTION = 11
#: The longest numbered heading looked for before a space at a line's start ("第一百二十三条").
_LONGEST_ARTICLE = 8
_DIGITS = regex.compile(r"\d")
#: A postal code closing an address ("…，北京 100084）").
_POSTAL_CODE = re.compile(r"[0-9]{6}(?:[）)]|$)")
_HAN_GAP = regex.compile(r"\p{Han} \p{Han}")
#: A table's row (see _table_row): this many fields at least, this many of them numbers.
MIN_TABLE_FIELDS = 3
MIN_TABLE_NUMBERS = 2
_DIGIT_TIGHT = regex.compile(r"\p{Han}[0-9]|[0-9]\p{Han}")
_DIGIT_GAPPED = regex.compile(r"\p{Han} [0-9]|[0-9] \p{Han}")
_NUMBER_FIELD = re.compile(r"[-+−]?\d[\d.,．，·]*[%％‰]?")
#: A number justifying spread out digit by digit (see :func:`_spread_numbers`).
_SPREAD_NUMBER = regex.compile(r"(?<![0-9０-９A-Za-z.·．] ?)[0-9０-９](?: [.·．])?(?: [0-9０-９](?: [.·．])?)+ ?(?=\p{Han})")
_DIGIT_SPACE_DIGIT = regex.compile(r"[0-9０-９] [0-9０-９.·．]")


_WIDE, _FULLWIDTH, _PUNCT, _DIGIT = 1, 2, 4, 8


@lru_cache(maxsize=4096)
def _kind(ch: str) -> int:
    """What ``ch`` is to the spacing rules: CJK letter (_WIDE), full-width
    punctuation (_FULLWIDTH), CJK punctuation (_PUNCT), digit (_DIGIT)."""
    return (
        (_WIDE if _WIDE_LETTER.match(ch) else 0)
        | (_FULLWIDTH if _FULLWIDTH_PUNCT.match(ch) else 0)
        | (_PUNCT if _CJK_PUNCT.match(ch) else 0)
        | (_DIGIT if ch.isdigit() else 0)
    )


def _bracket_positions(line: str) -> list[int]:
    """Offsets of the brackets （ ） ( ) in ``line``, in order (one scan)."""
    return [m.start() for m in _BRACKET.finditer(line)]


def _name_run(facts: "_Line", space: int) -> None:
    """Decide every space of the run of CJK words holding the space at
    ``space`` (an offset into ``facts.text``) and note each decision in
    ``facts.gaps``: True where the space stays (between two names), False
    where it goes (inside a padded name), None where the run is no name list.

    A name list is a run of CJK words separated by spaces (on a line without
    sentence punctuation, or inside brackets: the caller has checked) whose
    words are names of 2 to 4 characters and padded two-character names:
    single characters, which come in pairs. "罗兴武 孙 萌 刘 洋" reads as the
    names 罗兴武, 孙萌, 刘洋. The run needs a name and a pair: single
    characters only are letter-spacing ("成 效 显 著"), and a run without
    single characters is a list the other rules already keep. A run whose
    first or last word belongs to a number or a Latin word beside it ("6 月",
    "A组") is no list either. Each run is read once, by two regex matches
    from the space outwards and one scan of its spaces.
    """
    line, gaps = facts.text, facts.gaps
    start = _STRETCH_BACK.match(line, 0, space).start()
    end = _STRETCH.match(line, space).end()
    lead = SPACE_RUN.match(line, start)
    start = lead.end() if lead else start  # the stretch may begin with the space after a mark
    trail = _RUN_BACK.match(line, start, end)
    end = trail.start() if trail else end
    spaces = list(SPACE_RUN.finditer(line, start, end))  # the spaces between the words
    bounds = [start, *(i for m in spaces for i in m.span()), end]
    lengths = [bounds[i + 1] - bounds[i] for i in range(0, len(bounds), 2)]
    keep: list[bool | None] = []  # per space: True between items, False inside a pair
    if 1 in lengths and max(lengths) <= _LONGEST_ITEM and not (_glued(line, start, -1) or _glued(line, end, 1)):
        single = 0  # single characters in the current run of them
        for k, n in enumerate(lengths):
            if n == 1:
                single += 1
            elif single % 2:
                break
            else:
                single = 0
            if k < len(spaces):
                keep.append(not (n == 1 and single % 2 == 1))
        if len(keep) < len(spaces) or single % 2 or single == len(lengths):
            keep = []  # an odd run of single characters, or nothing but them
    for k, m in enumerate(spaces):
        gaps[m.start()] = keep[k] if keep else None


def _glued(line: str, edge: int, step: int) -> bool:
    """Whether the word at ``edge`` of a run (its start, ``step`` -1, or its
    end, +1) belongs to what is beside it: a letter or digit touching it
    ("2023年", "A组"), or a number the layout space before it will join
    ("6 月")."""
    i = edge - 1 if step < 0 else edge
    if not 0 <= i < len(line):
        return False
    ch = line[i]
    if ch.isalnum():
        return True
    while 0 <= i < len(line) and line[i] in SPACE_CHARS:
        i += step
    return 0 <= i < len(line) and line[i].isdigit()


class _Line:
    """Facts about one line that its spaces' decisions share, each found once
    (on first need) by one scan of the line."""

    __slots__ = ("text", "_is_list", "_brackets", "_last_close", "gaps", "credit", "_table_row")

    def __init__(self, text: str) -> None:
        self.text = text
        self._is_list: bool | None = None
        self._brackets: list[int] | None = None
        self._last_close = -1
        #: Decided spaces of name runs read so far (see :func:`_name_run`).
        self.gaps: dict[int, bool | None] = {}
        #: Where a photo credit ending the line starts and its last word (see :func:`_in_credit`).
        self.credit: tuple[int, int] | None = None
        self._table_row: bool | None = None

    @property
    def is_list(self) -> bool:
        """No sentence punctuation: the line is a list, a credit or a headline."""
        if self._is_list is None:
            self._is_list = not has_sentence_punct(self.text)
        return self._is_list

    def inside_brackets(self, start: int, end: int) -> bool:
        """``text[start:end]`` comes after an unclosed "（" and before a "）"
        (ASCII brackets too: "(记者 何平)")."""
        if self._brackets is None:
            self._brackets = _bracket_positions(self.text)
            closes = [i for i in self._brackets if self.text[i] in "）)"]
            self._last_close = closes[-1] if closes else -1
        brackets = self._brackets
        i = bisect.bisect_left(brackets, start)  # brackets before ``start``
        return i > 0 and self.text[brackets[i - 1]] in "（(" and self._last_close >= end

    def name_gap(self, start: int) -> bool | None:
        """Whether the space at ``start`` stays, if it is in a padded name list."""
        if start not in self.gaps:
            _name_run(self, start)
        return self.gaps[start]


_NO_LINE = _Line("")


@lru_cache(maxsize=8)
def _facts(line: str) -> _Line:
    """The facts of ``line``, shared by the calls of :func:`separates_items`
    on one line (a dict lookup of the same string object is O(1)). A few
    lines only: callers ask about one line's spaces in turn, and a large
    cache would keep large lines alive."""
    return _Line(line)


def _separates(facts: _Line, start: int, end: int) -> bool:
    line = facts.text
    if start < 2 or end + 2 > len(line):
        return False
    for ch in (line[start - 2], line[start - 1], line[end], line[end + 1]):
        if not _WIDE_LETTER.match(ch):
            return False
    return facts.is_list or facts.inside_brackets(start, end)


def separates_items(line: str, start: int, end: int) -> bool:
    """True when the space ``line[start:end]`` between two CJK words was typed.

    A person separates names in a credit, an author list, or the two phrases
    of a headline: both sides are words of two or more characters, and the
    line is a list or a headline (no sentence punctuation), or the space is
    inside brackets, as in "（沈艳熙 贠鹏宇）". A one-character side is
    padding ("陈 刚") or letter-spacing ("成 效"). (Padded name lists, "罗兴武
    孙 萌", are layout-spaces' own rule: see :func:`_name_run`.)

    O(log n) a call after the first on a line: the line's facts are cached.
    """
    return _separates(_facts(line), start, end)


def _keeps(facts: _Line, start: int, end: int) -> bool:
    """Whether the space run ``facts.text[start:end]`` stays (as one space)."""
    line = facts.text
    if start == 0 or end == len(line):
        return False
    before, after = _kind(line[start - 1]), _kind(line[end])
    if (before | after) & _FULLWIDTH:
        return False
    if before & _PUNCT and after & (_WIDE | _DIGIT) or after & _PUNCT and before & (_WIDE | _DIGIT):
        return False
    if before & _WIDE and after & _DIGIT or before & _DIGIT and after & _WIDE:
        return False
    if before & _WIDE and after & _WIDE:
        if not (facts.is_list or facts.inside_brackets(start, end)):
            return False  # in running text: letter-spacing or padding
        if start >= 2 and end + 2 <= len(line) and _kind(line[end + 1]) & _WIDE and (
            _kind(line[start - 2]) & _WIDE or line[start - 2] in "）)"  # (a word a number in brackets opens: "初二（3）班")
        ):
            return True  # two words of two or more characters each
        return facts.name_gap(start) is True  # a one-character side: a padded name?
    return True


def _postal_code(facts: _Line, start: int, end: int) -> bool:
    """Whether the space ``facts.text[start:end]`` parts an address's city
    from its postal code, on a line whose writer typed its items apart
    ("（清华大学 计算机科学与技术系，北京 100084）": a space between two
    words too, in brackets or on a line without sentence punctuation; a
    typesetter's gap before the digits goes: "（复旦大学新闻学院，北京 100871）")."""
    line = facts.text
    return (
        _POSTAL_CODE.match(line, end) is not None
        and _kind(line[start - 1]) & _WIDE != 0
        and (facts.is_list or facts.inside_brackets(start, end))
        and _HAN_GAP.search(line, 0, start) is not None
    )


def _gap_of_one_side(line: str, start: int, end: int, sides: Callable[[], tuple[bool, bool]]) -> bool:
    """Whether the space ``line[start:end]`` stands between a Latin word and
    a Han character on the side where the text around it prints the
    typesetter's gaps only (``sides``: see :func:`_one_sided_gaps`)."""
    first, last = line[start - 1], line[end]
    if first.isascii() == last.isascii():
        return False
    before, after = sides()
    if before and _LATIN_BEFORE.fullmatch(line, start - 1, end + 1) is not None:
        return True
    return after and _LATIN_AFTER.fullmatch(line, start - 1, end + 1) is not None


def _table_row(facts: _Line, lex: Lexicon, text: str) -> bool:
    """Whether the line is a table's row: no sentence punctuation, and of
    its fields (parted by spaces), three or more, two at least are numbers,
    none before a unit of it ("地区生产总值 亿元 3256.8 5.5%"; not "（1997 年
    12 月 29 日…）"), in a ``text`` whose sentences set half-width digits
    tight against Chinese more often than a space apart (where the layout
    sets a gap around each, "1 华东电脑 24．82", those are its gaps). Its spaces part
    its cells (SPEC 4 leaves table rows as they are)."""
    if facts._table_row is None:
        fields = facts.text.split()
        numbers = [k for k, f in enumerate(fields) if _NUMBER_FIELD.fullmatch(f) is not None]
        facts._table_row = (
            len(fields) >= MIN_TABLE_FIELDS
            and len(numbers) >= MIN_TABLE_NUMBERS
            and not any(k + 1 < len(fields) and lex.unit.match(fields[k + 1]) for k in numbers)
            and facts.is_list
            and _digits_tight(text)
        )
    return facts._table_row


def _digits_tight(text: str) -> bool:
    """Whether the lines of sentences of ``text`` set half-width digits
    tight against Chinese more often than a space apart."""
    tight, gapped = _digit_spacing(text)
    return tight > gapped


#: Latin words against Chinese: tight and a space apart, before and after a word.
_LATIN_BEFORE = regex.compile(r"\p{Han}([ \u3000]*)[A-Za-z]")
_LATIN_AFTER = regex.compile(r"[A-Za-z]([ \u3000]*)\p{Han}")
#: A page sets a gap on one side of its Latin words only (see _one_sided_gaps)
#: when it does so MIN_ONE_SIDED times or more, and sets them tight as often on the other.
MIN_ONE_SIDED = 2


class _Stretches:
    """The stretches of a text between the lines before which the step lets
    it be cut (:func:`_cut_lines`), and what each reads for a page-wide
    fact, found once a stretch: so a text cleaned in pieces reads as it
    does whole, in time linear in the text."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex = text, lex
        self._cuts: list[int] | None = None
        self._sides: dict[int, tuple[bool, bool]] = {}

    def one_sided_gaps(self, pos: int) -> tuple[bool, bool]:
        """:func:`_one_sided_gaps` of the stretch around ``pos``."""
        if self._cuts is None:
            self._cuts = _cut_lines(self.text, self.lex)
        cuts = self._cuts
        k = bisect.bisect_right(cuts, pos)
        if k not in self._sides:
            self._sides[k] = _one_sided_gaps(self.text[cuts[k - 1] if k else 0 : cuts[k] if k < len(cuts) else len(self.text)])
        return self._sides[k]


def _cut_lines(text: str, lex: Lexicon) -> list[int]:
    """Where each line of ``text`` starts before which the step lets it be
    cut (:func:`.boundaries.starts_independently`)."""
    cuts: list[int] = []
    previous, gap, pos = "", 0, 0
    for line in text.split("\n"):
        if not line.strip():
            gap += 1
        else:
            if previous and starts_independently(previous, line, gap, lex):
                cuts.append(pos)
            previous, gap = line, 0
        pos += len(line) + 1
    return cuts


def _one_sided_gaps(text: str) -> tuple[bool, bool]:
    """Whether the space before, and whether the space after, a Latin word
    in Chinese text is a gap the typesetter set there, which the extractor
    printed on that side only ("将领Ivan Paskievich 在1831年": xeCJK
    sets a gap on both sides; PyMuPDF prints the one after): ``text``
    never spaces a word on the other side, sets MIN_ONE_SIDED words tight
    there, and MIN_ONE_SIDED a space apart on this one. A writer who
    spaces Latin words ("使用 Python 编程") spaces both sides."""
    before = [bool(m.group(1)) for m in _LATIN_BEFORE.finditer(text)]  # (spaced or not, however many spaces)
    after = [bool(m.group(1)) for m in _LATIN_AFTER.finditer(text)]

    def one_sided(this: list[bool], other: list[bool]) -> bool:
        return this.count(True) >= MIN_ONE_SIDED and True not in other and len(other) >= MIN_ONE_SIDED

    return one_sided(before, after), one_sided(after, before)


@lru_cache(maxsize=4)
def _digit_spacing(text: str) -> tuple[int, int]:
    """How often the lines of sentences of ``text`` set half-width digits
    tight against Chinese, and how often a space apart."""
    prose = "\n".join(line for line in text.splitlines() if has_sentence_punct(line))
    return len(_DIGIT_TIGHT.findall(prose)), len(_DIGIT_GAPPED.findall(prose))


#: A time, a date, a score or a phone number: digits with a separator inside
#: ("20:31", "2024-01-05", "2:1", "0931-8123456"), a word of its own between
#: spaces or a line's edges on a line without sentence punctuation (a list's,
#: a log's): the space beside it was typed ("老刘 20:31", "08:30 签到"; in a
#: sentence it is the layout's: "重量达到 600-1100 公斤。").
_STAMP = regex.compile(r"[0-9]+(?:[:/\-][0-9]+)+")
_LAST_SPACE = regex.compile(f"(?r)[{SPACE}]")


def _beside_stamp(line: str, start: int, end: int) -> bool:
    """Whether the space ``line[start:end]`` sets a stamp (see _STAMP) apart
    from a word (the stamp's other side ends at a space of any kind: a
    no-break one counts as the space it becomes, so a second run reads the
    line as the first did)."""
    before = _LAST_SPACE.search(line, 0, start)
    m = _STAMP.fullmatch(line, 0 if before is None else before.end(), start)
    if m is None:
        after = SPACE_RUN.search(line, end)
        m = _STAMP.fullmatch(line, end, len(line) if after is None else after.start())
    return m is not None


def _between_fields(line: str, start: int, end: int) -> bool:
    """Whether the space ``line[start:end]`` parts two fields, each a label,
    its colon and a value ("单位：元 币种：人民币")."""
    return FIELD_LABEL.match(line, end) is not None and ("：" in line[:start] or ":" in line[:start])


#: A form's line: a label's colon, then ideographic spaces to fill in.
_FORM_BLANK = regex.compile("[：:]\u3000{2}")


def _in_credit(facts: _Line, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the space ``facts.text[start:end]`` between two CJK words is
    inside a photo credit that ends the line (the lexicon's
    :attr:`~cleantext.lexicon.Lexicon.credit_tail`): a person typed it
    between the credit's words, before its last one too ("新华社记者 贺宇洋 摄",
    "（熊海平 摄）"), also after a caption's sentence on the line."""
    line = facts.text
    if not (0 < start and end < len(line) and _kind(line[start - 1]) & _kind(line[end]) & _WIDE):
        return False  # (not between two CJK letters: whatever the line ends with)
    if facts.credit is None:
        m = lex.credit_tail.search(line) if lex.credit_end.search(line) is not None else None
        facts.credit = (m.start(), m.start("end")) if m else (-1, -1)
    first, last = facts.credit
    return first < start and end <= last


def _section_heading(facts: _Line, end: int, lex: Lexicon) -> bool:
    """Whether the line, after a number and the space ending at ``end``, is
    a section's heading: a CJK letter that is no unit of the number (the
    lexicon's), after a number of sections ("3.1 营收稳步增长，…"), or on a
    line without sentence punctuation or other digits (a table's row: "1
    华东电脑24．82")."""
    line = facts.text
    if end >= len(line) or not _kind(line[end]) & _WIDE or lex.unit.match(line, end) is not None:
        return False
    if "." in line[:end]:
        return True  # (a number of sections, "3.1": no sentence opens so, whatever follows)
    return facts.is_list and _DIGITS.search(line, end) is None


def _letter_spaced_heading(line: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the space run ``line[start:end]`` follows a chapter's or an
    article's number on a heading whose every character is set apart by one
    space, and is wider than those: the gap the writer typed after the
    number ("第 二 章   基 层 治 理"; with one space there, as between its
    letters, nothing tells: "第 三 章 政 府 的 定 价 行 为" reads "第三章政府的定价行为")."""
    head = line[:start]
    if end - start < 2 or head[1::2].strip(" ") or not _kind(line[start - 1]) & _WIDE or end + 1 >= len(line):
        return False  # (not one character and one space in turn up to here)
    return line[end + 1] == " " and lex.heading.fullmatch(head[::2]) is not None


def _spread_numbers(text: str) -> set[int]:
    """Where the spaces of numbers set digit by digit start: a line's
    justification spread the number's digits and marks one space apart, and
    an extractor printed a space for each gap ("1 9 9 4 年", "6 · 9 8 平方米",
    "1 1日电"). Such a number is single digits and decimal marks, two digits
    at least, each a space from the next, before a Han character (a space
    between or not), not after a Latin letter or digit (a person types
    neither a year nor a quantity so; "A 1 2组" is three items)."""
    if _DIGIT_SPACE_DIGIT.search(text) is None:
        return set()
    return {space.start() for m in _SPREAD_NUMBER.finditer(text) for space in SPACE_RUN.finditer(text, *m.span())}


#: Rows of a table typed as text: this many lines in a row at least, each of
#: the same number of fields (two or more) parted by spaces or tabs, none with
#: sentence punctuation or a number's unit set apart from it ("上海海港 2:1 北京国安",
#: "北京 晴 15~28℃", "张伟\t男\t29"), in a text whose sentences do not set
#: digits a space apart from Chinese more often than tight (where they do, the
#: layout made the gaps: a PDF page's table, "东部地区 14914．13"). Their spaces are
#: the cells' separators, kept as typed (SPEC 4 leaves table rows as they are).
MIN_TABLE_ROWS = 3
_FIELD_GAP = regex.compile(r"[ \t\u3000]+")
_GAP_INSIDE = regex.compile(r"\S[ \t\u3000]+\S")
_NUMBER_END = regex.compile(r"[0-9０-９]$")
#: A table's cell that is a number: a figure, a page number, a time, a phone number.
_CELL_NUMBER = regex.compile(r"[-+−]?[0-9０-９][0-9０-９.,．，·:：/\-]*[%％‰]?")


def _fields(line: str, lex: Lexicon) -> int:
    """How many fields a table's row ``line`` (no sentence punctuation in
    it) holds, negative when its last is a number (a column of figures or of
    page numbers: "城市的夜晚 8", "张经理 13812345678"); 0 if it is no row: a
    number and its unit set apart ("1997 年", "3 万元"), or a padded name
    ("陈 刚": two fields of one letter each)."""
    fields = _FIELD_GAP.split(line)
    for a, b in zip(fields, fields[1:]):
        if _NUMBER_END.search(a) and lex.unit.match(b) or len(a) == len(b) == 1 and _kind(a) & _kind(b) & _WIDE:
            return 0
    return -len(fields) if _CELL_NUMBER.fullmatch(fields[-1]) else len(fields)


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : len(text) if end == -1 else end].strip(SPACE_CHARS)


def _neighbours(text: str, start: int, step: int) -> Iterator[int]:
    """The starts of the non-blank lines before the line at ``start``
    (``step`` -1, nearest first) or after it (1)."""
    pos = start
    while True:
        if step < 0:
            if not pos:
                return
            pos = text.rfind("\n", 0, pos - 1) + 1
        else:
            pos = text.find("\n", pos) + 1
            if not pos:
                return
        if _line_at(text, pos):
            yield pos


def _row_fields(text: str, pos: int, lex: Lexicon, fields: dict[int, int]) -> int:
    """:func:`_fields` of the line at ``pos``, 0 for a line with sentence
    punctuation or no gap inside (``fields`` keeps it: a line is read once)."""
    if pos not in fields:
        line = _line_at(text, pos)
        # (each line read once more here at most: a table's rows have no sentence punctuation)
        row = _GAP_INSIDE.search(line) is not None and not has_sentence_punct_each([line])[0]
        fields[pos] = _fields(line, lex) if row else 0
    return fields[pos]


def _table_row_at(text: str, start: int, lex: Lexicon, fields: dict[int, int]) -> bool:
    """Whether the line at ``start`` is a row of a typed table (see
    MIN_TABLE_ROWS): read with the lines next to it only, outwards while
    they are rows of its kind (one number of fields, or each ending in a number)."""
    mine = _row_fields(text, start, lex, fields)
    if abs(mine) < 2:
        return False
    rows = 1
    for step in (-1, 1):
        for pos in _neighbours(text, start, step):
            other = _row_fields(text, pos, lex, fields)
            if not (other and (abs(other) == abs(mine) or other < 0 and mine < 0)):
                break
            rows += 1
            if rows >= MIN_TABLE_ROWS:
                break
        if rows >= MIN_TABLE_ROWS:
            break
    if rows < MIN_TABLE_ROWS:
        return False
    tight, gapped = _digit_spacing(text)
    return gapped <= tight


# The last and the first character that is not whitespace (a form feed is none).
_LAST_PRINTED = regex.compile(r"[^\s]", flags=regex.REVERSE)
_FIRST_PRINTED = regex.compile(r"[^\s]")


def _at_page_edge(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is the first or the last of its page
    (only whitespace, a form feed ending the page before, between it and the edge)."""
    before = _LAST_PRINTED.search(text, 0, start)
    after = _FIRST_PRINTED.search(text, end)
    return before is None or after is None or "\f" in text[before.end() : start] or "\f" in text[end : after.start()]


def remove_with(text: str, lexicon: Lexicon | None = None) -> Iterator[Edit]:
    """The edits of :func:`remove_layout_spaces`; a line is read up to a
    dateline glued in it (``lexicon``'s), as the headlines step will split it
    (found once a space needs its line: a page of spaces between ASCII
    characters only, or none, is not searched for datelines)."""
    lex = lexicon or default_lexicon()
    cuts: list[int] | None = None
    line_start = line_end = -1
    facts = _NO_LINE
    printed: bool | None = None  # whether the line is kept as printed (a folio, a table's row)
    fields: dict[int, int] = {}  # each line's number of fields, as a table's row (see _table_row_at)
    spread = _spread_numbers(text)
    stretches = _Stretches(text, lex)  # (read once a space beside a Latin word asks)
    for m in SPACE_RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if spread and start in spread:
            yield Edit(start, end, "")  # inside a number justifying spread out ("1 9 9 4 年")
            continue
        if run == " " and 0 < start and end < len(text) and " " < text[start - 1] < "\x7f" and " " < text[end] < "\x7f":
            continue  # one space between ASCII characters: the writer's (fast path)
        if start >= line_end:  # a new line (or the part after a glued dateline): find its bounds once
            if cuts is None:
                # (imported here: headlines registers its step, which loads every step's
                # module, columns too, which imports this one: imported first, it must be whole)
                from .headlines import glued_datelines

                cuts = [start for start, _ in glued_datelines(text, lex)]
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end == -1 else line_end
            if cuts:
                k = bisect.bisect_right(cuts, start)
                line_start = max(line_start, cuts[k - 1]) if k else line_start
                line_end = min(line_end, cuts[k]) if k < len(cuts) else line_end
            facts = _Line(text[line_start:line_end])
            printed = None
        line = facts.text
        s, e = start - line_start, end - line_start
        if 0 < s and e < len(line) and len(run) >= 2 and run.count("\u3000") == len(run) and _FORM_BLANK.search(line):
            continue  # a form's blanks to fill in, ideographic spaces after a label's colon ("签订日期：　　年　　月"): typed
        if s <= _LONGEST_MARK and lex.byline_mark.fullmatch(line, 0, s) and e < len(line):
            keep = True  # after a byline's mark at the line's start ("文/图 本报记者王芳", "□ 通讯员黄志权")
        elif lex.byline_mark.match(line, e) is not None and lex.byline_mark.match(line) is not None:
            keep = True  # between two credits of a byline, each after its mark ("文/张伟 图/王芳")
        elif s <= _LONGEST_SECTION and _SECTION_NUMBER.fullmatch(line, 0, s) and _section_heading(facts, e, lex):
            keep = True  # after a section's number at a heading's start ("1 引言")
        elif s <= _LONGEST_ARTICLE and _kind(line[s - 1]) & _WIDE and lex.heading.fullmatch(line, 0, s) and e < len(line):
            keep = True  # after an article's or a chapter's number that ends in a word ("第一条 为了…", "第一章 总则")
        elif s < 2 * _LONGEST_ARTICLE and facts.is_list and _letter_spaced_heading(line, s, e, lex):
            keep = True  # ... also of a heading letter-spaced throughout, a wider gap after it ("第 五 章   数 字")
        elif s <= _LONGEST_ARTICLE and lex.figure.fullmatch(line, 0, s) and e < len(line) and _kind(line[e]) & _WIDE:
            keep = True  # after a figure's or a table's number opening its caption ("图4 模型整体框架")
        else:
            keep = (
                _keeps(facts, s, e) and not _gap_of_one_side(line, s, e, partial(stretches.one_sided_gaps, start))
                or _in_credit(facts, s, e, lex)
                or _table_row(facts, lex, text)
                or facts.is_list and (_beside_stamp(line, s, e) or _between_fields(line, s, e))
                or line[s - 1] in "（(" and line[e] in "）)"  # a blank to fill in: "（ ）"
                or _postal_code(facts, s, e)
            )
        if (not keep or run != " ") and 0 < s and e < len(line):
            if printed is None:  # (asked once a line, of a line whose spaces change)
                # a page number between its ornaments, the line's whole text ("— 9 —", "· 44 ·"),
                # or a table's row, without sentence punctuation; a page's running head: kept as printed
                printed = facts.is_list and (
                    not has_han(line) and lex.folio.fullmatch(line.strip(SPACE_CHARS)) is not None
                    or _table_row_at(text, text.rfind("\n", 0, start) + 1, lex, fields)
                ) or running_head(line.strip(SPACE_CHARS), lex) and _at_page_edge(text, line_start, line_end)
            if printed:
                continue
        if not keep:
            yield Edit(start, end, "")
        elif run != " " and not (run.strip(" ") == "" and line[s - 1].isascii() and line[e].isascii()):
            # A kept separator is one ASCII space (U+3000 and NBSP too);
            # ASCII spacing between two Latin words is the writer's.
            yield Edit(start, end, " ")


@normalizer(
    "layout-spaces", lexical=remove_with, after="cjk-punctuation", touches=(), idempotent=True,
    cut_before=starts_independently,
)
def remove_layout_spaces(text: str) -> Iterator[Edit]:
    """Remove spaces the layout made; keep one where a person separated items.

    >>> remove_layout_spaces("富 成 效 ，真 正 使 之（通讯员陈 刚）6月 22日")
    '富成效，真正使之（通讯员陈刚）6月22日'
    >>> remove_layout_spaces("通讯员 曾立玺 李继敏  摄影报道 ")
    '通讯员 曾立玺 李继敏 摄影报道'
    >>> remove_layout_spaces("罗兴武 孙 萌 刘 洋 陈 帅")
    '罗兴武 孙萌 刘洋 陈帅'
    >>> remove_layout_spaces("2.1 数据来源")  # a section's number at a heading's start
    '2.1 数据来源'
    """
    return remove_with(text)
