"""What a run tells the person watching it: a progress line on a terminal,
failure lines, and a one-line summary at the end."""
from __future__ import annotations

import signal
import time
from dataclasses import dataclass
from typing import TextIO

_REDRAW_SECONDS = 0.1
_BAR_WIDTH = 24


@dataclass
class Tally:
    """How many inputs were read, and what became of every input: each is
    counted under one outcome, by the outcome's name."""
    read: int = 0       # opened and read, whatever came of it
    written: int = 0
    skipped: int = 0    # done by an earlier run and unchanged since
    failed: int = 0     # read, and no record made of them
    missing: int = 0    # not read: no such file (any more)
    oversized: int = 0  # not read: larger than --max-bytes
    refused: int = 0    # not read: not a regular file, not readable, in a folder that cannot be listed, ...
    known: int = 0      # failed before and unchanged since: not tried again, not counted as failures

    def add(self, outcome: str, read: bool) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.read += read

    @property
    def failures(self) -> int:
        return self.failed + self.missing + self.oversized + self.refused


# The outcomes the summary names only when some inputs had them, with their words.
_RARE = (("missing", "missing"), ("oversized", "oversized"), ("refused", "refused"), ("known", "known failures"))


def summary_line(tally: Tally, seconds: float, stopped_by: int | None = None) -> str:
    """``newsclean: 1185 read, 1180 written, 12 skipped, 5 failed, 2 missing in 3.4 s``:
    the failures of inputs not read, and the known ones, are named only
    when there are some."""
    line = f"newsclean: {tally.read} read, {tally.written} written, {tally.skipped} skipped, {tally.failed} failed"
    line += "".join(f", {getattr(tally, name)} {words}" for name, words in _RARE if getattr(tally, name))
    line += f" in {seconds:.1f} s"
    if stopped_by is not None:
        line += f"; stopped by {signal.Signals(stopped_by).name}, the rest is left for the next run"
    return line


def bar_line(done: int, total: int, seconds: float) -> str:
    """``[##########--------------]  4000/10000  40%  2100 files/s``."""
    share = done / total if total else 1.0
    filled = round(share * _BAR_WIDTH)
    rate = done / seconds if seconds > 0 else 0.0
    width = len(str(total))
    return (f"[{'#' * filled}{'-' * (_BAR_WIDTH - filled)}] {done:>{width}}/{total} "
            f"{share:4.0%}  {rate:.0f} files/s")


class Reporter:
    """Failure lines always; the progress line only on a terminal; the summary
    unless quiet.  ``total`` is only needed for the progress line.  The progress line is wiped before anything else is
    printed, so it never mixes with the other lines."""

    def __init__(self, stream: TextIO, total: int, quiet: bool, started: float):
        self.stream = stream
        self.total = total
        self.quiet = quiet
        self.live = not quiet and stream.isatty()
        self.done = 0
        self.started = started
        self.drawn_at = 0.0
        self.shown = False

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.live:
            return
        now = time.monotonic()
        if now - self.drawn_at >= _REDRAW_SECONDS or self.done == self.total:
            self.stream.write("\r" + bar_line(self.done, self.total, now - self.started) + "\x1b[K")
            self.stream.flush()
            self.drawn_at = now
            self.shown = True

    def failure(self, path: str, reason: str) -> None:
        self.print(f"newsclean: {path}: {reason}")

    def print(self, line: str) -> None:
        self._wipe()
        self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self, tally: Tally, stopped_by: int | None) -> None:
        self._wipe()
        if not self.quiet:
            self.print(summary_line(tally, time.monotonic() - self.started, stopped_by))

    def _wipe(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False
            self.drawn_at = 0.0
