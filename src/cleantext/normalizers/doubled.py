"""Doubled glyphs: fake-bold rendering prints every run of text twice.

Fake bold draws a run of text twice, a fraction of a point apart, and PDF
extractors print the two copies in one of these forms (seen in pdftotext,
pdfplumber and PyMuPDF output of such PDFs). Each is undone, in this order,
until nothing changes; only a second copy, and the whitespace between the
copies, is ever removed:

1. span by span on one line (:func:`undouble`):
   "近日近日，，文县政协文县政协" → "近日，文县政协"; also only a bold dateline
   before the plain text it opens (pdfminer): "本报讯本报讯记者…" → "本报讯记者…",
   also its rest after the line it opens ("…１" / "月９日电月９日电 记者…");
   a title's rest after its first line printed twice (pdfminer: "…工程" /
   "…工程" / "抢险抢险"), a writer's credit ("（通宣）（通宣）");
2. character by character, often only a bold lead phrase (pdfplumber,
   pdfminer; :func:`uninterleave`): "项项目目描描述述：：负责" → "项目描述：负责"
   (a bold lead ends at its mark: a word of one or two pairs right after
   it is the text's own, "项项目目描描述述：：人人都是" → "项目描述：人人都是");
   a title or label printed so whole ("图图片片新新闻闻", "44 引引言言") on a
   page where this form was found on strong evidence (a label's letters and
   colon so are: "摘摘要要：："), so also a section's label that opens the
   page ("经经济济") and a title's piece between two lines printed so
   ("世世界界…" / "１１００" / "月月在在…"), Latin words so anywhere
   ("RReesseeaarrcchh oonn…"); the rest of such a line that the
   line's end cut off ("…首首相相会会" / "谈谈"), also the rest of a bold
   dateline that opens the next line ("…３３００日日" / "电电（记者…）"); on a
   page printed so throughout (MIN_PAGE_BOLD_LINES lines), shorter runs
   anywhere ("…激光。美美国国麻麻省理工学院"); on a page whose bold words
   inside its lines are printed so (MIN_PAGE_TERM_LINES), a word of two
   pairs too ("损害甚甚至至出现"), unless the lexicon names it a reduplicated
   word (扎扎实实); the pairs on the other side of a line break from such a
   run, which a line's end cut ("…只能使使" / "局局势势恶恶化化，…");
3. a line printed twice in a row (PyMuPDF, pdftotext -raw), blank line
   between or not: "标题\n标题" → "标题"; a letter-spaced title printed one
   character a line, twice (PyMuPDF): "标\n题\n名\n标\n题\n名" → "标\n题\n名";
   a mark alone on its line after a line ending in it ("发展。\n。" → "发展。"),
   or opening the next line before a gap ("方法，\n，， 解决" → "方法，\n解决");
   a line the extractor printed in two pieces, twice ("新华社…电" / "（记者…）…" /
   "新华社…电" / "（记者…）…"); a bold dateline's copy that pdftotext or
   pdfminer set apart by its height, inside a sentence ("…有所作" / "本报讯" /
   "为，…"), also right after the line it opens ("本报…电 记" / "本报…电" / "者…"),
   and so a bold lead phrase that ends with a colon ("这六位大使是：即将…" /
   "这六位大使是：" / "坡驻华…");
4. a staircase: lines each overlapping the next (:func:`overlap`), a line
   that is the start of the next or whose end starts the next (PyMuPDF,
   pdftotext draw bold run by run): "…记者王霞光" / "…记者王霞光、" / "、陈昭报道" /
   "陈昭报道：" → "…记者王霞光、陈昭报道："; the two pieces of a line a bold run
   in it split, which join into one column line ("…加速期，其金融" / "其金融业的…"),
   or whose first is that run alone after a line cut in a sentence ("…祝愿，" /
   "在两岸" / "在两岸同胞…"), or whose pieces, short of the column inside a
   sentence, make a paragraph's last line ("卡斯蒂约感谢李岚" / "蒂约感谢李岚清的
   会见。"); a bold word printed again alone after the end of its line
   inside a sentence ("…依靠贸易、资本主" / "资本主" / "义和创新…"), of two letters
   where the word's second piece is printed so too ("…资本" / "资本" / "主义" /
   "主义和创新…"); a whole dateline alone before
   the line it opens again, whole or from its end ("本报讯" / "本报讯记者…",
   "…１２日电" / "１２日电（记者…）"); on the lines of a staircase a
   punctuation mark printed twice in place goes too (pdftotext -layout:
   "王霞光、、陈昭").

What counts as fake bold is decided by what the text holds, with thresholds
measured on clean text (the People's Daily of January 1998, 9000
paragraphs, and the UD Chinese GSD sentences, 500), as they are and wrapped
at 8 to 60 cells: the step changes none of their lines as they are; wrapped,
it joins one title of the People's Daily to the paragraph after it, which
opens with the title's words, at 14 of the 27 widths (exactly what PyMuPDF
prints for a bold lead phrase). Real reduplication (人人, 高高兴兴,
认认真真踏踏实实, 研究研究, 嘻嘻嘻嘻) and identical lines that are not text
(table rows "100" / "100") stay. Evidence too weak alone (the short last line
of a bold paragraph, "进。" / "进。" or "进进。。") counts next to fake bold
found on strong evidence, up to two lines away.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from heapq import heappop, heappush
from itertools import compress
from operator import contains, eq, itemgetter, or_
from typing import Iterator, NamedTuple, Sequence

import regex

from ..chars import (
    FULLWIDTH_PUNCT,
    SENTENCE_END,
    display_width,
    ends_sentence,
    has_han,
    has_sentence_punct,
    is_han,
    line_pattern,
    line_spans,
)
from ..lexicon import Lexicon, default_lexicon
from ..pipeline import Edit, normalizer
from .boundaries import continues, starts_independently

#: Longest line examined for span-by-span doubling: fake bold doubles a
#: column line, so twice a wide column is plenty.
MAX_LINE = 240


# A fake-bold line starts with a square (a span followed by itself, ending
# in print: a space after the span is typed between it and the next, and
# "文县政协 文县政协 " reads as "文县政协 文县政协" does). The standard
# library's engine finds these line starts fastest, in one scan.
_LINE_SQUARE = line_pattern(r"[ \t\u3000]*(.{1,%d}?)\1(?<=\S)" % (MAX_LINE // 2))
_STARTS_SQUARE = _LINE_SQUARE[0]
# ... or, after the end of a sentence, the rest of a line does (a bold lead
# the line before was glued to: "…完成。本报讯本报讯…").
_SQUARE_AFTER_END = re.compile(r"[。！？][ \t\u3000]*(.{1,%d}?)\1(?<=\S)" % (MAX_LINE // 2))
#: A doubled line must print at least this many CJK letters once, some span
#: two or more, so real reduplication (人人, 高高兴兴, 研究研究, 哈哈哈哈) and
#: repeated digits are never mistaken for fake bold.
MIN_LETTERS = 3
# CJK letters (Han, kana) are counted as the characters outside the runs of
# other characters: a few matches, where matching the letters makes one a
# match (and a string) of each.
_NOT_CJK_LETTERS = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}]+")
_WHITESPACE = re.compile(r"\s")
# (the marks FULLWIDTH_PUNCT maps: a line without them is not translated)
_HALFWIDTH_MARK = re.compile("[%s]" % re.escape("".join(map(chr, FULLWIDTH_PUNCT))))
#: two characters of running text in a row (no punctuation mark): fake bold
#: does not cut a run between them
_RUN_TEXT = regex.compile(r"[^\p{P}\s]{2}")
#: The Chinese ellipsis and dash are one mark of two characters ("……", "——"),
#: not a mark printed twice (fake bold prints them "…………", "————").
_TWO_CHARACTER_MARKS = "…—"

#: Character by character: a run of characters each printed twice in place
#: ("项项目目描描述述：："), counted in blocks (a pair that differs from the pair
#: before it starts a block, so "哈哈哈哈哈哈" is one block). Clean text has
#: runs of at most 3 blocks (日日夜夜, 大大小小, ６８８８８); two reduplicated
#: words in a row make 4 (认认真真踏踏实实); fake bold needs 5.
MIN_PAIR_BLOCKS = 5
#: ... and at least this many CJK letters among the pairs (not digits or
#: Latin alone: "bookkeeper", "1100").
MIN_PAIR_LETTERS = 3
# Where such a run may be: three pairs in a row (checked in Python, which
# also joins runs across spaces and finds the right alignment). A pair is
# two equal characters that are not whitespace, tested in that order: re
# tries the pattern at every position, and looking a character up in \S
# first costs more than the rest (the lookbehind reads the pair's second
# character, which equals the first).
_PAIR = r"(.)\%d(?<=\S)"
_PAIRS = re.compile(r"[ \t\u3000]*".join(_PAIR % n for n in (1, 2, 3)))  # (no repeat: re's would hold a mark a pair)
_TWO_PAIRS = re.compile(r"[ \t\u3000]*".join(_PAIR % n for n in (1, 2)))
#: How many cells short of its column a line is clearly short (see _fits_one_line).
CLEARLY_SHORT = 3
#: Lines near one that fill the column as it does, that tell a column (see _fills_column).
MIN_FULL_LINES = 3
#: Marks inside a sentence that may hang past a column's edge (see _one_line).
_HANGING_MARKS = frozenset("，、；")
#: A line that ends in a pair, the next opening with one (see _run_across_break).
#: (Found from the break: a scan for a pair at every character cost the step 7% more instructions.)
_PAIR_OPENS_LINE = re.compile(r"\n[ \t\u3000]*(.)\1(?<=\S)")
#: A run's pairs after its last mark, this many blocks at most, are a
#: reduplicated word of the text the bold lead opens (see _lead_ends_at_mark).
MAX_TAIL_BLOCKS = 2
#: A page that prints this many lines character by character on strong
#: evidence prints its bold so throughout: there a run of MIN_PAGE_RUN_BLOCKS
#: blocks is fake bold anywhere in a line ("…美美国国麻麻省理工学院"), and one
#: of two that prints a mark twice ("解解：：…"); reduplicated words alone stay
#: ("扎扎实实地…").
MIN_PAGE_BOLD_LINES = 3
MIN_PAGE_RUN_BLOCKS = 3
#: ... so does a page with this many lines holding, after text printed
#: once (on the line, or on the line before inside a sentence; before more
#: such text or the line's end), a run of MIN_PAGE_RUN_BLOCKS blocks of Han characters (clean text
#: has none: not one in the 860,000 characters of the People's Daily and
#: the Wikipedia sentences; a page of bold words may show one line so, its
#: other words being one or two letters long): key terms in bold inside its lines
#: ("…商业运运作作的的模模式"), where also a run of two pairs is fake bold
#: ("损害甚甚至至出现"), unless it is a reduplicated word of the lexicon
#: (``doubled.reduplicated``: 扎扎实实). (A page whose bold is titles and lead
#: phrases, at the start of their lines, doubles no word inside a line.)
MIN_PAGE_TERM_LINES = 1
#: A line that is nothing but pairs, whole (a bold title or label:
#: "图图片片新新闻闻", "文文艺艺部部"), is fake bold from this many blocks on a page
#: where fake bold printed character by character was found on strong
#: evidence, or anywhere when it prints a mark twice ("（（ＡＡ、、ＢＢ））");
#: alone it says too little (a title may be 天天高高兴兴).
MIN_TITLE_BLOCKS = 3
#: ... and a line of Latin words so, from this many blocks, anywhere
#: ("RReesseeaarrcchh oonn TTeexxtt": no text is words of pairs only; digits
#: and a few letters may be, "1100 2200", "YYYY MM DD").
MIN_LATIN_TITLE_BLOCKS = 8
#: A line of one or two characters each printed twice ("谈谈", "实实事事"):
#: the rest of a bold line (see _bold_tail).
_TAIL_PAIRS = line_pattern(r"[ \t\u3000]*(?:(\S)\1){1,2}[ \t\u3000]*$")
#: A line that opens with characters each printed twice ("电电（记者张淑英）…",
#: "姆姆11月月66日日电电 坦桑"): the rest of a bold dateline that the line's end cut.
_HEAD_PAIRS = line_pattern(r"[ \t\u3000]*(?:(\S)\1)+")
#: A writer's credit in brackets printed twice on its line ("（通宣）（通宣）"): see _square_rest.
_CREDIT_TWICE = line_pattern(r"[ \t\u3000]*([（(][^（）()\n]+[）)])\1[ \t\u3000]*$")
_WHOLE_PAIRS = line_pattern(r"[ \t\u3000]*(?:(\S)\1[ \t\u3000]*){2,}$")
#: Marks that clean text never prints twice in a row (the corpora have no
#: "，，", "：：", "、、" and one "。。" in 2.6 million characters).
_MARKS = frozenset("，。、；：！？（）《》〈〉「」『』【】“”‘’")
#: A line that ends in one of these is no text on its own: a bold label
#: ("项目描述：") when the next line starts with it.
_CLAUSE_MARKS = frozenset("，、；：")

#: Lines and staircases: only column lines take part, at most this wide
#: (cells); a paragraph of clean text that starts with the line before it
#: (a title, then a paragraph opening with the title's words) is wider.
MAX_COLUMN = 64
#: An overlap holding this many CJK letters is fake bold on its own (wrapped
#: clean text: 1199 wraps in 441,142 have a 1-letter overlap, 38 a 2-letter
#: one, one a longer one, where the text itself repeats a phrase).
MIN_OVERLAP_LETTERS = 4
#: ... and one of this many where the copies' shape says the text cannot be
#: column lines of clean text (see _one_line, _copy_after_cut, _end_again_in_sentence).
MIN_STEP_LETTERS = 3
#: ... and one of this many where the first of the two is a piece short of
#: the column, cut in a sentence, that joins the rest of the second into one
#: line no wider than the column (see _fits_one_line).
MIN_SHORT_STEP_LETTERS = 2
#: A line that is the end of the line before, last on its page, is fake
#: bold on its own from this many letters (clean text may end so: "…一件一件。"
#: / "一件一件。").
MIN_TAIL_LETTERS = 8
#: A staircase of weaker overlaps needs at least this many (clean text wrapped
#: at 8 to 60 cells never has more than 2 in a row) holding MIN_OVERLAP_LETTERS
#: letters together.
MIN_STAIRS = 3
#: Fake bold prints a line at most this many times in a row (twice, a third
#: copy from a shadow); more copies are text repeated, and stay.
MAX_COPIES = 3
#: A title of only CJK letters printed exactly twice is fake bold from this
#: many letters (one letter a line is a list or letter-spaced text).
MIN_TITLE_LETTERS = 2
#: A line of column text that ends a sentence, printed exactly twice, is fake
#: bold from this many CJK letters (a bold paragraph PyMuPDF prints line by
#: line: "…开始了。" / "…开始了。"); no paragraph of the People's Daily follows
#: itself (9000 paragraphs), and a shorter one may be a cry said twice.
MIN_SENTENCE_LETTERS = 8
#: A letter-spaced title an extractor printed one character a line
#: (PyMuPDF), in fake bold, comes as the run of those lines twice: fake bold
#: from this many CJK letters a copy ("中/华/…/法/中/华/…/法").
MIN_SPACED_LETTERS = 3
#: ... and a title is short: a longer copy is a list or a table's column.
MAX_SPACED_LETTERS = 24
# (not numbers, or one letter again and again: a list's numbering, a cry)
_NUMBERING = re.compile(r"[\d一二三四五六七八九十百〇零]+|(.)\1*")
# Runs of one-character lines (a blank line between allowed) where that may be.
_SINGLE_LINES = line_pattern(r"(?:[ \t\u3000]*\S[ \t\u3000]*\n(?:[ \t\u3000]*\n)?){%d,}" % (2 * MIN_SPACED_LETTERS))
#: A page's column is the width shared by this many lines at least (of
#: this many cells or more).
MIN_COMMON = 3
MIN_COMMON_WIDTH = 8
#: A piece of a line is measured against the column of the lines this far
#: around it (see _Page.column_near).
COLUMN_REACH = 8
#: A line printed twice is text, not a table row: letters make most of it.
_TEXT_SHARE = 2 / 3
#: Marks printed twice in place on the lines of a staircase (pdftotext
#: -layout); "……" and "——" are single marks and stay.
#: A writer's credit in brackets, a line of its own under an article ("（徐俊）").
_CREDIT_BRACKETS = re.compile(r"[（(][^（）()]+[）)]")
_DOUBLED_MARK = re.compile(r"([，。、；：！？“”‘’（）《》〈〉「」『』【】])[^\S\n]*\1")

#: A line that may be a dateline alone: it ends in 讯 or 电 (see
#: _displaced_dateline), found from that end (a scan for two characters),
#: with 3 to 42 printed characters; and how many lines before it the
#: dateline it repeats may stand.
_DATELINE_END = re.compile(r"[讯电][^\S\n]*$", re.MULTILINE)
_LEADING_SPACE = re.compile(r"[^\S\n]*")
DATELINE_ALONE_CHARS = (3, 42)
DISPLACED_REACH = 12
#: What the line a bold lead phrase opens holds after it at least (characters).
LEAD_REST = 3
#: A bold lead phrase that ends with a colon ("这六位大使是：", "盛云龙说得好："), a
#: line of its own of this many characters at most: pdftotext and pdfminer set
#: its second copy apart, under the line it opens (see _displaced_lead).
_LEAD_LINE = line_pattern(r"[^\S\n]*[^\n]{1,15}[：:][^\S\n]*$")
#: A line that is one mark, the mark the line before ends with: its second
#: copy (a crop of a column took the first, fake bold's other copy, whose
#: centre lies past the crop's edge, went to a line of its own:
#: "…向前发展。" / "。"); clean text never prints these twice in a row.
_LONE_MARK = re.compile(r"\n[^\S\n]*[，。、；：！？][^\S\n]*(?=\n|\Z)")
#: ... or the mark once or twice more, and a gap, opening the next line
#: before its text ("…科学的方法，" / "，， 解决制约…"): no line opens with it.
_LEADING_MARKS = line_pattern(r"[^\S\n]*([，。、；：])\1?[^\S\n]+(?=[^\s，。、；：])")
_LAST = itemgetter(slice(-1, None))
#: What rule 1 reads on a line: the positions kept (None: not doubled),
#: whether the evidence is strong and, when only a stretch of the line is
#: doubled (after a sentence's end, before a dateline), that stretch.
_Spans = tuple[list[int] | None, bool] | tuple[list[int], bool, tuple[int, int]]
_HEAD4 = itemgetter(slice(0, 4))


def _short(text: str, size: int = 16) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _letters(text: str) -> int:
    """How many CJK letters ``text`` holds."""
    return len(text) - sum(map(len, _NOT_CJK_LETTERS.findall(text)))


# --------------------------------------------------------------------------
# 1. Span by span on one line
# --------------------------------------------------------------------------


def undouble(line: str, min_letters: int = MIN_LETTERS) -> str | None:
    """The line printed once, if the whole line is a run of doubled spans.

    Spaces do not count when comparing the two copies of a span, and spaces
    between spans are kept. Of the ways to read a line as doubled spans, the
    one with the most spans wins (fake bold doubles short spans: "，，" is a
    doubled comma, not the middle of a doubled sentence), unless it cuts a
    run of text that fewer spans read whole (a run between marks is drawn
    at once: "一件一件事事一件一件事事" is one span); ``None`` when the
    line is not entirely doubled or holds too few CJK letters (MIN_LETTERS).

    >>> undouble("通讯员通讯员 吴玉民吴玉民 摄影报道摄影报道")
    '通讯员 吴玉民 摄影报道'
    >>> undouble("近日近日，，各方协商各方协商。。各方协商各方协商。。")
    '近日，各方协商。各方协商。'
    >>> undouble("人人都是") is None
    True
    """
    kept, letters = _parse(line)
    if kept is None or sum(letters) < min_letters or min_letters > 1 and max(letters) < 2:
        return None
    return "".join(line[i] for i in kept)


def _parse(line: str) -> tuple[list[int] | None, list[int]]:
    """The line as doubled spans: (positions kept, CJK letters per span), or (None, [])."""
    where: Sequence[int]  # the position in line of each character of compact
    spaced: list[int] | None = None  # how many characters of compact have a space before them, up to each
    if _WHITESPACE.search(line) is None:
        compact, where = line, range(len(line))
    else:
        where = [i for i, ch in enumerate(line) if not ch.isspace()]
        compact = "".join(line[i] for i in where)
        spaced = [0, 0]
        for a, b in zip(where, where[1:]):
            spaced.append(spaced[-1] + (b - a > 1))
    # a mark typed in ASCII next to its full-width form ("，,") is one mark
    # printed twice once cjk-punctuation has run: it reads as such here too
    if _HALFWIDTH_MARK.search(compact) is not None:
        compact = compact.translate(FULLWIDTH_PUNCT)
    n = len(compact)
    # best[i]: (score, where its last half starts) of the best parse of
    # compact[:i] (the parse is read back from best[n] at the end); the
    # score prefers parses whose spans hold fewer spaces inside (fake bold
    # prints a space between spans once: "通讯员通讯员 吴玉民吴玉民"), then
    # fewer cuts inside a run of text (fake bold draws a run between marks
    # at once: "一件一件事事一件一件事事" is one span, not 一件一件/事事 twice),
    # then more spans
    best: list[tuple[tuple[int, int, int], int] | None] = [None] * (n + 1)
    best[0] = ((0, 0, 0), -1)
    # the positions a parse reaches, read in order (each once, when every
    # parse reaching it is known); none past the last: the line is not doubled
    reached = [0]
    while reached and (i := heappop(reached)) < n:
        here = best[i]
        first, limit = compact[i], i + (n - i) // 2
        cut = -1  # (worked out at the first square found here)
        second = compact.find(first, i + 1, limit + 1)  # where a second copy could start
        while second != -1:
            half = second - i
            j = i + 2 * half
            if compact.startswith(compact[i:second], second) and not (half == 1 and first in _TWO_CHARACTER_MARKS):
                if cut == -1:
                    # a square starting here cuts a run of text: no mark and no space on either
                    # side, and not within one character said again ("哈哈|哈哈" is reduplication)
                    cut = int(
                        i > 0
                        and compact[i - 1] != first
                        and _RUN_TEXT.match(compact, i - 1, i + 1) is not None
                        and (spaced is None or spaced[i + 1] == spaced[i])
                    )
                inside = spaced[j] - spaced[i + 1] if spaced is not None else 0
                score = (here[0][0] - inside, here[0][1] - cut, here[0][2] + 1)
                old = best[j]
                if old is None:
                    heappush(reached, j)
                if old is None or score > old[0]:
                    best[j] = (score, i)
            second = compact.find(first, second + 1, limit + 1)
    if best[n] is None or n == 0:
        return None, []
    halves: list[tuple[int, int]] = []  # (start, end) in compact of each span's first copy
    j = n
    while j:
        i = best[j][1]  # type: ignore[index]
        halves.append((i, (i + j) // 2))
        j = i
    halves.reverse()
    letters = [_letters(compact[a:b]) for a, b in halves]
    kept: list[int] = []
    previous_end = 0  # where the last doubled span ended, in line
    for a, b in halves:
        start, stop = where[a], where[b - 1] + 1
        if previous_end:
            kept.extend(range(previous_end, start))  # spaces between spans
        kept.extend(range(start, stop))
        previous_end = where[b - 1 + (b - a)] + 1
    return kept, letters


def _span_doubled(line: str) -> tuple[list[int] | None, bool]:
    """(positions kept, strong) when the line is doubled span by span, else (None, False)."""
    if not line or len(line) > MAX_LINE or not has_han(line):
        return None, False
    kept, letters = _parse(line)
    if kept is None or not sum(letters):
        return None, False
    # strong: more than the reduplication of one or two words (研究研究, 高高兴兴,
    # 研究研究高高兴兴): a longer span, two of two letters, or a mark printed twice
    strong = sum(letters) >= MIN_LETTERS and (
        max(letters) > 2 or sum(n == 2 for n in letters) > 1 or any(line[i] in _MARKS for i in kept)
    )
    return kept, strong


# --------------------------------------------------------------------------
# 2. Character by character
# --------------------------------------------------------------------------


def uninterleave(line: str) -> str:
    """The line with every run printed character by character printed once.

    A run is a row of pairs ("项项目目"), spaces between pairs allowed; it is
    fake bold when it has MIN_PAIR_BLOCKS blocks and MIN_PAIR_LETTERS CJK
    letters, so reduplicated words stay.

    >>> uninterleave("项项目目描描述述：：负责公司核心业务")
    '项目描述：负责公司核心业务'
    >>> uninterleave("『『铁铁老老大大』』练练摊摊")
    '『铁老大』练摊'
    >>> uninterleave("通通讯讯员员 吴吴玉玉民民 摄摄影影报报道道")
    '通讯员 吴玉民 摄影报道'
    >>> uninterleave("认认真真踏踏实实，高高兴兴，嘻嘻嘻嘻哈哈哈")
    '认认真真踏踏实实，高高兴兴，嘻嘻嘻嘻哈哈哈'
    """
    gone = {p + 1 for _, _, pairs, _ in _interleaved_runs(line) for p in pairs}
    return "".join(ch for i, ch in enumerate(line) if i not in gone)


def _pair_at(text: str, i: int) -> bool:
    return 0 <= i and i + 1 < len(text) and text[i] == text[i + 1] and not text[i].isspace()


def _lead_ends_at_mark(text: str, pairs: list[int]) -> list[int]:
    """``pairs`` (a run's first position of each pair), less the pairs after
    its last mark when they are MAX_TAIL_BLOCKS blocks at most and text
    follows them on the line: a bold lead ends at its mark, and a
    reduplicated word opens the text after it ("项项目目描描述述：：人人都是…").

    >>> text = "项项目目描描述述：：人人都是"
    >>> "".join(text[p] for p in _lead_ends_at_mark(text, [0, 2, 4, 6, 8, 10]))
    '项目描述：'
    """
    last = max((n for n, p in enumerate(pairs) if text[p] in _MARKS), default=len(pairs) - 1)
    tail = pairs[last + 1 :]
    if not tail or tail[-1] + 2 >= len(text) or text[tail[-1] + 2].isspace():
        return pairs
    blocks = 1 + sum(1 for a, b in zip(tail, tail[1:]) if text[a] != text[b])
    return pairs[: last + 1] if blocks <= MAX_TAIL_BLOCKS else pairs


def _interleaved_runs(
    text: str,
    near_bold: bool = False,
    opening: "regex.Pattern[str] | None" = None,
    throughout: bool = False,
    terms: bool = False,
    reduplicated: frozenset[str] = frozenset(),
) -> list[tuple[int, int, list[int], bool]]:
    """(start, end, first position of each pair, strong) of every fake-bold run in ``text``.

    A shorter run is fake bold too when it holds a punctuation mark printed
    twice (clean text never has "，，" or "：："; a bold lead phrase:
    "会会上上，，", "姓姓名名：："), or, next to fake bold (``near_bold``),
    when it starts or ends the line (the tail of a bold paragraph: "进进。。"),
    and on a page that prints its bold so ``throughout``, a run of two
    pairs or more is read as when it holds three (a mark twice), and one of
    MIN_PAGE_RUN_BLOCKS blocks is fake bold anywhere; on a page that prints
    its bold ``terms`` so, so is one of two pairs of letters that is not a
    ``reduplicated`` word ("甚甚至至", not "扎扎实实").

    A run that opens the line is fake bold when it prints what ``opening``
    matches there (a dateline: "本本报报讯讯" before plain text), and ends
    with it ("本本报报讯讯刚刚过去": 本报讯 is bold, 刚刚 text).
    """
    runs: list[tuple[int, int, list[int], bool]] = []
    end = 0  # where the last run ended
    for m in (_TWO_PAIRS if near_bold or throughout else _PAIRS).finditer(text):
        if m.start() < end:
            continue
        # back to the first pair of the run (another alignment may start earlier)
        i = m.start()
        while True:
            j = i - 1
            while j >= end and text[j].isspace():
                j -= 1
            if j - 1 >= end and _pair_at(text, j - 1):
                i = j - 1
            else:
                break
        pairs = []
        k = i
        while _pair_at(text, k):
            pairs.append(k)
            k += 2
            j = k
            while j < len(text) and text[j].isspace():
                j += 1
            if j > k and _pair_at(text, j):
                k = j
        if not pairs:
            continue
        pairs = _lead_ends_at_mark(text, pairs)
        once = "".join(text[p] for p in pairs)
        blocks = 1 + sum(1 for a, b in zip(pairs, pairs[1:]) if text[a] != text[b])
        letters = _letters(once)
        strong = blocks >= MIN_PAIR_BLOCKS and letters >= MIN_PAIR_LETTERS
        if not strong and pairs[0] == 0 and opening is not None:
            dateline = opening.match(once)
            if dateline is not None and dateline.end() >= MIN_PAIR_LETTERS:
                pairs, strong = pairs[: dateline.end()], True
        at_edge = pairs[0] == 0 or pairs[-1] + 2 == len(text)
        marked = any(text[p] in _MARKS for p in pairs)  # "，，" is never text
        # (... so a label's letters and its colon, each twice, are strong evidence too: "摘摘要要：：")
        strong = strong or marked and blocks >= MIN_TITLE_BLOCKS and letters >= MIN_TITLE_LETTERS
        if strong or blocks >= 2 and letters and (
            marked or near_bold and at_edge or throughout and letters >= 2 and (
                blocks >= MIN_PAGE_RUN_BLOCKS
                or terms and len(pairs) == 2 and text[pairs[0] : pairs[1] + 2] not in reduplicated
            )
        ):
            runs.append((pairs[0], pairs[-1] + 2, pairs, strong))
            end = pairs[-1] + 2
    return runs


# --------------------------------------------------------------------------
# 3 and 4. Lines printed twice, staircases
# --------------------------------------------------------------------------


def overlap(a: str, b: str) -> int:
    """How many characters ``b`` starts with that ``a`` ends with (the longest such overlap).

    >>> overlap("本报济南１月５日电记者王霞光、", "、陈昭报道"), overlap("陈昭报道：山东省", "山东省")
    (1, 3)
    >>> overlap("项目描述：", "项目描述：负责公司核心业务"), overlap("这是第一行", "另一行")
    (5, 0)
    """
    if not a or not b:
        return 0
    first = b[0]
    pos = a.find(first, max(0, len(a) - len(b)))
    while pos != -1:
        if b.startswith(a[pos:]):
            return len(a) - pos
        pos = a.find(first, pos + 1)
    return 0


def _text_like(line: str) -> bool:
    """Enough CJK letters, and letters most of it (not a table row: "张三 100")."""
    letters = _letters(line)
    printed = len(line) - sum(1 for ch in line if ch.isspace())
    return letters >= MIN_OVERLAP_LETTERS and letters >= _TEXT_SHARE * printed


def _second_widest(widths: list[float]) -> float:
    """The second widest of ``widths`` (sorted), the column they show (0: fewer than two)."""
    return widths[-2] if len(widths) >= 2 else 0.0


class _Line:
    """A line of the page as it now reads (edge whitespace aside)."""

    __slots__ = ("start", "end", "text", "idx", "cleared")

    def __init__(self, start: int, end: int, text: str, idx: Sequence[int]) -> None:
        self.start = start  # where its (first) raw line starts in the page
        self.end = end  # where its (last) raw line ends: its "\n", or the page's end
        self.text = text
        self.idx = idx  # the page offset of each character of text
        self.cleared = 0  # up to where the page after its text was removed (lines joined to it)


class _Page:
    """The lines of one page, as the rules leave them, and what they removed."""

    def __init__(
        self,
        text: str,
        opening: "regex.Pattern[str] | None" = None,
        bullet: "regex.Pattern[str] | None" = None,
        reduplicated: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.reduplicated = reduplicated  # words the text itself doubles (AABB)
        self.opening = opening  # what a bold run that opens a line may print (datelines)
        self.bullet = bullet  # a bullet mark, which opens a line before a bold lead phrase ("■ 事件：")
        self.lines: dict[int, _Line] = {}
        self.owner: dict[int, int] = {}  # a raw line joined to the line before -> that line's start
        self.keep: bytearray | None = None  # 0: removed
        self.regions: list[tuple[int, int, str]] = []  # what each change covered, and why
        self.bold: dict[int, set[str]] = {}  # lines found in fake bold on strong evidence: in what form
        self.undoubled: set[int] = set()  # lines printed once span by span (rule 1)
        self.inline: set[int] = set()  # lines printed once span by span or character by character
        self.pair_lines = 0  # lines found printed character by character on strong evidence
        self.bold_throughout = False  # whether the page prints its bold character by character throughout
        self.bold_terms = False  # ... words inside its lines too (see MIN_PAGE_TERM_LINES)
        self.split_alone: set[int] = set()  # lines found the start of the next, a word's second piece (see _word_split_alone)

    def after_bullet(self, text: str) -> int:
        """How many characters a bullet mark and the space after it take at the start of ``text`` (0: none)."""
        m = self.bullet.match(text) if self.bullet is not None else None
        return 0 if m is None else len(text) - len(text[m.end() :].lstrip())

    @cached_property
    def punctuated(self) -> bool:
        """Whether the page holds sentence punctuation anywhere (a page of
        articles does; verse and lyrics may be typed without any)."""
        return has_sentence_punct(self.text)

    @cached_property
    def common_width(self) -> float:
        """The width most lines of the page have (its column; 0 when no width
        is shared by MIN_COMMON lines of MIN_COMMON_WIDTH cells or more)."""
        counts = Counter(
            round(w) for w in map(display_width, self.text.split("\n")) if MIN_COMMON_WIDTH <= w <= MAX_COLUMN
        )
        width, count = counts.most_common(1)[0] if counts else (0, 0)
        return float(width) if count >= MIN_COMMON else 0.0

    def column_near(self, first: _Line, last: _Line) -> float:
        """The width of the second widest of the COLUMN_REACH lines before
        ``first`` and after ``last``, as they now read (0: fewer than two):
        the column there, where headings and short lines may be the page's
        most common widths and marks or half-width text spread its full
        lines a little (one wider line may be a title across columns)."""
        return _second_widest(self.widths_near(first, last))

    def widths_near(self, first: _Line, last: _Line) -> list[float]:
        """The widths of the COLUMN_REACH lines before ``first`` and after ``last`` that may be a column's, in order."""
        near: list[_Line] = []
        for step, line in ((self.previous_text, first), (self.next_text, last)):
            for _ in range(COLUMN_REACH):
                nxt = step(line)
                if nxt is None:
                    break
                near.append(nxt)
                line = nxt
        return sorted(w for w in (display_width(line.text) for line in near) if MIN_COMMON_WIDTH <= w <= MAX_COLUMN)

    def at(self, start: int) -> _Line:
        """The line that starts at ``start``, or that the raw line there was joined to."""
        line = self.lines.get(start)
        if line is not None:
            return line  # (a line joined to another is no longer in lines: see join)
        while start in self.owner:
            start = self.owner[start]
        line = self.lines.get(start)
        if line is None:
            end = self.text.find("\n", start)
            end = len(self.text) if end == -1 else end
            raw = self.text[start:end]
            content = raw.strip()
            lead = raw.index(content[0]) if content else 0
            line = self.lines[start] = _Line(start, end, content, range(start + lead, start + lead + len(content)))
        return line

    def after(self, line: _Line) -> _Line | None:
        return self.at(line.end + 1) if line.end < len(self.text) else None

    def before(self, line: _Line) -> _Line | None:
        return self.at(self.text.rfind("\n", 0, line.start - 1) + 1) if line.start else None

    def next_text(self, line: _Line) -> _Line | None:
        """The next non-blank line, if at most one blank line stands between."""
        nxt = self.after(line)
        if nxt is not None and not nxt.text:
            nxt = self.after(nxt)
        return nxt if nxt is not None and nxt.text else None

    def previous_text(self, line: _Line) -> _Line | None:
        prev = self.before(line)
        if prev is not None and not prev.text:
            prev = self.before(prev)
        return prev if prev is not None and prev.text else None

    def _keep(self) -> bytearray:
        if self.keep is None:
            self.keep = bytearray(b"\x01") * len(self.text)
        return self.keep

    def remove(self, line: _Line, gone: Sequence[int], regions: Sequence[tuple[int, int, str]]) -> None:
        """Remove the characters at ``gone`` (positions in line.text); regions in line.text too."""
        keep, idx, text = self._keep(), line.idx, line.text
        kept = bytearray(b"\x01") * len(text)  # (0: gone from line; the line is then rebuilt in C)
        for j in gone:
            keep[idx[j]] = 0
            kept[j] = 0
        for lo, hi, note in regions:
            self.regions.append((idx[lo], idx[hi - 1] + 1, note))
        line.text = "".join(compress(text, kept))
        line.idx = list(compress(idx, kept))

    def join(self, first: _Line, links: Sequence[tuple[_Line, int, str]]) -> None:
        """Join each linked line to ``first``, without the ``k`` characters it repeats."""
        keep = self._keep()
        texts, idxs = [first.text], [first.idx]
        # where the line before ends (its copy goes with it if it goes), or
        # what earlier joins removed after it ends
        previous = max(first.idx[-1] + 1, first.cleared)
        for line, k, note in links:
            stop = line.idx[k] if k < len(line.text) else line.idx[-1] + 1
            keep[previous:stop] = bytes(stop - previous)
            self.regions.append((previous, stop, note))
            if k < len(line.text):
                texts.append(line.text[k:])
                idxs.append(line.idx[k:])
            previous = line.idx[-1] + 1
            first.cleared = max(first.cleared, stop)
            first.end = line.end
            self.owner[line.start] = first.start
            del self.lines[line.start]
        first.text = "".join(texts)
        first.idx = [i for part in idxs for i in part]

    def edits(self) -> Iterator[Edit]:
        keep, text = self.keep, self.text
        if keep is None:
            return
        merged: list[list] = []
        for start, end, note in sorted(self.regions):
            if merged and start < merged[-1][1]:
                last = merged[-1]
                last[1] = max(last[1], end)
                if note not in last[2]:
                    last[2].append(note)
            else:
                merged.append([start, end, [note]])
        for start, end, notes in merged:
            new = "".join(compress(text[start:end], keep[start:end]))
            yield Edit(start, end, new, "; ".join(notes))


def _link(page: _Page, a: _Line, b: _Line) -> tuple[int, int, bool] | None:
    """(overlap, its CJK letters, identical lines) of two column lines that overlap.

    A line printed doubled in place (rules 1 and 2) links as it reads once
    printed once, whatever form the other line is in: the step reads its
    own output so again (and a next line may repeat it as printed, doubled).
    """
    if display_width(a.text) > MAX_COLUMN or display_width(b.text) > MAX_COLUMN:
        return None
    if a.start in page.inline and (raw := page.text[a.start : a.end].strip()) != a.text and b.text.startswith(raw):
        return len(raw), _letters(a.text), False  # the next line starts with the line as printed, doubled
    k = overlap(a.text, b.text)
    return (k, _letters(b.text[:k]), k == len(a.text) == len(b.text)) if k else None


def _near_bold(page: _Page, line: _Line, form: str) -> bool:
    """Whether ``line``, or one up to two lines from it, was found in fake bold of ``form``.

    The forms are "spans" (rule 1), "characters" (rule 2) and "lines" (rules
    3 and 4); "pairs" marks a line rule 1 undid in spans of one character
    each (only a bold dateline's rest on the next line reads it: see
    _bold_before). An extractor prints a page's fake bold in one form, so weak
    evidence of one form is not strengthened by another (the natural 家家户户
    opening a line next to a span-doubled line stays).
    """
    bold = page.bold
    return form in bold.get(line.start, ()) or any(form in bold.get(x.start, ()) for x in _near(page, line))


def _mark(page: _Page, line: _Line, form: str) -> None:
    page.bold.setdefault(line.start, set()).add(form)


def _short_title(page: _Page, a: _Line) -> bool:
    """A title printed exactly twice (three copies or more are a list): only
    CJK letters, at least MIN_TITLE_LETTERS ("春节" / "春节"), a writer's
    credit in brackets ("（徐俊）" / "（徐俊）"), or, ending no sentence, with
    digits and marks but no space, which a table row has between its cells,
    and MIN_OVERLAP_LETTERS letters ("１９９７年公房租金水平" / again)."""
    text = a.text[1:-1] if _CREDIT_BRACKETS.fullmatch(a.text) else a.text
    letters = _letters(text)
    only_letters = MIN_TITLE_LETTERS <= letters == len(text)
    with_digits = letters >= MIN_OVERLAP_LETTERS and _WHITESPACE.search(a.text) is None and not ends_sentence(a.text)
    return (only_letters or with_digits) and _copies(page, a) == 2


def _copies(page: _Page, a: _Line) -> int:
    """How many times the line ``a`` stands in a row, counting those before
    it, up to MAX_COPIES + 1."""
    count, x = 1, a
    while count <= MAX_COPIES and (x := page.previous_text(x)) is not None and x.text == a.text:
        count += 1
    x = a
    while count <= MAX_COPIES and (x := page.next_text(x)) is not None and x.text == a.text:
        count += 1
    return count


def _sentence_twice(page: _Page, a: _Line, copies: int) -> bool:
    """Whether the line ``a``, which ends a sentence, is a one-line paragraph
    of column text printed twice (PyMuPDF prints a bold paragraph's lines
    so): exactly two copies of MIN_SENTENCE_LETTERS letters or more, no
    wider than the page's column. Text already one paragraph a line has no
    column, and a paragraph there that follows itself stays."""
    return copies == 2 and _letters(a.text) >= MIN_SENTENCE_LETTERS and 0 < display_width(a.text) <= page.common_width + 1


def _twice(page: _Page, a: _Line) -> bool:
    """Print once a line printed twice (or more) in a row right after ``a``.

    A text line (_text_like) that does not end a sentence is; one that does,
    as :func:`_sentence_twice` says; a shorter one with a CJK letter only
    next to fake bold (the last line of a bold paragraph: "进。"); a table
    row never.
    """
    changed = False
    copies = _copies(page, a)
    if copies > MAX_COPIES:
        return False  # more copies than fake bold prints: text repeated (a list, a table, a test page)
    if not page.punctuated and not page.bold:
        return False  # verse or lyrics typed without punctuation ("向前冲" / "向前冲"), no fake bold: a line said twice
    while (b := page.next_text(a)) is not None and b.text == a.text and display_width(a.text) <= MAX_COLUMN:
        strong = _text_like(a.text) and (not ends_sentence(a.text) or _sentence_twice(page, a, copies)) or _short_title(page, a)
        if not strong and not (_letters(a.text) and _near_bold(page, a, "lines")):
            break
        page.join(a, [(b, len(b.text), f'fake bold: line printed twice: "{_short(a.text)}"')])
        if strong:
            _mark(page, a, "lines")
        changed = True
    return changed


def _pair_twice(page: _Page, a: _Line) -> _Line | None:
    """Print once a printed line that the extractor broke in two pieces and
    printed twice (PyMuPDF breaks a line at the gap after a dateline, and
    prints a bold line twice): "新华社上海１月６日电" / "（记者董伟）从…" /
    "新华社上海１月６日电" / "（记者董伟）从…". The two pieces, together no
    wider than the page's column and holding MIN_SENTENCE_LETTERS letters,
    stand exactly twice. The line it joined the second copy to, or None."""
    b = page.next_text(a)
    c = None if b is None else page.next_text(b)
    d = None if c is None else page.next_text(c)
    if b is None or c is None or d is None or a.text == b.text or c.text != a.text or d.text != b.text:
        return None
    e, before = page.next_text(d), page.previous_text(a)
    if e is not None and e.text == a.text or before is not None and before.text == b.text:
        return None  # more copies than fake bold prints: text repeated
    width = display_width(a.text) + display_width(b.text)
    if _letters(a.text + b.text) < MIN_SENTENCE_LETTERS or not 0 < width <= page.common_width + 1:
        return None
    note = f'fake bold: line printed twice: "{_short(a.text + b.text)}"'
    page.join(b, [(c, len(c.text), note), (d, len(d.text), note)])
    _mark(page, b, "lines")
    return b


class _Rows(NamedTuple):
    """A page's raw lines, and its non-empty ones: their numbers, and each stripped."""

    raw: list[str]
    number: list[int]
    lines: list[str]


def _rows(text: str) -> _Rows:
    """The page's lines as _link_hints and _pair_hints read them (split once for both)."""
    raw = text.split("\n")
    return _Rows(raw, list(compress(range(len(raw)), raw)), list(map(str.strip, compress(raw, raw))))


def _pair_hints(rows: _Rows) -> list[int]:
    """Starts of the lines that the line after the next repeats (A / B / A):
    the two lines compared in C over all lines at once."""
    raw, number, lines = rows
    return _line_starts(raw, [number[i] for i in compress(range(len(lines)), map(eq, lines, lines[2:]))])


def _spaced_twice(page: _Page, start: int, end: int) -> None:
    """Print once a letter-spaced title printed twice, one character a line,
    that opens the run of one-character lines from ``start`` to ``end`` (see
    MIN_SPACED_LETTERS), and the title's next lines right after it, each
    printed twice too (MIN_TITLE_LETTERS: "美…股市" / "美…股市" / "反弹" / "反弹")."""
    lines = [page.at(start)]
    while len(lines) < 2 * MAX_SPACED_LETTERS and (x := page.next_text(lines[-1])) is not None and x.end <= end:
        lines.append(x)
    chars = "".join(x.text for x in lines)
    at, least = 0, MIN_SPACED_LETTERS
    while at < len(chars):
        # (a title's lines each printed twice in turn: after the first, a piece of MIN_TITLE_LETTERS goes too)
        for n in range(least, (len(chars) - at) // 2 + 1):
            copy = chars[at : at + n]
            if chars[at + n : at + 2 * n] == copy and _letters(copy) >= least and _NUMBERING.fullmatch(copy) is None:
                note = f'fake bold: letter-spaced title printed twice: "{_short(copy)}"'
                page.join(lines[at + n - 1], [(x, len(x.text), note) for x in lines[at + n : at + 2 * n]])
                _mark(page, lines[at + n - 1], "lines")
                at, least = at + 2 * n, MIN_TITLE_LETTERS
                break
        else:
            return


def _staircase(page: _Page, line: _Line, seen: set[int]) -> list[_Line]:
    """Join the staircase ``line`` is on, if it is one; the lines it changed."""
    # the lines overlapping each other around `line` (identical lines are no step)
    first = line
    while (prev := page.previous_text(first)) is not None and prev.start not in seen:
        link = _link(page, prev, first)
        if link is None or link[2]:
            break
        first = prev
    lines, links = [first], []
    while (nxt := page.next_text(lines[-1])) is not None:
        link = _link(page, lines[-1], nxt)
        if link is None or link[2]:
            break
        lines.append(nxt)
        links.append(link)
    seen.update(x.start for x in lines)
    if not links:
        return []
    # A weak overlap (few letters) is a step only in the shape fake bold
    # gives it: punctuation only (no line starts with "、" but a copy), one
    # line wholly inside overlaps (a line that is the start of the next, the
    # end of the one before, or covered by the steps on both sides but for
    # one character).
    ks = [k for k, _, _ in links]
    ok = []
    for n, (k, letters, _) in enumerate(links):
        a, b = lines[n], lines[n + 1]
        before = ks[n - 1] if n else 0
        after = ks[n + 1] if n + 1 < len(ks) else 0
        ok.append(
            letters >= MIN_OVERLAP_LETTERS
            or not any(ch.isalnum() for ch in b.text[:k])
            or k == len(a.text) - page.after_bullet(a.text)
            or k == len(b.text)
            or before + k + 1 >= len(a.text)  # (PyMuPDF prints the mark between two runs once)
            or k + after + 1 >= len(b.text)
            or _dateline_again(page, a, b, k)
            or letters >= MIN_STEP_LETTERS and _one_line(page, [a, b], [k])
            or _fits_one_line(page, [a, b], [k], letters)
        )
    changed: list[_Line] = []
    n = 0
    alone_until = 0  # (a run of steps that is no one line's pieces: its steps are read one at a time, up to here)
    while n < len(links):
        if not ok[n]:
            n += 1
            continue
        m = n + 1
        if n >= alone_until:  # (the steps in a row, read together)
            while m < len(links) and ok[m]:
                m += 1
        if m - n > 1:
            if not _steps_join(page, lines, links, ks, n, m, changed):
                alone_until = m  # (a dateline printed again, then a bold word's pieces: "本报讯" / "本报讯…看到了" / "看到了…")
                continue
        elif _steps_join(page, lines, links, ks, n, m, changed) and n < alone_until:
            n = alone_until  # (the next step's line is joined now)
            continue
        n = m
    return changed


def _steps_join(
    page: _Page, lines: list[_Line], links: list[tuple[int, int, bool]], ks: list[int], n: int, m: int, changed: list[_Line]
) -> bool:
    """Join the staircase's lines ``n`` to ``m`` (``links`` between them) if they are fake bold's; whether they were."""
    steps = links[n:m]
    letters = sum(x for _, x, _ in steps)
    strong = any(x >= MIN_OVERLAP_LETTERS for _, x, _ in steps) or len(steps) >= MIN_STAIRS and letters >= MIN_OVERLAP_LETTERS
    # a label that the next line starts with ("会上，" / "会上，各市…"), a bullet
    # before it ("■ 事件：" / "事件：…"); next to fake bold, a short staircase ("进" / "进。" / "。")
    bullet = page.after_bullet(lines[n].text)
    label = ks[n] in (len(lines[n].text), len(lines[n].text) - bullet) and ks[n] < len(lines[n + 1].text) and lines[n].text[-1] in _CLAUSE_MARKS
    # (a line wholly inside its overlaps, its bullet aside)
    whole = _whole_step(lines[n : m + 1], ks[n:m]) or bool(bullet) and label
    again = len(steps) == 1 and _dateline_again(page, lines[n], lines[m], ks[n])
    one_line = _one_line(page, lines[n : m + 1], ks[n:m])
    fits = _fits_one_line(page, lines[n : m + 1], ks[n:m], letters)
    if not whole and not again and not one_line and not fits:
        return False  # two column lines a wrap cut in a repeated phrase ("…《一交换联" / "一交换联》…")
    # the pieces of one printed line ("…加速期，其金融" / "其金融业的…银"), or a
    # line short of its column that the next starts with, after a line cut in a
    # sentence ("…我们由衷地祝愿，" / "在两岸" / "在两岸同胞…"): clean text wraps no line so
    alone = len(steps) == 1 and (
        _copy_after_cut(page, lines[n], lines[m], ks[n]) or _end_again_in_sentence(page, lines[n], lines[m], ks[n])
    )
    if fits or letters >= MIN_STEP_LETTERS and (one_line and not whole or alone) or (
        alone and letters >= MIN_SHORT_STEP_LETTERS and (
            _word_split_alone(page, lines[n], lines[m], ks[n])
            # (a word of two letters printed again alone after a line that fills its column: "…殉职有" / "职有" /
            # "关。…", or before its line again after one: "…以深化" / "课堂" / "课堂教学改革…")
            or ks[n] == len(lines[m].text) and _fills_column(page, lines[n], lines[m])
            or ks[n] == len(lines[n].text) and (before := page.previous_text(lines[n])) is not None
            and _fills_column(page, before, lines[n])
        )
    ):
        strong = True
    # (a bold dateline printed again after the title it is glued to: "X本报讯…" / "本报讯…")
    dateline = ks[n] == len(lines[m].text) < len(lines[n].text) and page.opening is not None and (
        page.opening.match(lines[m].text) is not None
    )
    if again:
        strong = dateline = True
    if strong and whole and len(steps) == 1 and not label and not dateline and not alone and not _full_line(page, lines[n], lines[m], ks[n]):
        # a title, then a paragraph of clean text that starts with it ("——X" / "X");
        # no title stands alone after a line cut inside a sentence (alone: "…的重点" /
        # "已转到提高" / "已转到提高管事水平方面了。", a paragraph's last line, PyMuPDF)
        return False
    if strong and len(steps) == 1 and ks[n] == len(lines[m].text) < len(lines[n].text):
        # a line that is the end of the one before: a bold end of a line
        # printed again, with text after it ("…建设情况。" / "建设情况。" / "听取…"),
        # or, last on the page, text repeating itself ("…一件一件。" / "一件一件。")
        strong = letters >= MIN_TAIL_LETTERS or page.next_text(lines[m]) is not None
    if strong or letters and (label or _near_bold(page, lines[n], "lines") or _near_bold(page, lines[m], "lines")):
        top = lines[n]
        joined = [
            (lines[j + 1], links[j][0], f'fake bold: second copy of "{_short(lines[j + 1].text[: links[j][0]])}"')
            for j in range(n, m)
        ]
        page.join(top, joined)
        marks = [(mm.start(1) + 1, mm.end()) for mm in _DOUBLED_MARK.finditer(top.text)]
        if marks:
            page.remove(
                top,
                [j for lo, hi in marks for j in range(lo, hi)],
                [(lo - 1, hi, f'fake bold: second copy of "{top.text[lo - 1]}"') for lo, hi in marks],
            )
        if strong:
            _mark(page, top, "lines")
        changed.append(top)
        return True
    return False


def _dateline_again(page: _Page, a: _Line, b: _Line, k: int) -> bool:
    """Whether line ``a`` is a whole dateline printed alone (bold) and the
    next line ``b`` opens with it again, or with its end, before the text
    that follows ("本报讯" / "本报讯记者…", "新华社莫斯科１月１２日电" /
    "１２日电（记者盛世良）…"): no article repeats its dateline's words."""
    return 2 <= k < len(b.text) and k <= len(a.text) and _whole_dateline(page, a.text)


def _whole_dateline(page: _Page, text: str) -> bool:
    """Whether ``text`` is a dateline and nothing else ("本报北京一月四日讯"),
    the spaces an extractor printed for gaps aside ("本报纽约1月13 日电")."""
    text = text.replace(" ", "")
    m = page.opening.match(text) if page.opening is not None else None
    return m is not None and m.end() == len(text)


def _whole_step(lines: Sequence[_Line], ks: Sequence[int]) -> bool:
    """Whether a line of the staircase lies wholly inside its overlaps (a line that is the start of the next, ...)."""
    for n, line in enumerate(lines):
        before = ks[n - 1] if n else 0
        after = ks[n] if n < len(ks) else 0
        if before + after >= len(line.text):
            return True
    return False


def _end_again_in_sentence(page: _Page, a: _Line, b: _Line, k: int) -> bool:
    """Whether ``b`` is the end of ``a`` (``k`` its length) printed again,
    alone on its line, inside a sentence that goes on in the line after it:
    a bold word at the end of a printed line ("…依靠贸易、资本主" / "资本主" /
    "义和创新…", PyMuPDF), ``a`` cut in a sentence or filling its column
    ("…项目剪彩签约" / "彩签约" / "仪式。…"). Clean text sets no line so short inside a
    sentence (of two letters it may: "…这一做法" / "做法" / "很好…" reads as the
    text's own, as "…这一" / "做法" / "做法很好…" does)."""
    return (
        k == len(b.text) < len(a.text)
        and not ends_sentence(b.text)
        and page.next_text(b) is not None
        and (continues(a.text) or _fills_column(page, a, b))
    )


def _fills_column(page: _Page, a: _Line, b: _Line) -> bool:
    """Whether ``a`` ends inside a paragraph, filling the column around it
    as a line that ends no sentence and nothing half-width leaves short
    does (:meth:`_Page.column_near`), where MIN_FULL_LINES lines near fill
    it too (not verse or lyrics: "…就这样陪你到天涯" / "陪你到天涯" / "陪你到天涯")."""
    width = display_width(a.text)
    if ends_sentence(a.text) or width != len(a.text):
        return False
    widths = page.widths_near(a, b)
    column = _second_widest(widths)
    return column - 1 <= width <= column and sum(w >= column - 1 for w in widths) >= MIN_FULL_LINES


def _copy_after_cut(page: _Page, a: _Line, b: _Line, k: int) -> bool:
    """Whether ``a`` is the start of ``b`` (``k`` its length) printed on a
    line of its own after a line cut in the middle of a sentence, and ends
    no sentence: no column line of clean text is so short there."""
    before = page.previous_text(a)
    return k == len(a.text) < len(b.text) and before is not None and continues(before.text) and not ends_sentence(a.text)


def _word_split_alone(page: _Page, a: _Line, b: _Line, k: int) -> bool:
    """Whether a bold word a line's end split prints both its pieces' copies
    alone, ``a`` and ``b`` being one of them: the end of a line again
    ("…依靠贸易、资本" / "资本"), then the start of the next line before it
    ("主义" / "主义和创新…", PyMuPDF, pdftotext). Two such lines in a row
    tell even of two letters, where one alone is text as often."""
    if k == len(b.text):  # (b is the end of a: the next line is the start of the one after it)
        c = page.next_text(b)
        d = page.next_text(c) if c is not None else None
        if c is None or d is None or not len(c.text) < len(d.text) or not d.text.startswith(c.text):
            return False
        page.split_alone.add(c.start)  # (c's turn comes after b is gone)
        return True
    y = page.previous_text(a)  # (a is the start of b: the line before is the end of the one before it)
    x = page.previous_text(y) if y is not None else None
    return a.start in page.split_alone or (
        x is not None and y is not None and len(y.text) < len(x.text) and x.text.endswith(y.text)
    )


def _in_sentence(page: _Page, line: _Line) -> bool:
    """Whether ``line`` ends inside a sentence: it is cut in one
    (:func:`.boundaries.continues`), or ends none and the line before it is,
    or is a dateline alone."""
    if continues(line.text):
        return True
    before = page.previous_text(line)
    # (... or the line opens the text of a dateline printed alone: "本报讯" / "中国旅日著名摄影家冯学敏摄")
    return before is not None and not ends_sentence(line.text) and (continues(before.text) or _whole_dateline(page, before.text))


def _fits_one_line(page: _Page, lines: Sequence[_Line], ks: Sequence[int], letters: int) -> bool:
    """Whether the lines, whose overlaps hold ``letters`` CJK letters
    (MIN_STEP_LETTERS; MIN_SHORT_STEP_LETTERS where the first line ends
    inside a sentence, or the last is cut in one CLEARLY_SHORT of the
    column), each but the last short of the column around
    them (:meth:`_Page.column_near`) and ending no sentence, join without
    the copies each next one starts with into one line of text no wider
    than the column: key terms set in bold inside a line, which PyMuPDF and
    pdftotext print after the text before them and again before the rest
    ("卡斯蒂约感谢李岚" / "蒂约感谢李岚清的会见。…"). Clean text wraps no line
    short of its column in the middle of a sentence; a title over a
    paragraph that opens with the title's words ends no sentence either,
    but the paragraph's first line fills the column, and the two join wider."""
    if letters < MIN_SHORT_STEP_LETTERS:
        return False
    column = page.column_near(lines[0], lines[-1])
    # (two letters: where the first line ends inside a sentence, or the last is cut in one clearly
    # short of the column, as no line of clean text is: "…再次来华访问" / "访问表示欢迎，并对佩里")
    last = lines[-1].text
    cut_short = continues(last) and display_width(last) + CLEARLY_SHORT <= column
    if letters < MIN_STEP_LETTERS and not (_in_sentence(page, lines[0]) or cut_short):
        return False
    if not column or ks[-1] >= len(lines[-1].text) or _whole_step(lines, ks):
        return False  # (a line that is all copy: see _copy_after_cut, _end_again_in_sentence)
    for line in lines[:-1]:
        width = display_width(line.text)
        # (a cell short will do where the line holds nothing half-width that could leave it so; not for
        # two letters before only the paragraph's last mark: "…要做的工作还很多" / "很多。" is text a
        # typesetter that squeezes marks sets so)
        tight = width == len(line.text) and (letters >= MIN_STEP_LETTERS or _letters(lines[-1].text[ks[-1] :]) > 0)
        if ends_sentence(line.text) or line.text[-1] in "：:" or width + (1 if tight else 2) > column:
            return False
    joined = lines[0].text + "".join(line.text[k:] for line, k in zip(lines[1:], ks))
    # (not two lines of a title, which hold no sentence punctuation: "摩洛哥国王会见钱其琛" / "钱其琛与…会谈")
    return display_width(joined) <= column + 1 and (has_sentence_punct(joined) or _in_sentence(page, lines[0]))


def _one_line(page: _Page, lines: Sequence[_Line], ks: Sequence[int]) -> bool:
    """Whether the lines are the pieces of one printed line, as wide as the line before or after.

    Fake bold drawn run by run breaks a printed line into pieces, the first
    narrower than a full line, that join into one full line ("经开区，实地察看了
    重点项目" / "重点项目建设情"). Two lines of a column that a wrap happened to
    cut between the copies of a repeated phrase start with a full line and
    join into more than one; two titles or paragraphs of clean text do not
    make the width of the line before.
    """
    reference = page.previous_text(lines[0])
    rest = "".join(line.text[k:] for line, k in zip(lines[1:], ks))
    # the rest of the line must show: a wrap before the end of a paragraph
    # ("…一交换联" / "一交换联。”") joins into a line as wide as a full one too
    # (... unless it goes on in the line after: "…“幸福工程”组委会" / "组委会主" / "任。")
    # (... or the rest is a mark that hangs past the column's edge inside a sentence, "…深刻理解" / "刻理解，")
    hangs = rest in _HANGING_MARKS and page.next_text(lines[-1]) is not None
    if display_width(rest) < 3 and (ends_sentence(lines[-1].text) or page.next_text(lines[-1]) is None) or not (_letters(rest) or hangs):
        return False
    width = display_width(lines[0].text + rest)
    # (as wide as the line before or after (a justified line holding half-width
    # letters is a cell or two short), or, at a paragraph's first line, as the page's column)
    columns = [display_width(reference.text)] if reference is not None else []
    after = page.next_text(lines[-1])
    if after is not None:
        columns.append(display_width(after.text))
    if page.common_width:
        columns.append(page.common_width)
    return any(column - 2 <= width <= column + 1 for column in columns)


def _full_line(page: _Page, first: _Line, last: _Line, k: int) -> bool:
    """Whether two lines, one the start or the end of the other, join into a line as wide as a line next to them.

    PyMuPDF prints a bold lead phrase alone and then with the rest of its
    line ("项目描述：" / "项目描述：负责公司…"), and a bold end of a line after it:
    the longer of the two is a line of the column. A title followed by a
    paragraph of clean text that opens with the title's words is not.
    """
    joined = display_width(first.text + last.text[k:])
    references = [display_width(x.text) for x in (page.previous_text(first), page.next_text(last)) if x is not None]
    # (a short paragraph: the page's column)
    return any(w - 2 <= joined <= w + 1 for w in references + [page.common_width] if w)


def _link_hints(rows: _Rows) -> list[int]:
    """Starts of the lines that overlap the next non-blank line (at most one blank line between).

    A necessary condition is tested in C over all lines at once (an overlap
    of up to four characters ends with this line's last one, which then is
    among the next line's first four; a longer one starts with those four,
    which then are in this line); the few lines that pass are checked.
    """
    raw, number, lines = rows
    if len(raw) < 2:
        return []
    nexts = lines[1:]
    heads = list(map(_HEAD4, nexts))
    small = map(contains, heads, map(_LAST, lines))
    hints = compress(range(len(nexts)), map(or_, small, map(contains, lines, heads)))
    found = []
    for i in hints:
        a, b = lines[i], nexts[i]
        if number[i + 1] - number[i] > 2 or a == b and len(a) < MIN_TITLE_LETTERS or not overlap(a, b):
            continue  # too far apart, identical lines too short to be text, no overlap after all
        found.append(number[i])
    return _line_starts(raw, found)


def _line_starts(raw: list[str], numbers: list[int]) -> list[int]:
    """Where the raw lines ``numbers`` (in order) start in the text ``raw`` was split from."""
    starts = []
    offset, counted = 0, 0  # the start of raw line `counted`
    for line in numbers:
        offset += sum(map(len, raw[counted:line])) + line - counted
        counted = line
        starts.append(offset)
    return starts


# --------------------------------------------------------------------------
# The step
# --------------------------------------------------------------------------


def _inline(page: _Page, line: _Line, spans: "_Spans | None" = None) -> bool:
    """Rule 1 (when ``spans`` says the line, or the stretch of it they
    name, is doubled span by span) and rule 2 on one line."""
    changed = False
    if spans is not None and spans[0] is not None:
        kept = spans[0]
        lo, hi = spans[2] if len(spans) > 2 else (0, len(line.text))
        once = "".join([line.text[i] for i in kept if lo <= i < hi])
        gone = sorted(set(range(len(line.text))).difference(kept))
        # (every span one character, "一一、、生生态态…": the line is printed character by character too)
        pairs = len(gone) >= MIN_PAIR_BLOCKS and all(line.text[i] == line.text[i - 1] for i in gone)
        page.remove(line, gone, [(lo, hi, f'fake bold: second copy of each span of "{_short(once)}"')])
        if spans[1]:
            _mark(page, line, "spans")
            page.pair_lines += pairs
        if pairs:  # (a bold dateline so may go on on the next line: "新新华华社社…11月月1111" / "日日电电（…）")
            _mark(page, line, "pairs")
        page.undoubled.add(line.start)
        page.inline.add(line.start)
        changed = True
    if _TWO_PAIRS.search(line.text) is not None:
        runs = _interleaved_runs(line.text, opening=page.opening) if _PAIRS.search(line.text) is not None else []
        near = _near_bold(page, line, "characters")
        if not runs and (near or page.bold_throughout):
            runs = _interleaved_runs(
                line.text, near_bold=near, opening=page.opening, throughout=page.bold_throughout, terms=page.bold_terms,
                reduplicated=page.reduplicated,
            )
        if runs:
            notes = [
                (lo, hi, f'fake bold: second copy of each character of "{_short("".join(line.text[p] for p in pairs))}"')
                for lo, hi, pairs, _ in runs
            ]
            strong = any(x for _, _, _, x in runs)
            page.remove(line, [p + 1 for _, _, pairs, _ in runs for p in pairs], notes)
            if strong:
                _mark(page, line, "characters")
                page.pair_lines += 1
            page.inline.add(line.start)
            changed = True
    return changed


def _pairs_at_edge(text: str, tail: bool) -> list[int]:
    """Where the Han pairs that end (``tail``) or open ``text`` start, in order.

    >>> _pairs_at_edge("只能使使", True), _pairs_at_edge("造造的金缕", False), _pairs_at_edge("人人都", True)
    ([2], [0], [])
    """
    out: list[int] = []
    i = len(text) - 2 if tail else 0
    while 0 <= i and i + 1 < len(text) and text[i] == text[i + 1] and is_han(text[i]):
        out.append(i)
        i += -2 if tail else 2
    return sorted(out)


def _run_across_break(page: _Page, a: _Line, b: _Line) -> bool:
    """Rule 2 across a line break: where a run printed character by
    character that was found fake bold ends its line, the pairs that open
    the next line are the same bold word's ("…一件件伪伪" / "造造的金缕玉衣"),
    and where one opens a line, the pairs that end the line before are
    ("…只能使使" / "局局势势恶恶化化，…"; pdfplumber, which reads a column line
    by line)."""
    keep, raw = page._keep(), page.text
    i, j = a.idx[-1], b.idx[0]
    # (the copy after a's last or b's first character was removed as fake bold)
    a_bold = i + 1 < len(raw) and raw[i + 1] == raw[i] and not keep[i + 1]
    b_bold = j + 1 < len(raw) and raw[j + 1] == raw[j] and not keep[j + 1]
    # (a bold word goes on only after a letter, from a line that reaches the column's end:
    # not after a title's "））" or a byline's name, "郑园园" / "在在法法国国…")
    if a_bold == b_bold or not is_han(a.text[-1]) or display_width(a.text) + 2 < page.column_near(a, b):
        return False
    bold = a if a_bold else b
    if bold.idx[-1] - bold.idx[0] >= 2 * len(bold.text) - 2:
        return False  # (a line printed wholly so is a title or a lead: "本本报报讯讯各各地地" / "人人都是…")
    line, pairs = (b, _pairs_at_edge(b.text, False)) if a_bold else (a, _pairs_at_edge(a.text, True))
    if not pairs:
        return False
    once = "".join(line.text[p] for p in pairs)
    page.remove(line, [p + 1 for p in pairs], [(pairs[0], pairs[-1] + 2, f'fake bold: second copy of each character of "{once}"')])
    return True


def _near(page: _Page, line: _Line, reach: int = 2) -> list[_Line]:
    """The lines up to ``reach`` lines before and after ``line`` (blank ones counted)."""
    out = []
    x: _Line | None = line
    for _ in range(reach):
        x = page.before(x) if x is not None else None
        if x is not None:
            out.append(x)
    x = line
    for _ in range(reach):
        x = page.after(x) if x is not None else None
        if x is not None:
            out.append(x)
    return out


def _run_end(text: str, i: int) -> int:
    """Where the run of the character at ``i`` ends (steps that double, then
    halve: a few comparisons in C however long the run; a regular
    expression's repeat would hold memory for each character)."""
    c, k, step = text[i], i + 1, 1
    while step:
        if text.startswith(c * step, k):
            k += step
            step *= 2
        else:
            step //= 2
    return k


def _cut_before(previous: str, line: str, gap: int) -> bool:
    """Where a text may be cut for this step: where a block starts on its own,
    between two lines that are not fake bold (undoing it could change what
    the cut was judged on)."""
    return starts_independently(previous, line, gap) and undouble(line) is None and undouble(previous) is None


def _tail_once(tail: str) -> list[int] | None:
    """The positions of ``tail`` printed once, when it is fake bold on strong
    evidence (undone again while its copy is doubled too, as rule 1 rereads
    a line: four copies print once), else None. A sentence said twice is
    text ("…。”“好极了。”“好极了。”")."""
    kept, strong = _span_doubled(tail)
    if kept is None or not strong or not SENTENCE_END.isdisjoint(tail[i] for i in kept):
        return None
    for _ in range(MAX_COPIES):
        again, strong = _span_doubled("".join(tail[i] for i in kept))
        if again is None or not strong:
            break
        kept = [kept[i] for i in again]
    return kept


def _after_end(line: str) -> "_Spans | None":
    """Rule 1 on the rest of a line after a sentence's end (see
    _SQUARE_AFTER_END): (positions kept, strong, that rest), or None."""
    for m in _SQUARE_AFTER_END.finditer(line):
        cut = m.start(1)
        kept = _tail_once(line[cut:])
        if kept is not None:
            return [*range(cut), *(cut + i for i in kept)], True, (cut, len(line))
    return None


def _before_dateline(line: str, opening: "regex.Pattern[str] | None") -> "_Spans | None":
    """Rule 1 on the start of a line up to a dateline glued after it (a
    bold dateline or title printed twice, then the article's own dateline:
    "本报00讯本报00讯本报讯…", which headlines cuts apart): (positions kept,
    strong, that start), or None. Only strong evidence counts, and a third
    copy of the same is no dateline of its own ("本报讯本报讯本报讯…" stays)."""
    if opening is None:
        return None
    m = opening.search(line, 1)
    while m is not None:
        kept, strong = _span_doubled(line[: m.start()])
        if kept is not None and strong:
            once = "".join(line[i] for i in kept)
            if line.startswith(once, m.start()):
                return None
            return [*kept, *range(m.start(), len(line))], True, (0, m.start())
        m = opening.search(line, m.start() + 1)
    return None


def _dateline_twice(page: _Page, line: _Line) -> "_Spans | None":
    """Rule 1 on a bold dateline printed twice in a row before the plain text
    it opens (pdfminer prints a bold lead so: "本报讯本报讯记者…",
    "新华社广州1月9日电新华社广州1月9日电（记者…"), also the rest of one that
    the line before opens ("本报布鲁塞尔１" / "月９日电月９日电 记者…"):
    (positions kept, strong, the two copies), or None. A dateline (the
    lexicon's) said twice in a row is never text; a third copy is no
    dateline of its own."""
    text = line.text
    m = _STARTS_SQUARE.match(text)
    if page.opening is None or m is None or text.startswith(m.group(1), m.end()):
        return None
    start, half = m.start(1), m.group(1)
    if not _whole_dateline(page, half):
        prev = page.previous_text(line)
        if prev is None or not _whole_dateline(page, prev.text + half):
            return None
    return [*range(start), *range(start + len(half), len(text))], True, (start, m.end())


def _numbered(text: str, positions: Iterator[int]) -> Iterator[tuple[int, int]]:
    """(line number, position) of each position, in order, counting line breaks once."""
    number = counted = 0
    for pos in positions:
        number += text.count("\n", counted, pos)
        counted = pos
        yield number, pos


def _find(text: str, lexicon: Lexicon | None = None) -> Iterator[Edit]:
    lex = lexicon or default_lexicon()
    page = _Page(text, lex.dateline, lex.bullet, lex.reduplicated)
    changed: dict[int, _Line] = {}
    # Rule 1, as in one scan: a short line (the tail of a doubled paragraph:
    # "决……决……") shows too little to tell alone; next to a fake-bold line
    # (a blank line between allowed) it is fake bold too.
    found: dict[int, tuple[_Line, tuple[list[int] | None, bool]]] = {}
    for number, start in _numbered(text, (start for start, _ in line_spans(_LINE_SQUARE, text))):
        end = text.find("\n", start)
        if (len(text) if end == -1 else end) - start > MAX_LINE + 8:
            continue  # longer than a line rule 1 reads (edge spaces aside)
        line = page.at(start)
        spans = _span_doubled(line.text)
        if spans[0] is None:
            spans = _before_dateline(line.text, page.opening) or _dateline_twice(page, line) or spans
        if spans[0] is not None:
            found[number] = (line, spans)
    for number, start in _numbered(text, (m.start(1) for m in _SQUARE_AFTER_END.finditer(text))):
        line = page.at(text.rfind("\n", 0, start) + 1)
        if number in found or len(line.text) > MAX_LINE:
            continue
        spans = _after_end(line.text)
        if spans is not None:
            found[number] = (line, spans)
    for number, (line, spans) in found.items():
        if not spans[1]:
            near = (found.get(number + k) for k in (-2, -1, 1, 2))
            if not any(n is not None and n[1][1] for n in near):
                continue
        if _inline(page, line, spans):
            changed[line.start] = line
    # Rule 2 on the lines where a run printed character by character may be.
    tried: set[int] = set(changed)
    pos = 0
    pair_starts: list[int] = []  # (where runs of three pairs are: see _term_lines)
    while (m := _PAIRS.search(text, pos)) is not None:
        pos = m.end()
        pair_starts.append(m.start())
        if m.group(1) == m.group(2) == m.group(3):
            # one character again and again ("xxxxxx", "哈哈哈哈哈哈") is one block: past it
            pos = _run_end(text, m.start())
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        line = page.at(start)
        if line.start not in tried:
            tried.add(line.start)
            if _inline(page, line):
                changed[line.start] = line
    # Rules 3 and 4: lines printed twice (a letter-spaced title too), staircases.
    for start, end in line_spans(_SINGLE_LINES, text):
        _spaced_twice(page, start, end)
    seen: set[int] = set()
    rows = _rows(text)
    for start in _link_hints(rows):
        line = page.at(start)
        if line.start in page.lines and line.text:
            for x in _lines_twice_and_stairs(page, line, seen):
                changed[x.start] = x
    for start in _pair_hints(rows):
        line = page.at(start)
        if line.start in page.lines and line.text and (x := _pair_twice(page, line)) is not None:
            changed[x.start] = x
    # Until nothing changes: a changed line, and the lines near a line found
    # in fake bold, are read again as the step would read its own output.
    for _ in range(64):
        if not changed:
            break
        work: dict[int, _Line] = {}
        fresh = set(changed)
        for line in changed.values():
            if line.start in page.lines:
                work[line.start] = line
                for x in _near(page, line):
                    work.setdefault(x.start, x)
        changed = {}
        order = sorted(work.values(), key=lambda x: x.start)
        for line in order:
            if line.start in page.lines and line.text and _reread(page, line, line.start in fresh):
                changed[line.start] = line
        seen = set()
        for line in order:
            if line.start in page.lines and line.text:
                for x in _lines_twice_and_stairs(page, line, seen):
                    changed[x.start] = x
    # a page that prints its bold character by character throughout: its weaker runs
    page.bold_terms = _term_lines(text, pair_starts, lex.reduplicated) >= MIN_PAGE_TERM_LINES
    if page.pair_lines >= MIN_PAGE_BOLD_LINES or page.bold_terms:
        page.bold_throughout = True
        for start in sorted({text.rfind("\n", 0, m.start()) + 1 for m in _TWO_PAIRS.finditer(text)}):
            line = page.at(start)
            if line.start in page.lines and line.text:
                _inline(page, line)
    # (a run that a line's end cut: the raw text has pairs on both sides of the break)
    for m in _PAIR_OPENS_LINE.finditer(text):
        nl = m.start()
        j = nl - 1
        while j >= 0 and text[j] in " \t\u3000":
            j -= 1
        if j < 1 or text[j] != text[j - 1] or text[j].isspace():
            continue  # (the line before ends in no pair)
        a, b = page.at(text.rfind("\n", 0, nl) + 1), page.at(nl + 1)
        if a.end == nl and b.start == nl + 1 and a.text and b.text and _run_across_break(page, a, b):
            changed[a.start] = a
            changed[b.start] = b
    for start in _dateline_alone_lines(text):
        _displaced_dateline(page, page.at(start))
    for start, _ in line_spans(_LEAD_LINE, text):
        _displaced_lead(page, page.at(start))
    for m in _LONE_MARK.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()].rstrip()  # (the line before ends in the mark?)
        if before[-1:] == m.group().strip():
            _lone_mark(page, page.at(m.start() + 1))
    for start, _ in line_spans(_LEADING_MARKS, text):
        _leading_marks(page, page.at(start))
    evidence = any("characters" in forms for forms in page.bold.values())
    if evidence:  # (a bold line's rest follows a line found so on strong evidence)
        for start, _ in line_spans(_TAIL_PAIRS, text):
            _bold_tail(page, page.at(start))
    if page.opening is not None and (evidence or any("pairs" in forms for forms in page.bold.values())):
        for start, _ in line_spans(_HEAD_PAIRS, text):
            _bold_dateline_rest(page, page.at(start))
    for start, _ in line_spans(_WHOLE_PAIRS, text):
        _whole_line_pairs(page, page.at(start), evidence)
    for start in [start for start, forms in page.bold.items() if "lines" in forms]:
        line = page.at(start)
        after = page.next_text(line) if line.start in page.lines else None
        if after is not None:
            _square_rest(page, after)
    for start, _ in line_spans(_CREDIT_TWICE, text):
        _square_rest(page, page.at(start))
    yield from page.edits()


def _goes_on(line: str) -> bool:
    """Whether ``line`` ends inside a sentence, on a letter or a comma (the next line goes on with it)."""
    line = line.rstrip()
    return bool(line) and (is_han(line[-1]) or line[-1] in "，、") and not ends_sentence(line)


def _term_lines(text: str, starts: Sequence[int], reduplicated: frozenset[str] = frozenset()) -> int:
    """How many lines hold a run of MIN_PAGE_RUN_BLOCKS blocks of Han
    characters printed character by character after text printed once
    (see MIN_PAGE_TERM_LINES), of the runs at ``starts`` (where three pairs
    in a row start, in order: the matches of _PAIRS that rule 2 found); a
    ``reduplicated`` word of the lexicon in a run counts for no block.

    >>> _term_lines("大家说运运作作的的模式好。", [3]), _term_lines("本本报报讯讯记者王霞光", [0])
    (1, 0)
    >>> _term_lines("孩子们天天高高兴兴地上学。", [3], frozenset({"高高兴兴"}))
    0
    >>> _term_lines("因为这是一一个个能能够够\\n给我们带来希望", [4]), _term_lines("工业发达的\\n欧欧盟盟各各成员国", [6])
    (1, 1)
    >>> _term_lines("会议结束。\\n欧欧盟盟各各成员国", [6]), _term_lines("会议结束。\\n欧欧盟盟各各\\n成员国", [6])
    (0, 0)
    """
    lines = set()
    end = 0  # where the last run ended (each character is read once)
    for start in starts:
        if start < end:
            continue
        end = start
        while _pair_at(text, end):
            end += 2
        opens = not start or text[start - 1] == "\n"
        closes = end >= len(text) or text[end] == "\n"
        if opens and closes:
            continue  # (a whole line so: a title)
        if opens and (start < 2 or not _goes_on(text[text.rfind("\n", 0, start - 1) + 1 : start - 1])):
            continue  # (a lead, unless the line before goes on into it inside a sentence: "…工业发达的" / "欧欧盟盟各各…")
        if not opens and text[start - 1].isspace() or not closes and text[end].isspace():
            continue  # (set apart by spaces; a run may end its line, which cut it: "…是因为这是一一个个能能够够")
        blocks, previous, p = 0, "", start
        while p < end:
            if text[p : p + 4] in reduplicated:  # (天天高高兴兴: clean text)
                blocks, previous, p = 0, "", p + 4
                continue
            ch = text[p]
            blocks = (blocks + (ch != previous)) if is_han(ch) else 0
            previous = ch if blocks else ""
            if blocks >= MIN_PAGE_RUN_BLOCKS:
                lines.add(text.rfind("\n", 0, start))
                break
            p += 2
    return len(lines)


def _dateline_alone_lines(text: str) -> Iterator[int]:
    """Starts of the lines that may be a dateline alone (see _DATELINE_END)."""
    low, high = DATELINE_ALONE_CHARS
    for m in _DATELINE_END.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if low <= m.start() + 1 - _LEADING_SPACE.match(text, start).end() <= high:
            yield start


def _displaced_dateline(page: _Page, line: _Line) -> None:
    """Remove ``line`` when it is the second copy of a bold dateline that the
    extractor set apart by its height (pdftotext, pdfminer): a whole dateline
    after a line cut mid-sentence, or right after the line it opens, that
    line not ending a sentence ("本报沈阳１月２日电 记" / "本报沈阳１月２日电" /
    "者何加正报道：…"), the same dateline standing within DISPLACED_REACH
    lines before it ("本报讯…" … "…本欲有所作" / "本报讯" / "为，终因…").
    Also the rest of a wrapped dateline so, after the line it opens, under
    the dateline's first line ("据新华社莫斯科" / "１月１０日电 俄罗" / "１月１０日电" /
    "斯副总理…"). Typeset text never has a dateline alone inside a sentence."""
    if line.start not in page.lines:
        return
    prev, after = page.previous_text(line), page.next_text(line)
    if prev is None or after is None:
        return
    once = line.text.replace(" ", "")
    opened = prev.text.replace(" ", "").startswith(once)  # (the line before is the one it opens)
    if not _whole_dateline(page, line.text):
        head = page.previous_text(prev) if opened else None
        if head is None or not _whole_dateline(page, head.text + once):
            return
    # the line before cut mid-sentence, or the line the dateline opens cut before its end (pdfminer)
    if not (continues(prev.text) or opened and not ends_sentence(prev.text)) or after.text == prev.text:
        return  # (not a line in two pieces printed twice: "本报讯" / "日前，由" / again, see _pair_twice)
    before, x = [], prev
    while x is not None and len(before) < DISPLACED_REACH:
        before.append(x.text.replace(" ", ""))
        x = page.previous_text(x)
    if once in "".join(reversed(before)):
        page.join(prev, [(line, len(line.text), f'fake bold: second copy of "{_short(line.text)}" set apart')])


def _displaced_lead(page: _Page, line: _Line) -> None:
    """Remove ``line`` when it is the second copy of a bold lead phrase that
    the extractor set apart by its height (pdftotext, pdfminer), right after
    the line it opens: the phrase ends with a colon, the line before opens
    with it and goes on past it, without ending its sentence, and a line
    follows ("这六位大使是：即将离任的新加" / "这六位大使是：" / "坡驻华大使…").
    Typeset text never repeats a line's opening words on a line of their own
    inside its sentence."""
    if line.start not in page.lines:
        return
    prev, after = page.previous_text(line), page.next_text(line)
    if prev is None or after is None or ends_sentence(prev.text):
        return
    once = line.text.replace(" ", "")
    opened = prev.text.replace(" ", "")
    if opened.startswith(once) and len(opened) > len(once) + LEAD_REST:
        page.join(prev, [(line, len(line.text), f'fake bold: second copy of "{_short(line.text)}" set apart')])


def _lone_mark(page: _Page, line: _Line) -> None:
    """Remove ``line`` when it is one mark printed again after the line before (see _LONE_MARK)."""
    prev = page.previous_text(line) if line.start in page.lines else None
    if prev is not None and len(line.text) == 1 and prev.text.endswith(line.text):
        page.join(prev, [(line, 1, f'fake bold: second copy of "{line.text}" on a line of its own')])


def _leading_marks(page: _Page, line: _Line) -> None:
    """Remove the copies of the mark the line before ends with that open
    ``line``, and the gap after them (see _LEADING_MARKS)."""
    prev = page.previous_text(line) if line.start in page.lines and line.start not in page.inline else None
    m = _LEADING_MARKS[0].match(line.text)
    if prev is None or m is None or not prev.text.endswith(m.group(1)):
        return
    note = f'fake bold: second copy of "{m.group(1)}" opening the next line'
    page.remove(line, range(m.end()), [(0, m.end(), note)])


def _bold_before(page: _Page, line: _Line) -> _Line | None:
    """The line before ``line`` when it was printed character by character,
    on strong evidence, up to its end (its last character printed twice):
    a bold run that the line's end cut, whose rest may open ``line``."""
    prev = page.previous_text(line) if line.start in page.lines and line.start not in page.inline else None
    if prev is None or page.bold.get(prev.start, set()).isdisjoint(("characters", "pairs")):
        return None
    raw = page.text[prev.start : prev.end].rstrip()
    return prev if len(raw) >= 2 and raw[-1] == raw[-2] else None


def _bold_tail(page: _Page, line: _Line) -> None:
    """Print once a line of one or two characters each printed twice
    ("谈谈", "事事") that ends a line printed character by character, on
    strong evidence, up to its end: the bold title's last characters, which
    the line's end cut off ("…首首相相会会" / "谈谈"). Alone, such a line
    may be a word (谈谈, 看看); after a bold line's last pair it is its rest."""
    if _bold_before(page, line) is None or _letters(line.text) < 1:
        return
    once = line.text[::2]
    note = f'fake bold: second copy of each character of "{once}" (the bold line\'s rest)'
    page.remove(line, range(1, len(line.text), 2), [(0, len(line.text), note)])
    page.inline.add(line.start)


def _bold_dateline_rest(page: _Page, line: _Line) -> None:
    """Print once the characters printed twice that open ``line`` when,
    once, they end the dateline that the line before, printed character by
    character up to its end on strong evidence, opens ("新华华社社天天津津…３３００日日" /
    "电电（记者张淑英）…": "新华社天津１２月３０日" + "电"). Elsewhere a line
    may open with a word that repeats a character (人人, 看看)."""
    prev = _bold_before(page, line)
    pairs = _HEAD_PAIRS[0].match(line.text)
    if prev is None or pairs is None:
        return
    once = pairs.group()[::2]
    if not _whole_dateline(page, prev.text + once):
        return
    note = f'fake bold: second copy of each character of "{once}" (the bold dateline\'s rest)'
    page.remove(line, range(1, pairs.end(), 2), [(0, pairs.end(), note)])
    page.inline.add(line.start)


def _square_rest(page: _Page, line: _Line) -> None:
    """Print once a line that is one span printed twice, shorter than the
    line before it, when that line was printed twice on strong evidence: a
    bold title's rest, which pdfminer prints span by span after printing
    the title's first line twice ("我军唯一『锚索部队』完成四百多项工程" / again /
    "抢险抢险"); also a writer's credit in brackets printed so ("（通宣）（通宣）"),
    which no text says twice in a row. Alone, a short square may be a
    word (谈谈, 看看), also one printed twice as a line is (PyMuPDF: "看看" / "看看")."""
    if line.start not in page.lines or line.start in page.inline or line.cleared:
        return
    text = line.text
    half = len(text) // 2
    if len(text) % 2 or text[:half] != text[half:]:
        return
    prev = page.previous_text(line)
    rest = prev is not None and "lines" in page.bold.get(prev.start, ()) and len(text) < len(prev.text)
    if not (rest or _CREDIT_BRACKETS.fullmatch(text[:half])):
        return
    note = f'fake bold: second copy of "{_short(text[:half])}"'
    page.remove(line, range(half, len(text)), [(0, len(text), note)])
    page.inline.add(line.start)


def _between_bold(page: _Page, line: _Line) -> bool:
    """Whether the lines before and after ``line`` were both printed
    character by character on strong evidence (the pieces of one title)."""
    around = page.previous_text(line), page.next_text(line)
    return all(x is not None and "characters" in page.bold.get(x.start, ()) for x in around)


def _page_top(text: str, start: int) -> bool:
    """Whether the line at ``start`` is its page's first (only blank lines
    before it since the text's start or a form feed)."""
    return not text[text.rfind("\f", 0, start) + 1 : start].strip()


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _whole_line_pairs(page: _Page, line: _Line, evidence: bool) -> None:
    """Print once a line printed character by character whole (see
    MIN_TITLE_BLOCKS) on a page with ``evidence`` of such fake bold, or
    anywhere when it prints a mark twice ("（（ＡＡ、、ＢＢ））": see _MARKS),
    in MIN_PAIR_BLOCKS blocks or more ("44..11引引言言": a heading's number
    and MIN_TITLE_LETTERS letters), in Latin words of MIN_LATIN_TITLE_BLOCKS
    ("RReesseeaarrcchh oonn…"), or each letter apart, letter-spaced
    ("要要 闻闻", "经经 济济": no word reduplicated so has a space between
    its halves)."""
    text = line.text
    if line.start not in page.lines or line.start in page.inline:
        return
    pairs, k = [], 0
    while k < len(text):
        if text[k].isspace():
            k += 1
        elif _pair_at(text, k):
            pairs.append(k)
            k += 2
        else:
            return
    once = "".join(text[p] for p in pairs)
    pairs_at = set(pairs)
    blocks = 1 + sum(1 for a, b in zip(once, once[1:]) if a != b)
    letters = _letters(once)
    # (a mark printed twice beside letters; "！！？？" alone is emphasis, "……——" two marks)
    marked = any(ch in _MARKS and ch not in "！？" for ch in once) and any(map(str.isalnum, once))
    # a letter-spaced label, each of its letters printed twice and set apart ("要要 闻闻")
    spaced = blocks == len(pairs) == letters and all(text[b - 1].isspace() for b in pairs[1:])
    if not (
        spaced
        or blocks >= MIN_PAIR_BLOCKS and letters >= MIN_TITLE_LETTERS  # (a heading's number too: "44..11引引言言")
        or blocks >= MIN_TITLE_BLOCKS and (marked or evidence and letters >= MIN_TITLE_LETTERS)  # ("44 引引言言")
        # (a page's section label, its first line: "经经济济" over a page printed so)
        or evidence and letters >= MIN_TITLE_LETTERS and blocks >= 2 and _page_top(page.text, line.start)
        or evidence and _between_bold(page, line)  # (a title's piece, digits too: "世世界界…" / "１１００" / "月月在在…")
        or blocks >= MIN_LATIN_TITLE_BLOCKS and sum(map(_is_latin_letter, once)) >= MIN_LATIN_TITLE_BLOCKS
    ):
        return
    printed = "".join(text[k] for k in range(len(text)) if k - 1 not in pairs_at)  # (as it reads once, spaces kept)
    note = f'fake bold: second copy of each character of "{_short(printed)}" (whole line)'
    page.remove(line, [p + 1 for p in pairs], [(0, len(text), note)])
    page.inline.add(line.start)


def _reread(page: _Page, line: _Line, fresh: bool) -> bool:
    """Rules 1 and 2 on a line that changed (``fresh``) or is near fake bold found since it was read.

    A line that did not change had its short doubled spans weighed already,
    by the lines around it as printed.
    """
    text = line.text
    spans: _Spans | None = None
    if _STARTS_SQUARE.match(text) is not None:
        spans = _span_doubled(text)
        if spans[0] is None:
            spans = None  # (squares may still follow a sentence's end, below)
        elif not spans[1]:
            # a short doubled line next to fake bold (not a doubled line printed once already)
            near = _near(page, line)
            if not fresh or line.start in page.undoubled or not (
                any("spans" in page.bold.get(x.start, ()) for x in near)
                or any(_STARTS_SQUARE.match(x.text) and _span_doubled(x.text)[1] for x in near)
            ):
                spans = None
    if spans is None and fresh:
        spans = _after_end(text)  # "进进。。" printed once before copies after its end
        if spans is None and _STARTS_SQUARE.match(text) is not None:
            spans = _before_dateline(text, page.opening)
    if spans is None and _TWO_PAIRS.search(text) is None:
        return False
    return _inline(page, line, spans)


def _lines_twice_and_stairs(page: _Page, line: _Line, seen: set[int]) -> list[_Line]:
    nxt, prev = page.next_text(line), page.previous_text(line)
    if not (nxt is not None and overlap(line.text, nxt.text) or prev is not None and overlap(prev.text, line.text)):
        return []
    changed = []
    if _twice(page, line):
        changed.append(line)
    prev = page.previous_text(line)
    if prev is not None and _twice(page, prev):
        changed.append(prev)
    if line.start in page.lines and line.start not in seen:
        changed += _staircase(page, line, seen)
    return changed


@normalizer(
    "doubled-glyphs", lexical=_find, after="fullwidth-ascii", idempotent=True, cut_before=_cut_before
)
def collapse_doubled_glyphs(text: str) -> Iterator[Edit]:
    """Print once what fake-bold rendering printed twice (span by span, character by character, line by line, staircase).

    Span by span (the seeds); real reduplication stays:

    >>> collapse_doubled_glyphs("近日近日，，文县政协机关全体党员干部分赴文县政协机关全体党员干部分赴")
    '近日，文县政协机关全体党员干部分赴'
    >>> collapse_doubled_glyphs("人人都是营商环境，事事关乎营商环境。")
    '人人都是营商环境，事事关乎营商环境。'

    Character by character (pdfplumber), a bold lead phrase or a whole line:

    >>> collapse_doubled_glyphs("项项目目描描述述：：负责公司核心业务系统的设计\\n")
    '项目描述：负责公司核心业务系统的设计\\n'

    A line printed twice (PyMuPDF), a table row printed twice stays:

    >>> collapse_doubled_glyphs("全省经济工作会议召开\\n全省经济工作会议召开\\n100\\n100\\n会议强调，要坚持。\\n")
    '全省经济工作会议召开\\n100\\n100\\n会议强调，要坚持。\\n'

    A staircase (pdftotext, PyMuPDF: bold drawn run by run):

    >>> collapse_doubled_glyphs("本报济南１月５日电记者王霞光\\n本报济南１月５日电记者王霞光、\\n、陈昭报道\\n陈昭报道：\\n：山东省\\n")
    '本报济南１月５日电记者王霞光、陈昭报道：山东省\\n'
    >>> collapse_doubled_glyphs("视察活动，委员们先后来到高新区和\\n经开区，实地察看了重点项目\\n重点项目建设情\\n")
    '视察活动，委员们先后来到高新区和\\n经开区，实地察看了重点项目建设情\\n'
    >>> collapse_doubled_glyphs("本报济南１月５日电记者王霞光\\n本报济南１月５日电记者王霞光、、陈昭报道\\n   陈昭报道：：山东省\\n")
    '本报济南１月５日电记者王霞光、陈昭报道：山东省\\n'
    """
    return _find(text)
