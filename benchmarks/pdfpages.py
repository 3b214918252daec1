"""Typeset corpus text as newspaper-like PDF pages, with each page's ground truth.

Used by ``pdf_accuracy.py``. A page is drawn with reportlab, one glyph at a
time, on a grid of cells: a CJK character (or full-width form) takes one cell,
a half-width digit or Latin letter half a cell (each glyph is scaled
horizontally to its cell, so an extractor sees no gap the layout did not
make). Or, with :func:`natural_glyphs`, each glyph takes its own advance in
the font, as most PDFs print them (WenQuanYi Zen Hei: a digit 0.6 of a cell,
a curly quote a third, "·" a quarter). Lines are broken by the test suite's
typesetter (``generators.wrap``: greedy, "，。、" hanging past the edge, no
line starting with closing punctuation).

Layout marks inside the text handed to ``wrap``:

* ``INDENT`` (half a cell each) opens a paragraph's first line;
* ``GAP`` (half a cell each) is blank space that is not in the text: letter
  spacing, the space after a dateline, gaps around half-width numbers, a
  Latin word space. A gap at either end of a printed line is dropped.

The ground truth of a page (:attr:`Page.truth`) is its blocks in reading
order: region by region (left to right), in each region its spanning headline
and then its columns from left to right, each column from top to bottom; a
block's text is the source text exactly (fake bold once, no layout gaps).
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
#: The clean corpus (People's Daily 1998, UD Chinese GSDSimp), kept beside the
#: repository, never in it.
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

from generators import cells, wrap  # noqa: E402

INDENT = "\x02"
GAP = "\x01"
HIDDEN = INDENT + GAP

#: How wide a glyph is set (cells): on the grid (``cells``), or its advance in
#: the font (see natural_glyphs).
advance = cells


def natural_glyphs(font_path: str) -> None:
    """Set every glyph at its own advance in the font at ``font_path`` from
    now on (the layout marks stay half a cell each)."""
    from reportlab.pdfbase import pdfmetrics

    name = font(font_path)

    @lru_cache(maxsize=None)
    def natural(ch: str) -> float:
        if ch in HIDDEN:
            return 0.5
        return pdfmetrics.stringWidth(ch, name, 1000) / 1000 if ch != " " else 0.0

    global advance
    advance = natural

#: Column-width bands of the report, in cells.
BANDS = ((8, 15), (16, 24), (25, 40), (41, 60))
MARGIN = 36.0  # page margin, pt

# --------------------------------------------------------------------------
# Source text
# --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？…；：][”’」』）》]*$")
_CAPTION = re.compile(r"摄）$|摄$|（图片）$|（传真照片）$|供图）?$")
#: A dateline that opens a paragraph: 本报北京１月５日电, 新华社北京十二月三十一日电, 本报讯.
DATELINE = re.compile(r"^据?(?:本报|新华社|中新社)[^，。：；“”（）《》]{0,14}?(?:讯|电)")
PLACES = ["北京", "上海", "天津", "重庆", "广州", "南京", "武汉", "成都", "西安", "沈阳", "兰州", "昆明", "香港", "华盛顿", "东京"]
NAMES = ["王霞光", "陈昭", "刘振英", "张宿堂", "吴亚明", "龚雯", "李维平", "温宪", "何加正", "董伟", "贾建舟", "黄振中"]
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@dataclass
class Article:
    titles: list[str]
    items: list[tuple[str, str]]  # (kind, text): kind "body" or "caption"


class Corpus:
    """The two corpus files: People's Daily articles and UD sentences."""

    def __init__(self, directory: Path) -> None:
        self.pd_lines = (directory / "pd1998-jan01-13.txt").read_text(encoding="utf-8").splitlines()
        self.ud_lines = (directory / "ud-gsdsimp-dev.txt").read_text(encoding="utf-8").splitlines()
        self.articles = _articles(self.pd_lines)
        self.captions = [t for a in self.articles for k, t in a.items if k == "caption" and len(t) <= 90]


def line_kind(line: str) -> str:
    """caption (a photo caption or credit), body (ends a sentence) or title;
    a "title" over 40 characters or holding a 。 is a body line (a list)."""
    if _CAPTION.search(line):
        return "caption"
    if _SENTENCE_END.search(line) or len(line) > 40 or "。" in line:
        return "body"
    return "title"


def _articles(lines: list[str]) -> list[Article]:
    """Runs of title lines, each with the body and caption lines after it."""
    out: list[Article] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        kind = line_kind(line)
        if kind == "title":
            if not out or out[-1].items:
                out.append(Article([], []))
            out[-1].titles.append(line)
        elif out:
            out[-1].items.append((kind, line))
    return [a for a in out if a.items]


# --------------------------------------------------------------------------
# Page parameters
# --------------------------------------------------------------------------


@dataclass
class Spec:
    """Everything random about one page (drawn by :func:`draw_spec`)."""

    source: str  # "pd" (People's Daily articles) or "ud" (UD sentences in paragraphs)
    width: int  # body column width, cells
    regions: list[int]  # columns of each region, left to right
    size: float  # body font size, pt
    leading: float  # line advance over font size
    page_height: float
    gutter: float  # cells between columns
    indent: bool  # first lines indented two cells
    digits: str  # "full" (as the corpus), "half" (half-width), "half-gap" (half-width, gaps around numbers)
    spanning: float  # chance that a region of 2+ columns opens with a headline across it
    bold_titles: float  # chance a headline is fake bold (drawn twice, line by line)
    bold_paragraphs: float  # chance a paragraph is fake bold (line by line)
    bold_leads: float  # chance a lead phrase (dateline, "XX说：") is fake bold (run by run)
    bold_terms: float  # chance a paragraph holds key terms in fake bold (run by run, inside its lines)
    spaced_titles: float  # chance a short headline is letter-spaced
    captions: float  # chance an article gets a photo with a caption
    datelines: float  # chance an article without a dateline gets a synthesized one
    dateline_gap: float  # chance a dateline is followed by a one-cell gap
    para_space: float  # extra space between paragraphs, in lines
    centred: bool  # headlines centred (else flush left)
    rules: bool  # vertical rules between columns
    bold_offset: tuple[float, float]  # (dx, dy) of the second impression, pt
    start: float  # where in the corpus the page starts (0-1)

    @property
    def columns(self) -> int:
        return sum(self.regions)

    @property
    def band(self) -> str:
        return next(f"{lo}-{hi}" for lo, hi in BANDS if lo <= self.width <= hi)


def draw_spec(rng: random.Random, **force) -> Spec:
    """A random page layout; keyword arguments fix any field."""
    lo, hi = rng.choice(BANDS)
    width = force.get("width", rng.randint(lo, hi))
    columns = rng.randint(1, max(1, min(5, 150 // width)))
    regions = [columns]
    if columns >= 2 and rng.random() < 0.35:
        k = rng.randint(1, columns - 1)
        regions = [k, columns - k]
    source = "ud" if rng.random() < 0.2 else "pd"
    spec = Spec(
        source=source,
        width=width,
        regions=regions,
        size=rng.choice([9.0, 10.0, 10.5, 12.0]),
        # Newspapers set columns tight; books and reports (one column) looser.
        leading=rng.uniform(1.2, 1.5) if columns > 1 else rng.uniform(1.3, 1.8),
        page_height=rng.choice([842.0, 1191.0]),
        # At 1.5 cells (half a cell beside a hanging comma) pdftotext's default
        # mode reads across the columns; the "tight-gutter" sample shows it.
        gutter=rng.choice([2.0, 2.5, 3.0]),
        indent=rng.random() < 0.6,
        digits=rng.choice(["full", "full", "half", "half-gap"] if source == "pd" else ["half", "half-gap"]),
        spanning=0.7,
        bold_titles=rng.choice([0.0, 0.3, 0.7]),
        bold_paragraphs=rng.choice([0.0, 0.0, 0.15]),
        bold_leads=rng.choice([0.0, 0.5, 0.9]),
        # (drawn from what is drawn already, so that adding it changed no other page)
        bold_terms=random.Random(f"{width}:{columns}:{source}").choice([0.0, 0.0, 0.3]),
        spaced_titles=rng.choice([0.0, 0.0, 0.5]),
        captions=rng.choice([0.0, 0.2, 0.4]),
        datelines=0.35,
        dateline_gap=rng.choice([0.0, 0.7]),
        para_space=rng.choice([0.0, 0.0, 0.5]),
        centred=rng.random() < 0.5,
        rules=rng.random() < 0.5,
        bold_offset=(round(rng.uniform(0.2, 0.5), 2), rng.choice([0.0, 0.0, 0.2])),
        start=rng.random(),
    )
    return replace(spec, **force)


# --------------------------------------------------------------------------
# Blocks and printed lines
# --------------------------------------------------------------------------


@dataclass
class Block:
    """One block of the ground truth and how it is printed."""

    text: str  # the ground truth line
    kind: str  # paragraph, dateline, headline, subtitle, caption
    tags: set[str] = field(default_factory=set)  # features, for the per-feature table
    gaps: dict[int, int] = field(default_factory=dict)  # text index -> half cells of gap before it
    bold_end: int = 0  # text[:bold_end] is fake bold, drawn run by run
    bold_terms: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of key terms in fake bold, run by run
    bold_line: bool = False  # the whole block is fake bold, drawn line by line
    ends_full: bool = False  # a paragraph (a dateline's too) whose last printed line fills its column (cells, half a cell short at most)

    def printed(self, indent: int = 0) -> tuple[str, list[bool]]:
        """The text with layout marks, and which characters are fake bold."""
        chars, bold = [INDENT] * indent, [False] * indent
        for i, ch in enumerate(self.text):
            n = self.gaps.get(i, 0)
            chars += [GAP] * n
            bold += [False] * n
            chars.append(GAP if ch == " " else ch)
            bold.append(self.bold_line or i < self.bold_end or any(lo <= i < hi for lo, hi in self.bold_terms))
        return "".join(chars), bold


@dataclass
class Line:
    """A printed line: glyphs at offsets (cells) from the line's start."""

    glyphs: list[tuple[float, str, bool]]  # (x in cells, character, fake bold)
    width: float  # cells
    size: float  # font size, pt
    by_line: bool  # fake bold drawn line by line (else run by run)

    def text(self) -> str:
        """What a perfect extractor reads: the glyphs, a space for a gap."""
        out, last = [], None
        for x, ch, _ in self.glyphs:
            if last is not None and x - last > 0.25:
                out.append(" ")
            out.append(ch)
            last = x + advance(ch)
        return "".join(out)


def set_lines(block: Block, width: float, size: float, indent: int = 0) -> list[Line]:
    """``block`` wrapped at ``width`` cells."""
    printed, bold = block.printed(indent)
    lines, pos = [], 0
    for piece in wrap(printed, max(1, int(width)), advance):
        flags = bold[pos : pos + len(piece)]
        pos += len(piece)
        pairs = list(zip(piece, flags))
        while pairs and pairs[0][0] == GAP:
            pairs.pop(0)
        while pairs and pairs[-1][0] in HIDDEN:
            pairs.pop()
        x, glyphs = 0.0, []
        for ch, b in pairs:
            if ch not in HIDDEN:
                glyphs.append((x, ch, b))
            x += advance(ch)
        if glyphs:
            lines.append(Line(glyphs, x, size, block.bold_line))
    return lines


# --------------------------------------------------------------------------
# Content: the blocks of each article
# --------------------------------------------------------------------------


def _digits(text: str, spec: Spec) -> str:
    return text if spec.digits == "full" else text.translate(_FULL_DIGITS)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _number_gaps(block: Block, rng: random.Random) -> None:
    """Half-cell gaps between half-width numbers and the Han characters around them."""
    text = block.text
    for m in _NUMBER.finditer(text):
        choice = rng.randint(1, 3)
        for side, at, neighbour in ((1, m.start(), m.start() - 1), (2, m.end(), m.end())):
            if choice & side and 0 <= neighbour < len(text) and _is_han(text[neighbour]):
                block.gaps[at] = block.gaps.get(at, 0) + 1
                block.tags.add("digit-gaps")


def _synth_dateline(rng: random.Random, spec: Spec) -> str:
    day = _digits(f"１月{'０１２３４５６７８９'[rng.randint(1, 9)]}日", spec)
    place, name = rng.choice(PLACES), rng.choice(NAMES)
    return rng.choice(
        [
            f"本报{place}{day}电记者{name}报道：",
            f"新华社{place}{day}电（记者{name}）",
            "本报讯",
            f"据新华社{place}{day}电",
            "据新华社报道，",
        ]
    )


def _paragraph(text: str, first: bool, rng: random.Random, spec: Spec) -> Block:
    text = _digits(text, spec)
    if first and not DATELINE.match(text) and rng.random() < spec.datelines:
        text = _synth_dateline(rng, spec) + text
    m = DATELINE.match(text) if first else None
    block = Block(text, "dateline" if m else "paragraph")
    if spec.digits == "half-gap":
        _number_gaps(block, rng)
    if m:
        if rng.random() < spec.dateline_gap and m.end() < len(text):
            block.gaps[m.end()] = block.gaps.get(m.end(), 0) + 2
            block.tags.add("dateline-gap")
        if rng.random() < spec.bold_leads:
            block.bold_end = m.end()
    elif rng.random() < spec.bold_leads / 2:
        colon = text.find("：", 0, 14)
        if colon >= 3:
            block.bold_end = colon + 1
    if not block.bold_end and rng.random() < spec.bold_paragraphs and len(text) < 200:
        block.bold_line = True
    if not block.bold_line:
        _bold_terms(block, random.Random(text), spec)
    if block.bold_end or block.bold_terms:
        block.tags.add("bold-run")
    if block.bold_line:
        block.tags.add("bold-line")
    return block


def _bold_terms(block: Block, rng: random.Random, spec: Spec) -> None:
    """Key terms of a paragraph set in fake bold (textbooks, reports): one
    or two runs of 2-6 Han characters after its lead phrase, drawn from
    ``rng`` (seeded from the text: the page's other draws do not move)."""
    if rng.random() >= spec.bold_terms:
        return
    text, lo = block.text, block.bold_end + 2
    for _ in range(rng.choice([1, 1, 2])):
        n = rng.randint(2, 6)
        if len(text) - 2 - n <= lo:
            return
        start = rng.randint(lo, len(text) - 2 - n)
        if all(_is_han(ch) for ch in text[start : start + n]):
            block.bold_terms.append((start, start + n))
            lo = start + n + 2


def _title(text: str, kind: str, rng: random.Random, spec: Spec) -> Block:
    text = _digits(text, spec)
    if kind == "subtitle" and _is_han(text[0]) and rng.random() < 0.4:
        text = "——" + text
    block = Block(text, kind)
    if spec.digits == "half-gap":
        _number_gaps(block, rng)
    if kind == "headline" and rng.random() < spec.bold_titles:
        block.bold_line = True
        block.tags.add("bold-line")
    return block


def articles(
    corpus: Corpus, spec: Spec, rng: random.Random, chosen: list[Article] | None = None
) -> Iterator[list[Block]]:
    """Articles of 1-6 consecutive paragraphs, from where ``spec.start`` points
    in the corpus (or in ``chosen`` articles of it)."""
    if spec.source == "ud":
        pos = int(spec.start * len(corpus.ud_lines))
        while True:
            blocks = []
            for _ in range(rng.randint(1, 6)):
                k = rng.randint(2, 6)
                sentences = [corpus.ud_lines[(pos + j) % len(corpus.ud_lines)] for j in range(k)]
                pos += k
                blocks.append(_paragraph("".join(sentences), False, rng, spec))
            yield blocks
    pool = chosen or corpus.articles
    pos = int(spec.start * len(pool))
    while True:
        article = pool[pos % len(pool)]
        pos += 1
        blocks = [_title(t, "headline" if k == 0 else "subtitle", rng, spec) for k, t in enumerate(article.titles[:3])]
        first = True
        for kind, text in article.items[: rng.randint(1, 6)]:
            if kind == "caption":
                blocks.append(Block(_digits(text, spec), "caption"))
            else:
                blocks.append(_paragraph(text, first, rng, spec))
                first = False
                if rng.random() < spec.captions / 2 and corpus.captions:
                    blocks.append(Block(_digits(rng.choice(corpus.captions), spec), "caption"))
        yield blocks


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------


@dataclass
class Row:
    """Something a column holds: a printed line, a photo, or space."""

    height: float  # pt
    line: Line | None = None
    x: float = 0.0  # offset from the column's left edge, pt
    photo: float = 0.0  # photo width, pt (0: no photo)
    space: bool = False  # vertical space (dropped at a column top)


@dataclass
class Placed:
    row: Row
    x: float  # left, pt
    top: float  # top of the row, pt from the page bottom
    col: int = 0  # column of its region


class Flow:
    """Columns filled top to bottom, left to right."""

    def __init__(self, columns: list[tuple[float, float]], top: float, bottom: float) -> None:
        self.columns = columns  # (left, width), pt
        self.top, self.bottom = top, bottom
        self.col, self.y = 0, top
        self.placed: list[Placed] = []

    def place(self, rows: list[Row], keep: float = 0.0) -> list[Placed] | None:
        """Place ``rows``, continuing into the next column when one is full.

        ``keep`` > 0: the rows must stand in one column with ``keep`` pt free
        under them (a headline is kept with its first lines). Returns None,
        placing nothing, when the rows do not fit.
        """
        col, y = self.col, self.y
        if keep:
            need = sum(r.height for r in rows if not r.space) + keep
            if need > self.top - self.bottom:
                return None
            if y - sum(r.height for r in rows) - keep < self.bottom:
                col, y = col + 1, self.top
        out = []
        for row in rows:
            if row.space and y == self.top:
                continue
            if y - row.height < self.bottom:
                col, y = col + 1, self.top
                if row.space:
                    continue
            if col >= len(self.columns):
                return None
            left, _ = self.columns[col]
            out.append(Placed(row, left + row.x, y, col))
            y -= row.height
        self.col, self.y = col, y
        self.placed += out
        return out


@dataclass
class Page:
    spec: Spec
    truth: list[Block]  # reading order
    printed: str  # each printed line in reading order, as a perfect extractor reads it
    pdf: bytes
    crops: list[tuple[float, float, float, float]]  # (x0, top, x1, bottom) from the top-left, reading order
    size: tuple[float, float]


@lru_cache(maxsize=None)
def font(path: str) -> str:
    """Register the TrueType CJK font at ``path`` with reportlab; its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
    return "CJK"


def find_font() -> str:
    """A TrueType-outline CJK font (reportlab cannot embed CFF outlines)."""
    for family in ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UKai CN"):
        try:
            found = subprocess.run(
                ["fc-match", "--format=%{file}", family], capture_output=True, text=True, check=True
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            break
        if found.lower().endswith((".ttf", ".ttc")) and "wqy" in found.lower() + family.lower():
            return found
    for candidate in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"):
        if Path(candidate).exists():
            return candidate
    raise SystemExit("no TrueType CJK font found: install fonts-wqy-zenhei or pass --font")


class _Typesetter:
    def __init__(self, spec: Spec, rng: random.Random) -> None:
        self.spec, self.rng = spec, rng
        self.body = spec.size
        self.col_pt = spec.width * spec.size

    def rows(self, block: Block, width_pt: float, size: float, indent: int = 0, centred: bool = False) -> list[Row]:
        lines = set_lines(block, width_pt / size, size, indent)
        out = []
        for line in lines:
            x = (width_pt - line.width * size) / 2 if centred else 0.0
            out.append(Row(size * self.spec.leading, line, max(0.0, x)))
        return out

    def headline(self, block: Block, width_pt: float, size: float) -> list[Row]:
        """A headline or subtitle; a short headline may be letter-spaced."""
        if block.kind == "headline" and len(block.text) <= 10 and self.rng.random() < self.spec.spaced_titles:
            spacing = self.rng.choice([2, 3, 4])  # 1-2 cells between characters
            if sum(map(advance, block.text)) + (len(block.text) - 1) * spacing / 2 <= width_pt / size:
                block.gaps = {i: spacing for i in range(1, len(block.text))}
                block.tags.add("spaced")
        return self.rows(block, width_pt, size, centred=self.spec.centred)

    def block(self, block: Block) -> tuple[list[Row], float]:
        """The rows of a block in a column, and how much room to keep under them."""
        spec, body = self.spec, self.body
        if block.kind in ("headline", "subtitle"):
            size = body * (self.rng.uniform(1.2, 1.6) if block.kind == "headline" else 1.1)
            rows = self.headline(block, self.col_pt, size)
            return [Row(body * 0.6, space=True)] + rows + [Row(body * 0.3, space=True)], 2 * body * spec.leading
        if block.kind == "caption":
            photo = body * spec.leading * self.rng.randint(3, 7)
            rows = self.rows(block, self.col_pt, body * 0.85)
            return [Row(body * 0.5, space=True), Row(photo, photo=self.col_pt)] + rows + [Row(body * 0.5, space=True)], 0.0
        rows = self.rows(block, self.col_pt, body, indent=4 if spec.indent else 0)
        if spec.para_space:
            rows = [Row(body * spec.leading * spec.para_space, space=True)] + rows
        return rows, 0.0


def make_page(
    corpus: Corpus, spec: Spec, rng: random.Random, font_path: str, stream: Iterator[list[Block]] | None = None
) -> Page:
    """Lay out and draw one page, with articles from ``stream`` (default:
    :func:`articles`)."""
    setter = _Typesetter(spec, rng)
    size, col_pt, gutter_pt = spec.size, spec.width * spec.size, spec.gutter * spec.size
    page_w = 2 * MARGIN + spec.columns * col_pt + (spec.columns - 1) * gutter_pt
    page_h = spec.page_height
    stream = stream or articles(corpus, spec, rng)
    truth: list[Block] = []
    placed: list[Placed] = []
    crops: list[tuple[float, float, float, float]] = []
    first_col = 0
    for n_cols in spec.regions:
        left = MARGIN + first_col * (col_pt + gutter_pt)
        region_w = n_cols * col_pt + (n_cols - 1) * gutter_pt
        top, bottom = page_h - MARGIN, MARGIN
        article = next(stream)
        if n_cols >= 2 and article[0].kind == "headline" and rng.random() < spec.spanning:
            # Headline (and subtitles) across the region.
            y = top
            while article and article[0].kind in ("headline", "subtitle"):
                block = article.pop(0)
                hsize = size * (rng.uniform(1.6, 2.4) if block.kind == "headline" else 1.25)
                rows = setter.headline(block, region_w, hsize)
                for row in rows:
                    placed.append(Placed(row, left + row.x, y))
                    y -= row.height
                block.tags.add("spanning")
                truth.append(block)
            crops.append((left - 2, page_h - top - 2, left + region_w + 2, page_h - y + 2))
            top = y - size
        cols = [(left + k * (col_pt + gutter_pt), col_pt) for k in range(n_cols)]
        flow = Flow(cols, top, bottom)
        items: list[tuple[Block, list[Placed]]] = []
        skipped = 0
        while True:
            if not article:
                article = next(stream)
            block = article.pop(0)
            rows, keep = setter.block(block)
            got = flow.place(rows, keep)
            if got is None:
                if items or skipped >= 20:
                    break
                skipped += 1  # too long for an empty region: take the next article
                article = []
                continue
            if len({p.col for p in got if p.row.line is not None}) > 1:
                block.tags.add("across-columns")
            if block.kind in ("paragraph", "dateline"):
                last = [p.row.line for p in got if p.row.line is not None][-1]
                block.ends_full = last.width >= spec.width - 0.5
            items.append((block, got))
        # No headline left alone at the end of a region.
        while items and items[-1][0].kind in ("headline", "subtitle"):
            dropped = {id(p) for p in items.pop()[1]}
            flow.placed = [p for p in flow.placed if id(p) not in dropped]
        region_truth = [block for block, _ in items]
        truth += region_truth
        placed += flow.placed
        g = gutter_pt / 2
        crops += [(x - g, page_h - top - 2, x + col_pt + g, page_h - bottom + 2) for x, _ in cols]
        first_col += n_cols
    pdf = draw(placed, (page_w, page_h), spec, font(font_path), rules=_rules(spec, page_h, col_pt, gutter_pt))
    printed = "\n".join(p.row.line.text() for p in placed if p.row.line is not None) + "\n"
    crops = [(max(0, a), max(0, b), min(page_w, c), min(page_h, d)) for a, b, c, d in crops]
    return Page(spec, truth, printed, pdf, crops, (page_w, page_h))


def _rules(spec: Spec, page_h: float, col_pt: float, gutter_pt: float) -> list[tuple[float, float, float, float]]:
    if not spec.rules:
        return []
    xs = [MARGIN + k * (col_pt + gutter_pt) - gutter_pt / 2 for k in range(1, spec.columns)]
    return [(x, MARGIN, x, page_h - MARGIN) for x in xs]


_SCALE: dict[str, float] = {}


def draw(placed: list[Placed], size: tuple[float, float], spec: Spec, font_name: str, rules=()) -> bytes:
    """The PDF of one page (byte for byte the same for the same input)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size, invariant=1, pageCompression=1)
    c.setLineWidth(0.5)
    for x0, y0, x1, y1 in rules:
        c.line(x0, y0, x1, y1)
    dx, dy = spec.bold_offset
    current = [100.0]  # horizontal scaling (Tz) is graphics state: it outlives BT ... ET

    def scale(ch: str) -> float:
        if ch not in _SCALE:
            natural = pdfmetrics.stringWidth(ch, font_name, 1000)
            _SCALE[ch] = 100.0 * advance(ch) * 1000 / natural if natural else 100.0
        return _SCALE[ch]

    for p in placed:
        row = p.row
        if row.photo:
            c.setFillGray(0.85)
            c.rect(p.x, p.top - row.height + 2, row.photo, row.height - 4, stroke=0, fill=1)
            c.setFillGray(0)
            continue
        if row.line is None:
            continue
        line, s = row.line, row.line.size
        baseline = p.top - s * 0.88
        t = c.beginText()
        t.setFont(font_name, s)

        def out(glyphs, ox=0.0, oy=0.0):
            for x, ch, _ in glyphs:
                h = scale(ch)
                if h != current[0]:
                    t.setHorizScale(h)
                    current[0] = h
                t.setTextOrigin(p.x + x * s + ox, baseline + oy)
                t.textOut(ch)

        if line.by_line:  # the whole line, then the whole line again
            out(line.glyphs)
            out(line.glyphs, dx, dy)
        else:  # each run of bold glyphs twice before the next run
            for bold, group in groupby(line.glyphs, key=lambda g: g[2]):
                run = list(group)
                out(run)
                if bold:
                    out(run, dx, dy)
        c.drawText(t)
    c.showPage()
    c.save()
    return buf.getvalue()
