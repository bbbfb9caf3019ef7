"""Which files a run reads, in a stable order, and reading one of them.

Folders are walked recursively; hidden files and folders (names starting
with ".") are skipped; ``--glob`` narrows the files taken from folders (not
the files named one by one).  Paths are reported as the user gave them:
a relative folder gives relative paths.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator

STDIN = "-"


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
    """The file's bytes, or InputError with a one-line reason."""
    if path == STDIN:
        return (stdin.read() if stdin is not None else b"")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
