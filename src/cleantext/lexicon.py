"""The vocabulary a preset's steps read: datelines, block starts, credits, units.

Words are data, not code: the forms of newspaper-zh live in
``cleantext/data/newspaper-zh.toml``, and every pattern a step matches with
is compiled from them here, once. A user adds a paper's own forms with a
file of the same shape, whose entries are added to the preset's:

>>> lexicon = default_lexicon().extended({"blocks": {"datelines": ["大众网{HAN}{0,6}讯"]}})
>>> bool(lexicon.block_start.match("大众网济南讯 今天")), bool(default_lexicon().block_start.match("大众网济南讯"))
(True, False)

A file that does not parse, or holds an unknown key or a bad pattern, is a
:class:`LexiconError` naming the file and line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from operator import itemgetter
from pathlib import Path
from typing import Mapping

import regex

__all__ = ["DATELINE_BRACKETS", "Lexicon", "LexiconError", "default_lexicon", "load_lexicon", "PLACEHOLDERS"]

#: Placeholders a pattern may use: a digit of any width or a Chinese
#: numeral, and a Han character.
PLACEHOLDERS = {"{D}": r"[\d〇零一二三四五六七八九十]", "{HAN}": r"\p{Han}"}

#: The keys of a lexicon file: table -> key -> "patterns" (a list of regex
#: fragments) or "chars" (a string of characters).
SCHEMA: dict[str, dict[str, str]] = {
    "blocks": {
        "datelines": "patterns",
        "line_datelines": "patterns",
        "bylines": "patterns",
        "headings": "patterns",
        "marks": "chars",
        "subtitles": "patterns",
        "continuations": "patterns",
        "folios": "patterns",
        "heads": "patterns",
        "fields": "patterns",
        "figures": "patterns",
        "ends": "patterns",
        "captions": "patterns",
        "reporters": "patterns",
    },
    "credits": {"endings": "patterns"},
    "stages": {"time_openers": "patterns", "verbs": "patterns", "pronouns": "patterns"},
    "headlines": {"organisations": "patterns", "dangling": "chars", "surnames": "chars", "predicates": "patterns"},
    "doubled": {"reduplicated": "patterns"},
    "numbers": {"units": "chars"},
}


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and line."""


def _expand(pattern: str) -> str:
    for name, value in PLACEHOLDERS.items():
        pattern = pattern.replace(name, value)
    return pattern


#: A dateline may stand in square brackets (web text: "【新华社北京1月5日电】").
DATELINE_BRACKETS = "【〔"
_DATELINE_BRACKET = f"[{DATELINE_BRACKETS}]?"


_HAN_RUN = regex.compile(r"\p{Han}+")


def _any(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{_expand(p)})" for p in patterns) or "(?!)"


def _chars(chars: str) -> str:
    return "[" + regex.escape(chars, special_only=True) + "]" if chars else "(?!)"


@dataclass(frozen=True)
class Lexicon:
    """The entries of a lexicon (``entries[table][key]``) and the patterns compiled from them.

    Immutable and picklable; the compiled patterns are made on first use.
    """

    entries: Mapping[str, Mapping[str, tuple[str, ...] | str]] = field(default_factory=dict)
    source: str = "newspaper-zh"

    def _get(self, table: str, key: str) -> tuple[str, ...]:
        value = self.entries.get(table, {}).get(key, ())
        return (value,) if isinstance(value, str) else tuple(value)

    def _text(self, table: str, key: str) -> str:
        return "".join(self._get(table, key))

    def extended(self, more: Mapping[str, Mapping[str, object]], source: str = "") -> "Lexicon":
        """This lexicon with the entries of ``more`` added (same shape as a file)."""
        merged: dict[str, dict[str, tuple[str, ...] | str]] = {t: dict(keys) for t, keys in self.entries.items()}
        for table, keys in more.items():
            for key, value in keys.items():
                kind = SCHEMA[table][key]
                old = merged.setdefault(table, {}).get(key, "" if kind == "chars" else ())
                if kind == "chars":
                    merged[table][key] = str(old) + "".join(c for c in str(value) if c not in str(old))
                else:
                    new = (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]
                    merged[table][key] = tuple(old) + tuple(p for p in new if p not in old)
        return Lexicon(merged, f"{self.source}+{source}" if source else self.source)

    def __getstate__(self) -> dict[str, object]:  # compiled patterns are rebuilt, not pickled
        return {"entries": self.entries, "source": self.source}

    def __setstate__(self, state: dict[str, object]) -> None:
        object.__setattr__(self, "entries", state["entries"])
        object.__setattr__(self, "source", state["source"])

    # -- compiled patterns (each a pure function of the entries) -------------

    @cached_property
    def dateline(self) -> regex.Pattern[str]:
        """A dateline at the start of a line: "本报金昌讯", "新华社北京6月5日电",
        "光明日报北京１月５日电"."""
        return regex.compile(f"{_DATELINE_BRACKET}(?:{_any(self._get('blocks', 'datelines') + self._get('blocks', 'line_datelines'))})")

    @cached_property
    def glued_dateline(self) -> regex.Pattern[str]:
        """A dateline that is looked for inside a line too, glued after a
        title or a sentence: the ``datelines`` entries (``line_datelines``:
        see :attr:`line_dateline_back`; a bracket before either is taken
        with it where it is found: see :mod:`.normalizers.headlines`)."""
        return regex.compile(_any(self._get("blocks", "datelines")))

    @cached_property
    def line_dateline_back(self) -> regex.Pattern[str]:
        """The ``line_datelines`` entries matched backwards (``(?r)``), from
        where one glued inside a line may end (a 讯 or 电): a long list of
        papers' names tried at every position would cost several times the
        time of the steps that look for glued datelines."""
        return regex.compile(f"(?r)(?:{_any(self._get('blocks', 'line_datelines'))})")

    @cached_property
    def field_label(self) -> regex.Pattern[str]:
        """A field's label, which its short value follows on its line: "关键词：", "中图分类号："."""
        return regex.compile(f"(?:{_any(self._get('blocks', 'fields'))})\\s*[：:]")

    @cached_property
    def figure(self) -> regex.Pattern[str]:
        """A figure's or a table's number opening its caption: "图4", "表2-1", "图表14"."""
        return regex.compile(_any(self._get("blocks", "figures")))

    @cached_property
    def continuation(self) -> regex.Pattern[str]:
        """A continuation marker: "（接一版）", "（转4版）"."""
        return regex.compile(_any(self._get("blocks", "continuations")))

    @cached_property
    def folio(self) -> regex.Pattern[str]:
        """A page number, a line's whole text at a page's edge: "12", "第170页", "- 3 -"."""
        return regex.compile(_any(self._get("blocks", "folios")))

    @cached_property
    def running_head(self) -> regex.Pattern[str]:
        """What marks a running head or foot (searched): a weekday, an edition, a volume: "第16版"."""
        return regex.compile(_any(self._get("blocks", "heads")))

    @cached_property
    def heading(self) -> regex.Pattern[str]:
        """A numbered heading's number and mark at a line's start: "一、", "（一）", "1.", "第一条"."""
        return regex.compile(_any(self._get("blocks", "headings")))

    @cached_property
    def byline_mark(self) -> regex.Pattern[str]:
        """A byline's mark: "□", "文/图" (the space after it at a line's start is typed)."""
        return regex.compile(_any(self._get("blocks", "bylines")))

    @cached_property
    def block_start(self) -> regex.Pattern[str]:
        """What always starts a new block at a line's start: a dateline, a
        byline, a numbered heading, a bullet or section mark (private-use
        symbol-font glyphs too), a subtitle's dash, a continuation marker."""
        return regex.compile(
            "|".join(
                (
                    self.dateline.pattern,
                    self.byline_mark.pattern,
                    self.heading.pattern,
                    self.field_label.pattern,
                    f"(?:{self.figure.pattern})[ \u3000：:]",
                    _chars(self._text("blocks", "marks")),
                    r"[\ue000-\uf8ff]",
                    _any(self._get("blocks", "subtitles")),
                    self.continuation.pattern,
                )
            )
        )

    @cached_property
    def _openers(self) -> dict[str, tuple[bool, bool]]:
        return {}

    def may_open(self, char: str) -> tuple[bool, bool]:
        """Whether a line starting with ``char`` may start a block, and may
        open a dateline (a cheap test before the patterns themselves: the
        patterns are asked once per character whether they could match)."""
        known = self._openers.get(char)
        if known is None:
            known = (
                self.block_start.match(char, partial=True) is not None,
                self.dateline.match(char, partial=True) is not None,
            )
            if len(self._openers) < 65536:
                self._openers[char] = known
        return known

    def may_open_each(self, lines: list[str]) -> list[tuple[bool, bool]]:
        """:meth:`may_open` of each line's first character (the characters
        asked before answered from one lookup each)."""
        try:  # (one lookup a line, in C, once every character was asked)
            return list(map(self._openers.__getitem__, map(itemgetter(0), lines)))
        except KeyError:
            get, ask = self._openers.get, self.may_open
            return [get(line[0]) or ask(line[0]) for line in lines]

    @cached_property
    def block_end(self) -> regex.Pattern[str]:
        """What ends a block at a line's end: a caption's "（图片）", a photo credit "（…摄）"."""
        return regex.compile(f"(?:{_any(self._get('blocks', 'ends'))})$")

    @cached_property
    def caption_opener(self) -> regex.Pattern[str]:
        """What a sentence of a photo's caption opens with ("图为…"): the
        caption goes on from the sentence before it."""
        return regex.compile(_any(self._get("blocks", "captions")))

    @cached_property
    def reporter(self) -> regex.Pattern[str]:
        """Who wrote an article, before the names of a byline: "本报记者", "新华社记者", "通讯员"."""
        return regex.compile(_any(self._get("blocks", "reporters")))

    @cached_property
    def bullet(self) -> regex.Pattern[str]:
        """A bullet or section mark (private-use symbol-font glyphs too): a
        block start wherever a line starts, even after a sentence cut mid-way."""
        return regex.compile(_chars(self._text("blocks", "marks")) + r"|[\ue000-\uf8ff]")

    @cached_property
    def credit(self) -> regex.Pattern[str]:
        """A photo credit or caption signature: a block of its own."""
        return regex.compile(
            r"^(?:[^，。；！？]{0,30}[ \u3000])?[\p{Han}]{2,4}[ \u3000]?(?:" + _any(self._get("credits", "endings")) + ")$"
        )

    @cached_property
    def credit_tail(self) -> regex.Pattern[str]:
        """A photo credit that ends a line, after the sentence or the bracket
        before it ("…。新华社记者 贺宇洋 摄", "（熊海平 摄）"); group ``end`` is
        its last word."""
        return regex.compile(
            r"(?:^|(?<=[，。；！？（(]))(?:[^，。；！？（）()]{0,30}[ \u3000])?\p{Han}{2,4}[ \u3000]?(?P<end>"
            + _any(self._get("credits", "endings"))
            + r")[）)]?$"
        )

    @cached_property
    def credit_end(self) -> regex.Pattern[str]:
        """A credit's last word ending a line, as :attr:`credit_tail` ends: a
        cheap test before it (a line where this is not found has no credit)."""
        return regex.compile(r"(?P<end>" + _any(self._get("credits", "endings")) + r")[）)]?$")

    @cached_property
    def credit_last(self) -> frozenset[str]:
        """The last characters a credit can end with (a cheap test before :attr:`credit`)."""
        return frozenset(p[-1] for p in self._get("credits", "endings") if p)

    @cached_property
    def time_opener(self) -> regex.Pattern[str]:
        """A sentence that opens with when it happens: "会上，", "近日，"."""
        return regex.compile(f"(?:{_any(self._get('stages', 'time_openers'))})，")

    @cached_property
    def stage_opener(self) -> regex.Pattern[str]:
        """The next stage of a report: "会议强调，", "调研组提出，", "会上，"."""
        verbs = _any(self._get("stages", "verbs"))
        # (not a pronoun's: "他强调，" goes on with what the speaker said)
        pronoun = rf"(?!(?:{_any(self._get('stages', 'pronouns'))})们?\p{{Han}}{{0,2}}?(?:{verbs}))"
        return regex.compile(rf"{pronoun}[\p{{Han}}]{{0,6}}?(?:{verbs})[，：]|" + self.time_opener.pattern)

    @cached_property
    def organisation(self) -> regex.Pattern[str]:
        """An organisation name alone on a line: the first piece of a headline."""
        return regex.compile(rf"^[\p{{Han}}]{{1,12}}?(?:{_any(self._get('headlines', 'organisations'))})$")

    @cached_property
    def predicate(self) -> regex.Pattern[str]:
        """A title's predicate opening its line ("会见美国客人"): a person's
        name alone on the line before it is the title's first piece."""
        return regex.compile(f"(?:{_any(self._get('headlines', 'predicates'))})")

    def name_alone(self, text: str, longest: int) -> bool:
        """Whether ``text`` is one person's name alone: two to ``longest``
        Han characters, a surname first ("李岚清")."""
        return text[:1] in self.surname and 2 <= len(text) <= longest and _HAN_RUN.fullmatch(text) is not None

    @cached_property
    def dangling(self) -> frozenset[str]:
        """Characters a title piece cannot end with (the next line continues it)."""
        return frozenset(self._text("headlines", "dangling"))

    @cached_property
    def surname(self) -> frozenset[str]:
        """Characters a person's name opens with: a short line under a title
        that opens with one is rather its writer than the title's rest."""
        return frozenset(self._text("headlines", "surnames"))

    @cached_property
    def reduplicated(self) -> frozenset[str]:
        """Words of the AABB form the text itself doubles ("高高兴兴"): on a
        page printing its bold character by character, other runs of two
        pairs are bold words ("甚甚至至")."""
        return frozenset(self._get("doubled", "reduplicated"))

    @cached_property
    def unit(self) -> regex.Pattern[str]:
        """A unit a number is printed with ("6" + "月"): a wrap between them is never a break."""
        return regex.compile(_chars(self._text("numbers", "units")))


def _line_of(text: str, key: str) -> int:
    """The line of ``text`` where ``key`` is set (1 if it cannot be told)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key) and line.strip()[len(key) :].lstrip().startswith("="):
            return number
    return 1


def parse_lexicon(text: str, name: str) -> dict[str, dict[str, tuple[str, ...] | str]]:
    """The entries of a lexicon file's ``text``, checked against :data:`SCHEMA`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = regex.search(r"line (\d+)", message)
        raise LexiconError(f"{name}:{line.group(1) if line else 1}: not TOML: {message}") from None
    entries: dict[str, dict[str, tuple[str, ...] | str]] = {}
    for table, keys in data.items():
        if table not in SCHEMA or not isinstance(keys, dict):
            known = ", ".join(f"[{t}]" for t in SCHEMA)
            raise LexiconError(f"{name}:{_line_of(text, table) if table not in SCHEMA else 1}: unknown table {table!r} (known: {known})")
        for key, value in keys.items():
            where = f"{name}:{_line_of(text, key)}"
            kind = SCHEMA[table].get(key)
            if kind is None:
                raise LexiconError(f"{where}: unknown key {key!r} in [{table}] (known: {', '.join(SCHEMA[table])})")
            if kind == "chars":
                if not isinstance(value, str):
                    raise LexiconError(f"{where}: {key} must be a string of characters")
                entries.setdefault(table, {})[key] = value
                continue
            if not isinstance(value, list) or not all(isinstance(p, str) and p for p in value):
                raise LexiconError(f"{where}: {key} must be a list of non-empty strings (regular expressions)")
            for pattern in value:
                try:
                    regex.compile(_expand(pattern))
                except regex.error as error:
                    raise LexiconError(f"{where}: bad pattern {pattern!r}: {error}") from None
            entries.setdefault(table, {})[key] = tuple(value)
    return entries


@lru_cache(maxsize=None)
def default_lexicon() -> Lexicon:
    """The lexicon of newspaper-zh (the package's ``data/newspaper-zh.toml``)."""
    text = files("cleantext").joinpath("data", "newspaper-zh.toml").read_text(encoding="utf-8")
    return Lexicon(parse_lexicon(text, "newspaper-zh.toml"))


def load_lexicon(path: str | Path, base: Lexicon | None = None) -> Lexicon:
    """``base`` (default: newspaper-zh's) with the entries of the lexicon file at ``path`` added."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise LexiconError(f"{path}:1: cannot read lexicon: {reason}") from None
    return (base or default_lexicon()).extended(parse_lexicon(text, str(path)), path.name)
