"""Run extraction over many inputs: JSON Lines on stdout, or one JSON file
per input under an output folder; in parallel; skipping what an earlier run
already did.

A run streams, so that its memory does not grow with the number of inputs:
folders are listed one at a time (each listing sorted so that the order is
that of sorting all the paths), the state of earlier runs is looked up a
batch of inputs at a time, and the inputs to do go to worker processes in
small chunks, a few per worker in flight, their results taken back in input
order.  Workers read the files themselves, so only paths and JSON strings
cross between processes.

The files of one folder (at least ``template.MIN_FILES``) share the
template learnt from the first ``template.SAMPLE_FILES`` of them, learnt
once, when the first of them is to be extracted.
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import signal
import sqlite3
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from fnmatch import fnmatch
from functools import partial
from itertools import chain, islice
from typing import NamedTuple, TextIO

from . import __version__
from .decode import NotText
from .inputs import MAX_BYTES, STDIN, InputError, Missing, read_bytes, reason
from .pipeline import extract_bytes
from .progress import Reporter, Tally
from .record import Record
from .state import FAILED, OK, Claims, Done, Locked, Row, StateStore, hold_lock, open_state
from .template import Template, folder_sample, learn_files

STATE_NAME = ".newsclean-state.sqlite"
LOCK_NAME = ".newsclean.lock"
# Every status a run ends with (README, "Exit status"); 74 and 75 are
# sysexits' EX_IOERR and EX_TEMPFAIL, the others the shell's 128 + signal.
EXIT_OK, EXIT_FAILED, EXIT_UNWRITABLE, EXIT_LOCKED = 0, 1, 74, 75
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM
_EXIT_ON: dict[int, int] = {signal.SIGINT: EXIT_INTERRUPTED, signal.SIGTERM: EXIT_TERMINATED}
CHUNK = 16              # inputs to do per batch sent to a worker
CHUNK_SPAN = 1024       # inputs per batch at most, counting skipped ones
CHUNKS_PER_WORKER = 4   # batches queued or running per worker at any time
LOOKUP_BATCH = 500      # inputs looked up in the state at once
STATE_BATCH = 1000      # state rows per transaction

# What became of an input, each outcome named as the summary counts it.
WRITTEN, SKIPPED = "written", "skipped"
MISSING, OVERSIZED, REFUSED = "missing", "oversized", "refused"  # failures of inputs not read
_FAILURES = frozenset({FAILED, MISSING, OVERSIZED, REFUSED})      # new ones: each gets its line
KNOWN = "known"  # failed before, unchanged since, not tried again
UNWRITTEN = "unwritten"  # the record was made, but there is no room to write it
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})


@dataclass(frozen=True)
class Options:
    """What the ``extract`` command asks of a run."""
    pattern: str | None = None
    now: datetime | None = None
    output_dir: str | None = None
    state_path: str | None = None
    force: bool = False
    retry_failed: bool = False
    wait: bool = False
    jobs: int = 1
    quiet: bool = False
    max_bytes: int = MAX_BYTES


@dataclass(eq=False)
class Folder:
    """A folder whose files share a template, learnt from ``sample`` when
    the first of them is to be extracted."""
    sample: tuple[str, ...]
    template: frozenset[str] | None = None


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
    folder: Folder | None = None  # the folder whose template applies, if any
    error: str | None = None      # a folder that could not be listed


class Task(NamedTuple):
    input: Input
    previous: Done | None = None   # what this version made of it before
    refusal: str | None = None     # a failure known before reading
    skip: bool = False             # unchanged since ``previous``
    data: bytes | None = None      # standard input, read by the main process
    template: frozenset[str] = frozenset()


class Result(NamedTuple):
    outcome: str                   # WRITTEN, SKIPPED, one of _FAILURES, KNOWN or UNWRITTEN
    line: str | None = None        # the record, when it goes to stdout
    digest: str | None = None
    error: str | None = None


class Settings(NamedTuple):
    now: datetime | None
    output_dir: str | None
    max_bytes: int


@dataclass
class Stop:
    """Why the run stopped taking inputs, if it did: a signal, or something
    it could not write (a record, the state, standard output)."""
    signum: int | None = None
    problem: str | None = None  # "cannot write PATH: reason"
    state_lost: bool = False    # the state's last rows could not be committed

    @property
    def asked(self) -> bool:
        return self.signum is not None or self.problem is not None


class _Unwritable(Exception):
    """The run cannot write its output or its state; the message says which and why."""


def file_time(path: str) -> datetime | None:
    """The file's modification time, the reference for relative dates."""
    if path == STDIN:
        return None
    try:
        return _as_time(os.stat(path).st_mtime)
    except OSError:
        return None


def process(path: str, now: datetime | None) -> Record:
    """The record of one input on its own; raises InputError or NotText with a reason."""
    data = read_bytes(path)
    return extract_bytes(data, source=path, now=now or file_time(path))


def _as_time(mtime: float | None) -> datetime | None:
    return None if mtime is None else datetime.fromtimestamp(mtime, tz=timezone.utc)


# --- finding the inputs -----------------------------------------------------

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
        if path == STDIN:
            yield _input(STDIN, "stdin", None)
        elif os.path.isdir(path):
            yield from _walk(path, pattern, skip_folder, recursive)
        else:
            yield _input(path, os.path.basename(path), _stat(path))


def template_sample(folder: str, pattern: str | None = None) -> tuple[str, ...] | None:
    """The files a run learns the template of ``folder``'s own files from
    (hidden ones skipped, ``pattern`` applied); None when it learns none."""
    first = next(walk_inputs([folder], pattern, recursive=False), None)
    return first.folder.sample if first is not None and first.folder is not None else None


class _Subfolder(NamedTuple):
    prefix: str
    relative: str


def _walk(top: str, pattern: str | None, skip_folder: tuple[int, int] | None,
          recursive: bool) -> Iterator[Input]:
    """The files under ``top`` as ``os.walk(top)`` finds them without following
    links to folders, in the order of their sorted paths; hidden names
    skipped, ``pattern`` matched against file names.

    Only the listings of the folders on the way down are held at once.
    """
    root = top if top.endswith("/") else top + "/"
    listings = [_listing(root, "", pattern, skip_folder, recursive)]
    while listings:
        item = next(listings[-1], None)
        if item is None:
            listings.pop()
        elif isinstance(item, _Subfolder):
            listings.append(_listing(item.prefix, item.relative, pattern, skip_folder, recursive))
        else:
            yield item


def _listing(prefix: str, relative: str, pattern: str | None, skip_folder: tuple[int, int] | None,
             recursive: bool) -> Iterator[Input | _Subfolder]:
    """One folder's files and subfolders in the order of their full paths.
    A folder that cannot be listed is one input that fails.

    Only names are kept while the folder's entries are handed out, the
    lightest a listing can be.  Paths are joined as ``os.path.join`` would,
    by hand: it is the hot loop of a re-run over unchanged files.
    """
    try:
        with os.scandir(prefix) as listing:
            names = sorted(filter(None, (_sort_name(entry, pattern, skip_folder, recursive) for entry in listing)))
    except OSError as exc:
        yield Input(prefix.rstrip("/") or prefix, relative, None, None, None,
                    error=f"cannot list this folder: {reason(exc, prefix)}")
        return
    folder = _folder(prefix, names)
    for name in names:
        if name.endswith("/"):
            yield _Subfolder(prefix + name, relative + name)
        else:
            yield _input(prefix + name, relative + name, _stat(prefix + name), folder)


def _sort_name(entry: os.DirEntry, pattern: str | None, skip_folder: tuple[int, int] | None,
               recursive: bool) -> str | None:
    """The entry's name as it sorts among the paths: a subfolder's with a
    "/" after it, where its files' paths sort.  None for what is neither
    walked nor taken: hidden names, links to folders, the output folder,
    files ``pattern`` does not match."""
    name = entry.name
    if name.startswith("."):
        return None
    if _is_folder(entry):
        walked = recursive and not entry.is_symlink() and (skip_folder is None or identity(entry) != skip_folder)
        return name + "/" if walked else None
    return name if not pattern or fnmatch(name, pattern) else None


def _folder(prefix: str, names: list[str]) -> Folder | None:
    """The template group of a folder's files, if they are enough to learn one."""
    sample = folder_sample(prefix + name for name in names if not name.endswith("/"))
    return Folder(sample) if sample else None


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


def _input(source: str, relative: str, info: os.stat_result | None, folder: Folder | None = None) -> Input:
    """Appending ``.json`` keeps ``a.txt`` and ``a.html`` apart, and makes every
    name safe: no component can be ``..`` and a basename is never absolute."""
    regular = info if info is not None and stat.S_ISREG(info.st_mode) else None
    return Input(source, relative + ".json",
                 regular.st_size if regular else None,
                 regular.st_mtime_ns if regular else None,
                 info.st_mtime if info is not None else None,
                 folder)


# --- deciding what to do ----------------------------------------------------

Recall = Callable[[list[str]], dict[str, Done]]


def plan(inputs: Iterable[Input], recall: Recall | None, claims: Claims | None) -> Iterator[Task]:
    """Each input as a task, in order: to skip, because an earlier run made
    its record from, or failed on, a file of the same size and mtime
    (``recall`` looks them up, a batch at a time), to refuse, or to do.

    With ``claims`` (an output folder and several paths named), an input
    whose output path an earlier input of the run already claims is refused
    rather than overwriting it.
    """
    inputs = iter(inputs)
    while batch := list(islice(inputs, LOOKUP_BATCH)):
        regular = [item.source for item in batch if item.size is not None]
        done = recall(regular) if recall is not None and regular else {}
        for item in batch:
            yield _task(item, done.get(item.source), claims)


def _task(item: Input, previous: Done | None, claims: Claims | None) -> Task:
    if item.error:
        return Task(item, refusal=item.error)
    owner = claims.claim(item.out_name, item.source) if claims is not None else None
    if owner is not None:
        return Task(item, refusal=f"same output file as {owner} ({item.out_name})")
    unchanged = previous is not None and (previous.size, previous.mtime_ns) == (item.size, item.mtime_ns)
    return Task(item, previous, skip=unchanged)


def to_do(task: Task) -> bool:
    """Whether the task needs its file read: neither skipped nor refused."""
    return not task.skip and task.refusal is None


def ready(task: Task, learn: Callable[[tuple[str, ...]], Template], max_bytes: int) -> Task:
    """A task to do as a worker needs it: standard input read here, since
    workers cannot read it; its folder's template learnt (once per folder)
    and sent instead of the folder."""
    item = task.input
    if item.source == STDIN:
        return task._replace(data=read_bytes(STDIN, limit=max_bytes))
    if item.folder is None:
        return task
    if item.folder.template is None:
        item.folder.template = learn(item.folder.sample).keys
    return task._replace(input=item._replace(folder=None), template=item.folder.template)


# --- doing one input (in a worker or in-process) -----------------------------

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

def results_in_order(tasks: Iterable[Task], settings: Settings, jobs: int,
                     stop: Stop) -> Generator[tuple[Task, Result], None, None]:
    """Each task with its result, in task order, until ``stop`` is asked;
    in-process for one job or when the tasks fill no more than one chunk."""
    chunks = _chunks(tasks)
    if jobs > 1:
        head = list(islice(chunks, 2))
        if len(head) == 2:
            yield from _pooled(chain(head, chunks), settings, jobs, stop)
            return
        chunks = iter(head)
    learn = partial(learn_files, max_bytes=settings.max_bytes)
    for task in chain.from_iterable(chunks):
        if stop.asked:
            return
        yield task, handle(ready(task, learn, settings.max_bytes) if to_do(task) else task, settings)


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Consecutive tasks with at most CHUNK to do among them, and at most
    CHUNK_SPAN in all, so that a long run of skipped inputs moves on."""
    chunk, work = [], 0
    for task in tasks:
        chunk.append(task)
        work += to_do(task)
        if work == CHUNK or len(chunk) == CHUNK_SPAN:
            yield chunk
            chunk, work = [], 0
    if chunk:
        yield chunk


def _pooled(chunks: Iterator[list[Task]], settings: Settings, workers: int,
            stop: Stop) -> Iterator[tuple[Task, Result]]:
    """Chunks run by ``workers`` processes, with at most a few chunks per
    worker in flight.  Once ``stop`` is asked, no chunk is sent, and of
    those in flight only the ones a worker has started are taken: a worker
    writes records, and a record on disk is a record to account for.
    Closing the generator drops the chunks not yet taken."""
    window = workers * CHUNKS_PER_WORKER
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),))
    learn = partial(learn_files, max_bytes=settings.max_bytes, map_chunks=pool.map)
    pending: deque[tuple[list[Task], Future | None]] = deque()
    try:
        for chunk in chunks:
            if stop.asked:
                break
            work = [ready(task, learn, settings.max_bytes) for task in chunk if to_do(task)]
            pending.append((chunk, pool.submit(handle_chunk, work, settings) if work else None))
            while pending and (len(pending) >= window or pending[0][1] is None):
                yield from _answers(*pending.popleft(), settings)
        while pending:
            chunk, future = pending.popleft()
            if stop.asked and (future is None or future.cancel()):
                continue  # not started: left for the next run
            yield from _answers(chunk, future, settings)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _answers(chunk: list[Task], future: Future | None, settings: Settings) -> Iterator[tuple[Task, Result]]:
    """The chunk's tasks with their results: the workers' for those to do."""
    done = iter(future.result() if future is not None else ())
    for task in chunk:
        yield task, next(done) if to_do(task) else handle(task, settings)


def _start_worker(parent: int) -> None:
    """Ctrl-C reaches the whole process group; workers ignore it and SIGTERM
    and finish their chunk, while the main process decides what to keep.
    So that a worker cannot outlive a main process killed outright
    (SIGKILL, the OOM killer), it ends when its parent does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if not _ask_for_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before the worker could ask
        os._exit(1)


_PR_SET_PDEATHSIG = 1       # prctl's option: a signal to get when the parent ends
_PARENT_CHECK_SECONDS = 1.0  # how often a worker without it looks for its parent


def _ask_for_death_signal() -> bool:
    """Have Linux SIGKILL this process when its parent ends; False where
    that cannot be asked (not Linux)."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Exit once this process has been handed to another parent: its own has ended."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


@contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """Turn SIGINT and SIGTERM into a request to stop, checked between inputs."""
    stop = Stop()

    def request(signum, _frame):
        stop.signum = stop.signum or signum

    previous = {signum: signal.signal(signum, request) for signum in _EXIT_ON}
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
    outcome = OK if result.outcome in (WRITTEN, SKIPPED) else FAILED
    return Row(item.source, item.size, item.mtime_ns, result.digest, __version__, outcome, result.error)


def is_recorded(task: Task) -> bool:
    """Only regular files can be recognised again; a refusal says nothing
    about the file, and a skipped input's row is already right."""
    return task.input.size is not None and task.refusal is None and not task.skip


def _was_read(result: Result) -> bool:
    """Every input read is hashed, and only those."""
    return result.digest is not None


@contextmanager
def _writing(what: str) -> Iterator[None]:
    """Turn a failure to write ``what`` into _Unwritable: it would fail again
    for every later input.  A broken pipe is no failure: the reader has
    all it wants."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise _Unwritable(f"cannot write {what}: {getattr(exc, 'strerror', None) or exc}") from exc


def checkpoint(out: TextIO, store: StateStore | None) -> None:
    """Records first, then their state rows: the state never claims a record
    that did not reach stdout or its file."""
    with _writing("standard output"):
        out.flush()
    if store is not None:
        with _writing(store.path):
            store.commit()


def take_results(results: Iterator[tuple[Task, Result]], out: TextIO, store: StateStore | None,
                 tally: Tally, reporter: Reporter, stop: Stop) -> None:
    """Write, report and record each result in order, until the results
    end; the first record there is no room for asks the run to stop.
    Raises _Unwritable when standard output or the state cannot be written,
    BrokenPipeError when standard output's reader has gone."""
    for task, result in results:
        if result.outcome == UNWRITTEN:
            stop.problem = stop.problem or result.error
            continue
        if result.line is not None:
            with _writing("standard output"):
                out.write(result.line + "\n")
        tally.add(result.outcome, _was_read(result))
        if result.outcome in _FAILURES:
            reporter.failure(task.input.source, result.error or result.outcome)
        if store is not None and is_recorded(task):
            store.add(row_of(task, result))
            if len(store.pending) >= STATE_BATCH:
                checkpoint(out, store)
        reporter.advance()
    checkpoint(out, store)


def _stopped_line(stop: Stop, written: int, keeps_state: bool) -> str:
    """The one line a run stopped by what it cannot write leaves: what, how
    far it got, and, when it keeps a state, that a re-run goes on from there."""
    line = f"newsclean: stopped: {stop.problem}. {written} records written"
    if not keeps_state:
        return line
    if stop.state_lost:
        return line + (", the latest of them not recorded in the state; "
                       "a re-run makes those again and goes on with the rest")
    return line + "; a re-run goes on with the rest"


def run(paths: Iterable[str], options: Options, out: TextIO) -> int:
    """Extract every input, report on stderr, and return the exit status.
    A reader of ``out`` that goes away (``| head``) ends the run with
    BrokenPipeError, the state's rows not yet committed dropped."""
    started = time.monotonic()
    paths = list(paths)
    with ExitStack() as stack:
        try:
            store = open_run(stack, options)
        except Locked as exc:
            print(f"newsclean: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        except KeyboardInterrupt:  # while waiting for the lock
            return EXIT_INTERRUPTED
        except (OSError, sqlite3.Error) as exc:
            print(f"newsclean: {getattr(exc, 'filename', None) or state_files(options)[0]}: "
                  f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return EXIT_UNWRITABLE
        stop = stack.enter_context(stop_on_signals())
        skip_folder = identity(options.output_dir) if options.output_dir else None
        recall = (partial(store.done, version=__version__, failures=not options.retry_failed)
                  if store is not None and not options.force else None)
        # Two inputs can only land on one output file when several paths are named.
        claims = stack.enter_context(closing(Claims())) if options.output_dir and len(paths) > 1 else None
        tally = Tally()
        reporter = Reporter(sys.stderr, 0, options.quiet, started)
        if reporter.live:  # the progress bar's total: one listing more, on a terminal only
            reporter.total = sum(1 for _ in walk_inputs(paths, options.pattern, skip_folder))
        if not stop.signum:
            tasks = plan(walk_inputs(paths, options.pattern, skip_folder), recall, claims)
            settings = Settings(options.now, options.output_dir, options.max_bytes)
            try:
                with closing(results_in_order(tasks, settings, options.jobs, stop)) as results:
                    take_results(results, out, store, tally, reporter, stop)
            except _Unwritable as exc:
                stop.problem, stop.state_lost = stop.problem or str(exc), store is not None
        if stop.problem:
            reporter.print(_stopped_line(stop, tally.written, store is not None))
        else:
            reporter.finish(tally, stop.signum)
    if stop.problem:
        return EXIT_UNWRITABLE
    if stop.signum:
        return _EXIT_ON[stop.signum]
    return EXIT_FAILED if tally.failures else EXIT_OK


def extract_here(paths: Iterable[str], pattern: str | None = None,
                 recursive: bool = True, now: datetime | None = None) -> Iterator[tuple[str, Result]]:
    """Each input's source and result, in order, as ``newsclean extract
    PATHS --jobs 1 [--now NOW]`` makes them (same walk, templates and
    extraction): for ``newsclean eval``."""
    tasks = plan(walk_inputs(paths, pattern, recursive=recursive), None, None)
    settings = Settings(now, None, MAX_BYTES)
    for task, result in results_in_order(tasks, settings, jobs=1, stop=Stop()):
        yield task.input.source, result
