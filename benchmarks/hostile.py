"""Hostile inputs at growing sizes: time and peak memory per MB, library and command.

Each shape of input that once cost super-linear time or memory (issue 15) is
written at each size and cleaned in a fresh process, by ``cleantext.clean``
(the file read and decoded whole) and by the ``cleantext`` command (streamed).
A row whose s/MB or RSS/MB grows with the size is a super-linear case; a run
over the time limit shows as ``>LIMIT``.

    python benchmarks/hostile.py                     # 1 and 10 MB (a few minutes at most)
    python benchmarks/hostile.py --sizes 1,10,100    # and 100 MB
    python benchmarks/hostile.py --shapes nul,spaced --sizes 1 --only cli
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

MB = 1 << 20


def _repeat(unit: str) -> Callable[[int], bytes]:
    def make(size: int) -> bytes:
        data = unit.encode()
        return data * max(1, size // len(data))

    return make


def _random_bytes(size: int) -> bytes:
    return random.Random(15).randbytes(size)


#: name -> (what it is, bytes of about the size asked)
SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "nul": ("NUL bytes (a sparse file)", lambda size: bytes(size)),
    "one-line": ("one line of 'a', no line break", _repeat("a")),
    "spaced": ("'本报讯 ' repeated on one line", _repeat("本报讯 ")),
    "ideographic": ("words with U+3000 between them, one line", _repeat("政协\u3000")),
    "same-lines": ("200,000 identical lines, repeated to the size", lambda size: _repeat("一\n")(min(size, 800_000))
                   * max(1, size // 800_000)),
    "random": ("random bytes (--errors replace)", _random_bytes),
}

#: The child for the library: read and decode the file whole, clean it, report seconds.
LIBRARY = """\
import sys, time
from cleantext import clean
data = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
clean('warm-up 热身\\n')
start = time.perf_counter()
clean(data)
print(time.perf_counter() - start)
"""


def measure(command: list[str], limit: float) -> tuple[float | None, float]:
    """(seconds, or None past ``limit``; peak RSS in MB) of one run of ``command``."""
    start = time.perf_counter()
    library = command[1] == "-c"  # prints its seconds; the command's output is not read (nor kept)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE if library else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = start + limit
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_maxrss / 1024
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    output = proc.stdout.read().decode().strip() if proc.stdout else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"  (exit {code}: {' '.join(command[-2:])})", file=sys.stderr)
    seconds = float(output.splitlines()[-1]) if library and output else elapsed
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10", help="sizes in MB, comma-separated (default: 1,10)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"shapes (default: all: {','.join(SHAPES)})")
    parser.add_argument("--only", choices=("library", "cli"), help="measure one way only")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds before a run is stopped (default: 30)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    ways = [args.only] if args.only else ["library", "cli"]
    print(f"{'shape':<12} {'way':<8} {'MB':>6} {'s':>8} {'s/MB':>7} {'RSS MB':>8} {'RSS/MB':>7}")
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        for name in args.shapes.split(","):
            what, make = SHAPES[name]
            for size_mb in sizes:
                path = Path(tmp) / f"{name}.txt"
                if name == "nul":  # sparse: no need to hold it
                    with open(path, "wb") as f:
                        f.truncate(int(size_mb * MB))
                else:
                    path.write_bytes(make(int(size_mb * MB)))
                real_mb = path.stat().st_size / MB
                for way in ways:
                    if way == "library":
                        command = [sys.executable, "-c", LIBRARY, str(path)]
                    else:
                        command = [sys.executable, "-m", "cleantext", "--errors", "replace", str(path)]
                    seconds, rss = measure(command, args.limit)
                    shown = f"{seconds:8.2f} {seconds / real_mb:7.2f}" if seconds is not None else \
                        f"{'>' + format(args.limit, 'g'):>8} {'':>7}"
                    print(f"{name:<12} {way:<8} {real_mb:6.1f} {shown} {rss:8.0f} {rss / real_mb:7.1f}", flush=True)
                path.unlink()
    print("\nshapes: " + "; ".join(f"{n}: {SHAPES[n][0]}" for n in args.shapes.split(",")))


if __name__ == "__main__":
    main()
