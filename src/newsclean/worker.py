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
from datetime import datetime, timezone
from itertools import repeat
from typing import NamedTuple

from .decode import NotText
from .inputs import Input, InputError, Missing, read_bytes
from .pipeline import extract_bytes
from .state import FAILED, Done
from .template import SampledPage, Template, learn, sample_bytes

# What became of an input, each outcome named as the summary counts it.
WRITTEN, SKIPPED = "written", "skipped"
MISSING, OVERSIZED, REFUSED = "missing", "oversized", "refused"  # failures of inputs not read
KNOWN = "known"  # failed before, unchanged since, not tried again
UNWRITTEN = "unwritten"  # the record was made, but there is no room to write it
FAILURES = frozenset({FAILED, MISSING, OVERSIZED, REFUSED})      # new ones: each gets its line
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
    outcome: str                   # WRITTEN, SKIPPED, one of FAILURES, KNOWN or UNWRITTEN
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
    too_large = f"larger than --max-bytes ({settings.max_bytes} bytes)"
    if item.size is not None and item.size > settings.max_bytes:
        return Result(OVERSIZED, error=too_large)
    try:
        data = task.data if task.data is not None else read_bytes(
            item.source, found_earlier=item.mtime is not None, limit=settings.max_bytes)
    except InputError as exc:
        return Result(MISSING if isinstance(exc, Missing) else REFUSED, error=str(exc))
    if len(data) > settings.max_bytes:
        return Result(OVERSIZED, error=too_large)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if task.previous is not None and digest == task.previous.hash:
        return _as_before(task.previous, digest)
    try:
        record = extract_bytes(data, source=item.source, now=settings.now or _as_time(item.mtime),
                               template=task.template)
    except NotText as exc:
        return Result(FAILED, digest=digest, error=str(exc))
    except Exception as exc:  # a bug on one odd page must not stop a run over 100,000
        return Result(FAILED, digest=digest, error=f"internal error: {type(exc).__name__}: {exc}")
    if settings.output_dir is None:
        return Result(WRITTEN, line=record.to_json(), digest=digest)
    target = os.path.join(settings.output_dir, item.out_name)
    try:
        write_atomic(target, record.to_json() + "\n")
    except OSError as exc:
        outcome = UNWRITTEN if exc.errno in _NO_ROOM else FAILED
        return Result(outcome, digest=digest, error=f"cannot write {target}: {exc.strerror or exc}")
    return Result(WRITTEN, digest=digest)


def _as_before(previous: Done, digest: str | None = None) -> Result:
    """An input unchanged since an earlier run: its record stands, or its
    failure is known and not tried again."""
    if previous.error is None:
        return Result(SKIPPED, digest=digest)
    return Result(KNOWN, digest=digest, error=previous.error)


def _as_time(mtime: float | None) -> datetime | None:
    """A file's modification time, the reference for its relative dates."""
    return None if mtime is None else datetime.fromtimestamp(mtime, tz=timezone.utc)


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
    """Each of ``paths`` that is a page of text, sampled; a file that cannot
    be read is left out (its own extraction reports why)."""
    pages = []
    for path in paths:
        with suppress(InputError):
            page = sample_bytes(read_bytes(path, limit=max_bytes), max_bytes)
            if page is not None:
                pages.append(page)
    return pages
