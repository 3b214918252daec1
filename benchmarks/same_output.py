"""Whether the working tree cleans text byte for byte as a git revision does.

For changes that must not change any output (speed-ups, refactorings): the
same inputs are cleaned with ``cleantext.clean`` by the code of ``--rev``
(default HEAD; its ``src/`` taken with ``git archive`` into a temporary
folder) and by the working tree's ``src/``, each in a subprocess of its own
that imports cleantext from that folder only, and the outputs are compared.

Inputs (all built in this process, from ``--seed``, before either side runs):

* ``seeds``: the raw seed pages (``seeds/*.txt``), each alone and all joined
  by form feeds;
* ``bench``: the documents of the throughput benchmark's mixed corpus
  (:func:`bench.build_corpus`, ``--size-mb``);
* ``text``: pdf_accuracy.py's pure text: ``--text-docs`` documents of corpus
  lines wrapped at every width 8-60 in its three forms ("\\n" between printed
  lines, "\\n\\n" between every printed line, a blank line between paragraphs);
* ``prose``: the corpus's clean prose in pieces of 100 lines, as
  pdf_accuracy.py cleans it.

The last two need the corpus beside the repository (``--corpus DIR``) and
hypothesis; without them they are left out, with a note.

Run (from anywhere, with the interpreter of the project's environment):

    python benchmarks/same_output.py [--rev HEAD] [--size-mb 2] [--text-docs 30] [--seed 0] [--corpus DIR]

Prints one line per input set (texts, characters, differing texts) and the
first differences; exit status 1 if any output differs.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

#: Differences shown per input set.
SHOWN = 3
#: Characters of context shown around a difference.
CONTEXT = 60

#: What a subprocess runs: import cleantext from argv[1] (and nowhere else),
#: clean every text of the JSON file argv[2], write the outputs to argv[3].
_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import cleantext
from pathlib import Path
assert Path(cleantext.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), cleantext.__file__
from cleantext import clean
texts = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
out = {name: [clean(t) for t in group] for name, group in texts.items()}
Path(sys.argv[3]).write_text(json.dumps(out), encoding="utf-8")
"""


def inputs(size_mb: float, text_docs: int, seed: int, corpus: Path | None) -> dict[str, list[str]]:
    """The input sets, by name (see the module's docstring)."""
    from bench import MB, build_corpus

    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sets = {"seeds": pages + ["\f".join(pages)], "bench": build_corpus(int(size_mb * MB), seed, corpus)}
    try:
        import pdf_accuracy
        from pdfpages import DEFAULT_CORPUS, Corpus

        texts = Corpus(corpus or DEFAULT_CORPUS)
    except (ImportError, OSError) as e:
        print(f"same_output.py: note: {e}; pure text and prose left out", file=sys.stderr)
        return sets
    sets["text"] = [
        raw
        for doc in range(text_docs)
        for width in pdf_accuracy.TEXT_WIDTHS
        for raw in pdf_accuracy.typeset_text(pdf_accuracy.text_lines(texts, seed, doc), width)[1].values()
    ]
    sets["prose"] = ["\n".join(pdf_accuracy.prose_lines(texts, job)) + "\n" for job in pdf_accuracy.prose_jobs(texts)]
    return sets


def export(rev: str, folder: Path) -> Path:
    """The ``src/`` folder of ``rev``, written under ``folder``."""
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"],
                         capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        archive.extractall(folder, filter="data")
    return folder / "src"


def first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--size-mb", type=float, default=2.0, help="size of the benchmark corpus (default 2)")
    parser.add_argument("--text-docs", type=int, default=30, help="pure-text documents (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus and the pure text (default 0)")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="folder of the clean corpus (default: ../shared/corpus beside the repository)")
    args = parser.parse_args()
    start = time.perf_counter()
    sets = inputs(args.size_mb, args.text_docs, args.seed, args.corpus)
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        folder = Path(tmp)
        source = folder / "inputs.json"
        source.write_text(json.dumps(sets), encoding="utf-8")
        trees = {args.rev: export(args.rev, folder / "rev"), "working tree": ROOT / "src"}
        children = {
            name: subprocess.Popen([sys.executable, "-c", _CHILD, str(src), str(source), str(folder / f"{k}.json")])
            for k, (name, src) in enumerate(trees.items())
        }
        if any(child.wait() for child in children.values()):
            print("same_output.py: a side failed (its traceback is above)", file=sys.stderr)
            return 2
        old, new = (json.loads((folder / f"{k}.json").read_text(encoding="utf-8")) for k in range(len(trees)))
    differ = 0
    for name, texts in sets.items():
        bad = [k for k, (a, b) in enumerate(zip(old[name], new[name])) if a != b]
        differ += len(bad)
        print(f"{name:<6} {len(texts):>6} texts {sum(map(len, texts)):>10,} chars: "
              f"{'same output' if not bad else f'{len(bad)} differ'}")
        for k in bad[:SHOWN]:
            a, b = old[name][k], new[name][k]
            at = first_difference(a, b)
            lo = max(0, at - CONTEXT)
            print(f"  text {k}, character {at}:\n    {args.rev}: {a[lo:at + CONTEXT]!r}\n"
                  f"    working tree: {b[lo:at + CONTEXT]!r}")
    print(f"{'same output' if not differ else f'{differ} texts differ'} ({args.rev} vs the working tree, "
          f"{time.perf_counter() - start:.0f} s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
