"""The progress bar on stderr, with notes printed above it."""

from __future__ import annotations

import sys
from typing import Any

from .errors import printable


class Progress:
    """A tqdm bar on stderr, shown when asked or when stderr is a terminal; notes print above it."""

    def __init__(self, show: bool | None, total: int | None, desc: str = "cleantext") -> None:
        self._bar: Any = None
        if show is False or (show is None and not sys.stderr.isatty()):
            return
        try:
            from tqdm import tqdm
        except ImportError:  # a dependency, but the run goes on without it
            return
        tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked
        self._bar = tqdm(total=total, unit="B", unit_scale=True, desc=desc, file=sys.stderr,
                         delay=0 if show else 2, dynamic_ncols=True)

    def update(self, nbytes: int) -> None:
        if self._bar is not None and nbytes:
            self._bar.update(nbytes)

    def note(self, message: str) -> None:
        message = printable(message)
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
