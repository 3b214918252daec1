"""Steps, pipelines, and the explanation of every change.

A normalizer is a small function that looks at a text and *proposes edits*:
``(start, end, replacement)`` triples on the text it was given. Wrapping it
in :func:`normalizer` turns it into a :class:`Step`, which is what users
call: ``step(text)`` returns the fixed text. Because every step speaks in
edits, the things all steps share live here, once:

* applying edits;
* keeping form feeds (page breaks) as hard boundaries: a step sees one page
  at a time and can never join text across ``\\f`` (a step of a wider
  :class:`Scope`, such as one comparing pages, sees the whole text and must
  keep every ``\\f`` itself);
* explaining a change and mapping its offsets back into the original input,
  through any number of earlier steps (:meth:`Pipeline.explain`);
* the contract of a step, declared when it is registered: its :class:`Scope`,
  where it runs (``after=``/``before=``, :func:`canonical_order`), what it
  touches and promises (``touches``, ``idempotent``), and where a text may be
  cut before it (``cut_before``, for :mod:`cleantext.stream`).

This module is the core: it imports no other module of the package. The
built-in steps are registered by :mod:`cleantext.presets`; a name this
registry does not know yet is looked up after importing the modules named
by :func:`provide_steps` (the package names :mod:`cleantext.presets` there).
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import importlib
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
    "Scope",
    "CutBefore",
    "canonical_order",
    "provide_steps",
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
#: ``cut_before(previous, line, gap)``: whether a text may be cut right before
#: ``line`` (``previous``: the last non-blank line before it, ``gap``: the
#: blank lines between them; both stripped of spaces, as read) without
#: changing what the step makes of either side.
CutBefore = Callable[[str, str, int], bool]


class Scope(str, enum.Enum):
    """How much of a text a step sees at once, widest last.

    A text is cut where its pipeline's widest scope allows (see
    :attr:`Pipeline.scope` and :mod:`cleantext.stream`).
    """

    #: One page (between form feeds) at a time; a text may be cut inside a
    #: page where every step's ``cut_before`` allows.
    PAGE = "page"
    #: One page at a time, each page whole: a text is cut only between pages.
    PAGES = "pages"
    #: The whole text, read once in pieces first by the step's ``survey``,
    #: which returns the page-by-page step it amounts to for that text.
    SURVEYED = "surveyed"
    #: The whole text at once.
    TEXT = "text"

    @property
    def whole_text(self) -> bool:
        """Whether ``find`` is given the whole text (it must keep every ``\\f`` itself)."""
        return self in (Scope.SURVEYED, Scope.TEXT)


_WIDTH = {scope: rank for rank, scope in enumerate(Scope)}

#: The traits :attr:`Step.touches` may name: the scripts whose letters, digits
#: or punctuation a step may change (spaces and line breaks aside).
SCRIPTS = frozenset({"cjk", "latin"})

_REGISTRY: dict[str, "Step"] = {}
#: Families of parametrised steps: "opencc" makes "opencc-t2s" on first use.
_FAMILIES: dict[str, Callable[[str], "Step"]] = {}
#: Where a family's steps run: (after, before) of the family's name.
_FAMILY_PLACES: dict[str, tuple[str | None, str | None]] = {}
_MADE: dict[str, "Step"] = {}
#: Modules registering steps, imported (once, in order) before a name is looked up.
_PROVIDERS: list[str] = []


def provide_steps(module: str) -> None:
    """Name a module that registers steps when imported; it is imported on the
    first lookup of a step by name (:func:`get_step`, :func:`step_names`, ...)."""
    if module not in _PROVIDERS:
        _PROVIDERS.append(module)


def _load_providers() -> None:
    for module in _PROVIDERS:
        importlib.import_module(module)


#: Pieces of output joined into one string at a time (so that millions of
#: small edits, a space between every two words, do not keep millions of strings).
_JOIN_PARTS = 1 << 13


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text``."""
    blocks: list[str] = []
    parts: list[str] = []
    pos = 0
    for start, end, new, _ in edits:
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
        if len(parts) >= _JOIN_PARTS:
            blocks.append("".join(parts))
            parts.clear()
    if not parts and not blocks:
        return text
    parts.append(text[pos:])
    blocks.append("".join(parts))
    return "".join(blocks)


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
    threads) and pickle by name (a step made for one text, by value). Every
    field after ``description`` is the step's declared contract.
    """

    name: str
    find: FindEdits
    description: str
    #: How much of the text ``find`` sees at once (see :class:`Scope`).
    scope: Scope = Scope.PAGE
    #: For a :attr:`Scope.SURVEYED` step: reads the text once, in pieces (as
    #: the steps before this one leave it), and returns the page-by-page step
    #: that cleans it as this one would (None: it would change nothing). This
    #: lets a text too large to hold be cleaned in pieces (cleantext.stream).
    survey: Callable[[Iterable[str]], "Step | None"] | None = None
    #: For a step made from a text -> text function (:func:`rewriter`): the
    #: function, run as it is; ``find`` diffs its output (for explain).
    rewrite: Callable[[str], str] | None = None
    #: For a step that reads a preset's vocabulary: ``find(text, lexicon)``,
    #: which :meth:`with_lexicon` binds to another lexicon.
    lexical: Callable[..., Iterable[Edit]] | None = None
    #: Where the step runs when it is added to a pipeline: right after the
    #: step (or family) named ``after``, or right before ``before``; neither:
    #: after every other step (see :func:`canonical_order`).
    after: str | None = None
    before: str | None = None
    #: The scripts (:data:`SCRIPTS`) whose letters, digits or punctuation the
    #: step may change; a step changing only spaces and line breaks touches none.
    touches: frozenset[str] = SCRIPTS
    #: Whether the step promises that its output is a fixed point: step(step(t)) == step(t).
    idempotent: bool = False
    #: Whether a text may be cut before a line within a page (see
    #: :data:`CutBefore`); None: never (the step may read a whole page).
    cut_before: CutBefore | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "scope", Scope(self.scope))
        object.__setattr__(self, "touches", frozenset(self.touches))
        if (self.survey is not None) != (self.scope is Scope.SURVEYED):
            raise ValueError(f"step {self.name!r}: a survey goes with scope 'surveyed', and only with it")
        if self.after is not None and self.before is not None:
            raise ValueError(f"step {self.name!r}: give after= or before=, not both")
        if not self.touches <= SCRIPTS:
            raise ValueError(f"step {self.name!r}: touches names scripts of {sorted(SCRIPTS)}, not {sorted(self.touches)}")

    def _find(self, text: str) -> Iterable[Edit]:
        return self.find(text) if self.scope.whole_text else _page_edits(self.find, text)

    def __call__(self, text: str) -> str:
        if self.rewrite is not None:
            return "\f".join(map(self.rewrite, text.split("\f"))) if "\f" in text else self.rewrite(text)
        if self.scope.whole_text or "\f" not in text:
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
        return documented(dataclasses.replace(self, find=partial(self.lexical, lexicon=lexicon)), self.lexical)

    def made(self, name: str, find: FindEdits, scope: Scope = Scope.PAGE) -> "Step":
        """The step ``name`` running ``find`` with this step's contract (its
        place, traits and cuts) and description: what a survey returns."""
        return dataclasses.replace(self, name=name, find=find, scope=scope, survey=None, rewrite=None, lexical=None)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        if _REGISTRY.get(self.name) is self or _MADE.get(self.name) is self:
            return (get_step, (self.name,))
        fields = tuple(getattr(self, f.name) for f in dataclasses.fields(self))
        return (Step, fields)

    def __repr__(self) -> str:
        return f"<step {self.name}>"


def normalizer(
    name: str,
    scope: Scope | str = Scope.PAGE,
    survey: Callable[[Iterable[str]], Step | None] | None = None,
    lexical: Callable[..., Iterable[Edit]] | None = None,
    **contract: object,
) -> Callable[[FindEdits], Step]:
    """Register an edit-finding function as the step ``name``.

    The returned :class:`Step` keeps the function's docstring, whose example
    shows the step's input and output. ``scope`` says how much text the
    function is given at once (:class:`Scope`: one ``\\f`` page by default;
    with a wider scope it must keep every ``\\f`` itself, and a
    ``"surveyed"`` step gives its ``survey``). A step that reads a lexicon
    gives ``lexical``, the same finder taking ``lexicon=`` (see
    :meth:`Step.with_lexicon`). ``contract`` holds the rest of the step's
    declared fields: ``after=``/``before=`` (where it runs), ``touches``,
    ``idempotent`` and ``cut_before`` (see :class:`Step`).
    """

    def register(find: FindEdits) -> Step:
        step = Step(name, find, "", Scope(scope), survey, lexical=lexical, **contract)  # type: ignore[arg-type]
        return _register(documented(step, find))

    return register


def _register(step: Step) -> Step:
    """Register ``step``, after the steps of the providers (so the built-in
    steps come first in :func:`canonical_order`, whoever registers first)."""
    _load_providers()
    _REGISTRY[step.name] = step
    return step


def rewriter(name: str, **contract: object) -> Callable[[Callable[[str], str]], Step]:
    """Register a function ``text -> text`` as the step ``name``.

    For fixes a library makes to the whole text (script conversion, mojibake)
    or that a substitution states best: the step runs the function as it is,
    one ``\\f`` page at a time, and finds its edits by diffing (:func:`diff_edits`).
    ``contract``: the step's place and traits, as for :func:`normalizer`.
    """

    def register(rewrite: Callable[[str], str]) -> Step:
        return _register(documented(rewritten(name, rewrite, **contract), rewrite))

    return register


def rewritten(name: str, rewrite: Callable[[str], str], **contract: object) -> Step:
    """The (unregistered) step ``name`` running ``rewrite``; see :func:`rewriter`."""
    return Step(name, partial(_diffed, rewrite), "", rewrite=rewrite, **contract)  # type: ignore[arg-type]


def _diffed(rewrite: Callable[[str], str], text: str) -> list[Edit]:
    return diff_edits(text, rewrite(text))


def documented(step: Step, function: Callable[..., object]) -> Step:
    """``step`` with the docstring of the function it runs (its first line as the description)."""
    doc = (function.__doc__ or "").strip()
    object.__setattr__(step, "description", doc.splitlines()[0] if doc else step.name)
    object.__setattr__(step, "__doc__", function.__doc__)
    object.__setattr__(step, "__wrapped__", function)
    return step


def step_family(
    prefix: str, after: str | None = None, before: str | None = None
) -> Callable[[Callable[[str], Step]], Callable[[str], Step]]:
    """Register a factory making the steps ``prefix-ARG`` (e.g. ``opencc-t2s``),
    which run where ``after``/``before`` say (as for :func:`normalizer`)."""

    def register(factory: Callable[[str], Step]) -> Callable[[str], Step]:
        _FAMILIES[prefix] = factory
        _FAMILY_PLACES[prefix] = (after, before)
        return factory

    return register


def get_step(name: str) -> Step:
    """The registered step called ``name`` (a family's step is made on first use)."""
    _load_providers()
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
    _load_providers()
    return sorted(_REGISTRY)


def step_families() -> dict[str, Callable[[str], Step]]:
    """Families of parametrised steps: prefix -> the factory making ``prefix-ARG``
    (the factory's docstring says what ARG is)."""
    _load_providers()
    return dict(_FAMILIES)


def canonical_order() -> list[str]:
    """Every registered step and step family, in the order they run.

    Steps are placed in the order they were registered: each right after the
    step or family its ``after`` names, or right before its ``before``, or
    (neither) last. A step whose anchor is not placed yet waits for it; one
    naming no registered step is a ValueError (a one-line message).

    >>> canonical_order().index("mojibake") < canonical_order().index("text-hygiene")
    True
    """
    _load_providers()
    places = {name: (s.after, s.before) for name, s in _REGISTRY.items()} | _FAMILY_PLACES
    for name, anchors in places.items():
        for anchor in anchors:
            if anchor is not None and anchor not in places:
                raise ValueError(f"step {name!r} is to run next to {anchor!r}, which is no step")
    order: list[str] = []
    waiting = list(places)
    while waiting:
        placed = False
        for name in list(waiting):
            after, before = places[name]
            anchor = after or before
            if anchor is not None and anchor not in order:
                continue
            at = len(order) if anchor is None else order.index(anchor) + (after is not None)
            order.insert(at, name)
            waiting.remove(name)
            placed = True
        if not placed:
            raise ValueError(f"the steps {', '.join(map(repr, waiting))} are each to run next to another: no order")
    return order


def _family(name: str) -> str:
    """The family or step whose place ``name`` takes in :func:`canonical_order`."""
    return name if name in _REGISTRY else name.partition("-")[0]


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

    @property
    def scope(self) -> Scope:
        """The widest :class:`Scope` of its steps: how much of a text this
        pipeline needs at once (whole pages, a survey pass, the whole text)."""
        return max((step.scope for step in self.steps), key=_WIDTH.__getitem__, default=Scope.PAGE)

    def cut_before(self, previous: str, line: str, gap: int) -> bool:
        """Whether every step allows a cut right before ``line`` (see :data:`CutBefore`)."""
        return all(step.cut_before is not None and step.cut_before(previous, line, gap) for step in self.steps)

    def adding(self, *names: str) -> "Pipeline":
        """This pipeline with the named steps added where they belong.

        Each added step goes at its place in the canonical order of steps
        (:func:`canonical_order`, from where each step declares it runs:
        mojibake before everything that reads characters, punctuation before
        spaces, script last): after the last step of this pipeline that comes
        before it there. The steps already here keep the order they have,
        whatever it is.

        >>> Pipeline.from_names(["layout-spaces", "column-wrap"]).adding("split-numbers").names
        ['layout-spaces', 'column-wrap', 'split-numbers']
        """
        order = {name: rank for rank, name in enumerate(canonical_order())}

        def rank(step: Step) -> int:
            return order.get(_family(step.name), len(order))

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
