"""Column wraps: rejoin the printed column lines of each paragraph.

Every line break is decided from what a typesetter leaves behind:

* the column width, measured from neighbouring lines (CJK characters one
  cell, digits and Latin letters half a cell; punctuation may hang one cell
  past the edge);
* a line clearly shorter than its column ends its block; a full one
  continues, unless the next line visibly starts something new (a dateline,
  a subtitle, a new stage of a report, an indented first line);
* runs of lines without sentence punctuation that stand between blocks are
  headlines, and each keeps its own line.

Line breaks between Latin lines follow the same measure, but a blank line
there is a paragraph break and a join takes a space (CSS Text 3); a hyphen
that only split a word at the line end is removed with the break.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Iterator

import regex

from ..chars import (
    NUMBER_UNIT,
    OPEN_END,
    SENTENCE_PUNCT,
    SPACE,
    TERMINAL_END,
    display_width,
    has_han,
    is_wide,
)
from ..pipeline import Edit, normalizer
from .spaces import separates_items

#: Lines that always start a new block.
DATELINE = regex.compile(r"本报[\p{Han}]{0,8}讯|(?:新华社|中新社)[\p{Han}\d月日 ]{0,16}电")
BLOCK_START = regex.compile(
    DATELINE.pattern
    + r"|——|□|■|◆|▲|★"  # subtitle, byline and section marks
    r"|（(?:接|上接|下接|转)[\p{Han}\d]{1,4}版）"  # continuation marker
)
#: A photo credit or caption signature: a block of its own.
CREDIT = regex.compile(r"^(?:[^，。；！？]{0,30}[ \u3000])?[\p{Han}]{2,4}[ \u3000]?(?:摄影报道|摄影|摄|供图)$")
#: The next stage of a report: "会议强调，", "调研组提出，", "会上，".
STAGE_OPENER = regex.compile(
    r"[\p{Han}]{0,6}?(?:强调|要求|指出|提出|认为|表示|建议|希望)[，：]"
    r"|(?:会上|会前|会后|会议期间|近日|日前|今后)，"
)
#: An organisation name alone on a line: the first piece of a headline.
ORG_NAME = regex.compile(
    r"^[\p{Han}]{1,12}?(?:政协|人大常委会|人大|人民政府|政府|党委|委员会|纪委|监委|法院|检察院)$"
)
#: Widest column we expect (cells); a longer line is a whole block.
MAX_COLUMN = 42.0
#: Neighbours on each side that measure a line's column.
WINDOW = 4
#: How much shorter than its column a line may be and still be full: the
#: first line of a paragraph is indented two cells, and punctuation is often
#: set half-width.
INDENT_SLACK = 4.0
#: How far past the column a full line may reach (hanging punctuation,
#: half-width digits rounding up).
HANG = 2.5

#: Prefixes that keep their hyphen at a line end ("well-\nknown").
HYPHEN_PREFIXES = frozenset(
    "all anti co counter cross ex half high low multi non one over post pre "
    "self semi so sub super three two under well".split()
)
_HYPHENATED = regex.compile(r"[A-Za-z]-$")
_WORD_BEFORE_HYPHEN = regex.compile(r"[A-Za-z]+(?=-$)")
_WORD_START = regex.compile(r"[A-Za-z]+")
_WORD = regex.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

_SEPARATOR = regex.compile(f"[{SPACE}]*\\n[\\s]*")
_LINE_START = regex.compile(f"^[{SPACE}]*")
_LINE_END = regex.compile(f"[{SPACE}]*$")


@dataclass(slots=True)
class _Line:
    start: int  # content start (edge spaces excluded)
    end: int
    text: str
    gap: int  # blank lines before it
    width: float
    terminal: bool
    no_punct: bool


def _lines(page: str) -> list[_Line]:
    lines: list[_Line] = []
    gap = 0
    pos = 0
    for raw in page.split("\n"):
        lead = _LINE_START.match(raw).end()
        trail = _LINE_END.search(raw, lead).start()
        if trail > lead:
            text = raw[lead:trail]
            lines.append(
                _Line(
                    pos + lead,
                    pos + trail,
                    text,
                    gap,
                    display_width(text),
                    TERMINAL_END.search(text) is not None,
                    SENTENCE_PUNCT.search(text) is None,
                )
            )
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return lines


def _segments(lines: list[_Line]) -> tuple[list[int], list[bool]]:
    """Number the stretches of lines that can share one column.

    A new stretch starts at a dateline or other block start, around a photo
    credit, and around a run of unpunctuated lines that follows the end of a
    sentence (a headline run, or a paragraph opening without punctuation).
    Also returns which lines are in such a run.
    """
    segments: list[int] = []
    runs: list[bool] = []
    segment = 0
    in_run = False
    for k, ln in enumerate(lines):
        starts = BLOCK_START.match(ln.text) is not None
        credit = CREDIT.match(ln.text) is not None
        run = ln.no_punct and not DATELINE.match(ln.text) and (k == 0 or in_run or lines[k - 1].terminal)
        if k and (starts or credit or run != in_run or CREDIT.match(lines[k - 1].text)):
            segment += 1
        segments.append(segment)
        runs.append(run)
        in_run = run
    return segments, runs


def _column_widths(lines: list[_Line]) -> list[float | None]:
    """Each line's column width: the median of nearby continuing lines.

    Lines of the same stretch are asked first; when the stretch has none, the
    whole neighbourhood is, if it has at least two.
    """
    segments, runs = _segments(lines)
    candidates = [
        ln.width
        if not ln.terminal and not run and ln.width <= MAX_COLUMN and not CREDIT.match(ln.text)
        else None
        for ln, run in zip(lines, runs)
    ]
    widths: list[float | None] = []
    for i in range(len(lines)):
        window = range(max(0, i - WINDOW), min(len(lines), i + WINDOW + 1))
        near = [candidates[k] for k in window if candidates[k] is not None and segments[k] == segments[i]]
        if not near:
            near = [candidates[k] for k in window if candidates[k] is not None]
            if len(near) < 2:
                widths.append(None)
                continue
        widths.append(median(near))
    return widths


def _joiner(before: str, after: str) -> str:
    """What a join puts between two characters: nothing inside CJK text."""
    if is_wide(before) or is_wide(after):
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            return " "  # CJK next to a Latin word keeps a word space
        return ""
    if before == "-" or before.isdigit() and after.isdigit():
        return ""
    return " "


class _Page:
    def __init__(self, page: str) -> None:
        self.page = page
        self.lines = _lines(page)
        self.columns = _column_widths(self.lines)
        self.headline = [False] * len(self.lines)
        self._words: set[str] | None = None

    def drops_hyphen(self, i: int) -> bool:
        """Whether the hyphen ending Latin line ``i`` only split a word.

        The document is the dictionary: a joined form used elsewhere wins,
        then a hyphenated one; a capital after the hyphen or a known prefix
        before it keeps the hyphen ("Anglo-Saxon", "well-known").
        """
        left = _WORD_BEFORE_HYPHEN.search(self.lines[i].text)
        right = _WORD_START.match(self.lines[i + 1].text)
        if left is None or right is None:
            return False
        if self._words is None:
            self._words = {w.lower() for w in _WORD.findall(self.page)}
        before, after = left.group(), right.group()
        if f"{before}-{after}".lower() in self._words:
            return False
        if (before + after).lower() in self._words:
            return True
        return not (after[0].isupper() or before.lower() in HYPHEN_PREFIXES)

    def short(self, i: int) -> bool:
        """Clearly shorter than the column (so it cannot continue)."""
        column = self.columns[i]
        return column is not None and self.lines[i].width < column - INDENT_SLACK

    def fits(self, i: int, column: float) -> bool:
        return self.lines[i].width <= column + HANG

    def is_headline_run(self, i: int) -> int:
        """If a headline run starts at line ``i``, its end (exclusive); else 0."""
        lines = self.lines
        if not lines[i].no_punct or not has_han(lines[i].text) or DATELINE.match(lines[i].text):
            return 0
        j = i + 1
        while j < len(lines) and lines[j].no_punct and not BLOCK_START.match(lines[j].text):
            j += 1
        run = range(i, j)
        after = j if j < len(lines) else None
        column = self.columns[i]
        if (
            after is None
            or BLOCK_START.match(lines[after].text)
            or column is None
            or not self.fits(after, column)
            or any(self.short(k) for k in run)
            or any(ORG_NAME.match(lines[k].text) for k in run)
            or any(_typed_space(lines[k].text) for k in run)
        ):
            return j
        return 0

    def decide(self, i: int) -> str:
        """What replaces the line break after line ``i``: "\\n", "" or " "."""
        a, b = self.lines[i], self.lines[i + 1]
        if self.headline[i] or self.headline[i + 1]:
            return "\n"
        if BLOCK_START.match(b.text) or CREDIT.match(a.text) or CREDIT.match(b.text):
            return "\n"
        if a.text == b.text:
            return "\n"
        join = _joiner(a.text[-1], b.text[0])
        if a.text[-1].isdigit() and NUMBER_UNIT.match(b.text):
            return join
        if OPEN_END.search(a.text) or _HYPHENATED.search(a.text) and b.text[0].isalpha():
            return join
        column = self.columns[i]
        if not is_wide(a.text[-1]) and not is_wide(b.text[0]):
            return self._decide_latin(i, column)
        if column is None or not self.fits(i, column) or not self.fits(i + 1, column):
            return "\n"
        if a.terminal:
            if a.width <= column - 1:
                return "\n"  # a short last line
            if STAGE_OPENER.match(b.text) or self.is_headline_run(i + 1):
                return "\n"
            if not b.terminal and column - INDENT_SLACK <= b.width <= column - 1.5:
                return "\n"  # the next line is indented: a new paragraph
            return join
        return "\n" if self.short(i) else join

    def _decide_latin(self, i: int, column: float | None) -> str:
        """Latin lines: a blank line is a paragraph break; a line that does not
        end a sentence continues into a lowercase one; otherwise by width."""
        a, b = self.lines[i], self.lines[i + 1]
        join = _joiner(a.text[-1], b.text[0])
        if b.gap:
            return "\n"
        if not a.terminal and b.text[0].islower():
            return join
        if column is None or not self.fits(i, column) or not self.fits(i + 1, column):
            return "\n"
        if a.width < column * (0.85 if a.terminal else 0.6):
            return "\n"
        return join


def _typed_space(line: str) -> bool:
    return any(separates_items(line, m.start(), m.end()) for m in regex.finditer(" +", line))


@normalizer("column-wrap")
def unwrap_columns(text: str) -> Iterator[Edit]:
    """Join the column lines of each paragraph; one block per line, no blank lines.

    >>> unwrap_columns("会议强调，全市各级政协党组要充分认\\n\\n识加强政协党的建设工作的重要性和必要\\n\\n性，旗帜鲜明讲政治，充分发挥把方向、管大\\n\\n局、保落实的重要作用。\\n\\n嘉峪关市政协\\n\\n召开党组理论学习中心组（扩大）会议\\n")
    '会议强调，全市各级政协党组要充分认识加强政协党的建设工作的重要性和必要性，旗帜鲜明讲政治，充分发挥把方向、管大局、保落实的重要作用。\\n嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n'
    """
    page = _Page(text)
    lines = page.lines
    if not lines:
        if text:
            yield Edit(0, len(text), "")
        return
    yield Edit(0, lines[0].start, "")
    start_of_block = True
    for i in range(len(lines) - 1):
        if start_of_block and not page.headline[i]:
            end = page.is_headline_run(i)
            for k in range(i, end):
                page.headline[k] = True
        joint = page.decide(i)
        start_of_block = joint == "\n"
        start = lines[i].end
        if joint == "" and lines[i].text.endswith("-") and page.drops_hyphen(i):
            start -= 1  # "infor-\nmation" -> "information"
        yield Edit(start, lines[i + 1].start, joint)
    yield Edit(lines[-1].end, len(text), "\n")
