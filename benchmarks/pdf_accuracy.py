"""Accuracy of cleantext's default cleaning on PDF pages read back by real extractors.

Clean source text (the corpus: People's Daily 1998, one paragraph a line, and
500 Wikipedia sentences of UD Chinese GSDSimp) is typeset into PDF pages whose
ground truth is known, each page is read back by real PDF text extractors, the
extraction is cleaned with ``cleantext.clean`` and compared with the truth.

PDF pages (typesetting in ``pdfpages.py``; every page drawn from ``--seed`` and
its number, so a run is repeatable):

* 1 to 5 columns, sometimes in two side-by-side regions, each region with its
  own articles; body column width 8 to 60 cells (a CJK character is a cell, a
  half-width digit or Latin letter half a cell; with ``--glyphs natural``,
  every glyph as wide as the font sets it, as most PDFs print them: in
  WenQuanYi Zen Hei a digit 0.6 of a cell, a curly quote a third, "·" a
  quarter), one width a page, drawn from
  the four bands of the report evenly; 9 to 12 pt type, leading 1.2 to 1.5
  on pages of columns and 1.3 to 1.8 on one-column pages (books, reports;
  from about 1.6 pdftotext makes every line a block of its own); gutters of
  2 to 3 cells (at 1.5 cells pdftotext's default mode reads straight across
  the columns: see the "tight-gutter" sample), sometimes with a rule;
* paragraphs placed glyph by glyph, wrapped by the test suite's typesetter
  (``tests/generators.py``: "，。、" hang past the edge, no line starts with
  closing punctuation), first lines indented two cells on some pages;
* articles of 1 to 6 consecutive corpus lines after their titles: a headline
  in the column (1.2-1.6x) or across the columns of its region (1.6-2.4x),
  subtitles (some starting with "——"), datelines from the corpus or
  synthesized (本报北京1月5日电, 新华社…电（记者…）, 本报讯, 据新华社报道), some
  followed by a one-cell gap, photos (grey boxes) with captions;
* fake bold: each glyph drawn again 0.2-0.5 pt to the right, run by run (a
  bold dateline or "XX说：" lead phrase inside a line, or key terms of 2-6
  characters inside a paragraph's lines, on a third of the pages) or line by
  line (a whole headline or paragraph: the line, then the line again);
* letter-spaced short headlines (1 to 2 cells between characters);
* digits full-width (as the corpus), half-width, or half-width with
  half-cell gaps to the CJK text around them;
* pages of UD sentences grouped into paragraphs of 2 to 6 sentences.

The ground truth is the page's blocks in reading order, one a line, exactly as
the source (fake bold once, letter-spaced titles without spaces, no gaps):
region by region, a region's spanning headline, then its columns left to
right, each top to bottom.

Extractors (their output is cached in ``benchmarks/out/pdf/cache``, keyed by
the PDF's bytes and the extractor's version):

* ``pdftotext`` (poppler, default reading-order mode) and ``pdftotext -layout``;
* pdfplumber ``page.extract_text()`` on the whole page, and on crops of each
  column (and each spanning headline) joined in reading order: pdfplumber
  reads a page line by line across the columns (a crop keeps the characters
  whose centre is inside it, so a comma hanging into the gutter stays with
  its column);
* PyMuPDF ``page.get_text()`` (blocks in the order they were drawn);
* pdfminer.six ``high_level.extract_text()`` with its default layout
  analysis (text boxes in its reading order, a blank line after each).

A reference row, "printed lines", cleans the printed lines exactly as drawn
(gaps as spaces, fake bold once): what a perfect extractor would give, so
the rows under it show what each extractor adds. pdfplumber on the whole page
and ``pdftotext -layout`` put the lines of side-by-side columns together; on
pages of 2+ columns their reading order is broken whatever cleaning does, so
those rows are reported apart ("2+ columns, order broken").

Scores: *lines exact* is the share of expected lines that come back exactly,
matched in order (difflib SequenceMatcher over lines, as ``accuracy.py``), by
body column width band and overall; *CER* is the Levenshtein distance of the
texts with all whitespace removed over the length of the expected text (so
layout spaces and line breaks do not count; doubled or lost characters and
reading-order errors do); *any order* counts the expected lines that come
back exactly wherever they stand (what the cleaning got right where an
extractor's reading order moved blocks). The same lines are scored again against the page
as SPEC 4 reads it ("SPEC 4 reading", as for the pure text below): on a page
that does not indent first lines, a paragraph whose last line fills its
column and ends a sentence goes on into the next, since nothing on the line
tells that break (the typesetter records which paragraphs end so). A further
table gives lines exact by what a line is
(dateline, headline, caption, bold, letter-spaced...), a third what kind of
failure each wrong line is.

Pure text (no PDF): documents of corpus lines wrapped with ``wrap`` at every
width 8-60 (titles kept on their line), in four forms: "\\n" between printed
lines, "\\n\\n" between every printed line (as the seed pages), a blank
line only between paragraphs (pdftotext on books), and "\\n" between printed
lines with each paragraph's first line indented two cells (books, reports and
journals as the extractors that keep indents print them); the first form is scored
again against the source as SPEC 4 reads it ("SPEC 4 reading": a paragraph
whose last line fills the column and ends a sentence goes on into the next,
since with no indent nothing tells that break; the source's lines minus what
no cleaner can know); and "clean prose": the
corpus files as they are, one paragraph a line, which must come back
unchanged (reported: the share of lines changed).

Run (from anywhere; needs the test and bench extras -- hypothesis for
``tests/generators.py``, reportlab, pdfplumber, pymupdf --, poppler-utils for
pdftotext and a TrueType CJK font such as fonts-wqy-zenhei):

    python benchmarks/pdf_accuracy.py [--pages 200] [--seed 1] [--jobs 2]
                                      [--text-docs 30] [--worst 5] [--json FILE]
                                      [--corpus DIR] [--font FILE] [--no-text] [--no-pdf]

``--worst N`` prints, for each extractor, N wrong lines (by failure kind) as
raw extraction -> cleaned -> expected, and the N most frequent wrong lines of
the pure-text forms. Pages, their truth and a few samples of what every
extractor prints for fake bold, letter spacing, columns and gapped digits
(``benchmarks/out/pdf/samples``) are written under benchmarks/out (gitignored).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from generators import cells, wrap  # noqa: E402
from pdfpages import BANDS, DEFAULT_CORPUS, Block, Corpus, articles, draw_spec, find_font, make_page, natural_glyphs  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from cleantext import clean  # noqa: E402
from cleantext.lexicon import default_lexicon  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "pdf"
EXTRACTORS = ("pdftotext", "pdftotext -layout", "pdfplumber page", "pdfplumber columns", "pymupdf", "pdfminer")
PRINTED = "printed lines (no PDF)"
#: Extractors that put side-by-side columns on one line.
ACROSS_COLUMNS = ("pdftotext -layout", "pdfplumber page")
BAND_NAMES = [f"{lo}-{hi}" for lo, hi in BANDS]
FEATURES = (
    "1 column", "2+ columns", "paragraph", "dateline", "headline", "spanning", "subtitle", "caption", "across-columns",
    "bold-run", "bold-line", "spaced", "digit-gaps", "dateline-gap", "ud",
)
TEXT_MODES = {
    "\\n": "\\n between lines", "\\n\\n": "\\n\\n between every line", "para": "blank line between paragraphs",
    "spec": "\\n between lines, SPEC 4 reading", "indent": "\\n between lines, paragraphs indented",
}
#: A paragraph's first-line indent in the "indent" form (two ideographic spaces, as books and reports set it).
INDENT = "\u3000\u3000"
#: A line that ends a sentence (SPEC 4: 。！？… or a closing quote after them).
_SENTENCE_END = re.compile(r"[。！？…][”’）」』]*$")


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def versions() -> dict[str, str]:
    import pdfminer
    import pdfplumber
    import pymupdf

    poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
    return {
        "pdftotext": poppler, "pdfplumber": pdfplumber.__version__, "pymupdf": pymupdf.VersionBind,
        "pdfminer": pdfminer.__version__,
    }


def _extract(names: list[str], path: Path, crops: list) -> dict[str, str]:
    """What each extractor in ``names`` prints for the one-page PDF at ``path``."""
    out = {}
    for name in names:
        if name.startswith("pdftotext"):
            cmd = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if "-layout" in name else []), str(path), "-"]
            out[name] = subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8", "replace")
        elif name == "pymupdf":
            import pymupdf

            with pymupdf.open(path) as doc:
                out[name] = doc[0].get_text()
        elif name == "pdfminer":
            from pdfminer.high_level import extract_text

            out[name] = extract_text(path)
    if any(name.startswith("pdfplumber") for name in names):
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]  # both modes share the page's parsed characters
            if "pdfplumber page" in names:
                out["pdfplumber page"] = page.extract_text() + "\n"
            if "pdfplumber columns" in names:
                out["pdfplumber columns"] = "\n".join(_crop(page, box).extract_text() for box in crops) + "\n"
    return out


def _crop(page, box: tuple[float, float, float, float]):
    """The characters of ``page`` whose centre is in ``box`` (a plain crop
    would also keep a comma hanging into the gutter from the next column)."""
    x0, top, x1, bottom = box

    def inside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return obj.get("object_type") == "char" and x0 <= cx < x1 and top <= cy < bottom

    return page.crop(box).filter(inside)


def _cache_path(name: str, pdf: bytes, crops: list) -> Path:
    tool = name.split()[0]
    key = hashlib.sha256(pdf + f"{name}|{versions()[tool]}|{crops if 'columns' in name else ''}".encode()).hexdigest()
    return OUT / "cache" / f"{key[:32]}.txt"


def extract(path: Path, pdf: bytes, crops: list) -> dict[str, str]:
    """What every extractor prints for the one-page PDF at ``path`` (cached)."""
    paths = {name: _cache_path(name, pdf, crops) for name in EXTRACTORS}
    missing = [name for name, cache in paths.items() if not cache.exists()]
    fresh = _extract(missing, path, crops) if missing else {}
    out = {}
    for name, cache in paths.items():
        if name in fresh:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.part")
            tmp.write_text(fresh[name], encoding="utf-8")
            tmp.replace(cache)
            out[name] = fresh[name]
        else:
            out[name] = cache.read_text(encoding="utf-8")
    return out


def for_cleaning(raw: str) -> str:
    """One page's extraction: the form feed pdftotext ends a page with goes."""
    return raw[:-1] if raw.endswith("\f") else raw


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def non_space(text: str) -> str:
    return "".join(text.split())


def classify(expected: list[str], got: list[str]) -> str:
    """What went wrong where expected lines were given as ``got``."""
    if not got:
        return "lost or moved away"
    e, g = non_space("".join(expected)), non_space("".join(got))
    if e == g:
        if len(got) > len(expected):
            return "block split"
        if len(got) < len(expected):
            return "blocks joined"
        if "".join(expected) == "".join(got):
            return "break moved"
        return "spaces"
    if Counter(e) == Counter(g):
        return "order"
    extra, missing = Counter(g) - Counter(e), Counter(e) - Counter(g)
    if extra and not missing:
        return "doubled text left" if all(ch in e for ch in extra) else "extra characters"
    if missing and not extra:
        return "characters lost"
    return "text differs (order, doubling, joins)"


def first_difference(expected: list[str], got: list[str]) -> int:
    """Where "\\n".join(got) first differs from "\\n".join(expected)."""
    e, g = "\n".join(expected), "\n".join(got)
    return next((i for i, (a, b) in enumerate(zip(e, g)) if a != b), min(len(e), len(g)))


def window(text: str, at: int, before: int = 12, after: int = 48) -> str:
    """``text`` around ``at``, newlines shown as ⏎, cuts as …."""
    start, end = max(0, at - before), min(len(text), at + after)
    return ("…" if start else "") + text[start:end].replace("\n", "⏎") + ("…" if end < len(text) else "")


def raw_context(raw: str, expected: list[str], at: int, before: int = 12, after: int = 60) -> str:
    """The stretch of ``raw`` that prints ``"\\n".join(expected)`` around ``at``,
    found by its first characters (whitespace ignored)."""
    where = [i for i, ch in enumerate(raw) if not ch.isspace()]
    flat = "".join(raw[i] for i in where)
    text = "\n".join(expected)
    start = max(0, at - before)
    key = non_space(text[start:])
    for n in (8, 4, 2, 1):
        k = flat.find(key[:n]) if key else -1
        if k >= 0:
            lo = where[k]
            hi = where[min(len(where) - 1, k + before + after)]
            return raw[lo : hi + 1].replace("\n", "⏎")
    return ""


def matched_lines(expected: list[str], got: list[str], matcher: difflib.SequenceMatcher | None = None) -> list[bool]:
    """Which expected lines come back exactly, in order."""
    matcher = matcher or difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    matched = [False] * len(expected)
    for block in matcher.get_matching_blocks():
        matched[block.a : block.a + block.size] = [True] * block.size
    return matched


def score(expected: list[str], got: list[str], raw: str | None = None) -> dict[str, Any]:
    """Matched flags of the expected lines, CER counts, and the wrong stretches."""
    matcher = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    matched = matched_lines(expected, got, matcher)
    wrong = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            e, g = expected[i1:i2], got[j1:j2]
            at = first_difference(e, g)
            shown = (window("\n".join(e), at), window("\n".join(g), at), raw_context(raw, e, at) if raw is not None else "")
            wrong.append((classify(e, g), e, g, shown))
    truth, out = non_space("".join(expected)), non_space("".join(got))
    # (the lines that come back exactly in any order: what the cleaning got right where an
    # extractor's reading order moved blocks, which no cleaning may undo: SPEC 1)
    anywhere = sum((Counter(expected) & Counter(got)).values())
    return {"matched": matched, "anywhere": anywhere, "dist": Levenshtein.distance(truth, out), "len": len(truth), "wrong": wrong}


# --------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init(corpus_dir: str, font_path: str, seed: int, glyphs: str = "grid") -> None:
    _STATE.update(corpus=Corpus(Path(corpus_dir)), font=font_path, seed=seed)
    if glyphs == "natural":
        natural_glyphs(font_path)


def block_tags(block: Block, spec) -> list[str]:
    """What the line is, for the per-feature table."""
    page = {"1 column" if spec.columns == 1 else "2+ columns"} | ({"ud"} if spec.source == "ud" else set())
    return sorted({block.kind, *block.tags} | page)


def pdf_task(index: int) -> dict[str, Any]:
    """Typeset page ``index``, extract it with every extractor, clean and score."""
    rng = random.Random(f"{_STATE['seed']}:{index}")
    spec = draw_spec(rng)
    page = make_page(_STATE["corpus"], spec, rng, _STATE["font"])
    folder = OUT / "pages" / f"seed{_STATE['seed']}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"p{index:04d}.pdf"
    if not path.exists() or path.read_bytes() != page.pdf:
        path.write_bytes(page.pdf)
    expected = [b.text for b in page.truth]
    (folder / f"p{index:04d}.truth.txt").write_text("".join(t + "\n" for t in expected), encoding="utf-8")
    read = pdf_spec_reading(page.truth, spec.indent)
    raws = {PRINTED: page.printed} | {name: for_cleaning(raw) for name, raw in extract(path, page.pdf, page.crops).items()}
    rows = {}
    for name, raw in raws.items():
        got = clean(raw).splitlines()
        rows[name] = score(expected, got, raw)
        rows[name]["spec"] = sum(matched_lines(read, got))
    return {
        "index": index,
        "spec_lines": len(read),
        "band": spec.band,
        "columns": spec.columns,
        "source": spec.source,
        "tags": [block_tags(b, spec) for b in page.truth],
        "rows": rows,
    }


def pdf_spec_reading(truth: list[Block], indented: bool) -> list[str]:
    """A page's blocks as SPEC 4 reads them when no extractor tells more
    than the printed lines (see :func:`_runs_on`): on a page that does not
    indent first lines, a paragraph whose last line fills its column and
    ends a sentence goes on into the paragraph after it (pdftotext's and
    pdfminer's blank lines, or the extra space some pages set between
    paragraphs, may tell such a break, so those rows can score above it)."""
    return _runs_on(
        (
            b.text,
            b.kind == "paragraph",
            b.kind in ("paragraph", "dateline") and not indented and b.ends_full and bool(_SENTENCE_END.search(b.text)),
        )
        for b in truth
    )


def _runs_on(blocks: Iterable[tuple[str, bool, bool]]) -> list[str]:
    """The lines SPEC 4 reads of ``blocks`` (text, whether it is a
    paragraph, whether it is a paragraph, a dateline's too, that ends a
    sentence on a full line): a paragraph after one that ends so is joined
    to it, since nothing on the page tells that break; unless it opens
    what starts a paragraph wherever it stands (a new stage of a report,
    SPEC 4's "会议强调，"; a numbered item, a bullet, a dash: the lexicon's
    block starts)."""
    lex = default_lexicon()
    out: list[str] = []
    runs_on = False
    for text, paragraph, full_end in blocks:
        if runs_on and paragraph and not (lex.stage_opener.match(text) or lex.block_start.match(text)):
            out[-1] += text
        else:
            out.append(text)
        runs_on = full_end
    return out


def text_document(corpus: Corpus, rng: random.Random) -> list[tuple[str, bool]]:
    """A document of corpus lines: (line, wrapped at the column?); titles are not."""
    if rng.random() < 0.2:
        pos = rng.randrange(len(corpus.ud_lines))
        out = []
        for _ in range(rng.randint(1, 4)):
            k = rng.randint(2, 6)
            out.append(("".join(corpus.ud_lines[(pos + j) % len(corpus.ud_lines)] for j in range(k)), True))
            pos += k
        return out
    pos = rng.randrange(len(corpus.articles))
    out = []
    for article in corpus.articles[pos : pos + rng.randint(1, 3)]:
        out += [(t, False) for t in article.titles[:3]]
        out += [(text, True) for _, text in article.items[: rng.randint(1, 6)]]
    return out


#: The column widths of the pure-text forms: every width of the bands.
TEXT_WIDTHS = range(BANDS[0][0], BANDS[-1][1] + 1)


def text_lines(corpus: Corpus, seed: int, doc: int) -> list[tuple[str, bool]]:
    """The lines of pure-text document ``doc`` of a run with ``seed`` (see :func:`text_document`)."""
    return text_document(corpus, random.Random(f"{seed}:text:{doc}"))


def typeset_text(lines: list[tuple[str, bool]], width: int) -> tuple[list[list[str]], dict[str, str]]:
    """A document's lines set at ``width``: each line's printed lines, and the
    raw text of each form ("\\n", "\\n\\n", "para", "indent"; see TEXT_MODES), ending in "\\n"."""
    blocks = [wrap(text, width) if wrapped else [text] for text, wrapped in lines]
    printed = [ln for b in blocks for ln in b]
    indented = [ln for text, wrapped in lines for ln in (wrap(INDENT + text, width) if wrapped else [text])]
    raws = {"\\n": "\n".join(printed), "\\n\\n": "\n\n".join(printed), "para": "\n\n".join("\n".join(b) for b in blocks),
            "indent": "\n".join(indented)}
    return blocks, {mode: raw + "\n" for mode, raw in raws.items()}


def text_task(doc: int) -> dict[str, Any]:
    """Document ``doc`` wrapped at every width 8-60 in each form, cleaned and scored."""
    lines = text_lines(_STATE["corpus"], _STATE["seed"], doc)
    expected = [text for text, _ in lines]
    result: dict[str, Any] = {}
    for width in TEXT_WIDTHS:
        blocks, raws = typeset_text(lines, width)
        for mode, raw in raws.items():
            got = clean(raw).splitlines()
            s = score(expected, got)
            s["wrong"] = [(kind, e, g) for kind, e, g, _ in s["wrong"]]
            result[f"{mode}|{width}"] = s
            if mode == "\\n":
                s = score(spec_reading(lines, blocks, width), got)
                s["wrong"] = [(kind, e, g) for kind, e, g, _ in s["wrong"]]
                result[f"spec|{width}"] = s
    return result


def spec_reading(lines: list[tuple[str, bool]], blocks: list[list[str]], width: int) -> list[str]:
    """The blocks as SPEC 4 reads their printed lines: a paragraph whose last
    line is as wide as the column and ends a sentence goes on into the next
    paragraph ("a full-width line ending in 。 is usually mid-paragraph").
    With no indent, nothing on the page tells such a paragraph end, so the
    source's lines cannot all come back: this is what can."""
    return _runs_on(
        (text, wrapped, wrapped and cells(block[-1]) > width - 1 and bool(_SENTENCE_END.search(block[-1])))
        for (text, wrapped), block in zip(lines, blocks)
    )


#: Clean prose is cleaned in pieces of this many corpus lines.
PROSE_LINES = 100


def prose_jobs(corpus: Corpus) -> list[tuple[str, int, int]]:
    """The pieces of clean prose: (corpus file, first line, end line)."""
    return [(name, i, min(i + PROSE_LINES, len(lines)))
            for name, lines in (("pd1998-jan01-13", corpus.pd_lines), ("ud-gsdsimp-dev", corpus.ud_lines))
            for i in range(0, len(lines), PROSE_LINES)]


def prose_lines(corpus: Corpus, job: tuple[str, int, int]) -> list[str]:
    """The corpus lines of a piece of clean prose (see :func:`prose_jobs`)."""
    name, start, end = job
    return (corpus.pd_lines if name.startswith("pd") else corpus.ud_lines)[start:end]


def prose_task(job: tuple[str, int, int]) -> dict[str, Any]:
    """Lines ``start:end`` of a corpus file, cleaned as they are: which changed."""
    name = job[0]
    lines = prose_lines(_STATE["corpus"], job)
    got = clean("\n".join(lines) + "\n").splitlines()
    s = score(lines, got)
    return {"name": name, "lines": len(lines), "changed": len(lines) - sum(s["matched"]),
            "wrong": [(e, g) for _, e, g, _ in s["wrong"]]}


# --------------------------------------------------------------------------
# Samples: one small page per artifact, with what each extractor prints
# --------------------------------------------------------------------------

SAMPLES = {
    # name: (spec fields, which articles)
    "bold-run": ({"width": 20, "regions": [1], "bold_leads": 1.0, "datelines": 1.0, "bold_titles": 0.0,
                  "bold_paragraphs": 0.0, "captions": 0.0, "spaced_titles": 0.0}, "dateline"),
    "bold-line-headline": ({"width": 18, "regions": [2], "bold_titles": 1.0, "bold_leads": 0.0, "bold_paragraphs": 0.0,
                            "spaced_titles": 0.0, "captions": 0.0, "spanning": 0.0}, "any"),
    "bold-line-paragraph": ({"width": 22, "regions": [1], "bold_paragraphs": 1.0, "bold_leads": 0.0, "bold_titles": 0.0,
                             "spaced_titles": 0.0, "captions": 0.0}, "short-paragraphs"),
    "letter-spaced-title": ({"width": 24, "regions": [2], "spaced_titles": 1.0, "bold_titles": 0.0, "bold_leads": 0.0,
                             "bold_paragraphs": 0.0, "captions": 0.0, "spanning": 0.5}, "short-title"),
    "three-columns": ({"width": 14, "regions": [3], "spanning": 1.0, "bold_titles": 0.0, "bold_leads": 0.0,
                       "bold_paragraphs": 0.0, "spaced_titles": 0.0, "captions": 0.5}, "any"),
    "digits-gap": ({"width": 20, "regions": [2], "digits": "half-gap", "bold_titles": 0.0, "bold_leads": 0.0,
                    "bold_paragraphs": 0.0, "spaced_titles": 0.0, "captions": 0.0, "spanning": 0.0}, "digits"),
    "ud-sentences": ({"width": 30, "regions": [1], "source": "ud", "digits": "half-gap"}, "any"),
    "tight-gutter": ({"width": 16, "regions": [2], "gutter": 1.5, "spanning": 0.0, "bold_titles": 0.0, "bold_leads": 0.0,
                      "bold_paragraphs": 0.0, "spaced_titles": 0.0, "captions": 0.0, "leading": 1.3}, "any"),
}


def _sample_stream(corpus: Corpus, spec, rng: random.Random, want: str):
    """Articles of the corpus that show what sample ``want`` is about."""

    def good(article) -> bool:
        body = [t for k, t in article.items if k == "body"]
        if want == "short-title":
            return 4 <= len(article.titles[0]) <= 8 and all("\u4e00" <= ch <= "\u9fff" for ch in article.titles[0])
        if want == "digits":
            return any(ch in "０１２３４５６７８９" for t in body[:2] for ch in t)
        if want == "dateline":
            return bool(body) and len(body[0]) < 160
        if want == "short-paragraphs":
            return len(body) >= 2 and all(len(t) < 120 for t in body[:3])
        return True

    if want == "any" or spec.source == "ud":
        return articles(corpus, spec, rng)
    return articles(corpus, spec, rng, chosen=[a for a in corpus.articles if good(a)][::7])


def write_samples(corpus: Corpus, font_path: str, seed: int) -> Path:
    """``samples/NAME/``: page.pdf, truth.txt, printed.txt and, per extractor,
    the raw text (``*.raw.txt``) and what cleantext makes of it (``*.clean.txt``)."""
    base = OUT / "samples"
    for name, (fields, want) in SAMPLES.items():
        rng = random.Random(f"{seed}:sample:{name}")
        spec = draw_spec(rng, page_height=560.0, start=rng.random(), **{"source": "pd", **fields})
        page = make_page(corpus, spec, rng, font_path, stream=_sample_stream(corpus, spec, rng, want))
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.pdf").write_bytes(page.pdf)
        (folder / "truth.txt").write_text("".join(b.text + "\n" for b in page.truth), encoding="utf-8")
        (folder / "printed.txt").write_text(page.printed, encoding="utf-8")
        for extractor, raw in extract(folder / "page.pdf", page.pdf, page.crops).items():
            stem = extractor.replace(" -", "-").replace(" ", "-")
            (folder / f"{stem}.raw.txt").write_text(raw, encoding="utf-8")
            (folder / f"{stem}.clean.txt").write_text(clean(for_cleaning(raw)), encoding="utf-8")
    return base


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f}%" if total else "    - "


def _band_cells(bands: dict[str, list[int]]) -> str:
    """A report row's cells: lines exact in each width band."""
    return "".join(f"{_pct(*bands[b]):>8}" if b in bands else f"{'-':>8}" for b in BAND_NAMES)


def pdf_rows(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per report row: right/total lines by band, CER, per-feature counts, failure kinds."""
    rows: dict[str, dict[str, Any]] = {}

    def row(name: str) -> dict[str, Any]:
        return rows.setdefault(name, {"bands": defaultdict(lambda: [0, 0]), "spec": defaultdict(lambda: [0, 0]),
                                      "dist": 0, "len": 0, "pages": 0, "anywhere": 0,
                                      "features": defaultdict(lambda: [0, 0]), "kinds": Counter(), "wrong": []})

    for page in results:
        for extractor, s in page["rows"].items():
            name = extractor
            if extractor in ACROSS_COLUMNS:
                name += ", 1 column" if page["columns"] == 1 else ", 2+ columns (order broken)"
            r = row(name)
            r["pages"] += 1
            r["bands"][page["band"]][0] += sum(s["matched"])
            r["bands"][page["band"]][1] += len(s["matched"])
            r["spec"][page["band"]][0] += s["spec"]
            r["spec"][page["band"]][1] += page["spec_lines"]
            r["dist"] += s["dist"]
            r["len"] += s["len"]
            r["anywhere"] += s["anywhere"]
            for ok, tags in zip(s["matched"], page["tags"]):
                for tag in tags:
                    r["features"][tag][0] += ok
                    r["features"][tag][1] += 1
            for kind, e, g, ctx in s["wrong"]:
                r["kinds"][kind] += len(e)
                r["wrong"].append((kind, e, g, ctx, page["index"]))
    order = [PRINTED] + [n for e in EXTRACTORS for n in (e, f"{e}, 1 column", f"{e}, 2+ columns (order broken)")]
    return {name: rows[name] for name in order if name in rows}


def print_pdf(rows: dict[str, dict[str, Any]], results: list[dict[str, Any]], worst: int) -> None:
    lines_per_band: Counter[str] = Counter()
    for page in results:
        lines_per_band[page["band"]] += len(page["tags"])
    multi = sum(p["columns"] > 1 for p in results)
    print(f"PDF pages: {len(results)} pages ({multi} of 2-5 columns), {sum(lines_per_band.values())} expected lines; "
          "lines exact by body column width (cells), and whitespace-free CER")
    head = f"{'extractor':<44}" + "".join(f"{b:>8}" for b in BAND_NAMES) + f"{'all':>8}{'CER':>8}"
    print(head + f"{'any order':>11}")
    print(f"{'  (expected lines)':<44}" + "".join(f"{lines_per_band[b]:>8}" for b in BAND_NAMES)
          + f"{sum(lines_per_band.values()):>8}")
    for name, r in rows.items():
        right = sum(v[0] for v in r["bands"].values())
        total = sum(v[1] for v in r["bands"].values())
        print(f"{name:<44}{_band_cells(r['bands'])}{_pct(right, total):>8}{100 * r['dist'] / max(1, r['len']):7.2f}%"
              f"{_pct(r['anywhere'], total):>11}")
    print("(any order: lines exact wherever they come back, so a block the extractor's reading order moved counts)")
    print()
    print("Lines exact, SPEC 4 reading (on pages without indents, a paragraph that ends a sentence on a full line "
          "goes on: nothing on the line tells the break)")
    print(head[: -8])
    for name, r in rows.items():
        right, total = (sum(v[k] for v in r["spec"].values()) for k in (0, 1))
        print(f"{name:<44}{_band_cells(r['spec'])}{_pct(right, total):>8}")
    print()
    print("Lines exact by what the line is (pages of every width):")
    feats = [f for f in FEATURES if any(f in r["features"] for r in rows.values())]
    short = {"1 column": "1 col", "2+ columns": "2+ cols", "across-columns": "across", "digit-gaps": "dgt-gap", "dateline-gap": "dl-gap", "paragraph": "para",
             "dateline": "dateln", "headline": "headln", "spanning": "span", "subtitle": "subtit",
             "caption": "caption", "bold-line": "bold-ln", "bold-run": "bold-rn"}
    print(f"{'extractor':<44}" + "".join(f"{short.get(f, f):>8}" for f in feats))
    first = next(iter(rows.values()))
    print(f"{'  (expected lines)':<44}" + "".join(f"{first['features'][f][1]:>8}" for f in feats))
    for name, r in rows.items():
        print(f"{name:<44}" + "".join(f"{_pct(*r['features'][f]):>8}" for f in feats))
    print()
    print("Kinds of failure (expected lines affected):")
    for name, r in rows.items():
        print(f"  {name}: " + ", ".join(f"{k} {n}" for k, n in r["kinds"].most_common()))
    if worst:
        print()
        for name, r in rows.items():
            print(f"Wrong lines of {name} (raw extraction -> cleaned -> expected):")
            by_kind: dict[str, list] = defaultdict(list)
            for item in r["wrong"]:
                by_kind[item[0]].append(item)
            shown = 0
            kinds = [k for k, _ in r["kinds"].most_common()]
            for k in range(worst):
                for kind in kinds:
                    if k < len(by_kind[kind]) and shown < worst:
                        _, e, g, (exp, got, raw), index = by_kind[kind][k * 7 % len(by_kind[kind])]
                        print(f"  [{kind}] page {index}")
                        print(f"     raw: {raw}")
                        print(f"     got: {got}")
                        print(f"     exp: {exp}")
                        shown += 1
            print()


def text_rows(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for doc in results:
        for key, s in doc.items():
            mode, width = key.split("|")
            band = next(n for (lo, hi), n in zip(BANDS, BAND_NAMES) if lo <= int(width) <= hi)
            r = rows.setdefault(mode, {"bands": defaultdict(lambda: [0, 0]), "dist": 0, "len": 0, "wrong": Counter(),
                                       "got": {}})
            r["bands"][band][0] += sum(s["matched"])
            r["bands"][band][1] += len(s["matched"])
            r["dist"] += s["dist"]
            r["len"] += s["len"]
            for kind, e, g in s["wrong"]:
                for line in e:
                    r["wrong"][line] += 1
                    r["got"].setdefault(line, (kind, width, g))
    return rows


def print_text(rows: dict[str, dict[str, Any]], prose: list[dict[str, Any]], docs: int, worst: int) -> None:
    print(f"Pure text: {docs} documents of corpus lines wrapped at every width 8-60 (titles on their own line); "
          "lines exact by width, and CER")
    print(f"{'form':<44}" + "".join(f"{b:>8}" for b in BAND_NAMES) + f"{'all':>8}{'CER':>8}")
    for mode, r in rows.items():
        right = sum(v[0] for v in r["bands"].values())
        total = sum(v[1] for v in r["bands"].values())
        print(f"{TEXT_MODES[mode]:<44}" + "".join(f"{_pct(*r['bands'][b]):>8}" for b in BAND_NAMES)
              + f"{_pct(right, total):>8}{100 * r['dist'] / max(1, r['len']):7.2f}%")
    for name in sorted({p["name"] for p in prose}):
        parts = [p for p in prose if p["name"] == name]
        lines, changed = sum(p["lines"] for p in parts), sum(p["changed"] for p in parts)
        print(f"{'clean prose, ' + name:<44}{changed} of {lines} lines changed ({100 * changed / lines:.2f}%)")
    if worst:
        for mode, r in rows.items():
            print(f"\nMost frequent wrong lines, {TEXT_MODES[mode]} (times wrong of 53 widths; kind at the narrowest width):")
            for line, n in r["wrong"].most_common(worst):
                kind, width, got = r["got"][line]
                at = first_difference([line], got)
                print(f"  {n:3d}x [{kind}, first at width {width}]")
                print(f"       got: {window(chr(10).join(got), at)}")
                print(f"       exp: {window(line, at)}")
        print("\nClean prose lines changed (before -> after):")
        for p in [p for p in prose if p["wrong"]][:worst]:
            e, g = p["wrong"][0]
            at = first_difference(e, g)
            print(f"  [{p['name']}] {window(chr(10).join(e), at)}")
            print(f"      -> {window(chr(10).join(g), at)}")


def _jsonable(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out = {}
    for name, r in rows.items():
        right = sum(v[0] for v in r["bands"].values())
        total = sum(v[1] for v in r["bands"].values())
        item = {"bands": {b: {"right": v[0], "lines": v[1]} for b, v in r["bands"].items()},
                "all": {"right": right, "lines": total}, "cer": r["dist"] / max(1, r["len"])}
        if "anywhere" in r:
            item["any_order"] = {"right": r["anywhere"], "lines": total}
        if "spec" in r:
            item["spec_reading"] = {b: {"right": v[0], "lines": v[1]} for b, v in r["spec"].items()}
        if "features" in r:
            item["features"] = {f: {"right": v[0], "lines": v[1]} for f, v in r["features"].items()}
            item["failures"] = dict(r["kinds"])
        out[name] = item
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
    parser.add_argument("--pages", type=int, default=200, help="PDF pages (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--text-docs", type=int, default=30, help="pure-text documents, each at every width (default 30)")
    parser.add_argument("--worst", type=int, default=0, help="print N wrong lines per extractor and text form")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON ('-': stdout, tables go to stderr)")
    parser.add_argument("--font", help="TrueType CJK font (.ttf/.ttc; default: WenQuanYi Zen Hei)")
    parser.add_argument("--glyphs", choices=("grid", "natural"), default="grid",
                        help="each glyph on the grid of cells (default) or at its own advance in the font")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF pages")
    parser.add_argument("--no-text", action="store_true", help="skip the pure-text section")
    parser.add_argument("--no-samples", action="store_true", help="do not write benchmarks/out/pdf/samples")
    args = parser.parse_args()
    json_out = sys.stdout
    if args.json == "-":
        sys.stdout = sys.stderr  # the tables; JSON goes to the real stdout
    font_path = args.font or find_font()
    start = time.perf_counter()
    report: dict[str, Any] = {"seed": args.seed, "pages": args.pages, "text_docs": args.text_docs, "glyphs": args.glyphs}
    init = (str(args.corpus), font_path, args.seed, args.glyphs)
    clean("本报讯 6月 5日，会议召\n\n开。\n")  # load every step before the workers fork: one code state a run
    with Pool(args.jobs, initializer=_init, initargs=init) as pool:
        if not args.no_pdf:
            report["versions"] = versions()
            results = list(pool.imap_unordered(pdf_task, range(args.pages), chunksize=1))
            results.sort(key=lambda r: r["index"])
            rows = pdf_rows(results)
            if results:
                print_pdf(rows, results, args.worst)
            report["pdf"] = _jsonable(rows)
            report["pdf_seconds"] = round(time.perf_counter() - start, 1)
            if not args.no_samples:
                _init(*init)
                print(f"samples: {write_samples(_STATE['corpus'], font_path, args.seed)}\n")
        if not args.no_text:
            t0 = time.perf_counter()
            text = list(pool.imap_unordered(text_task, range(args.text_docs)))
            prose = list(pool.imap(prose_task, prose_jobs(Corpus(args.corpus)), chunksize=4))
            trows = text_rows(text)
            print_text(trows, prose, args.text_docs, args.worst)
            report["text"] = _jsonable(trows)
            report["prose"] = {name: {"lines": sum(p["lines"] for p in prose if p["name"] == name),
                                      "changed": sum(p["changed"] for p in prose if p["name"] == name)}
                               for name in sorted({p["name"] for p in prose})}
            report["text_seconds"] = round(time.perf_counter() - t0, 1)
    report["seconds"] = round(time.perf_counter() - start, 1)
    print(f"\n{time.perf_counter() - start:.0f} s with {args.jobs} workers")
    if args.json:
        data = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json == "-":
            json_out.write(data + "\n")
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
