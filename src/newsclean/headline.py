"""Stage 5a: clean the text of the headline that ``header.py`` found.

Which line is the headline is decided in ``header.py`` (the nearest repeated
title above the body, else the nearest title-like line).  This module only
cleans that line and finds photo credits in lines.

Cleaning removes what sites add to a title: labels ("ОБНОВЕНА", "ВИДЕО"),
a photo credit ("Снимка: © Getty Images") and a " | Site name" suffix.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import regex

from .data import load

_PAGE = load("page_bg")
_LABEL_WORDS = tuple(sorted(_PAGE["headline_labels"], key=len, reverse=True))
_LABELS = "|".join(regex.escape(l) for l in _LABEL_WORDS)
_LEADING_LABELS = regex.compile(
    rf"^(?:[\[(]?(?:{_LABELS})[\])]?(?:\s*[:|\-–—+/]\s*|\s+))+(?=\S)"
)
_TRAILING_LABELS = regex.compile(
    rf"(?<!\s)(?:\s*(?:[:|\-–—+/]\s*)?[\[(]?(?:{_LABELS})[\])]?){{1,5}}\s*$"
)
# How a text that carries a trailing label ends (before trailing spaces),
# and the first and last characters that let a text hold a label at all.
_LABEL_ENDINGS = tuple(l + close for l in _LABEL_WORDS for close in ("", "]", ")"))
assert all(_LABEL_WORDS), "a headline label is never empty"
_LABEL_FIRSTS = frozenset(l[0] for l in _LABEL_WORDS) | {"[", "("}
_LABEL_LASTS = frozenset(e[-1] for e in _LABEL_ENDINGS)
_SITE_SUFFIX = regex.compile(r"\s+\|\s+[^|]{1,40}$")
_CREDIT_MARKERS = tuple(m.casefold() for m in _PAGE["credit_markers"])
assert all(m and "\n" not in m for m in _CREDIT_MARKERS), "a credit marker is on one line"
# The first credit marker of a line and the rest of that line.
_CREDIT_TO_LINE_END = re.compile("(?:" + "|".join(map(re.escape, _CREDIT_MARKERS)) + ")[^\n]*")


def credit_position(text: str) -> int:
    """Index where a photo credit ('Снимка: ...') begins, or -1."""
    lowered = text.casefold()
    found = [at for at in (lowered.find(m) for m in _CREDIT_MARKERS) if at >= 0]
    return min(found) if found else -1


def credit_positions(lowered_page: str, starts: list[int]) -> list[int]:
    """``credit_position`` of every line of a page, given the page
    casefolded and where its lines start: one scan finds the first marker
    of each line."""
    found = [-1] * len(starts)
    for match in _CREDIT_TO_LINE_END.finditer(lowered_page):
        line = bisect_right(starts, match.start()) - 1
        found[line] = match.start() - starts[line]
    return found


def may_hold_labels(text: str) -> bool:
    """Whether ``strip_labels`` could remove anything: a label (maybe in a
    bracket) must open the text or close it.  False means it returns
    ``text.strip()``."""
    if text[:1] in _LABEL_FIRSTS and (
            text.startswith(_LABEL_WORDS)
            or (text[:1] in ("[", "(") and text.startswith(_LABEL_WORDS, 1))):
        return True
    tail = text.rstrip()
    return tail[-1:] in _LABEL_LASTS and tail.endswith(_LABEL_ENDINGS)


def strip_labels(text: str) -> str:
    stripped = _LEADING_LABELS.sub("", text)
    stripped = _TRAILING_LABELS.sub("", stripped)
    return stripped.strip() or text.strip()


def clean_headline(text: str) -> str:
    """The title without labels, photo credit or site-name suffix."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut]
    text = _SITE_SUFFIX.sub("", text.strip())
    return strip_labels(text).strip(" -–—|")
