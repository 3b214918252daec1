"""Steps, pipelines, and the explanation of every change.

A normalizer is a small function that looks at a text and *proposes edits*:
``(start, end, replacement)`` triples on the text it was given. Wrapping it
in :func:`normalizer` turns it into a :class:`Step`, which is what users
call: ``step(text)`` returns the fixed text. Because every step speaks in
edits, the things all steps share live here, once:

* applying edits;
* keeping form feeds (page breaks) as hard boundaries: a step sees one page
  at a time and can never join text across ``\\f`` (a step registered with
  ``whole_text=True``, such as one comparing pages, sees the whole text and
  must keep every ``\\f`` itself);
* explaining a change and mapping its offsets back into the original input,
  through any number of earlier steps (:meth:`Pipeline.explain`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

__all__ = [
    "Edit",
    "Change",
    "Step",
    "Pipeline",
    "normalizer",
    "rewriter",
    "step_family",
    "diff_edits",
    "get_step",
    "step_names",
    "step_families",
    "apply_edits",
]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``new``; ``note`` says why, if a step has more to say."""

    start: int
    end: int
    new: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One change a pipeline made, located in the original input.

    ``start``/``end`` are character offsets into the text given to
    :meth:`Pipeline.explain`; ``before`` is what the step saw there and
    ``after`` what it wrote instead.
    """

    step: str
    start: int
    end: int
    before: str
    after: str
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        record: dict[str, object] = {
            "step": self.step,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
        }
        if self.note:
            record["note"] = self.note
        return record


FindEdits = Callable[[str], Iterable[Edit]]

_REGISTRY: dict[str, "Step"] = {}
#: Families of parametrised steps: "opencc" makes "opencc-t2s" on first use.
_FAMILIES: dict[str, Callable[[str], "Step"]] = {}
_MADE: dict[str, "Step"] = {}


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text``."""
    parts: list[str] = []
    pos = 0
    for start, end, new, _ in edits:
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _page_edits(find: FindEdits, text: str) -> Iterator[Edit]:
    """Run ``find`` on each form-feed-separated page, with offsets shifted."""
    if "\f" not in text:
        yield from find(text)
        return
    offset = 0
    for page in text.split("\f"):
        for start, end, new, note in find(page):
            yield Edit(start + offset, end + offset, new, note)
        offset += len(page) + 1


@dataclass(frozen=True)
class Step:
    """A named normalizer: ``step(text) -> text``, ``step.edits(text)``.

    Steps are immutable, hold no state between calls (safe to share between
    threads) and pickle by name (a step made for one text, by value).
    """

    name: str
    find: FindEdits
    description: str
    #: ``find`` sees the whole text, all pages at once, instead of one page
    #: at a time; it must then never remove or join across a ``\f`` itself.
    whole_text: bool = False
    #: For a whole-text step: reads the text once, in pieces (as the steps
    #: before this one leave it), and returns the page-by-page step that
    #: cleans it as this one would (None: it would change nothing). This
    #: lets a text too large to hold be cleaned in pieces (cleantext.stream).
    survey: Callable[[Iterable[str]], "Step | None"] | None = None
    #: ``find`` must see each page whole: a text is cut only between pages.
    whole_pages: bool = False
    #: For a step made from a text -> text function (:func:`rewriter`): the
    #: function, run as it is; ``find`` diffs its output (for explain).
    rewrite: Callable[[str], str] | None = None
    #: For a step that reads a preset's vocabulary: ``find(text, lexicon)``,
    #: which :meth:`with_lexicon` binds to another lexicon.
    lexical: Callable[..., Iterable[Edit]] | None = None

    def _find(self, text: str) -> Iterable[Edit]:
        return self.find(text) if self.whole_text else _page_edits(self.find, text)

    def __call__(self, text: str) -> str:
        if self.rewrite is not None:
            return "\f".join(map(self.rewrite, text.split("\f"))) if "\f" in text else self.rewrite(text)
        if self.whole_text or "\f" not in text:
            return apply_edits(text, self.find(text))
        return "\f".join(apply_edits(page, self.find(page)) for page in text.split("\f"))

    def edits(self, text: str) -> list[Edit]:
        """The edits this step makes to ``text``, in order."""
        return [e for e in self._find(text) if text[e.start : e.end] != e.new]

    def with_lexicon(self, lexicon: object) -> "Step":
        """This step reading ``lexicon`` (a :class:`cleantext.lexicon.Lexicon`)
        instead of its preset's; a step that reads none is returned as it is."""
        if self.lexical is None:
            return self
        return documented(
            Step(self.name, partial(self.lexical, lexicon=lexicon), "", self.whole_text, self.survey, self.whole_pages, None, self.lexical),
            self.lexical,
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        if _REGISTRY.get(self.name) is self or _MADE.get(self.name) is self:
            return (get_step, (self.name,))
        return (
            Step,
            (self.name, self.find, self.description, self.whole_text, self.survey, self.whole_pages, self.rewrite, self.lexical),
        )

    def __repr__(self) -> str:
        return f"<step {self.name}>"


def normalizer(
    name: str,
    whole_text: bool = False,
    survey: Callable[[Iterable[str]], Step | None] | None = None,
    lexical: Callable[..., Iterable[Edit]] | None = None,
) -> Callable[[FindEdits], Step]:
    """Register an edit-finding function as the step ``name``.

    The returned :class:`Step` keeps the function's docstring, whose example
    shows the step's input and output. With ``whole_text=True`` the function
    is given the whole text at once rather than one ``\\f`` page at a time
    (for steps that compare pages); it must keep every ``\\f`` itself, and
    may offer a ``survey`` (see :attr:`Step.survey`). A step that reads a
    lexicon gives ``lexical``, the same finder taking ``lexicon=`` (see
    :meth:`Step.with_lexicon`).
    """

    def register(find: FindEdits) -> Step:
        step = documented(Step(name, find, "", whole_text, survey, lexical=lexical), find)
        _REGISTRY[name] = step
        return step

    return register


def rewriter(name: str) -> Callable[[Callable[[str], str]], Step]:
    """Register a function ``text -> text`` as the step ``name``.

    For fixes a library makes to the whole text (script conversion, mojibake)
    or that a substitution states best: the step runs the function as it is,
    one ``\\f`` page at a time, and finds its edits by diffing (:func:`diff_edits`).
    """

    def register(rewrite: Callable[[str], str]) -> Step:
        step = documented(rewritten(name, rewrite), rewrite)
        _REGISTRY[name] = step
        return step

    return register


def rewritten(name: str, rewrite: Callable[[str], str]) -> Step:
    """The (unregistered) step ``name`` running ``rewrite``; see :func:`rewriter`."""
    return Step(name, partial(_diffed, rewrite), "", rewrite=rewrite)


def _diffed(rewrite: Callable[[str], str], text: str) -> list[Edit]:
    return diff_edits(text, rewrite(text))


def documented(step: Step, function: Callable[..., object]) -> Step:
    """``step`` with the docstring of the function it runs (its first line as the description)."""
    doc = (function.__doc__ or "").strip()
    object.__setattr__(step, "description", doc.splitlines()[0] if doc else step.name)
    object.__setattr__(step, "__doc__", function.__doc__)
    object.__setattr__(step, "__wrapped__", function)
    return step


def step_family(prefix: str) -> Callable[[Callable[[str], Step]], Callable[[str], Step]]:
    """Register a factory making the steps ``prefix-ARG`` (e.g. ``opencc-t2s``)."""

    def register(factory: Callable[[str], Step]) -> Callable[[str], Step]:
        _FAMILIES[prefix] = factory
        return factory

    return register


def get_step(name: str) -> Step:
    """The registered step called ``name`` (a family's step is made on first use)."""
    _load_builtin_steps()
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name in _MADE:
        return _MADE[name]
    prefix, _, argument = name.partition("-")
    if prefix in _FAMILIES and argument:
        step = _FAMILIES[prefix](argument)  # raises ValueError for a bad argument
        return _MADE.setdefault(step.name, step)
    known = ", ".join(sorted(_REGISTRY) + [f"{f}-..." for f in _FAMILIES])
    raise ValueError(f"unknown step {name!r} (known steps: {known})")


def diff_edits(before: str, after: str) -> list[Edit]:
    """The edits turning ``before`` into ``after``, line by line where possible.

    For steps that hand the whole text to a library (script conversion,
    mojibake repair) and get a whole text back: rapidfuzz aligns each changed
    line so explain reports the characters that changed, not the whole text.
    """
    if before == after:
        return []
    from rapidfuzz.distance import Levenshtein

    old_lines = before.splitlines(keepends=True)
    new_lines = after.splitlines(keepends=True)
    if len(old_lines) != len(new_lines):
        old_lines, new_lines = [before], [after]
    edits: list[Edit] = []
    offset = 0
    for old, new in zip(old_lines, new_lines):
        if old != new:
            for op in Levenshtein.opcodes(old, new):
                if op.tag == "equal":
                    continue
                start, end, text = op.src_start + offset, op.src_end + offset, new[op.dest_start : op.dest_end]
                if edits and edits[-1].end == start:  # merge touching changes
                    last = edits.pop()
                    start, text = last.start, last.new + text
                edits.append(Edit(start, end, text))
        offset += len(old)
    return edits


def step_names() -> list[str]:
    """Names of every registered step (a family's steps are named ``family-ARG``)."""
    _load_builtin_steps()
    return sorted(_REGISTRY)


def step_families() -> dict[str, Callable[[str], Step]]:
    """Families of parametrised steps: prefix -> the factory making ``prefix-ARG``
    (the factory's docstring says what ARG is)."""
    _load_builtin_steps()
    return dict(_FAMILIES)


def _load_builtin_steps() -> None:
    from . import normalizers  # noqa: F401  (registers the built-in steps)


class _OffsetMap:
    """Maps positions in the current text back to the original input.

    Stored as breakpoints ``(cur, orig)``: between two breakpoints positions
    advance together, clamped at the next breakpoint's original offset (text
    a step inserted maps onto the span it replaced).
    """

    __slots__ = ("cur", "orig")

    def __init__(self, length: int) -> None:
        self.cur = [0, length]
        self.orig = [0, length]

    def __call__(self, pos: int) -> int:
        i = bisect.bisect_right(self.cur, pos) - 1
        if i < 0:
            return 0
        if i + 1 < len(self.cur):
            return min(self.orig[i] + pos - self.cur[i], self.orig[i + 1])
        return self.orig[i] + pos - self.cur[i]

    def update(self, edits: Sequence[Edit], spans: Sequence[tuple[int, int]]) -> None:
        """Account for ``edits`` on the current text, whose original spans are ``spans``."""
        cur: list[int] = []
        orig: list[int] = []
        delta = 0  # how far the new text has shifted so far
        k = 0
        for (start, end, new, _), (o_start, o_end) in zip(edits, spans):
            while k < len(self.cur) and self.cur[k] < start:
                cur.append(self.cur[k] + delta)
                orig.append(self.orig[k])
                k += 1
            while k < len(self.cur) and self.cur[k] <= end:
                k += 1  # breakpoints inside the replaced text are gone
            cur += (start + delta, start + delta + len(new))
            orig += (o_start, o_end)
            delta += len(new) - (end - start)
        for k in range(k, len(self.cur)):
            cur.append(self.cur[k] + delta)
            orig.append(self.orig[k])
        self.cur, self.orig = cur, orig


@dataclass(frozen=True)
class Pipeline:
    """An ordered composition of steps; ``pipeline(text) -> text``.

    Immutable and stateless, so one pipeline can be shared by threads and
    sent to worker processes (it pickles as its step names).
    """

    steps: tuple[Step, ...]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> "Pipeline":
        """Build a pipeline from step names, in the order given."""
        return cls(tuple(get_step(n) for n in names))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def with_lexicon(self, lexicon: object) -> "Pipeline":
        """This pipeline with every step that reads vocabulary reading ``lexicon``
        (see :func:`cleantext.lexicon.load_lexicon`)."""
        return Pipeline(tuple(step.with_lexicon(lexicon) for step in self.steps))

    def without(self, *names: str) -> "Pipeline":
        """This pipeline with the named steps left out."""
        for n in names:
            get_step(n)  # unknown names are an error, not a silent no-op
        return Pipeline(tuple(s for s in self.steps if s.name not in names))

    def only(self, *names: str) -> "Pipeline":
        """This pipeline keeping only the named steps, in pipeline order; a
        named step the pipeline lacks (an opt-in step) is added at its place
        (see :meth:`adding`)."""
        for n in names:
            get_step(n)
        kept = Pipeline(tuple(s for s in self.steps if s.name in names))
        return kept.adding(*(n for n in names if n not in kept.names))

    def adding(self, *names: str) -> "Pipeline":
        """This pipeline with the named steps added where they belong.

        Each added step goes at its place in the canonical order of steps
        (:data:`cleantext.normalizers.ORDER`: mojibake before everything
        that reads characters, punctuation before spaces, script last):
        after the last step of this pipeline that comes before it there. The
        steps already here keep the order they have, whatever it is; a step
        the order does not know (a plugin's) goes last.

        >>> Pipeline.from_names(["layout-spaces", "column-wrap"]).adding("split-numbers").names
        ['layout-spaces', 'column-wrap', 'split-numbers']
        """
        from .normalizers import ORDER

        def rank(step: Step) -> int:
            family = step.name if step.name in ORDER else step.name.partition("-")[0]
            return ORDER.index(family) if family in ORDER else len(ORDER)

        steps = list(self.steps)
        for step in (get_step(n) for n in dict.fromkeys(names) if n not in self.names):
            at = max((k + 1 for k, s in enumerate(steps) if rank(s) <= rank(step)), default=0)
            steps.insert(at, step)
        return Pipeline(tuple(steps))

    def __call__(self, text: str) -> str:
        for step in self.steps:
            text = step(text)
        return text

    def explain(self, text: str) -> list[Change]:
        """Every change the pipeline makes to ``text``, in step order.

        Offsets point into ``text`` itself, however earlier steps moved it.
        """
        changes: list[Change] = []
        to_original = _OffsetMap(len(text))
        current = text
        for step in self.steps:
            edits = step.edits(current)
            if not edits:
                continue
            spans = [(to_original(e.start), to_original(e.end)) for e in edits]
            for (start, end, new, note), (o_start, o_end) in zip(edits, spans):
                changes.append(Change(step.name, o_start, o_end, current[start:end], new, note))
            to_original.update(edits, spans)
            current = apply_edits(current, edits)
        return changes
