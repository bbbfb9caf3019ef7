"""Doing one input, in a worker process or in the run's own: read it, hash
it, extract its record and, with an output folder, write it; and read the
sample a folder's template is learnt from.

Only paths, templates and JSON strings cross between processes: a worker
reads its files itself.
"""
from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime
from itertools import repeat
from typing import NamedTuple

from .batch import FAILED, KNOWN, MISSING, REFUSED, SKIPPED, WRITTEN, Failure, extract_item, too_large
from .inputs import Input, InputError, Missing, read_bytes, readable_bytes
from .state import Done
from .template import SampledPage, Template, learn, sample_bytes

UNWRITTEN = "unwritten"  # the record was made, but there is no room to write it
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})
_SAMPLE_CHUNK = 16  # files of a sample one process reads at a time


class Task(NamedTuple):
    input: Input
    previous: Done | None = None   # what this version made of it before
    refusal: str | None = None     # a failure known before reading
    skip: bool = False             # unchanged since ``previous``
    data: bytes | None = None      # standard input, read by the main process
    template: frozenset[str] = frozenset()


class Result(NamedTuple):
    outcome: str                   # WRITTEN, SKIPPED, one of batch.FAILURES, KNOWN or UNWRITTEN
    line: str | None = None        # the record, when it goes to stdout
    digest: str | None = None
    error: str | None = None


class Settings(NamedTuple):
    now: datetime | None
    output_dir: str | None
    max_bytes: int


def handle(task: Task, settings: Settings) -> Result:
    """Read, hash, extract and, with an output folder, write one input."""
    item = task.input
    if task.refusal:
        return Result(REFUSED, error=task.refusal)
    if task.skip and task.previous is not None:
        return _as_before(task.previous)
    data = read_input(item, settings.max_bytes, task.data)
    if isinstance(data, Failure):
        return Result(data.outcome, error=data.reason)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if task.previous is not None and digest == task.previous.hash:
        return _as_before(task.previous, digest)
    record = extract_item(data, item.source, item.mtime, task.template, settings.max_bytes, settings.now)
    if isinstance(record, Failure):
        return Result(record.outcome, digest=digest, error=record.reason)
    if settings.output_dir is None:
        return Result(WRITTEN, line=record.to_json(), digest=digest)
    target = os.path.join(settings.output_dir, item.out_name)
    try:
        write_atomic(target, record.to_json() + "\n")
    except OSError as exc:
        outcome = UNWRITTEN if exc.errno in _NO_ROOM else FAILED
        return Result(outcome, digest=digest, error=f"cannot write {target}: {exc.strerror or exc}")
    return Result(WRITTEN, digest=digest)


def read_input(item: Input, max_bytes: int, data: bytes | None = None) -> bytes | Failure:
    """The input's bytes, or why they cannot be had: not listed, not there,
    not readable, over ``max_bytes`` (known from its size when it can be,
    without reading it).  ``data``: its bytes already read (standard input)."""
    if item.error:
        return Failure(item.source, item.error, REFUSED)
    if item.size is not None and item.size > max_bytes:
        return too_large(item.source, max_bytes)
    if data is None:
        try:
            data = read_bytes(item.source, found_earlier=item.mtime is not None, limit=max_bytes)
        except InputError as exc:
            return Failure(item.source, str(exc), MISSING if isinstance(exc, Missing) else REFUSED)
    return data if len(data) <= max_bytes else too_large(item.source, max_bytes)


def _as_before(previous: Done, digest: str | None = None) -> Result:
    """An input unchanged since an earlier run: its record stands, or its
    failure is known and not tried again."""
    if previous.error is None:
        return Result(SKIPPED, digest=digest)
    return Result(KNOWN, digest=digest, error=previous.error)


def handle_chunk(tasks: list[Task], settings: Settings) -> list[Result]:
    return [handle(task, settings) for task in tasks]


def write_atomic(path: str, text: str) -> None:
    """Write to a hidden temporary file beside ``path`` and rename it into
    place, so readers see the old file or the whole new one, never a part.

    The temporary name is fixed per output (one writer per output: the lock
    and the run's plan see to it), so one left by a killed run is reused and
    renamed away when that input is redone.
    """
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".{name}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# --- a folder's template ----------------------------------------------------------

def learn_files(paths: Sequence[str], max_bytes: int, map_chunks: Callable = map) -> Template:
    """The template of a group of files, read _SAMPLE_CHUNK at a time by
    ``map_chunks`` (``map`` in this process, a pool's ``map`` in its
    workers)."""
    parts = [paths[start:start + _SAMPLE_CHUNK] for start in range(0, len(paths), _SAMPLE_CHUNK)]
    return learn([page for part in map_chunks(_sample_files, parts, repeat(max_bytes)) for page in part])


def _sample_files(paths: Sequence[str], max_bytes: int) -> list[SampledPage]:
    """Each of ``paths`` that is a page of text, sampled."""
    pages = (sample_bytes(data, max_bytes) for data in readable_bytes(paths, max_bytes))
    return [page for page in pages if page is not None]
