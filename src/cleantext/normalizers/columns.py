"""Column wraps: rejoin the printed column lines of each paragraph.

Every line break is decided from what a typesetter leaves behind:

* the column width, measured from neighbouring lines (CJK characters one
  cell, digits and Latin letters half a cell; punctuation may hang one cell
  past the edge);
* a line clearly shorter than its column ends its block; a full one
  continues, unless the next line visibly starts something new (a dateline,
  a subtitle, a new stage of a report, an indented first line);
* runs of lines without sentence punctuation that stand between blocks are
  headlines, and each keeps its own line (unless it fills the column and
  leaves a quote or bracket open: a title cut at the edge).

Line breaks between Latin lines follow the same measure, but a blank line
there is a paragraph break and a join takes a space (CSS Text 3); a hyphen
that only split a word at the line end is removed with the break.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import Iterator, Mapping

import regex

from ..chars import (
    NUMBER_UNIT,
    OPENING,
    SPACE_CHARS,
    display_width,
    ends_sentence,
    has_han,
    has_sentence_punct,
    is_wide,
)
from ..pipeline import Edit, normalizer
from .spaces import separates_items

#: A dateline opens a news article: "本报金昌讯", "新华社北京6月5日电".
DATELINE = regex.compile(r"本报[\p{Han}]{0,8}讯|(?:新华社|中新社)[\p{Han}\d月日 ]{0,16}电")
#: A continuation marker: "（接一版）", "（转4版）".
CONTINUATION = regex.compile(r"（(?:接|上接|下接|转)[\p{Han}\d]{1,4}版）")
#: Lines that always start a new block.
BLOCK_START = regex.compile(
    DATELINE.pattern
    + r"|——|□|■|◆|▲|★|"  # subtitle, byline and section marks
    + CONTINUATION.pattern
)
_BLOCK_START_FIRST = frozenset("本新中—□■◆▲★（")
_DATELINE_FIRST = frozenset("本新中")
#: A photo credit or caption signature: a block of its own.
CREDIT = regex.compile(r"^(?:[^，。；！？]{0,30}[ \u3000])?[\p{Han}]{2,4}[ \u3000]?(?:摄影报道|摄影|摄|供图)$")
_CREDIT_LAST = frozenset("摄影道图")
#: A sentence that opens with when it happens: "会上，", "近日，".
TIME_OPENER = regex.compile(r"(?:会上|会前|会后|会议期间|近日|日前|今后)，")
#: The next stage of a report: "会议强调，", "调研组提出，", "会上，".
STAGE_OPENER = regex.compile(
    r"[\p{Han}]{0,6}?(?:强调|要求|指出|提出|认为|表示|建议|希望)[，：]|" + TIME_OPENER.pattern
)
#: An organisation name alone on a line: the first piece of a headline.
ORG_NAME = regex.compile(
    r"^[\p{Han}]{1,12}?(?:政协|人大常委会|人大|人民政府|政府|党委|委员会|纪委|监委|法院|检察院)$"
)
#: Widest column we expect (cells); a longer line is a whole block.
MAX_COLUMN = 42.0
#: Neighbours on each side that measure a line's column when its own
#: stretch of lines has no continuing line to measure.
WINDOW = 4
#: How much shorter than its column a line may be and still be full: the
#: first line of a paragraph is indented two cells, and punctuation is often
#: set half-width.
INDENT_SLACK = 4.0
#: How far past the column a full line may reach (hanging punctuation,
#: half-width digits rounding up).
HANG = 2.5

#: Prefixes that keep their hyphen at a line end when the dictionary cannot
#: tell ("self-\nreliant", "anti-\ninflammatory").
HYPHEN_PREFIXES = frozenset("all anti counter cross half multi non post self semi well".split())
#: Narrowest Latin column (cells: 20 characters): lines this short are
#: joined only into a lowercase continuation.
MIN_LATIN_COLUMN = 10.0
#: An indent that marks a Latin paragraph's first line (characters more than
#: the line before: extractors that keep the layout, such as pdftotext -layout).
LATIN_INDENT = 2


@lru_cache(maxsize=1)
def _english_words() -> Mapping[str, int]:
    """English words, lowercase (pyspellchecker's dictionary; loaded on first use, ~0.2 s)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


#: Closing marks a line may not start with, and the characters that go down
#: to the next line with them.
_KINSOKU_MOVED = regex.compile(r"[^，。、；：！？”’）》」』]{1,2}[，。、；：！？”’）》」』]+")
_HANGING = frozenset("，。、")
_SENTENCE_MARKS = "，。、；：！？,.;:!?"
_HYPHENATED = regex.compile(r"[A-Za-z]-$")
_WORD_BEFORE_HYPHEN = regex.compile(r"(?:[A-Za-z]+-)*[A-Za-z]+(?=-$)")
_WORD_START = regex.compile(r"[A-Za-z]+")
_WORD = regex.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")


#: ASCII marks after which a wrap splits a token, not two words.
_NO_SPACE_AFTER = frozenset("-+/=_@#&~*^|\\")


def _joiner(before: str, after: str) -> str:
    """What a join puts between two characters: nothing inside CJK text."""
    if is_wide(before) or is_wide(after):
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            return " "  # CJK next to a Latin word keeps a word space
        return ""
    if before in _NO_SPACE_AFTER or before.isdigit() and after.isdigit():
        return ""  # a token cut at the column edge: "2+6+|N", "http://|a.cn"
    return " "


_BRACKETS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("「", "」"), ("『", "』"), ("【", "】"), ("(", ")"))


def _leaves_open(line: str) -> bool:
    """Whether ``line`` opens a bracket or quote it does not close."""
    return any(line.count(opening) > line.count(closing) for opening, closing in _BRACKETS)


def starts_independently(previous: str, line: str, gap: int) -> bool:
    """Whether ``line`` starts a block whatever stands before it, and nothing
    before it changes how it or what follows is cleaned.

    True before a dateline (a new article) that does not repeat the line
    before it, and at a blank line between a Latin sentence's end and a
    capitalised line. Column
    widths, headline runs and every later step stay on their side of such a
    line, so a text cut there cleans the same in pieces as whole (the
    streaming reader relies on this; see :mod:`cleantext.stream`).
    """
    if line[0] in _DATELINE_FIRST:
        return DATELINE.match(line) is not None and line != previous
    last = previous[-1]
    return (
        gap > 0
        and last.isascii()
        and last not in "-(["
        and line[0].isascii()
        and line[0].isupper()
        and ends_sentence(previous)
    )


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _typed_space(line: str) -> bool:
    return " " in line and any(separates_items(line, m.start(), m.end()) for m in regex.finditer(" +", line))


class _Page:
    """The non-blank lines of one page and what each looks like."""

    def __init__(self, page: str) -> None:
        self.page = page
        starts: list[int] = []
        indents: list[int] = []  # layout spaces before each line
        ends: list[int] = []
        texts: list[str] = []
        gaps: list[int] = []  # blank lines before each line
        gap = pos = 0
        for raw in page.split("\n"):
            text = raw.strip(SPACE_CHARS + "\r")  # a CR left by a CRLF ends a line too (when run alone)
            if text:
                lead = raw.index(text[0])
                starts.append(pos + lead)
                indents.append(lead)
                ends.append(pos + lead + len(text))
                texts.append(text)
                gaps.append(gap)
                gap = 0
            else:
                gap += 1
            pos += len(raw) + 1
        self.starts, self.ends, self.texts, self.gaps, self.indents = starts, ends, texts, gaps, indents
        self.widths = [display_width(t) for t in texts]
        self.terminal = [ends_sentence(t) for t in texts]
        self.no_punct = [not has_sentence_punct(t) for t in texts]
        self.block_start = [t[0] in _BLOCK_START_FIRST and BLOCK_START.match(t) is not None for t in texts]
        self.dateline = [b and DATELINE.match(t) is not None for b, t in zip(self.block_start, texts)]
        self.credit = [t[-1] in _CREDIT_LAST and CREDIT.match(t) is not None for t in texts]
        self.boundary = [False][: len(texts)] + [
            (line[0] in _DATELINE_FIRST or gap > 0 and line[0].isascii()) and starts_independently(previous, line, gap)
            for previous, line, gap in zip(texts, texts[1:], gaps[1:])
        ]
        # a line printed twice in a row (a doubled title) stands alone, both copies
        bare = [t.rstrip(_SENTENCE_MARKS) for t in texts]
        same = [a == b for a, b in zip(bare, bare[1:])]
        self.paired = [x or y for x, y in zip([False] + same, same + [False])] if texts else []
        self.columns = self._column_widths()
        self.headline = [False] * len(texts)
        self._words: set[str] | None = None

    def _segments(self) -> tuple[list[range], list[bool]]:
        """Split the lines into stretches that can share one column.

        A new stretch starts at a dateline or other block start, around a
        photo credit, and around a run of unpunctuated lines that follows the
        end of a sentence (a headline run, or a paragraph opening without
        punctuation). Also returns which lines are in such a run.
        """
        cuts: list[int] = [0]
        runs: list[bool] = []
        in_run = False
        no_punct, dateline, terminal = self.no_punct, self.dateline, self.terminal
        boundary, block_start, credit = self.boundary, self.block_start, self.credit
        for k in range(len(no_punct)):
            run = no_punct[k] and not dateline[k] and (k == 0 or in_run or terminal[k - 1])
            if k and (boundary[k] or block_start[k] or credit[k] or credit[k - 1] or run != in_run):
                cuts.append(k)
            runs.append(run)
            in_run = run
        cuts.append(len(self.texts))
        return [range(lo, hi) for lo, hi in zip(cuts, cuts[1:])], runs

    def _column_widths(self) -> list[float | None]:
        """Each line's column width: the median of the continuing lines of its
        stretch; for a stretch with none, of the lines around it, or else the
        column of the line before. A comma or stop hanging past the edge does
        not count. Unpunctuated lines after a sentence's end may be headlines
        and are left out, unless a first measure shows them full.
        """
        stretches, runs = self._segments()
        # a closing comma or stop may hang past the edge: it does not measure
        measured = [w - 1 if t[-1] in _HANGING else w for w, t in zip(self.widths, self.texts)]
        continuing = [
            not self.terminal[k] and w <= MAX_COLUMN and not self.credit[k] for k, w in enumerate(self.widths)
        ]
        first = self._measure([c and not r for c, r in zip(continuing, runs)], measured, stretches)
        full_runs = [
            c and r and f is not None and f - 1 <= m <= f + HANG
            for c, r, f, m in zip(continuing, runs, first, measured)
        ]
        if not any(full_runs):
            return first
        return self._measure([c and (not r or f) for c, r, f in zip(continuing, runs, full_runs)], measured, stretches)

    def _measure(self, candidates: list[bool], measured: list[float], stretches: list[range]) -> list[float | None]:
        columns: list[float | None] = []
        for stretch in stretches:
            widths = list(compress(measured[stretch.start : stretch.stop], candidates[stretch.start : stretch.stop]))
            if len(widths) > 1 or widths and len(stretch) == 1:
                columns += [_median(widths)] * len(stretch)
                continue
            for i in stretch:
                first, last = max(0, i - WINDOW), min(len(measured), i + WINDOW + 1)
                while first < i and any(self.boundary[first + 1 : i + 1]):
                    first += 1  # never measure across a hard boundary
                while last > i + 1 and any(self.boundary[i + 1 : last]):
                    last -= 1
                near = list(compress(measured[first:last], candidates[first:last]))
                if near:
                    columns.append(_median(near))
                elif i and not self.boundary[i]:
                    columns.append(columns[i - 1])  # the column does not change mid-article
                else:
                    columns.append(None)
        return columns

    def short(self, i: int) -> bool:
        """Clearly shorter than the column (so it cannot continue)."""
        column = self.columns[i]
        return column is not None and self.widths[i] < column - INDENT_SLACK

    def wrapped_title(self, i: int) -> bool:
        """Whether headline line ``i`` is a title cut at the column edge: as
        wide as its column (within a cell; nothing hangs from a title), with
        a bracket or quote left open. A title that merely happens to be as
        wide as the column is common (its subtitle follows) and stays apart.
        """
        column = self.columns[i]
        return (
            self.headline[i]
            and self.headline[i + 1]
            and column is not None
            and abs(self.widths[i] - column) <= 1
            and _leaves_open(self.texts[i])
            and not (self.paired[i] or self.paired[i + 1])
        )

    def indented(self, i: int, column: float) -> bool:
        """Whether line ``i`` is short because it is a paragraph's indented
        first line, not because kinsoku moved its last characters down (a
        line never starts with closing punctuation, so the characters before
        it go down with it when they cannot all fit)."""
        width = self.widths[i]
        if self.terminal[i] or not column - INDENT_SLACK <= width <= column - 1.5:
            return False
        if i + 1 < len(self.texts):
            moved = _KINSOKU_MOVED.match(self.texts[i + 1])
            if moved:
                room = column + (1 if moved.group()[-1] in _HANGING else 0)
                return width + display_width(moved.group()) <= room
        return True

    def headline_run_end(self, i: int) -> int:
        """If a headline run starts at line ``i``, its end (exclusive); else 0."""
        texts = self.texts
        if not self.no_punct[i] or self.dateline[i] or not has_han(texts[i]):
            return 0
        if self.block_start[i] and CONTINUATION.fullmatch(texts[i]):
            return i + 1  # a continuation marker stands alone; the article's text follows
        j = i + 1
        while j < len(texts) and self.no_punct[j] and not self.block_start[j] and not self.boundary[j]:
            j += 1
        run = range(i, j)
        column = self.columns[i]
        if (
            j == len(texts)
            or self.block_start[j]
            or self.boundary[j]
            or column is None
            or self.widths[j] > column + HANG
            or TIME_OPENER.match(texts[j])  # a new sentence: the run did not end mid-sentence
            or any(self.short(k) for k in run)
            or any(ORG_NAME.match(texts[k]) for k in run)
            or any(_typed_space(texts[k]) for k in run)
        ):
            return j
        return 0

    def decide(self, i: int) -> str:
        """What replaces the line break after line ``i``: "\\n", "" or " "."""
        a, b = self.texts[i], self.texts[i + 1]
        if self.headline[i] or self.headline[i + 1]:
            return _joiner(a[-1], b[0]) if self.wrapped_title(i) else "\n"
        if self.block_start[i + 1] or self.credit[i] or self.credit[i + 1] or self.paired[i] or self.paired[i + 1]:
            return "\n"
        last, first = a[-1], b[0]
        if last.isdigit() and NUMBER_UNIT.match(b):
            return _joiner(last, first)  # a number cut from its unit
        if last in OPENING or last == "-" and first.isalnum() and _HYPHENATED.search(a):
            return _joiner(last, first)
        column = self.columns[i]
        wide = is_wide(last), is_wide(first)
        cut_token = False  # a token cut between Chinese lines ("2+6|+N"): the column decides, as for CJK
        if wide == (False, False) and not (last.isdigit() and first.isdigit()):
            if not (has_han(a) and has_han(b)):
                return self._decide_latin(i, column, _joiner(last, first))
            cut_token = not (_LATIN_LETTER.match(last) and _LATIN_LETTER.match(first))
        width = self.widths[i]
        if column is None or width > column + HANG or self.widths[i + 1] > column + HANG:
            return "\n"
        if self.terminal[i]:
            if width <= column - 1:
                return "\n"  # a short last line
            if STAGE_OPENER.match(b) or self.headline_run_end(i + 1):
                return "\n"
            if self.indented(i + 1, column):
                return "\n"  # the next line is indented: a new paragraph
        elif width < column - INDENT_SLACK:
            return "\n"
        return "" if wide == (True, True) or cut_token else _joiner(last, first)

    def _decide_latin(self, i: int, column: float | None, join: str) -> str:
        """Latin lines: a line that does not end a sentence continues into a
        lowercase one, even across a blank line; otherwise a blank line or an
        indented next line is a paragraph break, and else the widths decide."""
        if not self.terminal[i] and self.texts[i + 1][0].islower():
            return join
        if self.gaps[i + 1] or self.indents[i + 1] >= self.indents[i] + LATIN_INDENT:
            return "\n"
        width = self.widths[i]
        if column is None or column < MIN_LATIN_COLUMN or width > column + HANG or self.widths[i + 1] > column + HANG:
            return "\n"
        if width < column * (0.85 if self.terminal[i] else 0.6):
            return "\n"
        return join

    def drops_hyphen(self, i: int) -> bool:
        """Whether the hyphen ending Latin line ``i`` only split a word.

        The document is the dictionary first: a hyphenated form used
        elsewhere keeps the hyphen, a joined one drops it. A hyphen after a
        word that already has one ("state-of-the-\nart"), or before a
        capital, is the word's own. Then English decides: a known joined
        word drops it ("ex-\npected"), two known words keep it
        ("long-\nterm"), and so does a prefix such as "self" or "non".
        """
        left = _WORD_BEFORE_HYPHEN.search(self.texts[i])
        right = _WORD_START.match(self.texts[i + 1])
        if left is None or right is None:
            return False
        if self._words is None:
            self._words = {w.lower() for w in _WORD.findall(self.page)}
        before, after = left.group().lower(), right.group()
        if f"{before}-{after}".lower() in self._words:
            return False
        if (before + after).lower() in self._words:
            return True
        if "-" in before or after[0].isupper():
            return False
        english = _english_words()
        if (before + after).lower() in english:
            return True
        known_parts = before in english and after.lower() in english and min(len(before), len(after)) > 1
        return not (known_parts or before in HYPHEN_PREFIXES)


@normalizer("column-wrap")
def unwrap_columns(text: str) -> Iterator[Edit]:
    """Join the column lines of each paragraph; one block per line, no blank lines.

    >>> unwrap_columns("会议强调，全市各级政协党组要充分认\\n\\n识加强政协党的建设工作的重要性和必要\\n\\n性，旗帜鲜明讲政治，充分发挥把方向、管大\\n\\n局、保落实的重要作用。\\n\\n嘉峪关市政协\\n\\n召开党组理论学习中心组（扩大）会议\\n")
    '会议强调，全市各级政协党组要充分认识加强政协党的建设工作的重要性和必要性，旗帜鲜明讲政治，充分发挥把方向、管大局、保落实的重要作用。\\n嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n'
    """
    page = _Page(text)
    starts, ends = page.starts, page.ends
    if not starts:
        if text:
            yield Edit(0, len(text), "")
        return
    yield Edit(0, starts[0], "")
    start_of_block = True
    for i in range(len(starts) - 1):
        if start_of_block and not page.headline[i]:
            for k in range(i, page.headline_run_end(i)):
                page.headline[k] = True
        joint = page.decide(i)
        start_of_block = joint == "\n"
        start = ends[i]
        if joint == "" and page.texts[i][-1] == "-" and page.drops_hyphen(i):
            start -= 1  # "infor-\nmation" -> "information"
        yield Edit(start, starts[i + 1], joint)
    yield Edit(ends[-1], len(text), "\n")
