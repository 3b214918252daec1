"""Worker processes: tasks cleaned in parallel, results taken back in input order."""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from typing import TYPE_CHECKING, Generator, Iterator

from ..io.errors import CleaningError
from .cleaner import Cleaner, Result
from .tasks import Event, Task, Work

if TYPE_CHECKING:  # worker processes are started, and their module imported, only with jobs > 1
    from concurrent.futures import Future, ProcessPoolExecutor

#: Tasks in flight per worker: the one it cleans and the next, ready when it is done.
IN_FLIGHT_PER_WORKER = 2
#: A worker process found stopped (SIGSTOP, "T" in /proc, Linux only) this many seconds in a row
#: while a result is awaited ends the run instead of making it wait forever (environment:
#: CLEANTEXT_STOPPED_WORKER_SECONDS). A worker that is only slow is waited for however long it takes.
STOPPED_WORKER_SECONDS = float(os.environ.get("CLEANTEXT_STOPPED_WORKER_SECONDS") or 60)



_CLEANER: Cleaner | None = None  # the worker process's cleaner


def _start_worker(cleaner: Cleaner) -> None:
    for name in ("SIGINT", "SIGHUP", "SIGQUIT"):  # Ctrl-C, a hangup, Ctrl-\: for the main process to handle
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _CLEANER
    _CLEANER = cleaner


def _clean_in_worker(task: Task) -> Result:
    assert _CLEANER is not None
    return _CLEANER(task)


def in_order(
    events: Iterator[Event], cleaner: Cleaner, jobs: int = 1
) -> Generator[tuple[Event, Result | None], None, None]:
    """Each event with the result of its task (Work), in order; ``jobs`` worker processes."""
    if jobs <= 1:
        for event in events:
            yield event, cleaner(event.task) if isinstance(event, Work) else None
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(cleaner,))
    try:
        pending: deque[tuple[Event, Future[Result] | None]] = deque()
        in_flight = 0
        for event in events:
            future = executor.submit(_clean_in_worker, event.task) if isinstance(event, Work) else None
            pending.append((event, future))
            in_flight += future is not None
            while pending and (pending[0][1] is None or in_flight > jobs * IN_FLIGHT_PER_WORKER):
                in_flight -= pending[0][1] is not None
                yield _result(*pending.popleft(), executor)
        while pending:
            yield _result(*pending.popleft(), executor)
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown()


def _result(
    event: Event, future: Future[Result] | None, executor: ProcessPoolExecutor
) -> tuple[Event, Result | None]:
    """The result of ``event``'s task, once its worker has it; CleaningError if a
    worker died, or stays stopped (SIGSTOP) for :data:`STOPPED_WORKER_SECONDS`."""
    from concurrent.futures.process import BrokenProcessPool

    if future is None:
        return event, None
    stopped_since: dict[int, float] = {}  # worker -> when it was first seen stopped, in a row
    while True:
        try:
            return event, future.result(timeout=min(1.0, STOPPED_WORKER_SECONDS))
        except BrokenProcessPool:
            raise CleaningError("a worker process died (out of memory?)") from None
        except TimeoutError:
            pass
        now = time.monotonic()
        for pid in list(getattr(executor, "_processes", None) or {}):
            if not _stopped(pid):
                stopped_since.pop(pid, None)
            elif now - stopped_since.setdefault(pid, now) >= STOPPED_WORKER_SECONDS:
                raise CleaningError(f"worker process {pid} was stopped (SIGSTOP?) and not continued for "
                                    f"{STOPPED_WORKER_SECONDS:g} s; gave up")


def _stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped by a signal (Linux's /proc; elsewhere never known)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat_line = f.read()
    except OSError:
        return False
    fields = stat_line.rpartition(b")")[2].split()  # after "pid (command name)"
    return bool(fields) and fields[0] == b"T"


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now, mid-task (the executor has no public way to).

    The executor's manager thread is then let finish, or at exit Python could
    wake it through a pipe it is closing and print a traceback. A worker
    stopped while it wrote a result leaves half a message in the result
    pipe, and the manager thread waits for the rest (and Python's exit for
    the manager thread) forever: once the workers are gone, this process's
    own copy of the pipe's writing end is closed, and the manager reads the
    end of the pipe instead.
    """
    workers = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)  # (shutdown forgets the queue)
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.pid is not None and _stopped(worker.pid):
            worker.kill()  # SIGTERM would wait for a SIGCONT (and maybe find no handler of the worker's yet)
        else:
            worker.terminate()
    for worker in workers:
        worker.join(timeout=10)
    if writer is not None and not any(worker.is_alive() for worker in workers):
        writer.close()
    if manager is not None:
        manager.join(timeout=10)
