"""Corpus benchmark of the ``cleantext`` command: worker scaling on JSON Lines, memory on a 1 GB text file.

1. **Throughput**: ``cleantext --jsonl -j N corpus.jsonl -o out.jsonl`` on a
   JSON Lines corpus (default 50 MB, one document a record, built by
   :func:`bench.build_corpus`: varied seed pages and wrapped corpus text) for each
   N in ``--jobs`` (default 1 and 2), runs interleaved, wall time of the
   whole command; MB/s of input (median of ``--repeat`` runs) and the
   speed-up of each N over -j 1. The outputs of every N must be identical.
2. **Pages as records**: the same corpus with one page a record, 8 pages an
   issue, each page with the paper's running header and footer: ``cleantext
   --jsonl --doc-field issue`` (headers found across each issue's records)
   against ``cleantext --jsonl`` on the same file, runs interleaved, median
   MB/s of each and their ratio, and how many header lines remain.
3. **Memory**: ``cleantext -j N big.txt > /dev/null`` on a text file of
   ``--text-gb`` GB (default 1) of the same documents, generated into a
   temporary directory and deleted after. Peak RSS of the command's process
   tree (main process plus workers, sampled every 0.2 s) and of its largest
   process (ru_maxrss).

The machine's load average is printed first: other busy processes lower the
speed-up (a 2-core machine shared with anything else cannot give 2x).

Run (from anywhere):

    python benchmarks/bench_corpus.py [--size-mb 50] [--repeat 3] [--jobs 1 2] [--no-pages]
                                      [--text-gb 1] [--mem-jobs 2] [--json FILE]

``--text-gb 0`` skips the memory run. Corpora are written to benchmarks/out/
(gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench import MB, OUT, build_corpus  # noqa: E402  (the corpus of the pipeline benchmark)

GB = 1000 * MB


def jsonl_corpus(size_mb: float, seed: int = 0) -> Path:
    """The JSON Lines corpus (built once, then reused): {"id", "source", "text"} a line."""
    path = OUT / f"corpus-{size_mb:g}mb-seed{seed}-records.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as f:
            for i, doc in enumerate(build_corpus(int(size_mb * MB), seed)):
                f.write(json.dumps({"id": i, "source": f"page-{i:06}.txt", "text": doc}, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return path


def issues_corpus(size_mb: float, pages_per_issue: int = 8) -> Path:
    """The corpus of :func:`jsonl_corpus` one page a record, grouped in issues, each page with running headers."""
    path = OUT / f"corpus-{size_mb:g}mb-pages.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        pages = [page for doc in build_corpus(int(size_mb * MB)) for page in doc.split("\f")]
        with tmp.open("w", encoding="utf-8") as f:
            for i, page in enumerate(pages):
                issue, number = divmod(i, pages_per_issue)
                text = f"甘肃政协报 {2000 + issue // 365}年{issue % 12 + 1}月{issue % 28 + 1}日 第{number + 1}版\n{page}\n- {number + 1} -\n"
                f.write(json.dumps({"issue": issue, "page": number + 1, "text": text}, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return path


def doc_field_cost(corpus: Path, repeat: int) -> dict[str, Any]:
    """Median MB/s with and without --doc-field on the same records; header lines left in each output."""
    size = corpus.stat().st_size
    runs: dict[str, list[float]] = {"plain": [], "doc-field": []}
    left: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        for _ in range(repeat):
            for name, extra in (("plain", []), ("doc-field", ["--doc-field", "issue"])):
                start = time.perf_counter()
                subprocess.run(_cleantext("--jsonl", *extra, str(corpus), "-o", str(out)), check=True)
                runs[name].append(time.perf_counter() - start)
                with out.open(encoding="utf-8") as f:
                    left[name] = sum(json.loads(line)["text"].startswith("甘肃政协报") for line in f)
    rows = {name: {"mb_s": size / MB / statistics.median(t), "runs_s": t, "headers_left": left[name]}
            for name, t in runs.items()}
    return {"corpus_mb": size / MB, "records": sum(1 for _ in corpus.open(encoding="utf-8")), "rows": rows,
            "ratio": rows["doc-field"]["mb_s"] / rows["plain"]["mb_s"]}


def text_file(path: Path, size: int, block_mb: int = 20, blocks: int = 5) -> None:
    """A text file of ``size`` bytes: ``blocks`` different ~block_mb MB runs of documents, repeated."""
    runs = ["\n\n".join(build_corpus(block_mb * MB, seed)) + "\n\n" for seed in range(blocks)]
    written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < size:
            run = runs[(written // (block_mb * MB)) % blocks]
            f.write(run)
            written += len(run.encode("utf-8"))


def _cleantext(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleantext", *args]


def throughput(corpus: Path, jobs: list[int], repeat: int) -> dict[str, Any]:
    """Median MB/s of each -j N, and whether all outputs are the same."""
    size = corpus.stat().st_size
    times: dict[int, list[float]] = {j: [] for j in jobs}
    cpu: dict[int, list[float]] = {j: [] for j in jobs}
    digests: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            for j in jobs:
                out = Path(tmp) / f"out-j{j}.jsonl"
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(_cleantext("--jsonl", "-j", str(j), str(corpus), "-o", str(out)), check=True)
                times[j].append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[j].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                digests[j] = out.read_bytes()
    rows = {j: {"mb_s": size / MB / statistics.median(t), "runs_s": t, "cpu_s": cpu[j]} for j, t in times.items()}
    base = rows[jobs[0]]["mb_s"]
    for row in rows.values():
        row["speedup"] = row["mb_s"] / base
    return {"corpus_mb": size / MB, "rows": rows, "identical": len(set(digests.values())) == 1}


def _rss(pid: int) -> int:
    """Resident set size of a process in bytes (Linux /proc; 0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) * 1024
    except (OSError, StopIteration):
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    except OSError:
        return []


def _tree_rss(pid: int) -> int:
    """RSS of a process and all its descendants."""
    return _rss(pid) + sum(_tree_rss(child) for child in _children(pid))


def peak_memory(size_gb: float, jobs: int) -> dict[str, Any]:
    """Peak RSS while cleaning a generated text file of ``size_gb`` GB."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        started = time.perf_counter()
        text_file(path, int(size_gb * GB))
        generated = time.perf_counter() - started
        size = path.stat().st_size
        code = ("import resource, subprocess, sys;"
                " subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
                " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)")
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *_cleantext("-j", str(jobs), str(path))],
                                stdout=subprocess.PIPE, text=True)
        tree_peak = 0
        while proc.poll() is None:
            tree_peak = max(tree_peak, sum(_tree_rss(c) for c in _children(proc.pid)))  # not the wrapper
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        out = proc.stdout.read() if proc.stdout else ""
        if proc.returncode:
            raise SystemExit(f"bench_corpus.py: cleaning the {size_gb:g} GB file failed ({proc.returncode})")
    return {"text_mb": size / MB, "jobs": jobs, "seconds": seconds, "generate_s": generated,
            "mb_s": size / MB / seconds, "tree_peak_rss_mb": tree_peak / MB, "max_process_rss_mb": int(out) / MB}


def report(r: dict[str, Any]) -> str:
    lines = [f"Python {r['python']}, {r['cpus']} cores, load average before: {r['loadavg']}"]
    t = r.get("throughput")
    if t:
        runs = len(next(iter(t["rows"].values()))["runs_s"])
        lines += ["", f"JSON Lines corpus {t['corpus_mb']:.1f} MB, median of {runs} runs"
                  f" (outputs identical: {'yes' if t['identical'] else 'NO'})",
                  f"{'jobs':>6}{'MB/s':>9}{'speed-up':>10}   runs (s)           CPU (s)"]
        for j, row in t["rows"].items():
            runs = " ".join(f"{s:.1f}" for s in row["runs_s"])
            cpu = " ".join(f"{s:.1f}" for s in row["cpu_s"])
            lines.append(f"{j:>6}{row['mb_s']:>9.2f}{row['speedup']:>9.2f}x   {runs:<18} {cpu}")
    d = r.get("pages")
    if d:
        runs = len(d["rows"]["plain"]["runs_s"])
        lines += ["", f"pages as records {d['corpus_mb']:.1f} MB, {d['records']:,} records, 8 an issue,"
                  f" median of {runs} runs", f"{'':>12}{'MB/s':>9}   header lines left"]
        for name, row in d["rows"].items():
            lines.append(f"{name:>12}{row['mb_s']:>9.2f}   {row['headers_left']:,}")
        lines.append(f"--doc-field costs x{d['ratio']:.2f} the throughput of plain --jsonl")
    m = r.get("memory")
    if m:
        lines += ["", f"text file {m['text_mb']:.0f} MB, -j {m['jobs']}: {m['seconds']:.0f} s ({m['mb_s']:.2f} MB/s)",
                  f"  peak RSS, main process + workers   {m['tree_peak_rss_mb']:8.1f} MB",
                  f"  peak RSS, largest process          {m['max_process_rss_mb']:8.1f} MB"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=50.0, help="JSON Lines corpus size (default 50)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each -j; the median is reported (default 3)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="values of -j to time (default: 1 2)")
    parser.add_argument("--text-gb", type=float, default=1.0, help="size of the text file for memory (0: skip)")
    parser.add_argument("--mem-jobs", type=int, default=2, help="-j of the memory run (default 2)")
    parser.add_argument("--no-pages", action="store_true", help="skip the pages-as-records run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                               "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    if args.size_mb > 0:
        results["throughput"] = throughput(jsonl_corpus(args.size_mb), args.jobs, args.repeat)
    if args.size_mb > 0 and not args.no_pages:
        results["pages"] = doc_field_cost(issues_corpus(args.size_mb), args.repeat)
    if args.text_gb > 0:
        results["memory"] = peak_memory(args.text_gb, args.mem_jobs)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
