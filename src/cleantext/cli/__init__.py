"""The ``cleantext`` command: one dispatcher for its subcommands.

``cleantext [OPTIONS] FILE...`` cleans (:mod:`.clean`), ``cleantext dedup
...`` drops near-duplicate documents (:mod:`.dedup`); both report failures
through :mod:`.dispatch`, with one table of exit statuses.
"""

from __future__ import annotations

import sys
from typing import Sequence

from .._install import problem as _installation_problem

if (_broken := _installation_problem()) is not None:  # another package named cleantext: no traceback
    print(f"cleantext: error: {_broken}", file=sys.stderr)
    raise SystemExit(2)

from .clean import command as clean_command  # noqa: E402
from .dispatch import dispatch  # noqa: E402

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """The ``cleantext`` command; returns the exit status (or exits, on a failure)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["dedup"]:
        try:
            from .dedup import command as dedup_command
        except ImportError as exc:
            missing = "" if exc.name == f"{__package__}.dedup" else f" (it needs {exc.name})"
            from .clean import usage_error

            usage_error(f"the dedup subcommand is not available in this installation{missing}")
        return dispatch("cleantext dedup", dedup_command, args[1:])
    return dispatch("cleantext", clean_command, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
