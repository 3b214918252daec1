"""Near-duplicate removal on this machine: documents in, the kept ones out, then the report.

The decision is :class:`cleantext.dedup.Deduper`'s; documents are read by
:mod:`cleantext.io.documents`, written by :func:`write_results` (the Ray
engine writes its results with it too).
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

from ..dedup import Decision, Deduper, clusters
from ..io.outputs import TextOutput
from ..io.progress import Progress
from ..io.records import json_line

Documents = Iterable[tuple[Any, str, str]]  #: (id, text, what to write if it is kept)


def dedup_documents(
    documents: Documents,
    output: str | None,
    report: str | None,
    threshold: float,
    *,
    total_bytes: int | None = None,
    progress: bool | None = None,
) -> tuple[int, list[Decision[Any]], int]:
    """Keep the first of each group of near-duplicates of ``documents``, in
    order: the kept ones are written to ``output`` (None: stdout), the groups
    to ``report``. Returns the documents read, the removed decisions and the
    bytes written."""
    removed: list[Decision[Any]] = []
    totals = {"documents": 0, "bytes out": 0}
    bar = Progress(progress, total_bytes, "cleantext dedup")

    def kept() -> Iterator[str]:
        with Deduper[Any](threshold) as deduper:
            for doc_id, text, payload in documents:
                totals["documents"] += 1
                bar.update(len(payload.encode("utf-8", "replace")))
                decision = deduper.check(doc_id, text)
                if decision.keep:
                    totals["bytes out"] += len(payload.encode("utf-8", "replace"))
                    yield payload
                else:
                    removed.append(decision)

    try:
        write_results(output, report, kept(), removed)
    finally:
        bar.close()
    return totals["documents"], removed, totals["bytes out"]


def file_size(name: str) -> int | None:
    """The size of a regular input file, for the progress bar; None for stdin, pipes and devices."""
    if name == "-":
        return None
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return stat.st_size if os.path.isfile(name) else None


def stats_report(inputs: int, documents: int, removed: int, groups: int, bytes_out: int, jsonl: bool,
                 seconds: float) -> str:
    """The totals of a run (--stats), as lines for stderr, in the clean command's layout.

    >>> print(stats_report(1, 10, 3, 2, 700, True, 0.5))
    cleantext dedup: stats
      inputs            1 (JSON Lines)
      documents         10
      kept              7
      removed           3 (in 2 groups of duplicates)
      bytes out         700
      time              0.50 s
    """
    return "\n".join([
        "cleantext dedup: stats",
        f"  inputs            {inputs:,} ({'JSON Lines' if jsonl else 'text files'})",
        f"  documents         {documents:,}",
        f"  kept              {documents - removed:,}",
        f"  removed           {removed:,} (in {groups:,} group{'' if groups == 1 else 's'} of duplicates)",
        f"  bytes out         {bytes_out:,}",
        f"  time              {seconds:.2f} s",
    ])


def write_results(output: str | None, report: str | None, kept: Iterable[str], removed: list[Decision[Any]]) -> None:
    """Write the kept documents, then (once ``kept`` is exhausted) the report of
    clusters; each output is all-or-nothing."""
    outputs = [TextOutput(output)]
    try:
        for payload in kept:
            outputs[0].write(payload)
        if report:
            outputs[0].flush()  # documents first, should both go to one stream
            outputs.append(TextOutput(report))
            for cluster in clusters(removed):
                outputs[1].write(json_line(cluster.to_dict()))
    except BaseException:
        for out in outputs:
            out.discard()
        raise
    for out in outputs:
        out.commit()


