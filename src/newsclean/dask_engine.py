"""``newsclean extract --engine dask``: the same extraction on a Dask
cluster, a local one by default or the one at ``--scheduler ADDRESS``.

The client never holds the whole list of inputs.  Each folder is listed by
a task on a worker (``inputs.listing``); the client takes one folder's
listing at a time, cuts its group (``batch.group_inputs``) into parts of at
most ``--part-size`` inputs, and sends the parts back out.  A group's
template is learnt once, by a task of its own (``batch.learn_template``),
which its parts wait for.  A worker reads and extracts a part's inputs
(``batch.extract_item``) and returns their records, or with
``--output-dir`` writes them to one JSON Lines file.

A part's file is named after its inputs (``part-DIGEST.jsonl``) and written
under a temporary name, then renamed; its failures go to
``failed-DIGEST.jsonl`` first.  A part whose file is there is done, and a
re-run skips it, so that a run killed half-way and started again gives
every record exactly once.  Records on standard output come in the order
``--jobs 1`` prints them: the client sorts them by each named path's place
and the path as the walk sorts it, once all are in.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple, TextIO, TypeVar

from distributed import Client, Future, LocalCluster, as_completed

from .batch import KNOWN, SKIPPED, WRITTEN, Failure, extract_item, group_inputs, learn_template
from .engines import (EXIT_FAILED, EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_OK, EXIT_TERMINATED, EXIT_UNWRITABLE,
                      LOCK_NAME, Options, stopped_line)
from .inputs import Input, Subfolder, identity, is_folder, listing, named_input, readable_bytes
from .progress import Reporter, Tally
from .state import Locked, hold_lock
from .worker import Settings, read_input, write_atomic

PART_SIZE = 1000  # inputs per part: a task of a few seconds, a file of a few MB
# The files of a part under the output folder: its records, and its failures.
_RECORDS, _FAILURES = "part-{}.jsonl", "failed-{}.jsonl"

_Order = tuple[int, str]  # a named path's place, then the path as the walk sorts it
_T = TypeVar("_T")


class _Item(NamedTuple):
    order: _Order
    input: Input


class _Part(NamedTuple):
    name: str                     # DIGEST: the same for the same inputs on every run
    items: tuple[_Item, ...]


class _Listing(NamedTuple):
    place: int
    files: list[Input]
    subfolders: list[Subfolder]


class _Made(NamedTuple):
    """What became of a part's inputs."""
    lines: list[tuple[_Order, str]]    # records for standard output
    failures: list[Failure]
    outcomes: list[tuple[str, bool]]   # each input's outcome, and whether it was read
    problem: str | None = None         # "cannot write PATH: reason"


class _Terminated(Exception):
    """SIGTERM reached the client."""


# --- on the workers -------------------------------------------------------------

def _list_folder(place: int, folder: Subfolder, pattern: str | None,
                 skip_folder: tuple[int, int] | None) -> _Listing:
    """One folder's files (without their folder, which is the listing) and subfolders."""
    files, subfolders = [], []
    for found in listing(folder, pattern, skip_folder):
        if isinstance(found, Subfolder):
            subfolders.append(found)
        else:
            files.append(found._replace(folder=None))
    return _Listing(place, files, subfolders)


def _learn(sample: tuple[str, ...], max_bytes: int) -> frozenset[str]:
    return learn_template(readable_bytes(sample, max_bytes), max_bytes)


def _do_part(part: _Part, template: frozenset[str], settings: Settings) -> _Made:
    """Extract a part's inputs; with an output folder, write its failures,
    then its records, each file whole or not at all."""
    lines, failures, outcomes = [], [], []
    for order, item in part.items:
        data = read_input(item, settings.max_bytes)
        made = data if isinstance(data, Failure) else extract_item(
            data, item.source, item.mtime, template, settings.max_bytes, settings.now)
        if isinstance(made, Failure):
            failures.append(made)
            outcomes.append((made.outcome, not isinstance(data, Failure)))
        else:
            lines.append((order, made.to_json()))
            outcomes.append((WRITTEN, True))
    if settings.output_dir is None:
        return _Made(lines, failures, outcomes)
    problem = _write_part(settings.output_dir, part.name, lines, failures)
    if problem:  # its records are not written, and are not counted
        outcomes = [(outcome, read) for outcome, read in outcomes if outcome != WRITTEN]
    return _Made([], failures, outcomes, problem)


def _write_part(folder: str, name: str, lines: list[tuple[_Order, str]], failures: list[Failure]) -> str | None:
    """Write a part's files; what could not be written, if anything."""
    target = os.path.join(folder, _FAILURES.format(name))
    try:
        if failures:
            write_atomic(target, "".join(json.dumps(failure._asdict(), ensure_ascii=False) + "\n"
                                         for failure in failures))
        target = os.path.join(folder, _RECORDS.format(name))
        write_atomic(target, "".join(line + "\n" for _, line in lines))
    except OSError as exc:
        return f"cannot write {target}: {exc.strerror or exc}"
    return None


# --- on the client ----------------------------------------------------------------

@dataclass
class _Run:
    """The client's side of a run: what is in flight, what came back."""
    client: Client
    options: Options
    part_size: int
    reporter: Reporter
    done: set[str]                              # the output folder's file names at the start
    tally: Tally = field(default_factory=Tally)
    lines: list[tuple[_Order, str]] = field(default_factory=list)
    waiting: as_completed = field(default_factory=as_completed)  # listings and parts
    problem: str | None = None

    def go(self, paths: list[str]) -> None:
        named = []
        for place, path in enumerate(paths):
            if is_folder(path):
                self._list(place, Subfolder(path if path.endswith("/") else path + "/", ""))
            else:
                named.append(_Item((place, path), named_input(path)))
        self._send(named, frozenset())
        for future in self.waiting:
            self._take(future.result())
            if self.problem:
                self.waiting.clear()

    def _list(self, place: int, folder: Subfolder) -> None:
        """List a folder, never the output folder inside it."""
        skip_folder = identity(self.options.output_dir) if self.options.output_dir else None
        self.waiting.add(self._submit(_list_folder, place, folder, self.options.pattern, skip_folder))

    def _take(self, result: _Listing | _Made) -> None:
        if isinstance(result, _Listing):
            for subfolder in result.subfolders:
                self._list(result.place, subfolder)
            self._plan(result)
        else:
            self._count(result)

    def _plan(self, found: _Listing) -> None:
        """Send a folder's inputs out in parts, its template learnt first."""
        by_source = {item.source: _Item((found.place, _sort_path(item)), item) for item in found.files}
        for group in group_inputs(by_source):
            sample = group.sample
            template: Future | frozenset[str] = frozenset()
            if sample and self._to_do(group.sources):
                template = self._submit(_learn, sample, self.options.max_bytes)
            self._send([by_source[source] for source in group.sources], template)

    def _to_do(self, sources: tuple[str, ...]) -> bool:
        return not all(self._is_done(_name(part)) for part in _cut(sources, self.part_size))

    def _send(self, items: list[_Item], template: Future | frozenset[str]) -> None:
        settings = Settings(self.options.now, self.options.output_dir, self.options.max_bytes)
        for chunk in _cut(items, self.part_size):
            part = _Part(_name([item.input.source for item in chunk]), tuple(chunk))
            if self._is_done(part.name):
                self._count(self._as_before(part))
            else:
                self.waiting.add(self._submit(_do_part, part, template, settings))

    def _is_done(self, name: str) -> bool:
        """A part written by an earlier run, unless forced, or unless it
        failed on some inputs and those are to be tried again."""
        if self.options.force or _RECORDS.format(name) not in self.done:
            return False
        return not (self.options.retry_failed and _FAILURES.format(name) in self.done)

    def _as_before(self, part: _Part) -> _Made:
        """A part an earlier run did: its records stand, its failures are known."""
        failed = _FAILURES.format(part.name)
        known = _lines_in(os.path.join(self.options.output_dir or "", failed)) if failed in self.done else 0
        return _Made([], [], [(KNOWN, False)] * known + [(SKIPPED, False)] * (len(part.items) - known))

    def _count(self, made: _Made) -> None:
        self.lines += made.lines
        for failure in made.failures:
            self.reporter.failure(failure.source, failure.reason)
        for outcome, read in made.outcomes:
            self.tally.add(outcome, read)
        self.problem = self.problem or made.problem

    def _submit(self, function, *args) -> Future:
        """A task for every call: the same path named twice is done twice, as ``--jobs 1`` does."""
        return self.client.submit(function, *args, pure=False)


def _sort_path(item: Input) -> str:
    """Where an input stands in the walk: a folder that could not be listed
    stands where its files would."""
    return item.source + "/" if item.error else item.source


def _cut(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    return (items[start:start + size] for start in range(0, len(items), size))


def _name(sources: Sequence[str]) -> str:
    """A part's name, from its inputs: the same on every run over them."""
    return hashlib.blake2b("\n".join(sources).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def _lines_in(path: str) -> int:
    with open(path, encoding="utf-8") as lines:
        return sum(1 for _ in lines)


@contextmanager
def _cluster(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, else of a local cluster
    of ``workers`` processes, one thread each (extraction holds the GIL)."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",  # any free port
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _terminate(_signum, _frame) -> None:
    raise _Terminated


def run(paths: Iterable[str], options: Options, out: TextIO, scheduler: str | None = None,
        part_size: int = PART_SIZE) -> int:
    """Extract every input on a Dask cluster, report on stderr, and return
    the exit status, as ``runner.run`` does."""
    reporter = Reporter(sys.stderr, 0, options.quiet, time.monotonic())
    tally = Tally()
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with ExitStack() as stack:
            done = _open_output(stack, options)
            work = _Run(stack.enter_context(_cluster(scheduler, options.jobs)), options, part_size, reporter, done,
                        tally)
            work.go(list(paths))
    except Locked as exc:
        reporter.print(f"newsclean: {exc}")
        return EXIT_LOCKED
    except KeyboardInterrupt:
        reporter.finish(tally, signal.SIGINT)
        return EXIT_INTERRUPTED
    except _Terminated:
        reporter.finish(tally, signal.SIGTERM)
        return EXIT_TERMINATED
    finally:
        signal.signal(signal.SIGTERM, previous)
    if work.problem:
        reporter.print(stopped_line(work.problem, tally.written, resumable=True))
        return EXIT_UNWRITABLE
    out.writelines(line + "\n" for _, line in sorted(work.lines))
    reporter.finish(tally, None)
    return EXIT_FAILED if tally.failures else EXIT_OK


def _open_output(stack: ExitStack, options: Options) -> set[str]:
    """Create the output folder and take its lock, for the length of
    ``stack``; the names of the files it holds."""
    if not options.output_dir:
        return set()
    os.makedirs(options.output_dir, exist_ok=True)
    stack.enter_context(hold_lock(os.path.join(options.output_dir, LOCK_NAME), options.wait))
    return set(os.listdir(options.output_dir))
