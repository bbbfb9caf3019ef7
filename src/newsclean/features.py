"""Stage 4a: measure each unit of a page, alone and against its neighbours.

Every feature is general: lengths, punctuation, the share of Bulgarian
function words, capitals and digits, date and time patterns, phrase families
of page furniture (``data/boilerplate_bg.toml``), and repetition (the title a
page prints twice, lines a page prints again and again).  Nothing here knows
any particular site.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

import regex

from . import dates
from .data import load
from .headline import credit_position, strip_labels

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")
_SENTENCE_END = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"'“”„»«’)\]]*$")
_INNER_SENTENCE = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"“”»)]*\s+[\"„“«]?\p{Lu}")
_EDGE_JUNK = regex.compile(r"^[\W\d_]+|(?<![\W\d_])[\W\d_]+$")
_COUNTER = regex.compile(r"\(\s*\d+\s*\)|\b\d+\b")
_EDITOR_INITIALS = regex.compile(r"^/\s*\p{Lu}{1,4}(\s*[,/]\s*\p{Lu}{1,4})*\s*/$")
_AGENCY_MARK = regex.compile(r"^\(?\s*(\p{Lu}[\p{L}]{1,10})\s*\)?$")
_PLACE_LINE = regex.compile(r"^\p{Lu}[\p{L}\- ]{1,30},$")
_KEY_WORD = regex.compile(r"[\p{L}\p{N}]+")
_NAV_SEPARATOR = regex.compile(r"\s(?:\||/|>|»|•|·)\s")
_LIST_START = regex.compile(r"^(?:\d{1,3}[.)]?\s|[-–—•*▪·]\s)")
_NAME_VALUE = regex.compile(r"\s[–-]\s\S|^[^:]{1,40}:\s\S")

_LANGUAGE = load("language_bg")
_PAGE = load("page_bg")
STOPWORDS = frozenset(_LANGUAGE["stopwords"])
_ABBREVIATIONS = frozenset(_LANGUAGE["abbreviations"])
_DATELINE_WORDS = frozenset(_PAGE["dateline_words"]) | STOPWORDS
_AGENCIES = frozenset(a.casefold() for a in _PAGE["agencies"])
_GALLERY = regex.compile(
    r"^(?:" + "|".join(_PAGE["gallery_words"]) + r")\s+\d{1,3}\s*(?:от|/)\s*\d{1,3}$", regex.I
)


@dataclass(frozen=True)
class Family:
    name: str
    role: str
    whole: frozenset[str]
    starts: tuple[str, ...]
    short_starts: tuple[str, ...]
    contains: tuple[str, ...]


_FAMILIES = tuple(
    Family(f["name"], f["role"], frozenset(f.get("whole", ())),
           tuple(f.get("starts", ())), tuple(f.get("short_starts", ())),
           tuple(f.get("contains", ())))
    for f in load("boilerplate_bg")["family"]
)
# A line that merely starts with a furniture phrase but is longer than this
# is prose that happens to begin the same way.
_STARTS_MAX_WORDS = 25
# Lines this short are furniture when they start with a "short_starts"
# phrase ("Още от региона") or merely contain a "contains" phrase.
_SHORT_LINE_WORDS = 6


@dataclass(frozen=True)
class Features:
    words: int
    stop_ratio: float
    ends_sentence: bool
    sentences: int
    furniture: Family | None
    furniture_by_phrase_inside: bool   # matched only by a phrase inside a long line
    date_candidates: tuple[dates.DateCandidate, ...]
    date_dominant: bool
    credit_at: int          # index of a photo credit marker in the text, or -1
    agency_only: bool
    editor_initials: bool
    place_line: bool
    menu_like: bool         # a menu or breadcrumb: short items between separators
    gallery_counter: bool   # "Снимка 3 от 12"
    list_item: bool         # starts like a list entry or holds a "name – value" pair
    repeats: int            # how many units of the page share this one's key
    same_as_previous: bool
    same_as_next: bool


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def line_key(text: str) -> str:
    """What two lines must share to count as the same line: letters and
    digits, lowercased, with head labels and a photo credit cut off."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut]
    return " ".join(_KEY_WORD.findall(strip_labels(text).casefold()))


def furniture_family(text: str, words: int) -> tuple[Family | None, bool]:
    """The phrase family of page furniture this line belongs to, if any, and
    whether only a phrase inside a long line matched (a weak sign: prose
    may mention cookies or social networks)."""
    lowered = text.casefold()
    core = _EDGE_JUNK.sub("", _COUNTER.sub(" ", lowered)).strip()
    core = " ".join(core.split())
    for family in _FAMILIES:
        if core in family.whole:
            return family, False
        if words <= _STARTS_MAX_WORDS and lowered.startswith(family.starts):
            return family, False
        if words <= _SHORT_LINE_WORDS and lowered.startswith(family.short_starts):
            return family, False
        if any(c in lowered for c in family.contains):
            return family, words > _SHORT_LINE_WORDS
    return None, False


def is_menu_like(text: str, tokens: list[str], stops: int) -> bool:
    """Menus and breadcrumbs: items of a few words between separators, or a
    row of capitalised words without a single function word."""
    pieces = _NAV_SEPARATOR.split(text)
    if len(pieces) >= 2 and all(len(words_of(p)) <= 3 for p in pieces):
        return True
    return len(tokens) >= 4 and stops == 0 and all(t[:1].isupper() for t in tokens)


def _ends_a_sentence(match: regex.Match) -> bool:
    """A full stop after an abbreviation or an initial ("г.", "Св.", "И.")
    does not end a sentence; "!", "?" and "…" always do."""
    if match.group(2) != ".":
        return True
    word = match.group(1).lstrip("(\"„“«").casefold()
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def sentence_ends(text: str) -> tuple[bool, int]:
    """Whether the text ends a sentence, and how many sentences it holds."""
    end = _SENTENCE_END.search(text)
    inner = sum(1 for m in _INNER_SENTENCE.finditer(text) if _ends_a_sentence(m))
    return bool(end and _ends_a_sentence(end)), inner + 1


def _date_dominant(text: str, found: tuple[dates.DateCandidate, ...]) -> bool:
    if not found:
        return False
    rest, last = [], 0
    for cand in found:
        rest.append(text[last:cand.start])
        last = cand.end
    rest.append(text[last:])
    leftover = [w for w in words_of(" ".join(rest)) if w.casefold() not in _DATELINE_WORDS]
    return len(leftover) <= 3


def measure(text: str, now: datetime | None) -> Features:
    tokens = words_of(text)
    n = len(tokens)
    stops = sum(1 for t in tokens if t.casefold() in STOPWORDS)
    found = tuple(dates.find_dates(text, now))
    agency = _AGENCY_MARK.match(text)
    ends_sentence, sentences = sentence_ends(text)
    family, by_phrase_inside = furniture_family(text, n)
    return Features(
        words=n,
        stop_ratio=stops / n if n else 0.0,
        ends_sentence=ends_sentence,
        sentences=sentences,
        furniture=family,
        furniture_by_phrase_inside=by_phrase_inside,
        date_candidates=found,
        date_dominant=_date_dominant(text, found),
        credit_at=credit_position(text),
        agency_only=bool(agency and agency.group(1).casefold() in _AGENCIES),
        editor_initials=bool(_EDITOR_INITIALS.match(text)),
        place_line=bool(_PLACE_LINE.match(text)) and n <= 3,
        menu_like=is_menu_like(text, tokens, stops),
        gallery_counter=bool(_GALLERY.match(text)),
        list_item=(n <= 20 and bool(_LIST_START.match(text))) or (n <= 8 and bool(_NAME_VALUE.search(text))),
        repeats=1,
        same_as_previous=False,
        same_as_next=False,
    )


def measure_page(texts: list[str], now: datetime) -> list[Features]:
    """Features of every unit, with the repetition features filled in.
    ``now`` places relative times ("Преди 2 часа") so they are seen as
    times; the caller decides whether their values may be used."""
    keys = [line_key(t) for t in texts]
    counts = Counter(k for k in keys if k)
    result = []
    for i, text in enumerate(texts):
        f = measure(text, now)
        key = keys[i]
        result.append(replace(
            f,
            repeats=counts[key] if key else 1,
            same_as_previous=bool(key) and i > 0 and keys[i - 1] == key,
            same_as_next=bool(key) and i + 1 < len(keys) and keys[i + 1] == key,
        ))
    return result
