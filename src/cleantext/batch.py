"""Cleaning batches of records and JSON Lines files from Python, without Ray.

* :func:`clean_batch` cleans one text column of a batch: a dict of lists
  (what ``datasets.map(batched=True)`` hands over), a pandas DataFrame, or a
  pyarrow Table or RecordBatch (Ray Data, Parquet). The other columns are
  untouched, missing values (None, NaN, ``pd.NA``) pass through, and the
  batch comes back of the same kind with as many rows, in order. pandas and
  pyarrow are imported only when the batch is theirs.
* :func:`clean_jsonl` is ``cleantext --jsonl IN... -o OUT`` as a function:
  the same reading, records and output, byte for byte.
* :func:`build_pipeline` makes the pipeline a set of options asks for
  (``preset``, ``add``, ``skip``, ``only``, ``opencc``, ``lexicon``), as the
  command line's options do.

>>> batch = {"id": [1, 2, 3], "text": ["本报讯 6月 22日，会议召开。", None, "陈 刚\\n\\n说"]}
>>> clean_batch(batch)
{'id': [1, 2, 3], 'text': ['本报讯6月22日，会议召开。\\n', None, '陈刚说\\n']}
>>> clean_batch(batch, final_newline=False, skip=["layout-spaces"])["text"]
['本报讯 6月 22日，会议召开。', None, '陈 刚说']

>>> import json, os, tempfile
>>> folder = tempfile.mkdtemp()
>>> source, target = os.path.join(folder, "in.jsonl"), os.path.join(folder, "out.jsonl")
>>> with open(source, "w", encoding="utf-8") as f:
...     _ = f.write(json.dumps({"id": 7, "text": "6月 22日"}, ensure_ascii=False) + "\\n")
>>> clean_jsonl(source, target).records
1
>>> open(target, encoding="utf-8").read()
'{"id": 7, "text": "6月22日\\\\n"}\\n'
"""

from __future__ import annotations

import numbers
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence, Union

from .catalog import DEFAULT_PRESET, build_pipeline
from .io.errors import RecordError
from .pipeline import Pipeline

if TYPE_CHECKING:
    from .engines.local import Summary
    from .io.outputs import Sink
    from .io.sources import Source
    from .review import DiffStyle

__all__ = ["RecordError", "build_pipeline", "clean_batch", "clean_jsonl", "clean_sources"]

PathLike = Union[str, "os.PathLike[str]"]


@lru_cache(maxsize=32)
def _built(preset: str, skip: tuple[str, ...], only: tuple[str, ...], add: tuple[str, ...],
           opencc: str | None, lexicon: str | None) -> Pipeline:
    return build_pipeline(preset, skip, only, add, opencc, lexicon)


def _chosen(pipeline: Pipeline | None, options: dict[str, Any]) -> Pipeline:
    """``pipeline``, or the one the options ask for (built once per process for the same options)."""
    unknown = set(options) - {"preset", "skip", "only", "add", "opencc", "lexicon"}
    if unknown:
        raise TypeError(f"unknown option {sorted(unknown)[0]!r} "
                        "(pipeline options: preset, add, skip, only, opencc, lexicon)")
    if pipeline is not None:
        if options:
            raise TypeError("give a pipeline or pipeline options, not both")
        return pipeline
    for name in ("skip", "only", "add"):
        value = options.get(name, ())
        if isinstance(value, str):
            raise TypeError(f"{name} takes a list of step names, not a string ({name}=[{value!r}])")
        options[name] = tuple(value)
    lexicon = options.get("lexicon")
    return _built(options.get("preset", DEFAULT_PRESET), options["skip"], options["only"], options["add"],
                  options.get("opencc"), os.fspath(lexicon) if lexicon is not None else None)


# ---------------------------------------------------------------- batches


def _missing(value: object) -> bool:
    """None, NaN (float or numpy), pandas' NA and NaT: a missing value passes through."""
    if value is None:
        return True
    if isinstance(value, numbers.Number):
        return value != value  # NaN
    kind = type(value)
    return kind.__name__ in ("NAType", "NaTType") and kind.__module__.startswith("pandas")


def _cleaner(pipeline: Pipeline, final_newline: bool) -> Callable[[str], str]:
    if final_newline:
        return pipeline

    def clean_cell(text: str) -> str:
        cleaned = pipeline(text)
        return cleaned[:-1] if cleaned.endswith("\n") else cleaned

    return clean_cell


def _clean_values(values: Sequence[Any], field: str, clean: Callable[[str], str],
                  ids: Callable[[int], Any] | None) -> list[Any]:
    """Each value cleaned, missing ones as they are; RecordError names a bad one."""
    out: list[Any] = []
    for row, value in enumerate(values):
        try:
            if isinstance(value, str):
                out.append(clean(value))
                continue
            if _missing(value):
                out.append(value)
                continue
            raise TypeError(f"the {field!r} field is not a string but {type(value).__name__}")
        except Exception as exc:  # a bad value, or a step that failed (a bug): name the record
            who = f"record at row {row} of the batch"
            if ids is not None:
                try:
                    who = f"record id {ids(row)!r}"
                except Exception:  # no usable id: the row says where
                    pass
            raise RecordError(f"{who}: {type(exc).__name__}: {exc}") from None
    return out


def _top_module(value: object) -> str:
    return type(value).__module__.partition(".")[0]


def clean_batch(
    batch: Any,
    field: str = "text",
    *,
    final_newline: bool = True,
    id_field: str = "id",
    pipeline: Pipeline | None = None,
    **options: Any,
) -> Any:
    """``batch`` with the text of its ``field`` column cleaned, the rest as it was.

    ``batch`` is a mapping of column name to values (a dict of lists or of
    numpy arrays, an HF ``datasets`` batch), a pandas DataFrame, or a pyarrow
    Table or RecordBatch; a new batch of the same kind comes back, with as
    many rows in the same order (a mapping comes back as a dict). Missing
    values (None, NaN, ``pd.NA``) pass through unchanged.

    The pipeline is ``pipeline``, or the one ``options`` ask for (``preset``,
    ``add``, ``skip``, ``only``, ``opencc``, ``lexicon``: see
    :func:`build_pipeline`), built once per process. With
    ``final_newline=False`` a cleaned value does not end with the line break
    cleaning ends a text with (``"标题"`` stays ``"标题"``).

    A value that is neither a string nor missing, or a step that fails,
    raises :class:`RecordError` naming the record by its ``id_field`` column
    if the batch has one, else by its row; a batch without ``field``,
    RecordError too; a batch of another kind, TypeError.
    """
    clean = _cleaner(_chosen(pipeline, options), final_newline)
    library = _top_module(batch)
    if library == "pyarrow":
        return _clean_arrow(batch, field, clean, id_field)
    if library == "pandas":
        return _clean_pandas(batch, field, clean, id_field)
    if isinstance(batch, Mapping):
        return _clean_mapping(batch, field, clean, id_field)
    raise TypeError("clean_batch takes a dict of lists, a pandas DataFrame or a pyarrow Table or RecordBatch, "
                    f"not {type(batch).__name__}")


def _no_column(field: str, names: Sequence[object]) -> RecordError:
    return RecordError(f"no {field!r} column (columns: {', '.join(map(str, names)) or 'none'})")


def _clean_mapping(batch: Mapping[str, Any], field: str, clean: Callable[[str], str], id_field: str) -> dict[str, Any]:
    if field not in batch:
        raise _no_column(field, list(batch))
    values = batch[field]
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise TypeError(f"clean_batch takes a batch: its {field!r} is to be a list of texts, not "
                        f"{type(values).__name__} (with datasets.map, pass batched=True; one text: clean())")
    ids = (lambda row: batch[id_field][row]) if id_field in batch else None
    cleaned: Any = _clean_values(values, field, clean, ids)
    if _top_module(values) == "numpy":
        import numpy

        cleaned = numpy.array(cleaned, dtype=object if values.dtype == object else None)
        if not len(cleaned):
            cleaned = values.copy()
    out = dict(batch)
    out[field] = cleaned
    return out


def _clean_arrow(batch: Any, field: str, clean: Callable[[str], str], id_field: str) -> Any:
    import pyarrow as pa

    if not isinstance(batch, (pa.Table, pa.RecordBatch)):
        raise TypeError(f"clean_batch takes a pyarrow Table or RecordBatch, not {type(batch).__name__}")
    names = batch.schema.names
    if field not in names:
        raise _no_column(field, names)
    if names.count(field) > 1:
        raise RecordError(f"the {field!r} column appears {names.count(field)} times")
    index = names.index(field)
    column = batch.column(index)
    ids = None
    if names.count(id_field) == 1:
        id_column = batch.column(names.index(id_field))
        ids = lambda row: id_column[row].as_py()  # noqa: E731
    values = column.to_pylist()
    cleaned = _clean_values(values, field, clean, ids)
    if cleaned == values:
        return batch  # nothing changed: the column as it was, type and chunks
    kind = column.type
    is_view = getattr(pa.types, "is_string_view", lambda _: False)
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind) or is_view(kind)):
        kind = pa.string()  # e.g. a column of nulls, or of Python objects
    schema = batch.schema.set(index, batch.schema.field(index).with_type(kind))
    array = pa.array(cleaned, kind)
    if isinstance(batch, pa.Table):
        return batch.set_column(index, schema.field(index), array)
    arrays = [array if i == index else batch.column(i) for i in range(batch.num_columns)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _clean_pandas(batch: Any, field: str, clean: Callable[[str], str], id_field: str) -> Any:
    import pandas as pd

    if not isinstance(batch, pd.DataFrame):
        raise TypeError(f"clean_batch takes a pandas DataFrame, not {type(batch).__name__}")
    if field not in batch.columns:
        raise _no_column(field, list(batch.columns))
    column = batch[field]
    if isinstance(column, pd.DataFrame):
        raise RecordError(f"the {field!r} column appears {column.shape[1]} times")
    ids = None
    if id_field in batch.columns and not isinstance(batch[id_field], pd.DataFrame):
        id_column = batch[id_field]
        ids = lambda row: id_column.iloc[row]  # noqa: E731
    cleaned = _clean_values(column.tolist(), field, clean, ids)
    out = batch.copy(deep=False)
    dtype = column.dtype if pd.api.types.is_string_dtype(column.dtype) else object
    out[field] = pd.Series(cleaned, index=batch.index, dtype=dtype, name=column.name)
    return out


# ---------------------------------------------------------------- files


def clean_sources(
    sources: Sequence["Source"],
    pipeline: Pipeline,
    sink: "Sink",
    *,
    mode: str = "clean",
    jsonl: bool = False,
    field: str = "text",
    on_error: str = "fail",
    count_steps: bool = False,
    doc_field: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    jobs: int = 1,
    progress: bool | None = False,
    diff: "DiffStyle | None" = None,
) -> "Summary":
    """Clean inputs (:func:`cleantext.io.sources.find_sources`) into ``sink``, as
    the ``cleantext`` command does; the totals of the run come back.

    ``mode`` is "clean", "explain" (changes as JSON Lines), "diff" (the text
    with its changes marked, shown as ``diff`` says: a
    :class:`cleantext.review.DiffStyle`) or "check" (no output); the rest are
    the command's options (``count_steps``: --stats).
    """
    from .engines.cleaner import Cleaner
    from .engines.local import clean_corpus
    from .engines.tasks import Reading
    from .review import DiffStyle

    cleaner = Cleaner(pipeline, mode, field, on_error, count_steps, doc_field, diff or DiffStyle())
    reading = Reading(pipeline, encoding, errors, jsonl, doc_field)
    return clean_corpus(sources, cleaner, sink, reading, jobs, progress)


def cores() -> int:
    """The processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def clean_jsonl(
    inputs: PathLike | Sequence[PathLike],
    output: PathLike,
    field: str = "text",
    *,
    on_error: str = "fail",
    doc_field: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    jobs: int = 1,
    progress: bool = False,
    count_steps: bool = False,
    pipeline: Pipeline | None = None,
    **options: Any,
) -> "Summary":
    """Clean the ``field`` of every record of JSON Lines files into ``output``:
    ``cleantext --jsonl INPUTS -o OUTPUT``, byte for byte.

    ``inputs`` is a file or a list of files (``"-"``: stdin); ``output`` a
    file, written under a temporary name and renamed when complete (``"-"``:
    stdout), never one of the inputs. Each record's field is cleaned as
    :func:`cleantext.clean` would clean it; every other byte of the record is
    kept. ``on_error`` ("fail", "skip", "keep"), ``doc_field``, ``encoding``,
    ``errors`` and ``jobs`` (worker processes; 0: one per core) are the
    command's options of the same names; the pipeline is ``pipeline`` or the
    one ``options`` ask for (see :func:`build_pipeline`).

    Returns the run's :class:`cleantext.engines.local.Summary` (records, changed
    records, bytes; with ``count_steps``, changes per step and the records
    each step changed, ``step_records``). Bad input raises
    :class:`cleantext.io.errors.InputError` naming the file and line (with
    "fail", no output file is left), an unwritable output
    :class:`cleantext.io.errors.OutputError`.
    """
    from .io.outputs import FileSink, StdoutSink
    from .io.sources import find_sources

    if on_error not in ("fail", "skip", "keep"):
        raise ValueError(f"on_error is 'fail', 'skip' or 'keep', not {on_error!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs is a number of worker processes (0: one per core), not {jobs!r}")
    chosen = _chosen(pipeline, options)
    names = [os.fspath(inputs)] if isinstance(inputs, (str, os.PathLike)) else [os.fspath(p) for p in inputs]
    if not names:
        raise ValueError("no inputs")
    sources = find_sources(names, False, "*.jsonl")
    target = os.fspath(output)
    sink = StdoutSink() if target == "-" else FileSink(Path(target), sources)
    return clean_sources(sources, chosen, sink, jsonl=True, field=field, on_error=on_error,
                         count_steps=count_steps, doc_field=doc_field, encoding=encoding, errors=errors,
                         jobs=jobs or cores(), progress=progress)
