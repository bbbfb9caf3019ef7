"""Stage 2: normalise decoded text as SPEC.md asks, before it is split.

Line endings (CRLF, CR, NEL, the Unicode line and paragraph separators)
become ``\\n``; ``<script>``/``<style>`` blocks, HTML comments and stray tags
go, also when they run over several lines; entities are decoded, named or
numeric, with or without their semicolon; the text is put in Unicode NFC;
every kind of space (tab, form feed, non-breaking space) becomes a plain
space, control and format characters (NUL, soft hyphen, zero-width and
direction marks) go; runs of spaces fold and every line is trimmed; a drop
cap split from its word ("Р уският") is joined again.  Blank lines, which
separate the page's blocks, are kept.

Every pattern here runs in time linear in its input, whatever the input:
a block or comment that is never closed is given up at the next opening
rather than searched for to the end of the text from every opening.
"""
from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5 as _NAMED_ENTITIES

import regex

from .tables import table

_LINE_BREAK_CHARS = ("\r", "\x85", "\u2028", "\u2029")
_LINE_BREAK = regex.compile(r"\r\n?|[\x85\u2028\u2029]")
_SCRIPT_STYLE = regex.compile(
    r"<(script|style)\b[^<>]*>(?:(?!</?\1\b).)*+</\1\s*>", regex.I | regex.S
)
_COMMENT = regex.compile(r"<!--(?:(?!<!--|-->).)*+-->", regex.S)
# A tag: "<" then a letter or "/" and no "<" or ">" inside, possibly across lines.
_TAG = regex.compile(r"</?[A-Za-z][^<>]{0,2000}>")
# A named entity without its semicolon ("&bdquo "); html.unescape decodes
# only the few that HTML allows so ("&amp", "&copy").
_BARE_ENTITY = regex.compile(r"&([A-Za-z][A-Za-z0-9]{1,31})(?![A-Za-z0-9;])")


def _character_table() -> dict[int, str | None]:
    """For ``str.translate``, over the Basic Multilingual Plane: every space
    (category Zs, tab, vertical tab, form feed) becomes a plain space;
    control and format characters (NUL, soft hyphen, zero-width and
    direction marks, byte-order mark) go; a lone surrogate, which no file
    can hold, becomes U+FFFD."""
    table: dict[int, str | None] = {}
    for code in range(0x10000):
        category = unicodedata.category(chr(code))
        if category == "Zs":
            table[code] = " "
        elif category in ("Cc", "Cf"):
            table[code] = None
        elif category == "Cs":
            table[code] = "\ufffd"
    table.update({ord("\t"): " ", ord("\v"): " ", ord("\f"): " ", ord("\n"): "\n"})
    return table


_CHARACTERS = _character_table()


def _changed_characters(table: dict[int, str | None]) -> re.Pattern:
    """A run of the characters ``table`` changes.  Most pages hold none or
    a few, so finding them beats translating every character.  A plain
    ``re`` class: it scans several times faster than ``regex``."""
    ranges: list[list[int]] = []
    for code in sorted(c for c, new in table.items() if new != chr(c)):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+")


_CHANGED = _changed_characters(_CHARACTERS)


_LANGUAGE = table("language_bg")
_ONE_LETTER_WORDS = frozenset(_LANGUAGE.phrases("one_letter_words"))
_STOPWORDS = frozenset(_LANGUAGE.phrases("stopwords"))
# A capital split from the rest of its word at the start of a line: by a
# space ("Р уският"), or alone on its line, maybe with a blank line after
# it ("Т" / "одор Кехайов ...").
_DROP_CAP = regex.compile(r"^([А-Я])(?: |\n\n?)([а-яѝ]{2,})", regex.M)


def _joined_drop_cap(match: regex.Match) -> str:
    """The capital and its word joined again, unless, split by a space, the
    capital is a one-letter word ("В понеделник", "И още") and the joined
    word is not a known word ("Когато" is).  A capital alone on its line is
    always a drop cap."""
    capital, rest = match.group(1), match.group(2)
    split_by_space = match.group()[1] == " "
    if split_by_space and capital in _ONE_LETTER_WORDS and (capital + rest).casefold() not in _STOPWORDS:
        return match.group()
    return capital + rest


def strip_html(text: str) -> str:
    """Remove script/style blocks, comments and tags, then decode entities."""
    if "<" in text:
        text = _SCRIPT_STYLE.sub(" ", text)
        text = _COMMENT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(_BARE_ENTITY.sub(_bare_entity, text))
    return text


def _bare_entity(match: regex.Match) -> str:
    return _NAMED_ENTITIES.get(match.group(1) + ";", match.group())


def plain_characters(text: str) -> str:
    """Plain spaces for every kind of space; no control or format characters."""
    return _CHANGED.sub(_translated, text)


def _translated(match: re.Match) -> str:
    return match.group().translate(_CHARACTERS)


def clean_lines(text: str) -> str:
    """Runs of spaces folded (a run never spans lines), every line trimmed."""
    while "  " in text:  # each pass halves every run: faster than a regex
        text = text.replace("  ", " ")
    return "\n".join(line.strip() for line in text.split("\n"))


def join_drop_caps(text: str) -> str:
    """'Р уският' -> 'Руският', 'Т' alone on its line then 'одор' -> 'Тодор',
    at the start of a line (see ``_joined_drop_cap``)."""
    return _DROP_CAP.sub(_joined_drop_cap, text)


def normalise(text: str) -> str:
    if any(map(text.__contains__, _LINE_BREAK_CHARS)):
        text = _LINE_BREAK.sub("\n", text)
    text = plain_characters(strip_html(text))
    text = unicodedata.normalize("NFC", text)
    return join_drop_caps(clean_lines(text))

