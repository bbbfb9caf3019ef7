"""Run extraction over many inputs and stream the records out."""
from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from typing import TextIO

from .decode import NotText
from .inputs import STDIN, InputError, iter_inputs, read_bytes
from .pipeline import extract_bytes
from .record import Record


def file_time(path: str) -> datetime | None:
    """The file's modification time, the reference for relative dates."""
    if path == STDIN:
        return None
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz=timezone.utc)
    except OSError:
        return None


def process(path: str, now: datetime | None) -> Record:
    """The record of one input; raises InputError or NotText with a reason."""
    data = read_bytes(path, sys.stdin.buffer if path == STDIN else None)
    return extract_bytes(data, source=path, now=now or file_time(path))


def run_to_stream(paths, pattern: str | None, now: datetime | None, out: TextIO) -> int:
    """Write a JSON line per input to ``out``; return how many failed."""
    failed = 0
    for path in iter_inputs(paths, pattern):
        try:
            record = process(path, now)
        except (InputError, NotText) as exc:
            print(f"newsclean: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        out.write(record.to_json() + "\n")
    return failed
