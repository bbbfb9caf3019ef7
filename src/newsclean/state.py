"""What earlier runs did, so that a re-run only does new or changed inputs
(and failed ones when asked to), and the lock that keeps two runs off the
same output.

The state is one SQLite table keyed by the input path.  A run looks up the
rows of its inputs a batch at a time, as it finds them, in the state as it
was when the run began (a read transaction held for the whole run, so its
own new rows never change what it decides).  It writes its own rows in
batches, one transaction each, so a run stopped at any point leaves every
committed row true: a row is only committed after its record was written.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

OK = "ok"
FAILED = "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path     TEXT PRIMARY KEY,
    size     INTEGER,
    mtime_ns INTEGER,
    hash     TEXT,
    version  TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    error    TEXT
) WITHOUT ROWID
"""
_UPSERT = "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)"


class Done(NamedTuple):
    """An input an earlier run turned into a record, or failed on, as it was then."""
    size: int
    mtime_ns: int
    hash: str | None    # None for a file that failed before it was read
    error: str | None   # why it failed; None for a record made


class Row(NamedTuple):
    path: str
    size: int | None
    mtime_ns: int | None
    hash: str | None
    version: str
    outcome: str
    error: str | None


class Locked(Exception):
    """Another run holds the lock; the message says which file and which process."""


class StateStore:
    """The ``files`` table of one state file, with rows buffered until ``commit``."""

    def __init__(self, path: str):
        self.path = path
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute(_SCHEMA)
        self.connection.commit()
        self.pending: list[Row] = []
        self.snapshot = sqlite3.connect(path, isolation_level=None)
        self.snapshot.execute("BEGIN")
        self.snapshot.execute("SELECT 1 FROM files LIMIT 1").fetchall()  # the read starts here

    def done(self, paths: list[str], version: str, failures: bool) -> dict[str, Done]:
        """Those of ``paths`` that this version of the tool had turned into a
        record when the run began, and with ``failures`` those it had failed
        on (at most 997 paths: SQLite's oldest limit is 999 parameters)."""
        outcomes = (OK, FAILED) if failures else (OK,)
        rows = self.snapshot.execute(
            f"SELECT path, size, mtime_ns, hash, error FROM files WHERE path IN ({_marks(paths)}) "
            f"AND outcome IN ({_marks(outcomes)}) AND version = ?", (*paths, *outcomes, version))
        return {path: Done(*row) for path, *row in rows}

    def add(self, row: Row) -> None:
        self.pending.append(row)

    def commit(self) -> None:
        """Write the pending rows in one transaction."""
        if self.pending:
            with self.connection:
                self.connection.executemany(_UPSERT, self.pending)
            self.pending.clear()

    def close(self) -> None:
        """Close without committing: rows still pending are dropped on purpose."""
        self.snapshot.close()
        self.connection.close()


def _marks(values: tuple | list) -> str:
    """As many SQL parameters as ``values``."""
    return ",".join("?" * len(values))


class Claims:
    """Which input of a run claimed each output file first.

    Kept in a private temporary SQLite database (on disk, with a small
    cache) rather than a dict, so that memory stays flat however many
    inputs a run has.
    """

    def __init__(self):
        self.connection = sqlite3.connect("")
        self.connection.execute("CREATE TABLE claims (name TEXT PRIMARY KEY, source TEXT NOT NULL) WITHOUT ROWID")

    def claim(self, name: str, source: str) -> str | None:
        """None when ``source`` is the first to claim ``name``, else the first one."""
        if self.connection.execute("INSERT OR IGNORE INTO claims VALUES (?, ?)", (name, source)).rowcount:
            return None
        return self.connection.execute("SELECT source FROM claims WHERE name = ?", (name,)).fetchone()[0]

    def close(self) -> None:
        self.connection.close()


@contextmanager
def open_state(path: str) -> Iterator[StateStore]:
    store = StateStore(path)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def hold_lock(path: str, wait: bool) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` for the block.

    Raises Locked at once when another process holds it, unless ``wait``.
    The lock file is never deleted: deleting it would let two runs lock two
    different files of the same name.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise Locked(_held_by(path, _lock_pid(fd))) from None
        _HELD_LOCKS.add(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)


# The descriptors of the locks this process holds.  An flock belongs to the
# open file, which a forked child shares: a worker that kept its copy would
# hold the run's lock for as long as it lived, also after the run was killed.
_HELD_LOCKS: set[int] = set()


def _drop_inherited_locks() -> None:
    for fd in _HELD_LOCKS:
        os.close(fd)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


def _lock_pid(fd: int) -> int | None:
    """The pid the holder wrote into the lock file, if it did."""
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None


def _held_by(path: str, pid: int | None) -> str:
    """Who holds the lock and what to do: wait for a run, or end a process
    the run that took the lock left behind (its own pid gone or reused)."""
    if pid is None or _is_newsclean(pid):
        holder = f" (pid {pid})" if pid is not None else ""
        return f"another run holds {path}{holder}; try again later, or use --wait"
    return (f"{path} is held, but the run that took it (pid {pid}) has ended: a process it left behind "
            f"holds the lock; find it with 'fuser -v {path}', end it, and run again")


def _is_newsclean(pid: int) -> bool:
    """Whether ``pid`` is alive and, where ``/proc`` tells, runs newsclean."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        pass
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as command:
            return b"newsclean" in command.read()
    except OSError:  # no /proc: that it is alive is all there is to know
        return True
