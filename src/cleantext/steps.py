"""The built-in steps: importing this module registers every one of them.

Each step declares its contract where it is defined (its module in
:mod:`cleantext.normalizers`); what is here is only the list of modules, and
the order the steps declare, computed once they are all registered.
"""

from __future__ import annotations

from .normalizers import (  # noqa: F401  (each module registers its step)
    blocks,
    columns,
    doubled,
    headlines,
    hygiene,
    latin,
    lookalike,
    mojibake,
    numbers,
    punctuation,
    running,
    script,
    spaces,
    strays,
    width,
)
from .pipeline import canonical_order, get_step, step_families

__all__ = ["ORDER"]



def __getattr__(name: str) -> object:
    """``ORDER``: where each built-in step (and the opencc family) runs when it
    is added to a pipeline, as the steps declare it (``after=``/``before=``),
    computed when asked (a step's module may import this one while it is
    being defined). Encoding is repaired first (the control characters in
    mojibake are its bytes), then characters (look-alike radicals become
    ideographs before fake bold is compared, so both copies of a doubled span
    read the same); fake bold is undone before lines are measured;
    punctuation is made full-width before spaces around it are judged;
    spaces are decided once lines are blocks; script conversion last."""
    if name == "ORDER":
        return tuple(n for n in canonical_order() if _module_of(n).startswith(f"{__package__}.normalizers."))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _module_of(name: str) -> str:
    families = step_families()
    if name in families:
        return families[name].__module__
    return get_step(name).__wrapped__.__module__
