"""``cleantext --diff``: every change of a text, inline, with git's word-diff marks.

The diff is made from :meth:`cleantext.pipeline.Pipeline.explain`, whose
changes are located in the input, and the cleaned text; nothing is diffed
a second time. How it reads::

    [- -]本报定西讯（通讯员郑天旺）6月[- -]22日，定西市政协召开...

* ``[-old-]`` is text of the input that cleaning removed, ``{+new+}`` text it
  wrote instead (only one of the two for a pure deletion or insertion).
* Changes that overlap, nest or touch in the input (a step changing what an
  earlier step wrote, or two changes side by side) are shown as one change:
  the input text they cover, then the text the pipeline finally wrote there.
* With ``steps`` each change is followed by the steps that made it:
  ``[-old-]{+new+}<step>``, ``<step1,step2>`` for a merged change.
* A line break inside the marks is shown as ``↵`` (a carriage return as
  ``␍``). Removed text stays on its line; added text gets its own marks on
  each of its lines, a line break after each ``↵+}``, so the lines of the
  diff are the lines of the cleaned text::

      text[-old-]{+first line↵+}
      {+second line+}<step1,step2>text

* Layout changes are not marked unless ``all`` is asked: whitespace whose
  line breaks were taken out (a join: a line break that became nothing or a
  space; blank lines removed between lines), whitespace removed at a line
  end, and the whitespace ending the text (the line break every cleaned text
  ends with). The text shows them done, so it reads as the cleaned text
  with the other changes marked.
* With colour, removed text is red and added text green, as git shows them;
  step names are cyan and the header naming the input bold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .pipeline import Change, Pipeline

__all__ = ["DiffStyle", "Hunk", "parse_style", "diff_text", "render", "marked", "hunks", "is_layout", "header"]

RED, GREEN, CYAN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[m"

#: The words ``--diff=`` takes (several with commas: ``--diff=all,steps``).
STYLE_WORDS = ("steps", "all")


@dataclass(frozen=True)
class DiffStyle:
    """How :func:`render` shows changes."""

    steps: bool = False  #: name the steps of each change
    all: bool = False  #: mark layout changes (joins, line-end whitespace) too
    color: bool = False  #: ANSI colours, as git uses them


def parse_style(value: str, color: bool = False) -> DiffStyle:
    """The style ``--diff=VALUE`` asks for ("" for plain ``--diff``); ValueError names a bad word."""
    words = [w.strip() for w in value.split(",") if w.strip()]
    for word in words:
        if word not in STYLE_WORDS:
            raise ValueError(f"--diff takes {' or '.join(STYLE_WORDS)} (or both, with a comma), not {word!r}")
    return DiffStyle(steps="steps" in words, all="all" in words, color=color)


@dataclass(frozen=True)
class Hunk:
    """Input ``[start, end)`` became ``new`` in the cleaned text, by ``steps``."""

    start: int
    end: int
    new: str
    steps: tuple[str, ...]


def hunks(text: str, changes: Sequence[Change], cleaned: str) -> list[Hunk]:
    """The changes of ``text`` (``cleaned`` is what the pipeline made of it) as
    hunks: changes that overlap or touch in the input are merged into one.

    A hunk's new text is found in ``cleaned`` from the lengths the changes
    add or remove; the text between hunks is checked to be the input's
    unchanged. Should that not hold, the changes are shown as one hunk, which
    is always right.
    """
    if not changes:
        return []
    groups: list[list[Change]] = []
    spans: list[list[int]] = []
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        if spans and change.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], change.end)
            groups[-1].append(change)
        else:
            spans.append([change.start, change.end])
            groups.append([change])
    found: list[Hunk] = []
    pos = 0  # in cleaned
    last = 0  # in text
    for (start, end), group in zip(spans, groups):
        kept = text[last:start]
        size = end - start + sum(len(c.after) - len(c.before) for c in group)
        if size < 0 or cleaned[pos : pos + len(kept)] != kept:
            return _one_hunk(text, changes, cleaned)
        pos += len(kept)
        found.append(Hunk(start, end, cleaned[pos : pos + size], _steps(group)))
        pos += size
        last = end
    if cleaned[pos:] != text[last:]:
        return _one_hunk(text, changes, cleaned)
    return found


def _steps(changes: Sequence[Change]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.step for c in changes))


def _one_hunk(text: str, changes: Sequence[Change], cleaned: str) -> list[Hunk]:
    """Everything from the first change to the last as one hunk (the whole text if need be)."""
    start, end = min(c.start for c in changes), max(c.end for c in changes)
    tail = len(text) - end
    if not (cleaned[:start] == text[:start] and len(cleaned) - tail >= start and cleaned[len(cleaned) - tail :] == text[end:]):
        start, end, tail = 0, len(text), 0
    return [Hunk(start, end, cleaned[start : len(cleaned) - tail], _steps(changes))]


_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_LINE_END_SPACE = re.compile(r"[^\S\n\r\f]+(?=\r?\n)")


def is_layout(old: str, new: str, following: str) -> bool:
    """Whether ``old`` becoming ``new`` (``following``: the input's next
    character, "" at the end) is a layout change: whitespace with line
    breaks taken out (a join: a line break that became nothing or a space;
    blank lines between lines), whitespace removed at a line end, or the
    whitespace ending the text (the final line break)."""
    if not (old + new).isspace() or (old and not old.isspace()) or (new and not new.isspace()) or "\f" in old + new:
        return False
    if not following:
        return True  # whitespace at the end of the text: the final line break
    if new.count("\n") < old.count("\n"):
        return True  # a join, or blank lines between lines taken out
    end = "\n" if following in ("", "\n", "\r") else "x"
    return _LINE_END_SPACE.sub("", old + end)[:-1] == new


def _shown(text: str) -> str:
    return text.replace("\r", "␍").replace("\n", "↵")


def render(text: str, changes: Sequence[Change], cleaned: str, style: DiffStyle) -> str:
    """``text`` with ``changes`` (from :meth:`Pipeline.explain`) marked, reading as ``cleaned``."""
    return marked(text, changes, cleaned, style)[0]


def marked(text: str, changes: Sequence[Change], cleaned: str, style: DiffStyle) -> tuple[str, int]:
    """The diff of ``text`` (see :func:`render`) and how many changes it marks."""
    red, green, cyan, reset = (RED, GREEN, CYAN, RESET) if style.color else ("", "", "", "")
    out: list[str] = []
    last = 0
    shown = 0
    for hunk in hunks(text, changes, cleaned):
        out.append(text[last : hunk.start])
        last = hunk.end
        old = text[hunk.start : hunk.end]
        if not style.all and is_layout(old, hunk.new, text[hunk.end : hunk.end + 1]):
            out.append(hunk.new)
            continue
        shown += 1
        if old:
            out.append(f"{red}[-{_shown(old)}-]{reset}")
        lines = _LINES.findall(hunk.new) or [""]
        for i, line in enumerate(lines):  # each line written: its own marks, then its line break
            if line:
                out.append(f"{green}{{+{_shown(line)}+}}{reset}")
            if style.steps and i == len(lines) - 1:
                out.append(f"{cyan}<{','.join(hunk.steps)}>{reset}")
            out.append("\n" * line.endswith("\n"))
    out.append(text[last:])
    return "".join(out), shown


def header(name: str, style: DiffStyle) -> str:
    """The line naming an input (``file``) or record (``file:LINE``) before its diff."""
    return f"{BOLD}{name}{RESET}\n" if style.color else f"{name}\n"


def diff_text(text: str, pipeline: Pipeline, style: DiffStyle = DiffStyle()) -> str:
    """``text`` as ``pipeline`` cleans it, with every change marked (see the module's doc)."""
    return render(text, pipeline.explain(text), pipeline(text), style)
