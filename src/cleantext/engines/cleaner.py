"""What cleaning a task does: clean, explain, diff or check, with counts; picklable for workers."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..io import jsonline
from ..io.errors import CleaningError, InputError, printable
from ..io.records import json_line, replace_value
from ..pipeline import Pipeline, apply_edits
from ..review import DiffStyle, header, marked
from ..stream import for_pages
from .tasks import Task


@dataclass
class Result:
    """What cleaning a task gave."""

    data: bytes = b""  #: output, UTF-8
    changed: int = 0  #: chunks or records the pipeline changed
    records: int = 0  #: JSON records cleaned
    problems: list[tuple[int, str]] = field(default_factory=list)  #: (line, what is wrong) of bad JSON lines
    steps: Counter[str] = field(default_factory=Counter)  #: changes per step (explain, or count_steps)
    step_records: Counter[str] = field(default_factory=Counter)  #: JSON records each step changed
    error: str = ""  #: a step failed (a bug): the exception

    def review(self, name: str, on_error: str) -> tuple[list[str], InputError | None]:
        """What the run makes of this result of cleaning input ``name``: the
        warnings to give, in order, and with ``on_error`` "fail" the error to
        raise once the output before the bad line is written; a failed step is
        raised here, a CleaningError (every engine reports problems so)."""
        if self.error:
            raise CleaningError(f"{name}: a step failed ({self.error}); this is a bug, please report it")
        warnings = []
        for line, problem in self.problems:
            if on_error == "fail":
                return warnings, InputError(f"{name}:{line}: {problem} (--on-error skip or keep to go on)")
            done = "skipped" if on_error == "skip" else "kept as it is"
            warnings.append(f"{name}:{line}: {problem}; {done}")
        return warnings, None


@dataclass(frozen=True)
class Cleaner:
    """What to do with each task: picklable, sent once to each worker."""

    pipeline: Pipeline
    #: "clean"; "explain": changes as JSON Lines; "diff": the text with its changes marked
    #: (:mod:`cleantext.review`); "check": no output
    mode: str = "clean"
    field: str = "text"  #: the field of a JSON record to clean
    on_error: str = "fail"  #: a bad JSON line: "fail" (stop there), "skip" it or "keep" it as it is
    count_steps: bool = False  #: count changes per step (for --stats)
    #: consecutive records with the same value of this field are the pages of
    #: one document: running headers are found across them
    doc_field: str | None = None
    diff: DiffStyle = DiffStyle()  #: how mode "diff" shows changes

    def __call__(self, task: Task) -> Result:
        result = Result()
        try:
            if task.jsonl:
                out = self._lines(task, result)
            else:
                out = self._text(task.pipeline or self.pipeline, task.text, task.start, {"file": task.name}, result)
            result.data = out.encode("utf-8")
        except Exception as exc:  # a bug in a step: reported in one line, with the input
            result.error = f"{type(exc).__name__}: {exc}"
        return result

    def _text(self, pipeline: Pipeline, text: str, shift: int, where: dict[str, object], result: Result) -> str:
        """Output for one text: cleaned, its changes (explain), its diff, or nothing (check)."""
        if self.mode == "explain":
            lines = []
            steps: dict[str, int] = {}  # the steps that changed the text
            for change in pipeline.explain(text):
                record = {**where, **change.to_dict()}
                record["start"], record["end"] = change.start + shift, change.end + shift
                lines.append(json_line(record))
                result.steps[change.step] += 1
                steps[change.step] = 1
            result.changed += bool(lines)
            if "line" in where:
                result.step_records.update(steps)
            return "".join(lines)
        if self.mode == "diff":
            return self._diff(pipeline, text, shift, where, result)
        cleaned = self._clean(pipeline, text, result, record="line" in where)
        result.changed += cleaned != text
        return cleaned if self.mode == "clean" else ""

    def _diff(self, pipeline: Pipeline, text: str, shift: int, where: dict[str, object], result: Result) -> str:
        """The diff of one text: a text file's chunk (the first after a header
        naming the file), or a record's field after a ``file:LINE`` header if
        it marks a change."""
        changes = pipeline.explain(text)
        steps = Counter(change.step for change in changes)
        result.steps.update(steps)
        result.changed += bool(changes)
        shown, marks = marked(text, changes, pipeline(text), self.diff) if changes else (text, 0)
        if "line" not in where:
            return header(printable(str(where["file"])), self.diff) + shown if shift == 0 else shown
        result.step_records.update(dict.fromkeys(steps, 1))
        if not marks:
            return ""
        return header(printable(f"{where['file']}:{where['line']}"), self.diff) + shown + ("" if shown.endswith("\n") else "\n")

    def _clean(self, pipeline: Pipeline, text: str, result: Result, record: bool = False) -> str:
        """``text`` cleaned; with count_steps, the edits of each step counted
        (and, for a JSON record, ``record``, the records each step changed)."""
        if not self.count_steps:
            return pipeline(text)
        for step in pipeline.steps:  # the same as pipeline(text), counting edits
            edits = step.edits(text)
            if edits:
                result.steps[step.name] += len(edits)
                result.step_records[step.name] += record
                text = apply_edits(text, edits)
        return text

    def _lines(self, task: Task, result: Result) -> str:
        """Output for whole JSON lines: each record with its field cleaned."""
        lines = task.text.split("\n")
        if not lines[-1]:
            lines.pop()  # the text ends with a line break
        parsed: list[tuple[int, str, dict[str, Any] | None]] = []  # number, line, record (None: blank or bad)
        for number, line in enumerate(lines, task.start):  # a CR before the line break stays with the line
            record, problem = self._parse(line) if line.strip() else (None, "")
            if problem:
                result.problems.append((number, problem))
                if self.on_error == "fail":
                    break
                if self.on_error == "skip":
                    continue
            parsed.append((number, line, record))
        pipelines = self._pipelines([record for _, _, record in parsed if record is not None])
        out: list[str] = []
        for number, line, record in parsed:
            if record is None:
                if self.mode == "clean":
                    out.append(line + "\n")  # a blank line, or a bad one kept
                continue
            result.records += 1
            value = record[self.field]
            pipeline = next(pipelines)
            if self.mode == "clean":
                cleaned = self._clean(pipeline, value, result, record=True)
                if cleaned != value:  # only the field's value changes: every other byte is kept
                    result.changed += 1
                    line = replace_value(line, self.field, cleaned)
                out.append(line + "\n")
            else:
                out.append(self._text(pipeline, value, 0, {"file": task.name, "line": number}, result))
        return "".join(out)

    def _pipelines(self, records: list[dict[str, Any]]) -> Iterator[Pipeline]:
        """The pipeline for each record: with ``doc_field``, the one made for the pages of its document."""
        doc_field = self.doc_field
        if doc_field is None:
            yield from itertools.repeat(self.pipeline, len(records))
            return
        for _, group in itertools.groupby(records, key=lambda record: record[doc_field]):
            pages = [record[self.field] for record in group]
            yield from itertools.repeat(for_pages(self.pipeline, pages), len(pages))

    def _parse(self, line: str) -> tuple[dict[str, Any] | None, str]:
        """The record on ``line``, or None and what is wrong with it."""
        try:
            record = jsonline.loads(line)  # nested 3,000 deep or a 5,000-digit integer is JSON too
        except json.JSONDecodeError as exc:
            return None, f"not JSON ({exc.msg} at column {exc.colno})"
        except jsonline.RepeatedKey as exc:
            return None, str(exc)
        if not isinstance(record, dict):
            return None, "not a JSON object"
        for name in (self.field, self.doc_field):
            if name is not None and name not in record:
                return None, f"no {name!r} field"
        if not isinstance(record[self.field], str):
            return None, f"the {self.field!r} field is not a string"
        return record, ""
