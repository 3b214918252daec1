"""Is the ``cleantext`` import package this distribution's, whole and alone?

Two other distributions install an import package named ``cleantext``:
``clean-text`` and PyPI's ``cleantext``. Installed after this one, either
overwrites ``cleantext/__init__.py`` (``import cleantext`` then runs theirs);
installed before it, their modules stay mixed with ours, and uninstalling
them later removes our ``__init__.py``. The checks here are cheap (an
attribute, one directory listing); only when something is wrong is the
installed metadata read to name the other distribution.

This module imports nothing of the package, so it works whatever
``cleantext/__init__.py`` has become.
"""

from __future__ import annotations

import os
import sys
from types import FrameType, ModuleType

#: The distribution name of this project (``pip install cleantext-cjk``).
DISTRIBUTION = "cleantext-cjk"
#: The attribute our ``cleantext/__init__.py`` sets to :data:`DISTRIBUTION`, first thing.
MARKER = "__cleantext_distribution__"
#: Top-level modules of the other ``cleantext`` packages, none of them ours:
#: clean-text 0.7 (clean, constants, sklearn, specials, utils) and PyPI's
#: cleantext 1.1 (cleantext, exceptions).
FOREIGN_MODULES = frozenset({"clean", "constants", "sklearn", "specials", "utils", "cleantext", "exceptions"})
#: How to repair the installation.
FIX = f"pip uninstall clean-text cleantext; pip install --force-reinstall {DISTRIBUTION}"


def foreign_files(directory: str) -> list[str]:
    """The files of another ``cleantext`` distribution in the package ``directory``."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(".py") and n[:-3] in FOREIGN_MODULES)


def _owners() -> list[str]:
    """The installed distributions other than ours that provide the top-level ``cleantext``."""
    try:
        from importlib.metadata import packages_distributions

        owners = packages_distributions().get("cleantext", [])
    except Exception:  # broken metadata: name nobody
        return []
    names = {o for o in owners if o.lower().replace("_", "-") != DISTRIBUTION}
    return sorted("PyPI's cleantext" if o == "cleantext" else o for o in names)


def problem(package: ModuleType | None = None) -> str | None:
    """What is wrong with the ``cleantext`` package (default: the one imported), in
    one line with the fix; None when it is ours and not mixed with other files."""
    if package is None:
        package = sys.modules.get("cleantext")
        if package is None:
            import importlib

            try:
                package = importlib.import_module("cleantext")
            except Exception as exc:
                return f"the cleantext package does not import ({type(exc).__name__}: {exc}); fix: {FIX}"
    others = _owners
    if getattr(package, MARKER, None) != DISTRIBUTION:
        where = getattr(package, "__file__", None)
        if where is None:  # a directory without __init__.py: a namespace package
            what = "its __init__.py is missing (removed by uninstalling another distribution?)"
        else:
            named = ", ".join(others()) or "another distribution"
            what = f"its __init__.py is not {DISTRIBUTION}'s (overwritten by {named})"
        return f"the cleantext package is broken: {what}; fix: {FIX}"
    directory = os.path.dirname(getattr(package, "__file__", "") or "")
    mixed = foreign_files(directory) if directory else []
    if mixed:
        named = ", ".join(others()) or "another distribution"
        return (
            f"the cleantext package is mixed with the files of {named} ({', '.join(mixed)}), "
            f"which share its name; fix: {FIX}"
        )
    return None


class InstallationWarning(UserWarning):
    """The ``cleantext`` package is mixed with another distribution's files."""


def warn_if_mixed(package: ModuleType) -> None:
    """At ``import cleantext``: an :class:`InstallationWarning` (one line, with the
    fix) if other distributions' modules are in the package's directory; one
    directory listing, nothing else, when all is well."""
    directory = os.path.dirname(getattr(package, "__file__", "") or "")
    if not directory or not foreign_files(directory):
        return
    message = problem(package)
    if message is None:
        return
    import warnings

    # Point at the line importing cleantext: past this package's frames (warn
    # itself passes over the import machinery's).
    def skipped(frame: FrameType) -> bool:
        return frozen(frame) or frame.f_globals.get("__name__", "").partition(".")[0] == "cleantext"

    def frozen(frame: FrameType) -> bool:
        return frame.f_code.co_filename.startswith("<frozen")

    level, frame = 2, sys._getframe(1)  # the caller of this function is at stack level 2
    while frame is not None and skipped(frame):
        frame = frame.f_back
        level += frame is not None and not frozen(frame)
    warnings.warn(message, InstallationWarning, stacklevel=level)
