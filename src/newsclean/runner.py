"""Run extraction over many inputs: JSON Lines on stdout, or one JSON file
per input under an output folder; in parallel; skipping what an earlier run
already did.

A run walks its inputs once (stat results kept), reads the state of earlier
runs in one query, and hands the inputs left to do to worker processes in
small chunks, at most a few chunks per worker at a time, taking the results
back in input order.  Workers read the files themselves, so only paths and
JSON strings cross between processes, and memory stays flat.
"""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import stat
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from fnmatch import fnmatch
from typing import NamedTuple, TextIO

from . import __version__
from .decode import NotText
from .inputs import STDIN, InputError, read_bytes
from .pipeline import extract_bytes
from .progress import Reporter, Tally
from .record import Record
from .state import FAILED, OK, Done, Locked, Row, StateStore, hold_lock, open_state

STATE_NAME = ".newsclean-state.sqlite"
LOCK_NAME = ".newsclean.lock"
EXIT_OK, EXIT_FAILED, EXIT_LOCKED = 0, 1, 75
CHUNK = 16              # inputs per batch sent to a worker
CHUNKS_PER_WORKER = 4   # batches queued or running per worker at any time
STATE_BATCH = 1000      # state rows per transaction

WRITTEN, UNCHANGED = "written", "unchanged"


@dataclass(frozen=True)
class Options:
    """What the ``extract`` command asks of a run."""
    pattern: str | None = None
    now: datetime | None = None
    output_dir: str | None = None
    state_path: str | None = None
    force: bool = False
    wait: bool = False
    jobs: int = 1
    quiet: bool = False
    max_bytes: int = 50_000_000


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


class Task(NamedTuple):
    input: Input
    known_hash: str | None = None  # hash of the bytes behind the last record
    refusal: str | None = None     # a failure known before reading
    data: bytes | None = None      # standard input, read by the main process


class Result(NamedTuple):
    outcome: str                   # WRITTEN, UNCHANGED or FAILED
    line: str | None = None        # the record, when it goes to stdout
    digest: str | None = None
    error: str | None = None


class Settings(NamedTuple):
    now: datetime | None
    output_dir: str | None
    max_bytes: int


@dataclass
class Stop:
    """The signal that asked the run to stop, if one did."""
    signum: int | None = None


def file_time(path: str) -> datetime | None:
    """The file's modification time, the reference for relative dates."""
    if path == STDIN:
        return None
    try:
        return _as_time(os.stat(path).st_mtime)
    except OSError:
        return None


def process(path: str, now: datetime | None) -> Record:
    """The record of one input; raises InputError or NotText with a reason."""
    data = read_bytes(path, sys.stdin.buffer if path == STDIN else None)
    return extract_bytes(data, source=path, now=now or file_time(path))


def _as_time(mtime: float | None) -> datetime | None:
    return None if mtime is None else datetime.fromtimestamp(mtime, tz=timezone.utc)


# --- finding the inputs -----------------------------------------------------

def collect_inputs(paths: Iterable[str], pattern: str | None,
                   skip_folder: tuple[int, int] | None = None) -> list[Input]:
    """Every input in the order of ``inputs.iter_inputs``, each stat'ed once.

    ``skip_folder`` is the (device, inode) of a folder not to walk into:
    the output folder, when it lies inside an input folder.
    """
    found: list[Input] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found.extend(sorted(_walk(path, pattern, skip_folder)))
        elif path == STDIN:
            found.append(_input(STDIN, "stdin", None))
        else:
            found.append(_input(path, os.path.basename(path), _stat(path)))
    return found


def _walk(top: str, pattern: str | None, skip_folder: tuple[int, int] | None) -> Iterator[Input]:
    """The files under ``top`` as ``os.walk(top)`` finds them without following
    links to folders; hidden names skipped, ``pattern`` matched against file names.

    Paths are joined as ``os.path.join`` would, by hand: it is the hot loop
    of a re-run over unchanged files.
    """
    folders = [(top if top.endswith("/") else top + "/", "")]
    while folders:
        prefix, relative = folders.pop()
        try:
            with os.scandir(prefix) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _is_folder(entry):
                if not entry.is_symlink() and (skip_folder is None or identity(entry) != skip_folder):
                    folders.append((prefix + name + "/", relative + name + "/"))
            elif not pattern or fnmatch(name, pattern):
                try:
                    info = entry.stat()
                except OSError:
                    info = None
                yield _input(prefix + name, relative + name, info)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def identity(path: str | os.DirEntry) -> tuple[int, int] | None:
    """(device, inode): what tells whether two paths are the same folder."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _input(source: str, relative: str, info: os.stat_result | None) -> Input:
    """Appending ``.json`` keeps ``a.txt`` and ``a.html`` apart, and makes every
    name safe: no component can be ``..`` and a basename is never absolute."""
    regular = info is not None and stat.S_ISREG(info.st_mode)
    return Input(source, relative + ".json",
                 info.st_size if regular else None,
                 info.st_mtime_ns if regular else None,
                 info.st_mtime if info is not None else None)


# --- deciding what to do ----------------------------------------------------

def plan(inputs: list[Input], done: dict[str, Done], to_folder: bool) -> tuple[list[Task], int]:
    """The inputs to do, in order, and how many are skipped because an earlier
    run made their record from a file of the same size and mtime.

    With an output folder, an input whose output path an earlier input of
    the run already claims is refused rather than overwriting it.
    """
    tasks: list[Task] = []
    skipped = 0
    owners: dict[str, str] = {}
    for item in inputs:
        if to_folder:
            if item.out_name in owners:
                tasks.append(Task(item, refusal=f"same output file as {owners[item.out_name]} ({item.out_name})"))
                continue
            owners[item.out_name] = item.source
        previous = done.get(item.source)
        if previous and (previous.size, previous.mtime_ns) == (item.size, item.mtime_ns):
            skipped += 1
        else:
            tasks.append(Task(item, known_hash=previous.hash if previous else None))
    return tasks, skipped


def with_stdin(tasks: list[Task]) -> list[Task]:
    """Standard input read here, since worker processes cannot read it."""
    return [task._replace(data=read_bytes(STDIN, sys.stdin.buffer)) if task.input.source == STDIN else task
            for task in tasks]


# --- doing one input (in a worker or in-process) -----------------------------

def handle(task: Task, settings: Settings) -> Result:
    """Read, hash, extract and, with an output folder, write one input."""
    item = task.input
    if task.refusal:
        return Result(FAILED, error=task.refusal)
    too_large = f"larger than --max-bytes ({settings.max_bytes} bytes)"
    if item.size is not None and item.size > settings.max_bytes:
        return Result(FAILED, error=too_large)
    try:
        data = task.data if task.data is not None else read_bytes(item.source)
    except InputError as exc:
        return Result(FAILED, error=str(exc))
    if len(data) > settings.max_bytes:
        return Result(FAILED, error=too_large)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest == task.known_hash:
        return Result(UNCHANGED, digest=digest)
    try:
        record = extract_bytes(data, source=item.source, now=settings.now or _as_time(item.mtime))
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
        return Result(FAILED, digest=digest, error=f"cannot write {target}: {exc.strerror or exc}")
    return Result(WRITTEN, digest=digest)


def handle_chunk(tasks: list[Task], settings: Settings) -> list[Result]:
    return [handle(task, settings) for task in tasks]


def write_atomic(path: str, text: str) -> None:
    """Write to a hidden temporary file beside ``path`` and rename it into
    place, so readers see the old file or the whole new one, never a part.

    The temporary name is fixed per output (one writer per output: the lock
    and ``plan`` see to it), so one left by a killed run is reused and renamed
    away when that input is redone.
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


# --- doing them all, in order -------------------------------------------------

def results_in_order(tasks: list[Task], settings: Settings, jobs: int) -> Iterator[tuple[Task, Result]]:
    """Each task with its result, in task order; in-process for one job or one chunk."""
    workers = min(jobs, -(-len(tasks) // CHUNK))
    if workers <= 1:
        for task in tasks:
            yield task, handle(task, settings)
    else:
        yield from _pooled(tasks, settings, workers)


def _pooled(tasks: list[Task], settings: Settings, workers: int) -> Iterator[tuple[Task, Result]]:
    """Chunks run by ``workers`` processes, with at most a few chunks per
    worker in flight.  Closing the generator drops the chunks not yet taken."""
    window = workers * CHUNKS_PER_WORKER
    pool = ProcessPoolExecutor(workers, initializer=_leave_signals_to_parent)
    pending: deque = deque()
    try:
        for start in range(0, len(tasks), CHUNK):
            chunk = tasks[start:start + CHUNK]
            pending.append((chunk, pool.submit(handle_chunk, chunk, settings)))
            if len(pending) >= window:
                chunk, future = pending.popleft()
                yield from zip(chunk, future.result())
        while pending:
            chunk, future = pending.popleft()
            yield from zip(chunk, future.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_signals_to_parent() -> None:
    """Ctrl-C reaches the whole process group; workers ignore it and SIGTERM
    and finish their chunk, while the main process decides what to keep."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


@contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """Turn SIGINT and SIGTERM into a request to stop, checked between inputs."""
    stop = Stop()

    def request(signum, _frame):
        stop.signum = stop.signum or signum

    previous = {signum: signal.signal(signum, request) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def state_files(options: Options) -> tuple[str | None, str | None]:
    """The state file and the lock file of a run, if it keeps a state."""
    if options.output_dir:
        return os.path.join(options.output_dir, STATE_NAME), os.path.join(options.output_dir, LOCK_NAME)
    if options.state_path:
        return options.state_path, options.state_path + ".lock"
    return None, None


def open_run(stack: ExitStack, options: Options) -> StateStore | None:
    """Create the output folder, take the lock and open the state, for the
    length of ``stack``; raises Locked, OSError or sqlite3.Error."""
    state_path, lock_path = state_files(options)
    if options.output_dir:
        os.makedirs(options.output_dir, exist_ok=True)
    if lock_path:
        stack.enter_context(hold_lock(lock_path, options.wait))
    return stack.enter_context(open_state(state_path)) if state_path else None


def row_of(task: Task, result: Result) -> Row:
    item = task.input
    outcome = FAILED if result.outcome == FAILED else OK
    return Row(item.source, item.size, item.mtime_ns, result.digest, __version__, outcome, result.error)


def is_recorded(task: Task) -> bool:
    """Only regular files can be recognised again; a refusal says nothing about the file."""
    return task.input.size is not None and task.refusal is None


def count(tally: Tally, result: Result) -> None:
    if result.outcome == WRITTEN:
        tally.written += 1
    elif result.outcome == UNCHANGED:
        tally.skipped += 1
    else:
        tally.failed += 1


def checkpoint(out: TextIO, store: StateStore | None) -> None:
    """Records first, then their state rows: the state never claims a record
    that did not reach stdout or its file."""
    out.flush()
    if store is not None:
        store.commit()


def take_results(results: Iterator[tuple[Task, Result]], out: TextIO, store: StateStore | None,
                 tally: Tally, reporter: Reporter, stop: Stop) -> None:
    """Write, report and record each result in order, until done or asked to stop."""
    for task, result in results:
        count(tally, result)
        if result.line is not None:
            out.write(result.line + "\n")
        if result.outcome == FAILED:
            reporter.failure(task.input.source, result.error)
        if store is not None and is_recorded(task):
            store.add(row_of(task, result))
            if len(store.pending) >= STATE_BATCH:
                checkpoint(out, store)
        reporter.advance()
        if stop.signum:
            break
    checkpoint(out, store)


def run(paths: Iterable[str], options: Options, out: TextIO) -> int:
    """Extract every input, report on stderr, and return the exit status."""
    started = time.monotonic()
    with ExitStack() as stack:
        try:
            store = open_run(stack, options)
            done = store.done(__version__) if store is not None and not options.force else {}
        except Locked as exc:
            print(f"newsclean: {exc}; try again later, or use --wait", file=sys.stderr)
            return EXIT_LOCKED
        except KeyboardInterrupt:  # while waiting for the lock
            return 128 + signal.SIGINT
        except (OSError, sqlite3.Error) as exc:
            print(f"newsclean: {getattr(exc, 'filename', None) or state_files(options)[0]}: "
                  f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return EXIT_FAILED
        stop = stack.enter_context(stop_on_signals())
        skip_folder = identity(options.output_dir) if options.output_dir else None
        inputs = collect_inputs(paths, options.pattern, skip_folder)
        tasks, skipped = plan(inputs, done, options.output_dir is not None)
        tally = Tally(found=len(inputs), skipped=skipped)
        reporter = Reporter(sys.stderr, len(inputs), options.quiet, started)
        reporter.advance(skipped)
        if not stop.signum:
            settings = Settings(options.now, options.output_dir, options.max_bytes)
            take_results(results_in_order(with_stdin(tasks), settings, options.jobs),
                         out, store, tally, reporter, stop)
        reporter.finish(tally, stop.signum)
    if stop.signum:
        return 128 + stop.signum
    return EXIT_FAILED if tally.failed else EXIT_OK
