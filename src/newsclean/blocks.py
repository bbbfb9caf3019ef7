"""Stage 3: split normalised text into the units the classifier labels.

A scraped page separates its blocks with blank lines, but a dump also glues
several page elements into one block (a byline, the title, a caption and a
dateline on consecutive lines).  Each non-empty line is therefore a unit of
its own; ``gap_before`` keeps whether a blank line preceded it, and
``group`` numbers the blank-line-separated block it came from.

A paragraph hard-wrapped over several lines is joined back: a line is
continued by the next one when it ends without sentence punctuation and the
next begins with a lowercase letter.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

_ENDS_OPEN = regex.compile(r"[\p{L},;\-–]$")
_STARTS_LOWER = regex.compile(r"^\p{Ll}")


class Unit(NamedTuple):
    index: int  # type: ignore[assignment]  # the field hides tuple.index(), which no stage calls on a Unit
    text: str
    group: int
    gap_before: bool


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (neither holds a line break;
    so the open end is the last character)."""
    return bool(_STARTS_LOWER.match(line) and _ENDS_OPEN.match(previous, len(previous) - 1))


def split_units(text: str) -> list[Unit]:
    lines: list[tuple[str, int, bool]] = []
    group, gap = 0, True
    for line in text.split("\n"):
        if not line:
            if not gap:
                group += 1
            gap = True
            continue
        if lines and not gap and _continues(lines[-1][0], line):
            previous, g, had_gap = lines[-1]
            lines[-1] = (f"{previous} {line}", g, had_gap)
            continue
        lines.append((line, group, gap))
        gap = False
    return [Unit(i, t, g, gap) for i, (t, g, gap) in enumerate(lines)]
