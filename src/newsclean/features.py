"""Stage 4a: measure each unit of a page, alone and against its neighbours.

Every feature is general: lengths, punctuation, the share of Bulgarian
function words, capitals and digits, date and time patterns, phrase families
of page furniture (``data/boilerplate_bg.toml``), and repetition (the title a
page prints twice, lines a page prints again and again).  Nothing here knows
any particular site.

A page has a few dozen units, most of them plain prose, so the cost is in
calling the same checks once per unit.  ``measure_page`` therefore scans
the page as one text (its units joined by line breaks) with patterns that
never cross a line: one search finds every sentence boundary, one every
credit marker, one every line that may hold a menu separator; a phrase or a
date hint that is nowhere on the page is not looked for in its units.
Checks that only a few units can pass run after a cheap necessary condition
(a first or last character, a word count, the letters of the line), and a
line key is taken only for lines that may share it.  Every shortcut gives
exactly what the plain check on the unit alone gives (tests/test_features.py
compares them).

``content_stems(text, stem)`` gives the crude stems of a text's content
words, which the headline, the caption and the body stages compare.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from datetime import datetime
from itertools import accumulate
from typing import NamedTuple

import regex

from . import dates
from .charclasses import is_common, spelt
from .furniture import WHOLE_LETTERS, Family, contained_phrases, line_furniture
from .marks import clip_credit, credit_position, credit_positions, may_hold_labels, strip_labels
from .tables import table

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")
# The same two patterns in plain ``re``, for text of the common blocks.
_COMMON_WORD = re.compile("[" + spelt("L") + "][" + spelt("L") + spelt("M") + "'’\\-]*")
# Sentence marks, and what may close a sentence after its mark: at the end
# of a unit, and before the next sentence inside it.
_MARKS = ".!?…"
_END_CLOSERS = "\"'“”„»«’)]"
# A sentence boundary inside a unit: a mark, closing quotes or brackets,
# spaces, then a capital (maybe after an opening quote).  Never crosses a
# line break, so it can run over a whole page.
_INNER_BOUNDARY = regex.compile(r"[.!?…][\"“”»)]*[^\S\n]+[\"„“«]?\p{Lu}")
# The run of non-space characters that ends where the match is asked to end.
_RUN_BEFORE = regex.compile(r"(?r)\S*")
_NOT_LETTERS = regex.compile(r"\P{L}+")
_EDITOR_INITIALS = regex.compile(r"^/\s*\p{Lu}{1,4}(\s*[,/]\s*\p{Lu}{1,4})*\s*/$")
_AGENCY_MARK = regex.compile(r"^\(?\s*(\p{Lu}[\p{L}]{1,10})\s*\)?$")
_PLACE_LINE = regex.compile(r"^\p{Lu}[\p{L}\- ]{1,30},$")
_KEY_WORD = regex.compile(r"[\p{L}\p{N}]+")
_COMMON_KEY_WORD = re.compile("[" + spelt("L") + spelt("N") + "]+")
_NAV_SEPARATOR = regex.compile(r"\s[|/>»›•·]\s")
# A separator character and the rest of its line: finds the lines that may
# hold a separator (a plain ``re`` character class scans fast).
_NAV_LINE = re.compile(r"[|/>»›•·][^\n]*")
_HAS_DIGIT_OR_BRACKET = re.compile(r"[\d(]")
# Fields of a packed meta line, and a field that is a label and its value.
FIELD_SEPARATOR = regex.compile(r"\s[|•·]\s")
# Any separator of a meta line's items, the slash of a section's path too.
_ANY_SEPARATOR = regex.compile(r"\s[|•·/]\s")
# After a schedule entry's date: a dash, then at least three words.
_SCHEDULE_ENTRY = regex.compile(r"\A\s*+[-–—]\s*+\p{L}\S*+(?:\s++\S++){2}")
_LABELLED_FIELD = regex.compile(r"\s*\p{L}+(?:\s\p{L}+){0,2}:\s")
_LIST_START = regex.compile(r"^(?:\d{1,3}[.)]?\s|[-–—•*▪·]\s)")
_NAME_VALUE = regex.compile(r"\s[–-]\s\S|^[^:]{1,40}:\s\S")
_NAME_VALUE_CHARS = "–-:"
_CUT_OFF = ("…", "..")
# A line of a report's facts: a score or a minute opening it ("0:1 Иван
# Петров (23')"), a list's heading ("Голове:"), a label over a list of
# names ("Съдия: Асен Гаргов", "Левски: Иванов, Петров, ..."), a result
# with its share ("Варна: Петър Събев – 54,2%").
_FACT_OPENING = regex.compile(r"^\d{1,3}(?:[:\-–]\d{1,3}|['’])(?!\d)")
_LABEL_OPENING = regex.compile(r"^[^:.!?]{1,40}:(?:\s|$)")
_FACT_MAX_WORDS = 40
_FACT_SHORT_WORDS = 6
_HAS_DIGIT = re.compile(r"\d")
_FACT_HEADING_MAX_WORDS = 4

_LANGUAGE = table("language_bg")
_PAGE = table("page_bg")
STOPWORDS = frozenset(_LANGUAGE.phrases("stopwords"))
_ABBREVIATIONS = frozenset(_LANGUAGE.phrases("abbreviations"))
_CLAUSE_WORDS = frozenset(_LANGUAGE.phrases("clause_words"))
_VERB_ENDINGS = _LANGUAGE.phrases("verb_endings")
_NOT_VERB_ENDINGS = _LANGUAGE.phrases("not_verb_endings")
_PRESENT_PLURAL_ENDINGS = _LANGUAGE.phrases("present_plural_endings")
_TIME_CLAUSE_OPENINGS = tuple(f"{opening} " for opening in _LANGUAGE.phrases("time_clause_openings"))
_PARTICIPLE_ENDINGS = _LANGUAGE.phrases("participle_endings")
_DEFINITE_PLURAL_ENDINGS = _LANGUAGE.phrases("definite_plural_endings")
QUESTION_WORDS = frozenset(_LANGUAGE.phrases("question_words"))
OPENING_QUOTES = _LANGUAGE.phrases("opening_quotes")
CLOSING_QUOTES = _LANGUAGE.phrases("closing_quotes")
PLACE_PREPOSITIONS = frozenset(_LANGUAGE.phrases("place_prepositions"))
_DATELINE_WORDS = frozenset(_PAGE.phrases("dateline_words")) | STOPWORDS
_AGENCIES = frozenset(a.casefold() for a in _PAGE.phrases("agencies"))
_GALLERY_WORDS = _PAGE.phrases("gallery_words")
_GALLERY = regex.compile(
    r"^(?:(?:" + "|".join(_GALLERY_WORDS) + r")\s+)?\d{1,3}\s*(?:от|/)\s*\d{1,3}$", regex.I
)
# "Снимка 3 от 12" or a bare "3 / 12": the gallery word's words and "от" at most.
_GALLERY_MAX_WORDS = max(len(_WORD.findall(w)) for w in _GALLERY_WORDS) + 1


class Features(NamedTuple):
    """What ``measure_page`` finds about one unit (a tuple: a page makes
    one per unit, and building a tuple is the cheapest)."""
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
    key: str | None         # line_key, when another line may share it or every_key was asked
    breadcrumb_end: str | None  # the last item, when the unit is a row of 3 or more items
    cut_off: bool           # ends in "…" or "..": a teaser's summary cut short
    fact_line: bool         # a line of a report's facts: a score, a list's heading, a labelled list or result


def words_of(text: str) -> list[str]:
    return (_COMMON_WORD if is_common(text) else _WORD).findall(text)


def _verb_like(word: str) -> bool:
    return len(word) > 3 and word.endswith(_VERB_ENDINGS) and not word.endswith(_NOT_VERB_ENDINGS)


def reads_as_clause(text: str) -> bool:
    """A word of a finite verb or one that comes with it ("е", "ще", "се")
    in the line's main part: the line says something happens, where a
    photo's description may only name what it shows ("Навесът над
    спирките"), maybe with a participle or a "when" clause after a comma
    ("Ръцете на бай Петко, побелели от брашното"; "Хижата рано сутринта,
    преди да пристигнат автобусите")."""
    return any(word in _CLAUSE_WORDS or _verb_like(word) for word in words_of(_main_part(text).casefold()))


def _main_part(text: str) -> str:
    """The text before a comma that opens a participle or a clause of time."""
    head, comma, tail = text.partition(", ")
    if not comma:
        return text
    lowered = tail.casefold()
    first = lowered.split(maxsplit=1)[0] if lowered.strip() else ""
    if lowered.startswith(_TIME_CLAUSE_OPENINGS) or (len(first) > 4 and first.isalpha()
                                                     and first.endswith(_PARTICIPLE_ENDINGS)):
        return head
    return text


def reads_as_scene(text: str, reach: int) -> bool:
    """Who does what right now, the way a news photo's caption tells it:
    people not named before ("Работници", not "Строителите") and, among
    the first ``reach`` words, a verb in the present plural, the line's
    only verb, with none of the words that come with other verb forms
    ("Работници полагат последните плочи пред портата"); "Строителите
    минават към втория етап" tells the story on, as a sub-heading does."""
    words = words_of(text.casefold())
    verbs = [i for i, word in enumerate(words) if _verb_like(word)]
    return (bool(verbs) and 0 < verbs[0] < reach and not words[verbs[0] - 1].endswith(_DEFINITE_PLURAL_ENDINGS)
            and not any(word in _CLAUSE_WORDS for word in words)
            and all(words[i].endswith(_PRESENT_PLURAL_ENDINGS) for i in verbs))


def line_key(text: str) -> str:
    """What two lines must share to count as the same line: letters and
    digits, lowercased, with head labels and a photo credit cut off."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut]
    lowered = strip_labels(text).casefold()
    return " ".join((_COMMON_KEY_WORD if is_common(lowered) else _KEY_WORD).findall(lowered))


def line_starts(lines: list[str]) -> list[int]:
    """Where each line begins in ``"\\n".join(lines)``."""
    return [0, *accumulate(len(line) + 1 for line in lines[:-1])] if lines else []


def line_of(starts: list[int], position: int) -> int:
    """The line holding ``position`` of the joined text (``starts`` from
    ``line_starts``)."""
    return bisect_right(starts, position) - 1


def _mark_ends_sentence(word: str, mark: str) -> bool:
    """Whether ``mark`` after ``word`` ends a sentence: a full stop after an
    abbreviation or an initial ("г.", "Св.", "И.") does not; "!", "?" and
    "…" always do."""
    if mark != ".":
        return True
    word = word.lstrip("(\"„“«").casefold()
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def ends_a_sentence(text: str) -> bool:
    """Whether the text ends a sentence: its last run of non-space
    characters ends in a sentence mark, then only closing quotes or
    brackets, and the mark ends a sentence after the word before it."""
    body = text.rstrip(_END_CLOSERS)
    if not body or body[-1] not in _MARKS:
        return False
    mark_at = len(body) - 1
    word_at = _RUN_BEFORE.match(text, 0, mark_at).start()  # type: ignore[union-attr]  # \S* always matches
    return _mark_ends_sentence(text[word_at:mark_at], body[-1])


def inner_sentence_ends(page: str, starts: list[int]) -> list[int]:
    """For each line of ``page`` (lines begin at ``starts``), how many
    sentences end inside it, before a next sentence on the same line.

    The boundary is looked for from the start of the word that carries the
    mark, and the search goes on after the capital that follows, so the
    word of that capital never carries a counted mark itself ("Да. Не. Може."
    holds one inner end, not two)."""
    counts = [0] * len(starts)
    searched_to = 0
    for m in _INNER_BOUNDARY.finditer(page):
        mark_at = m.start()
        word_at = _RUN_BEFORE.match(page, 0, mark_at).start()  # type: ignore[union-attr]  # \S* always matches
        if word_at < searched_to:
            continue
        searched_to = m.end()
        word = page[word_at:mark_at]
        if word.isdigit() and (word_at == 0 or page[word_at - 1] == "\n"):
            continue  # "1. Дебютният роман ...": a list number, not a sentence
        if _mark_ends_sentence(word, page[mark_at]):
            counts[line_of(starts, mark_at)] += 1
    return counts


def letters_of(words: list[str]) -> str:
    """The letters of a line in order, from its words (every letter of a
    line is in one of its words)."""
    joined = "".join(words)
    return joined if joined.isalpha() else _NOT_LETTERS.sub("", joined)


def _is_agency(text: str) -> bool:
    agency = _AGENCY_MARK.match(text)
    return bool(agency and agency.group(1).casefold() in _AGENCIES)


def _menu_like(text: str, separated: bool, words: int, stops: int) -> bool:
    """Menus and breadcrumbs: items of a few words between separators, or a
    row of capitalised words without a single function word, a digit, a
    bracket or a label's colon ("Помощник-съдии: Радослав Иванов, Христо Тошков") (a schedule's "17:30 Скит (Нови пазар) - Лозенец" is no menu).  ``separated``
    tells whether the text holds a separator at all."""
    if separated:
        pieces = _NAV_SEPARATOR.split(text)
        if len(pieces) >= 2 and all(len(words_of(p)) <= 3 for p in pieces) and not _two_values(pieces):
            return True
    return (words >= 4 and stops == 0 and not _HAS_DIGIT_OR_BRACKET.search(text) and ":" not in text
            and all(t[:1].isupper() for t in words_of(text)))


def _two_values(pieces: list[str]) -> bool:
    """A field with two values ("Бургас: 26° / 18°", "Добрич 12° / 27°,
    слънчево"): a fact, not a menu."""
    return len(pieces) == 2 and bool(_HAS_DIGIT.search(pieces[1])) and (
        ":" in pieces[0] or bool(_HAS_DIGIT.search(pieces[0])))


def breadcrumb_end(text: str) -> str | None:
    """The last item of a breadcrumb ("Начало » Прием » График на
    изпитите"), which on an article page is often the article's title;
    None when the text is no row of at least three items."""
    pieces = _NAV_SEPARATOR.split(text)
    return pieces[-1] if len(pieces) >= 3 else None


def _labels_another_date(text: str, date_at: int) -> bool:
    """The date opens a field whose label names something else than the
    page's publication ("Дата на твърдението: 28 януари 2023 г.",
    "Премиера: 8 януари 2026 г.", "Разпространено: ..."): a fact of an info
    box, not a dateline.  A label in a field of its own ("Автор: Иван
    Петров | 12.03.2025") governs no date."""
    label = _LABEL_OPENING.match(text, 0, date_at)
    if label is None or _ANY_SEPARATOR.search(text, 0, date_at):
        return False
    return any(w.casefold() not in _DATELINE_WORDS for w in words_of(label.group()))


def _date_dominant(text: str, found: tuple[dates.DateCandidate, ...]) -> bool:
    """Mostly a date: at most three words besides the dates and dateline
    words (but not an entry of a schedule, "5 април 2025, 9:00 ч. – Физика
    (тест), зала 3.02", where words follow the date after a dash), or a
    packed meta line whose fields are a date and labelled fields
    ("14.02.2025, 09:05 ч. | Източник: Морски лекарски вестник")."""
    if _labels_another_date(text, found[0].start):
        return False
    rest, last = [], 0
    for cand in found:
        rest.append(text[last:cand.start])
        last = cand.end
    rest.append(text[last:])
    leftover = [w for w in words_of(" ".join(rest)) if w.casefold() not in _DATELINE_WORDS]
    if len(leftover) <= 3:
        return not _SCHEDULE_ENTRY.match(rest[-1])
    bounds = [0, *(i for m in FIELD_SEPARATOR.finditer(text) for i in m.span()), len(text)]
    fields = list(zip(bounds[::2], bounds[1::2]))
    return len(fields) >= 2 and all(
        any(lo <= c.start < hi for c in found) or _LABELLED_FIELD.match(text, lo, hi)
        or len(words_of(text[lo:hi])) <= 3
        for lo, hi in fields)


def _is_list_item(text: str, words: int) -> bool:
    """Starts like a list entry (a number or a bullet, never a letter), or
    is short and holds a "name – value" or "name: value" pair."""
    return ((words <= 20 and not text[:1].isalpha() and bool(_LIST_START.match(text)))
            or (words <= 8 and any(map(text.__contains__, _NAME_VALUE_CHARS))
                and bool(_NAME_VALUE.search(text))))


def _is_fact_line(text: str, words: int, list_item: bool) -> bool:
    """A list entry, or a line of a report's facts (see _FACT_OPENING)."""
    if list_item or _FACT_OPENING.match(text):
        return True
    if 1 <= words <= _FACT_SHORT_WORDS and _HAS_DIGIT.search(text) and not text.endswith((".", "!", "?")):
        return True  # "Стадион „Тича“, 6 200 зрители"
    if text.endswith(":"):
        return words <= _FACT_HEADING_MAX_WORDS
    label = _LABEL_OPENING.match(text)
    return bool(label) and (text.count(",") >= 2 or "%" in text or words <= 8)


def lines_matching(pattern: re.Pattern, page: str, starts: list[int]) -> set[int]:
    """The lines of ``page`` (beginning at ``starts``) where ``pattern``
    matches; a pattern that runs on to the end of its line gives one match
    a line, however many a line holds."""
    return {line_of(starts, m.start()) for m in pattern.finditer(page)}


def _counts(words: list[str]) -> tuple[int, int, int, bool]:
    """From the casefolded words of a line: how many words and stopwords it
    has, the hash of its letters, and whether they are the letters of a
    "whole" phrase.  The words are dropped at once (a page of 50 MB has
    millions of them)."""
    letters = letters_of(words)
    return (len(words), sum(map(STOPWORDS.__contains__, words)), hash(letters),
            letters in WHOLE_LETTERS)


def _line_keys(texts: list[str], lowered: list[str], letter_hashes: list[int],
               credits: list[int], every: bool, common: bool) -> tuple[list[str | None], list[bool]]:
    """``line_key`` of each line whose key another line may share, or of
    every line when ``every`` (a site template is looked up by key); None
    for the others; and whether another line may share each key.  Two
    lines with one key have the same letters (a key keeps every letter of
    what it is taken from): when no other line has a line's letters, no
    other line has its key, and the key is not needed.
    Letters are compared by hash; two lines whose letters differ but share
    a hash only get a key that was not needed.  A line without a credit or
    a label has the words of its casefolded text for its key, which costs a
    quarter of ``line_key``.  ``common``: every line ``is_common``."""
    cut = {i: line_key(t) for i, t in enumerate(texts) if credits[i] > 0 or may_hold_labels(t)}
    key_words = (_COMMON_KEY_WORD if common else _KEY_WORD).findall
    key_letters = [hash(_NOT_LETTERS.sub("", cut[i])) if i in cut else letter_hashes[i]
                   for i in range(len(texts))]
    seen = Counter(key_letters)
    shared = [seen[letters] >= 2 for letters in key_letters]
    return [None if not shared[i] and not every
            else cut[i] if i in cut
            else " ".join(key_words(lowered[i]))
            for i in range(len(texts))], shared


class _PageScan(NamedTuple):
    inner: list[int]        # sentence ends inside each line
    separated: set[int]     # the lines that may hold a menu separator
    dated: set[int]         # the lines that may hold a date
    odd_mark: bool          # whether the page holds U+0345 (see measure_page)


def _scan_page(texts: list[str]) -> _PageScan:
    """What scans of the page's lines joined find.  The joined text lives
    only here: a page may be 50 MB."""
    page = "\n".join(texts)
    if page.count("\n") != len(texts) - 1:
        raise ValueError("a unit holds a line break")
    starts = line_starts(texts)
    return _PageScan(inner_sentence_ends(page, starts), lines_matching(_NAV_LINE, page, starts),
                     lines_matching(dates.DATE_HINT, page, starts), "\u0345" in page)


class _WordColumns(NamedTuple):
    words: list[int]
    stops: list[int]
    credits: list[int]
    keys: list[str | None]      # see _line_keys
    shared: list[bool]          # whether another line may share the key
    furniture: list[tuple[Family | None, bool]]


def _word_columns(texts: list[str], odd_mark: bool, every_key: bool) -> _WordColumns:
    """The features read from the casefolded lines.  These live only here
    (a page may be 50 MB), and are casefolded one by one: casefold takes a
    scratch buffer of 12 bytes a character of its text."""
    lowered = [text.casefold() for text in texts]
    folded = "\n".join(lowered)
    contained = contained_phrases(folded)
    credits = [0 if at < 0 and clip_credit(text) else at
               for at, text in zip(credit_positions(folded, line_starts(lowered)), texts)]
    common = is_common(folded)
    find_words = (_COMMON_WORD if common else _WORD).findall
    del folded
    # The words of a lowered line are the lowered words of the line
    # (casefolding keeps every word one word), but for U+0345, a mark that
    # casefolds to a letter and so may make a word more.
    words, stops, letter_hashes, may_be_whole = map(
        list, zip(*(_counts(find_words(line)) for line in lowered)))
    if odd_mark:
        words, stops, _, _ = map(list, zip(*(_counts([w.casefold() for w in _WORD.findall(t)])
                                             for t in texts)))
    return _WordColumns(words, stops, credits, *_line_keys(texts, lowered, letter_hashes, credits, every_key, common),
                        [line_furniture(line, may_be_whole[i], words[i], contained)
                         for i, line in enumerate(lowered)])


def measure_page(texts: list[str], now: datetime, every_key: bool = False, keep: bool = False) -> list[Features]:
    """Features of every unit, with the repetition features filled in.
    ``now`` places relative times ("Преди 2 часа") so they are seen as
    times; the caller decides whether their values may be used.  Units are
    lines: none may hold a line break.  With ``every_key`` each unit's
    ``key`` is filled in, else only of units whose key another may share.

    With ``keep`` (and ``every_key``) what does not depend on ``now`` is
    kept for the next measuring of the same lines: a page of a template's
    sample is measured to learn the template, then again, against its own
    clock, when it is extracted; only its dates are read again then."""
    if not texts:
        return []
    measured = _KEPT.pop(tuple(texts), None) if _KEPT else None
    if measured is None:
        measured = _measure(texts, every_key or keep)
        if keep:
            _keep(texts, measured)
    return _with_clock(measured, texts, now, every_key)


class _Measured(NamedTuple):
    """What ``measure_page`` finds that does not depend on its clock."""
    columns: dict[str, list]    # every feature but the dates' and the keys'
    dated: set[int]             # the lines that may hold a date
    keys: list[str | None]      # see _line_keys
    shared: list[bool]          # whether another line may share the key


def _measure(texts: list[str], every_key: bool) -> _Measured:
    inner, separated, dated, odd_mark = _scan_page(texts)
    n_words, stops, credits, keys, shared, furniture = _word_columns(texts, odd_mark, every_key)
    list_items = list(map(_is_list_item, texts, n_words))
    columns: dict[str, list] = {
        "words": n_words,
        "stop_ratio": [s / n if n else 0.0 for s, n in zip(stops, n_words)],
        "ends_sentence": list(map(ends_a_sentence, texts)),
        "sentences": [count + 1 for count in inner],
        "furniture": [family for family, _ in furniture],
        "furniture_by_phrase_inside": [inside for _, inside in furniture],
        "credit_at": credits,
        "list_item": list_items,
        **_mark_columns(texts, n_words),
        **_row_columns(texts, n_words, stops, separated, list_items),
    }
    return _Measured(columns, dated, keys, shared)


def _with_clock(measured: _Measured, texts: list[str], now: datetime, every_key: bool) -> list[Features]:
    """The features of ``measured`` lines, with their dates read against
    ``now`` and their keys as ``every_key`` asks."""
    found = [tuple(dates.find_dates(t, now)) if i in measured.dated else () for i, t in enumerate(texts)]
    keys = measured.keys if every_key else [k if s else None for k, s in zip(measured.keys, measured.shared)]
    columns = {
        **measured.columns,
        "date_candidates": found,
        "date_dominant": [bool(f) and _date_dominant(t, f) for t, f in zip(texts, found)],
        "key": keys,
        **_repetition_columns(keys),
    }
    return list(map(Features._make, zip(*_in_field_order(columns))))


# Pages kept by measure_page(keep=True), oldest first: at most a template's
# sample of small pages, each taken out when it is measured again.
_KEPT: dict[tuple[str, ...], _Measured] = {}
_KEPT_PAGES = 256
_KEPT_PAGE_CHARS = 100_000


def _keep(texts: list[str], measured: _Measured) -> None:
    if sum(map(len, texts)) > _KEPT_PAGE_CHARS:
        return  # a page this large costs more memory kept than time measured again
    while len(_KEPT) >= _KEPT_PAGES:
        del _KEPT[next(iter(_KEPT))]
    _KEPT[tuple(texts)] = measured


def _mark_columns(texts: list[str], n_words: list[int]) -> dict[str, list]:
    """Features of short marks: an agency, editor initials, a dateline's
    place, a gallery counter, a cut-off summary."""
    return {
        "agency_only": [n == 1 and _is_agency(t) for t, n in zip(texts, n_words)],
        "editor_initials": [t[:1] == "/" and bool(_EDITOR_INITIALS.match(t)) for t in texts],
        "place_line": [n <= 3 and t[-1:] == "," and bool(_PLACE_LINE.match(t)) for t, n in zip(texts, n_words)],
        "gallery_counter": [n <= _GALLERY_MAX_WORDS and bool(_GALLERY.match(t)) for t, n in zip(texts, n_words)],
        "cut_off": [t.endswith(_CUT_OFF) for t in texts],
    }


def _row_columns(texts: list[str], n_words: list[int], stops: list[int], separated: set[int],
                 list_items: list[bool]) -> dict[str, list]:
    """Features of rows of items: a menu, a breadcrumb's last item, a fact line."""
    return {
        "menu_like": [(i in separated or (n >= 4 and s == 0)) and _menu_like(t, i in separated, n, s)
                      for i, (t, n, s) in enumerate(zip(texts, n_words, stops))],
        "breadcrumb_end": [breadcrumb_end(t) if i in separated else None for i, t in enumerate(texts)],
        "fact_line": [n <= _FACT_MAX_WORDS and _is_fact_line(t, n, item)
                      for t, n, item in zip(texts, n_words, list_items)],
    }


def _repetition_columns(keys: list[str | None]) -> dict[str, list]:
    """How often the page prints each line, and whether next to itself."""
    counts = Counter(k for k in keys if k)
    return {
        "repeats": [counts[k] if k else 1 for k in keys],
        "same_as_previous": [bool(k) and k == before for k, before in zip(keys, [None, *keys])],
        "same_as_next": [bool(k) and k == after for k, after in zip(keys, [*keys[1:], None])],
    }


def _in_field_order(columns: dict) -> list:
    """The columns in the order of the fields of Features; a column missing
    or one too many is a bug that must not swap two features silently."""
    if columns.keys() != set(Features._fields):
        raise ValueError(f"feature columns differ from Features' fields: {sorted(columns.keys() ^ set(Features._fields))}")
    return [columns[name] for name in Features._fields]


# A number, kept whole among a line's content stems: "12,5%", "2:1".
_NUMBER = regex.compile(r"\d+(?:[.,:]\d+)*%?")


def content_stems(text: str, stem: int) -> set[str]:
    """The crude stems of the words that carry content: words of four or
    more letters that are no function words, cut to ``stem`` letters
    ("Путин", "Путина" share "путин"), and numbers."""
    folded = text.casefold()
    if len(folded) == len(text) and "\u0345" not in text:
        # Casefolding changed no character into several, and only U+0345
        # casefolds from a mark to a letter: the words of the casefolded
        # text are the casefolded words, each as long as before.  One
        # casefold and one scan, and each word looked at once.
        words = set(words_of(folded)) - STOPWORDS
        stems = {word[:stem] for word in words if len(word) >= 4}
    else:
        stems = {w.casefold()[:stem] for w in words_of(text) if len(w) >= 4 and w.casefold() not in STOPWORDS}
    return stems | set(_NUMBER.findall(text))
