"""Stage 2: normalise decoded text as SPEC.md asks, before it is split.

Line endings become ``\\n``; ``<script>``/``<style>`` blocks, HTML comments
and stray tags go; entities are decoded; the text is put in Unicode NFC;
non-breaking and zero-width characters and soft hyphens become plain spaces
or nothing; runs of spaces fold and every line is trimmed; a drop cap split
from its word ("Р уският") is joined again.  Blank lines, which separate the
page's blocks, are kept.
"""
from __future__ import annotations

import html
import unicodedata

import regex

from .data import load

_SCRIPT_STYLE = regex.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", regex.I | regex.S)
_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
# A tag: "<" then a letter or "/" and no "<" or ">" inside, possibly across lines.
_TAG = regex.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_SPACE_LIKE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " ", "\f": " ", "\v": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
    "\ufeff": None, "\u00ad": None, "\x00": None,
})
_SPACE_RUN = regex.compile(r" {2,}")


def _drop_cap_pattern() -> regex.Pattern:
    whole_words = "".join(load("language_bg")["one_letter_words"])
    return regex.compile(
        rf"^(?![{whole_words}] )([А-Я]) ([а-яѝ]{{2,}})", regex.M
    )


_DROP_CAP = _drop_cap_pattern()


def strip_html(text: str) -> str:
    """Remove script/style blocks, comments and tags, then decode entities."""
    if "<" in text:
        text = _SCRIPT_STYLE.sub(" ", text)
        text = _COMMENT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def clean_line(line: str) -> str:
    """Plain spaces only, runs folded, edges trimmed."""
    return _SPACE_RUN.sub(" ", line.translate(_SPACE_LIKE)).strip()


def join_drop_caps(text: str) -> str:
    """'Р уският' -> 'Руският' at the start of a line, unless the capital is a
    one-letter Bulgarian word ('В понеделник')."""
    return _DROP_CAP.sub(r"\1\2", text)


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_html(text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(clean_line(line) for line in text.split("\n"))
    return join_drop_caps(text)


def normalise_inline(text: str) -> str:
    """Normalise one field value (a headline, a caption): one trimmed line."""
    return clean_line(normalise(text).replace("\n", " "))
