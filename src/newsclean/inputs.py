"""Reading one input, and saying in a few words why it cannot be read.

Which files a run reads, and in what order, is ``runner.walk_inputs``.
"""
from __future__ import annotations

import errno
import os
import stat
import sys

STDIN = "-"
# The default of --max-bytes: larger inputs fail without being read.
MAX_BYTES = 5_000_000
# Opening never waits (a FIFO) nor takes a terminal as the controlling one.
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class InputError(Exception):
    """A path that cannot be read; the message is the reason."""


class Missing(InputError):
    """A path that leads to no file: none there, gone since the run found
    it, a broken link, a file where a folder should be."""


def read_bytes(path: str, stdin=None, found_earlier: bool = False, limit: int | None = None) -> bytes:
    """The file's bytes, or InputError with a one-line reason.

    Only regular files are read.  A FIFO, socket or device is refused from
    its ``stat`` before it is opened (opening a FIFO waits for a writer,
    reading a device may never end); the open file is checked again, in case
    the path changed in between, and is opened non-blocking so that even
    then the open cannot hang.

    ``path`` "-" reads ``stdin``, standard input unless another stream is
    given.  ``found_earlier``: the run saw a file at ``path`` when it listed
    its inputs, so a path that is now gone vanished during the run.  With a
    ``limit``, at most ``limit + 1`` bytes are read: enough for the caller
    to see that the input is too large, without holding all of it.
    """
    size = -1 if limit is None else limit + 1
    if path == STDIN:
        return (stdin if stdin is not None else sys.stdin.buffer).read(size)
    try:
        _refuse_unless_regular(os.stat(path))
    except OSError as exc:
        raise _input_error(exc, path, found_earlier) from None
    try:
        with open(os.open(path, os.O_RDONLY | _NON_BLOCKING), "rb") as handle:
            _refuse_unless_regular(os.fstat(handle.fileno()))
            return handle.read(size)
    except OSError as exc:  # the path was there a moment ago
        raise _input_error(exc, path, found_earlier=True) from None


def _input_error(exc: OSError, path: str, found_earlier: bool) -> InputError:
    """Missing for a path that leads to no file, so that a run can count
    those apart from the files it cannot read."""
    kind = Missing if isinstance(exc, (FileNotFoundError, NotADirectoryError)) else InputError
    return kind(reason(exc, path, found_earlier))


_FILE_KINDS = (
    (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
)


def _refuse_unless_regular(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for is_kind, name in _FILE_KINDS if is_kind(info.st_mode)), "unknown kind")
        raise InputError(f"not a regular file ({kind})")


def reason(exc: OSError, path: str, found_earlier: bool = False) -> str:
    """What went wrong with ``path``, in a few words; ``found_earlier``: the
    run had found the file, so its absence means it vanished."""
    if isinstance(exc, FileNotFoundError):
        return _why_missing(path, found_earlier)
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, NotADirectoryError):
        return "not a directory"
    return (exc.strerror or str(exc)).lower()


def _why_missing(path: str, found_earlier: bool) -> str:
    """A path that leads to no file: a link to nothing, or nothing at all."""
    try:
        target = os.readlink(path)
    except OSError:  # not a link, or no longer there
        return "vanished during the run" if found_earlier else "no such file"
    return f"broken symbolic link -> {target}"
