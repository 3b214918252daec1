"""The inputs a command line names: files, the files under directories, stdin."""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from .errors import InputError


@dataclass(frozen=True)
class Source:
    """One input: a file, or stdin (``path`` is None)."""

    path: Path | None
    name: str  #: how messages name it
    relative: Path  #: where its output goes under --out-dir

    def reopenable(self) -> bool:
        """Whether it can be read again by opening its path anew: a regular file
        (not stdin, a pipe such as ``<(cmd)`` or ``/dev/stdin``, a FIFO or a device)."""
        return self.size() is not None

    def size(self) -> int | None:
        """Its size in bytes, if it is a regular file."""
        try:
            st = os.stat(self.path) if self.path else None
        except OSError:
            return None
        return st.st_size if st and stat.S_ISREG(st.st_mode) else None


STDIN = Source(None, "<stdin>", Path("<stdin>"))


def find_sources(args: Sequence[str], recursive: bool, pattern: str, exclude: Path | None = None) -> list[Source]:
    """The inputs named on the command line ('-' or none: stdin).

    A directory needs ``recursive``; under it, files whose name matches the
    glob ``pattern`` are taken in sorted order, leaving out hidden files and
    directories and the directory ``exclude`` (the --out-dir).
    """
    sources: list[Source] = []
    for arg in args or ["-"]:
        if arg == "-":
            sources.append(STDIN)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(f"{arg}: no such file") from None
        except OSError as exc:
            raise InputError(f"{arg}: cannot read ({exc.strerror})") from None
        if not is_dir:
            sources.append(Source(Path(arg), arg, Path(Path(arg).name)))
        elif not recursive:
            raise InputError(f"{arg}: is a directory (add -r to clean the files under it)")
        else:
            found = list(_walk(Path(arg), pattern, exclude))
            if not found:
                raise InputError(f"{arg}: no files matching {pattern!r} under it")
            sources += found
    return sources


def _walk(top: Path, pattern: str, exclude: Path | None) -> Iterator[Source]:
    def unreadable(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: cannot read ({exc.strerror})")

    skip = exclude.resolve() if exclude else None
    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d).resolve() != skip)
        for name in sorted(filenames):
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern):
                path = here / name
                yield Source(path, str(path), path.relative_to(top))


def regular_file(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The identity of the regular file at ``path``, or None if it is not one (missing, a pipe, a device)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def fd_file(fd: int) -> tuple[int, int] | None:
    try:
        st = os.fstat(fd)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def file_id(path: Path | None) -> tuple[int, int] | None:
    try:
        st = os.stat(path) if path else None
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st else None


def file_ids(sources: Sequence[Source]) -> set[tuple[int, int] | None]:
    return {file_id(s.path) for s in sources if s.path} - {None}
