"""Where output goes: stdout, a file written atomically, one file per input in a mirrored tree."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import Sequence

from .errors import InputError, OutputError
from .sources import Source, fd_file, file_id, file_ids, regular_file


#: Set while a command runs once Ctrl-C arrived (the CLI's handler sets it):
#: Python drops a KeyboardInterrupt raised inside a finalizer, and a run that
#: went on after it must still not put its output in place.
INTERRUPTED = threading.Event()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicFile:
    """``path``, written under a temporary name beside it and renamed into place when complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        try:
            if path.exists() and not path.is_file():  # a device or pipe (/dev/stdout): no rename
                self._stream = open(path, "wb")
                return
            target = Path(os.path.realpath(path))  # through a symlink to the file it names
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        self.path, self._tmp = target, Path(tmp)
        self._stream = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        if INTERRUPTED.is_set():
            self.discard()
            raise KeyboardInterrupt
        try:
            self._stream.close()
            if self._tmp is None:
                return
            mode = self.path.stat().st_mode if self.path.exists() else 0o666 & ~_umask()
            os.chmod(self._tmp, stat.S_IMODE(mode))  # not mkstemp's 0600
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.path}: cannot write ({exc.strerror})") from None

    def discard(self) -> None:
        try:
            self._stream.close()
        except OSError:
            pass
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)


class Sink:
    """Where output goes, input by input; this one drops it (--check)."""

    def begin(self, source: Source) -> None:
        """An input starts."""

    def write(self, data: bytes) -> None:
        """Output of the current input."""

    def end(self, source: Source) -> None:
        """An input is done."""

    def commit(self) -> None:
        """The run is done."""

    def discard(self) -> None:
        """The run failed: leave no partial output file."""


class StdoutSink(Sink):
    def __init__(self) -> None:
        if sys.stdout is None:
            raise OutputError("<stdout>: is closed")
        self._stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except BrokenPipeError:
            raise  # the reader went away: the caller decides
        except OSError as exc:
            raise OutputError(f"<stdout>: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        self.write(b"")
        self._stream.flush()


class FileSink(Sink):
    """All output in one file (-o)."""

    def __init__(self, path: Path, sources: Sequence[Source]) -> None:
        refuse_overwrites([("-o", path)], [s.path for s in sources])
        self._file = AtomicFile(path)

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def commit(self) -> None:
        self._file.commit()

    def discard(self) -> None:
        self._file.discard()


def tree_targets(root: Path, sources: Sequence[Source]) -> list[Path]:
    """Where each input's output goes under ``root`` (--out-dir); InputError
    if two go to one file, or one would overwrite an input."""
    inputs = file_ids(sources)
    seen: dict[Path, str] = {}  # output -> the input written there
    for source in sources:
        if source.path is None:
            raise InputError("--out-dir needs files or directories to read, not stdin")
        target = root / source.relative
        if target in seen:
            raise InputError(f"{seen[target]} and {source.name} would both be written to {target}")
        if file_id(target) in inputs:
            raise InputError(f"{target}: is also an input; refusing to overwrite it")
        seen[target] = source.name
    return list(seen)


class TreeSink(Sink):
    """One file per input under ``root``, at the input's place in its tree (--out-dir)."""

    def __init__(self, root: Path, sources: Sequence[Source]) -> None:
        tree_targets(root, sources)
        self._root = root
        self._file: AtomicFile | None = None

    def begin(self, source: Source) -> None:
        target = self._root / source.relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{target.parent}: cannot create ({exc.strerror})") from None
        self._file = AtomicFile(target)

    def write(self, data: bytes) -> None:
        assert self._file is not None
        self._file.write(data)

    def end(self, source: Source) -> None:
        assert self._file is not None
        self._file.commit()
        self._file = None

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()


def refuse_overwrites(
    outputs: Sequence[tuple[str, str | os.PathLike[str] | None]], inputs: Sequence[str | os.PathLike[str] | None]
) -> None:
    """InputError if an output is also an input, or two outputs are one file.

    ``outputs`` are (option, path) pairs, path None for stdout; ``inputs``
    are paths, None for stdin. Files are compared as files (through links and
    ``..``); an output that does not exist yet by its resolved path. Only
    regular files count: a pipe or ``/dev/stdout`` may take several outputs.
    """
    read = {fd_file(0) if path is None else regular_file(path) for path in inputs} - {None}
    written: dict[object, tuple[str, str]] = {}  # a file or resolved path -> (option, as given)
    for option, path in outputs:
        shown = "<stdout>" if path is None else os.fspath(path)
        ident: object = fd_file(1) if path is None else regular_file(path)
        if ident is not None and ident in read:
            raise InputError(f"{shown}: is also an input; refusing to overwrite it")
        if ident is None and path is not None:
            ident = os.path.realpath(path)  # not written yet: the same name is the same file
        if ident is None:
            continue
        if ident in written:
            first, name = written[ident]
            raise InputError(f"{shown}: {option} and {first} ({name}) are the same file; refusing to write both")
        written[ident] = (option, shown)


class TextOutput:
    """Text to stdout (``path`` None), or to a file written atomically
    (:class:`AtomicFile`); a write that fails is an OutputError."""

    def __init__(self, path: str | None) -> None:
        self._sink: AtomicFile | StdoutSink = StdoutSink() if path is None else AtomicFile(Path(path))

    def write(self, text: str) -> None:
        self._sink.write(text.encode("utf-8"))

    def flush(self) -> None:
        """What is written so far, out (stdout; a file is complete only when committed)."""
        if isinstance(self._sink, StdoutSink):
            self._sink.commit()

    def commit(self) -> None:
        self._sink.commit()

    def discard(self) -> None:
        self._sink.discard()
