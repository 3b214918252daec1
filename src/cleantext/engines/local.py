"""Cleaning a corpus on this machine: many inputs, JSON Lines, worker processes, flat memory.

How :func:`clean_corpus` runs::

    sources ──read──▶ tasks ──clean, here or in workers──▶ bytes ──▶ sink
    files, a tree,    text chunks that   Cleaner; results come       stdout, one file,
    stdin             clean apart, or    back in input order         a mirrored tree
                      batches of lines

* **Reading** (this process) decodes each input in blocks of ~1 MB with an
  incremental decoder (a UTF-8 or UTF-16 BOM is honoured) and cuts it into
  tasks: for text, the chunks of :func:`cleantext.stream.chunks`, which clean
  independently with the output of cleaning the text whole (an input is read
  whole only when a step needs the whole text: ``whole_text``); for JSON
  Lines, batches of ~1M characters of whole lines.
* **Cleaning** is done by :class:`Cleaner`, a picklable description of the
  work: here, or with ``jobs > 1`` in worker processes, which parse, clean
  and serialise while this process only reads and writes. At most a few
  tasks per worker are in flight, so memory stays flat, and results are
  taken in input order, so the output is the same for any number of workers.
* **Writing** goes to a :class:`Sink`. Files are written under a temporary
  name and renamed when complete (:class:`cleantext.io.outputs.AtomicFile`).

Problems the user can fix are :class:`InputError` or :class:`OutputError`,
whose message is one line naming the input (file, line, byte) or output.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from typing import Sequence

from ..io.outputs import Sink
from ..io.progress import Progress
from ..io.sources import Source
from .cleaner import Cleaner, Result
from .tasks import Begin, Event, Finish, Note, Reading, Task, Work, plan
from .workers import in_order


@dataclass
class Summary:
    """Totals of a run (--stats), and the inputs --check found to clean."""

    inputs: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    records: int = 0
    changed: int = 0
    bad_lines: int = 0
    steps: Counter[str] = field(default_factory=Counter)
    step_records: Counter[str] = field(default_factory=Counter)  #: JSON Lines: records each step changed
    seconds: float = 0.0
    would_clean: list[str] = field(default_factory=list)

    def report(self, step_names: Sequence[str], jsonl: bool) -> str:
        """The totals, as lines for stderr."""
        rate = self.bytes_in / 1e6 / self.seconds if self.seconds else 0.0
        lines = [
            "cleantext: stats",
            f"  inputs            {self.inputs:,}",
            f"  bytes in          {self.bytes_in:,}",
            f"  bytes out         {self.bytes_out:,}",
        ]
        if jsonl:
            changed = f"{self.changed:,} changed, {self.bad_lines:,} bad lines"
            lines.append(f"  records           {self.records:,} ({changed})")
        lines.append(f"  time              {self.seconds:.2f} s ({rate:.2f} MB/s)")
        if jsonl:
            lines.append("  changes per step (in records changed)")
            lines += [f"    {name:<16}{self.steps[name]:,} (in {self.step_records[name]:,})" for name in step_names]
        else:
            lines.append("  changes per step")
            lines += [f"    {name:<16}{self.steps[name]:,}" for name in step_names]
        return "\n".join(lines)


def clean_corpus(
    sources: Sequence[Source],
    cleaner: Cleaner,
    sink: Sink,
    reading: Reading,
    jobs: int = 1,
    progress: bool | None = None,
) -> Summary:
    """Clean every source into ``sink``, in order; raises the first error after undoing the output."""
    started = time.perf_counter()
    sizes = [s.size() for s in sources]
    bar = Progress(progress, None if None in sizes else sum(s or 0 for s in sizes))
    run = _Run(cleaner, sink, bar, reading.jsonl)
    events = plan(sources, reading)
    try:
        with closing(in_order(events, cleaner, jobs)) as results:
            for event, result in results:
                run.handle(event, result)
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    finally:
        events.close()
        bar.close()
    run.summary.seconds = time.perf_counter() - started
    return run.summary


class _Run:
    """Handles the events of a run in order: writes output, reports problems, counts."""

    def __init__(self, cleaner: Cleaner, sink: Sink, bar: Progress, jsonl: bool) -> None:
        self.cleaner, self.sink, self.bar, self.jsonl = cleaner, sink, bar, jsonl
        self.summary = Summary()
        self.changed_here = 0  # chunks or records of the current input that cleaning changes

    def handle(self, event: Event, result: Result | None) -> None:
        if isinstance(event, Begin):
            self.sink.begin(event.source)
            self.summary.inputs += 1
            self.changed_here = 0
        elif isinstance(event, Work):
            assert result is not None
            self._work(event.task, result)
            self._count_bytes(event.nbytes)
        elif isinstance(event, Finish):
            self.sink.end(event.source)
            self._count_bytes(event.nbytes)
            if self.changed_here:
                records = f" ({self.changed_here:,} records)" if self.jsonl else ""
                self.summary.would_clean.append(event.source.name + records)
        elif isinstance(event, Note):
            self.bar.note(f"cleantext: warning: {event.message}")
        else:
            raise event.error

    def _work(self, task: Task, result: Result) -> None:
        # with --on-error fail, ``failed`` is the bad line, raised after the records before it (``result.data``)
        warnings, failed = result.review(task.name, self.cleaner.on_error)
        for message in warnings:
            self.bar.note(f"cleantext: warning: {message}")
        self.sink.write(result.data)
        if failed is not None:
            raise failed
        summary = self.summary
        summary.bytes_out += len(result.data)
        summary.records += result.records
        summary.changed += result.changed
        summary.bad_lines += len(result.problems)
        summary.steps.update(result.steps)
        summary.step_records.update(result.step_records)
        self.changed_here += result.changed

    def _count_bytes(self, nbytes: int) -> None:
        self.summary.bytes_in += nbytes
        self.bar.update(nbytes)
