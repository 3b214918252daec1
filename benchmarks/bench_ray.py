"""Benchmark of the Ray engine (cleantext[ray]) against the local engine.

* Cleaning: MB/s of ``clean_jsonl_files`` on a local Ray with 1 and 2 CPUs
  against ``cleantext --jsonl --out-dir -j 1`` (one process), on the same
  generated JSONL corpus (benchmarks/bench_corpus.py's). Ray start-up is
  timed apart; each Ray run is a fresh Ray. Outputs are checked identical.
* Dedup: ``dedup_jsonl`` on ``--dedup-docs`` documents (bench_dedup.py's
  corpus, 10% planted near-duplicates) on a local Ray with 2 CPUs: time and
  peak RSS of the driver and of the whole process tree (driver, raylet,
  workers; object store pages counted where touched), next to
  ``cleantext dedup`` (one process); kept documents checked equal.

Run (needs ``pip install -e '.[ray]'``):

    python benchmarks/bench_ray.py [--size-mb 5] [--dedup-docs 100000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_corpus import _tree_rss, jsonl_corpus  # noqa: E402
from bench_dedup import corpus as dedup_corpus  # noqa: E402

import ray  # noqa: E402

from cleantext.ray_engine import clean_jsonl_files, dedup_jsonl, ray_init  # noqa: E402

MB = 1e6


class PeakTree:
    """Peak RSS of this process and its descendants (sampled every 0.2 s)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakTree":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def clean_throughput(size_mb: float) -> dict[str, Any]:
    path = jsonl_corpus(size_mb)
    size = path.stat().st_size
    out: dict[str, Any] = {"corpus": str(path), "mb": size / MB}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cleantext", "--jsonl", str(path), "--out-dir", f"{tmp}/local",
                        "-j", "1"], check=True)
        seconds = time.perf_counter() - start
        out["local_j1"] = {"seconds": seconds, "mb_s": size / MB / seconds}
        expected = (Path(tmp) / "local" / path.name).read_bytes()
        for cpus in (1, 2):
            start = time.perf_counter()
            ray_init(num_cpus=cpus)
            started = time.perf_counter() - start
            start = time.perf_counter()
            clean_jsonl_files([str(path)], f"{tmp}/ray{cpus}")
            seconds = time.perf_counter() - start
            ray.shutdown()
            same = (Path(tmp) / f"ray{cpus}" / path.name).read_bytes() == expected
            out[f"ray_{cpus}cpu"] = {"seconds": seconds, "mb_s": size / MB / seconds, "ray_start_s": started,
                                     "identical": same}
    return out


def dedup_run(n: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for doc_id, text in dedup_corpus(n, 0, 0.1, []):
                f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        out: dict[str, Any] = {"docs": n, "mb": path.stat().st_size / MB}
        start = time.perf_counter()
        local = subprocess.run(
            [sys.executable, "-c", "import resource,sys; from cleantext.cli.dedup import dedup_main; "
             "r = dedup_main(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(r)",
             "--jsonl", "--id-field", "id", str(path), "-o", f"{tmp}/local.jsonl"],
            check=True, capture_output=True, text=True)
        out["local"] = {"seconds": time.perf_counter() - start, "peak_rss_mb": int(local.stderr.split()[-1]) / 1024}
        ray_init(num_cpus=2)
        with PeakTree() as tree:
            start = time.perf_counter()
            removed = dedup_jsonl([str(path)], f"{tmp}/ray.jsonl", 0.8, "text", "id")
            seconds = time.perf_counter() - start
        ray.shutdown()
        out["ray_2cpu"] = {
            "seconds": seconds, "removed": removed,
            "driver_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "tree_peak_rss_mb": tree.peak / 2**20,
            "identical": Path(f"{tmp}/ray.jsonl").read_bytes() == Path(f"{tmp}/local.jsonl").read_bytes(),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=5)
    parser.add_argument("--dedup-docs", type=int, default=100_000, help="0 to skip")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    os.environ.pop("RAY_ADDRESS", None)  # always a local Ray: the CPU counts are the point
    result: dict[str, Any] = {"cpus": os.cpu_count(), "clean": clean_throughput(args.size_mb)}
    print(json.dumps(result["clean"], indent=1), flush=True)
    if args.dedup_docs:
        result["dedup"] = dedup_run(args.dedup_docs)
        print(json.dumps(result["dedup"], indent=1), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
