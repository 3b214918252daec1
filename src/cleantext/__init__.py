"""cleantext: turn OCR'd and PDF-extracted pages into clean, faithful prose.

>>> from cleantext import clean
>>> clean("本报讯 6月 22日，会议召开。\\n")
'本报讯6月22日，会议召开。\\n'

Batches of records (dicts of lists, pandas, pyarrow) and JSON Lines files:
:func:`clean_batch` and :func:`clean_jsonl` (from :mod:`cleantext.batch`).

Importing the package loads nothing heavy: the normalizers load on first use.
"""

from __future__ import annotations

#: Which distribution this __init__.py is (another package named cleantext lacks it);
#: set first, so a check made while the package imports finds it.
__cleantext_distribution__ = "cleantext-cjk"

from typing import TYPE_CHECKING, Sequence

from .pipeline import Change, Edit, Pipeline, Step, get_step, step_names
from .catalog import DEFAULT_PRESET, pipeline, presets

if TYPE_CHECKING:
    from .batch import clean_batch, clean_jsonl
    from .lexicon import Lexicon

__all__ = [
    "clean",
    "clean_pages",
    "clean_batch",
    "clean_jsonl",
    "explain",
    "load_lexicon",
    "load_config",
    "pipeline",
    "Pipeline",
    "Step",
    "Change",
    "Edit",
    "get_step",
    "step_names",
    "presets",
    "DEFAULT_PRESET",
    "__version__",
]
from ._version import __version__  # noqa: E402


def _check_installation() -> None:
    """Warn (one line, with the fix) when another distribution named cleantext
    left its modules in this package (see :mod:`cleantext._install`)."""
    import sys

    from ._install import warn_if_mixed

    warn_if_mixed(sys.modules[__name__])


_check_installation()


def load_lexicon(path: str) -> "Lexicon":
    """The newspaper-zh lexicon with a lexicon file's entries added (see
    :mod:`cleantext.lexicon`); use it with ``pipeline().with_lexicon(...)``."""
    from .lexicon import load_lexicon as load

    return load(path)


def load_config(path: str) -> Pipeline:
    """The pipeline a config file describes: a TOML file of ``preset``, ``add``,
    ``skip``, ``only``, ``opencc`` and ``lexicon`` (a ``pyproject.toml``: its
    ``[tool.cleantext]`` table); see :mod:`cleantext.config`. A file that
    cannot be used is a :class:`cleantext.config.ConfigError` (a ValueError)
    naming the file and line."""
    from .config import load_config as load

    return load(path)


def clean(text: str, preset: str = DEFAULT_PRESET, final_newline: bool = True) -> str:
    """Clean ``text`` with a preset pipeline (default: newspaper-zh).

    The cleaned text ends with a line break, as a text file does; with
    ``final_newline=False`` it does not (for a cell of a table, a title):

    >>> clean("标题"), clean("标题", final_newline=False)
    ('标题\\n', '标题')

    A long text is cleaned a chunk at a time, as the command cleans a file
    (:func:`cleantext.stream.clean_text`): the same output, in the memory
    of a chunk.
    """
    from .stream import clean_text

    cleaned = clean_text(text, pipeline(preset))
    if not final_newline and cleaned.endswith("\n"):
        return cleaned[:-1]
    return cleaned


def explain(text: str, preset: str = DEFAULT_PRESET) -> list[Change]:
    """Every change :func:`clean` makes to ``text``, located in ``text``."""
    return pipeline(preset).explain(text)


def clean_pages(pages: Sequence[str], preset: str = DEFAULT_PRESET) -> list[str]:
    """Clean the pages of one document held apart (one per record, say):
    running headers and footers are found across them, each page is cleaned on its own.

    >>> clean_pages(["甘肃政协报 第1版\\n正文一。\\n", "甘肃政协报 第2版\\n正文二。\\n",
    ...              "甘肃政协报 第3版\\n正文三。\\n"])
    ['正文一。\\n', '正文二。\\n', '正文三。\\n']
    """
    from .stream import for_pages

    prepared = for_pages(pipeline(preset), pages)
    return [prepared(page) for page in pages]


def __getattr__(name: str) -> object:
    """:func:`clean_batch` and :func:`clean_jsonl`, imported on first use."""
    if name in ("clean_batch", "clean_jsonl"):
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
