"""Column wraps: rejoin the printed column lines of each paragraph.

Every line break is decided from what a typesetter leaves behind, measured
on the page itself:

* the column width of each stretch of lines (an article), from the lines
  that continue a sentence: CJK characters one cell, digits and Latin
  letters half a cell; a comma or stop may hang one cell past the edge; a
  paragraph's first line measures with its indent, also one the extractor
  left out (first lines an indent narrower than the lines after them). A
  stretch whose continuing lines do not share one width (text already one
  paragraph a line, poems, lists, tables) is not column text: its breaks stay;
  one with too few lines to tell (an article of two or three lines between
  datelines) takes the page's column when its lines fit it;
* whether blank lines mark paragraphs (they stand at some breaks only, as
  pdftotext leaves them) or are layout noise (between every printed line,
  as on the seed pages, or on the extractor's own grid, inside paragraphs
  about as often as after a sentence), in each stretch between two places
  the text may be cut for streaming;
* what visibly starts a block (the preset's lexicon: datelines, bylines,
  numbered headings, bullets, subtitles, continuation markers, credits).

The rules, in the order they are tried; the first that applies decides, and
its name is the note of the edit in ``explain``:

1. ``letter-spaced``: single characters on lines of their own (a
   letter-spaced title an extractor printed one character a line, with the
   digits and marks it holds: "６" / "、" / "模" / "范") are joined, a space
   where a line of only a space stands between them (PyMuPDF prints the
   gap typed between a title's words so: "章" / " " / "区");
   a separator's marks so ("＊" / "＊" / "＊", MIN_SPACED_MARKS) too;
   ``dateline``: a line that is nothing but a dateline ("本报讯", an extractor
   broke the line at the gap after it), or the end of one a narrow column
   wrapped ("…１月１" / "日电"), joins the text after it; ``credit-wrapped``:
   a photo's credit or caption mark wrapped inside its brackets
   ("…（新华社" / "记者黄文摄）") is joined; ``byline-name``: a byline's
   label alone, short of the column (the lexicon's reporters: "本刊记者"),
   and the name or names on the next line, which an extractor put there at
   the gap typed between them, are one line, one space apart
   ("本刊记者 谢春勇"); ``authors-apart``: so are the names of a list of
   authors an extractor printed one a line, right before their affiliation in
   brackets (MIN_AUTHORS: "侯海国" / "杨平平" / "梁东" / "姚强玉" / "（清华大学…）");
   ``picture-title``: so are the
   pieces of a title that a picture mark ends, wrapped in lines of one
   width ("八十高龄亲率众学生在沪" / "连演三场，然后又直奔北" / "京（附图片１张）");
   ``figure``: a figure's or a table's caption without sentence
   punctuation (its number from the lexicon and a typed gap: "图6 各地区指数
   变化趋势") is a block of its own, ending on its line unless it fills the
   column; ``cut-token``:
   a line that opens with closing punctuation, or with the digits of a
   number that the full column line before ends with (rows of a table of
   numbers stay), or with a number's digits and unit ("…1月1" / "0日"),
   continues it.
   ``page-number``: a page number alone on the page's first or last line
   (the lexicon's folios: "第170页", "·44·"), or a number of one to three
   digits alone on its line anywhere (where an extractor printed the page's
   footer), stands alone, though the text before it stops mid-sentence.
   ``page-foot``: so does a running foot or head an extractor printed last
   on the page (before its page number at most): a line without sentence
   punctuation, short of the column, after a line cut in a sentence (the
   page's text goes on on the next page: "…并赠送了慰问" / "请务必阅读正文
   之后的免责声明部分"; a paragraph's last line ends its sentence);
   ``page-head``: so does a running head or foot on the page's first or
   last line (a page number aside) that shows a weekday, an edition
   or a volume (the lexicon's heads: "三秦日报 1998年6月11日 星期一 第16版").
2. ``indent``: on a page whose paragraphs' first lines are printed indented
   (with spaces, by one step; most of them after the end of a sentence or
   block: see _Page._paragraph_indent), a line indented so where this one
   is not starts a paragraph, also under a title, unless this line ends
   inside a sentence (a comma, an open bracket) or the indented line is a
   block of its own without punctuation (a centred title's rest). Such a
   first line measures with its indent, and a full line ending in 。
   before a line that is not indented goes on.
   ``verse``: lines of a poem (four or more of one width ending in turn in
   "，" and "。", or six or more each ending in a mark: see MIN_POEM_LINES)
   stand as printed, and so does the line before them (its title).
3. ``headline``: either line is in a run of unpunctuated lines standing
   between blocks (a headline, or a subtitle after a dash a cell short of
   the column or more; not lines as wide as the column three in a row:
   UNPUNCTUATED_BODY; the run ends before a paragraph's first line an
   indent short of the column (or of the line after it, which a sentence
   goes on from: a box set narrower) where the extractor left indents out, or
   on any page where that line is wider than the title wrapped above it); it
   keeps its own line, unless it is a piece
   of one title wrapped in its own column (``cut-title``: a bracket or quote
   left open, a last character alone, a byline that fills a narrow column
   ("——本报记者陈" / "兴贵"), words that run on across the break as the
   page's other text writes them ("推进农业科技革" / "命要重实践求实效" over
   an article that says "科技革命": SPANNED_WORDS; or a word the page
   writes: MIN_PAIRS), or on a page of column
   text lines of one width, or lines as wide as the column two in a row
   and a narrower rest (a title or paragraph the column cut), or a line its larger type filled short of a
   narrow body column and a narrower rest: TITLE_FILL; not names typed
   apart, nor one name before a line in brackets: a byline over the
   writer's affiliation or the speech's date, nor a name or a date in
   brackets alone: "（徐鹏飞）"); ``caption-sentence``:
   an unpunctuated line that opens a photo caption's sentence with what the
   photo shows (the lexicon's caption openers: "图为小扎耶德与中国大使") goes on
   into the next line that ends it ("夫妇及小朋友们观看娱乐节目。").
4. ``blank-line``: the page's blank lines mark paragraphs, and one stands
   here; not where a block was cut in its words (pdftotext leaves a blank
   line at a column's foot and around a bold dateline, pdfminer after the
   first line of a paragraph of two): a full line inside a paragraph (or
   its first, the indent left out, or the rest of the line a dateline
   alone opened) ending in a Han character or a comma, and a full line or a
   paragraph's last line opening with a Han character after it (the rules
   after this decide).
5. ``block-start``: the next line starts a block (dateline, byline, heading,
   bullet, subtitle, continuation marker; not items run into a sentence after
   its colon, the next item later on the line: "…启迪是：" / "一、…；二、…"),
   or either line is a photo credit,
   ends a caption ("（图片）", "（…摄）", also the rest of a credit wrapped
   inside its brackets) or is one parenthesis ("（张向东）"; not after a
   line cut inside a sentence, whose parenthesis it is),
   or the line is a byline after a dash ("——本报记者祝谦") or one clearly
   short of its column ("本报记者陈兴贵"); but
   ``caption-credit``: a photo's credit alone after a caption's sentence
   ending on a full line closes the caption ("１、…“菜篮子”。" /
   "（新华社记者张生贵摄）": it did not fit there); and ``sign-off``: an
   article's sign-off, names in brackets alone ("（董善浦）"), after its
   last sentence ending on a full line goes on that paragraph (it did not
   fit there; after a short line it was set on a line of its own).
6. ``printed-twice``: either line is printed twice in a row (a doubled title).
7. ``number-unit``: a number cut from its unit ("6" / "月") is joined
   (with no space before a unit that is no word: "12" / "%").
8. ``open-bracket`` and ``hyphen``: a line ending in an opening bracket, or in
   a hyphen inside a Latin word, continues.
9. ``latin``: between Latin lines, a line that does not end a sentence joins
   a lowercase one; a blank line or an indent is a paragraph break; else the
   widths decide (joins take a space, and hyphenation is undone, see
   :mod:`cleantext.normalizers.hyphens`).
10. ``not-column``: the stretch has no column width (not column text), or a
   line is wider than it, a comma or stop hanging past its edge aside, and
   runs of three marks or more that a typesetter compresses ("》、《": see
   SQUEEZE) counted narrower, and every line's marks on a page whose
   typesetter compressed them to fit its lines (SQUEEZE_SHIFT) (a
   title set across the columns, also one holding punctuation, is set apart
   and does not measure the column under it);
   on a page already one paragraph a line (most of its text in lines wider
   than any column) no line has one, and no title piece is joined either;
   but ``caption-across``: the lines of a photo caption set across the
   columns, up to its credit ("…（章平摄）"), are joined, and
   ``rest-across``: so is the short rest of a block set across the columns
   that the line before cut in a word ("…一百六十万贫困妇" / "女脱贫"; not a
   subtitle or credit after a dash); ``cut-sentence``: in a stretch without
   a column (an article of two or three lines), a wide line cut in the
   middle of a sentence (or its dateline's text) goes on into its last line.
11. ``sentence-end``: the line ends a sentence and is short of the column
    (clearly short where blank lines mark paragraphs, unless most clear
    paragraph ends of the stretch have none: SHORT_END; not a line with
    half-width letters less than an indent short before a line that fills
    the column on a page that indents first lines: it printed full;
    not a first line an indent short of it on a page that indents first
    lines the extractor printed without their indent; the gaps around
    half-width numbers that the extractor left out count), or the next line
    opens a new stage of a report ("会议强调，"; not on a page whose printed
    indents mark paragraphs, nor as a full line on one whose indents the
    extractor left out), a headline, or an indented
    first line (short by what its half-width letters and gaps may print
    wider too; one that hangs its last comma past the edge is a cell
    short of the column exactly; also where blank lines mark some
    paragraphs: pdftotext leaves none at a paragraph's end inside a block),
    or a caption of one line ("画漫画，咱也会！（图片）"; not one going on
    with what the photo shows: "图为…（张悦摄）", the lexicon's), or a short
    line ending in a Han character and holding no "。" (no paragraph's last
    line, nor a sign-off "…。———编者": a title's first, with a comma in it).
12. ``short-line``: a line that does not end a sentence is clearly shorter
    than its column (by a cell, for a line of CJK characters without
    punctuation after a paragraph's end, on a page whose paragraphs' first
    lines fill the column: a subhead, "换个思路抓管理"); but ``cut-title``: a title with a comma in it, cut in
    its words, joins its short rest right before the dateline or the
    article's first full line ("总供给能力明显增强，总需求" / "积极盘整").
13. ``no-cut``: no line of the stretch (between the places the text may
    be cut) was cut by a column inside a phrase, and its lines of sentences
    are of one width, marks and all (verse: "春风又绿江南岸，" / "明月何时照我还？"):
    they stay as they are.
    ``cut-word`` and ``full-line``: the line fills its column: it continues
    (joined with nothing between CJK text, a space next to a Latin word
    unless the lines around set Latin words tight against Chinese text
    more often, or nothing inside a Latin word cut at the column's very
    edge in Chinese text, a first line's indent the extractor left out, the
    line's word spaces and letters kinsoku moved down counted; so also
    between a Latin line and Chinese text under the ``latin`` rule).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cached_property, lru_cache, partial
from itertools import accumulate, chain, compress, groupby, repeat
from operator import add, and_, contains, eq, itemgetter, ne, not_, or_
from typing import Iterable, Iterator, NamedTuple

import re

import regex

from ..chars import (
    ASCII_MARKS_IN_CJK,
    CLOSING_MARKS,
    FIELD_LABEL,
    FULLWIDTH_PUNCT,
    GAP,
    HANGING_MARKS,
    OPENING,
    SENTENCE_END,
    SPACE_CHARS,
    display_width,
    display_widths,
    ends_sentence,
    ends_sentence_each,
    has_han,
    has_sentence_punct,
    has_sentence_punct_each,
    is_han,
    is_wide,
)
from ..lexicon import Lexicon, default_lexicon
from ..pipeline import Edit, normalizer
from .boundaries import after_sentences, continues, leaves_open, running_head, starts_independently
from .hyphens import document_words, drops_hyphen
from .spaces import separates_items

#: Widest column we expect (cells); a longer line is a whole block.
MAX_COLUMN = 64.0
#: Narrowest column (cells; 8 less a character that kinsoku pushed down and
#: a hanging mark): lines narrower are no column's, whatever they end with.
MIN_COLUMN = 6.0
#: Text already one paragraph a line: lines wider than any column hold at
#: least this share of the page's text (cells). A page of column lines has
#: none (a headline across the columns is short); on such a page the short
#: lines are whole blocks too (verse, list items, labels, a signature), and
#: every break stays.
MIN_UNWRAPPED_SHARE = 0.5
#: Neighbours on each side that measure a line's column when its own
#: stretch of lines has no continuing line to measure.
WINDOW = 4
#: How much shorter than its column a line may be and still be full: the
#: first line of a paragraph is indented two cells, kinsoku pushes a
#: character or two down, and punctuation is often set half-width. Narrow
#: columns allow less (a share of the column, at least MIN_SLACK).
INDENT_SLACK = 4.0
MIN_SLACK = 2.5
SLACK_SHARE = 0.15
#: The indent of a paragraph's first line (cells).
INDENT = 2.0
#: A line of at most this many characters, all marks, that ends a sentence
#: ends the sentence of the line before (an extractor put its "." apart).
MARK_LINE = 3
#: A page indents its paragraphs' first lines when at least this many are
#: an indent short of the column (see _Page.indents_first_lines).
MIN_INDENTED = 2
#: How far a width may be from another and still count as the same exactly
#: (half-width digits and their gaps make widths inexact by a quarter cell).
EXACT_WIDTH = 0.2
#: How far past the column a full line may reach (hanging punctuation,
#: half-width digits rounding up).
HANG = 2.5
#: How much narrower than a cell a mark right after another may print (a
#: typesetter compresses "》、《", "。”"), in the tests of a line wider than its
#: column (see _Page._reach).
SQUEEZE = 0.5
#: How much narrower than a cell a curly quote or a middle dot ("“”‘’·") may
#: print: a font that sets them as Latin punctuation does (WenQuanYi Zen
#: Hei: "“" a third of a cell, "‘" and "·" a quarter), in the tests of a line
#: of body text wider than its column (see _Page._reach; PDF benchmark with
#: natural glyphs, seeds 1-4: PyMuPDF +65 lines, 5 lost; on the grid +3, 1
#: lost; every probe of other makers' pages gains or holds).
NARROW_MARK = 2 / 3
#: ... in a run of this many marks at least (two, "）（" or "。”", show too
#: little: a line may hang one of them)
MIN_SQUEEZED = 3
#: A page whose typesetter compressed marks in every line (see
#: _Page._unsqueezed): lines with marks are SQUEEZE_SHIFT to MAX_SQUEEZE_SHIFT
#: cells wider than those without next to them (the median of
#: MIN_SQUEEZE_LINES pairs at least, SQUEEZED_SHARE of them wider by half a
#: cell or more).
SQUEEZE_SHIFT = 0.75
SQUEEZED_SHARE = 0.7
MAX_SQUEEZE_SHIFT = 2.5
MIN_SQUEEZE_LINES = 4
#: The marks a typesetter compresses (re scans faster than regex).
_MARKS = "[，。、；：！？“”‘’（）《》〈〉「」『』【】]"
_MARK = re.compile(_MARKS)
_SQUEEZED = re.compile(_MARKS + "{%d,}" % MIN_SQUEEZED)
_ASCII = re.compile(r"[\x21-\x7e]")

#: Column text: at least this share of a stretch's continuing lines are
#: within a cell or two of its column width, and none of its lines (headline
#: runs aside) is wider. Lines already one paragraph each, poems and lists
#: spread far wider.
MIN_FULL_SHARE = 0.5
#: ... and, where most are not cut mid-sentence, this share exactly as wide
#: as it (half a cell either way): a typesetter fills its lines to the edge,
#: verse lines end where they will.
MIN_EXACT_SHARE = 0.4
#: (told so on stretches of this many continuing lines at least: a few
#: lines of a short article may all fall short by kinsoku)
MIN_VERSE_LINES = 6
#: ... judged only on stretches with at least this many continuing lines;
#: a stretch with fewer needs this many continuing lines of its width
#: within SUPPORT_WINDOW lines around it (two lines show no column), or
#: one line cut in the middle of a word after sentence punctuation (which
#: text that is not wrapped never shows).
MIN_SPREAD_LINES = 3
#: A stretch that measured no column takes the page's when this share of
#: the lines measured have it, and this many lines at least (see
#: _Page._page_column).
PAGE_COLUMN_SHARE = 0.6
PAGE_COLUMN_LINES = 20
#: A run of unpunctuated lines is body text (a list of names without
#: punctuation), not a headline, from this many lines in a row as wide as
#: its column: a title is set in larger type or fills fewer lines (one
#: wrapped at the column's width in three lines or more reads on as body does).
UNPUNCTUATED_BODY = 3
#: A continuing line narrower than this share of its column is a stub (a
#: title or a label between blocks), not a line of the column.
STUB_SHARE = 0.5
MIN_SUPPORT = 3
SUPPORT_WINDOW = 30
#: A column is the widest width at least this share of a stretch's
#: continuing lines reach (see :func:`_column_of`).
COLUMN_SHARE = 0.25

#: A byline is a dateline's words and a name of at most this many characters.
BYLINE_NAME = 4
#: A line without a measured column this wide at least that ends in the
#: middle of a sentence goes on (see _Page._cut_mid_sentence); narrower, a
#: title's piece or a list's item may end so.
MIN_CUT_WIDTH = 16.0
#: The rest of a list's item cut in its words is at most this share of its first line (see _Page._cut_mid_sentence).
ITEM_REST = 0.5
#: A paragraph whose lines going on are all of one width, as many as this
#: or more, measures a column of its own when the paragraph before it was set
#: to another (see _Page._width_changes).
WIDTH_CHANGE_LINES = 2
#: A line holding half-width letters or digits is as wide as its run's lines
#: to this many cells (the gaps around them are uncertain).
LOOSE_WIDTH = 2.0
#: ... and the two widths are this share of the wider apart (HANG at least).
WIDTH_CHANGE_SHARE = 0.1
#: A PDF's font may set a half-width letter or digit wider than the half
#: cell it measures (capitals, digits, a justified line's spacing added to
#: every glyph): a line cut inside a sentence is short of its column only
#: when it is short by more than this much for each letter or digit it
#: holds (LOOSE_WIDTH in all at most): "…合作会上，COVID-19中华医学会" /
#: "专家透露：…" (PDF benchmark, seeds 1-4: 13 lines more right, none lost;
#: the probes of other makers' pages all gain).
LOOSE_LETTER = 0.2
#: How much wider than it measures a line may print for each half-width
#: letter or digit (a font's digits are 0.5-0.6 of a cell: WenQuanYi Zen Hei
#: 0.6) and for each space inside it (a gap an extractor printed as a space
#: measures a quarter of a cell and may be half a cell or more), in the test
#: of a paragraph's indented first line: "…投入的不足。" / "田庄乡1996年率先改
#: 革，…已达380万元，新建小" is short of its column by its digits alone.
INDENT_LOOSE_LETTER = 0.1
INDENT_LOOSE_GAP = 0.25
#: ... half a cell in all at most (a first line an indent short still reads so)
INDENT_LOOSE_MOST = 0.5
#: A byline that fills its column but this many cells went on onto the next line.
BYLINE_FILL = 2.0

#: Narrowest Latin column (cells: 20 characters): lines this short are
#: joined only into a lowercase continuation.
MIN_LATIN_COLUMN = 10.0
#: In Chinese text set letter by letter, a line that ends in a Latin letter
#: this close to its column's edge (the next letter did not fit) cut a word;
#: a word that did not fit leaves more room, and a space is put back.
LATIN_CUT = 0.5
#: The gaps a typesetter may set around a half-width number or word among
#: CJK characters, both sides (cells), when an extractor printed none.
LOST_RUN_GAPS = 1.0
#: The width a space between two Latin words takes on a printed line (cells:
#: a half-width space, as a CJK font's Latin letters are half-width).
WORD_SPACE = 0.5
#: A title wrapped in pieces has at most this many before the one read
#: (when a bracket or quote left open in them is looked for).
TITLE_PIECES = 8
#: A paragraph's last line this share of the usual line's width or less is
#: clearly short (see _Page._ends_without_blank_lines).
SHORT_END = 0.75
#: ... of which a stretch holds this many at least to tell where its blank lines stand.
MIN_CLEAR_ENDS = 3
#: A title's words that run on across a break as the page's other text
#: writes them: SPANNED_WORDS characters, TITLE_SPAN_MIN at least either
#: side of the break (see _Page._told_on_the_page).
SPANNED_WORDS = 4
TITLE_SPAN_MIN = 1
#: ... or the two characters either side of the break, which stand together
#: elsewhere on the page MIN_PAIRS times or more, and PAIR_SHARE of the times
#: the rarer of them stands at least (a word of the page's).
MIN_PAIRS = 2
PAIR_SHARE = 1 / 3
#: ... within TITLE_WORDS_REACH characters (TITLE_WORDS_LINES lines) of the
#: title (its article, and a cost linear in the text however long a stretch
#: runs without a cut).
TITLE_WORDS_REACH = 3000
TITLE_WORDS_LINES = 200
#: A title set in larger type than its column fills a line short of the
#: column (1.2 to 1.8 times the body type: at most 1 / 1.2 of the body
#: column's cells); the rest of the title goes on the next line.
TITLE_FILL = (0.55, 0.85)
#: A title wrapped in lines of one width fills this share of the body's
#: column at least (its type is at most twice the body's).
TITLE_WRAP_SHARE = 0.5
#: ... in a column at most this wide (cells), where most titles take two
#: lines or more; over a wider one two title lines are rather a title and
#: its subtitle (SPEC 8),
MAX_TITLE_FILL_COLUMN = 20
#: ... unless the first is a main title's (1.4 times the body type or more:
#: at most TITLE_FILL_WIDE of the column's cells) cut in its words (a Han
#: character last), over a column up to MAX_TITLE_FILL_WIDE cells; TITLE_FILL's
#: share when the article's dateline (or the title's subtitle) follows the
#: rest right after and the rest is WIDE_REST of it at most (PDF benchmark,
#: seeds 1-4: some 20 wrapped titles more joined, 2 lines lost; a whole title
#: so wide over a short subtitle is joined: tests/test_columns.py
#: KNOWN_TITLE_OVER_SUBTITLE).
TITLE_FILL_WIDE = 0.7
MAX_TITLE_FILL_WIDE = 30
#: ... the rest at most this share of the line (one nearly as long is rather
#: the next title: "白银市政协召开党组理论学习中心组（扩大）会议" /
#: "玉门市政协召开政协协商向基层延伸工作推进会").
WIDE_REST = 0.8
#: ... a rest of fewer characters (two at least) reads as a name under a
#: title, not its rest, when it opens with a surname (the lexicon's), or the
#: title line is whole (a bracket or a mark last) or a subtitle (PDF
#: benchmark, seeds 1-4: of such short lines under a title line TITLE_FILL
#: wide, 27 rests, 22 names, all but 7 pen names opening with a surname).
MIN_TITLE_REST = 4
#: A subtitle after a dash, set a little larger than the body (1.1 times),
#: fills a line at most this share of the body column when it wraps (PDF
#: benchmark, seeds 1-3: 8 lines more right, 3 lost).
SUBTITLE_FILL = 0.92
#: A title wrapped in lines of one width that fill its own column ends on a
#: narrower line, or fills its last too: this many lines of one width or
#: more are one title ("俄官员会晤" / "车臣领导人" / "讨论稳定车" / "臣局势问题");
#: two are rather a headline's parallel phrases.
MIN_EVEN_TITLE_LINES = 3
#: Where the article's dateline (or the title's subtitle, "——…") follows
#: right after the rest, the rest may be this many characters, over a column
#: of any width and under a title line up to the column's width, when it is
#: at most REST_BEFORE_DATELINE of the title's line: a name between a title and a
#: dateline that credits the writer is rare (People's Daily 1998 typeset:
#: 30 rests to 1 name among title lines TITLE_FILL wide), and a subtitle is
#: longer ("克林顿称萨达姆无权决定人选").
REST_BEFORE_DATELINE_CHARS = (2, 8)
#: ... under a headline set across the columns, a rest this long at most
#: that opens with a surname is rather the writer's name ("…形同虚设" / "钟行").
MAX_NAME_REST = 3
REST_BEFORE_DATELINE = 0.5
#: A title that a picture mark ends ("…（附图片１张）") takes this many lines
#: at most, the mark's line holding this many characters before the mark at
#: most (see _Page.picture_title).
PICTURE_TITLE_LINES = 4
PICTURE_TITLE_REST = 5
#: A photo caption set across the columns ends this many lines at most
#: after any of its lines (its credit or picture mark: "（章平摄）").
CAPTION_LINES = 4
#: How many lines from a title the body column it is measured against may be.
BODY_REACH = 12
#: An indent that marks a Latin paragraph's first line (characters more than
#: the line before: extractors that keep the layout, such as pdftotext -layout).
LATIN_INDENT = 2
#: An indent that marks a CJK paragraph's first line: an ideographic space,
#: or this many ASCII spaces, more than the line before.
CJK_INDENT = 2

#: Closing marks a line may not start with, and the characters that go down
#: to the next line with them.
_KINSOKU_MOVED = regex.compile(r"([^，。、；：！？”’）》」』…]{1,2})[，。、；：！？”’）》」』…]+")
_HANGING = frozenset(HANGING_MARKS)
_SENTENCE_MARKS = "，。、；：！？,.;:!?"
_HYPHENATED = regex.compile(r"[A-Za-z]-$")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_LEAD_COLON = regex.compile(r"\p{Han}{1,3}[：:]")
#: A label and its colon opening a line, the field's value after it, no
#: clause in it ("额定电压：220V~"), or none ("步骤："): MIN_FIELDS such lines
#: in a row are a list's fields (two may be a column's lines that a wrap
#: opened so by chance). So are MIN_FIELDS lines in a row that end a clause
#: with "；", or open with one of _LEAD_MARKS.
MIN_FIELDS = 3
#: ASCII marks that open a list's item, a quote's line or a log's stamp (see _Page).
_LEAD_MARKS = frozenset("-*+#>|[@")
_LABEL = regex.compile(FIELD_LABEL.pattern + r"(?:(?=\S)[^，。；！？,;!?]*)?")
_NAME = regex.compile(r"\p{Han}{2,%d}" % BYLINE_NAME)
#: A date in any digits ("1998年1月1日", "一九九八年一月一日").
_DATE = regex.compile(r"[0-9０-９〇○零一二三四五六七八九十]+年[0-9０-９一二三四五六七八九十]+月[0-9０-９一二三四五六七八九十]+日")
_PUNCTUATION = regex.compile(r"\p{P}")
#: A number alone on its line: a page number (see _Page._folio_after).
_BARE_NUMBER = regex.compile(r"[0-9]{1,3}")
#: A line of spaces only (not empty): a space an extractor printed alone.
_SPACE_LINE = regex.compile(r"\n[ \u3000]+\n")
#: Where a run-in item may open inside a line: after a clause's mark ("…；二、").
_RUN_IN_ITEM = regex.compile(r"[；，;,]")
#: A line that is a name or names typed apart and nothing else ("谢春勇", "叶言林 郑河").
_NAME_ONLY = regex.compile(r"\p{Han}{2,%d}(?:[ \u3000]+\p{Han}{2,%d})*" % (BYLINE_NAME, BYLINE_NAME))
#: A list of authors printed one name a line holds this many names at least (see _Page.authors_apart).
MIN_AUTHORS = 3
#: The longest byline label looked for alone on a line ("新华社摄影记者", "人民日报特约记者").
MAX_BYLINE_LABEL = 10
#: A line of names typed apart, a title's authors ("唐 桂 贺涛怡", "田娟云 傅刚云"):
#: words of a name's length (a padded one in pieces), one space or more between.
_NAMES_LINE = regex.compile(r"\p{Han}{1,%d}(?:[ \u3000]+\p{Han}{1,%d})+" % (BYLINE_NAME, BYLINE_NAME))
_ALL_WIDE = regex.compile(r"[^\x00-\x7f]+")
_HALF_RUN = regex.compile(r"[0-9A-Za-z][0-9A-Za-z.·,%]*")
_HALF_WIDTH = regex.compile(r"[ -~]+")  # (half-width text or a space inside a line)
_NARROW_MARKS = regex.compile(r"[“”‘’·]")  # (see NARROW_MARK)
_LETTER_OR_DIGIT = regex.compile(r"[0-9A-Za-z]")
_WORD_SPACE = regex.compile(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])")
#: A Latin word beside Chinese text inside a line, with a space between or
#: without: which the text does more tells what a join there takes.
_LATIN_SPACED = regex.compile(r"\p{Han} +[A-Za-z]|[A-Za-z] +\p{Han}")
_LATIN_TIGHT = regex.compile(r"\p{Han}[A-Za-z]|[A-Za-z]\p{Han}")
_WORD_END = regex.compile(r"[\p{L}\p{N}]")
#: The marks a list's items end with: a stretch whose continuing lines all
#: end so (a closing quote or bracket aside) is a list, not column text (a
#: column line ends in one now and then, never line after line).
_LIST_MARKS = frozenset("；：;:")
#: Most characters of a letter-spaced title printed one a line.
MAX_SPACED = 24
#: A separator's marks, one a line, that a letter-spaced "＊＊＊" leaves (at least).
MIN_SPACED_MARKS = 3
#: Marks a line cut mid-sentence may end with (besides a letter or digit):
#: a comma, a closing mark, an opening one (a quote opened at the edge).
_CUT_AFTER = frozenset("，、”’》）」』】") | OPENING
#: What no block starts with: closing punctuation (kinsoku forbids it at a
#: line start, so an extractor that put it there cut a line).
_NEVER_FIRST = frozenset("，。、；：？！）》」』】”")  # (’ is also an apostrophe: ’９７; …… a line of its own)
#: What a credit's or a caption's parenthesis closes with, the last character of its line.
_CLOSE_PARENS = frozenset("）)")
#: A line that is one short parenthesis: a credit or a date of its own ("（张向东）").
_PARENTHESIS = regex.compile(r"[（(][^（）()]{1,24}[）)]")
#: An article's sign-off: a short parenthesis without punctuation after its last sentence ("…。（张向东）").
_SIGN_OFF = regex.compile(r"[。！？][（(][^（）()，。、；：！？\s]{1,24}[）)]$")
#: A numbered item at a line's start ("３、", "（二）", "第二，", "1."), or a
#: line that is a number alone (a poem's section "二"): its marker with the
#: number taken out, and the number.
_ITEM = regex.compile(r"(第)?([（(]?)(\d{1,3}|[一二三四五六七八九十]{1,3})(?:([）)]?[、.．，])(?!\d)|([）)])|$)")
#: How many lines back the item before a numbered item may be (an item's
#: lines between them).
ITEM_REACH = 40
_ITEM_FIRST = frozenset("第（(一二三四五六七八九十0123456789０１２３４５６７８９")
_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
#: Verse: this many lines in a row at least, of one width (cells, at most
#: MAX_VERSE_WIDTH), ending in turn in a pause (_VERSE_PAUSE) and a stop
#: (_VERSE_END), as a classical poem's lines do ("朝辞白帝彩云间，" /
#: "千里江陵一日还。"); wrapped prose lines hardly ever do so four times in a row.
MIN_POEM_LINES = 4
MAX_VERSE_WIDTH = 16
_VERSE_PAUSE = "，；"
_VERSE_END = "。！？"
#: ... or this many lines in a row at least, of any widths up to
#: MAX_VERSE_WIDTH, each ending in a pause or a stop (a modern poem: "轻轻的我走了，" /
#: "正如我轻轻的来；"): every line of a column ending at a mark six times in a
#: row is rarer still (never in the pure-text benchmark's 53 widths).
MIN_VERSE_RUN = 6
#: Marks a title holds between its characters ("６、模范行动带新兵", "自主·自立", "思念，根植在军营", "戏迷团长——侯树忱").
_TITLE_MARKS = "、，·・—／"
#: A run of one-character lines holds this many Han characters at least for
#: the digits and marks among them to be letters of a title too.
MIN_SPACED_HAN = 2
#: Han characters set apart by single spaces (a letter-spaced title).
_SPACED_LETTERS = regex.compile(r"\p{Han}(?: \p{Han})+")
#: ASCII marks after which a wrap splits a token, not two words.
_NO_SPACE_AFTER = frozenset("-+/=_@#&~*^|\\")
_SPACES = regex.compile(" +")
_GAPS = re.compile("[ \u3000]")  # a typed gap, ASCII or ideographic
_DIGITS = regex.compile(r"\d")
#: A typesetter sets a gap (chars.GAP) on both sides of a half-width number
#: or word among CJK characters; an extractor prints it as a space, or not
#: (PyMuPDF prints the one after the number only). A page shows its
#: extractor prints those after them only with this many there and none
#: before them.
MIN_GAPS_PRINTED = 3
#: A gap printed between two words of Chinese ("第5章 总结与展望"): the line prints its gaps.
_HAN_GAP = regex.compile(r"\p{Han}[ \u3000]+\p{Han}")
_GAP_BEFORE_NUMBER = regex.compile(r"[\p{Han}）》”] [0-9A-Za-z]")
_GAP_AFTER_NUMBER = regex.compile(r"[0-9A-Za-z%] [\p{Han}（《“]")
_NO_GAP_BEFORE_NUMBER = regex.compile(r"[\p{Han}）》”][0-9A-Za-z]")
_STOP = regex.compile(f"[{''.join(sorted(SENTENCE_END))}!?]")  # (a sentence's end anywhere in a line)
_LEADING_DIGITS = regex.compile(r"\d+ *")  # (and the layout spaces after them: "0 日")
#: What is stripped from a line's ends: layout spaces, and a CR a CRLF left
#: (it ends a line too, when the step runs alone).
_EDGE = SPACE_CHARS + "\r"
#: ASCII marks typed into CJK text, read as the full-width ones they stand for.
_ASCII_MARKS = regex.compile(ASCII_MARKS_IN_CJK)
#: ... which are these (a page without any is not searched: a scan for each is faster).
_ASCII_MARK_CHARS = ",:;?!"


def _full_width(match: "regex.Match[str]") -> str:
    return match.group().translate(FULLWIDTH_PUNCT)


#: How many cells more than one the gap after a dateline may take in a
#: justified line (an extractor that breaks the line there drops the gap).
DATELINE_GAP_SPREAD = 2
_GAP_AFTER_DATELINE = regex.compile(r"[讯电] ")
#: ... the next line that goes on, within this many lines (the first of the
#: dateline's paragraph may end it).
DATELINE_REACH_LINES = 3
#: ... or, when none does, the last that goes on before the dateline (and
#: its title), within this many lines.
DATELINE_BACK_LINES = 6
#: How many characters of the next lines a dateline split by a narrow
#: column may take.
_DATELINE_REACH = 24


#: What may follow a dateline on a line of its own: the reporter's credit
#: ("（通讯员郑天旺）"), nothing else.
_DATELINE_CREDIT = regex.compile(r"[（(][^（）()\n。！？]{1,24}[）)]")


@lru_cache(maxsize=65536)
def _may_end_cut(last: str) -> bool:
    """Whether a line cut mid-sentence may end with the character ``last``:
    a letter or digit, or one of _CUT_AFTER (asked once per character)."""
    return _WORD_END.match(last) is not None or last in _CUT_AFTER


@lru_cache(maxsize=65536)
def _plain_last(last: str) -> bool:
    """Whether a line cut in plain CJK text ends with ``last``, which no rule
    but the widths reads: a Han character or a comma (see _Page.settled)."""
    return last in "，、" or is_han(last)


def _alone_after(match: "regex.Match[str] | None", line: str) -> bool:
    """Whether a dateline ``match`` at the start of ``line`` is all the line
    holds but its credit ("本报讯", "本报定西讯（通讯员郑天旺）")."""
    if match is None:
        return False
    end = match.end()
    if end == len(line):
        return line[-1] in "讯电"
    return _DATELINE_CREDIT.fullmatch(line, end) is not None


def _names(text: str, surnames: str | frozenset[str], most: int = 3) -> bool:
    """Whether ``text`` is two to ``most`` Chinese names typed tight, each
    of two or three characters opening with one of ``surnames``.

    >>> _names("李济国贾建舟", "李贾"), _names("日前从省里获悉", "李贾")
    (True, False)
    """
    if not text:
        return False
    if most == 1:
        return 2 <= len(text) <= 3 and text[0] in surnames
    if text[0] not in surnames:
        return False
    rests = (text[n:] for n in (2, 3) if n < len(text))
    return any(_names(rest, surnames, 1) or most > 2 and _names(rest, surnames, most - 1) for rest in rests)


def _unspaced(line: str) -> str:
    """``line`` without the spaces an extractor printed for gaps ("1月5 日电")."""
    return line.replace(" ", "") if " " in line else line


def _figures(line: str) -> bool:
    """Whether ``line`` is a table's row of figures: it opens with a digit,
    or digits are half its characters or more ("６００８５０华东电脑",
    "上证指数１１９４·１０１２００·９５")."""
    return line[0].isdigit() or 2 * len(_DIGITS.findall(line)) >= len(line)


def _field_goes_on(value: str, line: str) -> bool:
    """Whether ``line`` is the rest of a field's ``value`` wrapped ("关键词：技术进步；门槛效" /
    "应；城镇化"): it holds no punctuation the value does not (its items' separators), and
    opens with no section's number ("3 研究方法"); else the text after the field
    ("亚特兰大奥运会上，…") starts a block."""
    return not line[0].isdigit() and set(_PUNCTUATION.findall(line)) <= set(_PUNCTUATION.findall(value))


def _joiner(before: str, after: str) -> str:
    """What a join puts between two characters: nothing inside CJK text."""
    if is_wide(before) or is_wide(after):
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            return " "  # CJK next to a Latin word keeps a word space
        return ""
    if before in _NO_SPACE_AFTER or before.isdigit() and after.isdigit():
        return ""  # a token cut at the column edge: "2+6+|N", "http://|a.cn"
    return " "


def _item(line: str) -> tuple[str, int] | None:
    """The kind of numbered item ``line`` opens and its number, or None.

    >>> _item("３、百年老矿创新绩"), _item("（十二）其他"), _item("第二，提高"), _item("二")
    (('、#', 3), ('（）', 12), ('第，', 2), ('', 2))
    >>> _item("1.5倍") is None, _item("三十多人") is None
    (True, True)
    """
    m = _ITEM.match(line)
    if m is None:
        return None
    ordinal, bracket, number, mark, close = m.groups()
    if not (mark or close) and (ordinal or bracket or m.end() != len(line)):
        return None  # a number alone must be the whole line
    kind = (ordinal or "") + bracket + (mark or close or "")
    if number[0].isdigit():
        return kind + "#", int(number)
    tens, ten, units = number.rpartition("十")
    if not ten:  # no 十: one numeral
        return (kind, _NUMERALS[number]) if len(number) == 1 else None
    if tens and tens not in _NUMERALS or units and units not in _NUMERALS:
        return None
    return kind, (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


def _past_item(line: str) -> str:
    """``line`` past the number and mark of a numbered item it opens with
    ("三、下一步打算" -> "下一步打算"); the line itself otherwise."""
    if line[0] not in _ITEM_FIRST:
        return line
    m = _ITEM.match(line)
    return line[m.end() :] if m is not None and (m.group(4) or m.group(5)) else line


def _listed(texts: list[str]) -> list[bool]:
    """Whether each line opens an item of a numbered list: one whose next
    item ("３、…" after "２、…") opens a line a few lines after it. Such a
    line starts a block, never a sentence's text or a title's last piece."""
    last: dict[str, tuple[int, int]] = {}  # kind -> (number, line)
    listed = [False] * len(texts)
    for k in compress(range(len(texts)), map(_ITEM_FIRST.__contains__, map(itemgetter(0), texts))):
        item = _item(texts[k])
        if item is None:
            continue
        kind, number = item
        before = last.get(kind)
        if before is not None and before[0] + 1 == number and k - before[1] <= ITEM_REACH:
            listed[k] = listed[before[1]] = True
        last[kind] = (number, k)
    return listed


def _long_runs(keys: Iterable[object]) -> Iterator[range]:
    """The runs of MIN_FIELDS equal keys or more in a row, each a true key
    (a list's lines of one kind), as the ranges of their line numbers.

    >>> [tuple(r) for r in _long_runs([True, True, True, False, "-", "-", "-", "*"])]
    [(0, 1, 2), (4, 5, 6)]
    """
    k = 0
    for key, group in groupby(keys):
        n = sum(1 for _ in group)
        if key and n >= MIN_FIELDS:
            yield range(k, k + n)
        k += n


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _column_of(values: list[float]) -> float:
    """The column continuing lines of ``values`` widths show: the widest
    width that COLUMN_SHARE of them (two at least) have, within half a cell
    (the most common of those widths, the wider on a tie); else the median.

    A typesetter fills every cut line to one exact edge that no line passes;
    the median falls short of it where a stretch also holds indented first
    lines, short stubs or a caption's last lines. Where punctuation set half
    width spreads the lines over a few cells, no width is so shared and the
    median measures.

    >>> _column_of([17, 4, 44, 46, 44, 46, 44, 46, 46]), _column_of([10, 16]), _column_of([17, 18, 18, 19, 19, 19, 20, 21])
    (46, 13.0, 19)
    """
    values = sorted(values)
    need = max(2, COLUMN_SHARE * len(values))
    j = len(values) - 1  # the last of each width, widest first
    while j > 0:
        top = values[j]
        lo = bisect_left(values, top - 0.5, 0, j)
        if j + 1 - lo >= need:
            return _most_common(values, lo, j + 1)
        j = bisect_left(values, top, 0, j) - 1
    return _median(values)


def _most_common(values: list[float], lo: int, hi: int) -> float:
    """The most common of the sorted ``values[lo:hi]``, the wider on a tie."""
    best, count = values[lo], 0
    while lo < hi:
        end = bisect_right(values, values[lo], lo, hi)  # (equal widths stand together)
        if end - lo >= count:
            best, count = values[lo], end - lo
        lo = end
    return best


def _count_within(ordered: list[float], lo: float, hi: float) -> int:
    """How many of the sorted widths ``ordered`` are from ``lo`` to ``hi``."""
    return bisect_right(ordered, hi) - bisect_left(ordered, lo)


def _unstubbed(widths: list[float], column: float) -> list[float]:
    """``widths`` sorted, less the stubs (under STUB_SHARE of ``column``)."""
    ordered = sorted(widths)
    return ordered[bisect_left(ordered, column * STUB_SHARE) :]


def _typed_space(line: str) -> bool:
    return " " in line and any(separates_items(line, m.start(), m.end()) for m in _SPACES.finditer(line))


@lru_cache(maxsize=1024)
def _slack(column: float, first: bool = False) -> float:
    """How much shorter than ``column`` a line may be and still be full
    (a paragraph's ``first`` line may be indented too)."""
    return min(INDENT_SLACK, max(MIN_SLACK, SLACK_SHARE * column) + (INDENT if first else 0.0))


class _Measure(NamedTuple):
    """A measure of a page's columns (see _Page._measure)."""

    candidates: list[bool]  # the lines measured
    columns: list[float | None]  # each line's column
    #: for each stretch, how many lines around it its measure read (0: only its own)
    reaches: list[int]


class _Page:
    """The non-blank lines of one page and what each looks like."""

    def __init__(self, page: str, lex: Lexicon) -> None:
        self.page = page
        self.lex = lex
        starts: list[int] = []
        indents: list[int] = []  # layout spaces before each line (an ideographic space counts two)
        ends: list[int] = []
        texts: list[str] = []
        gaps: list[int] = []  # blank lines before each line
        gap = pos = 0
        for raw in page.split("\n"):
            text = raw.strip(_EDGE)
            if text:
                # (nothing stripped, the same string back: no indent to find, as on most lines)
                lead = 0 if text is raw else raw.index(text[0])
                starts.append(pos + lead)
                indents.append(lead + raw.count("\u3000", 0, lead) if lead else 0)
                ends.append(pos + lead + len(text))
                texts.append(text)
                gaps.append(gap)
                gap = 0
            else:
                gap += 1
            pos += len(raw) + 1
        # ASCII , : ; ? ! typed into CJK text read as the full-width marks
        # they stand for ("中国," hangs its comma as "中国，" does): a line
        # reads the same before and after cjk-punctuation makes them so (the
        # edits keep the offsets of the text as it is)
        if any(map(page.__contains__, _ASCII_MARK_CHARS)) and _ASCII_MARKS.search(page):
            texts = [t for t in (raw.strip(_EDGE) for raw in _ASCII_MARKS.sub(_full_width, page).split("\n")) if t]
        self.starts, self.ends, self.texts, self.gaps, self.indents = starts, ends, texts, gaps, indents
        self.widths = display_widths(texts)
        self.terminal = ends_sentence_each(texts)
        # a line whose sentence-final mark the extractor put alone on the next
        # line ("…一交换联" / ".") ends its sentence as the two do joined
        self.mark_alone = [False] * len(texts)
        for k in compress(range(1, len(texts)), map(MARK_LINE.__ge__, map(len, texts[1:]))):  # (lines of MARK_LINE at most)
            # (not after a line that ends its sentence already: "“嗯。”" / "……" is a pause of its own)
            if ends_sentence(texts[k]) and not any(map(str.isalnum, texts[k])) and not self.terminal[k - 1]:
                self.mark_alone[k] = True
                self.terminal[k - 1] = self.terminal[k - 1] or ends_sentence(texts[k - 1] + texts[k])
        self.no_punct = list(map(not_, has_sentence_punct_each(texts)))
        self.lasts = list(map(itemgetter(-1), texts))  # each line's last character
        self.han_first = list(map(is_han, map(itemgetter(0), texts)))  # whether each opens with a Han character
        # (a line that opens with a Han character holds one: only the others are searched)
        self.han = self.han_first.copy()
        for k in compress(range(len(texts)), map(not_, self.han_first)):
            self.han[k] = has_han(texts[k])
        # what looks like a block start after a line cut mid-sentence is that
        # sentence's text, unless it is a paper's or an agency's dateline (…讯, …电)
        # (see _after_cut: asked only of a line that matches)
        opens = lex.may_open_each(texts)
        self.dateline = [o[1] and self._dateline_at(k, o[0]) for k, o in enumerate(opens)]
        # a dateline that is its line's whole text, with or without its
        # reporter's credit (an extractor broke the line at the gap after it)
        dateline = lex.dateline.match
        self.dateline_alone = [
            t if d and _alone_after(dateline(u := _unspaced(t)), u) else "" for d, t in zip(self.dateline, texts)
        ]
        for k in compress(range(len(texts) - 1), self.dateline):
            end = self._wrapped_dateline_end(k)
            if end is not None:
                self.dateline_alone[end] = texts[end]
        # a byline: a dateline's words and a name, no punctuation ("本报记者许立群",
        # or under a title after a dash: "——本报记者祝谦")
        # (or two or three names typed tight, each opening with a surname: "本报记者李济国贾建舟")
        self.byline = [
            (d or t[0] == "—") and n and (m := dateline(u := _unspaced(t).lstrip("—"))) is not None
            and (len(u) - m.end() <= BYLINE_NAME or _names(u[m.end() :], lex.surname))
            for d, n, t in zip(self.dateline, self.no_punct, texts)
        ]
        block_start, bullet = lex.block_start.match, lex.bullet.match
        # an item of a numbered list starts a block whatever the line before
        self.listed = _listed(texts)
        # a figure's or a table's caption: its number, a typed gap and no sentence punctuation
        # ("图6 各地区指数变化趋势", "表5 不同模型在测试集上的结果对比")
        figure = lex.figure.match
        self.figure = [False] * len(texts)
        for k in compress(range(len(texts)), self.no_punct):
            m = figure(texts[k])
            self.figure[k] = m is not None and texts[k][m.end() : m.end() + 1] in (" ", "\u3000")
        self.block_start = list(map(or_, self.dateline, self.listed))
        field = lex.field_label.match
        # (the lines with a colon: only they may hold a field's or a list's label)
        colon = list(map(or_, map(contains, texts, repeat("：")), map(contains, texts, repeat(":"))))
        for k in compress(range(len(texts)), map(itemgetter(0), opens)):  # (the others start none)
            t = texts[k]
            self.block_start[k] = self.block_start[k] or (
                block_start(t) is not None and not self._after_cut(k, True) and not self._run_in_items(k)
                or bullet(t) is not None
            )
            # the text after a field ("关键词：…；城镇化") starts a block, unless it goes on with the field's items
            if k + 1 < len(texts) and colon[k] and (label := field(t)) is not None:
                if not _field_goes_on(t[label.end() :], texts[k + 1]):
                    self.block_start[k + 1] = True
        # MIN_FIELDS lines in a row that each open with a label and its colon: fields of a
        # list, each a block ("额定电压：220V~" / "额定频率：50Hz" / "额定功率：1800W")
        labelled = [False] * len(texts)
        for k in compress(range(len(texts)), colon):
            labelled[k] = _LABEL.fullmatch(texts[k]) is not None
        if labelled.count(True) >= MIN_FIELDS:  # (the cheap test first)
            for run in _long_runs(labelled):
                for k in run:
                    self.block_start[k] = True
        # MIN_FIELDS lines in a row that each end a clause with "；": a list's items, the
        # line after each a new item ("地区生产总值增长6%左右；" / "城镇新增就业2.5万人以上；" / …);
        # ... or that each open with one ASCII mark, the same (bullets, quotes, stamps: "- ", "> ", "[09:13]")
        if self.lasts.count("；") >= MIN_FIELDS:
            for run in _long_runs(map("；".__eq__, self.lasts)):
                for k in range(run.start + 1, min(run.stop + 1, len(texts))):
                    self.block_start[k] = True
        firsts = list(map(itemgetter(0), texts))
        if not _LEAD_MARKS.isdisjoint(firsts):
            for run in _long_runs(first if first in _LEAD_MARKS else "" for first in firsts):
                for k in run:
                    self.block_start[k] = True
        credit, credit_last, block_end = lex.credit.match, lex.credit_last, lex.block_end.search
        # a photo credit, or a line that is one parenthesis ("（张向东）"): a block of its own
        # (not the reporter's name in parentheses after a dateline: "…电" / "（记者周锡生）")
        # (asked of the lines that end in a credit's last character or a parenthesis only)
        closed = list(map(_CLOSE_PARENS.__contains__, self.lasts))
        credited = list(map(or_, closed, map(credit_last.__contains__, self.lasts)))
        self.credit = [False] * len(texts)
        for k in compress(range(len(texts)), credited):
            t = texts[k]
            self.credit[k] = (
                t[-1] in credit_last and credit(t) is not None
                or t[-1] in "）)" and _PARENTHESIS.fullmatch(t) is not None and not self._after_dateline(k)
                and not (self._inside_sentence(k) and block_end(t) is None)
            )
        # the end of a caption ("…（图片）", "…（新华社记者兰红光摄）", "…陈列室。 邓德摄"): its block ends there
        self.ends_block = [False] * len(texts)
        for k in compress(range(len(texts)), credited):
            self.ends_block[k] = block_end(texts[k]) is not None
        # ... also on the line that closes a credit wrapped inside its brackets ("…（新华社" / "记者黄文摄）")
        for k in compress(range(1, len(texts)), closed[1:]):
            self.ends_block[k] = self.ends_block[k] or self.credit_wrapped(k - 1)
        self.boundary = [False][: len(texts)] + [
            d and starts_independently(previous, line, gap, lex)
            for previous, line, gap, d in zip(texts, texts[1:], gaps[1:], self.dateline[1:])
        ]
        # cut mid-sentence: sentence punctuation inside (a numbered heading's
        # own mark is none: "三、下一步打算"), a letter (a comma, a
        # closing quote) at the end, or a bracket left open; it goes on in the
        # next line, so not the text's last line, or one before a new article
        # (they show where the text stops, not the column's edge)
        # (the line after a dateline alone opens its article's text, though only a colon marks it so far:
        # "本报纽约１月１３日电" / "记者符福渊报道：纽约股市１２日急挫后反")
        self.cut = [
            not e and not b and (
                (not n or d) and _may_end_cut(last) and (t[0] not in _ITEM_FIRST or has_sentence_punct(_past_item(t)))
                or leaves_open(t)
            )
            for n, e, t, last, b, d in zip(
                self.no_punct, self.terminal, texts, self.lasts, self.boundary[1:] + [True], [""] + self.dateline_alone[:-1]
            )
        ]
        # a line printed twice in a row (a doubled title) stands alone, both copies
        bare = list(map(str.rstrip, texts, repeat(_SENTENCE_MARKS)))
        same = list(map(eq, bare, bare[1:]))
        self.paired = list(map(or_, [False] + same, same + [False])) if texts else []
        self.blank_breaks = self._blank_lines_mark_paragraphs()
        self.first_indent = self._paragraph_indent()
        self.indent_breaks = any(self.first_indent)
        self.columns = self._column_widths()
        self.headline = [False] * len(texts)
        self.block = 0  # the line the block being joined starts on (unwrap_with keeps it)
        self._words: set[str] | None = None
        self._latin_tight: dict[int, bool] = {}  # first line of a stretch -> whether it sets Latin words tight against Chinese
        self._wrapped: dict[int, bool] = {}  # first line of a region -> whether its lines are column text

    def _wrapped_dateline_end(self, k: int) -> int | None:
        """The line that a dateline a narrow column wrapped from line ``k``
        ends on, when that line holds nothing after it but its credit
        ("新华社纽约１月１" / "日电" / "（记者周锡生）…": an extractor broke
        the printed line at the gap after the dateline), else None."""
        texts, match = self.texts, self.lex.dateline.match
        joined = _unspaced(texts[k])
        if match(joined) is not None:
            return None  # it ends on its own line
        for j in range(k + 1, min(k + 3, len(texts))):
            start = len(joined)
            joined += _unspaced(texts[j])
            m = match(joined)
            if m is not None:
                return j if m.end() > start and _alone_after(m, joined) else None
            if len(joined) > _DATELINE_REACH:
                break
        return None

    def _after_cut(self, k: int, opener: bool) -> bool:
        """Whether line ``k``, when it may look like a block start
        (``opener``: its first character may open one, Lexicon.may_open),
        follows a line cut in the middle of a sentence
        (:func:`.boundaries.continues`), whose text it then is; a numbered
        heading's own mark cuts nothing ("二、加快科技创新步伐" / "（一）…")."""
        return opener and k > 0 and continues(self.texts[k - 1]) and (
            self.texts[k - 1][0] not in _ITEM_FIRST or continues(_past_item(self.texts[k - 1]))
        )

    def _run_in_items(self, k: int) -> bool:
        """Whether line ``k``, after a line that ends in a colon, opens items
        run into the sentence, the next of them later on its line
        ("…他们给人的启迪是：" / "一、投入———播种希望；二、途径…"): text
        the column wrapped there, no list set a line an item."""
        if not k or self.lasts[k - 1] not in "：:":
            return False
        line = self.texts[k]
        item = _item(line)
        if item is None:
            return False
        after = _RUN_IN_ITEM.finditer(line, 2)
        return any(_item(line[m.end() :]) == (item[0], item[1] + 1) for m in after)

    def _dateline_at(self, k: int, opener: bool) -> bool:
        """Whether line ``k`` opens with a dateline (spaces the layout left in
        its date aside), also one a narrow column wrapped onto the next lines
        ("新华社北京１月１２" / "日电（记者…）"). After a line cut mid-sentence
        (see :meth:`_after_cut`; ``opener``: whether the line may look like a
        block start) only a dateline ending in 讯 or 电 counts."""
        texts, match = self.texts, self.lex.dateline.match
        line = texts[k]
        if not is_han(line[0]):
            return False
        m = match(line) or " " in line and match(line.replace(" ", "")) or None
        if m is None and k + 1 < len(texts) and len(line) > 1:
            joined = (line + "".join(texts[k + 1 : k + 3])[:_DATELINE_REACH]).replace(" ", "")
            m = match(joined)
            if m is not None and m.end() <= len(line.replace(" ", "")):
                m = None
        return m is not None and (m.group()[-1] in "讯电" or not self._after_cut(k, opener))

    def _stretch_of(self, k: int) -> tuple[int, int]:
        """The first line of line ``k``'s stretch (see :attr:`_cuts`) and the line after its last."""
        cuts = self._cuts
        s = bisect_right(cuts, k)
        return cuts[s - 1] if s else 0, cuts[s] if s < len(cuts) else len(self.texts)

    @cached_property
    def _bare_ends(self) -> list[bool]:
        """For each line, whether the clear paragraph ends of its stretch
        (see :attr:`_cuts`) mostly have no blank line after them
        (:meth:`_ends_without_blank_lines`)."""
        cuts, n = self._cuts, len(self.texts)
        bare: list[bool] = []
        for lo, hi in zip([0] + cuts, cuts + [n]):
            bare += [self._ends_without_blank_lines(lo, hi)] * (hi - lo)
        return bare

    def _ends_without_blank_lines(self, lo: int, hi: int) -> bool:
        """Whether most of the clear paragraph ends from line ``lo`` to
        ``hi`` have no blank line after them, MIN_CLEAR_ENDS of them at least:
        lines ending a sentence, a quarter or more shorter than the lines of
        the stretch mostly are, before a line of text going on (no title,
        no block start). Pdftotext leaves blank lines around a page's blocks
        (titles, articles) where it finds no paragraphs' ends."""
        widths, texts = self.widths, self.texts
        ordered = sorted(widths[lo:hi])
        usual = ordered[len(ordered) // 2]
        ends = [
            self.gaps[k + 1] > 0
            for k in range(lo, min(hi, len(texts) - 1))
            if self.terminal[k] and widths[k] <= SHORT_END * usual and not self.no_punct[k + 1] and not self.block_start[k + 1]
        ]
        return len(ends) >= MIN_CLEAR_ENDS and 2 * sum(ends) < len(ends)

    def _blank_lines_mark_paragraphs(self) -> list[bool]:
        """For each line, whether the blank lines of its stretch stand only
        at some breaks (paragraph ends, as pdftotext leaves them), not between
        every printed line. A stretch runs between two places where the text
        may be cut (see :func:`.boundaries.after_sentences`), so a text cleaned
        in pieces reads as it does whole.

        Told from the breaks that are surely inside a paragraph: after a line
        with sentence punctuation that ends in the middle of CJK text. On a
        page whose blank lines are layout noise, most of those have one; on
        one whose extractor sets them on a grid of its own (pdfplumber's
        layout mode: a blank line every few printed lines, wherever the
        spacing rounds up), they stand there half as often as after a
        sentence's end or a title at least.
        """
        texts, gaps = self.texts, self.gaps
        n = len(texts)
        if not any(gaps[1:]):
            return [False] * n
        # the characters either side of each break
        han_last = map(is_han, self.lasts)
        han_next = self.han_first[1:]
        inside = [  # the blank lines at each break inside a paragraph (None: a break that may be no such)
            gap if last and first and not no_punct and not block_start else None
            for last, first, no_punct, block_start, gap in zip(han_last, han_next, self.no_punct, self.block_start[1:], gaps[1:])
        ]
        cuts = self._cuts
        ends = [bool(g) if t or p else None for t, p, g in zip(self.terminal, self.no_punct, gaps[1:])]
        marks: list[bool] = []
        for lo, hi in zip([0] + cuts, cuts + [n]):
            stretch = [gap for gap in inside[lo : hi - 1] if gap is not None]
            after = [g for g in ends[lo : hi - 1] if g is not None]
            mark = len(stretch) > 0 and 2 * sum(gap > 0 for gap in stretch) < len(stretch)
            if mark and after:  # (a blank line inside a paragraph half as often as after an end or more: a grid's)
                mark = 2 * sum(gap > 0 for gap in stretch) * len(after) < sum(after) * len(stretch)
            marks += [mark] * (hi - lo)
        return marks

    @cached_property
    def _cuts(self) -> list[int]:
        """The lines before which the text may be cut (:meth:`_cut_before`):
        what a page-wide reading is told from stretch by stretch, so a text
        cleaned in pieces reads as it does whole."""
        texts, gaps, boundary = self.texts, self.gaps, self.boundary
        # (a cut is before a boundary or a Latin line after a gap: asked of those only)
        return [k for k in range(1, len(texts)) if (boundary[k] or gaps[k] and texts[k][0].isascii()) and self._cut_before(k)]

    @cached_property
    def _phrase_cut(self) -> list[bool]:
        """For each line, whether its stretch (see :attr:`_cuts`) holds a
        line of sentences that a column cut inside a phrase: it holds
        sentence punctuation, ends in a Han character, letter or digit, and
        the next line goes on with one; or whose lines of sentences differ
        in width. Lines of one width that each end at a mark, titles aside
        (verse: "春风又绿江南岸，" / "明月何时照我还？"), were not cut by a
        column, and stay as they are."""
        texts, no_punct, terminal, widths, measured = self.texts, self.no_punct, self.terminal, self.widths, self.measured
        firsts = [t[0].isalnum() for t in texts[1:]]
        found = [not e and last.isalnum() and first for e, last, first in zip(terminal, self.lasts, firsts)] + [False]
        out: list[bool] = []
        for lo, hi in zip([0] + self._cuts, self._cuts + [len(texts)]):
            # (lines of one width, marks and all, as verse is: a paragraph's last line is shorter)
            even = [widths[k] for k in range(lo, hi) if not no_punct[k]]
            if len(even) < 2 or max(even) - min(even) > 0.5:
                cut = True
            else:  # (a line without punctuation cut so is as wide as the others, no title over them)
                full = max(measured[lo:hi]) - 0.5
                cut = any(f and (not no_punct[k] or measured[k] >= full) for k, f in enumerate(found[lo : hi - 1], lo))
            out += [cut] * (hi - lo)
        return out

    def _stretch(self, i: int) -> tuple[int, int]:
        """The first line of the stretch that holds line ``i`` (see :attr:`_cuts`) and the line after its last."""
        cuts = self._cuts
        k = bisect_right(cuts, i)
        return (cuts[k - 1] if k else 0), (cuts[k] if k < len(cuts) else len(self.texts))

    def _cut_before(self, k: int) -> bool:
        """Whether the text may be cut before line ``k`` (:func:`.boundaries.after_sentences`)."""
        if self.no_punct[k - 1]:
            return False
        line = self.texts[k]
        if line[0].isascii():
            return self.gaps[k] > 0 and after_sentences(self.texts[k - 1], line, self.gaps[k], self.lex)
        return self.boundary[k]

    def _paragraph_indent(self) -> list[float]:
        """How far each line is indented as a paragraph's first line (cells;
        0.0 for the others), on a page whose lines indented with spaces are
        paragraphs' first lines: they follow the end of a sentence
        or block (not spaces an extractor left at random), and most are
        indented by one step, which only lines indented by it count as (not
        titles an extractor centred with spaces). An indented line without
        sentence punctuation that does not fill its line (a title, a credit),
        or one after a line without (a heading: "1 引言" / "　　其测试…"),
        tells neither way. All 0.0 on other pages."""
        indents, terminal, widths = self.indents, self.terminal, self.widths
        none = [0.0] * len(indents)
        indented = [k for k in range(1, len(indents)) if indents[k] >= indents[k - 1] + CJK_INDENT]
        if not indented:
            return none
        # (not a title or credit centred with spaces: a line with punctuation, or as wide with its indent as the line after it)
        told = [k for k in indented if not self.no_punct[k] or self._fills_with_indent(k)]
        after_end = [k for k in told if terminal[k - 1] or self.credit[k - 1] or self.ends_block[k - 1]]
        # against: an indent after a line that goes on and is as wide as the indented line (with its indent or not)
        goes_on = sum(
            not terminal[k - 1] and not self.no_punct[k - 1]
            and widths[k] - 1 <= widths[k - 1] <= widths[k] + (indents[k] - indents[k - 1]) / 2 + 1
            for k in told
        )
        if not after_end or 5 * len(after_end) < 4 * (len(after_end) + goes_on):
            return none
        step = Counter(indents[k] - indents[k - 1] for k in after_end).most_common(1)[0][0]
        margin = min(indents)
        return [step / 2 if indent - margin == step else 0.0 for indent in indents]

    def _indents_lost(self, hung: list[float]) -> list[float]:
        """The widths of the first lines of a page that indents its
        paragraphs' first lines when the extractor printed them without the
        indent: of the first lines after a sentence's end that go on into a
        line that goes on too (neither ends a paragraph), at least
        MIN_INDENTED are an indent narrower than that next line, twice as
        many as are as wide as it after a short line (after a full line
        ending a sentence a paragraph may go on); those are the widths
        (empty on other pages). A paragraph's first line as wide as one of
        them measures with its indent, so a column whose paragraphs are two
        or three lines long measures by its full lines, not by its first
        lines (a caption set wider than the column, its first line after a
        sentence's end too, does not). ``hung``: the lines' widths, a comma
        or stop at their end left out (it may hang past the edge or not:
        either width counts)."""
        terminal, cut, widths = self.terminal, self.cut, self.widths
        lost: set[float] = set()
        indented = even = 0
        for k in range(1, len(widths) - 1):
            if terminal[k - 1] and cut[k] and not terminal[k + 1] and not self.no_punct[k]:
                # the steps from line k to the next, either width of each: a
                # cell apart, so one range (a step within half a cell of it)
                low, high = hung[k + 1] - widths[k] - 0.5, widths[k + 1] - hung[k] + 0.5
                if low <= INDENT <= high:
                    indented += 1
                    lost |= {widths[k], hung[k]}
                elif low <= 0.0 <= high and hung[k - 1] < widths[k + 1] - 1:
                    even += 1  # (after a paragraph's short last line: after a full one it may go on)
        return sorted(lost) if indented >= MIN_INDENTED and indented >= 2 * even else []

    def _lost_width(self, width: float) -> bool:
        """Whether ``width`` is that of a first line whose indent the
        extractor left out (see :meth:`_indents_lost`)."""
        return any(abs(width - f) <= 0.5 for f in self.lost_widths)

    def _fills_with_indent(self, k: int) -> bool:
        """Whether indented line ``k`` is as wide, with its indent, as the
        line after it, which is not indented as far (a paragraph's first line)."""
        indents, widths = self.indents, self.widths
        if k + 1 == len(indents) or indents[k + 1] >= indents[k]:
            return False
        return abs(widths[k] + (indents[k] - indents[k + 1]) / 2 - widths[k + 1]) <= 1

    def _segments(self) -> tuple[list[range], list[bool]]:
        """Split the lines into stretches that can share one column.

        A new stretch starts at a dateline or other block start, around a
        photo credit, at a paragraph's blank line, and around a run of
        unpunctuated lines that follows the end of a sentence (a headline
        run, or a paragraph opening without punctuation), and where the
        paragraphs change their measure (:meth:`_width_changes`). Also
        returns which lines are in such a run.
        """
        no_punct, dateline, terminal = self.no_punct, self.dateline, self.terminal
        boundary, block_start, credit, ends = self.boundary, self.block_start, self.credit, self.ends_block
        n = len(no_punct)
        runs = [False] * n
        for k in compress(range(n), no_punct):  # (only an unpunctuated line is in a run)
            runs[k] = not dateline[k] and (k == 0 or runs[k - 1] or terminal[k - 1] or ends[k - 1] or block_start[k])
        # (the lines a stretch starts at, after the lines one ends after, and where a run starts or ends)
        opens = list(map(or_, map(or_, boundary, block_start), credit))
        cut = map(or_, map(or_, opens[1:], map(or_, credit, ends)), map(ne, runs[1:], runs))
        cuts = [0, *compress(range(1, n), cut), n]
        cuts = sorted(set(cuts).union(self._width_changes()))
        return [range(lo, hi) for lo, hi in zip(cuts, cuts[1:])], runs

    def _width_changes(self) -> list[int]:
        """The first lines of paragraphs set to another measure than the text
        before them (a journal's abstract across the page, its body in
        columns under it): WIDTH_CHANGE_LINES lines going on or more, all
        of one width (a cell apart at most, a comma or stop hanging past the
        edge aside; a line holding half-width letters or digits, which
        measures loosely, to LOOSE_WIDTH), after as many of a width more than
        WIDTH_CHANGE_SHARE of it apart (HANG at least); the
        paragraph starts after a sentence's end or a line shorter than both
        widths by INDENT_SLACK (a label: "关键词：…"), or on the line before,
        a first line an indent short of its own (the extractor left the
        indent out). A line without punctuation (a title) ends a run, and
        runs either side of it are not compared."""
        widths, terminal, no_punct, texts = self.widths, self.terminal, self.no_punct, self.texts
        changes: list[int] = []
        bands: list[tuple[int, float, float] | None] = []  # (first line, narrowest, widest) of each run of lines of one width
        start, low, high, count = 0, 0.0, 0.0, 0
        loose = -1  # a line holding half-width text that fitted no run: it may open the next
        loose_lines = self._half_width_lines()
        for k, (w, t) in enumerate(zip(widths, texts)):
            if terminal[k]:
                continue  # (a paragraph's last line: the next may go on in its width)
            if no_punct[k]:  # (a title between: no run goes past it, nor is compared with the next)
                if count >= WIDTH_CHANGE_LINES:
                    bands.append((start, low, high))
                if bands and bands[-1] is not None:
                    bands.append(None)
                count, loose = 0, -1
                continue
            w = w - 1 if t[-1] in _HANGING else w
            if k in loose_lines:  # (half-width letters and gaps measure loosely: they join a run, never set it)
                if count and low - LOOSE_WIDTH <= w <= high + LOOSE_WIDTH:
                    count += 1
                elif loose < 0 or count:
                    loose = k
                continue
            if count and max(high, w) - min(low, w) <= 1.0:
                low, high, count = min(low, w), max(high, w), count + 1
                continue
            if count >= WIDTH_CHANGE_LINES:
                bands.append((start, low, high))
            start, low, high, count = k, w, w, 1
            if 0 <= loose and abs(widths[loose] - w) <= LOOSE_WIDTH:
                start, count = loose, 2
            loose = -1
        if count >= WIDTH_CHANGE_LINES:
            bands.append((start, low, high))
        for band0, band1 in zip(bands, bands[1:]):
            if band0 is None or band1 is None:
                continue
            (_, low0, high0), (k, low1, high1) = band0, band1
            apart = max(HANG, WIDTH_CHANGE_SHARE * max(high0, high1))
            if low1 <= high0 + apart and high1 >= low0 - apart or k == 0:
                continue
            before = widths[k - 1]
            if terminal[k - 1] or before < min(low0, low1) - INDENT_SLACK:
                changes.append(k)
            elif k > 1 and terminal[k - 2] and abs(before - (low1 - INDENT)) <= 1.0:
                changes.append(k - 1)
        return changes

    def _half_width_lines(self) -> set[int]:
        """The lines holding half-width text or a space (one scan of the page)."""
        starts, ends, lines = self.starts, self.ends, set()
        for m in _HALF_WIDTH.finditer(self.page):
            k = bisect_left(ends, m.start())  # (the line the run stands on, or the next after its end)
            if k < len(ends) and m.end() > starts[k] and m.start() < ends[k]:
                lines.add(k)
        return lines

    def _measure_after_datelines(self, measured: list[float], continuing: list[bool]) -> None:
        """A dateline alone and the line after it are two printed lines, or the
        two pieces of one that an extractor broke at the gap after the
        dateline: what the next full line's width says (the next paragraph's,
        when the dateline's paragraph ends on the line after). Two printed lines
        measure as they are; the pieces measure as their line (dateline, gap,
        rest: a cell's gap, or up to two more that justifying the line
        spread over it); when the next line does not tell, the dateline does
        not."""
        alone, terminal, block_start = self.dateline_alone, self.terminal, self.block_start
        n = len(measured)
        for k in range(1, n - 1):
            if not alone[k - 1] or block_start[k]:
                continue
            # the next line that goes on, in the dateline's article (after a
            # short paragraph's last line, the next paragraph's: "…一行。" /
            # "约翰松一行…"; not a title's, without punctuation)
            j = k + 1
            while j < min(n, k + 1 + DATELINE_REACH_LINES) and terminal[j] and not block_start[j]:
                j += 1
            if j == n or block_start[j] or j > k + 1 and self.no_punct[j]:
                # (a short item: the line before the dateline's title that goes on, in
                # the article before, tells whether the dateline and the rest fill it)
                j = next((j for j in range(k - 2, max(-1, k - 2 - DATELINE_BACK_LINES), -1) if self._goes_on(j)), -1)
                if j >= 0 and -DATELINE_GAP_SPREAD <= self._opened_width(k, measured[k]) - measured[j] <= 1:
                    measured[k] = self._opened_width(k, measured[k])
                continuing[k - 1] = False
                continue
            nxt = measured[j]
            if abs(measured[k] - nxt) <= 1:
                continuing[k - 1] = abs(measured[k - 1] - nxt) <= 1
                continue
            if -DATELINE_GAP_SPREAD <= self._opened_width(k, measured[k]) - nxt <= 1:
                measured[k] = self._opened_width(k, measured[k])
            continuing[k - 1] = False

    def _goes_on(self, k: int) -> bool:
        """Whether line ``k`` is a line of text that goes on (sentence
        punctuation in it, no sentence's end last, no block start)."""
        return not (self.terminal[k] or self.no_punct[k] or self.block_start[k] or self.credit[k])

    def _opened_width(self, k: int, width: float) -> float:
        """The width of the printed line that the dateline alone before line
        ``k`` opened, ``width`` being line ``k``'s: dateline, its gap, rest."""
        return self.widths[k - 1] + 1 + width

    def _inside_sentence(self, k: int) -> bool:
        """Whether line ``k`` follows a line cut in the middle of a sentence
        (sentence punctuation in it, a Han character or a comma at its end):
        a parenthesis there is the sentence's ("…打斗的场景" / "（学校某处图书室）"),
        no sign-off (a photo's credit, "（…摄）", stays one)."""
        if k == 0 or self.no_punct[k - 1] or self.terminal[k - 1]:
            return False
        return _plain_last(self.texts[k - 1][-1])

    def _after_dateline(self, k: int) -> bool:
        """Whether line ``k`` follows the end of a dateline ("…１月１日电"),
        printed on one line or wrapped over two."""
        if k == 0 or self.texts[k - 1][-1] not in "讯电":
            return False
        return self.dateline[k - 1] or k >= 2 and self.dateline[k - 2]

    def _column_widths(self) -> list[float | None]:
        """Each line's column width: the median of the continuing lines of its
        stretch; for a stretch with none, of the lines around it, or else the
        column of the line before. A comma or stop hanging past the edge does
        not count. Unpunctuated lines after a sentence's end may be headlines
        and are left out, unless a first measure shows them full. A stretch
        whose continuing lines spread far from one width has none (None).
        """
        stretches, runs = self._segments()
        self.runs = runs
        self.indent_lost = [False] * len(self.widths)  # first lines measured with the indent the extractor left out
        self.lost_widths: list[float] = []  # (see _indents_lost)
        if self.unwrapped:
            self.measured = self.widths
            return [None] * len(self.widths)
        # a closing comma or stop may hang past the edge: it does not measure
        measured = [w - 1 if last in _HANGING else w for w, last in zip(self.widths, self.lasts)]
        measured = self._unsqueezed(measured)
        if self.indent_breaks:  # a paragraph's first line measures with its indent
            measured = list(map(add, measured, self.first_indent))
        elif lost := self._indents_lost(measured):  # ... also one the extractor printed without it
            self.lost_widths = lost
            self.indent_lost = [
                k > 0 and self.terminal[k - 1] and self._lost_width(m) for k, m in enumerate(measured)
            ]
            measured = [m + INDENT if f else m for m, f in zip(measured, self.indent_lost)]
        self.measured = measured
        # a line that continues a sentence measures the column; a byline (a
        # dateline's words and a name: "本报记者许立群") is a block of its own
        continuing = [
            not (e or c or b) and w <= MAX_COLUMN for e, c, b, w in zip(self.terminal, self.credit, self.byline, self.widths)
        ]
        self._measure_after_datelines(measured, continuing)
        first = self._measure([c and not r for c, r in zip(continuing, runs)], measured, stretches)
        full_runs = [
            c and r and f is not None and f - 1 <= m <= f + HANG
            for c, r, f, m in zip(continuing, runs, first.columns, measured)
        ]
        if not any(full_runs):
            return self._page_column(first.columns, stretches)
        more = [c and (not r or f) for c, r, f in zip(continuing, runs, full_runs)]
        return self._page_column(self._measure(more, measured, stretches, first).columns, stretches)

    def _page_column(self, columns: list[float | None], stretches: list[range]) -> list[float | None]:
        """``columns``, where a stretch measured none (an article of two or
        three lines between datelines, which no window crosses) and the
        page has one column (PAGE_COLUMN_SHARE of the lines measured, and
        PAGE_COLUMN_LINES of them at least), with that column when the
        stretch's lines fit it: none wider past HANG, and half its lines
        going on as wide (a cell and a half short of it at most), or, with
        none going on, one a cell short of it at most ("林散之是当代杰出书
        法大师，…盛誉。" / "为出版林散之先生书法集，…全书精选了林"). Lines
        of verse or a list, of other widths, keep none."""
        unmeasured = [s for s in stretches if not any(columns[s.start : s.stop])]
        if not unmeasured:
            return columns
        known = [c for c in columns if c is not None]
        if len(known) < PAGE_COLUMN_LINES:
            return columns
        column, n = Counter(known).most_common(1)[0]
        if n < PAGE_COLUMN_SHARE * len(known):
            return columns
        measured, runs, terminal = self.measured, self.runs, self.terminal
        for stretch in unmeasured:
            widths = [measured[k] for k in stretch if not runs[k]]
            going = [measured[k] for k in stretch if not (runs[k] or terminal[k])]
            if not widths or max(widths) > column + HANG:
                continue
            if (
                2 * sum(column - 1.5 <= w <= column + 1 for w in going) >= len(going)
                if going
                else max(widths) >= column - 1
            ):
                columns[stretch.start : stretch.stop] = [column] * len(stretch)
        return columns

    def _unsqueezed(self, measured: list[float]) -> list[float]:
        """``measured``, on a page whose typesetter compressed marks to fit
        its lines (标点挤压 in every line, as xeCJK, InDesign and 方正 do),
        less what its marks gained each line: of two lines in a row inside a
        paragraph, one with sentence punctuation and one without any mark (both of CJK characters
        only, each ending in a Han character: whether a mark hangs at a
        line's end, or how wide a half-width run prints, is the typesetter's
        choice too), the one with marks is SQUEEZE_SHIFT cells wider or more
        (the median of MIN_SQUEEZE_LINES such pairs at least, SQUEEZED_SHARE
        of them wider, where a typesetter that compresses nothing sets them
        of one width); each line with marks then measures that much
        narrower, SQUEEZE a mark at most. Read stretch by stretch (see
        :attr:`_cuts`), so a text cleaned in pieces reads as it does whole."""
        texts, lasts, terminal, runs, no_punct = self.texts, self.lasts, self.terminal, self.runs, self.no_punct
        shifts: dict[tuple[int, int], list[float]] = {}  # stretch (see _stretch_of) -> its pairs' shifts
        # (the pairs of a line with sentence punctuation and one without, found in C; then the rest of the test)
        for k in compress(range(len(texts) - 1), map(ne, no_punct, no_punct[1:])):
            j = k + 1
            if (
                terminal[k] or terminal[j] or runs[k] or runs[j] or self.block_start[j]
                or not is_han(lasts[k]) or not is_han(lasts[j])
                or abs(measured[k] - measured[j]) > MAX_SQUEEZE_SHIFT
                or _ASCII.search(texts[k]) is not None or _ASCII.search(texts[j]) is not None
                or _MARK.search(texts[k] if no_punct[k] else texts[j]) is not None  # (the plain line holds no mark at all)
            ):
                continue
            stretch = self._stretch_of(k)
            if j < stretch[1]:  # (both lines in one stretch: a text cleaned in pieces reads as whole)
                shifts.setdefault(stretch, []).append(measured[j] - measured[k] if no_punct[k] else measured[k] - measured[j])
        squeezed = measured
        for stretch, found in shifts.items():
            if len(found) < MIN_SQUEEZE_LINES or sum(x >= SQUEEZE for x in found) < SQUEEZED_SHARE * len(found):
                continue
            shift = sorted(found)[(len(found) - 1) // 2]
            if not SQUEEZE_SHIFT <= shift <= MAX_SQUEEZE_SHIFT:
                continue
            if squeezed is measured:
                squeezed = measured.copy()
            for k in range(*stretch):
                text = texts[k]
                squeezed[k] -= min(SQUEEZE * len(_MARK.findall(text, 0, len(text) - (text[-1] in _HANGING))), shift)
        return squeezed

    @cached_property
    def unwrapped(self) -> bool:
        """Whether the page is text already one paragraph a line (see MIN_UNWRAPPED_SHARE)."""
        limit = MAX_COLUMN + HANG
        if not self.widths or max(self.widths) <= limit:
            return False
        return sum(filter(limit.__lt__, self.widths)) >= MIN_UNWRAPPED_SHARE * sum(self.widths)  # (those wider than the limit)

    def _list_end(self, k: int) -> bool:
        """Whether line ``k`` ends as a list's item does (see _LIST_MARKS)."""
        return self.texts[k].rstrip(CLOSING_MARKS)[-1:] in _LIST_MARKS

    def _not_column(
        self, widths: list[float], column: float, around: range, candidates: list[bool], cuts: int
    ) -> bool:
        """Whether a stretch is not column text although it has a median width:
        its continuing lines spread far from it (one paragraph a line, verse,
        a list), or, when few of them (``cuts``) are cut mid-sentence, few are
        exactly as wide (verse); or it has too few to tell, and the lines
        ``around`` it show no column of that width either (two short lines of
        one width are a coincidence, not a column). Stubs (continuing lines
        under STUB_SHARE of the column: a title or a label between blocks)
        do not count."""
        widths = _unstubbed(widths, column)
        if len(widths) >= MIN_SPREAD_LINES:
            full = _count_within(widths, column - _slack(column), column + 1)  # a full line's widths
            if full < MIN_FULL_SHARE * len(widths):
                return True
            return (
                len(widths) >= MIN_VERSE_LINES
                and cuts < MIN_FULL_SHARE * len(widths)
                and _count_within(widths, column - 0.5, column + 0.5) < MIN_EXACT_SHARE * len(widths)  # few exact
            )
        lo, hi = max(0, around.start - SUPPORT_WINDOW), min(len(self.texts), around.stop + SUPPORT_WINDOW)
        narrowest, widest = column - 1, column + 1  # the widths that support the column
        support = 0
        for candidate, width, cut in zip(candidates[lo:hi], self.measured[lo:hi], self.cut[lo:hi]):
            if candidate and narrowest <= width <= widest:
                support += MIN_SUPPORT if cut else 1
                if support >= MIN_SUPPORT:
                    return False
        return True

    def _titles_across(self, part: range, limit: float) -> list[int]:
        """The lines of ``part`` (a paragraph of a stretch) that are titles
        set across the columns: wider than the column (``limit``) the rest of
        the part is set in, which no column line can be, at the part's start
        or without punctuation ("总供给能力明显增强，总需求积极盘整" over a
        column of 8 cells)."""
        measured, runs = self.measured, self.runs
        wide = [k for k in part if measured[k] > limit and not runs[k]]
        if not wide or len(part) - len(wide) < 2:
            return []
        titles = [k for k in wide if (k == part.start or self.no_punct[k]) and not self.terminal[k]]
        return titles if len(titles) == len(wide) else []

    def _wide_head(self, part: range, limit: float) -> list[range]:
        """``part`` cut after its first lines when they are its only lines
        wider than ``limit`` (a caption set wider that runs into the
        paragraph after it, no sentence's end between), else ``part``."""
        measured, runs = self.measured, self.runs
        head = part.start
        while head < part.stop and measured[head] > limit and not runs[head]:
            head += 1
        if head == part.start or part.stop - head < 2:
            return [part]
        if any(measured[k] > limit and not runs[k] for k in range(head, part.stop)):
            return [part]
        return [range(part.start, head), range(head, part.stop)]

    @staticmethod
    def _set_apart(part: range, titles: set[int]) -> list[range]:
        """``part`` cut before and after each line of ``titles``."""
        inside = [k for k in titles if k in part]
        cuts = sorted({part.start, part.stop, *inside, *(k + 1 for k in inside)})
        return [range(lo, hi) for lo, hi in zip(cuts, cuts[1:])]

    def _paragraphs(self, stretch: range) -> list[range]:
        """``stretch`` cut after each line that ends a sentence."""
        cuts = [stretch.start] + [k + 1 for k in stretch[:-1] if self.terminal[k]] + [stretch.stop]
        return [range(lo, hi) for lo, hi in zip(cuts, cuts[1:])]

    def _own_column(
        self, lines: list[int], candidates: list[bool], around: range,
        members: list[int] | None = None, column: float | None = None,
    ) -> float | None:
        """The column the continuing ``lines`` (of one stretch, or of its
        paragraphs set apart) share, or None: none to measure, a line wider
        than it, or widths too spread (see :meth:`_not_column`). A caller
        that has them gives the continuing lines (``members``) and, for two
        or more, the ``column`` they show (:func:`_column_of`)."""
        measured = self.measured
        if members is None:
            members = [k for k in lines if candidates[k]]
        widths = [measured[k] for k in members]
        if not widths:
            return None
        if len(widths) == 1:  # one line alone may not hang its comma: its column is at least its whole width
            column = max(self.widths[members[0]], measured[members[0]])  # (and its indent)
        elif column is None:
            column = _column_of(widths)
        if not any(map(self.han.__getitem__, lines)):
            return column
        if column < MIN_COLUMN:
            return None
        limit, runs, over = column + HANG, self.runs, self._over
        if max(map(self.measured.__getitem__, lines)) > limit and any(not runs[k] and over(k, limit) for k in lines):
            return None
        if len(members) > 1 and self._list_end(members[0]) and all(map(self._list_end, members)):
            return None  # list items, each ending in "；" or "："
        cuts = sum(map(self.cut.__getitem__, members))
        if not self._not_column(widths, column, around, candidates, cuts):
            return column
        # too few lines to tell a column by their spread, and their median is
        # no line's width: the widest is the column when the others are full
        # lines of it (kinsoku pushed characters down, half-width digits), it is
        # cut in the middle of a word after sentence punctuation (no text one
        # paragraph a line shows that) and the lines around do not say otherwise
        widest = max(widths)
        if len(widths) < MIN_SPREAD_LINES and widest != column and min(widths) >= widest - _slack(widest):
            k = members[widths.index(widest)]
            if self.cut[k] and self.texts[k][-1].isalnum() and not self._not_column(widths, widest, around, candidates, cuts):
                return widest
        return None

    def _measure_set_apart(self, stretch: range, limit: float, candidates: list[bool], columns: list[float | None]) -> bool:
        """Measure the paragraphs of ``stretch`` set wider than its column
        (``limit``: a caption across columns) each on its own, and the rest
        together, into ``columns``; False if none is so set apart."""
        measured = self.measured
        parts = self._paragraphs(stretch)
        titles = {k for part in parts for k in self._titles_across(part, limit)}
        parts = [piece for part in parts for piece in self._set_apart(part, titles)]
        parts = [piece for part in parts for piece in self._wide_head(part, limit)]
        wide = [part for part in parts if any(measured[k] > limit and not self.runs[k] for k in part)]
        if not (wide and len(parts) > 1 and any(self.han[k] for k in stretch)):
            return False
        set_apart = {part.start for part in wide}
        rest = [k for part in parts if part.start not in set_apart for k in part]
        groups = [list(part) for part in wide if part.start not in titles] + ([rest] if rest else [])
        for group in groups:
            own = [k for k in group if candidates[k]]
            if len(own) > 1 or own and self.cut[own[0]]:
                column = self._own_column(group, candidates, stretch)
                for k in group:
                    columns[k] = column
        return True

    def _measure(
        self, candidates: list[bool], measured: list[float], stretches: list[range], before: _Measure | None = None
    ) -> _Measure:
        """Each line's column (see :meth:`_column_widths`), measured on the
        ``candidates`` lines. ``before``: a first measure (with fewer
        candidates), whose columns a stretch keeps when no line within its
        reach there measures differently now, and it did not take the column
        of the line before it (or that one kept its column)."""
        columns: list[float | None] = [None] * len(measured)
        reaches: list[int] = []
        if not any(candidates):
            return _Measure(candidates, columns, [])  # (no line to measure: no window shows a column either)
        changed: list[int] = []  # the lines that measure now and did not before
        if before is not None:
            changed = [k for k, (was, now) in enumerate(zip(before.candidates, candidates)) if was != now]
        column: float | None
        for s, stretch in enumerate(stretches):
            if before is not None and before.reaches:
                reach = before.reaches[s]
                k = bisect_left(changed, stretch.start - reach)
                if (k == len(changed) or changed[k] >= stretch.stop + reach) and (
                    not reach or not stretch.start or columns[stretch.start - 1] == before.columns[stretch.start - 1]
                ):
                    columns[stretch.start : stretch.stop] = before.columns[stretch.start : stretch.stop]
                    reaches.append(reach)
                    continue
            reaches.append(SUPPORT_WINDOW)  # (unless measured on its own lines alone, below)
            members = list(compress(stretch, candidates[stretch.start : stretch.stop]))
            widths = list(map(measured.__getitem__, members))
            # one measurable line measures its stretch when it is cut mid-sentence and its
            # neighbours show no one column (else they measure it, below)
            if widths and (
                len(widths) > 1
                or len(stretch) == 1
                or self.cut[members[0]] and self._window_column(members[0], candidates) is None
            ):
                column = _column_of(widths)
                limit = column + HANG
                wider = max(measured[stretch.start : stretch.stop]) > limit and any(map(self._over, stretch, repeat(limit)))
                if wider and self._measure_set_apart(stretch, limit, candidates, columns):
                    continue
                own = self._own_column(list(stretch), candidates, stretch, members, column)
                if own is not None or len(widths) > 1 and not self._too_few_to_tell(members, candidates):
                    columns[stretch.start : stretch.stop] = [own] * len(stretch)
                    if len(_unstubbed(widths, column)) >= MIN_SPREAD_LINES:
                        reaches[-1] = 0  # (enough lines to tell a column: no line around was read)
                    continue
            for i in stretch:
                column = self._window_column(i, candidates)
                if column is not None:
                    columns[i] = column
                elif i and not self.boundary[i] and not self._near(i, candidates)[0]:
                    columns[i] = columns[i - 1]  # the column does not change mid-article
        return _Measure(candidates, columns, reaches)

    def _too_few_to_tell(self, members: list[int], candidates: list[bool]) -> bool:
        """Whether the continuing lines ``members`` of a stretch, which show
        no column of their own, are too few to say it has none: fewer than
        MIN_SPREAD_LINES lines of sentences ("…农业产业化经营健康" /
        "发展，需要做到三个“最大化”：" under a title) among at least as
        many lines around, which then measure each (not a name under a line:
        "诺罗敦·西哈努克"; not list items, each ending in "；")."""
        return (
            len(members) < MIN_SPREAD_LINES
            and not any(map(self.no_punct.__getitem__, members))
            and not all(map(self._list_end, members))
            and len(self._near(members[0], candidates)[0]) >= MIN_SPREAD_LINES
        )

    @cached_property
    def _hard(self) -> list[int]:
        """The lines that are hard boundaries, in order."""
        return list(compress(range(len(self.boundary)), self.boundary))

    def _window(self, i: int) -> range:
        """The lines within WINDOW lines of ``i``, never across a hard boundary:
        from the last one at or before ``i``, up to the first after it."""
        first, last = max(0, i - WINDOW), min(len(self.measured), i + WINDOW + 1)
        hard = self._hard
        k = bisect_right(hard, i)  # hard[k - 1] <= i < hard[k]
        if k:
            first = max(first, hard[k - 1])
        if k < len(hard):
            last = min(last, hard[k])
        return range(first, last)

    def _near(self, i: int, candidates: list[bool], window: range | None = None) -> tuple[list[float], int]:
        """The widths of the continuing lines in line ``i``'s window, and how
        many of them are cut mid-sentence."""
        if window is None:
            window = self._window(i)
        first, last = window.start, window.stop
        return list(compress(self.measured[first:last], candidates[first:last])), sum(
            compress(self.cut[first:last], candidates[first:last])
        )

    def _window_column(self, i: int, candidates: list[bool]) -> float | None:
        """Line ``i``'s column measured on the lines around it (see :meth:`_near`),
        or None: none to measure, widths that show no column, or two lines
        there wider than it, or one wider than any column (paragraphs of
        every width, not column text)."""
        window = self._window(i)
        near, cuts = self._near(i, candidates, window)
        if not near:
            return None
        column = _column_of(near)
        if not self.han[i]:
            return column
        if column < MIN_COLUMN:
            return None
        limit, widths = column + HANG, self.measured[window.start : window.stop]
        if max(widths) > limit:
            wide = [w for k in window if not self.runs[k] and self.measured[k] > limit and (w := self._reach(k)) > limit]
            if len(wide) >= 2 or wide and max(wide) > MAX_COLUMN + HANG:
                return None
        return None if self._not_column(near, column, range(i, i + 1), candidates, cuts) else column

    def _over(self, k: int, limit: float) -> bool:
        """Whether line ``k`` is wider than ``limit``, measured as
        :meth:`_reach` says (asked of a line measured wider only)."""
        return self.measured[k] > limit and self._reach(k) > limit

    def _reach(self, k: int) -> float:
        """How narrow line ``k`` may print: its measure, less half a cell for
        each mark after a run's first where the typesetter compresses runs of
        marks ("》、《": 标点挤压, see SQUEEZE), and on a line of body text
        (going on or ending a sentence) NARROW_MARK for each curly quote
        or middle dot, which a font may set as Latin punctuation."""
        runs = _SQUEEZED.findall(self.texts[k])
        reach = self.measured[k] - SQUEEZE * sum(len(run) - 1 for run in runs) if runs else self.measured[k]
        if self.cut[k] or self.terminal[k]:  # (a title's measure stays: set across the columns, it is wider)
            reach -= NARROW_MARK * len(_NARROW_MARKS.findall(self.texts[k]))
        return reach

    def first(self, i: int) -> bool:
        """Whether line ``i`` may be a paragraph's (indented) first line."""
        return i == 0 or self.terminal[i - 1] or self.block_start[i] or self.headline[i - 1] or self._heading(i - 1)

    def _heading(self, k: int) -> bool:
        """Whether line ``k`` is a numbered heading ("一、引言", "（二）研究方法"):
        a block start whose text past its number holds no sentence
        punctuation. The line after it opens a paragraph."""
        text = self.texts[k]
        if not self.block_start[k] or text[0] not in _ITEM_FIRST or self.dateline[k]:
            return False
        rest = _past_item(text)
        return rest is not text and bool(rest) and not has_sentence_punct(rest)

    def short(self, i: int) -> bool:
        """Clearly shorter than the column (so it cannot continue), also
        counting what kinsoku moved down to the next line (a line never
        starts with closing punctuation: "困" / "难……”"). After a dateline
        alone, the rest of its printed line measures with it; a line cut
        inside a sentence measures its letters and digits as a PDF's font
        may set them, wider (LOOSE_LETTER)."""
        column = self.columns[i]
        if column is None:
            return False
        first = self.first(i)
        if first and self.no_punct[i] and self._subhead_measure(i, column):
            room = column - 1
        else:
            room = column - _slack(column, first)
        width = self.printed_width(i, column)
        if width != self.widths[i] and self.no_punct[i] and is_han(self.texts[i][-1]) and _HAN_GAP.search(self.texts[i]) is None:
            # words a bold run or a number's span split off ("记者王霞光", "一幢26层的"): how wide the
            # gap was justified is unknown (not where the line prints its gaps: "第5章 总结与展望")
            return False
        if self.dateline[i] and _GAP_AFTER_DATELINE.search(self.texts[i], 0, _DATELINE_REACH) is not None:
            width += DATELINE_GAP_SPREAD  # (the gap after the dateline, which justifying may have widened, is one space)
        if width < room and self.cut[i]:  # (the letters of a line going on may print wider: LOOSE_LETTER)
            width += min(LOOSE_WIDTH, LOOSE_LETTER * len(_LETTER_OR_DIGIT.findall(self.texts[i])))
        return width < room and not self.kinsoku_moved(i, column)

    def _subhead_measure(self, i: int, column: float) -> bool:
        """Whether first line ``i`` without punctuation measures as exactly
        as it is printed: on a page whose first lines fill their column, a
        line of CJK characters (no half-width letters or gaps) in the column
        of the line after it. A cell short of it is short: a subhead."""
        return (
            self.first_lines_full
            and i + 1 < len(self.texts)
            and column == self.columns[i + 1]
            and _ALL_WIDE.fullmatch(self.texts[i]) is not None
        )

    def printed_width(self, i: int, column: float) -> float:
        """The width of the printed line that line ``i`` ends: after a
        dateline alone, the rest of a printed line the dateline opened (an
        extractor broke it at the gap after the dateline) measures with it,
        and the gap, when the three fit the ``column`` (the gap as wide as
        justifying the line may have made it: DATELINE_GAP_SPREAD)."""
        width = self.widths[i]
        if i and self.dateline_alone[i - 1] and not self.block_start[i]:
            opened = self._opened_width(i, width)
            return min(column, opened + DATELINE_GAP_SPREAD) if opened <= column + 1 else width
        return width + self.first_indent[i] + self._lost_gaps(i)  # (a paragraph's indent counts: "　　" is two cells)

    def _lost_gaps(self, i: int) -> float:
        """The width of the gaps before the half-width numbers and words of
        line ``i`` that the extractor did not print, on a page where it
        printed only those after them: a typesetter sets a gap on both sides
        of a number among CJK characters, and PyMuPDF prints only the one
        after it ("2010 年1 月12 日"); GAP each, as if printed."""
        return GAP * len(_NO_GAP_BEFORE_NUMBER.findall(self.texts[i])) if self._gaps_before_lost else 0.0

    @cached_property
    def _gaps_before_lost(self) -> bool:
        """Whether the page's extractor left out the gaps before numbers: it
        printed MIN_GAPS_PRINTED gaps after them and none before. (Gaps
        before numbers only, "6月 22日", are a page's own: the seed pages
        print them so, and a line measures as printed.)"""
        spaced = [t for t in self.texts if " " in t]
        before = sum(len(_GAP_BEFORE_NUMBER.findall(t)) for t in spaced)
        return before == 0 and sum(len(_GAP_AFTER_NUMBER.findall(t)) for t in spaced) >= MIN_GAPS_PRINTED

    def kinsoku_moved(self, i: int, column: float) -> bool:
        """Whether the next line opens with what kinsoku moved down from line
        ``i``: one or two characters and the closing marks that may not start
        a line ("政府" / "的。”"), which bring the line to its column's width."""
        moved = _KINSOKU_MOVED.match(self.texts[i + 1]) if i + 1 < len(self.texts) else None
        return moved is not None and column - 1 <= self.widths[i] + display_width(moved.group()) <= column + 1

    def wrapped_title(self, i: int) -> bool:
        """Whether headline line ``i`` and the next are pieces of one title
        wrapped in its own (narrower, larger-type) column: the line leaves a
        bracket or quote open, or the next line is a single character (no
        title or byline is one; not the first of a letter-spaced title's
        characters, one a line, after a block of its own), or, on a page of
        column text, they are lines of one width (see :meth:`_title_lines`).
        On a page that is not column
        text, titles of one width in a row are a coincidence and stay apart;
        names typed apart are no title's rest, nor is what opens with a
        bracket under them (their affiliation).
        """
        if not (self.headline[i] and self.headline[i + 1]) or self.paired[i] or self.paired[i + 1] or self.unwrapped:
            return False
        if _NAMES_LINE.fullmatch(self.texts[i + 1]) is not None:
            return False  # (names typed apart under a title: its authors, "王家秀 罗彬 程江")
        if self.texts[i + 1][0] in OPENING and _NAMES_LINE.fullmatch(self.texts[i]) is not None:
            return False  # (... and their affiliation in brackets under them: "（中山大学经济学院）")
        if self._name_before_brackets(i + 1):
            return False  # (a speaker's or writer's name before the date or affiliation: "卢斌" / "（2017年5月7日）")
        opened = "".join(self.texts[max(self.block, i - TITLE_PIECES) : i + 1])  # the title so far
        alone = len(self.texts[i + 1]) == 1 and self.han[i + 1] and not self.listed[i + 1]
        # (not the first of a letter-spaced title's characters, one a line, unless a label's colon goes before)
        if leaves_open(opened) or alone and (self._single_runs[i + 1] < MIN_SPACED_HAN or self.texts[i][-1] in "：:"):
            return True
        if self._signed_in_brackets(i + 1):
            return False  # (its writer's name or its date in brackets under a title: "（徐鹏飞）", "（一九九八年一月一日）")
        if self._caption_wrapped(i) or self._byline_wrapped(i) or self._cut_at_column(i):
            return True
        if self._wrapped_near(i):
            lines = self._title_lines(i)
            if lines is not None and i + 1 in lines or self._title_fills_line(i):
                return True
        return self._told_on_the_page(i)  # (the dearest test last)

    def _cut_at_column(self, i: int) -> bool:
        """Whether headline line ``i``, unpunctuated, and the next are as wide
        as its column both (half a cell apart at most): a title, or a paragraph
        opening without punctuation, that the column cut ("月球勘探者最后一" /
        "刻雷达故障延缓一" / "天出使蟾宫" in a column of 8), not two titles
        (one of a column's width is rare, two in a row rarer), unless the next
        opens a block of its own (a dateline, an item after a bullet, a
        subtitle after a dash) or either is a table's row of figures or
        holds items typed apart; every line of the block before them as
        wide. After two such lines, the next may be narrower: the title's
        last piece ("…创２９" / "项世界纪录")."""
        column, widths, texts = self.columns[i], self.widths, self.texts
        return (
            column is not None
            and self.no_punct[i]
            and texts[i][-1] not in CLOSING_MARKS  # (a note closes its line: "…的英雄（摘译）" / "诺罗敦·西哈努克")
            and column - 0.5 <= widths[i] <= column + 1  # (as wide as the column, a mark hanging at most)
            and not (_typed_space(texts[i]) or _typed_space(texts[i + 1]))  # (items or names typed apart)
            # (every line of the block so far as wide: not the rest of a title of pieces, "嘉峪关市政协" /
            # "召开党组理论学习中心组（扩大）会议", over a paragraph's line)
            and all(abs(widths[k] - widths[i]) <= 0.5 for k in range(self.block, i))
            # (the next as wide, or narrower after two such lines: the title's last piece)
            and (abs(widths[i] - widths[i + 1]) <= 0.5 or i > self.block and widths[i + 1] < widths[i])
            and not (self.block_start[i + 1] or self.byline[i + 1])  # (a dateline and a bullet start blocks)
            and texts[i + 1][0] not in _LEAD_MARKS and texts[i + 1][0] != "—"
            and not (_figures(texts[i]) or _figures(texts[i + 1]))  # (a table's rows)
        )

    def _name_rest(self, i: int) -> bool:
        """Whether the line after title line ``i`` is rather its writer's
        name than its rest: MAX_NAME_REST characters, a surname first
        ("周德武"; of two, a title's rest is as often: "…高等级公路" / "项目"),
        and the page does not write words across the break
        (:meth:`_told_on_the_page`)."""
        rest = self.texts[i + 1]
        return len(rest) == MAX_NAME_REST and self.lex.name_alone(rest, MAX_NAME_REST) and not self._told_on_the_page(i)

    def _signed_in_brackets(self, k: int) -> bool:
        """Whether line ``k`` is only a name (a surname first) or a date in
        brackets: a title's writer or date, not its rest ("（新闻随笔）",
        "（附图片１张）")."""
        text = self.texts[k]
        if text[0] not in "（(" or text[-1] not in "）)":
            return False
        inside = text[1:-1]
        return _DATE.fullmatch(inside) is not None or self.lex.name_alone(inside, BYLINE_NAME)

    def _name_before_brackets(self, k: int) -> bool:
        """Whether line ``k`` is one name alone (a surname first, BYLINE_NAME
        characters at most) and the line after it opens with a bracket: a
        byline over the writer's affiliation or the speech's date."""
        texts = self.texts
        return k + 1 < len(texts) and texts[k + 1][0] in "（(" and self.lex.name_alone(texts[k], BYLINE_NAME)

    def _told_on_the_page(self, i: int) -> bool:
        """Whether the words of title line ``i`` run on into the next line's
        as the page's other text writes them: a run of SPANNED_WORDS
        characters across the break, TITLE_SPAN_MIN or more either side of
        it, stands in another line's text ("推进农业科技革" / "命要重实践求实效":
        "科技革命" in the article); or the characters either side of the
        break stand together elsewhere MIN_PAIRS times or more, and as often
        as PAIR_SHARE of the times the rarer of them stands at least (a word:
        "社会各界踊" / "跃捐赠" over text that says 踊跃 twice). A title and
        its subtitle apart share no such run or word by chance; nor does a
        number's unit with the words after it ("１月７日" / "国务院…"). The
        page's other text is that of the stretch the lines stand in (see
        :attr:`_cuts`), so a text cleaned in pieces reads as it does whole,
        TITLE_WORDS_REACH characters either side at most."""
        texts = self.texts
        before, after = texts[i], texts[i + 1]
        if not (is_han(before[-1]) and is_han(after[0])) or before[-2:-1].isdigit():
            return False
        if _GAPS.search(before + after) is not None or _LABEL.fullmatch(after) is not None:
            return False  # (a table's rows hold typed gaps, so do a headline's two phrases; a form's field opens with its label)
        joined, (start, stop) = self._joined_text
        # (the text of the stretch the lines stand in: a text cleaned in pieces reads as it does whole)
        first, last = self._stretch_of(i)
        lo, hi = max(start[first], start[i] - TITLE_WORDS_REACH), min(stop[last - 1], stop[i + 1] + TITLE_WORDS_REACH)
        for take in range(TITLE_SPAN_MIN, SPANNED_WORDS - TITLE_SPAN_MIN + 1):
            run = before[-take:] + after[: SPANNED_WORDS - take]
            if len(run) < SPANNED_WORDS or not all(map(is_han, run)) or before[-take - 1 : -take].isdigit():
                continue
            at = joined.find(run, lo, hi)
            while at >= 0:
                # (not these lines, nor the same two lines again: a table's rows, a running head)
                if not start[i] <= at < stop[i + 1] and not self._same_lines(at + take, before, after):
                    return True
                at = joined.find(run, at + 1, hi)
        # (the pair inside a line, the lines joined with "\n" (line k starts at start[k] + k):
        # not the same break again, a stanza or a form repeated)
        lines = self._lines_text
        above = (start[max(first, i - TITLE_WORDS_LINES)] + max(first, i - TITLE_WORDS_LINES), start[i] + i)
        below = (stop[i + 1] + i + 2, stop[min(last, i + 2 + TITLE_WORDS_LINES) - 1] + min(last, i + 2 + TITLE_WORDS_LINES) - 1)

        def count(sub: str) -> int:
            return lines.count(sub, *above) + (lines.count(sub, *below) if below[0] < below[1] else 0)

        pairs = count(before[-1] + after[0])
        return pairs >= MIN_PAIRS and pairs >= PAIR_SHARE * min(count(before[-1]), count(after[0]))

    @cached_property
    def _joined_text(self) -> tuple[str, tuple[list[int], list[int]]]:
        """The page's lines joined with nothing between them, and where each
        starts and stops in it."""
        lengths = list(map(len, self.texts))
        stops = list(accumulate(lengths))
        return "".join(self.texts), ([s - n for s, n in zip(stops, lengths)], stops)

    @cached_property
    def _lines_text(self) -> str:
        """The page's lines joined with "\n" (line ``k`` starts at ``_joined_text``'s start + ``k``)."""
        return "\n".join(self.texts)

    def _same_lines(self, at: int, before: str, after: str) -> bool:
        """Whether a line starts at ``at`` in :attr:`_joined_text` that
        reads ``after``, or after one that reads ``before`` (a table's cells
        again, one a line)."""
        starts = self._joined_text[1][0]
        k = bisect_left(starts, at)
        return 0 < k < len(starts) and starts[k] == at and (self.texts[k] == after or self.texts[k - 1] == before)

    def authors_apart(self, i: int) -> bool:
        """Whether lines ``i`` and ``i + 1`` are names of a list of authors
        that an extractor printed one a line at the gaps typed between them:
        a run of MIN_AUTHORS lines or more that are each one name (a surname
        first), right before their affiliation in brackets
        ("侯海国" / "杨平平" / "梁东" / "姚强玉" / "（清华大学…）")."""
        run = self._name_runs[i]
        texts = self.texts
        return run is not None and i + 1 in run and len(run) >= MIN_AUTHORS and run.stop < len(texts) and texts[run.stop][0] in "（("

    @cached_property
    def _name_runs(self) -> list[range | None]:
        """For each line that is one name alone (a surname first: "梁东"), the
        run of such lines in a row it stands in; None for the other lines."""
        name_alone = self.lex.name_alone
        alone = [name_alone(t, BYLINE_NAME) for t in self.texts]
        runs: list[range | None] = [None] * len(alone)
        k = 0
        for name, group in groupby(alone):
            n = sum(1 for _ in group)
            if name:
                runs[k : k + n] = [range(k, k + n)] * n
            k += n
        return runs

    def byline_name(self, i: int) -> bool:
        """Whether line ``i``, MAX_BYLINE_LABEL characters at most (decide
        asks that first), is a byline's label alone ("本刊记者", the
        lexicon's reporters) short of its column and the next line the name
        or names after it, which the extractor put on a line of their own at
        the gap typed between them ("本刊记者" / "谢春勇": one space)."""
        texts = self.texts
        if _NAME_ONLY.fullmatch(texts[i + 1]) is None:
            return False
        label = self.lex.reporter.fullmatch(texts[i])
        column = self.columns[i]
        return label is not None and (column is None or self.measured[i] < column - 1 or self.gaps[i + 1] > 0)

    def _byline_wrapped(self, i: int) -> bool:
        """Whether headline line ``i`` and the next are one byline a narrow
        column wrapped ("——本报记者陈" / "兴贵", "新华社记者戚德良" / "支林飞"):
        line ``i`` opens with who wrote the article (the lexicon's reporters,
        after a dash), holds no punctuation and fills the body column under
        it (a cell or two short at most: BYLINE_FILL); the next is Han
        characters only, a name or two (BYLINE_NAME) or more of the byline's
        words ("…蔡晖本" / "报记者马利")."""
        texts = self.texts
        head, rest = texts[i].lstrip("—- "), texts[i + 1]
        if not (self.no_punct[i] and self.no_punct[i + 1]) or self.lex.reporter.match(head) is None:
            return False
        if not all(map(is_han, rest)) or len(rest) > BYLINE_NAME and self.lex.reporter.search(rest) is None:
            return False
        body = self._body_column(i)
        return body is not None and self.widths[i] >= body - BYLINE_FILL

    def _shows_on(self, i: int) -> bool:
        """Whether headline line ``i`` opens a photo caption's sentence with
        what the photo shows (the lexicon's caption openers: "图为…") and
        the next line ends it ("图为小扎耶德与中国大使" / "夫妇及小朋友们观看娱乐节目。"):
        no title opens so."""
        return (
            (self.terminal[i + 1] or self.ends_block[i + 1])
            and not self.block_start[i + 1]
            and self.lex.caption_opener.match(self.texts[i]) is not None
        )

    def _caption_wrapped(self, i: int) -> bool:
        """Whether headline line ``i`` and the next are pieces of one photo
        caption: the next ends it ("…（图片）") and is narrower, and line
        ``i`` is as wide as the body column at least (a caption's title is
        set across the photo, wider than a title of the column: "节前的文化
        科技卫生三" / "下乡活动（图片）"); a line of only the mark ("（附图片１张）")
        may stand under a title alone."""
        rest = self.texts[i + 1]
        if not self.ends_block[i + 1] or self.ends_block[i] or self.widths[i + 1] >= self.widths[i] or rest[0] in OPENING:
            return False
        body = self._body_column(i)
        return body is not None and self.widths[i] >= body - 0.5

    def _title_fills_line(self, i: int) -> bool:
        """Whether headline line ``i`` is a title's line that its type size
        filled, the next its rest: line ``i`` is TITLE_FILL of the body
        column under it (a title in larger type; over a wider column, see
        TITLE_FILL_WIDE, a main title's), or in a column up to
        MAX_TITLE_FILL_COLUMN a cell short of it or more in full-width letters
        ("张北－尚义发生六点二" / "级地震" over 11 cells), the next line narrower by a
        cell at least (two lines of one width are rather a headline's
        parallel phrases: "上下联动发力" / "充分协商献策"; not right before the
        article's dateline in a column up to MAX_TITLE_FILL_COLUMN wide,
        after a line that ends in a Han character: "保健食品市场整" /
        "顿巡礼活动开始") and MIN_TITLE_REST
        characters long (a shorter one, under a line cut in its words, that
        opens with a surname reads as a name: "大雾的危害" / "余仁杰"), no subtitle
        ("——…"), byline or new block; line ``i`` may be a subtitle cut in
        its words (:meth:`_subtitle_cut`), which its type fills up to
        SUBTITLE_FILL of the column and whose rest may be of any length
        ("——财政部部长兼国家税务总局局长" / "刘仲藜"). A short rest right before the
        article's dateline or the title's subtitle is one too, under a line
        as wide as the column (a title in the body's type), narrower, or
        wider (a headline set across the columns) (see
        REST_BEFORE_DATELINE_CHARS; a label before a continuation marker is
        not: "…创建" / "视察调研" / "（接一版）"; nor a writer's name:
        :meth:`_name_rest`, "…原则" / "周德武")."""
        body = self._body_column(i)
        a, b = self.widths[i], self.widths[i + 1]
        rest = len(self.texts[i + 1])
        if body is None:
            return False
        # the title's end: its subtitle or its authors follow (a title in large
        # type over a page-wide column fills less of it), or the article's dateline
        k = i + 2
        headed = k < len(self.texts) and (self.texts[k].startswith("——") or _NAMES_LINE.fullmatch(self.texts[k]) is not None)
        before = headed or k < len(self.texts) and self.dateline[k]
        # (a line whose phrases a typed space parts is a whole headline: "上下联动发力 充分协商献策")
        cut = before and not _typed_space(self.texts[i]) and is_han(self.texts[i][-1])
        lo, hi = REST_BEFORE_DATELINE_CHARS
        # a subtitle after a dash cut in its words, in its own type (SUBTITLE_FILL), and its rest of any length
        subtitle = self.texts[i].startswith("——") and body <= MAX_TITLE_FILL_WIDE and self._subtitle_cut(i)
        if subtitle:
            filled = a <= SUBTITLE_FILL * body
        elif body <= MAX_TITLE_FILL_COLUMN:
            # (or a cell short of the column in full-width letters: no line the body's type cut there)
            filled = a <= TITLE_FILL[1] * body or a <= body - 1 and len(self.texts[i]) == a and is_han(self.texts[i][-1])
        else:
            share = TITLE_FILL[1] if cut and b <= WIDE_REST * a else TITLE_FILL_WIDE
            filled = body <= MAX_TITLE_FILL_WIDE and a <= share * body and is_han(self.texts[i][-1])
            # (not a label before a continuation marker: "…举行宣誓" / "视察调研" / "（接一版）")
            filled = filled and not (i + 2 < len(self.texts) and self.lex.continuation.fullmatch(self.texts[i + 2]))
        # (a short rest: of a main title cut in its words, not opening with a surname)
        short_rest = 2 <= rest and is_han(self.texts[i][-1]) and not self.texts[i].startswith("——")
        short_rest = subtitle or short_rest and self.texts[i + 1][0] not in self.lex.surname
        return (
            (
                (rest >= MIN_TITLE_REST or short_rest) and filled
                or before and b <= REST_BEFORE_DATELINE * a and lo <= rest <= hi and (a <= body + HANG or self._across_rest(i))
                # (not a writer's name between a title and the dateline: "还应坚持『能力支付』原则" / "周德武" / "据新华社报道，…")
                and not (not headed and self._name_rest(i))
                # (not a writer's name before the subtitle: "斩断盗卖股票的黑手" / "阎涛" / "——盗卖困扰股市";
                # before the authors' names it is the title's: "…测度及其空间效" / "应研究" / "唐 桂 贺涛怡")
                and not (
                    headed and self.texts[k].startswith("——") and rest <= MAX_NAME_REST and self.texts[i + 1][0] in self.lex.surname
                )
            )
            and TITLE_FILL[0] * (min(body, MAX_TITLE_FILL_WIDE) if headed else body) <= a
            and (b <= a - 1 or cut and b <= a and body <= MAX_TITLE_FILL_COLUMN)
            and not self.texts[i + 1].startswith("——")
            and not _typed_space(self.texts[i + 1])  # (a whole headline's phrases: "上下联动发力 充分协商献策")
            and not (self.texts[i].startswith("——") and not self._subtitle_cut(i))
            and not (self.ends_block[i] or self.credit[i] or self.byline[i + 1] or self.block_start[i + 1])
            and self.lex.organisation.match(self.texts[i + 1]) is None  # the next title's first piece (SPEC 8)
        )

    def _across_rest(self, i: int) -> bool:
        """Whether the line after headline line ``i``, set across the columns,
        may be its title's rest: no writer's name (MAX_NAME_REST characters at
        most, a surname first: "钟行"), under no headline whose phrases a typed
        space parts (a whole headline: "上下联动发力 充分协商献策", and the next
        title under it)."""
        rest = self.texts[i + 1]
        return not (len(rest) <= MAX_NAME_REST and rest[0] in self.lex.surname or _typed_space(self.texts[i]))

    def _subtitle_cut(self, i: int) -> bool:
        """Whether subtitle line ``i`` ("——…") was cut in its words (a Han
        character last), does not credit a writer ("——本报记者罗昌爱胡跃平任维东"),
        and its rest (the next line) is followed by the article's dateline or
        text, or the next item after a dash."""
        text, k = self.texts[i], i + 2
        if k >= len(self.texts) or self.no_punct[k] and not (self.dateline[k] or self.texts[k].startswith("——")):
            return False  # (its rest is followed by the article's text or the next item, not by another title)
        return is_han(text[-1]) and self.lex.dateline.match(_unspaced(text).lstrip("—")) is None

    def _body_column(self, i: int) -> float | None:
        """The column of the body text nearest after headline line ``i``
        (the article it heads), else before it, within BODY_REACH lines."""
        columns, headline = self.columns, self.headline
        for k in chain(range(i + 1, min(len(columns), i + BODY_REACH)), range(i, max(-1, i - BODY_REACH), -1)):
            if columns[k] is not None and not headline[k]:
                return columns[k]
        return None

    def _wrapped_near(self, i: int) -> bool:
        """Whether most lines outside headline runs around line ``i`` are
        column text: those from the hard boundary before it to the next one
        after a line with sentence punctuation (the end of the article that
        the title heads). A text is cut only there (see
        :func:`.boundaries.after_sentences`), so a piece of it reads so as the
        whole does."""
        hard, n = self._hard, len(self.texts)
        k = bisect_right(hard, i)
        lo = hard[k - 1] if k else 0
        while k < len(hard) and self.no_punct[hard[k] - 1]:
            k += 1
        hi = hard[k] if k < len(hard) else n
        wrapped = self._wrapped.get(lo)
        if wrapped is None:  # (once a region: many titles may stand in one)
            body = [c for c, r in zip(self.columns[lo:hi], self.runs[lo:hi]) if not r]
            wrapped = self._wrapped[lo] = 2 * sum(c is not None for c in body) > len(body)
        return wrapped

    def _title_lines(self, i: int) -> range | None:
        """The lines of a title wrapped in its own column that headline line
        ``i`` opens or continues: two or more lines of one width, then one
        no wider (or MIN_EVEN_TITLE_LINES of one width, the run's last),
        opening a run of headline lines (a caption's end before them,
        "…（图片）", an article's credit, "（乔聿）", or a label, "图片：",
        closes its own block) that at most a subtitle and a byline follow
        (verse goes on longer); no caption's end ("…（图片）") among them but last;
        as wide as TITLE_WRAP_SHARE of the body's column at least, and not
        opening with a parenthesis alone (a sign-off: "（黄鹤）" / "切戒傲慢")."""
        widths, headline = self.widths, self.headline
        lo = i
        while lo and headline[lo - 1] and abs(widths[lo - 1] - widths[i]) <= 0.5:
            lo -= 1
        hi = i + 1
        while hi < len(widths) and headline[hi] and abs(widths[hi] - widths[i]) <= 0.5:
            hi += 1
        if hi - lo < 2 or (lo and headline[lo - 1] and not (self.ends_block[lo - 1] or self.credit[lo - 1] or self.lasts[lo - 1] in "：:")):
            return None
        # (no title wraps at a width its larger type could not make of the body's column, nor opens
        # with a parenthesis alone: a sign-off, "（黄鹤）" / "切戒傲慢" / "张祝基"; a title printed
        # one character a line is letter-spaced, however long: "傅" / "全" / "有" / …)
        body = self._body_column(i)
        narrow = body is not None and widths[i] < TITLE_WRAP_SHARE * body and len(self.texts[i]) > 1
        if narrow or _PARENTHESIS.fullmatch(self.texts[lo]) is not None:
            return None
        if (hi == len(widths) or not headline[hi]) and hi - lo >= MIN_EVEN_TITLE_LINES:
            # a title that filled its last line too (not a table's rows of figures)
            return None if any(_figures(self.texts[k]) for k in range(lo, hi)) else range(lo, hi)
        if hi == len(widths) or not headline[hi] or widths[hi] > widths[i] or self.ends_block[hi - 1]:
            return None  # (... no title goes on past a caption's end: "…（图片）")
        end = hi + 1
        while end < len(widths) and headline[end] and end - hi <= 3:
            end += 1
        return range(lo, hi + 1) if end - hi <= 3 else None

    def letter_spaced(self, i: int) -> bool:
        """Whether lines ``i`` and ``i + 1`` are characters of a letter-spaced
        title that an extractor put one on a line ("乐" / "得" / "清" / "贫",
        or "乐" / "得 清 贫")."""
        b = self.texts[i + 1]
        if b == self.texts[i] and not b.isalnum() and self._mark_repeats[i] >= MIN_SPACED_MARKS:
            return True  # (a separator's marks, one a line: "＊" / "＊" / "＊")
        if self.listed[i] or self.listed[i + 1]:
            return False  # a poem's sections: "一" / "二" (the line after a section's number is none of its letters)
        if self._single_runs[i] <= 2 and _item(self.texts[i]) is not None:
            return False  # (... nor after one whose next section's number went on with a mark: "一" / "雪" / "二？")
        spaced = self._spaced
        if not (spaced[i] and (spaced[i + 1] or _SPACED_LETTERS.fullmatch(b) is not None)):
            return False
        if not (self.han[i] or self.han[i + 1] or self._single_runs[i] >= MIN_SPACED_HAN and self._run_han(i)):
            return False  # (a number and its mark in a title's run: "６" / "、" / "模" / "范")
        # a title is short: a longer run of one character a line is a list or a table's column
        return self._single_runs[i] + (len(b) > 1) <= MAX_SPACED

    @cached_property
    def _spaced(self) -> list[bool]:
        """Whether each line is one character of a letter-spaced title: a CJK
        letter, a bracket or quote mark ("感" / "受" / "『" / "李" / "宁" / "』"),
        a digit or a mark inside a title ("６" / "、", "自" / "主" / "·")."""
        return [
            len(t) == 1 and (h or t in OPENING or t in CLOSING_MARKS or t in _TITLE_MARKS or t.isdigit())
            for t, h in zip(self.texts, self.han)
        ]

    def _run_han(self, i: int) -> bool:
        """Whether the run of one-character lines line ``i`` stands in holds MIN_SPACED_HAN Han characters."""
        lo = hi = i
        while lo and self._spaced[lo - 1]:
            lo -= 1
        while hi + 1 < len(self.texts) and self._spaced[hi + 1]:
            hi += 1
        return sum(self.han[lo : hi + 1]) >= MIN_SPACED_HAN

    @cached_property
    def _mark_repeats(self) -> list[int]:
        """For each line, how many lines of the one same character stand in a row with it (0: it is no such line)."""
        runs: list[int] = []
        for text, group in groupby(self.texts):
            n = sum(1 for _ in group)
            runs += [n if len(text) == 1 else 0] * n
        return runs

    @cached_property
    def _single_runs(self) -> list[int]:
        """For each line, how many lines of one character (see :meth:`_spaced`) stand in a row with it (0: it is none)."""
        runs: list[int] = []
        for single, group in groupby(self._spaced):
            n = sum(1 for _ in group)
            runs += [n if single else 0] * n
        return runs

    def _loose_full(self, i: int, column: float) -> bool:
        """Whether line ``i``, which ends a sentence short of its ``column``
        by less than an indent, holds half-width letters or digits (which a
        font may set wider than they measure) and printed full: on a page
        that indents its paragraphs' first lines, the next line fills its
        column (no indent: no paragraph opens there) and goes on
        ("…，2006年至2008年拆除重建。" / "当时国安二队的年轻球员普遍达不到…")."""
        k = i + 1
        return (
            self.indents_first_lines
            and column - self.widths[i] < INDENT
            and _LETTER_OR_DIGIT.search(self.texts[i]) is not None
            and self.widths[k] >= (self.columns[k] or column) - 0.5
            and not (self.terminal[k] or self.block_start[k] or self.headline[k] or self.no_punct[k])
        )

    def full_first_line(self, i: int, column: float) -> bool:
        """Whether line ``i``, which may open a paragraph, is an indent
        short of ``column`` on a page that indents its paragraphs'
        first lines (see :attr:`indents_first_lines`): a full first line,
        even when it ends in 。 at the column's edge."""
        return (
            self.first(i)
            and column - INDENT - 1 <= self.widths[i] <= column - INDENT + 1.5
            and self.indents_first_lines
        )

    @cached_property
    def indents_first_lines(self) -> bool:
        """Whether the page indents its paragraphs' first lines, which the
        extractor printed without the indent: of the lines that go on after
        a paragraph's last line (a line ending a sentence, clearly short of
        its column: a full one may end a sentence mid-paragraph), at least
        MIN_INDENTED are an indent short of their column, at least twice as
        many as are as wide as it; or the first lines measured so tell it
        (:meth:`_indents_lost`: in a narrow column a last line a cell short
        of the edge may be full, and says nothing)."""
        if self.lost_widths:
            return True
        indented, full = self._first_line_widths
        return indented >= MIN_INDENTED and indented >= 2 * full

    @cached_property
    def first_lines_full(self) -> bool:
        """Whether the page's paragraphs' first lines fill their column (no
        indent): MIN_INDENTED of them at least, and none an indent short
        (see :attr:`indents_first_lines`)."""
        indented, full = self._first_line_widths
        return full >= MIN_INDENTED and not indented and not self.lost_widths

    @cached_property
    def _first_line_widths(self) -> tuple[int, int]:
        """Of the lines that go on after a paragraph's last line, how many are
        an indent short of their column and how many as wide as it."""
        indented = full = 0
        for k in range(1, len(self.texts)):
            column = self.columns[k]
            if column is None or self.terminal[k] or not self.terminal[k - 1]:
                continue
            last = self.columns[k - 1] or column
            if self.widths[k - 1] > last - _slack(last):
                continue
            width = self.widths[k]
            if abs(width - (column - INDENT)) <= 0.5:
                indented += 1
            elif abs(width - column) <= 0.5:
                full += 1
        return indented, full

    def _may_open_paragraph(self, i: int, column: float) -> bool:
        """Whether line ``i``, after a full line ending a sentence, may start
        a paragraph as a report's new stage does ("会议要求，"): not on a page
        whose indents are printed (the indent tells); on a page whose
        extractor left them out (:attr:`indents_first_lines`) only when it
        is short of the column (a full line goes on the paragraph:
        "…国防部。" / "通告同时强调，边防军改组…")."""
        if self.indent_breaks:
            return False
        return not self.indents_first_lines or self.widths[i] <= column - 1.5

    def indented(self, i: int, column: float) -> bool:
        """Whether line ``i`` is short because it is a paragraph's indented
        first line, not because kinsoku moved its last characters down (a
        line never starts with closing punctuation, so the characters before
        it go down with it when they cannot all fit). A full first line may
        hang its last comma past the column's edge: one cell short of the
        column exactly, it is indented ("长沙市纺织工业总公司还成立了再就业服务中心，"
        in a column of 23 cells)."""
        width, text = self.widths[i], self.texts[i]
        if text[-1] in _HANGING and abs(width - (column - 1)) <= EXACT_WIDTH:
            width -= 1
        if self.terminal[i] or not column - _slack(column, True) <= width <= column - 1.5:
            return False
        # (half-width letters and gaps may print wider than they measure: see INDENT_LOOSE_LETTER)
        if not text.isascii() and _HALF_WIDTH.search(text) is not None:
            loose = INDENT_LOOSE_LETTER * len(_LETTER_OR_DIGIT.findall(text)) + INDENT_LOOSE_GAP * text.count(" ")
            if width + min(INDENT_LOOSE_MOST, loose) > column - 1.5:
                return False
        if i + 1 < len(self.texts):
            moved = _KINSOKU_MOVED.match(self.texts[i + 1])
            if moved:
                room = column + (1 if moved.group()[-1] in _HANGING else 0)
                return width + display_width(moved.group()) <= room
        return True

    def headline_run_end(self, i: int) -> int:
        """If a headline run starts at line ``i``, its end (exclusive); else 0."""
        texts, lex = self.texts, self.lex
        # (a line ending in an opening bracket is a piece of the next: "(" / "一件")
        han = self.han[i] or texts[i][-1] in OPENING and i + 1 < len(texts) and self.han[i + 1]
        if not self.no_punct[i] or self.dateline[i] or not han:
            return 0
        if self.block_start[i] and lex.continuation.fullmatch(texts[i]):
            return i + 1  # a continuation marker stands alone; the article's text follows
        j = i + 1
        while j < len(texts) and self.no_punct[j] and not self.block_start[j] and not self.boundary[j]:
            j += 1
        run = range(i, j)
        if j == i + 1 < len(texts) and (self._first_line_over(i, j) or self._caption_across_opens(i)):
            return 0  # (a paragraph's first line, or a caption's set across the columns, without punctuation)
        column = self.columns[i] if self.columns[i] is not None or j == len(texts) else self.columns[j]
        if column is not None:
            body = self._unpunctuated_body(run, column)
            if body is not None:
                return body - i and body  # (none: the run is body text from its first line)
        if (
            j == len(texts)
            or self.block_start[j]
            or self.boundary[j]
            or column is None
            or self.widths[j] > column + HANG
            or lex.time_opener.match(texts[j])  # a new sentence: the run did not end mid-sentence
            # (an organisation's name on its own short line; not the end of a
            # line as wide as the column, nor of one that kinsoku cut short:
            # "…一交换联政府" / "的。”")
            or any(self._organisation_alone(k, column, k == j - 1) for k in run)
            or any(_typed_space(texts[k]) for k in run)
        ):
            return j
        # a line of the run that opens the paragraph going on after it (an
        # indent short of the column on a page whose extractor left the
        # indents out) ends it: the lines before are a title ("“假”字了得" /
        # "中国艺术品作伪从" / "何时起步，…")
        # (not when the run's first line is the paragraph's, or ends inside a sentence: "…表示反对意见：")
        if not (self._indent_short(i, column) or texts[i][-1] in "，、：:,"):
            opens = next((k for k in range(i + 1, j) if self._first_line_over(k, k + 1)), 0)
            if opens:
                return opens
        # ... so does its last line on a page that tells nothing of its indents, when
        # wider than every line of the title wrapped before it (its measure), or
        # under a title set wider than the column
        # ("树立事物发展是一个过程" / "的意识" / "浮躁虚夸之风之所以在一些地" / "方蔓延，…";
        # "走出交通肇事后的误区" / "我们在司法实" / "践中发现，…" in a column of 8)
        last = j - 1
        if (
            i < last
            and j < len(texts)
            and not self.first_lines_full
            and (self.measured[last] > max(self.measured[i:last]) + 1 or last == i + 1 and self._set_wider(i, column))
            and self._first_line_over(last, j, told=False)
        ):
            return last
        # (a subtitle after a dash opening the run stands alone, SPEC 8, also a line
        # or so short of the column: "——驾驶证不能随意买卖"; not a dash-list's full line)
        subtitle = texts[i].startswith("——") and not self.byline[i] and self.measured[i] <= column - 1
        short = [k for k in run if self.short(k) or k == i and subtitle]
        if not short:
            return 0
        # full lines after the run's last short line (a byline) open the paragraph
        # (the first an indent short on a page that indents first lines)
        end = short[-1] + 1
        measured = self.measured
        if end < j and self._indent_short(end, column):
            return end
        # (... or the last short line itself, an indent short, when full lines follow it: "本报记者 秦建志" /
        # "历时4天的翰海’97" / "秋季拍卖会为去年国内艺" / "术品拍卖活动画上了一个" / "圆满的句号，…")
        if i < short[-1] and end < j and self._indent_short(short[-1], column) and all(abs(measured[k] - column) <= 1 for k in range(end, j)):
            return short[-1]
        return j if all(abs(measured[k] - column) > 1 for k in range(end, j)) else end

    def _set_wider(self, i: int, column: float) -> bool:
        """Whether line ``i`` is wider than the ``column`` by more than a
        cell though it holds only full-width letters and ends in one (no
        mark hangs, no half-width run rounds): no column line, a title set
        wider or in larger type."""
        text = self.texts[i]
        return self.widths[i] > column + 1 and len(text) == self.widths[i] and self.han[i] and is_han(self.lasts[i])

    def _caption_across_opens(self, i: int) -> bool:
        """Whether line ``i``, wider than its column, opens a photo caption
        set across the columns (see :meth:`caption_across`)."""
        column = self.columns[i]
        return column is not None and self.measured[i] > column + HANG and self.caption_across(i)

    def _first_line_over(self, i: int, j: int, told: bool = True) -> bool:
        """Whether line ``i`` is the first line of the paragraph that line
        ``j`` goes on with, on a page that indents first lines (or any page,
        not ``told``): an indent short of ``j``'s column, which may differ
        from the one measured for line ``i`` (a caption set wider before it:
        "（新华社记者刘宇摄）" / "评论部的主要任务是撰写" / "新闻评论，推出《视点》，是")."""
        column = self.columns[j]
        if (self.indents_first_lines or not told) and not self.terminal[j] and not self.no_punct[j]:
            if column is not None and abs(self.measured[i] - (column - INDENT)) <= 0.5:
                return True
            # (... or of line j itself, cut inside a sentence and going on: a box set narrower
            # than the column around it, "《视点》是人民日报评论" / "部主办的专版，隔周星期日在" / "此与…")
            # (line i a sentence's unpunctuated start, no dash's byline, no typed gap)
            return (
                self.cut[j]
                and abs(self.measured[i] - (self.measured[j] - INDENT)) <= 0.5
                and self.no_punct[i]
                and self.texts[i][0] != "—"
                and _GAPS.search(self.texts[i]) is None
            )
        return False

    def _unpunctuated_body(self, run: range, column: float) -> int | None:
        """The first line of body text in a run of unpunctuated lines:
        UNPUNCTUATED_BODY lines in a row as wide as the ``column`` (no wider:
        they hang no mark), a paragraph without punctuation, a list of names
        ("河北省大厂回族自治县评剧团河北" / "省科协山西省太原市委宣传部山西省曲" / …),
        or a title wrapped at the column, which reads on as well (not a
        table's rows, lines of figures: :func:`_figures`); with the line before
        them if it is their paragraph's first line. None if the run holds no
        such lines."""
        measured, k = self.measured, run.start
        while k + UNPUNCTUATED_BODY <= run.stop:
            m = k
            while m < run.stop and column - 1 <= measured[m] <= column + 0.5:
                m += 1
            if m - k >= UNPUNCTUATED_BODY and not any(_figures(self.texts[r]) for r in range(k, m)):
                return k - 1 if k > run.start and self._first_line_fills(k - 1, column) else k
            k = m + 1
        return None

    def _first_line_fills(self, k: int, column: float) -> bool:
        """Whether line ``k`` fills the ``column`` as a paragraph's first
        line: with the indent printed before it, or, on a page that indents
        first lines, short of the column by the indent."""
        indents = self.indents
        if k + 1 < len(indents) and indents[k] > indents[k + 1]:
            return column - 1 <= self.widths[k] + (indents[k] - indents[k + 1]) / 2 <= column + 0.5
        return self._indent_short(k, column)

    def _indent_short(self, k: int, column: float, within: float = 1.0) -> bool:
        """Whether line ``k`` is an indent short of ``column`` (``within``
        cells) on a page that indents first lines: a paragraph's first line."""
        return abs(self.measured[k] - (column - INDENT)) <= within and self.indents_first_lines

    def _organisation_alone(self, k: int, column: float, last: bool) -> bool:
        """Whether line ``k`` of a headline run (its ``last``) is an
        organisation's name on a line of its own, short of the ``column``."""
        if self.lex.organisation.match(self.texts[k]) is None or self.measured[k] >= column - 1:
            return False
        return not (last and self.kinsoku_moved(k, column))

    @cached_property
    def settled(self) -> list[bool]:
        """Whether the line break after each line is surely a full line of
        CJK text going on (:meth:`decide`'s "full-line", nothing put between)
        unless a headline run holds either line, which unwrap_with checks
        itself: a line of two characters or more that ends in a Han
        character or a comma and is its column's width (MIN_SLACK short of it
        at most: never short, first line or not), and a next line that opens
        with a Han character and is no wider, nor ends in a closing
        parenthesis (a wrapped credit's rest); neither line a dateline alone,
        a credit, the end of a caption or printed twice, the line no byline
        after a dash, the next no block start nor a paragraph's indented
        first line (:meth:`indented_next`), neither a line of verse, and no
        blank line between them on a page where blank lines mark
        paragraphs, nor a page number on the page's last line, nor a subhead
        a cell short of the column (see :meth:`_subhead_measure`). No rule before
        "full-line" can then apply (a test checks that decide answers the
        same for each such break)."""
        texts, columns, widths, measured = self.texts, self.columns, self.widths, self.measured
        n = len(texts)
        # what a line that ends such a break is not, and what the line after it is not
        ends = list(map(or_, map(or_, self.credit, self.paired), self.ends_block))
        for k in compress(range(n), self.byline):
            ends[k] = ends[k] or self.signed(k)
        opens = list(map(or_, map(or_, self.block_start, self.credit), self.paired))
        opens = list(map(or_, opens, map(and_, self.blank_breaks, map(bool, self.gaps))))
        if self.indent_breaks:
            opens[1:] = [o or self.indented_next(k) for k, o in enumerate(opens[1:])]
        if any(self.verse):
            ends = list(map(or_, ends, self.verse))
            opens = list(map(or_, opens, self.verse))
        if n > 1 and self._folio_after(n - 2):
            opens[-1] = True  # (a page number on the page's last line)
        for k in compress(range(n), self.figure):  # (a caption: see decide's "figure")
            opens[k] = True
            ends[k] = ends[k] or self._caption_ends(k)
        if self._page_foot > 0:
            opens[self._page_foot] = True
        for k in self._running_heads:
            opens[k] = ends[k] = True
        # (all lines at once: one comprehension for the line, one for the break)
        full = [
            c is not None and c - MIN_SLACK <= w and m <= c + HANG and p and len(t) > 1
            for c, w, m, p, t in zip(columns, widths, measured, map(_plain_last, self.lasts), texts)
        ]
        settled = [
            f and not (e or o or d) and h and m <= c + HANG and last not in "）)"
            for f, e, o, d, c, m, h, last in zip(
                full, ends, opens[1:], self.dateline_alone, columns, measured[1:], self.han_first[1:], self.lasts[1:]
            )
        ] + [False][:n]
        if not all(self._phrase_cut):
            settled = list(map(and_, settled, self._phrase_cut))
        if self.first_lines_full:  # (a subhead a cell short of the column is short there: see short())
            for k in compress(range(n - 1), settled):
                if self.no_punct[k] and self.short(k) and not self._first_line_over(k, k + 1):
                    settled[k] = False
        return settled

    def decide(self, i: int) -> tuple[str, str]:
        """What replaces the line break after line ``i`` ("\\n", "" or " "),
        and the name of the rule that decided it (see the module's docstring)."""
        a, b = self.texts[i], self.texts[i + 1]
        if len(a) == 1 and self.letter_spaced(i):  # (the cheap part of the rule first: a line of one character)
            # (a line of only a space between two letters is the gap typed there: "第" / "章" / " " / "区")
            return (" " if _SPACE_LINE.search(self.page, self.ends[i], self.starts[i + 1]) else ""), "letter-spaced"
        if b[0] in _NEVER_FIRST or self.mark_alone[i + 1] or (
            a[-1].isdigit()
            and b[0].isdigit()
            and is_wide(a[-1]) == is_wide(b[0])
            and self.han[i]
            and self.han[i + 1]
            and (self.columns[i] is not None and not self.short(i) or self._unit_after_digits(b))
        ):
            # no line starts with closing punctuation, is a sentence's last mark alone or a number's tail
            return self.joiner(i), "cut-token"
        if self._folio_after(i):
            return "\n", "page-number"
        if i + 1 == self._page_foot:
            return "\n", "page-foot"
        if i in self._running_heads or i + 1 in self._running_heads:
            return "\n", "page-head"
        if self.texts[i] == self.dateline_alone[i] and not self.block_start[i + 1]:
            return self.joiner(i), "dateline"
        if self.credit_wrapped(i):
            return self.joiner(i), "credit-wrapped"
        if len(a) <= MAX_BYLINE_LABEL and self.byline_name(i):  # (the cheap part of the rule first)
            return " ", "byline-name"
        if len(a) <= BYLINE_NAME and self.authors_apart(i):
            return " ", "authors-apart"
        if self.picture_title(i):
            return self.joiner(i), "picture-title"
        if self.figure[i + 1] or self.figure[i] and self._caption_ends(i):
            return "\n", "figure"
        if self.indented_next(i):
            return "\n", "indent"
        if self.verse[i] or self.verse[i + 1]:
            return "\n", "verse"
        if self.headline[i] and self._shows_on(i):
            return self.joiner(i), "caption-sentence"
        if self.headline[i] or self.headline[i + 1]:
            return (self.joiner(i), "cut-title") if self.wrapped_title(i) else ("\n", "headline")
        if self.blank_breaks[i + 1] and self.gaps[i + 1] and not self.cut_at_blank(i):
            return "\n", "blank-line"
        if self.caption_credit(i):
            return "", "caption-credit"
        if self.signs_off(i):
            return "", "sign-off"
        if self.block_start[i + 1] or self.credit[i] or self.credit[i + 1] or self.ends_block[i] or self.signed(i):
            return "\n", "block-start"
        if self.paired[i] or self.paired[i + 1]:
            return "\n", "printed-twice"
        last, first = a[-1], b[0]
        if last.isdigit() and self.lex.unit.match(b):
            # (no space before a unit that is no word: "12" / "%以上" -> "12%以上")
            return ("" if _LATIN_LETTER.match(first) is None else self.joiner(i)), "number-unit"
        if last in OPENING:
            return self.joiner(i), "open-bracket"
        if last == "-" and first.isalnum() and _HYPHENATED.search(a):
            return self.joiner(i), "hyphen"
        column = self.columns[i]
        wide = is_wide(last), is_wide(first)
        cut_token = False  # a token cut between Chinese lines ("2+6|+N"): the column decides, as for CJK
        if wide == (False, False) and not (last.isdigit() and first.isdigit()):
            cut_token = not (_LATIN_LETTER.match(last) and _LATIN_LETTER.match(first))
            if not (self.han[i] and self.han[i + 1]):
                # (a word of Chinese text cut at the edge: "交给Kath" / "erine。")
                cut = (self.han[i] or self.han[i + 1]) and not cut_token and self._cut_word(i, column)
                return self._decide_latin(i, column, "" if cut else self.joiner(i)), "latin"
        joined = "" if wide == (True, True) or cut_token else self.joiner(i)
        if column is None or self._over(i, column + HANG) or self._over(i + 1, column + HANG):
            if self.caption_across(i):
                return joined, "caption-across"
            if self.rest_across(i):
                return joined, "rest-across"
            if column is None and self._cut_mid_sentence(i):
                return joined, "cut-sentence"
            return "\n", "not-column"
        if self.terminal[i]:
            # (where blank lines mark paragraphs, a paragraph's end without one is a line clearly short,
            # unless most such ends on the page have none: pdftotext's blank lines stand around its blocks)
            loose = self.blank_breaks[i] and not self._bare_ends[i]
            short = self.printed_width(i, column) <= column - (_slack(column, self.first(i)) if loose else 1)
            if short and not self.full_first_line(i, column) and not self._loose_full(i, column):
                return "\n", "sentence-end"  # a short last line (blank lines mark the others)
            if self.lex.stage_opener.match(b) and self._may_open_paragraph(i + 1, column) or self.headline_run_end(i + 1):
                return "\n", "sentence-end"
            if self.indented(i + 1, column):
                return "\n", "sentence-end"  # the next line is indented: a new paragraph
            if self.ends_block[i + 1] and self.short(i + 1) and self.lex.caption_opener.match(b) is None:
                return "\n", "sentence-end"  # a caption of one line, not the rest of one ("图为…（…摄）")
            if is_han(b[-1]) and "。" not in b and self.short(i + 1):
                return "\n", "sentence-end"  # no paragraph's last line (nor a sign-off: "…。———编者"): a title's
        elif self.short(i) and not self._first_line_over(i, i + 1):
            return (joined, "cut-title") if self.punctuated_title(i, column) else ("\n", "short-line")
        if not self._phrase_cut[i]:
            return "\n", "no-cut"
        if wide == (False, False) and not cut_token and self._cut_word(i, column):
            return "", "cut-word"  # a Latin word in Chinese text cut at the column's very edge ("Pie" / "r"; not "Randy" / "Quaid")
        return joined, "full-line"

    def _folio_after(self, i: int) -> bool:
        """Whether the break after line ``i`` sets off a page number alone on
        the page's first or last line (the lexicon's folios), or a number of
        one to three digits alone on its line anywhere, from CJK text (Latin
        text's rules decide after a Latin line: "COVID-" / "19")."""
        a, b = self.texts[i], self.texts[i + 1]
        if i == 0 and not b[0].isascii():
            return self.lex.folio.fullmatch(a) is not None
        if i + 2 == len(self.texts) and not a[-1].isascii() and self.lex.folio.fullmatch(b) is not None:
            return True
        # ... or a number alone anywhere, which an extractor printed where the page drew it ("18" / "户均…")
        # (not a number's rest after its decimal point: "…8420．" / "12")
        return (
            _BARE_NUMBER.fullmatch(a) is not None and (is_han(b[0]) or b[0] in OPENING)
            or _BARE_NUMBER.fullmatch(b) is not None and (is_han(a[-1]) or a[-1] in "。！？”’）」』")
        )

    @cached_property
    def _edges(self) -> tuple[int, int]:
        """The page's first and last lines of text, its page number aside
        (a folio alone before or after them)."""
        texts, folio = self.texts, self.lex.folio.fullmatch
        n = len(texts)
        first = 1 if n > 2 and folio(texts[0]) is not None else 0
        last = n - 2 if n > 2 and folio(texts[-1]) is not None else n - 1
        return first, last

    @cached_property
    def _running_heads(self) -> tuple[int, ...]:
        """The lines at the page's edges that read as its running head or
        foot (see the rule ``page-head``)."""
        if len(self.texts) < 2:
            return ()
        return tuple(k for k in sorted(set(self._edges)) if running_head(self.texts[k], self.lex))

    @cached_property
    def _page_foot(self) -> int:
        """The line that is a running foot or head printed last on the page
        (see the rule ``page-foot``), or -1."""
        texts = self.texts
        j = self._edges[1]
        # (not the rest of a bracket or a dash the line before opened: "…（新华社记者王长山" / "摄）")
        if j < 1 or not self.no_punct[j] or not texts[j][-1].isalnum() or not self.cut[j - 1] or leaves_open(texts[j - 1]):
            return -1
        # (not the end of a list's item, which may end without a mark: "●一九九七年，…四个重点")
        k = j - 1
        while k > 0 and not self.block_start[k] and not self.terminal[k - 1]:
            k -= 1
        if self.listed[k] or self.lex.bullet.match(texts[k]) is not None:
            return -1
        column = self.columns[j]
        short = self.short(j) if column is not None else self.widths[j] < self.widths[j - 1] - _slack(self.widths[j - 1])
        return j if short else -1

    def _caption_ends(self, i: int) -> bool:
        """Whether the caption on line ``i`` (see ``figure``) ends there: it is
        short of its column (a caption as wide may go on in the next line)."""
        column = self.columns[i]
        return column is None or self.widths[i] < column - 1

    def _cut_mid_sentence(self, i: int) -> bool:
        """Whether line ``i``, in a stretch no column was measured for (an
        article of two or three lines), was cut in the middle of a sentence
        and goes on into the next: it holds sentence punctuation (or opens
        with its article's dateline: "本报香港1月2日电记者贾昭全报道：…结束对"),
        ends in a Han character or a comma and is MIN_CUT_WIDTH wide at least; the next
        opens with a Han character, is no block start, title or credit (no
        blank line between), no wider (a hanging mark aside) and either ends
        the paragraph or a list's item (ITEM_REST of it at most, or after a
        line as wide as the widest around: "…成为真正的世界" / "冠军；"), or is as
        wide (a title over the body's first line is wider than it, which
        goes on)."""
        a, b = self.texts[i], self.texts[i + 1]
        if self.unwrapped or self.no_punct[i] and not self.dateline[i] or not _plain_last(a[-1]) or not is_han(b[0]):
            return False
        if self.block_start[i + 1] or self.headline[i + 1] or self.credit[i + 1] or self.gaps[i + 1]:
            return False
        wa, wb = self.widths[i], self.widths[i + 1]
        # (an item's rest, after the item's first line as wide as the widest line around; not an item
        # under a heading as wide as it: "（二）深化改革开放，…" / "居民消费…；")
        item_rest = self._list_end(i + 1) and (wb <= ITEM_REST * wa or wa >= max(self.widths[slice(*self._stretch(i))]) - 1)
        return wa >= MIN_CUT_WIDTH and wb <= wa + HANG and (self.terminal[i + 1] or item_rest or wb >= wa - 1)

    def cut_at_blank(self, i: int) -> bool:
        """Whether the blank line after line ``i`` stands where a block was
        cut in its words (pdftotext leaves one at a column's or a page's
        foot, pdfminer after a paragraph's first line, which it sets apart
        from the rest when the indent sets the line apart): line ``i`` ends
        in a Han character or a comma and fills its column, in the column of
        the line before it with no blank line between, or as a first line
        after a blank line whose indent the extractor left out (or ends in
        an opening bracket or quote, as a line cut inside one); the next
        line opens with a Han character and is a full line or a paragraph's
        last (not a title's short line). A first line printed indented fills
        its column with its indent wherever it stands (pdfplumber's layout
        mode sets a blank line after one where the spacing asks for it); a
        first line set apart by blank lines on both sides (pdfminer), cut
        mid-sentence after a character or a half-width number or word, with
        the gaps around its half-width runs that the extractor left out
        (LOST_RUN_GAPS each)."""
        column, measured, texts = self.columns[i], self.measured, self.texts
        last = texts[i][-1]
        half = self.cut[i] and last.isascii() and last.isalnum()  # (a half-width number or word the line was cut after)
        if column is None or not ((_plain_last(last) or last in OPENING or half) and is_han(texts[i + 1][0])):
            return False
        if not (measured[i + 1] <= column + HANG and (measured[i + 1] >= column - 0.5 or self.terminal[i + 1])):
            return False
        if self.first_indent[i]:  # a paragraph's first line printed indented: full with its indent?
            return column - 0.5 <= measured[i] <= column + HANG
        if self.gaps[i] and self.lost_widths:  # a first line set apart, after a title too?
            width = measured[i] - INDENT if self.indent_lost[i] else measured[i]
            if self._lost_width(width):
                return column - 0.5 <= width + INDENT <= column + HANG
        if i and self.dateline_alone[i - 1] and not self.block_start[i]:  # the rest of a line a dateline alone opened
            return column - 0.5 <= self.printed_width(i, column) <= column + HANG
        runs = len(_HALF_RUN.findall(texts[i])) if self.gaps[i] and self.cut[i] else 0
        if runs and not (self.headline[i] or texts[i][0] == "—"):
            # a paragraph's first line set apart by blank lines on both sides (pdfminer's boxes), cut
            # mid-sentence: full, the gaps around its half-width numbers and words (pdfminer prints none) aside
            return column - 0.5 - LOST_RUN_GAPS * runs <= measured[i] <= column + HANG
        return column - 0.5 <= measured[i] <= column + HANG and i > 0 and not self.gaps[i] and self.columns[i - 1] == column

    def punctuated_title(self, i: int, column: float) -> bool:
        """Whether short line ``i`` and the next are the two lines of a
        title with a comma in it ("总供给能力明显增强，总需求" / "积极盘整"),
        which is no headline run: line ``i`` opens a block, is TITLE_FILL
        of the ``column`` and was cut in its words (a Han character last),
        the next is narrower and a rest's length (one character, or
        REST_BEFORE_DATELINE_CHARS: a longer line is rather the title under a
        kicker), neither holds a sentence's end or opens a subtitle, and the
        article's dateline or a full line of its text follows (a first line
        an indent short of the column on a page that indents first lines:
        "一九九七，文学提供" / "了什么" / "又是一年春草绿。回首去")."""
        texts, widths = self.texts, self.widths
        return (
            i + 2 < len(texts)
            and (
                self.dateline[i + 2]
                or not (self.no_punct[i + 2] or self.terminal[i + 2]) and column - 1 <= widths[i + 2]
                # (a first line without punctuation too, when its paragraph goes on after it)
                or self._indent_short(i + 2, column) and not self.terminal[i + 2]
                and (not self.no_punct[i + 2] or i + 3 < len(texts) and self._goes_on(i + 3))
            )
            and (self.first(i) or self.ends_block[i - 1])  # (after a sentence, a title or a caption's end)
            and is_han(texts[i][-1])
            and TITLE_FILL[0] * column <= widths[i] <= TITLE_FILL[1] * column
            and widths[i + 1] < widths[i]
            and (len(texts[i + 1]) == 1 or REST_BEFORE_DATELINE_CHARS[0] <= len(texts[i + 1]) <= REST_BEFORE_DATELINE_CHARS[1])
            and not (texts[i].startswith("——") or texts[i + 1].startswith("——"))  # (a subtitle, a writer's credit)
            and _STOP.search(texts[i]) is None
            and _STOP.search(texts[i + 1]) is None
        )

    def indented_next(self, i: int) -> bool:
        """Whether line ``i + 1`` is a paragraph's indented first line and
        line ``i`` is not (see _paragraph_indent), line ``i`` is not cut at a
        mark inside a sentence (a comma, an open bracket), and line ``i + 1``
        is no block of its own without punctuation: a new paragraph, also
        after a title."""
        if not self.first_indent[i + 1] or self.first_indent[i] or self.cut[i] and not is_han(self.texts[i][-1]):
            return False
        # (not a line without punctuation that is a block of its own: a title's rest, "…的保" / "　　护（附图片）")
        return not self.no_punct[i + 1] or i + 2 < len(self.texts) and not self.first_indent[i + 2]

    @cached_property
    def verse(self) -> list[bool]:
        """Whether each line is a line of verse (see MIN_POEM_LINES and MIN_VERSE_RUN)."""
        texts, widths = self.texts, self.widths
        n = len(texts)
        verse = [False] * n
        for k in compress(range(n), map(_VERSE_PAUSE.__contains__, self.lasts)):  # (a poem opens with a pause)
            if verse[k]:
                continue
            j = k  # a classical poem's lines: one width, a pause and a stop in turn
            while (
                j < n
                and texts[j][-1] in (_VERSE_PAUSE if (j - k) % 2 == 0 else _VERSE_END)
                and abs(widths[j] - widths[k]) <= 0.5
                and widths[j] <= MAX_VERSE_WIDTH
            ):
                j += 1
            if j - k < MIN_POEM_LINES:  # a modern poem's: any widths, each line ending in a mark
                j = k
                while j < n and texts[j][-1] in _VERSE_PAUSE + _VERSE_END and widths[j] <= MAX_VERSE_WIDTH:
                    j += 1
                if j - k < MIN_VERSE_RUN:
                    continue
            verse[k:j] = [True] * (j - k)
        return verse

    def picture_title(self, i: int) -> bool:
        """Whether lines ``i`` and ``i + 1`` are pieces of a title that a
        picture mark ends, wrapped in lines of one width (its own measure,
        not the body's) and a narrower last line that holds only the title's
        last word or two and the mark ("八十高龄亲率众学生在沪" / "连演三场，然后又直奔北"
        / "京（附图片１张）"; the mark alone stands under a whole title), or a
        last line as wide ("辽宁省大洼县认真落实国" / "家粮食征购政策（图片）"): the
        first follows the end of a block, and each line before the last is
        cut in its words (a Han character or a comma last), holds no
        sentence's end and is no credit or block start. PICTURE_TITLE_LINES
        lines at most."""
        texts, widths, ends = self.texts, self.widths, self.ends_block
        if not self._pictured:
            return False  # (the cheap test first: decide asks it at most breaks)
        if self.unwrapped:
            return False  # (text one paragraph a line: "…———编者" / "陈金水（附图片１张）")
        last = i + 1
        while not ends[last]:
            if last - i >= PICTURE_TITLE_LINES or last + 1 == len(texts):
                return False
            last += 1
        mark = self.lex.block_end.search(texts[last])
        if mark is None or mark.start() == 0 or "图片" not in mark.group():
            return False
        first = i
        while first and not (self.terminal[first - 1] or ends[first - 1] or self.credit[first - 1] or self.headline[first - 1]):
            first -= 1
            if last - first > PICTURE_TITLE_LINES:
                return False
        group = range(first, last)
        return (
            max(widths[k] for k in group) - min(widths[k] for k in group) <= 0.5
            # (the rest, a word or two, or a line that fills the title's measure too)
            and (widths[last] < widths[first] and mark.start() <= PICTURE_TITLE_REST or abs(widths[last] - widths[first]) <= 0.5)
            and all(_plain_last(texts[k][-1]) for k in group)  # (no sentence's or caption's end)
            and not any(self.credit[k] or self.block_start[k] for k in group)
            and not any(_STOP.search(texts[k]) for k in group)  # (a paragraph's end: "…建议。———编者")
        )

    @cached_property
    def _pictured(self) -> bool:
        """Whether the page holds a picture mark's words at all (see :meth:`picture_title`)."""
        return "图片" in self.page

    def credit_wrapped(self, i: int) -> bool:
        """Whether line ``i`` opens a photo's credit or caption mark that the
        next line closes and ends with, wrapped at the bracket's inside
        ("…（新华社" / "记者黄文摄）", "…（附图" / "片１张）"), or an
        article's sign-off, names in brackets after its last sentence
        ("…００多万元。（张" / "芳发赵继刚洪磊）"): one block's end, whatever
        the widths (a caption set across the columns shows none) and though
        the rest has no punctuation of its own."""
        a, b = self.texts[i], self.texts[i + 1]
        if b[-1] not in "）)" or "（" in b or "(" in b or not leaves_open(a):
            return False
        return self.lex.block_end.search(a + b) is not None or _SIGN_OFF.search(a + b) is not None

    def caption_across(self, i: int) -> bool:
        """Whether lines ``i`` and ``i + 1`` are lines of a photo caption
        set across the columns, wider than the column under it: the caption
        ends within CAPTION_LINES lines after line ``i`` ("…羊的健康状况。
        （章平摄）", no block starting before), its lines up to the end one
        width (within a cell), the end no wider and with sentence punctuation
        (not the next caption's title: "…摊位（图片）"; the rest of a credit
        wrapped inside its brackets is the end), and line ``i`` or the next
        holds sentence punctuation and line ``i`` goes on (it ends no
        sentence or list item).
        On a page already one paragraph a line no lines are joined."""
        if self.terminal[i] or self.no_punct[i] and self.no_punct[i + 1] or self.unwrapped or self._list_end(i):
            return False
        widths, width = self.widths, self.widths[i]
        for k in range(i + 1, min(len(widths), i + 1 + CAPTION_LINES)):
            if self.block_start[k] or self.credit[k] or self.paired[k]:
                return False
            if self.ends_block[k]:
                # (not the title of the next: "…（图片）"; a credit wrapped inside its brackets ends it too)
                return widths[k] <= width + 1 and (not self.no_punct[k] or self.credit_wrapped(k - 1))
            if abs(widths[k] - width) > 1:
                return False
        return False

    def rest_across(self, i: int) -> bool:
        """Whether line ``i + 1`` is the short rest of a block set wider than
        the column (a summary, a title or a caption across the columns) that
        line ``i`` cut in a word or inside a bracket or quote ("…十年帮助一百六十万贫困妇"
        / "女脱贫", "…英雄（摘" / "译）"): line ``i`` holds sentence punctuation
        and goes on (no list item's end), the rest is half its width at most
        and the block ends with it (a sentence's end, or a new block, credit
        or subtitle after it), and no field (a label and its colon). On a page
        already one paragraph a line no lines are joined."""
        a, widths = self.texts[i], self.widths
        if not self.cut[i] or self.unwrapped or self._list_end(i) or not (is_han(a[-1]) or leaves_open(a)):
            return False
        if 2 * widths[i + 1] > widths[i] or self.texts[i + 1].startswith("——"):
            return False  # (a subtitle or a writer's credit after a dash is a block of its own)
        if _LABEL.fullmatch(self.texts[i + 1]) is not None:
            return False  # (a field of its own: its label and colon, "投资评级：买入")
        k = i + 2
        return self.terminal[i + 1] or k < len(widths) and (self.block_start[k] or self.credit[k] or self.texts[k].startswith("——"))

    def caption_credit(self, i: int) -> bool:
        """Whether the photo's credit alone on line ``i + 1`` ("（新华社记者张生贵摄）")
        closes the caption that line ``i`` ends: a sentence's end on a line
        that fills its column, so the credit could not follow it there, in a
        block that is a photo's caption (a numbered one, "１、…", or one
        with a sentence that shows the photo: "…。图为…"). After a body
        paragraph, or a caption's short last line, a credit stands alone."""
        if not (self.ends_block[i + 1] and self.terminal[i]) or _PARENTHESIS.fullmatch(self.texts[i + 1]) is None:
            return False
        column = self.columns[i]
        if column is None or self.measured[i] < column - 1:
            return False
        caption = "".join(self.texts[self.block : i + 1])
        sentences = [0] + [k + 1 for k, ch in enumerate(caption) if ch in SENTENCE_END]
        opener = self.lex.caption_opener.match
        return _item(caption) is not None or any(opener(caption, k) is not None for k in sentences)

    def signs_off(self, i: int) -> bool:
        """Whether line ``i + 1`` is an article's sign-off (names or a source
        in brackets, no punctuation nor gap in them: "（董善浦）", "（据新华社电）";
        no photo's credit) after its last sentence, which line ``i`` ends
        on a full line (see :meth:`caption_credit`): the sign-off went on
        the paragraph's line, and only wrapped."""
        a, b = self.texts[i], self.texts[i + 1]
        column = self.columns[i]
        return (
            a[-1] in "。！？"
            and column is not None
            and self.measured[i] >= column - 1
            and _SIGN_OFF.search(a[-1] + b) is not None
            and self.lex.block_end.search(b) is None
        )

    def signed(self, i: int) -> bool:
        """Whether line ``i`` is a byline of its own: after a dash
        ("——本报记者祝谦"), a block as a subtitle is (SPEC 8); or one clearly
        short of its column, a reporter's words and a name
        ("本报记者陈兴贵" under a title; a byline that fills the column may be
        the first line of its dateline's paragraph, "本报记者许立群" /
        "报道：…", unless a title follows it, "本报记者李济国贾建舟" / "风景这边好",
        and so is one the next line goes on from with a verb and
        a colon or the dateline's words; not the rest of a name a narrow
        column cut: "本报记者朱竞" / "若")."""
        if not self.byline[i]:
            return False
        line = self.texts[i]
        if line[0] == "—":
            return True
        column = self.columns[i]
        if column is None or i + 1 >= len(self.texts):
            return False
        words, after = _unspaced(line), _unspaced(self.texts[i + 1])
        who = self.lex.reporter.match(words)
        # a reporter's words and a name alone (not a dateline's first line: "本报上海1月11日电 记者",
        # "新华社…电（记"), and no verb and colon of theirs going on ("本报记者陈兴贵" / "报道：…")
        alone = who is not None and _NAME.fullmatch(words, who.end()) is not None and _LEAD_COLON.match(after) is None
        if self.measured[i] >= column - 1:
            # (... unless a title follows it: no punctuation, longer than a name's rest,
            # short of the column: "本报记者李济国贾建舟" / "风景这边好"; or it stands alone
            # and the next line is no name's rest: "本报特派记者管彦忠" / "压题照片为哥斯达黎加")
            if self.no_punct[i + 1] and len(self.texts[i + 1]) > BYLINE_NAME and self.short(i + 1):
                return True
            return alone and not (self.no_punct[i + 1] and len(after) <= BYLINE_NAME)
        if self.no_punct[i + 1] and len(self.texts[i + 1]) <= BYLINE_NAME:
            return False  # (the rest of a name a narrow column cut: "本报记者朱竞" / "若")
        if not alone:
            return False
        m = self.lex.dateline.match(words + after)
        return m is None or m.end() <= len(words)

    def _unit_after_digits(self, line: str) -> bool:
        """Whether ``line`` opens with the digits of a number and its unit
        ("0日，"): the tail of a number the line before cut ("…1月1" / "0日"),
        whether or not the lines show a column."""
        m = _LEADING_DIGITS.match(line)
        return m is not None and self.lex.unit.match(line, m.end()) is not None

    def joiner(self, i: int) -> str:
        """What joining line ``i`` to the next puts between them (see
        :func:`_joiner`); between Chinese text and a Latin word, nothing
        where the lines of the stretch set them side by side without a
        space more often than with one ("由演员Randy Quaid" / "配音")."""
        last, first = self.texts[i][-1], self.texts[i + 1][0]
        join = _joiner(last, first)
        if join == " " and (_LATIN_LETTER.match(last) and is_han(first) or is_han(last) and _LATIN_LETTER.match(first)):
            lo, hi = self._stretch(i)
            if lo not in self._latin_tight:
                text = "\n".join(self.texts[lo:hi])
                self._latin_tight[lo] = len(_LATIN_TIGHT.findall(text)) > len(_LATIN_SPACED.findall(text))
            return "" if self._latin_tight[lo] else join
        return join

    def _cut_word(self, i: int, column: float | None) -> bool:
        """Whether line ``i`` of Chinese text ends in a Latin word cut at the
        column's very edge ("Pie" / "r"; not "Randy" / "Quaid"): it fills
        the column to LATIN_CUT, its word spaces counted, and the letters
        that went down with a closing mark ("Pie" / "r）。") too."""
        line, after = self.texts[i], self.texts[i + 1]
        if column is None or line[-1].islower() and after[0].isupper():
            return False
        moved = _KINSOKU_MOVED.match(after)
        width = self.measured[i] + WORD_SPACE * len(_WORD_SPACE.findall(line))
        return width + (display_width(moved.group(1)) if moved else 0.0) >= column - LATIN_CUT

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
        """Whether the hyphen ending Latin line ``i`` only split a word (see :mod:`.hyphens`)."""
        if self._words is None:
            self._words = document_words(self.page)
        return drops_hyphen(self.texts[i], self.texts[i + 1], self._words)


#: An Edit from a tuple of its four fields, made in C (a NamedTuple's own
#: constructor is a Python function, and a page makes an edit a line).
_edit = partial(tuple.__new__, Edit)


def unwrap_with(text: str, lexicon: Lexicon | None = None) -> Iterator[Edit]:
    """The edits of :func:`unwrap_columns`, with the vocabulary of ``lexicon``."""
    page = _Page(text, lexicon or default_lexicon())
    starts, ends = page.starts, page.ends
    if not starts:
        if text:
            yield Edit(0, len(text), "")
        return
    yield Edit(0, starts[0], "")
    start_of_block = True
    settled, headline = page.settled, page.headline
    for i in range(len(starts) - 1):
        if start_of_block:
            page.block = i
        if start_of_block and not headline[i]:
            for k in range(i, page.headline_run_end(i)):
                headline[k] = True
        if settled[i] and not headline[i] and not headline[i + 1]:
            yield _edit((ends[i], starts[i + 1], "", "full-line"))  # (as decide would: see _Page.settled)
            start_of_block = False
            continue
        joint, rule = page.decide(i)
        start_of_block = joint == "\n"
        start = ends[i]
        if joint == "" and page.texts[i][-1] == "-" and page.drops_hyphen(i):
            start -= 1  # "infor-\nmation" -> "information"
        yield _edit((start, starts[i + 1], joint, rule))
    yield Edit(ends[-1], len(text), "\n")


@normalizer(
    "column-wrap", lexical=unwrap_with, after="running-headers", touches={"latin"}, idempotent=True,
    cut_before=after_sentences,
)
def unwrap_columns(text: str) -> Iterator[Edit]:
    """Join the column lines of each paragraph; one block per line, no blank lines.

    >>> unwrap_columns("会议强调，全市各级政协党组要充分认\\n\\n识加强政协党的建设工作的重要性和必要\\n\\n性，旗帜鲜明讲政治，充分发挥把方向、管大\\n\\n局、保落实的重要作用。\\n\\n嘉峪关市政协\\n\\n召开党组理论学习中心组（扩大）会议\\n")
    '会议强调，全市各级政协党组要充分认识加强政协党的建设工作的重要性和必要性，旗帜鲜明讲政治，充分发挥把方向、管大局、保落实的重要作用。\\n嘉峪关市政协\\n召开党组理论学习中心组（扩大）会议\\n'

    Where blank lines stand at some breaks only, they mark paragraphs (a
    full line ending in 。 is otherwise taken to go on):

    >>> unwrap_columns("要加强组织领导，压\\n实责任，落到实处。\\n\\n委员们纷纷发言，围\\n绕主题建言献策。\\n")
    '要加强组织领导，压实责任，落到实处。\\n委员们纷纷发言，围绕主题建言献策。\\n'
    >>> unwrap_columns("要加强组织领导，压\\n实责任，落到实处。\\n委员们纷纷发言，围\\n绕主题建言献策。\\n")
    '要加强组织领导，压实责任，落到实处。委员们纷纷发言，围绕主题建言献策。\\n'
    """
    return unwrap_with(text)
