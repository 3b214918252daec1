"""Throughput and memory benchmark of cleantext's default pipeline (newspaper-zh).

The corpus (~10 MB of UTF-8) is built deterministically by :func:`build_corpus`
from ``--seed``, and mixes two kinds of documents (1 page, sometimes 2-3 pages
joined by "\\f"), about half the bytes each (issue 12's "mixed pages"):

* the seed paper's pages: varied copies of the two raw pages in ``seeds/``
  (digits changed, blocks shuffled in chunks, paragraphs rewrapped at 14-30
  characters a line, a few lines doubled fake-bold style);
* other papers' text: articles of the clean People's Daily 1998 corpus kept
  outside the repository (``../shared/corpus`` beside the repository, or
  ``--corpus DIR``; nothing of it is in git), their paragraphs wrapped with
  the test suite's typesetter (``tests/generators.py``'s ``wrap``) at one
  width of 14-40 cells a page, titles on their own lines and datelines as the
  corpus has them, with "\\n" between printed lines or, on a third of the
  pages, a blank line between every printed line (as the seed pages).

Without the corpus (or without hypothesis, which ``tests/generators.py``
needs), the corpus is built from the seed pages only, with a note on stderr.

Measured, in one run, as MB/s of UTF-8 input (median of ``--repeat`` runs,
all targets interleaved in each run):

* the pipeline with one ``clean()`` call per document (a page or a few pages),
  and with one call on a ~1 MB chunk (documents joined by blank lines);
* each step alone, given the text it sees inside the pipeline (so the step
  times add up to the pipeline's; "share" is the step's part of it);
* ``ftfy.fix_text`` on the same documents and chunk, the reference every row
  is compared with ("x2.0 vs ftfy" = twice as fast as ftfy).

Then the opt-in steps, each alone, on the input it is made for (MB/s, median
of as many runs, these targets interleaved in each run):

* fullwidth-ascii, cjk-punctuation, running-headers, repeated-blocks and
  opencc-s2t on the corpus; opencc-t2s on the corpus converted to traditional
  script once beforehand; mojibake on the corpus and on the corpus with one
  line in 20 garbled (UTF-8 read as cp1252);
* latin-ligatures and the ocr-en preset on generated English column text
  (wrapped lines, end-of-line hyphens, ligatures, blank lines between
  paragraphs; :func:`build_english`);
* next to each OpenCC step, the plain library call ``opencc.OpenCC(config)
  .convert(text)`` (converter built once, as the step does), and next to
  mojibake ``ftfy.fix_text`` with the step's configuration, on the same
  documents: "step/plain" is the step's time over the library call's.

Scaling: the pipeline, one ``clean()`` call per document, on corpora of
``--scaling`` sizes (default 1, 10 and 100 MB; each built by
:func:`build_corpus` with the same seed; the median of ``--repeat`` runs
up to 10 MB, one run above): seconds per MB of
input, which must stay flat (documents are cleaned one by one, so a larger
corpus is only more of them), and each size's time per MB over the first's.

Memory: peak RSS of a child process cleaning the corpus document by document,
against a child that only reads it (baseline) and one that also imports and
warms up cleantext; and the tracemalloc peak of one clean() of the chunk.

Run (from anywhere; needs ``pip install ftfy``):

    python benchmarks/bench.py [--size-mb 10] [--repeat 5] [--quick] [--json FILE] [--no-opt-in]
                               [--scaling 1 10 100 | --no-scaling] [--corpus DIR]

``--quick``: 1 MB corpus, 3 runs, scaling on 1 and 2 MB; ``--no-opt-in``:
leave the opt-in steps out; ``--no-scaling``: leave the scaling table out.
The corpus file read by the child processes is written to benchmarks/out/
(gitignored).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
MB = 1_000_000
CHUNK_BYTES = MB

_PUNCT = "，。、；：！？"
_SPAN = re.compile(f"[^{_PUNCT}]+|[{_PUNCT}]")  # a fake-bold line repeats each of these
_DIGITS = re.compile(r"[0-9]+")
_BLANK = re.compile(r"\n[ \t\u3000]*\n")
_SENTENCE_END = ("。", "！", "？", "”", "：")


def _seed_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _paragraphs(lines: list[str]) -> list[str]:
    """Join column lines into paragraphs: a short line ending a sentence ends one."""
    paras: list[str] = []
    cur: list[str] = []
    for line in lines:
        cur.append(line.strip())
        short = len(cur) > 1 and len(cur[-1]) < len(cur[-2])
        if len(cur[-1]) < 10 or (short and cur[-1].endswith(_SENTENCE_END)):
            paras.append("".join(cur))
            cur = []
    return paras + (["".join(cur)] if cur else [])


def _vary_page(page: str, rng: random.Random) -> str:
    """One varied copy of a raw page."""
    def number(m: re.Match[str]) -> str:
        n = len(m.group())
        return str(rng.randint(10 ** (n - 1) if n > 1 else 0, 10**n - 1))

    blocks = [b for b in _BLANK.split(_DIGITS.sub(number, page)) if b.strip()]
    size = rng.randint(8, 40)
    chunks = [blocks[i : i + size] for i in range(0, len(blocks), size)]
    rng.shuffle(chunks)
    blocks = [b for chunk in chunks for b in chunk]
    if rng.random() < 0.6:  # rewrap at another column width
        width, sep = rng.randint(14, 30), rng.choice(["\n\n", "\n"])
        lines = [line for b in blocks for line in b.split("\n") if line.strip()]
        blocks = [
            sep.join(p[i : i + width] for i in range(0, len(p), width))
            for p in _paragraphs(lines)
        ]
    lines = "\n\n".join(blocks).split("\n")
    for i, line in enumerate(lines):
        if len(line) >= 6 and rng.random() < 0.02:  # fake bold: every span twice
            lines[i] = "".join(span * 2 for span in _SPAN.findall(line))
    return "\n".join(lines) + "\n"


#: Column widths (cells) the corpus's paragraphs are wrapped at, one a page.
CORPUS_WIDTHS = (14, 40)
#: The share of corpus pages with a blank line between every printed line
#: (as the seed pages); the others have "\n" between printed lines.
BLANK_LINE_PAGES = 1 / 3
#: The UTF-8 size a corpus page is filled to (whole articles, drawn in this
#: range), about that of a seed page.
CORPUS_PAGE_BYTES = (6_000, 18_000)


@lru_cache(maxsize=None)
def _corpus_articles(directory: Path | None) -> tuple[Any, ...]:
    """The People's Daily articles (titles, then paragraphs) of the clean
    corpus in ``directory`` (default: pdfpages.DEFAULT_CORPUS), and their
    typesetter; none, with a note on stderr, when it or hypothesis is missing."""
    try:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from pdfpages import DEFAULT_CORPUS, Corpus, wrap  # (imports tests/generators.py)
    except ImportError as e:
        print(f"bench.py: note: {e}; the corpus is the seed pages only", file=sys.stderr)
        return ()
    directory = directory or DEFAULT_CORPUS
    try:
        return (wrap, Corpus(directory).articles)
    except OSError as e:
        print(f"bench.py: note: no corpus at {directory} ({e.strerror}); the corpus is the seed pages only",
              file=sys.stderr)
        return ()


def _corpus_page(articles: list[Any], wrap: Callable[[str, int], list[str]], rng: random.Random) -> str:
    """A page of consecutive corpus articles: titles as they are, paragraphs
    wrapped at one width, "\n" or a blank line between printed lines."""
    width = rng.randint(*CORPUS_WIDTHS)
    sep = "\n\n" if rng.random() < BLANK_LINE_PAGES else "\n"
    target = rng.randint(*CORPUS_PAGE_BYTES)
    printed: list[str] = []
    size = 0
    pos = rng.randrange(len(articles))
    while size < target:
        article = articles[pos % len(articles)]
        pos += 1
        lines = article.titles + [line for _, text in article.items for line in wrap(text, width)]
        printed += lines
        size += _nbytes(lines) + len(sep) * len(lines)
    return sep.join(printed) + "\n"


def _page_count(rng: random.Random) -> int:
    """Pages of a document: 1, sometimes 2-3 (joined by form feeds)."""
    return 1 if rng.random() < 0.75 else rng.randint(2, 3)


def build_corpus(target_bytes: int, seed: int = 0, corpus: Path | None = None) -> list[str]:
    """Documents (1 page, sometimes 2-3 joined by form feeds) totalling >= target_bytes:
    varied seed pages and, about half the bytes, pages of the clean corpus in
    ``corpus`` (see the module's docstring), the two kinds in turn. The seed
    documents are drawn as they were before the corpus was mixed in."""
    rng = random.Random(seed)
    other = random.Random(f"{seed}:corpus")
    seeds = _seed_pages()
    typeset = _corpus_articles(corpus)
    docs: list[str] = []
    seed_bytes = other_bytes = 0
    while seed_bytes + other_bytes < target_bytes:
        if typeset and other_bytes < seed_bytes:
            wrap, articles = typeset
            doc = "\f".join(_corpus_page(articles, wrap, other) for _ in range(_page_count(other)))
            other_bytes += len(doc.encode("utf-8"))
        else:
            doc = "\f".join(_vary_page(rng.choice(seeds), rng) for _ in range(_page_count(rng)))
            seed_bytes += len(doc.encode("utf-8"))
        docs.append(doc)
    return docs


_EN_WORDS = (
    "the council office staff first final field efficient effort affair difficult official flow "
    "flight floor influence shuffle baffle offline afflict inflation profile fifteen traffic "
    "report meeting agreed fund library years members public water road school budget plan "
    "information development government committee question answer district county and of to "
    "in for on with by a an is was were will be has have that this which from at as"
).split()
_LIGATURE_OF = {"ffi": "ﬃ", "ffl": "ﬄ", "ff": "ﬀ", "fi": "ﬁ", "fl": "ﬂ"}
_LIGATURE_SOURCE = re.compile("ffi|ffl|ff|fi|fl")


def _wrap_english(paragraph: str, width: int, rng: random.Random) -> list[str]:
    """Greedy wrap at ``width`` characters; a long word that does not fit is
    sometimes hyphenated at the line end ("infor-" / "mation")."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) >= 7 and room >= 3 and rng.random() < 0.3:
                cut = rng.randint(3, min(room, len(word) - 3))
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def build_english(target_bytes: int, seed: int = 0) -> list[str]:
    """English documents of OCR'd column text totalling >= target_bytes: lines
    wrapped at 50-75 characters, some end-of-line hyphens, a blank line between
    paragraphs, and most ff/fi/fl/ffi/ffl spelled as one ligature character."""
    rng = random.Random(seed)
    docs: list[str] = []
    total = 0
    while total < target_bytes:
        paragraphs = []
        for _ in range(rng.randint(4, 12)):
            sentences = []
            for _ in range(rng.randint(2, 6)):
                sentence = " ".join(rng.choice(_EN_WORDS) for _ in range(rng.randint(6, 18)))
                sentences.append(sentence[0].upper() + sentence[1:] + rng.choice("......?!"))
            paragraphs.append(" ".join(sentences))
        width = rng.randint(50, 75)
        text = "\n\n".join("\n".join(_wrap_english(p, width, rng)) for p in paragraphs) + "\n"
        text = _LIGATURE_SOURCE.sub(lambda m: _LIGATURE_OF[m.group()] if rng.random() < 0.7 else m.group(), text)
        docs.append(text)
        total += len(text.encode("utf-8"))
    return docs


def garble(docs: list[str], every: int = 20, seed: int = 0) -> list[str]:
    """The documents with one line in ``every`` turned into mojibake (its UTF-8
    read as cp1252, undefined bytes as Latin-1, as ftfy's sloppy codec does)."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    rng = random.Random(seed)
    out = []
    for doc in docs:
        lines = doc.split("\n")
        for i, line in enumerate(lines):
            if line and rng.randrange(every) == 0:
                lines[i] = line.encode("utf-8").decode("sloppy-windows-1252")
        out.append("\n".join(lines))
    return out


def _nbytes(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def _time_once(fn: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - start


def _max_rss_mb() -> float:
    """Peak RSS of this process. On Linux ru_maxrss survives fork+exec (a child
    would report its parent's peak), so VmHWM, which exec resets, is used."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s*(\d+) kB", status)[1]) * 1024 / MB  # type: ignore[index]
    except (OSError, TypeError):
        import resource  # Unix only

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss / MB if sys.platform == "darwin" else rss * 1024 / MB  # bytes vs KiB


def _child(mode: str, corpus_file: str) -> None:
    """Child process: read the corpus, maybe clean it, print peak RSS as JSON."""
    with open(corpus_file, encoding="utf-8") as f:  # line by line: no transient copy
        docs = [json.loads(line) for line in f]
    if mode in ("warm", "clean"):
        from cleantext import clean

        clean(docs[0][:2000])
        if mode == "clean":
            for doc in docs:
                clean(doc)
    print(json.dumps({"max_rss_mb": _max_rss_mb()}))


def _child_rss(mode: str, corpus_file: Path) -> float:
    cmd = [sys.executable, __file__, "--child", mode, str(corpus_file)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(json.loads(out)["max_rss_mb"])


def run(size_mb: float, repeat: int, seed: int = 0, opt_in: bool = True, corpus: Path | None = None) -> dict[str, Any]:
    try:
        import ftfy
    except ImportError:
        sys.exit("bench.py: ftfy is the reference and is not installed: pip install ftfy")
    import cleantext
    from cleantext import clean, pipeline

    docs = build_corpus(int(size_mb * MB), seed, corpus)
    chunk_docs: list[str] = []
    while _nbytes(chunk_docs) < CHUNK_BYTES and len(chunk_docs) < len(docs):
        chunk_docs.append(docs[len(chunk_docs)])
    chunk = "\n\n".join(chunk_docs)

    steps = pipeline().steps
    clean(docs[0]), ftfy.fix_text(docs[0])  # warm up lazy imports and caches
    stage_inputs = [docs]  # stage_inputs[i]: what steps[i] sees inside the pipeline
    for step in steps[:-1]:
        stage_inputs.append([step(d) for d in stage_inputs[-1]])

    per_doc = f"{len(docs)} docs"
    ftfy_docs, ftfy_chunk = f"ftfy.fix_text ({per_doc})", "ftfy.fix_text (1 call on chunk)"
    targets: list[tuple[str, Callable[[str], object], list[str]]] = [
        (f"newspaper-zh ({per_doc})", clean, docs),
        *((f"  {s.name}", s, inp) for s, inp in zip(steps, stage_inputs)),
        (ftfy_docs, ftfy.fix_text, docs),
        ("newspaper-zh (1 call on chunk)", clean, [chunk]),
        (ftfy_chunk, ftfy.fix_text, [chunk]),
    ]
    times: dict[str, list[float]] = {label: [] for label, _, _ in targets}
    for _ in range(repeat):
        for label, fn, texts in targets:
            times[label].append(_time_once(fn, texts))

    speed = {label: _nbytes(texts) / MB / statistics.median(times[label])
             for label, _, texts in targets}
    pipeline_s = statistics.median(times[targets[0][0]])
    rows = [{
        "label": label,
        "mb_s": speed[label],
        "runs_mb_s": [_nbytes(texts) / MB / t for t in times[label]],
        "vs_ftfy": speed[label] / speed[ftfy_chunk if texts[0] is chunk else ftfy_docs],
        "share": statistics.median(times[label]) / pipeline_s if label[0] == " " else None,
    } for label, _, texts in targets]

    OUT.mkdir(parents=True, exist_ok=True)
    corpus_file = OUT / f"corpus-{size_mb:g}mb-seed{seed}.jsonl"  # one document a line
    corpus_file.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    rss = {mode: _child_rss(mode, corpus_file) for mode in ("read", "warm", "clean")}
    tracemalloc.start()
    clean(chunk)
    traced_peak = tracemalloc.get_traced_memory()[1] / MB
    tracemalloc.stop()

    return {
        "python": platform.python_version(),
        "cleantext": cleantext.__version__,
        "ftfy": ftfy.__version__,
        "corpus_mb": _nbytes(docs) / MB,
        "documents": len(docs),
        "chunk_mb": len(chunk.encode("utf-8")) / MB,
        "repeat": repeat,
        "throughput": rows,
        "peak_rss_mb": rss,
        "tracemalloc_peak_chunk_mb": traced_peak,
        "opt_in_steps": run_opt_in(docs, repeat, seed) if opt_in else None,
    }


def run_opt_in(docs: list[str], repeat: int, seed: int = 0) -> dict[str, Any]:
    """MB/s of each opt-in step alone and of the library calls behind them.

    Rows are (label, function, documents, reference label or None); every
    row is timed once per run, all rows interleaved, and the median kept.
    """
    import opencc

    from cleantext import get_step, pipeline

    english = build_english(max(_nbytes(docs) // 4, 200_000), seed)
    traditional = [opencc.OpenCC("s2t").convert(d) for d in docs]  # once, before timing
    garbled = garble(docs, seed=seed)
    plain_t2s, plain_s2t = opencc.OpenCC("t2s").convert, opencc.OpenCC("s2t").convert
    try:  # the very call the step makes: ftfy.fix_text with the step's configuration
        from cleantext.normalizers.mojibake import _fixer

        plain_ftfy = _fixer()
    except (ImportError, AttributeError):  # pragma: no cover - the step was refactored
        import ftfy

        plain_ftfy = ftfy.fix_text

    step = get_step
    corpus, trad, bad, en = "corpus", "traditional", "garbled", "English"
    inputs = {corpus: docs, trad: traditional, bad: garbled, en: english}
    t2s_plain = f"opencc.OpenCC('t2s').convert ({trad})"
    s2t_plain = f"opencc.OpenCC('s2t').convert ({corpus})"
    ftfy_plain = f"ftfy.fix_text, step's config ({bad})"
    targets: list[tuple[str, Callable[[str], object], list[str], str | None]] = [
        (f"fullwidth-ascii ({corpus})", step("fullwidth-ascii"), docs, None),
        (f"cjk-punctuation ({corpus})", step("cjk-punctuation"), docs, None),
        (f"opencc-t2s ({trad})", step("opencc-t2s"), traditional, t2s_plain),
        (t2s_plain, plain_t2s, traditional, None),
        (f"opencc-s2t ({corpus})", step("opencc-s2t"), docs, s2t_plain),
        (s2t_plain, plain_s2t, docs, None),
        (f"mojibake ({corpus})", step("mojibake"), docs, None),
        (f"mojibake ({bad})", step("mojibake"), garbled, ftfy_plain),
        (ftfy_plain, plain_ftfy, garbled, None),
        (f"latin-ligatures ({en})", step("latin-ligatures"), english, None),
        (f"ocr-en preset ({en})", pipeline("ocr-en"), english, None),
        (f"running-headers ({corpus})", step("running-headers"), docs, None),
        (f"repeated-blocks ({corpus})", step("repeated-blocks"), docs, None),
    ]
    for _, fn, texts, _ in targets:  # warm up: converters, lazy imports, caches
        fn(texts[0])
    times: dict[str, list[float]] = {label: [] for label, _, _, _ in targets}
    for _ in range(repeat):
        for label, fn, texts, _ in targets:
            times[label].append(_time_once(fn, texts))
    median = {label: statistics.median(ts) for label, ts in times.items()}
    rows = [{
        "label": label,
        "mb_s": _nbytes(texts) / MB / median[label],
        "runs_mb_s": [_nbytes(texts) / MB / t for t in times[label]],
        "input_mb": _nbytes(texts) / MB,
        "reference": ref,
        "step_over_plain": median[label] / median[ref] if ref else None,
    } for label, _, texts, ref in targets]
    return {
        "opencc": getattr(opencc, "__version__", "?"),
        "inputs": {name: {"documents": len(texts), "mb": _nbytes(texts) / MB} for name, texts in inputs.items()},
        "rows": rows,
    }


#: Corpora larger than this (MB) are timed once in the scaling table.
SCALING_REPEAT_MB = 10.0


def run_scaling(sizes_mb: list[float], repeat: int, seed: int = 0, corpus: Path | None = None) -> list[dict[str, Any]]:
    """Seconds per MB of the pipeline on corpora of each size (one clean() a document; the
    median of ``repeat`` runs, one run above SCALING_REPEAT_MB)."""
    from cleantext import clean

    rows = []
    for size in sizes_mb:
        docs = build_corpus(int(size * MB), seed, corpus)
        clean(docs[0])  # warm up
        runs = repeat if size <= SCALING_REPEAT_MB else 1
        seconds = statistics.median(_time_once(clean, docs) for _ in range(runs))
        mb = _nbytes(docs) / MB
        rows.append({"size_mb": size, "corpus_mb": mb, "documents": len(docs), "runs": runs, "seconds": seconds,
                     "s_per_mb": seconds / mb, "mb_s": mb / seconds})
        del docs
    for row in rows:
        row["vs_first"] = row["s_per_mb"] / rows[0]["s_per_mb"]
    return rows


def report_scaling(rows: list[dict[str, Any]]) -> str:
    """The scaling table (see :func:`run_scaling`)."""
    lines = ["scaling: newspaper-zh, one clean() call per document (seconds: median of the runs)",
             f"{'corpus':>10}  {'documents':>9}  {'runs':>4}  {'seconds':>8}  {'s/MB':>7}  {'MB/s':>7}  {'s/MB vs first':>13}"]
    for row in rows:
        lines.append(f"{row['corpus_mb']:>7.2f} MB  {row['documents']:>9}  {row['runs']:>4}  {row['seconds']:>8.2f}  "
                     f"{row['s_per_mb']:>7.3f}  {row['mb_s']:>7.2f}  {'x' + format(row['vs_first'], '.2f'):>13}")
    return "\n".join(lines)


def report_opt_in(r: dict[str, Any]) -> str:
    """The opt-in steps' table (see :func:`run_opt_in`)."""
    what = {
        "corpus": "the corpus",
        "traditional": "the corpus converted to traditional script",
        "garbled": "the corpus, 1 line in 20 made mojibake",
        "English": "generated English column text with ligatures",
    }
    lines = ["opt-in steps, each alone, on:"]
    lines += [f"  {name:<12} {what.get(name, name)} ({i['mb']:.2f} MB, {i['documents']} docs)"
              for name, i in r["inputs"].items()]
    lines += [
        f"opencc {r['opencc']}; step/plain: the step's median time over the plain library call's, same input",
        "",
        f"{'opt-in step':<46}{'MB/s':>8}  {'min-max':>13}  {'step/plain':>10}",
    ]
    plain = {row["reference"] for row in r["rows"] if row["reference"]}
    for row in r["rows"]:
        runs = row["runs_mb_s"]
        ratio = f"x{row['step_over_plain']:.2f}" if row["step_over_plain"] is not None else ""
        label = "  " + row["label"] if row["label"] in plain else row["label"]
        lines.append(f"{label:<46}{row['mb_s']:>8.2f}  {min(runs):>6.2f}-{max(runs):<6.2f}  {ratio:>10}")
    return "\n".join(lines)


def report(r: dict[str, Any]) -> str:
    """The results as a plain text table."""
    lines = [
        f"corpus {r['corpus_mb']:.2f} MB UTF-8 in {r['documents']} documents "
        f"(avg {r['corpus_mb'] * 1000 / r['documents']:.1f} KB), chunk {r['chunk_mb']:.2f} MB; "
        f"median of {r['repeat']} runs; Python {r['python']}, "
        f"cleantext {r['cleantext']}, ftfy {r['ftfy']}",
        "",
        f"{'throughput':<34}{'MB/s':>8}  {'min-max':>13}  {'vs ftfy':>8}  {'share':>5}",
    ]
    for row in r["throughput"]:
        runs = row["runs_mb_s"]
        share = f"{row['share']:.0%}" if row["share"] is not None else ""
        lines.append(
            f"{row['label']:<34}{row['mb_s']:>8.2f}  {min(runs):>6.2f}-{max(runs):<6.2f}"
            f"  {'x' + format(row['vs_ftfy'], '.2f'):>8}  {share:>5}"
        )
    rss = r["peak_rss_mb"]
    lines.append("")
    for key, what in (("read", "child only reading the corpus"),
                      ("warm", "+ import cleantext, warm up"),
                      ("clean", "+ clean() every document")):
        extra = "(baseline)" if key == "read" else f"(+{rss[key] - rss['read']:.1f} MB)"
        lines.append(f"{'peak RSS, ' + what:<46}{rss[key]:>8.1f} MB  {extra}")
    peak = r["tracemalloc_peak_chunk_mb"]
    lines.append(f"{'tracemalloc peak, one clean() of the chunk':<46}{peak:>8.1f} MB")
    if r.get("opt_in_steps"):
        lines += ["", report_opt_in(r["opt_in_steps"])]
    if r.get("scaling"):
        lines += ["", report_scaling(r["scaling"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="corpus size (default 10)")
    parser.add_argument("--repeat", type=int, default=5, 
                        help="timed runs; the median is reported (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 MB, 3 runs")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--no-opt-in", action="store_true", help="leave out the opt-in steps' table")
    parser.add_argument("--scaling", type=float, nargs="+", metavar="MB", default=[1.0, 10.0, 100.0],
                        help="corpus sizes of the scaling table (default 1 10 100)")
    parser.add_argument("--no-scaling", action="store_true", help="leave out the scaling table")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="folder of the clean corpus (default: ../shared/corpus beside the repository)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(*args.child)
    if args.quick:
        args.size_mb, args.repeat, args.scaling = 1.0, 3, [1.0, 2.0]
    results = run(args.size_mb, args.repeat, args.seed, opt_in=not args.no_opt_in, corpus=args.corpus)
    results["scaling"] = None if args.no_scaling else run_scaling(args.scaling, args.repeat, args.seed, args.corpus)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
