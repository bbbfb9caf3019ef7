"""Finding a run's inputs, reading one, and saying in a few words why it
cannot be read.

The inputs are found as a run asks for them, so that its memory does not
grow with their number: folders are listed one at a time, each listing
sorted so that the order is that of sorting all the paths
(``walk_inputs``), and every path is stat'ed once.  A path may be an
fsspec URL (``urls``), found and read as a local path is.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatch
from typing import NamedTuple

from .urls import Entry, is_url, list_url, read_url, stat_url
from .urls import is_folder as is_url_folder

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
    if is_url(path):
        try:
            return read_url(path, limit)
        except OSError as exc:
            raise _input_error(exc, path, found_earlier) from None
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


def readable_bytes(paths: Iterable[str], limit: int) -> Iterator[bytes]:
    """The bytes of each of ``paths`` that can be read (at most ``limit + 1``
    of them): a folder's sample, whose files' own extraction says why
    another cannot."""
    for path in paths:
        with suppress(InputError):
            yield read_bytes(path, limit=limit)


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


# --- finding the inputs -----------------------------------------------------

@dataclass(eq=False)
class Folder:
    """The files found directly in one folder, which share a template: the
    run learns it from the first of them when the first is to be extracted."""
    prefix: str                # the folder's path with a "/" after it
    names: list[str]           # its listing: file names, and subfolders' with a "/" after them
    template: frozenset[str] | None = None

    def paths(self) -> Iterator[str]:
        """The paths of its files, in order."""
        return (self.prefix + name for name in self.names if not name.endswith("/"))


class Input(NamedTuple):
    """One input and what its single stat said.

    ``size`` and ``mtime_ns`` are known for regular files only: anything else
    (stdin, a pipe, a missing path) is always read and never skipped.
    """
    source: str          # the path as the user gave it, or joined to the folder given
    out_name: str        # the record's path relative to the output folder
    size: int | None
    mtime_ns: int | None
    mtime: float | None  # the reference for relative dates
    folder: Folder | None = None  # the folder it was found in; None for a path named
    error: str | None = None      # a folder that could not be listed


def walk_inputs(paths: Iterable[str], pattern: str | None,
                skip_folder: tuple[int, int] | None = None, recursive: bool = True) -> Iterator[Input]:
    """Every input in a stable order (named paths as given, each folder's files
    sorted by path, hidden ones skipped), each stat'ed once,
    found as they are asked for.

    ``skip_folder`` is the (device, inode) of a folder not to walk into:
    the output folder, when it lies inside an input folder.  Without
    ``recursive`` only the files directly in a folder named are taken.
    """
    for path in paths:
        if is_folder(path):
            yield from _walk(path, pattern, skip_folder, recursive)
        else:
            yield named_input(path)


def is_folder(path: str) -> bool:
    """Whether a path named is a folder to walk."""
    if is_url(path):
        try:
            return is_url_folder(path)
        except OSError:  # reading it will say why
            return False
    return path != STDIN and os.path.isdir(path)


def named_input(path: str) -> Input:
    """A path named that is no folder: a file, standard input, or what
    reading it will fail on."""
    if path == STDIN:
        return _input(STDIN, "stdin", None)
    if is_url(path):
        return _url_input(path, _basename(path), _url_stat(path))
    return _input(path, os.path.basename(path), _stat(path))


class Subfolder(NamedTuple):
    """A folder found in a listing, to be listed in turn."""
    prefix: str          # its path, with a "/" after it
    relative: str        # the same, relative to the folder named


def _walk(top: str, pattern: str | None, skip_folder: tuple[int, int] | None,
          recursive: bool) -> Iterator[Input]:
    """The files under ``top`` as ``os.walk(top)`` finds them without following
    links to folders, in the order of their sorted paths; hidden names
    skipped, ``pattern`` matched against file names.

    Only the listings of the folders on the way down are held at once.
    """
    listings = [listing(Subfolder(top if top.endswith("/") else top + "/", ""), pattern, skip_folder, recursive)]
    while listings:
        item = next(listings[-1], None)
        if item is None:
            listings.pop()
        elif isinstance(item, Subfolder):
            listings.append(listing(item, pattern, skip_folder, recursive))
        else:
            yield item


def listing(folder: Subfolder, pattern: str | None, skip_folder: tuple[int, int] | None = None,
            recursive: bool = True) -> Iterator[Input | Subfolder]:
    """One folder's files and subfolders in the order of their full paths.
    A folder that cannot be listed is one input that fails.

    Only names are kept while the folder's entries are handed out, the
    lightest a listing can be.  Paths are joined as ``os.path.join`` would,
    by hand: it is the hot loop of a re-run over unchanged files.
    """
    prefix, relative = folder
    if is_url(prefix):
        yield from _url_listing(folder, pattern, recursive)
        return
    try:
        with os.scandir(prefix) as entries:
            names = sorted(filter(None, (_sort_name(entry, pattern, skip_folder, recursive) for entry in entries)))
    except OSError as exc:
        yield _unlisted(folder, exc)
        return
    yield from _found(folder, names, lambda name, found: _input(prefix + name, relative + name,
                                                               _stat(prefix + name), found))


def _url_listing(folder: Subfolder, pattern: str | None, recursive: bool) -> Iterator[Input | Subfolder]:
    """A folder named by a URL, listed as a local one is (no links to
    skip: object stores have none)."""
    try:
        entries = {entry.name: entry for entry in list_url(folder.prefix)}
    except OSError as exc:
        yield _unlisted(folder, exc)
        return
    names = sorted(filter(None, (_taken(entry.name, entry.is_folder, recursive, pattern)
                                 for entry in entries.values())))
    yield from _found(folder, names, lambda name, found: _url_input(
        folder.prefix + name, folder.relative + name, entries[name], found))


def _unlisted(folder: Subfolder, exc: OSError) -> Input:
    """A folder that cannot be listed, as an input that fails."""
    return Input(folder.prefix.rstrip("/") or folder.prefix, folder.relative, None, None, None,
                 error=f"cannot list this folder: {reason(exc, folder.prefix)}")


def _found(folder: Subfolder, names: list[str],
           found_input: Callable[[str, Folder], Input]) -> Iterator[Input | Subfolder]:
    """A folder's sorted names as its inputs and subfolders."""
    files = Folder(folder.prefix, names)
    for name in names:
        if name.endswith("/"):
            yield Subfolder(folder.prefix + name, folder.relative + name)
        else:
            yield found_input(name, files)


def _sort_name(entry: os.DirEntry, pattern: str | None, skip_folder: tuple[int, int] | None,
               recursive: bool) -> str | None:
    """A local entry's name as it sorts (``_taken``): links to folders and
    the output folder are not walked."""
    if _is_folder(entry):
        walked = recursive and not entry.is_symlink() and (skip_folder is None or identity(entry) != skip_folder)
        return _taken(entry.name, True, walked, pattern)
    return _taken(entry.name, False, recursive, pattern)


def _taken(name: str, folder: bool, walked: bool, pattern: str | None) -> str | None:
    """The name as it sorts among the paths: a folder's with a "/" after
    it, where its files' paths sort.  None for a hidden name, a folder not
    walked, a file ``pattern`` does not match."""
    if name.startswith(".") or (folder and not walked):
        return None
    if folder:
        return name + "/"
    return name if not pattern or fnmatch(name, pattern) else None


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def identity(path: str | os.DirEntry) -> tuple[int, int] | None:
    """(device, inode): what tells whether two paths are the same folder."""
    info = _stat(path)
    return None if info is None else (info.st_dev, info.st_ino)


def _stat(path: str | os.DirEntry) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _input(source: str, relative: str, info: os.stat_result | None, folder: Folder | None = None) -> Input:
    """Appending ``.json`` keeps ``a.txt`` and ``a.html`` apart, and makes every
    name safe: no component can be ``..`` and a basename is never absolute."""
    regular = info if info is not None and stat.S_ISREG(info.st_mode) else None
    return Input(source, relative + ".json",
                 regular.st_size if regular else None,
                 regular.st_mtime_ns if regular else None,
                 info.st_mtime if info is not None else None,
                 folder)


def _url_input(source: str, relative: str, entry: Entry | None, folder: Folder | None = None) -> Input:
    """As ``_input``, from what a URL's file system says: a file is known
    again (size and mtime) only where it tells both."""
    if entry is None or entry.size is None or entry.mtime is None:
        return Input(source, relative + ".json", None, None, entry.mtime if entry else None, folder)
    return Input(source, relative + ".json", entry.size, round(entry.mtime * 1e9), entry.mtime, folder)


def _url_stat(url: str) -> Entry | None:
    try:
        return stat_url(url)
    except OSError:
        return None


def _basename(url: str) -> str:
    return url.rstrip("/").rpartition("/")[2]
