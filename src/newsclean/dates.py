"""Find and read the dates written on Bulgarian news pages.

Approach, in four steps:

1. Cheap gate. ``DATE_HINT`` is one precompiled regex search for a
   4-digit number starting with 1 or 2 (a possible year) or a word that
   starts a relative form ("преди", "вчера", "днес"). Every form read below
   contains one of them, so a block without a hint costs one search (and
   ``features`` gates a whole page's lines with one scan). The pattern
   begins with a single character class so the engine skips quickly.
2. Candidate regexes, tried only near the hints ("anchors"). Absolute forms
   (ISO 8601; time before a date; day.month.year; Roman-numeral months; day +
   month name + year and month name + day + year, each optionally followed by
   a time) all hold a year: one regex searches a short window around each
   year anchor. Relative forms ("преди 2 часа", "вчера, 14:30") start at their
   anchor word and are tried once, there. An anchored regex reads the
   crawler's " date 2025-09-03" line at the very start of the text. Numbers
   glued to other numbers (versions, IP addresses, ISBNs, phone numbers) are
   kept out by look-arounds, a "time" followed by a unit ("12.50 лв.",
   "12.45 сек.") is not a time, and a year or a time alone is never a date
   (except a labelled time such as "Обновена в 15:42" after a dated candidate
   in the same text, which takes that candidate's day). Every quantifier is
   bounded and no quantified group contains another quantifier, so matching
   stays linear on any input; word lists become prefix trees.
3. Calendar validation, only on matches: ``datetime.date`` rejects 31.02 and
   29.02 of common years, years outside the table's range are dropped, and
   with a ``now`` anything later than ``now`` + 1 day is dropped. Relative
   expressions are resolved against ``now`` with ``dateutil.relativedelta``
   (never guessed when ``now`` is None).
4. Sofia offset. A written time is Europe/Sofia wall-clock time; its offset
   (+02:00, or +03:00 in summer) comes from ``zoneinfo`` for that day. ISO
   values with "Z" or another offset are converted to Sofia time. A local
   time that does not exist or exists twice on a switch day gets the offset
   in force before the switch (``fold=0``).

A label written just before a date ("Публикувано:", "ОБНОВЕНА", "Последна
промяна:") sets the candidate's ``kind``. All words (months, weekdays,
labels, relative units) live in ``data/dates_bg.toml``; none are in the code.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Sequence, cast
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from .tables import table

__all__ = [
    "DATE_HINT",
    "DateCandidate",
    "SOFIA",
    "closing_time",
    "crawler_prefix_end",
    "find_dates",
    "pick_article_dates",
    "relative_on_day",
]

SOFIA = ZoneInfo("Europe/Sofia")

_TABLE = table("dates_bg")


@dataclass(frozen=True)
class DateCandidate:
    start: int  # char offset of the match in the text given
    end: int
    value: str  # ISO 8601: "2026-02-05", "2025-09-03T09:32:00+03:00", "2024-06"
    kind: str  # "published" | "updated" | "plain"
    relative: bool  # from "преди 2 часа", "вчера, 14:30"
    crawler: bool  # from the crawler's " date 2025-09-03" line at the start


# --------------------------------------------------------------------------
# Building blocks of the patterns

_H = r"[^\S\n]"  # horizontal white space (a date and its time share a line)
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
# Not glued to a preceding number ("1.03.09.2025", "978-2018-12-30").
_LB_NUM = r"(?<!\d)(?<!\d[.,:/\-])"
# Not glued to a following number ("1.1.2025.3", "2025-09-03-1").
_LA_YEAR = r"(?!\d)(?![./\-]\d)"


def _alt(words) -> str:
    """Whole-word alternation of ``words`` as a prefix tree.

    A tree makes the engine compare about one character per word start
    instead of trying every word in turn, and longer words are tried before
    their prefixes ("февруари" before "фев"). A space in a phrase matches 1-3
    spaces; a word ending in a letter needs a word boundary after it.
    """
    tree: dict = {}
    if not words:
        return "(?!)"
    for word in {w.lower() for w in words}:
        node = tree
        chars = list(" ".join(word.split()))
        for ch in chars:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict, last: str) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            head = _H + "{1,3}" if ch == " " else re.escape(ch)
            branches.append(head + emit(node[ch], ch))
        if "" in node:
            branches.append(_NOT_BEFORE_LETTER if last.isalnum() else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    first = "".join(sorted(k for k in tree if k != " "))
    guard = "(?=[" + re.escape(first) + "])" if len(first) > 3 else ""
    return "(?:" + guard + emit(tree, "") + ")"


_MIN_YEAR = int(_TABLE.value("min_year"))
_MAX_YEAR = int(_TABLE.value("max_year"))
# The hint finds 4-digit years starting with 1 or 2.
_TABLE.require(1000 <= _MIN_YEAR <= _MAX_YEAR <= 2999, "min_year and max_year must be 4-digit years from 1000 to 2999")

_MONTH_BY_NAME: dict[str, int] = {
    name.lower(): int(number)
    for number, names in _TABLE.value("months").items()
    for name in names
}
_ROMAN_BY_NAME: dict[str, int] = {
    name.upper(): index + 1 for index, name in enumerate(_TABLE.phrases("roman_months"))
}
_REL = _TABLE.value("relative")
_DAY_WORDS: dict[str, int] = {k.lower(): int(v) for k, v in _REL["day_words"].items()}
_NUMBER_WORDS: dict[str, int] = {k.lower(): int(v) for k, v in _REL["numbers"].items()}
_UNIT_BY_WORD: dict[str, tuple[str, bool]] = {}
_SINGULAR_UNITS: set[str] = set()
for _unit in _REL["units"]:
    for _w in _unit["words"]:
        _UNIT_BY_WORD[_w.lower()] = (_unit["field"], bool(_unit["timed"]))
    _SINGULAR_UNITS.update(w.lower() for w in _unit.get("singular", []))

_MONTHS = _alt(_MONTH_BY_NAME)
_ROMANS = "(?:" + "|".join(
    sorted((re.escape(r) for r in _ROMAN_BY_NAME), key=len, reverse=True)
) + ")"
_YEAR_SUFFIX = "(?:" + _H + "{0,2}" + _alt(_TABLE.phrases("year_suffixes")) + ")?"
_TIME_SUFFIX = "(?:" + _H + "{0,2}" + _alt(_TABLE.phrases("time_suffixes")) + ")?"
_TIME_BLOCK = "(?!" + _H + "{0,2}" + _alt(_TABLE.phrases("time_blockers")) + ")"
_DT_CONN = _alt(_TABLE.phrases("date_time_connectors"))
_TD_CONN = _alt(_TABLE.phrases("time_date_connectors"))
_DASHES = r"[,|/\-–—•·]"

# Date, then its time: "03.09.2025 09:32", "12 май 2024, 14:08", "… г., 9:32 ч.",
# "03.09.2025 в 09:32", "03.09.2025 | 09:32".
_SEP_DATE_TIME = (
    "(?:" + _H + "{0,3}" + _DASHES + _H + "{0,3}(?:" + _DT_CONN + _H + "{1,3})?"
    "|" + _H + "{1,3}(?:" + _DT_CONN + _H + "{1,3})?)"
)
# Time, then its date: "09:32, 03.09.2025", "10:25 - 30.01.2026", "12:04 на 03.09.2025".
_SEP_TIME_DATE = (
    "(?:" + _H + "{0,3}" + _DASHES + _H + "{0,3}"
    "|" + _H + "{1,3}" + _TD_CONN + _H + "{1,3}"
    "|" + _H + "{1,3})"
)


def _time(p: str) -> str:
    """A wall-clock time "9:32", "09.32", "9,32 ч.", "09:32:15" (groups <p>h, <p>mi, <p>s)."""
    return (
        rf"(?P<{p}h>[01]?\d|2[0-3])[:.,](?P<{p}mi>[0-5]\d)(?::(?P<{p}s>[0-5]\d))?"
        r"(?!\d)(?![.,:]\d)" + _TIME_SUFFIX + _TIME_BLOCK
    )


def _iso_time(p: str) -> str:
    """ "T09:32", "T09:32:15.123", optionally "Z" / "+03:00" / "+0300" / "+03"."""
    return (
        rf"[T ](?P<{p}h>[01]\d|2[0-3]):(?P<{p}mi>[0-5]\d)"
        rf"(?::(?P<{p}s>[0-5]\d)(?:\.\d{{1,9}})?)?"
        rf"(?P<{p}z>Z|[+\-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?(?!\d)"
    )


def _dmy(p: str) -> str:
    """ "03.09.2025", "3.9.2025 г.", "03/09/2025", "03-09-2025"."""
    return (
        _LB_NUM + rf"(?P<{p}d>\d{{1,2}})(?P<{p}sep>[./\-])(?P<{p}m>\d{{1,2}})"
        rf"(?P={p}sep)(?P<{p}y>\d{{4}})" + _LA_YEAR + _YEAR_SUFFIX
    )


def _dmy_short(p: str) -> str:
    """ "14.03.25", the year in two digits (20yy), as teaser lists and
    datelines print it ("27.05.23 23:14 | Спорт"); dots only."""
    return (
        _LB_NUM + rf"(?P<{p}d>\d{{1,2}})\.(?P<{p}m>\d{{1,2}})\.(?P<{p}y>\d\d)" + _LA_YEAR + _YEAR_SUFFIX
    )


def _roman(p: str) -> str:
    """ "5.II.2026", "5. II. 2026 г."."""
    return (
        _LB_NUM + rf"(?P<{p}d>\d{{1,2}})\.{_H}?(?P<{p}r>{_ROMANS})\.{_H}?"
        rf"(?P<{p}y>\d{{4}})" + _LA_YEAR + _YEAR_SUFFIX
    )


def _day_month_year(p: str) -> str:
    """ "5 Февруари, 2026", "05 фев 2026", "5. февруари 2026 г."."""
    return (
        _LB_NUM + rf"(?P<{p}d>\d{{1,2}})(?:\.?{_H}{{1,3}}|\.)(?P<{p}mon>{_MONTHS})"
        rf"(?:\.?,?{_H}{{1,3}}|\.)(?P<{p}y>\d{{4}})" + _LA_YEAR + _YEAR_SUFFIX
    )


def _month_day_year(p: str) -> str:
    """ "фев. 5, 2026", "Февруари 5 2026"."""
    return (
        _NOT_AFTER_LETTER + rf"(?P<{p}mon>{_MONTHS})\.?{_H}{{1,3}}(?P<{p}d>\d{{1,2}})"
        rf"(?!\d),?{_H}{{1,3}}(?P<{p}y>\d{{4}})" + _LA_YEAR + _YEAR_SUFFIX
    )


def _then_time(p: str) -> str:
    return "(?:" + _SEP_DATE_TIME + _time(p) + ")?"


_ALTERNATIVES = [
    # ISO 8601, date or date-time, possibly with an offset.
    ("iso", _LB_NUM + r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})" + _LA_YEAR
     + "(?:" + _iso_time("isot_") + "|" + _SEP_DATE_TIME + _time("isob_") + ")?"),
    # A time before its date.
    ("tf", _LB_NUM + _time("tft_") + _SEP_TIME_DATE
     + "(?:" + _dmy("tfn_") + "|" + _roman("tfr_") + "|" + _day_month_year("tfm_")
     + "|" + _month_day_year("tfk_") + ")"),
    ("dmy", _dmy("dmy_") + _then_time("dmyt_")),
    ("dmys", _dmy_short("dmys_") + _then_time("dmyst_")),
    ("rom", _roman("rom_") + _then_time("romt_")),
    ("dmon", _day_month_year("dmon_") + _then_time("dmont_")),
    ("mond", _month_day_year("mond_") + _then_time("mondt_")),
    # "преди 5 минути", "Преди 2 часа", "преди час", "преди два дни".
    ("rel", _NOT_AFTER_LETTER + _alt(_REL["ago"]) + _H + "{1,3}"
     + r"(?:(?P<rel_n>\d{1,3})" + _H + "{0,3}|(?P<rel_w>" + _alt(_NUMBER_WORDS) + ")"
     + _H + "{1,3})?(?P<rel_u>" + _alt(_UNIT_BY_WORD) + ")"),
    # "вчера, 14:30", "днес в 09:15".
    ("dw", _NOT_AFTER_LETTER + "(?P<dw_w>" + _alt(_DAY_WORDS) + ")" + _SEP_DATE_TIME
     + _time("dwt_")),
]

# Every absolute form holds a year (found by the hint regex, the "anchor");
# the relative forms start with a word the hint regex also finds. So the
# scanner only looks near anchors: for a year, it searches a short window
# around it with _YEAR_RE (the date starts at most _BACK characters before the
# year and ends at most _FWD after it); for a word, it tries _WORD_RE once,
# at the word. Both dispatch on their first character before trying the
# alternatives.
_YEAR_FORMS = ("dmy", "tf", "iso", "rom", "dmon", "dmys")  # most frequent first
_FORMS = dict(_ALTERNATIVES)
_MONTH_FIRST = "".join(sorted({w[0] for w in _MONTH_BY_NAME}))
_YEAR_RE = re.compile(
    r"(?=\d)" + _LB_NUM + "(?:"
    + "|".join(f"(?P<A_{n}>{_FORMS[n]})" for n in _YEAR_FORMS)
    + r")|\b(?=[" + re.escape(_MONTH_FIRST) + "])"
    + "".join(f"(?P<A_{n}>{p})" for n, p in _ALTERNATIVES if n == "mond"),
    re.IGNORECASE,
)
_WORD_RE = re.compile(
    "|".join(f"(?P<A_{n}>{p})" for n, p in _ALTERNATIVES if n in ("rel", "dw")),
    re.IGNORECASE,
)
_BACK = 64
_FWD = 96

_CRAWLER_RE = re.compile(
    r"\A\ufeff?\s{0,3}" + re.escape(_TABLE.value("crawler_prefix")) + _H + "{1,3}"
    # A time after a space is the crawler's only when it ends the line: in
    # " date 2026-05-17 21:58 - 17.05.2026 | Спорт" it opens the page's own
    # dateline, glued on.
    r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:(?:(?=T)|(?=[ ][\d:.+\-Z]+\s*\Z))" + _iso_time("t_") + ")?)?"
    + _LA_YEAR,
    re.IGNORECASE,
)


def _hint_pattern() -> str:
    """A 4-digit number starting with 1 or 2, a date with a two-digit year,
    or a word that starts a relative form.

    Written as one character class followed by look-behind branches so that
    the regex engine can skip quickly over characters that cannot start a hit.
    """
    words = sorted({w.lower() for w in list(_REL["ago"]) + list(_DAY_WORDS)})
    first = "0123456789" + "".join(sorted({c for w in words for c in (w[0], w[0].upper())}))
    # A year; or a short date "14.03.25" (found from its day's first digit).
    branches = [r"(?<=[12])\d\d\d", r"(?<=\d)\d?\.\d\d?\.\d\d(?![\d.])"]
    for w in words:
        cls = re.escape(w[0] + w[0].upper())
        branches.append(f"(?<=[{cls}])(?i:{re.escape(w[1:])})")
    return "[" + re.escape(first) + "](?:" + "|".join(branches) + ")"


# Public so that a page's lines can be gated in one scan of the whole page:
# a hit never holds a line break, so the lines with a hit are exactly the
# lines on which ``find_dates`` can find something.
DATE_HINT = re.compile(_hint_pattern())

# A label directly before a date (the window ends where the date starts).
_GAP = r"[\s:,.\-–—|]{0,5}"
_LABEL = (
    "(?:(?P<published>" + _alt(_TABLE.phrases("labels", "published")) + ")"
    + "|(?P<updated>" + _alt(_TABLE.phrases("labels", "updated")) + "))"
    + _GAP + "(?:" + _alt(_TABLE.phrases("labels", "connectors")) + _GAP + ")?"
)
_LABEL_RE = re.compile(
    _NOT_AFTER_LETTER + _LABEL
    + "(?:" + _alt(_TABLE.phrases("weekdays", "names")) + _GAP + r")?\Z",
    re.IGNORECASE,
)
_LABEL_WINDOW = 72

# A label and a bare time ("Публикувана: 12.03.2025 09:10 | Обновена в 15:42"):
# the time is read on the day of the nearest dated candidate before it.
_LABELLED_TIME_RE = re.compile(r"\b" + _LABEL + _LB_NUM + _time("lt_"), re.IGNORECASE)


# --------------------------------------------------------------------------
# Values


def _as_sofia(now: datetime) -> datetime:
    """``now`` in Sofia time; a naive ``now`` is taken as Sofia wall-clock time."""
    if now.tzinfo is None:
        return now.replace(tzinfo=SOFIA)
    return now.astimezone(SOFIA)


@functools.lru_cache(maxsize=4096)
def _calendar_day(y: int, mo: int, d: int) -> date | None:
    """The day, if it exists and its year is in range (cached: pages repeat days)."""
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _day(y: int, mo: int, d: int, limit: datetime | None) -> str | None:
    day = _calendar_day(y, mo, d)
    if day is None or (limit is not None and day > limit.date()):
        return None
    return day.isoformat()


def _stamp(moment: datetime, limit: datetime | None) -> str | None:
    """An aware datetime as Sofia ISO text, after the range checks."""
    local = moment.astimezone(SOFIA)
    if not _MIN_YEAR <= local.year <= _MAX_YEAR:
        return None
    if limit is not None and local > limit:
        return None
    return local.isoformat(timespec="seconds")


@functools.lru_cache(maxsize=4096)
def _sofia_moment(y: int, mo: int, d: int, h: int, mi: int,
                  s: int) -> tuple[datetime, str] | None:
    """A Sofia wall-clock time and its ISO text (cached: pages repeat times)."""
    if _calendar_day(y, mo, d) is None:
        return None
    moment = datetime(y, mo, d, h, mi, s, tzinfo=SOFIA)
    return moment, moment.isoformat(timespec="seconds")


def _timed(y: int, mo: int, d: int, h: int, mi: int, s: int,
           limit: datetime | None) -> str | None:
    found = _sofia_moment(y, mo, d, h, mi, s)
    if found is None or (limit is not None and found[0] > limit):
        return None
    return found[1]


def _offset(text: str) -> timezone:
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:]) if len(digits) > 2 else 0)
    return timezone(sign * timedelta(minutes=minutes))


def _gi(m: re.Match, name: str) -> int:
    return int(m.group(name))


def _with_time(m: re.Match, y: int, mo: int, d: int, tp: str,
               limit: datetime | None) -> str | None:
    """Day value, or timed value when the time group with prefix ``tp`` matched."""
    h, mi, s = m.group(tp + "h", tp + "mi", tp + "s")
    if h is None:
        return _day(y, mo, d, limit)
    return _timed(y, mo, d, int(h), int(mi), int(s) if s else 0, limit)


def _name_key(text: str) -> str:
    return " ".join(text.lower().split())


def _ymd(m: re.Match, p: str, form: str) -> tuple[int, int, int] | None:
    """Year, month, day from one of the date sub-patterns with prefix ``p``."""
    if form in ("dmy", "dmys"):
        y, mo, d = m.group(p + "y", p + "m", p + "d")
        return int(y) + (2000 if form == "dmys" else 0), int(mo), int(d)
    y, name, d = m.group(p + "y", p + ("r" if form == "rom" else "mon"), p + "d")
    month = (_ROMAN_BY_NAME.get(name.upper()) if form == "rom"
             else _MONTH_BY_NAME.get(_name_key(name)))
    if month is None:
        return None
    return int(y), month, int(d)


_SPLIT_PREFIXES = {"dmy": ("dmy_", "dmyt_"), "dmys": ("dmys_", "dmyst_"), "rom": ("rom_", "romt_"),
                   "dmon": ("dmon_", "dmont_"), "mond": ("mond_", "mondt_")}
_TF_DATES = (("tfn_", "dmy"), ("tfr_", "rom"), ("tfm_", "dmon"), ("tfk_", "mond"))


def _aware(y: int, mo: int, d: int, h: int, mi: int, s: int, zone: str | None,
           limit: datetime | None) -> str | None:
    """A written date and time as Sofia ISO text: Sofia wall-clock time
    without a ``zone``, else converted from the offset it names ("Z",
    "+03:00")."""
    if zone is None:
        return _timed(y, mo, d, h, mi, s, limit)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    try:
        moment = datetime(y, mo, d, h, mi, s, tzinfo=_offset(zone))
    except ValueError:
        return None
    return _stamp(moment, limit)


_Read = Callable[[re.Match, str, "datetime | None", "datetime | None"], "str | None"]


def _read_split(m: re.Match, form: str, now: datetime | None, limit: datetime | None) -> str | None:
    """A day written as day.month.year or with a month's name or Roman
    numeral, maybe with a time after it."""
    p, tp = _SPLIT_PREFIXES[form]
    ymd = _ymd(m, p, form)
    return _with_time(m, *ymd, tp, limit) if ymd else None


def _read_iso(m: re.Match, form: str, now: datetime | None, limit: datetime | None) -> str | None:
    y, mo, d = _gi(m, "iso_y"), _gi(m, "iso_m"), _gi(m, "iso_d")
    if m.group("isot_h") is None:
        return _with_time(m, y, mo, d, "isob_", limit)
    s = m.group("isot_s")
    return _aware(y, mo, d, _gi(m, "isot_h"), _gi(m, "isot_mi"), int(s) if s else 0, m.group("isot_z"), limit)


def _read_time_first(m: re.Match, form: str, now: datetime | None, limit: datetime | None) -> str | None:
    """A time, then its date in one of the day forms."""
    for p, day_form in _TF_DATES:
        if m.group(p + "d") is not None:
            ymd = _ymd(m, p, day_form)
            return _with_time(m, *ymd, "tft_", limit) if ymd else None
    return None


def _read_ago(m: re.Match, form: str, now: datetime | None, limit: datetime | None) -> str | None:
    """"преди 2 часа": ``now`` less the amount, to the minute for units of
    time, to the day for days and longer; none without ``now``."""
    if now is None:
        return None
    local_now = _as_sofia(now)
    field, timed = _UNIT_BY_WORD[_name_key(m.group("rel_u"))]
    if m.group("rel_n") is not None:
        amount = int(m.group("rel_n"))
    elif m.group("rel_w") is not None:
        amount = _NUMBER_WORDS[_name_key(m.group("rel_w"))]
    elif _name_key(m.group("rel_u")) in _SINGULAR_UNITS:
        amount = 1
    else:
        return None
    back: dict[str, Any] = {field: amount}  # relativedelta(hours=2), (days=3), ...
    if timed:
        moment = local_now.astimezone(timezone.utc) - relativedelta(**back)
        return _stamp(moment.replace(second=0, microsecond=0), limit)
    day = local_now.date() - relativedelta(**back)
    return _day(day.year, day.month, day.day, limit)


def _read_day_word(m: re.Match, form: str, now: datetime | None, limit: datetime | None) -> str | None:
    """"вчера, 14:30": the day named, counted back from ``now``; none
    without ``now``."""
    if now is None:
        return None
    day = _as_sofia(now).date() - relativedelta(days=_DAY_WORDS[m.group("dw_w").lower()])
    return _with_time(m, day.year, day.month, day.day, "dwt_", limit)


# How each form of the master regex is read, and whether it is relative to ``now``.
_READERS: dict[str, tuple[_Read, bool]] = {
    **{form: (_read_split, False) for form in _SPLIT_PREFIXES},
    "iso": (_read_iso, False),
    "tf": (_read_time_first, False),
    "rel": (_read_ago, True),
    "dw": (_read_day_word, True),
}


def _value(m: re.Match, now: datetime | None,
           limit: datetime | None) -> tuple[str | None, bool]:
    """(ISO value or None, relative?) for one match of the master regex;
    relative forms are never guessed without a ``now``."""
    form = cast(str, m.lastgroup)[2:]  # every alternative of the master pattern is a named group
    read, relative = _READERS[form]
    return read(m, form, now, limit), relative


def _kind(text: str, start: int, floor: int) -> str:
    low = max(floor, start - _LABEL_WINDOW)
    if low >= start:
        return "plain"
    label = _LABEL_RE.search(text, low, start)
    if label is None:
        return "plain"
    return "published" if label.group("published") is not None else "updated"


# A numeric dateline glued by the scraper to the text after it, with not
# even a space between: "14:32, 03.03.2026Водещата ...".
_GLUED_DATELINE = re.compile(
    r"\A\s*(?:\d{1,2}:\d{2},?\s*)?\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?:\s*г\.)?(?:,?\s*\d{1,2}:\d{2})?"
    r"(?=[^\W\d_]{2})")


# The same anywhere in a text, at a line's start: one scan of a page tells
# whether any of its lines needs the closer look.
_GLUED_IN_TEXT = re.compile(_GLUED_DATELINE.pattern.replace(r"\A", "^", 1), re.MULTILINE)


def may_hold_glued_dateline(text: str) -> bool:
    return _GLUED_IN_TEXT.search(text) is not None


def glued_dateline_end(line: str) -> int:
    """Where a dateline glued to the next text with no space ends (0 when
    the line does not open with one): the text goes on with a capital
    and a small letter."""
    if not line.lstrip()[:1].isdigit():
        return 0
    m = _GLUED_DATELINE.match(line)
    return m.end() if m and line[m.end()].isupper() and line[m.end() + 1].islower() else 0


def crawler_prefix_end(line: str) -> int:
    """Where the crawler's " date 2025-09-03" ends on the first line of a
    dump (0 when the line does not open with it); the page's own first
    text often follows on the same line."""
    m = _CRAWLER_RE.match(line)
    return m.end() if m else 0


def _crawler(text: str, limit: datetime | None) -> tuple[DateCandidate | None, int]:
    m = _CRAWLER_RE.match(text)
    if m is None:
        return None, 0
    y, mo = _gi(m, "y"), _gi(m, "m")
    if m.group("d") is None:
        ok = _MIN_YEAR <= y <= _MAX_YEAR and 1 <= mo <= 12 and (
            limit is None or date(y, mo, 1) <= limit.date())
        value = f"{y:04d}-{mo:02d}" if ok else None
    elif m.group("t_h") is None:
        value = _day(y, mo, _gi(m, "d"), limit)
    else:
        s = m.group("t_s")
        value = _aware(y, mo, _gi(m, "d"), _gi(m, "t_h"), _gi(m, "t_mi"), int(s) if s else 0,
                       m.group("t_z"), limit)
    if value is None:
        return None, m.end()
    return DateCandidate(m.start(), m.end(), value, "plain", False, True), m.end()


# --------------------------------------------------------------------------
# API


def find_dates(text: str, now: datetime | None = None) -> list[DateCandidate]:
    """Every date in ``text`` (one block of a page, may hold several lines), in order.

    Relative expressions resolve against ``now`` (an aware datetime; a naive one
    is taken as Sofia time); with ``now=None`` they are skipped, never guessed.
    With a ``now``, values later than ``now`` + 1 day are dropped.
    """
    # The gate: one search for a hint, its first hit reused.
    hit = DATE_HINT.search(text) if text else None
    if hit is None:
        return []
    limit = _as_sofia(now) + timedelta(days=1) if now is not None else None
    found: list[DateCandidate] = []
    crawler, pos = _crawler(text, limit)
    if crawler is not None:
        found.append(crawler)
    if pos > hit.start():
        hit = DATE_HINT.search(text, pos)
    floor = pos
    size = len(text)
    while hit is not None:
        anchor = hit.start()
        if text[anchor].isdigit():
            hi = min(size, hit.end() + _FWD)
            m = _YEAR_RE.search(text, max(pos, anchor - _BACK), hi)
            # A match ending before the anchor holds no plausible year: skip it.
            while m is not None and m.end() <= anchor:
                m = _YEAR_RE.search(text, m.end(), hi)
            if m is None or m.start() > anchor:  # this year is in no date
                pos = hit.end()
                hit = DATE_HINT.search(text, pos)
                continue
        else:
            m = _WORD_RE.match(text, anchor)
            if m is None:
                pos = hit.end()
                hit = DATE_HINT.search(text, pos)
                continue
        value, relative = _value(m, now, limit)
        if value is not None:
            found.append(DateCandidate(m.start(), m.end(), value,
                                       _kind(text, m.start(), floor), relative, False))
        pos = floor = m.end()
        hit = DATE_HINT.search(text, pos)
    if found:
        found = _add_labelled_times(text, found, limit)
    return found


def _on_the_day(m: re.Match, day: DateCandidate, tp: str, limit: datetime | None) -> str | None:
    """The time matched (groups prefixed ``tp``) on the day of ``day``."""
    return _with_time(m, int(day.value[:4]), int(day.value[5:7]), int(day.value[8:10]), tp, limit)


def _add_labelled_times(text: str, found: list[DateCandidate],
                        limit: datetime | None) -> list[DateCandidate]:
    """Add "Обновена в 15:42" after a dated candidate, on that candidate's day."""
    extra: list[DateCandidate] = []
    for m in _LABELLED_TIME_RE.finditer(text, found[0].end):
        start, end = m.start("lt_h"), m.end()
        if any(c.start < end and start < c.end for c in found):
            continue  # the time is part of a full date already read
        day = next((c for c in reversed(found)
                    if c.end <= start and not c.crawler and len(c.value) >= 10), None)
        if day is None:
            continue
        value = _on_the_day(m, day, "lt_", limit)
        if value is not None:
            kind = "published" if m.group("published") is not None else "updated"
            extra.append(DateCandidate(start, end, value, kind, day.relative, False))
    if not extra:
        return found
    return sorted(found + extra, key=lambda c: c.start)


def labelled_time_alone(text: str, day: DateCandidate, limit: datetime | None = None) -> DateCandidate | None:
    """A labelled time alone on its line ("ОБНОВЕНА 11:52"), on the day of
    ``day`` (the article's dateline): that day's update or publication time."""
    stripped = text.strip()
    m = _LABELLED_TIME_RE.match(stripped)
    if m is None or m.end() != len(stripped) or len(day.value) < 10:
        return None
    value = _on_the_day(m, day, "lt_", limit)
    if value is None:
        return None
    kind = "published" if m.group("published") is not None else "updated"
    return DateCandidate(m.start(), m.end(), value, kind, day.relative, False)


def relative_on_day(text: str, candidate: DateCandidate, day: date) -> DateCandidate | None:
    """A relative candidate of ``text`` read again on ``day`` (the day the
    crawler fetched the page, its hour unknown): "вчера в 18:45" is the day
    before at 18:45, "преди 3 дни" three days before; "преди 3 часа" may
    fall on ``day`` or the day before and gives None (the crawler's day
    then stands).  Read at the day's first and last minute, what both give
    alike is what the phrase says."""
    phrase = text[candidate.start:candidate.end]
    early, late = (find_dates(phrase, datetime.combine(day, clock, SOFIA)) for clock in (time(0, 1), time(23, 59)))
    if not early or not late:
        return None
    if early[0].value == late[0].value:
        return replace(candidate, value=early[0].value)
    return None


# A time closing a byline ("Публикувано от Надя Петрова в 21:14").
_CLOSING_TIME_RE = re.compile(r"\sв\s+" + _time("ct_") + r"\s*\Z")


def closing_time(text: str, day: DateCandidate) -> DateCandidate | None:
    """A time closing a line after "в" ("Публикувано от Надя Петрова в
    21:14", a blog's post footer), on the day of ``day`` (the article's
    date, a day only): the time the article was published."""
    m = _CLOSING_TIME_RE.search(text)
    if m is None or len(day.value) != 10:
        return None
    value = _on_the_day(m, day, "ct_", None)
    return None if value is None else replace(day, value=value)


def pick_article_dates(
    candidates: Sequence[DateCandidate],
) -> tuple[str | None, str | None]:
    """(published, updated) from the candidates of the article's own date lines.

    ``updated`` is the first "updated" candidate. ``published`` is the first
    "published" candidate, else the first plain absolute one, else the first
    relative one, else the crawler's, and never an "updated" one. A timed
    plain or published candidate thus always beats the crawler's day or month.
    """
    updated = next((c.value for c in candidates if c.kind == "updated"), None)
    others = [c for c in candidates if c.kind != "updated"]
    for accept in (
        lambda c: c.kind == "published",
        lambda c: not c.relative and not c.crawler,
        lambda c: c.relative,
        lambda c: c.crawler,
    ):
        chosen = next((c for c in others if accept(c)), None)
        if chosen is not None:
            return chosen.value, updated
    return None, updated
