"""What every engine of ``newsclean extract`` shares (``runner``, this
machine's worker processes; ``dask_engine``, a Dask cluster): the options a
run is asked with, the statuses it ends with, the output folder's lock, and
the line it leaves when it cannot write."""
from __future__ import annotations

import signal
from dataclasses import dataclass
from datetime import datetime

from .inputs import MAX_BYTES

LOCK_NAME = ".newsclean.lock"  # in the output folder: one run at a time writes there
# Every status a run ends with (README, "Exit status"); 74 and 75 are
# sysexits' EX_IOERR and EX_TEMPFAIL, the others the shell's 128 + signal.
EXIT_OK, EXIT_FAILED, EXIT_UNWRITABLE, EXIT_LOCKED = 0, 1, 74, 75
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


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


def stopped_line(problem: str, written: int, resumable: bool, state_lost: bool = False) -> str:
    """The one line a run stopped by what it cannot write leaves: what, how
    far it got, and, when a re-run can go on from there, that it does."""
    line = f"newsclean: stopped: {problem}. {written} records written"
    if not resumable:
        return line
    if state_lost:
        return line + (", the latest of them not recorded in the state; "
                       "a re-run makes those again and goes on with the rest")
    return line + "; a re-run goes on with the rest"
