"""Cheap checks on letters and function words: how Bulgarian a text reads.

``bulgarian_score`` ranks the candidate decodings of a file's bytes and
judges a mojibake repair (``decode.py``); ``not_bulgarian`` tells a Russian,
Serbian, Macedonian or English page from a Bulgarian one.  Both look at a
bounded sample, so a 50 MB file costs no more than a page.  The letters and
words live in ``data/language_check.toml``.
"""
from __future__ import annotations

import re

import regex

from .charclasses import is_common, spelt

from .tables import table

_CHECK = table("language_check")
_COMMON_LETTERS = tuple(_CHECK.value("common_letters"))
_COMMON_BIGRAMS = _CHECK.phrases("common_bigrams")
_BULGARIAN_LETTERS = tuple(_CHECK.value("bulgarian", "letters"))
_BULGARIAN_WORDS = frozenset(_CHECK.phrases("bulgarian", "words"))
_FOREIGN_LETTERS = tuple(_CHECK.value("foreign", "letters"))
_FOREIGN_WORDS = frozenset(_CHECK.phrases("foreign", "words"))

SAMPLE_CHARS = 100_000
# A function word is worth about as much as a few telling letters.
_WORD_WEIGHT = 3
# Below this share of Cyrillic among its letters a text is not Bulgarian.
_MIN_CYRILLIC_SHARE = 0.3

_LOWERCASE_RUN = regex.compile(r"[\u0430-\u045f]{2,}")
_NOT_LETTERS = regex.compile(r"\P{L}+")
_NOT_CYRILLIC = regex.compile(r"\P{Script=Cyrillic}+")
_CYRILLIC_WORD = regex.compile(r"\p{Script=Cyrillic}+")
_COMMON_CYRILLIC_WORD = re.compile("[" + spelt("Script=Cyrillic") + "]+")  # the same, for text of the common blocks


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def bulgarian_score(text: str) -> float:
    """How much the non-ASCII part of ``text`` reads like Bulgarian, 0 to 1.

    The mean of three shares of its non-ASCII characters: common Bulgarian
    letters, common Bulgarian letter pairs, and lowercase Cyrillic letters
    following another one.  Text without non-ASCII characters scores 0.
    """
    sample = text[:SAMPLE_CHARS]
    non_ascii = _non_ascii(sample)
    if not non_ascii:
        return 0.0
    folded = sample.casefold()
    letters = sum(map(folded.count, _COMMON_LETTERS))
    bigrams = sum(map(folded.count, _COMMON_BIGRAMS))
    pairs = sum(len(run) - 1 for run in _LOWERCASE_RUN.findall(sample))
    return (letters + bigrams + pairs) / (3 * non_ascii)


# Bytes to delete from a text encoded in windows-1251 to count its А-я
# (the bytes 0xC0-0xFF), and to count its ASCII characters that are not
# letters.
_BELOW_CYRILLIC = bytes(range(0xC0))
_ALL_BUT_ASCII_NON_LETTERS = (bytes(range(ord("A"), ord("Z") + 1))
                              + bytes(range(ord("a"), ord("z") + 1)) + bytes(range(0x80, 0x100)))


def _mostly_cyrillic(sample: str) -> bool:
    """Whether the letters А-я alone make the minimum Cyrillic share of
    the sample's letters, counting as a letter everything but ASCII
    non-letters: then the exact count cannot fall short.  Both counts are
    byte counts at the speed of the codecs."""
    encoded = sample.encode("cp1251", "ignore")
    cyrillic = len(encoded.translate(None, _BELOW_CYRILLIC))
    at_most_letters = len(sample) - len(encoded.translate(None, _ALL_BUT_ASCII_NON_LETTERS))
    return cyrillic > 0 and cyrillic >= _MIN_CYRILLIC_SHARE * at_most_letters


def not_bulgarian(text: str) -> bool:
    """Whether a page is in another language.

    Text with letters but little Cyrillic is not Bulgarian; Cyrillic text is
    not when the letters and function words of Russian, Serbian, Macedonian
    or Ukrainian outweigh those of Bulgarian.  A text without letters is not
    judged.
    """
    sample = text[:SAMPLE_CHARS]
    if not _mostly_cyrillic(sample):
        letters = _NOT_LETTERS.sub("", sample)
        if not letters:
            return False
        if len(_NOT_CYRILLIC.sub("", letters)) < _MIN_CYRILLIC_SHARE * len(letters):
            return True
    folded = sample.casefold()
    words = (_COMMON_CYRILLIC_WORD if is_common(folded) else _CYRILLIC_WORD).findall(folded)
    bulgarian = (sum(map(folded.count, _BULGARIAN_LETTERS))
                 + _WORD_WEIGHT * sum(map(_BULGARIAN_WORDS.__contains__, words)))
    foreign = (sum(map(folded.count, _FOREIGN_LETTERS))
               + _WORD_WEIGHT * sum(map(_FOREIGN_WORDS.__contains__, words)))
    return foreign > bulgarian
