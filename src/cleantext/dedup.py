"""Near-duplicate documents across a corpus: keep the first, drop its later near-copies.

Documents are checked one at a time, in input order, against the documents
kept so far:

1. **Normalise**: NFKC, casefold, whitespace removed (line wrapping and layout
   spaces do not count). An exact copy is found by a 64-bit hash of it.
2. **Candidates**: MinHash (rensa, ``num_perm`` permutations) of the shingles,
   looked up in an LSH index of ``bands`` bands. Shingles are 5-character
   n-grams when the text is mostly CJK (no word boundaries; 5 characters are
   two or three words), otherwise 3-word n-grams.
3. **Confirm** every candidate with rapidfuzz's normalized Indel similarity
   (``fuzz.ratio / 100``) of the two normalised texts; at or above
   ``threshold`` the document is a near-duplicate of the most similar one.
   Indel counts every character one text has and the other lacks, so a short
   item is never a "duplicate" of a longer article that contains it (which a
   token-set measure would score 100), and it needs no word segmentation.
4. A kept document's signature enters the LSH index; its normalised text is
   appended to a temporary store that confirmation reads back.

Memory and time are linear in the corpus. Per kept document the process holds
its LSH band entries (about 2.6 kB with the defaults), a few integers and its
id; the normalised texts, which confirmation needs, are kept in memory up to
``spill_bytes`` and then in a temporary file on disk (the trade-off: exact
confirmation for a disk read per candidate, instead of all texts in memory or
hashes only, which could not confirm a near-duplicate).

>>> docs = [("a", "本报讯 6月22日，市政协召开常委会会议，审议通过了工作报告。"),
...         ("b", "本报讯 6月23日，市政协召开常委会会议，\\n审议通过了工作报告。"),
...         ("c", "近日，县政协组织委员开展专题视察，听取了意见建议。")]
>>> [(d.id, d.keep) for d in dedupe(docs)]
[('a', True), ('b', False), ('c', True)]
>>> clusters(dedupe(docs))
[Cluster(kept='a', removed=['b'], similarity=[0.9667])]
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import unicodedata
from array import array
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Generic, Iterable, Iterator, Sequence, TypeVar

import regex

__all__ = [
    "THRESHOLD", "Decision", "Cluster", "Deduper", "dedupe", "clusters", "normalize", "shingles", "shingle_batches",
    "minhash", "minhash_of", "band_keys", "check_parameters", "within_reach", "similarity", "decide",
    "replace_surrogates",
]

K = TypeVar("K")

#: Similarity (normalized Indel, 0-1) at or above which a document is a
#: near-duplicate. On the 19 articles of the seed pages, small edits score
#: above it (a changed date >= 0.986, rewrapped lines 1.0, one sentence
#: dropped: median 0.94, 98% >= 0.8; only dropping a quarter of an article
#: falls below), while distinct articles on the same topic (the many 政协
#: meeting reports, written from the same formulas) score at most 0.36, and
#: the opening paragraphs of two parallel reports 0.62.
THRESHOLD = 0.8
NUM_PERM = 128
#: 32 bands of 4 rows: a pair with Jaccard similarity 0.5 becomes a candidate
#: with probability 0.87, 0.6 with 0.99; pairs below 0.2 rarely (< 5%).
BANDS = 32
CHAR_SHINGLE = 5
WORD_SHINGLE = 3
SEED = 1
#: Normalised texts held in memory before the store moves to a temporary file.
SPILL_BYTES = 64 * 2**20

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_LETTERS = regex.compile(r"\p{L}+")
#: Characters from the start of a text that decide how it is shingled.
SCRIPT_SAMPLE = 2000
_WORD = regex.compile(r"\w+")
_WHITESPACE = re.compile(r"\s+")
#: Shingles hashed at a time (:func:`shingle_batches`).
SHINGLE_BATCH = 1 << 16
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with its lone surrogates (possible in JSON input) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def normalize(text: str) -> str:
    """NFKC, casefolded, whitespace collapsed to single spaces and stripped.

    Lone surrogates (possible in JSON input) become U+FFFD.

    >>> normalize("  ＡＢＣ  市政协\\n召开 会议 ")
    'abc 市政协 召开 会议'
    """
    text = replace_surrogates(text)
    # " ".join(text.split()) without a list of every word (re's \s is exactly str.isspace)
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip(" ")


def shingles(norm: str, char_size: int = CHAR_SHINGLE, word_size: int = WORD_SHINGLE) -> list[str]:
    """Character n-grams of mostly-CJK text (spaces removed), else word n-grams.

    >>> shingles("市政协 召开会议")
    ['市政协召开', '政协召开会', '协召开会议']
    >>> shingles("the council met on monday")
    ['the council met', 'council met on', 'met on monday']
    """
    return [shingle for batch in shingle_batches(norm, char_size, word_size) for shingle in batch]


def shingle_batches(
    norm: str, char_size: int = CHAR_SHINGLE, word_size: int = WORD_SHINGLE, size: int = SHINGLE_BATCH
) -> Iterator[list[str]]:
    """The :func:`shingles` of ``norm``, ``size`` at a time: a long document's
    shingles (tens of bytes each) are never all in memory at once."""
    if not norm:
        return
    sample = norm[:SCRIPT_SAMPLE]
    if 2 * sum(map(len, _CJK.findall(sample))) >= sum(map(len, _LETTERS.findall(sample))):
        compact = norm.replace(" ", "")
        count = max(1, len(compact) - char_size + 1)
        for start in range(0, count, size):
            yield [compact[i : i + char_size] for i in range(start, min(count, start + size))]
        return
    window: deque[str] = deque(maxlen=word_size)
    batch: list[str] = []
    words = 0
    for match in _WORD.finditer(norm):
        window.append(match.group())
        words += 1
        if words >= word_size:
            batch.append(" ".join(window))
            if len(batch) >= size:
                yield batch
                batch = []
    if words < word_size:  # fewer words than a shingle: one shingle of them all
        batch.append(" ".join(window))
    if batch:
        yield batch


def minhash(tokens: Iterable[str], num_perm: int = NUM_PERM, seed: int = SEED) -> Any:
    """The rensa MinHash of a document's shingles (what :class:`Deduper` indexes)."""
    return _minhash([list(tokens)], num_perm, seed)


def minhash_of(norm: str, num_perm: int = NUM_PERM, seed: int = SEED) -> Any:
    """``minhash(shingles(norm))``, the shingles hashed a batch at a time (bounded memory)."""
    return _minhash(shingle_batches(norm), num_perm, seed)


def _minhash(batches: Iterable[list[str]], num_perm: int, seed: int) -> Any:
    from rensa import RMinHash

    signature = RMinHash(num_perm, seed)
    for batch in batches:  # the minimum of each hash over the batches: one update of them all
        signature.update(batch)
    return signature


def band_keys(signature: Sequence[int], bands: int = BANDS) -> list[int]:
    """64-bit keys of the LSH bands of a signature (``minhash(...).digest()``), one per band.

    Band ``b`` is the ``b``-th run of ``len(signature) // bands`` values, as in
    rensa's index, and its key also encodes ``b``: two documents are LSH
    candidates of each other exactly when they share a key (up to 64-bit hash
    collisions, as in the index). Used to find candidates without an index
    (:mod:`cleantext.ray_engine`).
    """
    rows = len(signature) // bands
    keys = []
    for b in range(bands):
        data = array("I", signature[b * rows : (b + 1) * rows]).tobytes()
        digest = hashlib.blake2b(data, digest_size=8, person=b.to_bytes(4, "little")).digest()
        keys.append(int.from_bytes(digest, "little"))
    return keys


@dataclass(frozen=True, slots=True)
class Decision(Generic[K]):
    """What happened to the document at ``index`` (0-based, input order)."""

    index: int
    id: K
    keep: bool
    #: The kept document this one nearly duplicates, and their similarity.
    duplicate_of: "Decision[K] | None" = None
    similarity: float = 0.0


@dataclass(slots=True)
class Cluster(Generic[K]):
    """A kept document and the later near-copies removed in its favour."""

    kept: K
    removed: list[K] = field(default_factory=list)
    similarity: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kept": self.kept, "removed": self.removed, "similarity": self.similarity}


class _TextStore:
    """Normalised texts of kept documents, in memory up to a size, then in a temporary file."""

    def __init__(self, spill_bytes: int) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=spill_bytes)
        self._offsets = array("Q", [0])
        self.lengths = array("L")  # in characters, for the length bound

    def append(self, text: str) -> None:
        data = text.encode("utf-8")
        self._file.seek(0, 2)
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        self.lengths.append(len(text))

    def __getitem__(self, key: int) -> str:
        start = self._offsets[key]
        self._file.seek(start)
        return self._file.read(self._offsets[key + 1] - start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def check_parameters(threshold: float, num_perm: int, bands: int) -> None:
    """ValueError unless ``threshold`` is in (0, 1] and ``num_perm`` a multiple of ``bands``."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if num_perm % bands:
        raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")


def within_reach(n: int, m: int, cutoff: float) -> bool:
    """Whether texts of ``n`` and ``m`` characters can be ``cutoff`` similar:
    two texts too different in length are not compared."""
    return 2 * min(n, m) >= cutoff * (n + m)


def similarity(text: str, other: str, cutoff: float) -> float:
    """The similarity of two normalised texts (normalized Indel), 0.0 below ``cutoff``."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(text, other, score_cutoff=cutoff))


def decide(
    index: int, doc_id: K, scored: Iterable[tuple[Decision[K], float]], copy_of: Decision[K] | None = None
) -> Decision[K]:
    """The decision on the document at ``index``: an exact copy of the kept
    document ``copy_of`` (the same normalised text; ``scored`` is not read),
    else a near-duplicate of the most similar kept document of ``scored``
    (the first of equals; a score of 0.0 is no match), else kept."""
    if copy_of is not None:
        return Decision(index, doc_id, False, copy_of, 1.0)
    best: Decision[K] | None = None
    best_score = 0.0
    for kept, score in scored:
        if score > best_score:
            best, best_score = kept, score
    if best is None:
        return Decision(index, doc_id, True)
    return Decision(index, doc_id, False, best, round(best_score, 4))


class Deduper(Generic[K]):
    """Streaming near-duplicate detection: ``check(id, text)`` for each document, in order.

    Use as a context manager (or call :meth:`close`) to free the text store.
    """

    def __init__(
        self,
        threshold: float = THRESHOLD,
        *,
        num_perm: int = NUM_PERM,
        bands: int = BANDS,
        seed: int = SEED,
        spill_bytes: int = SPILL_BYTES,
    ) -> None:
        check_parameters(threshold, num_perm, bands)
        self.threshold = threshold
        self.num_perm, self.bands, self.seed = num_perm, bands, seed
        self._index = self._new_index()
        self._texts = _TextStore(spill_bytes)
        self._kept: list[Decision[K]] = []  # kept documents by LSH key
        self._exact: dict[int, int] = {}  # hash of normalised text -> LSH key
        self._count = 0

    # The MinHash/LSH library, behind these hooks (benchmarks/bench_dedup.py swaps in datasketch).
    def _new_index(self) -> Any:
        from rensa import RMinHashLSH

        return RMinHashLSH(0.5, self.num_perm, self.bands)  # 0.5: only is_similar() uses it

    def _signature(self, batches: Iterable[list[str]]) -> Any:
        """The signature of a document's shingles, given a batch at a time."""
        return _minhash(batches, self.num_perm, self.seed)

    def _candidates(self, signature: Any) -> Iterable[int]:
        return self._index.query(signature)  # type: ignore[no-any-return]

    def _insert(self, key: int, signature: Any) -> None:
        self._index.insert(key, signature)

    def check(self, doc_id: K, text: str) -> Decision[K]:
        """Decide on the next document: kept, or a near-duplicate of a kept one."""
        index = self._count
        self._count += 1
        norm = normalize(text)
        compact = norm.replace(" ", "")
        digest = _hash(compact)
        key = self._exact.get(digest)
        if key is not None and self._texts[key] == compact:
            return decide(index, doc_id, (), copy_of=self._kept[key])
        signature = self._signature(shingle_batches(norm)) if compact else None
        candidates = sorted(self._candidates(signature)) if signature is not None else []
        decision = decide(index, doc_id, (
            (self._kept[other], self._similarity(compact, other)) for other in candidates
        ))
        if not decision.keep:
            return decision
        key = len(self._kept)
        self._kept.append(decision)
        self._texts.append(compact)
        self._exact.setdefault(digest, key)
        if signature is not None:
            self._insert(key, signature)
        return decision

    def _similarity(self, compact: str, other: int) -> float:
        """The similarity of ``compact`` to the kept text ``other`` (read only if it can reach the threshold)."""
        if not within_reach(len(compact), self._texts.lengths[other], self.threshold):
            return 0.0
        return similarity(compact, self._texts[other], self.threshold)

    def close(self) -> None:
        self._texts.close()

    def __enter__(self) -> "Deduper[K]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def dedupe(documents: Iterable[tuple[K, str]], threshold: float = THRESHOLD, **options: Any) -> Iterator[Decision[K]]:
    """A :class:`Decision` for each ``(id, text)``, in order, as they are read.

    The first document of each group of near-duplicates is kept; ``options``
    go to :class:`Deduper` (``num_perm``, ``bands``, ``seed``, ``spill_bytes``).
    """
    with Deduper[K](threshold, **options) as deduper:
        for doc_id, text in documents:
            yield deduper.check(doc_id, text)


def clusters(decisions: Iterable[Decision[K]]) -> list[Cluster[K]]:
    """Group removed documents under the kept document each duplicates, in kept order.

    Only the removed decisions are needed, so a caller can keep just those.
    """
    groups: dict[int, Cluster[K]] = {}
    for d in decisions:
        if d.duplicate_of is not None:
            group = groups.setdefault(d.duplicate_of.index, Cluster(d.duplicate_of.id))
            group.removed.append(d.id)
            group.similarity.append(d.similarity)
    return [groups[i] for i in sorted(groups)]
