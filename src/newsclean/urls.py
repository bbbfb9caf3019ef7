"""Inputs named by fsspec URLs (``s3://bucket/dump/``, ``gs://...``,
``file:///data/dump``, ``memory://...``): list a folder, stat and read a
file, failing as local paths fail (OSError), so that ``inputs`` treats
both alike.

fsspec is imported on first use: it is an optional dependency (the
``dask`` extra), and each protocol needs its own backend (s3fs, gcsfs).
"""
from __future__ import annotations

import errno
import re
from typing import Any, NamedTuple

# A protocol's name, as fsspec knows them (bounded, so no line makes a
# search of it slow).
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{0,31}://")


class Entry(NamedTuple):
    """What a listing or a stat says of one path."""
    name: str              # the last part of the path
    is_folder: bool
    size: int | None       # None for anything but a regular file
    mtime: float | None    # seconds since the epoch, where the file system tells


def is_url(path: str) -> bool:
    return _URL.match(path) is not None


def is_folder(url: str) -> bool:
    fs, path = _filesystem(url)
    return bool(fs.isdir(path))


def stat_url(url: str) -> Entry:
    """The entry of one path; raises OSError (FileNotFoundError for none)."""
    fs, path = _filesystem(url)
    return _entry(fs, fs.info(path))


def list_url(url: str) -> list[Entry]:
    """The entries of one folder, unsorted; raises OSError."""
    fs, path = _filesystem(url)
    return [_entry(fs, info) for info in fs.ls(path, detail=True)]


def read_url(url: str, limit: int | None = None) -> bytes:
    """The file's bytes, at most ``limit + 1`` of them; raises OSError."""
    fs, path = _filesystem(url)
    if fs.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "is a directory", url)
    return bytes(fs.cat_file(path, start=0, end=None if limit is None else limit + 1))


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path in it; OSError when
    fsspec or the protocol's backend is not installed."""
    try:
        from fsspec.core import url_to_fs
        return url_to_fs(url)
    except (ImportError, ValueError) as exc:
        protocol = url.partition("://")[0]
        raise OSError(errno.EPROTONOSUPPORT, f"no file system for {protocol}:// ({exc})") from None


def _entry(fs: Any, info: dict) -> Entry:
    """A file system's own description of a path, as an Entry: anything
    that is neither a file nor a folder (a broken link) has no size, so that
    reading it gives the reason."""
    is_file = info.get("type") == "file"
    return Entry(info["name"].rstrip("/").rpartition("/")[2], info.get("type") == "directory",
                 int(info["size"]) if is_file and info.get("size") is not None else None,
                 _mtime(fs, info) if is_file else None)


def _mtime(fs: Any, info: dict) -> float | None:
    """The modification time: a local file system gives it in the listing,
    others through ``modified`` (memory, S3), some not at all."""
    if isinstance(info.get("mtime"), (int, float)):
        return float(info["mtime"])
    try:
        return fs.modified(info["name"]).timestamp()
    except (NotImplementedError, OSError, AttributeError):
        return None
