"""Plain ``re`` twins of the ``regex`` module's Unicode classes, exact on
the text of nearly every page.

``regex`` knows Unicode properties (``\\p{L}``, ``\\p{Script=Cyrillic}``)
that ``re`` lacks, but scans the same text two or three times slower, and
the word scans run over every line of every page.  Nearly every page holds
only characters of a few blocks (Latin, Greek, Cyrillic, punctuation,
currency and letterlike signs): for these the classes are spelt out as
ranges, each taken from ``regex`` itself at import, so a ``re`` pattern
made of them finds exactly what the ``regex`` pattern finds on a text that
``is_common``.  A text with another character is left to ``regex``.

    spelt("L") -> "a-zA-Z..."   the letters of the common blocks, for a [class]
    spelt_where(predicate)      the same for any test of a character
    is_common(text)             -> every character of text is in the common blocks
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import regex

# Basic Latin to the Cyrillic Supplement, Latin Extended Additional,
# General Punctuation to the Letterlike Symbols.
_COMMON_BLOCKS = ((0x0000, 0x052F), (0x1E00, 0x1EFF), (0x2000, 0x214F))
_COMMON = [code for low, high in _COMMON_BLOCKS for code in range(low, high + 1)]


def _ranges(codes: Iterable[int]) -> str:
    """Code points (in increasing order) as the ranges of a [class]."""
    spans: list[list[int]] = []
    for code in codes:
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high))) for low, high in spans)


def spelt(unicode_property: str) -> str:
    """The characters of the common blocks that ``regex``'s
    ``\\p{unicode_property}`` matches, as the ranges of a [class]."""
    one = regex.compile(r"\p{" + unicode_property + "}")
    return spelt_where(lambda char: bool(one.match(char)))


def spelt_where(holds: Callable[[str], bool]) -> str:
    """The characters of the common blocks for which ``holds``, as the
    ranges of a [class]."""
    return _ranges(code for code in _COMMON if holds(chr(code)))


_UNCOMMON = re.compile("[^" + _ranges(_COMMON) + "]")


def is_common(text: str) -> bool:
    """Whether every character of ``text`` is in the common blocks."""
    return _UNCOMMON.search(text) is None
