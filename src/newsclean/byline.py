"""Stage 5b: read the author names out of a byline line.

Three forms are read: a labelled byline ("Автор: Иван Петров", "Текст и
снимки: Мария Иванова | 12.03.2025") anywhere near the article, a line
that is nothing but one or more personal names ("Николай Станоев") in the
article's header, and a name right after the date that opens a blog's
meta line ("3 юли 2025 Теодора Величкова Култура Остави коментар").  The
labels and the words that are never names live in ``data/page_bg.toml``.
"""
from __future__ import annotations

from itertools import takewhile

import regex

from .tables import table
from .features import FIELD_SEPARATOR

_PAGE = table("page_bg")
_LABELS = sorted(_PAGE.phrases("byline_labels"), key=len, reverse=True)
_NOT_NAME = frozenset(w.casefold() for w in _PAGE.phrases("not_name_words"))
_SURNAME_END = _PAGE.phrases("surname_endings")
_LABEL = regex.compile(
    r"^(?:" + "|".join(regex.escape(l) for l in _LABELS) + r")\s*", regex.I
)
# "Публикувано на 12.03.2025 в 10:15 ч. от Иван Петров": names after a
# lower-case "от" that follows a date or time on the same line.
_LATE_FROM = regex.compile(r"\d(?:[\d.:,/\s]|г\.|ч\.|\sв\s)*\sот\s+(?=\p{Lu})")
# Where the names stop: a separator, a date or time (or the "в" before a
# time: "Публикувано от Надя Петрова в 21:14"), a bracket.
# What a line must hold for FIELD_SEPARATOR or _LATE_FROM to find
# anything: plain searches, far cheaper than the patterns on the many lines
# without them.
_FIELD_MARKS = "|•·"
_LATE_FROM_WORD = "от"
_TAIL = regex.compile(r"(?<!\s)\s*(?:[|•·/(\[]|\s[-–—]\s|\sв\s+\d|\d).*$")
_NAME_SPLIT = regex.compile(r"(?<!\s)\s*(?:,|;|\sи\s|\s&\s)\s*")
_TITLE = regex.compile(
    r"^(?:(?:" + "|".join(regex.escape(t) for t in _PAGE.phrases("name_titles")) + r")\s*)+", regex.I
)
_WORDS = regex.compile(r"\p{L}+")
_NAME_WORD = regex.compile(r"^\p{Lu}(?:\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?|\.)$")
_AGENCY_LABELS = frozenset(label.casefold() for label in _PAGE.phrases("agency_author_labels"))
# An agency's initials: "БТА", "БИА", "AFP".
_INITIALS = regex.compile(r"^\p{Lu}{2,6}$")


def _is_name(name: str) -> bool:
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(
        _NAME_WORD.match(p) and p.casefold() not in _NOT_NAME for p in parts
    )


def _name_pieces(text: str) -> list[str]:
    """The parts of a list of names: "Иван Петров, Мария Иванова и Петър
    Колев", each without a title before it ("адв.", "проф.")."""
    return [_TITLE.sub("", n.strip()) for n in _NAME_SPLIT.split(text.strip(" .,:;")) if n.strip()]


def _names(text: str) -> str | None:
    """The names when every part of the text is one."""
    names = _name_pieces(text)
    return ", ".join(names) if names and all(map(_is_name, names)) else None


def _leading_names(text: str) -> str | None:
    """The names before what a byline adds after them: a place or a role
    ("Ива Станчева, Русе", "Петя Радева, кореспондент в Мадрид")."""
    return ", ".join(takewhile(_is_name, _name_pieces(text))) or None


def labelled_byline(text: str) -> str | None:
    """Names after a byline label at the start of the line or of one of its
    fields, or None when the line holds no labelled byline."""
    for field in FIELD_SEPARATOR.split(text) if any(map(text.__contains__, _FIELD_MARKS)) else (text,):
        names = _after_label(field.strip())
        if names:
            return names
    late = _LATE_FROM.search(text) if _LATE_FROM_WORD in text else None
    return _names(_TAIL.sub("", text[late.end():])) if late else None


def _after_label(text: str) -> str | None:
    match = _LABEL.match(text)
    if not match or match.end() == 0:
        return None
    label = match.group(0).strip().casefold()
    rest = _TAIL.sub("", text[match.end():])
    if label in ("от",) and not rest[:1].isupper():
        return None
    if label in _AGENCY_LABELS and _INITIALS.match(rest.strip(" .")):
        return rest.strip(" .")
    return _leading_names(rest)


def name_after_date(text: str, date_end: int) -> str | None:
    """The name right after a line's opening date, as a blog's meta line
    prints it ("12 август 2024 Теодора Величкова Туризъм 2 коментара"):
    the first two or three capitalised words, each after the first with a
    family-name ending, so the category after the name stays out."""
    words = _TAIL.sub("", text[date_end:]).split()
    for size in (3, 2):
        candidate = words[:size]
        if len(candidate) == size and _is_name(" ".join(candidate)) and all(
                w.casefold().endswith(_SURNAME_END) for w in candidate[1:]):
            return " ".join(candidate)
    return None


def names_field(text: str) -> str | None:
    """The names of a packed meta line's field that holds nothing else
    ("18.11.2025 08:40 | Радослав Минчев | Прочитания: 1 284")."""
    fields = FIELD_SEPARATOR.split(text)
    if len(fields) < 2:
        return None
    return next((names for names in map(bare_names, (f.strip() for f in fields)) if names), None)


def bare_names(text: str) -> str | None:
    """The names when the whole line is one or more personal names."""
    if text.endswith(",") or len(text.split()) > 9 or any(ch.isdigit() for ch in text):
        return None
    names = _names(text)
    if names and all(_has_surname(n) for n in names.split(", ")):
        return names
    return None


def names_within(text: str) -> bool:
    """Some capitalised word of the text ends like a Bulgarian family name."""
    return any(word[:1].isupper() and word.casefold().endswith(_SURNAME_END) for word in _WORDS.findall(text))


def _has_surname(name: str) -> bool:
    return any(word.casefold().endswith(_SURNAME_END) for word in name.split()[1:])
