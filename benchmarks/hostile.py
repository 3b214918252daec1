"""Hostile inputs at growing sizes: time and peak memory per MB, library and commands.

Each shape of input that once cost super-linear time or memory (issue 15) is
written at each size and run in a fresh process, by ``cleantext.clean`` (the
file read and decoded whole), by the ``cleantext`` command (streamed), and by
``cleantext dedup``, on the file as one text document (``dedup``) and as the
text of one JSON Lines record (``dedup-jsonl``). ``zero-device`` is
``/dev/zero`` itself, endless, for dedup only. A row whose s/MB or RSS/MB
grows with the size is a super-linear case; a run over the time limit shows
as ``>LIMIT``, one over the memory cap (killed) as ``>CAP``; a run that ends
with an error says so (dedup refuses a document over its --max-doc-size).

    python benchmarks/hostile.py                     # 1 and 10 MB (a few minutes at most)
    python benchmarks/hostile.py --sizes 1,10,100    # and 100 MB
    python benchmarks/hostile.py --shapes nul,spaced --sizes 1 --only cli
    python benchmarks/hostile.py --only dedup,dedup-jsonl --sizes 16,256
"""

from __future__ import annotations

import argparse
import json
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


def _random_cjk(size: int) -> bytes:
    """Random ideographs, 40 a line: every 5-character shingle distinct."""
    rng = random.Random(15)
    chars = [chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(size // 3)]
    return "\n".join("".join(chars[i : i + 40]) for i in range(0, len(chars), 40)).encode()


#: name -> (what it is, bytes of about the size asked)
SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "nul": ("NUL bytes (a sparse file)", lambda size: bytes(size)),
    "one-line": ("one line of 'a', no line break", _repeat("a")),
    "spaced": ("'本报讯 ' repeated on one line", _repeat("本报讯 ")),
    "ideographic": ("words with U+3000 between them, one line", _repeat("政协\u3000")),
    "same-lines": ("200,000 identical lines, repeated to the size", lambda size: _repeat("一\n")(min(size, 800_000))
                   * max(1, size // 800_000)),
    "random": ("random bytes (--errors replace)", _random_bytes),
    "cjk-random": ("random ideographs, 40 a line", _random_cjk),
    "zero-device": ("/dev/zero, endless (dedup only)", lambda size: b""),
}
#: Shapes that are a device, not a file of a size.
DEVICES = {"zero-device": "/dev/zero"}
WAYS = ("library", "cli", "dedup", "dedup-jsonl")

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


def _peak_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:")), 0.0)
    except OSError:
        return 0.0


def measure(command: list[str], limit: float, cap_mb: float) -> tuple[float | None, float, str]:
    """(seconds, or None past ``limit`` or ``cap_mb``; peak RSS in MB; what stopped it) of one run of ``command``."""
    start = time.perf_counter()
    library = command[1] == "-c"  # prints its seconds; the command's output is not read (nor kept)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE if library else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = start + limit
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        over = "time" if time.perf_counter() > deadline else "memory" if _peak_rss_mb(proc.pid) > cap_mb else ""
        if over:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_maxrss / 1024, over
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    output = proc.stdout.read().decode().strip() if proc.stdout else ""
    error = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    note = f"exit {code}: {error.splitlines()[-1] if error else ''}" if code != 0 else ""
    seconds = float(output.splitlines()[-1]) if library and output else elapsed
    return seconds, usage.ru_maxrss / 1024, note


def _command(way: str, path: Path) -> list[str]:
    cleantext = [sys.executable, "-m", "cleantext"]
    if way == "library":
        return [sys.executable, "-c", LIBRARY, str(path)]
    if way == "cli":
        return [*cleantext, "--errors", "replace", str(path)]
    if way == "dedup":
        return [*cleantext, "dedup", str(path)]
    return [*cleantext, "dedup", "--jsonl", str(path)]


def _write(path: Path, name: str, size: int, way: str) -> None:
    """The shape at ``path``: as it is, or (dedup-jsonl) as the text of one JSON record."""
    if way == "dedup-jsonl":
        text = SHAPES[name][1](size).decode("utf-8", "replace")
        path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    elif name == "nul":  # sparse: no need to hold it
        with open(path, "wb") as f:
            f.truncate(size)
    else:
        path.write_bytes(SHAPES[name][1](size))


def _write_apart(path: Path, name: str, size: int, way: str) -> None:
    """:func:`_write` in a child process: this one stays small. (Linux counts the
    memory a process had when it started a command in that command's peak RSS.)"""
    subprocess.run([sys.executable, __file__, "--write", name, str(size), way, str(path)], check=True)


def main() -> None:
    if sys.argv[1:2] == ["--write"]:
        name, size, way, path = sys.argv[2:]
        _write(Path(path), name, int(size), way)
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10", help="sizes in MB, comma-separated (default: 1,10)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"shapes (default: all: {','.join(SHAPES)})")
    parser.add_argument("--only", help=f"measure these ways only, comma-separated ({','.join(WAYS)})")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds before a run is stopped (default: 30)")
    parser.add_argument("--cap", type=float, default=4000.0,
                        help="peak RSS in MB at which a run is stopped (default: 4000)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    ways = args.only.split(",") if args.only else list(WAYS)
    if unknown := set(ways) - set(WAYS):
        parser.error(f"unknown ways: {', '.join(sorted(unknown))}")
    print(f"{'shape':<12} {'way':<12} {'MB':>6} {'s':>8} {'s/MB':>7} {'RSS MB':>8} {'RSS/MB':>7}")
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        for name in args.shapes.split(","):
            for size_mb in sizes if name not in DEVICES else [0.0]:
                for way in ways:
                    if name in DEVICES:
                        if not way.startswith("dedup"):
                            continue
                        path = Path(DEVICES[name])
                        real_mb = float("inf")
                    else:
                        path = Path(tmp) / f"{name}.{'jsonl' if way == 'dedup-jsonl' else 'txt'}"
                        if way == "dedup-jsonl" or not path.exists():
                            _write_apart(path, name, int(size_mb * MB), way)
                        real_mb = path.stat().st_size / MB
                    seconds, rss, note = measure(_command(way, path), args.limit, args.cap)
                    if seconds is not None:
                        shown = f"{seconds:8.2f} {seconds / real_mb:7.2f}"
                    else:
                        shown = f"{'>' + (format(args.limit, 'g') if note == 'time' else 'CAP'):>8} {'':>7}"
                    size_shown = f"{real_mb:6.1f}" if real_mb != float("inf") else f"{'inf':>6}"
                    print(f"{name:<12} {way:<12} {size_shown} {shown} {rss:8.0f} {rss / real_mb:7.1f}"
                          + (f"  ({note})" if note and note not in ("time", "memory") else ""), flush=True)
                    if name not in DEVICES and way == "dedup-jsonl":
                        path.unlink()  # a file written here, never a device
                for leftover in Path(tmp).iterdir():
                    leftover.unlink()
    print("\nshapes: " + "; ".join(f"{n}: {SHAPES[n][0]}" for n in args.shapes.split(",")))


if __name__ == "__main__":
    main()
