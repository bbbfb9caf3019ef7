"""Which files a run reads, in a stable order, and reading one of them.

Folders are walked recursively; hidden files and folders (names starting
with ".") are skipped; ``--glob`` narrows the files taken from folders (not
the files named one by one).  Paths are reported as the user gave them:
a relative folder gives relative paths.
"""
from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator

STDIN = "-"
# Opening never waits (a FIFO) nor takes a terminal as the controlling one.
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class InputError(Exception):
    """A path that cannot be read; the message is the reason."""


def _walk(folder: str, pattern: str | None) -> Iterator[str]:
    found = []
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            if pattern and not fnmatch.fnmatch(name, pattern):
                continue
            found.append(os.path.join(root, name))
    yield from sorted(found)


def iter_inputs(paths: Iterable[str], pattern: str | None = None) -> Iterator[str]:
    """Every input path, folders expanded, in order: named paths in the order
    given, each folder's files sorted."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path, pattern)
        else:
            yield path


def read_bytes(path: str, stdin=None) -> bytes:
    """The file's bytes, or InputError with a one-line reason.

    Only regular files are read.  A FIFO, socket or device is refused from
    its ``stat`` before it is opened (opening a FIFO waits for a writer,
    reading a device may never end); the open file is checked again, in case
    the path changed in between, and is opened non-blocking so that even
    then the open cannot hang.
    """
    if path == STDIN:
        return (stdin.read() if stdin is not None else b"")
    try:
        _refuse_unless_regular(os.stat(path))
        with open(os.open(path, os.O_RDONLY | _NON_BLOCKING), "rb") as handle:
            _refuse_unless_regular(os.fstat(handle.fileno()))
            return handle.read()
    except OSError as exc:
        raise InputError(_reason(exc)) from None


def _refuse_unless_regular(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")


def _reason(exc: OSError) -> str:
    """What went wrong, in a few words."""
    if isinstance(exc, FileNotFoundError):  # also a symbolic link to nothing
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, NotADirectoryError):
        return "not a directory"
    return (exc.strerror or str(exc)).lower()
