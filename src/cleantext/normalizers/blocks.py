"""Repeated blocks: a block printed again later in the same document (opt-in).

Extractors repeat text boxes: a photo caption comes out twice, a headline is
printed again over its continuation. A block (one line of cleaned text) that
nearly equals an earlier kept block of the document goes; the first
occurrence stays and nothing moves. Similarity is rapidfuzz's normalized Indel
similarity (``fuzz.ratio / 100``) of the two blocks with whitespace removed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator, NamedTuple, Sequence

from ..pipeline import Edit, normalizer

#: Similarity at or above which a block repeats an earlier one. Distinct
#: headlines of one seed page that differ only in a place name score up to
#: 0.90 ("会宁县政协开展结对关爱帮扶活动" / "文县政协开展结对关爱帮扶活动";
#: "嘉峪关市政协召开…会议" / "白银市政协召开…会议" 0.89): 0.95 keeps such
#: blocks apart, while a copy with one misread character in 20 still matches.
THRESHOLD = 0.95
#: A block shorter than this (characters, whitespace not counted) is never
#: removed on its own: continuation markers, section labels and photo credits
#: repeat legitimately ("（接一版）", "视察调研", "通讯员 吴玉民 摄影报道" are at
#: most 10); every headline on the seed pages is longer. A short block goes
#: only right after a removed (long) block when it equals the block that
#: followed the original: the credit line of a doubled caption.
MIN_CHARS = 12
#: Characters of a block quoted in the explanation of its removal.
QUOTE = 24
#: A kept block is indexed by the first characters (this many) of its pieces
#: (see :func:`_pieces`), so a block is compared only with the earlier blocks
#: one of whose pieces it may contain, never with all of them.
GRAM = 3

_BREAK = re.compile(r"[\n\f]")


class Line(NamedTuple):
    """A line ``text[start:end]``: its number (from 1, counting ``\\n``) and page (from 0)."""

    number: int
    start: int
    end: int
    page: int


def text_lines(text: str) -> Iterator[Line]:
    """Every line of ``text``; a line ends at ``\\n`` or ``\\f`` (a new page)."""
    start, number, page = 0, 1, 0
    for m in _BREAK.finditer(text):
        yield Line(number, start, m.start(), page)
        start = m.end()
        if m.group() == "\n":
            number += 1
        else:
            page += 1
    if start < len(text):
        yield Line(number, start, len(text), page)


def drop_lines(text: str, drops: Iterable[tuple[Line, str]]) -> Iterator[Edit]:
    """Edits removing whole lines, in order, each with one line break and its note.

    A line takes the ``\\n`` after it, or, at the end of a page, the ``\\n``
    before it when the line before stays; a form feed is never removed.
    """
    taken = -1  # end of the previous removal
    for line, note in drops:
        start, end = line.start, line.end
        if end < len(text) and text[end] == "\n":
            end += 1
        elif start > 0 and text[start - 1] == "\n" and taken != start:
            start -= 1
        taken = end
        yield Edit(start, end, "", note)


def quote(block: str) -> str:
    block = block.strip()
    return block if len(block) <= QUOTE else block[:QUOTE] + "…"


def _pieces(key: str, threshold: float) -> list[str] | None:
    """Pieces of ``key`` of which any block similar enough to it contains one unchanged.

    Similarity t allows at most 2·len·(1-t)/t insertions and deletions; each
    touches one piece, so of one piece more than that, one survives
    (pigeonhole). ``None`` when the pieces would be shorter than a gram.
    """
    edits = int(2 * len(key) * (1 - threshold) / threshold + 1e-6)  # rounding up is safe
    size = len(key) // (edits + 1)
    if size < GRAM:
        return None
    return [key[i : i + size] for i in range(0, size * (edits + 1), size)]


def repeated_blocks(
    blocks: Sequence[str], threshold: float = THRESHOLD, min_chars: int = MIN_CHARS
) -> dict[int, tuple[int, float]]:
    """Blocks that repeat an earlier kept block: index -> (its index, similarity).

    Blank blocks are neither compared nor removed.

    >>> repeated_blocks(["会宁县政协开展结对关爱帮扶活动", "文县政协开展结对关爱帮扶活动", "（接一版）",
    ...                  "会宁县政协开展结对关爱帮扶活动。", "（接一版）"])
    {3: (0, 0.967741935483871)}
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    keys = ["".join(b.split()) for b in blocks]
    exact: dict[str, int] = {}
    starts: defaultdict[str, list[int]] = defaultdict(list)  # n-gram -> kept blocks with a piece starting so
    unindexed: list[int] = []  # kept blocks too short for pieces: compared with every block
    follows: dict[int, int] = {}  # kept block -> the next non-blank block
    repeats: dict[int, tuple[int, float]] = {}
    previous: int | None = None  # the last non-blank block
    run: int | None = None  # what the previous block repeated, if it was a removed long block
    for i, key in enumerate(keys):
        if not key:
            continue
        if previous is not None and previous not in repeats:
            follows[previous] = i
        previous = i
        match: tuple[int, float] | None = None
        if len(key) >= min_chars:
            if key in exact:
                match = (exact[key], 1.0)
            else:
                grams = {key[k : k + GRAM] for k in range(len(key) - GRAM + 1)}
                candidates = sorted({c for g in grams & starts.keys() for c in starts[g]}.union(unindexed))
                choices = [keys[c] for c in candidates]
                best = process.extractOne(key, choices, scorer=Indel.normalized_similarity, score_cutoff=threshold)
                if best is not None:
                    match = (candidates[best[2]], best[1])
        elif run is not None:
            twin = follows.get(run)
            if twin is not None and twin not in repeats and keys[twin] == key:
                match = (twin, 1.0)
        run = None
        if match is None:
            exact.setdefault(key, i)
            pieces = _pieces(key, threshold)
            for piece in pieces or ():
                starts[piece[:GRAM]].append(i)
            if pieces is None:
                unindexed.append(i)
        else:
            repeats[i] = match
            if len(key) >= min_chars:
                run = match[0]
    return repeats


@normalizer("repeated-blocks", scope="text", after="headlines")
def remove_repeated_blocks(text: str) -> Iterator[Edit]:
    """Remove a block that (nearly) repeats an earlier block of the document.

    >>> remove_repeated_blocks(
    ...     "近日，文县政协机关全体党员干部分赴各自的帮扶对象家中。\\n通讯员 吴玉民 摄影报道\\n（接一版）\\n"
    ...     "近日，文县政协机关全体党员干部分赴各自的帮扶对象家中。\\n通讯员 吴玉民 摄影报道\\n（接一版）\\n")
    '近日，文县政协机关全体党员干部分赴各自的帮扶对象家中。\\n通讯员 吴玉民 摄影报道\\n（接一版）\\n（接一版）\\n'
    """
    lines = list(text_lines(text))
    blocks = [text[line.start : line.end] for line in lines]
    repeats = repeated_blocks(blocks)
    yield from drop_lines(
        text,
        (
            (lines[i], f'duplicates line {lines[j].number}: "{quote(blocks[j])}"')
            for i, (j, _) in sorted(repeats.items())
        ),
    )
