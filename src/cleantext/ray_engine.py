"""Scale-out on Ray Data: cleaning and near-duplicate removal on a cluster.

Needs the extra ``cleantext-cjk[ray]`` (``pip install 'cleantext-cjk[ray]'``); nothing
else in cleantext imports this module or Ray.

* :class:`CleanBatch` is a callable class for ``Dataset.map_batches``: it
  cleans one text column of pyarrow or pandas batches, leaving the other
  columns untouched, with a pipeline built once per worker::

      import ray
      from cleantext.ray_engine import CleanBatch

      ds = ray.data.read_json("in.jsonl")            # or ray.data.read_parquet("in/")
      ds = ds.map_batches(CleanBatch, fn_constructor_kwargs={"preset": "newspaper-zh", "opencc": "t2s"},
                          batch_format="pyarrow", concurrency=2)
      ds.write_parquet("out/")                       # or ds.write_json("out/")

* :func:`clean_jsonl_files` is ``cleantext --jsonl IN... --out-dir DIR`` on
  Ray, with output byte for byte that of the local engine.
* :func:`dedup_jsonl` is ``cleantext dedup --jsonl IN... -o OUT`` on Ray,
  keeping exactly the documents the single-machine command keeps.
* :func:`ray_init` joins the cluster named by ``RAY_ADDRESS``, or starts a
  local Ray for the run.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import ray  # noqa: F401  (fails here, clearly, without the extra)
import ray.data

from .batch import clean_batch
from .catalog import DEFAULT_PRESET, build_pipeline
from .engines.cleaner import Cleaner, Result
from .engines.tasks import Task, read_note
from .io.decoding import Reader, bom_codec, is_wide
from .io.errors import InputError, RecordError
from .io.sources import Source
from .pipeline import Pipeline

__all__ = ["CleanBatch", "RecordError", "clean_jsonl_files", "dedup_jsonl", "ray_init"]


def ray_init(**options: Any) -> None:
    """Connect to the cluster at ``RAY_ADDRESS`` if set, else start a local Ray (at most 2 CPUs).

    Does nothing when Ray is already initialised in this process.
    """
    if ray.is_initialized():
        return
    options.setdefault("log_to_driver", False)
    options.setdefault("include_dashboard", False)
    options.setdefault("configure_logging", False)
    if os.environ.get("RAY_ADDRESS"):
        ray.init(address=os.environ["RAY_ADDRESS"], **options)
    else:
        options.setdefault("num_cpus", min(2, os.cpu_count() or 1))
        ray.init(**options)
    ray.data.DataContext.get_current().enable_progress_bars = False


def _workers(concurrency: int | None) -> int:
    return concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))


def _actors(size: int) -> Any:
    """A pool of ``size`` actors (``concurrency=size``, which Ray 2.51 deprecates for this)."""
    return ray.data.ActorPoolStrategy(size=size)


# ---------------------------------------------------------------- cleaning a column


class CleanBatch:
    """Clean the ``field`` column of each batch (pyarrow.Table or pandas.DataFrame).

    For ``map_batches(CleanBatch, fn_constructor_kwargs={...}, concurrency=N)``:
    the pipeline is built once per worker, and each batch is cleaned by
    :func:`cleantext.batch.clean_batch`: other columns are returned as they
    are, missing values (None, NaN) pass through, ``final_newline=False``
    keeps the line break cleaning ends a text with off each value. A value
    that is neither a string nor missing, or a step that fails, raises
    :class:`RecordError` naming the record by its ``id_field`` column if the
    batch has one, else by its position in the batch, so Ray stops the job
    with that message.
    """

    def __init__(
        self,
        preset: str = DEFAULT_PRESET,
        add: Sequence[str] = (),
        skip: Sequence[str] = (),
        only: Sequence[str] = (),
        opencc: str | None = None,
        field: str = "text",
        id_field: str = "id",
        final_newline: bool = True,
    ) -> None:
        self.pipeline = build_pipeline(preset, skip=skip, only=only, add=add, opencc=opencc)
        self.field, self.id_field, self.final_newline = field, id_field, final_newline

    def __call__(self, batch: Any) -> Any:
        return clean_batch(batch, self.field, final_newline=self.final_newline, id_field=self.id_field,
                           pipeline=self.pipeline)


# ---------------------------------------------------------------- cleaning JSONL files

#: Bytes of whole lines a worker cleans at a time.
RANGE_BYTES = 1 << 20


def _ranges(path: str, index: int, encoding: str, size: int = RANGE_BYTES) -> Iterator[dict[str, Any]]:
    """Byte ranges of whole lines of a file, each with the number of its first
    line and the file's codec (its BOM's, else ``encoding``); the driver reads the file once."""
    with open(path, "rb") as stream:
        codec, _ = bom_codec(stream.read(4), encoding)  # the local engine's rule: a BOM wins
        stream.seek(0)
        if is_wide(codec):  # a line break is not one byte here: the file is one range
            yield {"file": index, "begin": 0, "end": os.path.getsize(path), "line": 1, "codec": codec}
            return
        begin, line, offset, newlines = 0, 1, 0, 0  # newlines: in [begin, offset)
        while block := stream.read(size):
            if offset + len(block) - begin >= size and (cut := block.rfind(b"\n")) != -1:
                end = offset + cut + 1
                yield {"file": index, "begin": begin, "end": end, "line": line, "codec": codec}
                line += newlines + block.count(b"\n", 0, cut + 1)
                newlines = block.count(b"\n", cut + 1)
                begin = end
            else:
                newlines += block.count(b"\n")
            offset += len(block)
        if begin < offset or offset == 0:
            yield {"file": index, "begin": begin, "end": offset, "line": line, "codec": codec}


class _CleanRanges:
    """Ray worker: read, decode and clean byte ranges of JSONL files with the
    local engine's Reader and Cleaner; what they find goes back to the driver as data."""

    def __init__(self, sources: list[Source], pipeline: Pipeline, field: str, on_error: str, errors: str) -> None:
        self.sources = sources
        self.cleaner = Cleaner(pipeline, field=field, on_error=on_error)
        self.errors = errors

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        out: dict[str, list[Any]] = {name: [] for name in _RESULT_COLUMNS}
        for row in batch.to_pylist():
            source = self.sources[row["file"]]
            reader = Reader(source, row["codec"], self.errors, span=(row["begin"], row["end"]))
            try:
                text, unreadable = "".join(reader.pieces()), ""
            except InputError as exc:  # raised by the driver, in input order
                text, unreadable = "", str(exc)
            result = Result() if unreadable else self.cleaner(Task(True, text, row["line"], source.name))
            out["file"].append(row["file"])
            out["data"].append(result.data)
            out["bad_lines"].append([line for line, _ in result.problems])
            out["problems"].append([problem for _, problem in result.problems])
            out["error"].append(result.error)
            out["unreadable"].append(unreadable)
            out["nul_at"].append(reader.nul_at)
        return pa.table({name: pa.array(out[name], kind) for name, kind in _result_columns(pa).items()})


#: What :class:`_CleanRanges` gives for each range.
_RESULT_COLUMNS = ("file", "data", "bad_lines", "problems", "error", "unreadable", "nul_at")


def _result_columns(pa: Any) -> dict[str, Any]:
    return {"file": pa.int64(), "data": pa.large_binary(), "bad_lines": pa.list_(pa.int64()),
            "problems": pa.list_(pa.string()), "error": pa.string(), "unreadable": pa.string(),
            "nul_at": pa.int64()}


def clean_jsonl_files(
    inputs: Sequence[str],
    out_dir: str,
    *,
    preset: str = DEFAULT_PRESET,
    add: Sequence[str] = (),
    skip: Sequence[str] = (),
    only: Sequence[str] = (),
    opencc: str | None = None,
    field: str = "text",
    on_error: str = "fail",
    encoding: str = "utf-8",
    errors: str = "strict",
    concurrency: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Clean JSONL files on Ray into ``out_dir/<input file name>``, one output file per input.

    The output is byte for byte that of ``cleantext --jsonl --out-dir``: the
    workers run the local engine's :class:`cleantext.io.decoding.Reader` and
    :class:`cleantext.engines.cleaner.Cleaner` on byte ranges of whole lines
    (~1 MB; the driver only finds the line breaks), and the driver takes the
    cleaned ranges back in input order and writes them with the local
    engine's :class:`cleantext.io.outputs.TreeSink` (each file under a
    temporary name, renamed when complete). Problems are the local engine's
    too, in input order: a bad line (``on_error="fail"``) or undecodable
    input raises :class:`RecordError` naming ``FILE:LINE`` (or the byte); a
    failing step, :class:`cleantext.io.errors.CleaningError` (a bug); with
    ``skip``/``keep`` each bad line, and an empty input or one with NUL
    bytes, goes to ``warn`` (default: a warning on stderr).
    Input files must be readable by every worker (one machine, or a shared
    file system). Ray must be initialised (:func:`ray_init`).
    """
    from .io.outputs import TreeSink

    chosen = build_pipeline(preset, skip=skip, only=only, add=add, opencc=opencc)
    for name in inputs:
        if not os.path.isfile(name):
            raise InputError(f"{name}: no such file" if not os.path.exists(name) else f"{name}: not a file")
    sources = [Source(Path(os.path.abspath(name)), name, Path(Path(name).name)) for name in inputs]
    sink = TreeSink(Path(out_dir), sources)
    ranges = [r for i, s in enumerate(sources) for r in _ranges(str(s.path), i, encoding)]
    context = ray.data.DataContext.get_current()
    saved = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    ds = ray.data.from_items(ranges, override_num_blocks=max(1, len(ranges))).map_batches(
        _CleanRanges,
        fn_constructor_kwargs=dict(sources=sources, pipeline=chosen, field=field, on_error=on_error, errors=errors),
        batch_size=1, batch_format="pyarrow", compute=_actors(min(_workers(concurrency), len(ranges))),
    )
    say = warn or _stderr
    wide = {r["file"]: is_wide(r["codec"]) for r in ranges}  # UTF-16 or UTF-32: NUL bytes are no sign
    index, nul_at = -1, None  # the input written, and its first NUL byte

    def next_input() -> None:
        nonlocal index, nul_at
        if index >= 0:
            source = sources[index]
            if note := read_note(source.name, os.path.getsize(str(source.path)), nul_at, wide[index]):
                say(note)
            sink.end(source)
        index, nul_at = index + 1, None
        if index < len(sources):
            sink.begin(sources[index])

    try:
        for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            for row in batch.to_pylist():
                while index < row["file"]:
                    next_input()
                if row["unreadable"]:
                    raise RecordError(row["unreadable"])
                nul_at = row["nul_at"] if nul_at is None else nul_at
                result = Result(row["data"], problems=list(zip(row["bad_lines"], row["problems"])), error=row["error"])
                messages, failed = result.review(sources[index].name, on_error)
                for message in messages:
                    say(message)
                sink.write(result.data)
                if failed is not None:
                    raise RecordError(str(failed))
        while index < len(sources):  # (every input has at least one range)
            next_input()
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    finally:
        context.execution_options.preserve_order = saved


def _stderr(message: str) -> None:
    print(f"cleantext: warning: {message}", file=sys.stderr)


# ---------------------------------------------------------------- near-duplicates


def _signatures(batch: Any, num_perm: int, bands: int, seed: int) -> Any:
    """Per document: its normalised text without spaces, a 128-bit hash of it, its LSH band keys."""
    import hashlib

    import pyarrow as pa

    from .dedup import band_keys, minhash_of, normalize

    compacts, digests, keys = [], [], []
    for text in batch.column("text").to_pylist():
        norm = normalize(text)
        compact = norm.replace(" ", "")
        compacts.append(compact)
        digests.append(hashlib.blake2b(compact.encode("utf-8"), digest_size=16).digest())
        keys.append(band_keys(minhash_of(norm, num_perm, seed).digest(), bands) if compact else [])
    return pa.table({
        "pos": batch.column("pos"),
        "compact": pa.array(compacts, pa.large_string()),
        "digest": pa.array(digests, pa.binary(16)),
        "bands": pa.array(keys, pa.list_(pa.uint64())),
    })


def _band_rows(batch: Any, is_rep: list[Any], partitions: int) -> Any:
    """One row per (band key, document) of the documents that are not exact copies of an earlier one."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    reps = ray.get(is_rep[0])
    keys = pc.list_flatten(batch.column("bands"))
    parents = pc.list_parent_indices(batch.column("bands"))
    pos = np.asarray(batch.column("pos").to_numpy())[np.asarray(parents)]
    keys_np = np.asarray(keys.to_numpy(zero_copy_only=False), dtype=np.uint64)
    keep = reps[pos]
    keys_np, pos = keys_np[keep], pos[keep]
    return pa.table({"band": keys_np, "pos": pos.astype(np.int64), "part": (keys_np % np.uint64(partitions)).astype(np.int64)})


def _band_pairs(group: dict[str, Any]) -> dict[str, Any]:
    """Candidate pairs (a < b) of one partition of band keys: documents sharing a key."""
    import numpy as np

    band, pos = group["band"], group["pos"]
    order = np.lexsort((pos, band))
    band, pos = band[order], pos[order]
    starts = np.flatnonzero(np.r_[True, band[1:] != band[:-1]])
    ends = np.r_[starts[1:], len(band)]
    a_parts, b_parts = [], []
    for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
        i, j = np.triu_indices(e - s, 1)
        a_parts.append(pos[s:e][i])
        b_parts.append(pos[s:e][j])
    if not a_parts:
        return {"a": np.empty(0, np.int64), "b": np.empty(0, np.int64)}
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    pairs = np.unique(np.stack([a, b], axis=1), axis=0)
    return {"a": pairs[:, 0].astype(np.int64), "b": pairs[:, 1].astype(np.int64)}


class _Confirm:
    """Ray worker: the similarity of candidate pairs, as Deduper.check computes it; pairs below the threshold dropped."""

    def __init__(self, texts: list[Any], threshold: float) -> None:
        import pyarrow.compute as pc

        self.texts = ray.get(texts[0])  # shared from the object store, read in place
        self.lengths = pc.utf8_length(self.texts).to_numpy(zero_copy_only=False)
        self.threshold = threshold

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from .dedup import similarity, within_reach

        a_out, b_out, scores = [], [], []
        cutoff = self.threshold
        for a, b in zip(batch["a"].tolist(), batch["b"].tolist()):
            # b: the later document, checked against a
            if not within_reach(self.lengths[b], self.lengths[a], cutoff):
                continue
            score = similarity(self.texts[b].as_py(), self.texts[a].as_py(), cutoff)
            if score > 0.0:
                a_out.append(a)
                b_out.append(b)
                scores.append(score)
        return {"a": np.array(a_out, np.int64), "b": np.array(b_out, np.int64), "score": np.array(scores, np.float64)}


def dedup_jsonl(
    inputs: Sequence[str],
    output: str | None,
    threshold: float | None = None,
    field: str = "text",
    id_field: str | None = None,
    report: str | None = None,
    *,
    num_perm: int | None = None,
    bands: int | None = None,
    seed: int | None = None,
    block_docs: int = 2000,
    concurrency: int | None = None,
    max_doc_size: int | None = None,
) -> int:
    """``cleantext dedup --jsonl`` on Ray: write the kept records to ``output``; returns the number removed.

    Keeps exactly the documents :class:`cleantext.dedup.Deduper` keeps, with
    the same ids, errors and report (``clusters``). Deduper is
    sequential-greedy (a document is compared only with the documents *kept*
    before it, so in a chain a~b~c with a !~ c, c stays), so this is too: it
    is not plain connected components.

    1. The driver reads the records (ids and errors as the local command) and
       puts their texts in the object store in blocks of ``block_docs``.
    2. ``map_batches``: normalised text, a 128-bit hash of it, MinHash and LSH
       band keys (:func:`cleantext.dedup.band_keys`, the bands of rensa's index).
    3. Exact copies: each document maps to the first with the same normalised
       text (driver, on the hashes); only those first ones are banded.
    4. Candidates: band rows hash-partitioned by key (``groupby`` on key mod P),
       pairs sharing a key found in each partition; distinct pairs gathered.
    5. Confirmation in ``map_batches``: the length bound and rapidfuzz Indel
       similarity of the normalised texts (shared read-only from the object
       store), as Deduper does; a pair at or above ``threshold`` is an edge.
    6. The driver walks the documents in order over the edges: a document is
       removed if an earlier *kept* document is an edge neighbour (the most
       similar, the earliest on ties); an exact copy goes with its first
       occurrence. Then it writes the kept records, re-reading the inputs.

    The driver holds the ids, the normalised texts (step 3-5) and the edges.
    Unlike Deduper, every candidate pair is compared (not only pairs with a
    kept document), which costs more when a corpus has large groups of
    near-copies that are not exact copies. Inputs must be files (not stdin).
    A record longer than ``max_doc_size`` bytes (default: the local command's,
    :data:`cleantext.io.documents.MAX_DOC_BYTES`) is an InputError.
    """
    import numpy as np
    import pyarrow as pa

    from . import dedup
    from .dedup import Decision, check_parameters, decide, replace_surrogates
    from .engines.dedup import write_results
    from .io.documents import MAX_DOC_BYTES, read_jsonl

    threshold = dedup.THRESHOLD if threshold is None else threshold
    num_perm = dedup.NUM_PERM if num_perm is None else num_perm
    bands = dedup.BANDS if bands is None else bands
    seed = dedup.SEED if seed is None else seed
    max_doc_size = MAX_DOC_BYTES if max_doc_size is None else max_doc_size
    check_parameters(threshold, num_perm, bands)
    inputs = list(inputs)
    if not inputs or "-" in inputs:
        raise InputError("the ray engine needs input files (not stdin)")
    qualify = len(inputs) > 1

    def documents() -> Iterator[tuple[Any, str, str]]:
        for name in inputs:
            yield from read_jsonl(name, field, id_field, qualify, max_doc_size)

    # 1. read on the driver, texts to the object store
    ids: list[Any] = []
    refs = []
    chunk: list[str] = []

    def flush() -> None:
        start = len(ids) - len(chunk)
        refs.append(ray.put(pa.table({"pos": pa.array(range(start, len(ids)), pa.int64()),
                                      "text": pa.array(chunk, pa.large_string())})))
        chunk.clear()

    for doc_id, text, _ in documents():
        ids.append(doc_id)
        chunk.append(replace_surrogates(text))  # as normalize() does; arrow needs valid UTF-8
        if len(chunk) >= block_docs:
            flush()
    if chunk:
        flush()
    total = len(ids)
    workers = _workers(concurrency)

    edges_a = edges_b = np.empty(0, np.int64)
    edges_s = np.empty(0, np.float64)
    rep_of = np.arange(total, dtype=np.int64)
    if total:
        # 2. signatures
        sig = ray.data.from_arrow_refs(refs).map_batches(
            _signatures, fn_kwargs=dict(num_perm=num_perm, bands=bands, seed=seed), batch_format="pyarrow",
        ).materialize()
        del refs
        meta = pa.concat_tables(ray.get(sig.select_columns(["pos", "digest", "compact"]).to_arrow_refs()))
        meta = meta.take(np.argsort(meta.column("pos").to_numpy()))
        # 3. exact copies
        first: dict[bytes, int] = {}
        for pos, digest in enumerate(meta.column("digest").to_pylist()):
            rep_of[pos] = first.setdefault(digest, pos)
        is_rep = rep_of == np.arange(total)
        texts_ref = ray.put(meta.column("compact").combine_chunks())
        del meta
        # 4. candidates
        partitions = max(2 * workers, total * bands // 1_000_000)
        rows = sig.select_columns(["pos", "bands"]).map_batches(
            _band_rows, fn_kwargs=dict(is_rep=[ray.put(is_rep)], partitions=partitions), batch_format="pyarrow")
        pairs_parts = [pa.concat_tables([t]) for t in ray.get(
            rows.groupby("part").map_groups(_band_pairs, batch_format="numpy").to_arrow_refs())]
        pairs = pa.concat_tables(pairs_parts) if pairs_parts else pa.table({"a": pa.array([], pa.int64()),
                                                                            "b": pa.array([], pa.int64())})
        a = pairs.column("a").to_numpy()
        b = pairs.column("b").to_numpy()
        del pairs, pairs_parts
        if len(a):
            unique = np.unique(a * total + b)
            a, b = unique // total, unique % total
            # 5. confirmation
            step = 20_000
            pair_refs = [ray.put(pa.table({"a": a[i:i + step], "b": b[i:i + step]})) for i in range(0, len(a), step)]
            confirmed = ray.data.from_arrow_refs(pair_refs).map_batches(
                _Confirm, fn_constructor_kwargs=dict(texts=[texts_ref], threshold=threshold),
                batch_format="numpy", compute=_actors(min(workers, len(pair_refs))),
            )
            found = [t for t in ray.get(confirmed.to_arrow_refs()) if t.num_rows]
            if found:
                edges = pa.concat_tables(found)
                edges_a = edges.column("a").to_numpy()
                edges_b = edges.column("b").to_numpy()
                edges_s = edges.column("score").to_numpy()
        del texts_ref

    # 6. greedy resolution, in input order
    neighbours: list[list[tuple[int, float]]] = [[] for _ in range(total)]
    for x, y, s in zip(edges_a.tolist(), edges_b.tolist(), edges_s.tolist()):
        neighbours[x].append((y, s))
        neighbours[y].append((x, s))
    for found_list in neighbours:
        found_list.sort()
    decisions: list[Decision[Any]] = []
    removed: list[Decision[Any]] = []
    for pos in range(total):
        rep = int(rep_of[pos])
        # Deduper.check's decision: an exact copy of a kept document goes with it, else
        # the kept documents before it that are edge neighbours are weighed
        copy_of = decisions[rep] if rep != pos and decisions[rep].keep else None
        earlier = itertools.takewhile(lambda found: found[0] < pos, neighbours[rep])
        decision = decide(pos, ids[pos], ((decisions[o], s) for o, s in earlier if decisions[o].keep), copy_of)
        decisions.append(decision)
        if not decision.keep:
            removed.append(decision)

    kept = (line for pos, (_, _, line) in enumerate(documents()) if decisions[pos].keep)
    write_results(output, report, kept, removed)
    return len(removed)
