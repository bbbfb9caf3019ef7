"""The batch API: what any engine needs to give the records
``newsclean extract`` gives, wherever the inputs are and whatever runs
them (the command's own worker processes, a Dask cluster, a Spark job).

Three steps, each a pure function of plain data:

1. group the inputs as the command does: the files found in one folder form
   a group, whose template is learnt from its first ``template.SAMPLE_FILES``
   files when it has at least ``template.MIN_FILES`` (``group_inputs``,
   ``folder_sample``; the key that makes a group can be another);
2. learn a group's template from the bytes of its sample (``learn_template``);
3. extract each item from its bytes, source, modification time and its
   group's template, into a record or a failure that names the input and
   the reason; it never raises (``extract_item``).

    >>> from newsclean.batch import extract_item, group_inputs, learn_template
    >>> for group in group_inputs(paths):
    ...     template = learn_template(read(p) for p in group.sample) if group.sample else frozenset()
    ...     for path in group.sources:
    ...         made = extract_item(read(path), path, mtime(path), template)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import NamedTuple

from .decode import NotText
from .inputs import MAX_BYTES
from .pipeline import extract_bytes
from .record import Record
from .template import folder_sample, learn, sample_bytes

__all__ = ["Failure", "Group", "extract_item", "folder_of", "folder_sample", "group_inputs", "learn_template"]

# What became of an input, each outcome named as the command's summary counts it.
WRITTEN, SKIPPED = "written", "skipped"
FAILED = "failed"  # read, and no record made of it
MISSING, OVERSIZED, REFUSED = "missing", "oversized", "refused"  # failures of inputs not read
KNOWN = "known"  # failed before, unchanged since, not tried again
FAILURES = frozenset({FAILED, MISSING, OVERSIZED, REFUSED})  # new ones: each gets its line


class Failure(NamedTuple):
    """An input no record could be made of."""
    source: str
    reason: str              # as the command prints it: ``newsclean: SOURCE: REASON``
    outcome: str = FAILED    # FAILED, or OVERSIZED for bytes over the limit


class Group(NamedTuple):
    """Inputs that share a template: the files of one folder."""
    key: str | None          # None: an input on its own
    sources: tuple[str, ...]

    @property
    def sample(self) -> tuple[str, ...] | None:
        """The sources its template is learnt from; None when it learns none."""
        return folder_sample(self.sources) if self.key is not None else None


def folder_of(source: str) -> str:
    """The command's group key: the folder a file was found in."""
    return source.rpartition("/")[0]


def group_inputs(sources: Iterable[str], key: Callable[[str], str | None] = folder_of) -> list[Group]:
    """The sources by group, in the order of each group's first source, each
    group's sources in their order; a source whose key is None stands alone.

    The command's groups are those of the files found under the folders it
    is given (named files stand alone), in its order: each folder's files
    sorted by path."""
    members: dict[tuple[str | None, int], list[str]] = {}
    for place, source in enumerate(sources):
        group_key = key(source)
        members.setdefault((group_key, 0 if group_key is not None else place), []).append(source)
    return [Group(group_key, tuple(found)) for (group_key, _), found in members.items()]


def learn_template(samples: Iterable[bytes], max_bytes: int = MAX_BYTES) -> frozenset[str]:
    """The template of a group from the bytes of its sample, in the sample's
    order: the line keys ``extract_item`` takes for furniture.  A sample
    that is no page of text (binary, over ``max_bytes``) is left out."""
    pages = (sample_bytes(data, max_bytes) for data in samples)
    return learn([page for page in pages if page is not None]).keys


def extract_item(data: bytes, source: str, mtime: float | None, template: frozenset[str] = frozenset(),
                 max_bytes: int = MAX_BYTES, now: datetime | None = None) -> Record | Failure:
    """The record of one input, or why there is none; never raises.

    Relative dates are read against ``now``, else against ``mtime`` (the
    file's modification time, seconds since the epoch), as the command
    reads them."""
    if len(data) > max_bytes:
        return too_large(source, max_bytes)
    try:
        return extract_bytes(data, source=source, now=now or _as_time(mtime), template=template)
    except NotText as exc:
        return Failure(source, str(exc))
    except Exception as exc:  # a bug on one odd page must not stop a run over 100,000
        return Failure(source, f"internal error: {type(exc).__name__}: {exc}")


def too_large(source: str, max_bytes: int) -> Failure:
    return Failure(source, f"larger than --max-bytes ({max_bytes} bytes)", OVERSIZED)


def _as_time(mtime: float | None) -> datetime | None:
    """A modification time as the reference for relative dates."""
    return None if mtime is None else datetime.fromtimestamp(mtime, tz=timezone.utc)
