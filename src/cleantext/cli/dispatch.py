"""What every subcommand shares: one table of exit statuses, one way to report a failure.

:func:`dispatch` runs a subcommand (``cleantext``'s cleaning, ``cleantext
dedup``) with SIGTERM, SIGHUP and SIGQUIT stopping it as Ctrl-C does, and
turns what it raises into one line on stderr and the exit status of
:data:`EXIT_STATUS`; nothing a user can cause prints a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from types import ModuleType
from typing import Callable, Iterator, NoReturn, Sequence

from ..io.errors import CleaningError, InputError, OutputError, RecordError, printable
from ..io.outputs import INTERRUPTED

__all__ = ["EXIT_OK", "EXIT_CHANGED", "EXIT_STATUS", "Terminated", "dispatch", "fail", "ray_engine"]

#: Exit statuses, as documented in ``cleantext --help``.
EXIT_OK, EXIT_CHANGED = 0, 1
#: The exit status of each kind of failure, for every subcommand.
EXIT_STATUS: dict[type[BaseException], int] = {
    InputError: 2,  # bad usage or bad input
    RecordError: 2,  # a record that cannot be cleaned (batch API, Ray engine): bad input
    OutputError: 3,  # an output cannot be written
    CleaningError: 4,  # a step failed or a worker died: a bug
    MemoryError: 4,
    KeyboardInterrupt: 130,
}
EXIT_TERMINATED = 143


class Terminated(BaseException):
    """SIGTERM, SIGHUP or SIGQUIT arrived: stop like Ctrl-C, leaving no partial output."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.signum = signum


#: The signals that stop a run as SIGTERM does (the terminal went away, Ctrl-\).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))

#: What a run whose reader went away says, once, on stderr.
CLOSED_STDOUT = "cleantext: note: stdout was closed; stopped early"


def fail(message: str, status: int = EXIT_STATUS[InputError], prog: str = "cleantext") -> NoReturn:
    """Report ``message`` as one line on stderr and exit with ``status``."""
    print(printable(f"{prog}: error: {message}"), file=sys.stderr)
    raise SystemExit(status)


def ray_engine() -> ModuleType:
    """The Ray engine module, or a one-line error when Ray is not installed."""
    try:
        from .. import ray_engine as engine
    except ImportError as exc:
        raise InputError(f"--engine ray needs Ray ({exc.name} is missing): pip install 'cleantext-cjk[ray]'") from None
    return engine


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """While running, SIGTERM, SIGHUP and SIGQUIT raise :class:`Terminated` (so outputs are cleaned up),
    and Ctrl-C raises KeyboardInterrupt as it does by default, also setting
    :data:`~cleantext.io.outputs.INTERRUPTED` (a KeyboardInterrupt that a
    finalizer raised, which Python drops, still stops the run: no output is
    committed after it).

    Only in this process: a worker forked before it set its own handlers
    (the run stopping while its pool starts) stops as the signal's default
    action would, without a traceback."""
    owner = os.getpid()

    def terminate(signum: int, frame: object) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        if signum == signal.SIGINT:
            INTERRUPTED.set()
            raise KeyboardInterrupt
        raise Terminated(signum)

    def unraisable(info: "sys.UnraisableHookArgs") -> None:
        if isinstance(info.exc_value, KeyboardInterrupt):  # (raised in a finalizer: no traceback)
            INTERRUPTED.set()
        else:
            hook(info)

    INTERRUPTED.clear()
    try:
        previous = {signum: signal.signal(signum, terminate) for signum in (signal.SIGINT, *STOP_SIGNALS)}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        INTERRUPTED.clear()


def closed_standard_streams() -> None:
    """A standard stream the command was started without (``2>&-``) gets
    /dev/null, so no file opened later takes its descriptor; messages then go
    nowhere. A closed stdin or stdout stays None: reading or writing it is an
    error naming it."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                os.fstat(fd)
            except OSError:
                devnull = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
                if devnull != fd:
                    os.dup2(devnull, fd)
                    os.close(devnull)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")


def dispatch(prog: str, command: Callable[[Sequence[str]], int], argv: Sequence[str]) -> int:
    """Run ``command(argv)``, the subcommand ``prog``; what it raises becomes
    one line on stderr and its exit status (:data:`EXIT_STATUS`)."""
    closed_standard_streams()
    with _sigterm_stops():
        try:
            status = command(argv)
            if INTERRUPTED.is_set():  # (Ctrl-C arrived where Python dropped it: the run went on)
                raise KeyboardInterrupt
            return status
        except tuple(EXIT_STATUS) as exc:
            status = next(code for kind, code in EXIT_STATUS.items() if isinstance(exc, kind))
            message = {KeyboardInterrupt: "interrupted", MemoryError: "out of memory"}.get(type(exc), str(exc))
            if isinstance(exc, KeyboardInterrupt):
                # CPython marks a process whose Ctrl-C left code run by exec (a
                # dataclass being built) to end by SIGINT whatever its exit
                # status; exec-ing code that ends well clears the mark: 130
                exec("pass")
            fail(message, status, prog)
        except Terminated as exc:
            if exc.signum == signal.SIGTERM:
                fail("terminated", EXIT_TERMINATED, prog)
            fail(f"terminated ({signal.Signals(exc.signum).name})", 128 + exc.signum, prog)
        except BrokenPipeError:
            # The reader went away (cleantext big.txt | head): not an error.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            print(CLOSED_STDOUT, file=sys.stderr)
            return EXIT_OK
        except Exception as exc:  # a bug: still one line, never a traceback
            fail(f"internal error ({type(exc).__name__}: {exc}); please report it", EXIT_STATUS[CleaningError], prog)
