"""Run extraction over many inputs: JSON Lines on stdout, or one JSON file
per input under an output folder; in parallel; skipping what an earlier run
already did.

A run streams, so that its memory does not grow with the number of inputs:
the inputs are found as they are asked for (``inputs.walk_inputs``), the
state of earlier runs is looked up a batch of inputs at a time, and the
inputs to do go to worker processes (``worker.handle``) in small chunks, a
few per worker in flight, their results taken back in input order.

The files of one folder (at least ``template.MIN_FILES``) share the
template learnt from the first ``template.SAMPLE_FILES`` of them, learnt
once, when the first of them is to be extracted.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from itertools import chain, islice
from typing import TextIO

from . import __version__
from .batch import FAILURES, SKIPPED, WRITTEN
from .engines import (EXIT_FAILED, EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_OK, EXIT_TERMINATED, EXIT_UNWRITABLE,
                      LOCK_NAME, Options, stopped_line)
from .inputs import MAX_BYTES, STDIN, Input, identity, read_bytes, walk_inputs
from .progress import Reporter, Tally
from .state import FAILED, OK, Claims, Done, Locked, Row, StateStore, hold_lock, open_state
from .template import Template, folder_sample
from .worker import UNWRITTEN, Result, Settings, Task, handle, handle_chunk, learn_files

_STATE_NAME = ".newsclean-state.sqlite"
_EXIT_ON: dict[int, int] = {signal.SIGINT: EXIT_INTERRUPTED, signal.SIGTERM: EXIT_TERMINATED}
_CHUNK = 16              # inputs to do per batch sent to a worker
_CHUNK_SPAN = 1024       # inputs per batch at most, counting skipped ones
_CHUNKS_PER_WORKER = 4   # batches queued or running per worker at any time
_LOOKUP_BATCH = 500      # inputs looked up in the state at once
_STATE_BATCH = 1000      # state rows per transaction


@dataclass
class _Stop:
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


# --- deciding what to do ----------------------------------------------------

_Recall = Callable[[list[str]], dict[str, Done]]


def _plan(inputs: Iterable[Input], recall: _Recall | None, claims: Claims | None) -> Iterator[Task]:
    """Each input as a task, in order: to skip, because an earlier run made
    its record from, or failed on, a file of the same size and mtime
    (``recall`` looks them up, a batch at a time), to refuse, or to do.

    With ``claims`` (an output folder and several paths named), an input
    whose output path an earlier input of the run already claims is refused
    rather than overwriting it.
    """
    inputs = iter(inputs)
    while batch := list(islice(inputs, _LOOKUP_BATCH)):
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


def _to_do(task: Task) -> bool:
    """Whether the task needs its file read: neither skipped nor refused."""
    return not task.skip and task.refusal is None


def _ready(task: Task, learn: Callable[[tuple[str, ...]], Template], max_bytes: int) -> Task:
    """A task to do as a worker needs it: standard input read here, since
    workers cannot read it; its folder's template learnt (once per folder)
    and sent instead of the folder."""
    item = task.input
    if item.source == STDIN:
        return task._replace(data=read_bytes(STDIN, limit=max_bytes))
    if item.folder is None:
        return task
    if item.folder.template is None:
        sample = folder_sample(item.folder.paths())
        item.folder.template = learn(sample).keys if sample else frozenset()
    return task._replace(input=item._replace(folder=None), template=item.folder.template)


# --- doing them all, in order -------------------------------------------------

def _results_in_order(tasks: Iterable[Task], settings: Settings, jobs: int,
                      stop: _Stop) -> Generator[tuple[Task, Result], None, None]:
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
        yield task, handle(_ready(task, learn, settings.max_bytes) if _to_do(task) else task, settings)


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Consecutive tasks with at most _CHUNK to do among them, and at most
    _CHUNK_SPAN in all, so that a long run of skipped inputs moves on."""
    chunk, work = [], 0
    for task in tasks:
        chunk.append(task)
        work += _to_do(task)
        if work == _CHUNK or len(chunk) == _CHUNK_SPAN:
            yield chunk
            chunk, work = [], 0
    if chunk:
        yield chunk


def _pooled(chunks: Iterator[list[Task]], settings: Settings, workers: int,
            stop: _Stop) -> Iterator[tuple[Task, Result]]:
    """Chunks run by ``workers`` processes, with at most a few chunks per
    worker in flight.  Once ``stop`` is asked, no chunk is sent, and of
    those in flight only the ones a worker has started are taken: a worker
    writes records, and a record on disk is a record to account for.
    Closing the generator drops the chunks not yet taken."""
    window = workers * _CHUNKS_PER_WORKER
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),))
    learn = partial(learn_files, max_bytes=settings.max_bytes, map_chunks=pool.map)
    pending: deque[tuple[list[Task], Future | None]] = deque()
    try:
        for chunk in chunks:
            if stop.asked:
                break
            work = [_ready(task, learn, settings.max_bytes) for task in chunk if _to_do(task)]
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
        yield task, next(done) if _to_do(task) else handle(task, settings)


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
def _stop_on_signals() -> Iterator[_Stop]:
    """Turn SIGINT and SIGTERM into a request to stop, checked between inputs."""
    stop = _Stop()

    def request(signum, _frame):
        stop.signum = stop.signum or signum

    previous = {signum: signal.signal(signum, request) for signum in _EXIT_ON}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def _state_files(options: Options) -> tuple[str | None, str | None]:
    """The state file and the lock file of a run, if it keeps a state."""
    if options.output_dir:
        return os.path.join(options.output_dir, _STATE_NAME), os.path.join(options.output_dir, LOCK_NAME)
    if options.state_path:
        return options.state_path, options.state_path + ".lock"
    return None, None


def _open_run(stack: ExitStack, options: Options) -> StateStore | None:
    """Create the output folder, take the lock and open the state, for the
    length of ``stack``; raises Locked, OSError or sqlite3.Error."""
    state_path, lock_path = _state_files(options)
    if options.output_dir:
        os.makedirs(options.output_dir, exist_ok=True)
    if lock_path:
        stack.enter_context(hold_lock(lock_path, options.wait))
    return stack.enter_context(open_state(state_path)) if state_path else None


def _row_of(task: Task, result: Result) -> Row:
    item = task.input
    outcome = OK if result.outcome in (WRITTEN, SKIPPED) else FAILED
    return Row(item.source, item.size, item.mtime_ns, result.digest, __version__, outcome, result.error)


def _is_recorded(task: Task) -> bool:
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


def _checkpoint(out: TextIO, store: StateStore | None) -> None:
    """Records first, then their state rows: the state never claims a record
    that did not reach stdout or its file."""
    with _writing("standard output"):
        out.flush()
    if store is not None:
        with _writing(store.path):
            store.commit()


def _take_results(results: Iterator[tuple[Task, Result]], out: TextIO, store: StateStore | None,
                  tally: Tally, reporter: Reporter, stop: _Stop) -> None:
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
        if result.outcome in FAILURES:
            reporter.failure(task.input.source, result.error or result.outcome)
        if store is not None and _is_recorded(task):
            store.add(_row_of(task, result))
            if len(store.pending) >= _STATE_BATCH:
                _checkpoint(out, store)
        reporter.advance()
    _checkpoint(out, store)


def _inputs(paths: list[str], options: Options) -> Iterator[Input]:
    """The run's inputs: never the output folder's own files."""
    skip_folder = identity(options.output_dir) if options.output_dir else None
    return walk_inputs(paths, options.pattern, skip_folder)


def _tasks(stack: ExitStack, paths: list[str], options: Options, store: StateStore | None) -> Iterator[Task]:
    """The run's inputs as tasks, skipping what the state says is done
    unless forced, for the length of ``stack``."""
    recall = (partial(store.done, version=__version__, failures=not options.retry_failed)
              if store is not None and not options.force else None)
    # Two inputs can only land on one output file when several paths are named.
    claims = stack.enter_context(closing(Claims())) if options.output_dir and len(paths) > 1 else None
    return _plan(_inputs(paths, options), recall, claims)


def _reporter(paths: list[str], options: Options, started: float) -> Reporter:
    reporter = Reporter(sys.stderr, 0, options.quiet, started)
    if reporter.live:  # the progress bar's total: one listing more, on a terminal only
        reporter.total = sum(1 for _ in _inputs(paths, options))
    return reporter


def run(paths: Iterable[str], options: Options, out: TextIO) -> int:
    """Extract every input, report on stderr, and return the exit status.
    A reader of ``out`` that goes away (``| head``) ends the run with
    BrokenPipeError, the state's rows not yet committed dropped."""
    started = time.monotonic()
    paths = list(paths)
    with ExitStack() as stack:
        try:
            store = _open_run(stack, options)
        except Locked as exc:
            print(f"newsclean: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        except KeyboardInterrupt:  # while waiting for the lock
            return EXIT_INTERRUPTED
        except (OSError, sqlite3.Error) as exc:
            print(f"newsclean: {getattr(exc, 'filename', None) or _state_files(options)[0]}: "
                  f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return EXIT_UNWRITABLE
        stop = stack.enter_context(_stop_on_signals())
        tally = Tally()
        reporter = _reporter(paths, options, started)
        if not stop.signum:
            tasks = _tasks(stack, paths, options, store)
            settings = Settings(options.now, options.output_dir, options.max_bytes)
            try:
                with closing(_results_in_order(tasks, settings, options.jobs, stop)) as results:
                    _take_results(results, out, store, tally, reporter, stop)
            except _Unwritable as exc:
                stop.problem, stop.state_lost = stop.problem or str(exc), store is not None
        if stop.problem:
            reporter.print(stopped_line(stop.problem, tally.written, store is not None, stop.state_lost))
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
    tasks = _plan(walk_inputs(paths, pattern, recursive=recursive), None, None)
    settings = Settings(now, None, MAX_BYTES)
    for task, result in _results_in_order(tasks, settings, jobs=1, stop=_Stop()):
        yield task.input.source, result
