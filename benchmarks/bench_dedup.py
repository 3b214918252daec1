"""Benchmark of near-duplicate document removal (cleantext.dedup).

The corpus is generated from the seed pages, deterministically (seeded RNG),
one document at a time so it never sits in memory: each document is 4-12
sentences drawn at random from the clean seed pages (tests/data/expected),
with its digits changed and 5% of its Han characters replaced, in 1-3
paragraphs. A share of the documents (``--dup-rate``, default 10%) are
*planted near-duplicates* of an earlier document: a changed date, a dropped
sentence, rewrapped lines, layout spaces, or two of these.

Measured:

* cleantext.dedup (rensa MinHash + LSH, rapidfuzz confirmation) at each
  ``--sizes`` (default 10k and 100k documents), each in a child process:
  docs/s (time inside ``Deduper.check`` only, not corpus generation), peak
  RSS and its increase over the child's RSS before the first document,
  planted near-duplicates found, and other documents removed;
* the same with datasketch in place of rensa (10k documents), and the
  MinHash signature speed of both libraries on the same shingles;
* all-pairs comparison with rapidfuzz (each document against every kept
  document, ``process.extractOne``) on the first ``--allpairs`` documents
  (default 2000; quadratic, so its time is extrapolated to the sizes above
  as t * (n / n0)^2), next to cleantext.dedup on the same documents.

Run (needs ``pip install rensa datasketch``):

    python benchmarks/bench_dedup.py [--sizes 10000 100000] [--allpairs 2000] [--json FILE]
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
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext.dedup import NUM_PERM, BANDS, THRESHOLD, Deduper, normalize, shingles  # noqa: E402

EXPECTED = ROOT / "tests" / "data" / "expected"
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"\d+")


# -- corpus ---------------------------------------------------------------------


def _pool() -> tuple[list[str], str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(EXPECTED.glob("*.txt")))
    sentences = [s for s in _SENTENCE.findall(text) if len(s) >= 8]
    return sentences, "".join(sorted(set(_HAN.findall(text))))


SENTENCES, HAN = _pool()


def base_document(seed: int, k: int) -> str:
    """Document ``k``: random seed sentences, digits changed, 5% of Han characters replaced."""
    rng = random.Random(seed * 1_000_003 + k)
    picked = rng.sample(SENTENCES, rng.randint(4, 12))
    text = "".join(picked)
    text = _DIGITS.sub(lambda m: str(rng.randint(1, 30)), text)
    text = "".join(rng.choice(HAN) if _HAN.match(c) and rng.random() < 0.05 else c for c in text)
    sentences = _SENTENCE.findall(text)
    cuts = sorted(rng.sample(range(1, len(sentences)), min(2, len(sentences) - 1)))
    paragraphs = ["".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)])]
    return "\n".join(p for p in paragraphs if p) + "\n"


def _changed_date(text: str, rng: random.Random) -> str:
    return _DIGITS.sub(lambda m: str(int(m.group()) % 28 + 1), text, count=1) if _DIGITS.search(text) else text + "6月1日\n"


def _dropped_sentence(text: str, rng: random.Random) -> str:
    sentences = _SENTENCE.findall(text)
    if len(sentences) < 3:
        return text
    drop = min(range(1, len(sentences)), key=lambda i: len(sentences[i]))
    return "".join(sentences[:drop] + sentences[drop + 1 :])


def _rewrapped(text: str, rng: random.Random) -> str:
    flat, width = text.replace("\n", ""), rng.randint(14, 24)
    return "\n\n".join(flat[i : i + width] for i in range(0, len(flat), width)) + "\n"


def _spaced(text: str, rng: random.Random) -> str:
    return "".join(c + " " if rng.random() < 0.05 else c for c in text)


EDITS = [_changed_date, _dropped_sentence, _rewrapped, _spaced]


def corpus(n: int, seed: int, dup_rate: float, source: list[int]) -> Iterator[tuple[str, str]]:
    """``n`` documents ``(id, text)``; ``source[k]`` is set to the position a planted copy copies, else -1."""
    rng = random.Random(seed)
    for k in range(n):
        if k and rng.random() < dup_rate:
            j = rng.randrange(k)
            j = source[j] if source[j] >= 0 else j
            text = base_document(seed, j)
            for edit in rng.sample(EDITS, rng.choice([1, 1, 2])):
                text = edit(text, rng)
            source.append(j)
        else:
            text = base_document(seed, k)
            source.append(-1)
        yield f"d{k}", text


# -- backends -------------------------------------------------------------------


class DatasketchDeduper(Deduper[Any]):
    """cleantext.dedup with datasketch's MinHash and MinHashLSH in place of rensa."""

    def _new_index(self) -> Any:
        from datasketch import MinHashLSH

        return MinHashLSH(num_perm=self.num_perm, params=(self.bands, self.num_perm // self.bands))

    def _signature(self, batches: Iterable[list[str]]) -> Any:
        from datasketch import MinHash

        minhash = MinHash(num_perm=self.num_perm, seed=self.seed)
        for tokens in batches:
            minhash.update_batch([t.encode("utf-8") for t in tokens])
        return minhash


BACKENDS = {"rensa": Deduper, "datasketch": DatasketchDeduper}


# -- measurements ------------------------------------------------------------------


def _rss_mb(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"{field}:\s*(\d+) kB", status)[1]) / 1024  # type: ignore[index]


def _score(removed: dict[int, int], source: list[int]) -> dict[str, int]:
    planted = {k for k, j in enumerate(source) if j >= 0}
    return {
        "documents": len(source),
        "removed": len(removed),
        "planted": len(planted),
        "planted_found": len(planted & removed.keys()),
        "removed_not_planted": len(removed.keys() - planted),
    }


def run_dedup(n: int, seed: int, dup_rate: float, backend: str) -> dict[str, Any]:
    """Deduplicate a generated corpus; time inside check() only."""
    source: list[int] = []
    deduper = BACKENDS[backend]()
    deduper.check("warm-up", base_document(seed + 1, 0))  # lazy imports, first allocations
    deduper.close()
    deduper = BACKENDS[backend]()
    rss_before = _rss_mb("VmRSS")
    removed: dict[int, int] = {}
    elapsed = 0.0
    for k, (doc_id, text) in enumerate(corpus(n, seed, dup_rate, source)):
        start = time.perf_counter()
        decision = deduper.check(doc_id, text)
        elapsed += time.perf_counter() - start
        if not decision.keep:
            removed[k] = decision.duplicate_of.index  # type: ignore[union-attr]
    deduper.close()
    peak = _rss_mb("VmHWM")
    return {"backend": backend, "seconds": elapsed, "docs_s": n / elapsed,
            "rss_before_mb": rss_before, "peak_rss_mb": peak, **_score(removed, source)}


def _child(args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", *args]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)  # type: ignore[no-any-return]


def signature_speed(texts: list[str], repeat: int = 3) -> dict[str, float]:
    """Signatures per second of rensa and datasketch on the same shingles."""
    from datasketch import MinHash
    from rensa import RMinHash

    tokens = [shingles(normalize(t)) for t in texts]

    def with_rensa() -> None:
        for t in tokens:
            RMinHash(NUM_PERM, 1).update(t)

    def with_datasketch() -> None:
        for t in tokens:
            MinHash(num_perm=NUM_PERM, seed=1).update_batch([s.encode("utf-8") for s in t])

    speed = {}
    for name, fn in (("rensa", with_rensa), ("datasketch", with_datasketch)):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        speed[name] = len(texts) / statistics.median(times)
    return speed


def all_pairs(documents: list[tuple[str, str]]) -> tuple[float, set[int]]:
    """Keep-first deduplication comparing each document with every kept one (rapidfuzz)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    start = time.perf_counter()
    kept: list[str] = []
    removed: set[int] = set()
    for k, (_, text) in enumerate(documents):
        compact = normalize(text).replace(" ", "")
        if process.extractOne(compact, kept, scorer=Indel.normalized_similarity, score_cutoff=THRESHOLD):
            removed.add(k)
        else:
            kept.append(compact)
    return time.perf_counter() - start, removed


def lsh_on(documents: list[tuple[str, str]]) -> tuple[float, set[int]]:
    with Deduper[str]() as deduper:
        deduper.check("warm-up", base_document(99, 0))
    start = time.perf_counter()
    with Deduper[str]() as deduper:
        removed = {k for k, (i, t) in enumerate(documents) if not deduper.check(i, t).keep}
    return time.perf_counter() - start, removed


def run(sizes: list[int], n0: int, seed: int, dup_rate: float) -> dict[str, Any]:
    import datasketch
    import rapidfuzz
    import rensa  # noqa: F401

    results: dict[str, Any] = {
        "python": platform.python_version(), "rapidfuzz": rapidfuzz.__version__,
        "datasketch": datasketch.__version__, "num_perm": NUM_PERM, "bands": BANDS,
        "threshold": THRESHOLD, "seed": seed, "dup_rate": dup_rate,
    }
    results["dedup"] = [_child([str(n), str(seed), str(dup_rate), "rensa"]) for n in sizes]
    small = min(sizes)
    results["datasketch_run"] = _child([str(small), str(seed), str(dup_rate), "datasketch"])
    source: list[int] = []
    docs = list(corpus(small, seed, dup_rate, source))
    results["signatures_per_s"] = signature_speed([t for _, t in docs])
    subsample = docs[:n0]
    t_pairs, pairs_removed = all_pairs(subsample)
    t_lsh, lsh_removed = lsh_on(subsample)
    results["all_pairs"] = {
        "n0": len(subsample), "seconds": t_pairs, "docs_s": len(subsample) / t_pairs,
        "removed": len(pairs_removed), "lsh_seconds": t_lsh, "lsh_removed": len(lsh_removed),
        "found_by_both": len(pairs_removed & lsh_removed),
        "extrapolated_seconds": {str(n): t_pairs * (n / len(subsample)) ** 2 for n in sizes},
    }
    return results


def report(r: dict[str, Any]) -> str:
    out = [f"Python {r['python']}, rapidfuzz {r['rapidfuzz']}, datasketch {r['datasketch']}; "
           f"MinHash {r['num_perm']} perms, LSH {r['bands']} bands, threshold {r['threshold']}; "
           f"{r['dup_rate']:.0%} planted near-duplicates, seed {r['seed']}", ""]
    out.append(f"{'':28}{'docs':>8}{'docs/s':>9}{'peak RSS':>10}{'(+MB)':>8}{'planted found':>16}{'other removed':>15}")
    for row in [*r["dedup"], r["datasketch_run"]]:
        label = "cleantext.dedup" + (" (datasketch)" if row["backend"] == "datasketch" else " (rensa)")
        out.append(f"{label:<28}{row['documents']:>8}{row['docs_s']:>9.0f}{row['peak_rss_mb']:>8.0f}MB"
                   f"{row['peak_rss_mb'] - row['rss_before_mb']:>+8.0f}"
                   f"{row['planted_found']:>9}/{row['planted']:<6}{row['removed_not_planted']:>15}")
    sig = r["signatures_per_s"]
    out += ["", f"MinHash signatures/s: rensa {sig['rensa']:.0f}, datasketch {sig['datasketch']:.0f} "
                f"(rensa x{sig['rensa'] / sig['datasketch']:.1f})"]
    ap = r["all_pairs"]
    out += ["", f"all-pairs rapidfuzz on the first {ap['n0']} docs: {ap['seconds']:.1f} s ({ap['docs_s']:.0f} docs/s), "
                f"removed {ap['removed']}; LSH on the same docs: {ap['lsh_seconds']:.2f} s "
                f"(x{ap['seconds'] / ap['lsh_seconds']:.0f} faster), removed {ap['lsh_removed']}, "
                f"{ap['found_by_both']} of them also by all-pairs"]
    for row in r["dedup"]:
        n = str(row["documents"])
        t = ap["extrapolated_seconds"][n]
        out.append(f"  extrapolated all-pairs at {n} docs: {t:,.0f} s vs LSH {row['seconds']:.1f} s (x{t / row['seconds']:,.0f})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes (documents)")
    parser.add_argument("--allpairs", type=int, default=2000, help="documents compared all-pairs (default 2000)")
    parser.add_argument("--dup-rate", type=float, default=0.1, help="share of planted near-duplicates (default 0.1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        n, seed, rate, backend = args.child
        print(json.dumps(run_dedup(int(n), int(seed), float(rate), backend)))
        return
    results = run(args.sizes, args.allpairs, args.seed, args.dup_rate)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
