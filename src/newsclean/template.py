"""Learn a site's template from many of its pages.

When one run reads many files, a line that recurs in a large share of them
(a menu, a footer, a promo, the cookie notice) is the site's template, not
any article's text.  A folder's template is learnt from the line keys of a
sample of its files (``folder_sample``, ``learn_files``); the classifier
then treats those lines as boilerplate.  ``learn_texts`` learns a group's
template from the texts or bytes of its sample, wherever they come from.
With fewer than ``MIN_FILES`` pages nothing is learnt, so a lone file is
never affected.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import islice, repeat

from .blocks import split_units
from .decode import decode
from .features import line_key
from .inputs import read_bytes
from .normalise import normalise

MIN_FILES = 3
MIN_SHARE = 0.3
SAMPLE_FILES = 200      # files of a folder its template is learnt from
SAMPLE_CHUNK = 16       # files of a sample one process reads at a time
# Longer lines are paragraphs; a site does not repeat those in its template.
MAX_WORDS = 40


def folder_sample(paths: Iterable[str]) -> tuple[str, ...] | None:
    """The files a folder's template is learnt from, its first
    SAMPLE_FILES; None for a folder of fewer than MIN_FILES, whose files
    are extracted alone."""
    sample = tuple(islice(paths, SAMPLE_FILES))
    return sample if len(sample) >= MIN_FILES else None


def page_keys(text: str) -> set[str]:
    """The distinct keys of a page's short lines."""
    keys = set()
    for unit in split_units(normalise(text)):
        if len(unit.text.split()) <= MAX_WORDS:
            key = line_key(unit.text)
            if key:
                keys.add(key)
    return keys


def learn_texts(texts: Iterable[str | bytes]) -> frozenset[str]:
    """The template of a group of pages from its sample's texts (bytes are
    decoded first)."""
    return learn(page_keys(decode(text).text if isinstance(text, bytes) else text) for text in texts)


def learn(pages: Iterable[set[str]]) -> frozenset[str]:
    """Keys present in at least MIN_SHARE of the pages (and MIN_FILES)."""
    counts: Counter[str] = Counter()
    total = 0
    for keys in pages:
        counts.update(keys)
        total += 1
    if total < MIN_FILES:
        return frozenset()
    needed = max(MIN_FILES, MIN_SHARE * total)
    return frozenset(k for k, n in counts.items() if n >= needed)


def sample_files(paths: Sequence[str], max_bytes: int) -> list[set[str]]:
    """The line keys of each of ``paths`` that is a page of text."""
    return [keys for keys in map(_file_keys, paths, repeat(max_bytes)) if keys is not None]


def _file_keys(path: str, max_bytes: int) -> set[str] | None:
    """The page's line keys; None for a file that is no page of text: too
    large, unreadable, binary, or tripping a bug (its own extraction will
    report what is wrong with it)."""
    try:
        if os.stat(path).st_size > max_bytes:
            return None
        return page_keys(decode(read_bytes(path)).text)
    except Exception:
        return None


def learn_files(paths: Sequence[str], max_bytes: int, map_chunks: Callable = map) -> frozenset[str]:
    """The template of a group of files, read SAMPLE_CHUNK at a time by
    ``map_chunks`` (``map`` in this process, a pool's ``map`` in its
    workers)."""
    parts = [paths[start:start + SAMPLE_CHUNK] for start in range(0, len(paths), SAMPLE_CHUNK)]
    return learn(keys for part in map_chunks(sample_files, parts, repeat(max_bytes)) for keys in part)
