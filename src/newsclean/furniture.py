"""Page furniture by phrase family: share bars, related lists, promos,
forms, footers, credits... (``data/boilerplate_bg.toml``).

    family_named("related and most read")  -> that Family (DataError if the file lacks it)
    furniture_family(lowered, core, words) -> (Family or None, matched only inside a long line)
    toolbar_family(lowered)                -> the Family of a row of phrases ("Вход Регистрация")
    contained_phrases(lowered_page)        -> each family's "contains" phrases the page holds
    line_furniture(lowered, may_be_whole, words, contained) -> both checks, cheaply gated
    core(lowered)                          -> what a "whole" phrase must equal
    WHOLE_LETTERS                          -> the letters of every "whole" phrase

A family's phrases match a casefolded line in four ways: ``whole`` (the
line's core is the phrase), ``starts`` (a line of at most 25 words opens
with it), ``short_starts`` (a line of at most 6 words opens with it) and
``contains`` (anywhere; in a longer line only a weak sign, since prose may
mention cookies).  Most lines match nothing, so ``line_furniture`` first
asks whether any phrase of any family could match at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

import regex

from .tables import DataError, checked_phrases, table

_COUNTER = regex.compile(r"\(\s*\d+\s*\)|\b\d+\b")
_EDGE_JUNK = regex.compile(r"^[\W\d_]+|(?<![\W\d_])[\W\d_]+$")
_NOT_LETTERS = regex.compile(r"\P{L}+")
_ROLES = ("section", "inline")
# A line that merely starts with a furniture phrase but is longer than this
# is prose that happens to begin the same way.
_STARTS_MAX_WORDS = 25
# Lines this short are furniture when they start with a "short_starts"
# phrase ("Още от региона") or merely contain a "contains" phrase (unless
# the family allows longer lines).
_SHORT_LINE_WORDS = 6


@dataclass(frozen=True)
class Family:
    name: str
    role: str               # "section": a wall no article crosses; "inline": dropped, the article goes on
    whole: frozenset[str]
    starts: tuple[str, ...]
    short_starts: tuple[str, ...]
    contains: tuple[str, ...]
    contains_within: int    # a line of up to this many words containing a phrase is wholly furniture


def _family(entry: dict) -> Family:
    where = f"data/boilerplate_bg.toml: family {entry.get('name')!r}"
    if entry.get("role") not in _ROLES:
        raise DataError(f"{where}: role must be one of {_ROLES}")
    phrases = {kind: checked_phrases(entry.get(kind, []), f"{where}: {kind}")
               for kind in ("whole", "starts", "short_starts", "contains")}
    within = entry.get("contains_within", _SHORT_LINE_WORDS)
    if not isinstance(within, int) or within < _SHORT_LINE_WORDS:
        raise DataError(f"{where}: contains_within must be a whole number of at least {_SHORT_LINE_WORDS}")
    return Family(entry["name"], entry["role"], frozenset(phrases["whole"]), phrases["starts"],
                  phrases["short_starts"], phrases["contains"], within)


FAMILIES = tuple(_family(entry) for entry in table("boilerplate_bg").value("family"))
_BY_NAME = {family.name: family for family in FAMILIES}


def family_named(name: str) -> Family:
    """The family a rule names; a data file without it fails at import."""
    if name not in _BY_NAME:
        raise DataError(f"data/boilerplate_bg.toml: no family {name!r}, which a rule names")
    return _BY_NAME[name]


# Every phrase of every family, to tell at once that a line has none.
_ALL_WHOLE = frozenset().union(*(f.whole for f in FAMILIES))
_ALL_STARTS = tuple(p for f in FAMILIES for p in f.starts)
_ALL_SHORT_STARTS = tuple(p for f in FAMILIES for p in f.short_starts)


def _by_first_character(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first character: a line can start only
    with those of its own first character."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in groups.items()}


_STARTS_BY_FIRST = _by_first_character(_ALL_STARTS)
_SHORT_STARTS_BY_FIRST = _by_first_character(_ALL_SHORT_STARTS)
# Rows of furniture phrases: each "whole" phrase and the first family
# holding it, the first words of those phrases, and what may stand around
# a phrase in such a row.
_WHOLE_FAMILY = {p: f for f in reversed(FAMILIES) for p in f.whole}
_WHOLE_FIRST_WORDS = frozenset(p.split()[0] for p in _WHOLE_FAMILY if p.split())
_WHOLE_MAX_TOKENS = max((len(p.split()) for p in _WHOLE_FAMILY), default=1)
_TOOLBAR_PUNCTUATION = ":|•·/,.…"
_TOOLBAR_MIN_WORDS, _TOOLBAR_MAX_WORDS = 2, 10
# The one-word phrases of the site's forms and footer ("начало", "контакти",
# "вход"): the items of its menu.
MENU_WORDS = frozenset(p for family in FAMILIES if family.name in ("login and forms", "cookies and footer")
                       for p in family.whole if " " not in p and len(p) > 2)
# The letters of every "whole" phrase: a line whose core is the phrase has
# the same letters, as the core only drops what is not a letter.
WHOLE_LETTERS = frozenset(_NOT_LETTERS.sub("", p) for p in _ALL_WHOLE)


def core(lowered: str) -> str:
    """The lowercased line without counters ("(12)"), without punctuation
    and digits at its edges, its spaces folded: what a "whole" phrase must
    equal."""
    return " ".join(_EDGE_JUNK.sub("", _COUNTER.sub(" ", lowered)).split())


def furniture_family(lowered: str, line_core: str | None, words: int,
                     contained: tuple[tuple[str, ...], ...] | None = None) -> tuple[Family | None, bool]:
    """The phrase family of page furniture this line belongs to, if any, and
    whether only a phrase inside a long line matched (a weak sign: prose
    may mention cookies or social networks).  ``lowered`` is the casefolded
    line, ``line_core`` its ``core`` (None when its letters are those of no
    "whole" phrase); ``contained``, from ``contained_phrases``, narrows each
    family's "contains" phrases to those its page holds."""
    for family, contains in zip(FAMILIES, contained or _EVERY_CONTAINED):
        if line_core is not None and line_core in family.whole:
            return family, False
        if words <= _STARTS_MAX_WORDS and lowered.startswith(family.starts):
            return family, False
        if words <= _SHORT_LINE_WORDS and lowered.startswith(family.short_starts):
            return family, False
        if contains and any(map(lowered.__contains__, contains)):
            return family, words > family.contains_within
    return None, False


_EVERY_CONTAINED = tuple(family.contains for family in FAMILIES)


class Contained(NamedTuple):
    """The "contains" phrases a page holds: a phrase the page lacks is in
    none of its lines, and most pages hold none or a few, so its lines are
    searched for these only."""
    by_family: tuple[tuple[str, ...], ...]   # in the order of FAMILIES
    every: tuple[str, ...]


def contained_phrases(lowered_page: str) -> Contained:
    """The "contains" phrases the casefolded page holds."""
    by_family = tuple(tuple(p for p in contains if p in lowered_page) for contains in _EVERY_CONTAINED)
    return Contained(by_family, tuple(chain.from_iterable(by_family)))


def _may_be_furniture(lowered: str, line_core: str | None, words: int,
                      contains: tuple[str, ...]) -> bool:
    """Whether any family could match: one test per kind of phrase."""
    return ((line_core is not None and line_core in _ALL_WHOLE)
            or (words <= _STARTS_MAX_WORDS
                and lowered.startswith(_STARTS_BY_FIRST.get(lowered[:1], ())))
            or (words <= _SHORT_LINE_WORDS
                and lowered.startswith(_SHORT_STARTS_BY_FIRST.get(lowered[:1], ())))
            or any(map(lowered.__contains__, contains)))


_NOT_FURNITURE: tuple[Family | None, bool] = (None, False)


def line_furniture(lowered: str, may_be_whole: bool, words: int,
                   contained: Contained) -> tuple[Family | None, bool]:
    """``furniture_family`` of a line, tried only when some phrase may
    match, else ``toolbar_family``.  ``may_be_whole``: whether the line has
    the letters of a "whole" phrase; ``contained``: the "contains" phrases
    present on the page, by family (``contained_phrases``)."""
    line_core = core(lowered) if may_be_whole else None
    if _may_be_furniture(lowered, line_core, words, contained.every):
        found = furniture_family(lowered, line_core, words, contained.by_family)
        if found[0] is not None:
            return found
    if _TOOLBAR_MIN_WORDS <= words <= _TOOLBAR_MAX_WORDS:
        return toolbar_family(lowered), False
    return _NOT_FURNITURE


def toolbar_family(lowered: str) -> Family | None:
    """A row of furniture phrases ("Отпечатай А+ А-", "Търсене Вход
    Регистрация", "Приемам всички Само необходимите Настройки"): the family
    of its first phrase when the casefolded line is nothing but "whole"
    phrases, longest first, between spaces and separators."""
    raws = lowered.split()
    first_token = next((t for t in (raw.strip(_TOOLBAR_PUNCTUATION) for raw in raws) if t), None)
    if first_token not in _WHOLE_FIRST_WORDS:
        return None  # most lines: no row of phrases opens with their first word
    tokens = [t for t in (raw.strip(_TOOLBAR_PUNCTUATION) for raw in raws) if t]
    first, i = None, 0
    while i < len(tokens):
        for size in range(min(_WHOLE_MAX_TOKENS, len(tokens) - i), 0, -1):
            family = _WHOLE_FAMILY.get(" ".join(tokens[i:i + size]))
            if family is not None:
                first, i = first or family, i + size
                break
        else:
            return None
    return first
