"""Learn a site's template from many of its pages.

When one run reads many files, a line that recurs in a large share of them
(a menu, a footer, a promo, the cookie notice) is the site's template, not
any article's text.  ``learn`` finds such lines from the line keys of a
sample of pages; the classifier then treats them as boilerplate.  With
fewer than ``MIN_FILES`` pages nothing is learnt, so a lone file is never
affected.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .blocks import split_units
from .features import line_key
from .normalise import normalise

MIN_FILES = 3
MIN_SHARE = 0.3
# Longer lines are paragraphs; a site does not repeat those in its template.
MAX_WORDS = 40


def page_keys(text: str) -> set[str]:
    """The distinct keys of a page's short lines."""
    keys = set()
    for unit in split_units(normalise(text)):
        if len(unit.text.split()) <= MAX_WORDS:
            key = line_key(unit.text)
            if key:
                keys.add(key)
    return keys


def learn(pages: Iterable[set[str]]) -> frozenset[str]:
    """Keys present in at least MIN_SHARE of the pages (and MIN_FILES)."""
    counts: Counter[str] = Counter()
    total = 0
    for keys in pages:
        counts.update(keys)
        total += 1
    return from_counts(counts, total)


def from_counts(counts: Counter[str], pages: int) -> frozenset[str]:
    """``learn`` from the number of pages each key occurs in, counted in
    parts (by several processes) and added up."""
    if pages < MIN_FILES:
        return frozenset()
    needed = max(MIN_FILES, MIN_SHARE * pages)
    return frozenset(k for k, n in counts.items() if n >= needed)
