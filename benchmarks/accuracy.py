"""Accuracy of newspaper-zh on the seed pages re-typeset at other column widths.

Each checked expected page (``tests/data/expected/``: one block per line) is
typeset again at every column width from 12 to 40 cells with the test
suite's typesetter (:func:`generators.wrap`: greedy, hanging "，。、", kinsoku),
its lines separated by "\\n" and by "\\n\\n", and cleaned. Reported: the share
of expected lines that come back exactly (matched in order, difflib), in two
settings:

* ``paragraphs``: only blocks with sentence punctuation are wrapped, titles
  stay on their line (as on the seed pages, where titles are set across
  columns);
* ``everything``: titles are wrapped at the column too.

Lines lost include the inherent ambiguities of the SPEC (a paragraph whose
last line happens to fill the column; a full line ending in 。 followed by
"会议强调，" inside one paragraph), so 100% is not reachable.

Run (from the project root, with the test extra installed):

    python benchmarks/accuracy.py [--widths 12-40] [--worst 10]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from generators import EXPECTED, wrap  # noqa: E402

from cleantext import clean  # noqa: E402
from cleantext.chars import has_sentence_punct  # noqa: E402


def typeset(lines: list[str], width: int, separator: str, titles_too: bool) -> str:
    """The page's blocks wrapped at ``width`` cells, one printed line each."""
    printed = []
    for line in lines:
        printed += wrap(line, width) if titles_too or has_sentence_punct(line) else [line]
    return separator.join(printed) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--widths", default="12-40", help="column widths in cells, LOW-HIGH (default 12-40)")
    parser.add_argument("--worst", type=int, default=0, help="also print the N most frequent wrong blocks")
    args = parser.parse_args()
    low, high = map(int, args.widths.split("-"))
    pages = {path.stem: path.read_text(encoding="utf-8").splitlines() for path in sorted(EXPECTED.glob("*.txt"))}
    for setting, titles_too in (("paragraphs", False), ("everything", True)):
        total = right = 0
        per_page: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        for name, lines in pages.items():
            for width in range(low, high + 1):
                for separator in ("\n", "\n\n"):
                    got = clean(typeset(lines, width, separator, titles_too)).splitlines()
                    matcher = difflib.SequenceMatcher(a=lines, b=got, autojunk=False)
                    same = sum(block.size for block in matcher.get_matching_blocks())
                    total += len(lines)
                    right += same
                    per_page[name] += len(lines) - same
                    for tag, i1, i2, _, _ in matcher.get_opcodes():
                        if tag != "equal":
                            wrong.update(line[:24] for line in lines[i1:i2])
        runs = (high - low + 1) * 2
        print(
            f"{setting:<11} {right}/{total} lines right ({100 * right / total:.1f}%), "
            f"widths {low}-{high}, with and without blank lines; wrong lines per page and run: "
            + ", ".join(f"{name[:3]} {per_page[name] / runs:.1f} of {len(pages[name])}" for name in pages)
        )
        for line, count in wrong.most_common(args.worst):
            print(f"    {count:4d}  {line}…")


if __name__ == "__main__":
    main()
