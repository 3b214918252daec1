"""Presets of your own: the pipeline options in a TOML file.

A config file (``cleantext --config FILE``, :func:`load_config`) holds the
options of the command line that choose the pipeline, at its top level;
a project's ``pyproject.toml`` holds them in a ``[tool.cleantext]`` table,
which the command reads from the current directory or the nearest parent
that has a ``pyproject.toml`` when no ``--config`` is given. Every key is
optional:

.. code-block:: toml

    preset = "newspaper-zh"             # the preset to start from
    add = ["fullwidth-ascii"]           # opt-in steps to add
    skip = ["headlines"]                # steps to leave out
    only = []                           # run only these steps (empty: all)
    opencc = "t2s"                      # script conversion (an OpenCC config)
    lexicon = "paper.toml"              # a lexicon file, relative to this file

An option given on the command line replaces the file's. A file that does
not parse, an unknown key or a value of the wrong kind is a
:class:`ConfigError` naming the file (and line, where it is known).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from .pipeline import Pipeline

__all__ = ["Config", "ConfigError", "KEYS", "find_pyproject", "load_config", "read_config"]

#: The keys a config may hold.
KEYS = ("preset", "add", "skip", "only", "opencc", "lexicon")
_LISTS = ("add", "skip", "only")


class ConfigError(ValueError):
    """A config file that cannot be used; the message (one line) names the file and line."""


@dataclass(frozen=True)
class Config:
    """The pipeline options of a config file (None or empty: not given)."""

    preset: str | None = None
    add: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    opencc: str | None = None
    #: The lexicon file, resolved against the config file's directory.
    lexicon: str | None = None
    #: Where the options were read (for messages).
    source: str = field(default="", compare=False)

    def options(self) -> dict[str, Any]:
        """The keyword arguments of :func:`cleantext.catalog.build_pipeline`
        (and :func:`cleantext.clean_batch`) this config gives."""
        given: dict[str, Any] = {"preset": self.preset, "opencc": self.opencc, "lexicon": self.lexicon}
        given.update({name: list(getattr(self, name)) for name in _LISTS})
        return {name: value for name, value in given.items() if value}

    def pipeline(self) -> Pipeline:
        """The pipeline these options make; :class:`ConfigError` names the file
        for an unknown preset or step, or a lexicon that cannot be used."""
        from .catalog import build_pipeline

        try:
            return build_pipeline(**self.options())
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"{self.source}: {exc}") from None


def load_config(path: str | Path) -> Pipeline:
    """The pipeline a config file describes (a ``pyproject.toml``: its
    ``[tool.cleantext]`` table).

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "mine.toml"), "w", encoding="utf-8") as f:
    ...     _ = f.write('skip = ["headlines"]\\nadd = ["fullwidth-ascii"]\\n')
    >>> mine = load_config(os.path.join(folder, "mine.toml"))
    >>> "headlines" in mine.names, "fullwidth-ascii" in mine.names
    (False, True)
    >>> mine("ＡＢＣ新闻 6月 5日\\n")
    'ABC新闻6月5日\\n'
    """
    return read_config(path).pipeline()


def _line_of(text: str, key: str, after: int = 0) -> int | None:
    """The line (from 1) where ``key`` is set, at or after line ``after``."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if number >= after and pattern.match(line):
            return number
    return None


def _header_line(text: str, table: Sequence[str]) -> int:
    """The line (from 1) of the header ``[a.b]`` of ``table``, or 0."""
    pattern = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table)) + r"\s*\]")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 0


def read_config(path: str | Path, table: Sequence[str] | None = None) -> Config:
    """The options of the config file at ``path``: its top level, or the
    table ``table`` (default: ``("tool", "cleantext")`` for a file named
    ``pyproject.toml``; a pyproject without that table gives no options)."""
    path = Path(path)
    if table is None and path.name == "pyproject.toml":
        table = ("tool", "cleantext")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read config: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
        if found:
            raise ConfigError(f"{path}:{found.group(1)}: not TOML: {message[: found.start()]}") from None
        found = re.search(r"\s*\(at end of document\)$", message)
        if found:
            last = max(len(text.splitlines()), 1)
            raise ConfigError(f"{path}:{last}: not TOML: {message[: found.start()]} at the end of the file") from None
        raise ConfigError(f"{path}: not TOML: {message}") from None
    header = 0
    where = "the config"
    values: Any = document
    for name in table or ():
        values = values.get(name, {}) if isinstance(values, dict) else {}
    if table:
        where = f"[{'.'.join(table)}]"
        header = _header_line(text, table)
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: {where} must be a table")
    return _checked(values, path, text, where, header)


def _short(value: object) -> str:
    """``repr(value)``, cut to fit in a line."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _checked(values: Mapping[str, Any], path: Path, text: str, where: str, header: int) -> Config:
    def error(key: str, message: str) -> ConfigError:
        line = _line_of(text, key, header)
        return ConfigError(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    unknown = [key for key in values if key not in KEYS]
    if unknown:
        raise error(unknown[0], f"unknown key {unknown[0]!r} in {where} (known keys: {', '.join(KEYS)})")
    options: dict[str, Any] = {}
    for key, value in values.items():
        if key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise error(key, f"{key} must be a list of step names, like {key} = [\"layout-spaces\"]; got {_short(value)}")
            options[key] = tuple(v.strip() for v in value)
        elif not isinstance(value, str) or not value.strip():
            raise error(key, f"{key} must be a non-empty string; got {_short(value)}")
        else:
            options[key] = value.strip()
    if "lexicon" in options:
        options["lexicon"] = str(path.parent / options["lexicon"])
        if not Path(options["lexicon"]).is_file():
            raise error("lexicon", f"lexicon {values['lexicon']!r}: no such file (next to the config: {options['lexicon']})")
    _check_names(options, error)
    return Config(**options, source=str(path))


def _check_names(options: Mapping[str, Any], error: Any) -> None:
    """An unknown preset, step or OpenCC config is an error at its line."""
    from .catalog import presets
    from .pipeline import get_step

    known = presets()
    if options.get("preset", next(iter(known))) not in known:
        raise error("preset", f"unknown preset {options['preset']!r} (known presets: {', '.join(known)})")
    named = [(key, name) for key in _LISTS for name in options.get(key, ())]
    if "opencc" in options:
        named.append(("opencc", f"opencc-{options['opencc']}"))
    for key, name in named:
        try:
            get_step(name)
        except (ValueError, RuntimeError) as exc:
            raise error(key, str(exc)) from None


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (default: the current
    directory) or its parents, or None."""
    here = Path.cwd() if start is None else Path(start)
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
