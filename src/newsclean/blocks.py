"""Stage 3: split normalised text into the units the classifier labels.

A scraped page separates its blocks with blank lines, but a dump also glues
several page elements into one block (a byline, the title, a caption and a
dateline on consecutive lines).  Each non-empty line is therefore a unit of
its own; ``gap_before`` keeps whether a blank line preceded it, and
``group`` numbers the blank-line-separated block it came from.

Lines are never joined: scraped dumps print a paragraph on one line, and
a line that seems to continue the one above ("преди 3 часа" under a
commenter's name, a tagline under the site's name) is another element.

The crawler's " date 2025-09-03" opening a dump is a unit of its own even
when the page's first text follows it on the same line (most dumps that
carry it do): that text is a menu, a headline or the article's first
paragraph, and is labelled like any other line.  So is a numeric dateline
glued to the text after it with not even a space between ("14:32,
03.03.2026Водещата ..."): no word of prose runs a year into a capital.
"""
from __future__ import annotations

from typing import NamedTuple

from .dates import crawler_prefix_end, glued_dateline_end, may_hold_glued_dateline


class Unit(NamedTuple):
    index: int  # type: ignore[assignment]  # the field hides tuple.index(), which no stage calls on a Unit
    text: str
    group: int
    gap_before: bool


def _lines(text: str) -> list[str]:
    """The text's lines, the crawler's date split from the text after it,
    and a dateline glued to the text after it with no space split from it."""
    lines = text.split("\n")
    end = crawler_prefix_end(lines[0])
    if end and lines[0][end:].strip():
        lines[0:1] = [lines[0][:end].rstrip(), lines[0][end:].strip()]
    if not may_hold_glued_dateline(text):
        return lines
    return [part for line in lines for part in _unglued(line)]


def _unglued(line: str) -> tuple[str, ...]:
    end = glued_dateline_end(line)
    return (line[:end].strip(), line[end:]) if end else (line,)


def split_units(text: str) -> list[Unit]:
    lines: list[tuple[str, int, bool]] = []
    group, gap = 0, True
    for line in _lines(text):
        if not line:
            if not gap:
                group += 1
            gap = True
            continue
        lines.append((line, group, gap))
        gap = False
    return [Unit(i, t, g, gap) for i, (t, g, gap) in enumerate(lines)]
