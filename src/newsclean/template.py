"""Learn a site's template from many of its pages.

When one run reads many files, a line that recurs in a large share of them
(a menu, a footer, a promo, the cookie notice) is the site's template, not
any article's text.  A folder's template is learnt from a sample of its
files (``folder_sample``; ``worker.learn_files`` reads them); the
classifier then treats those lines as furniture.  ``learn_texts`` learns a
group's template from the texts or bytes of its sample, wherever they come
from.

An article can recur too: a page fetched again when its teasers or
comments changed, an agency story several sites carry, a live page saved
at every update.  Copies of one page therefore count once: two pages are
copies when they share at least half of the smaller one's fingerprint,
its longest paragraphs (``_copies``; a listing's longest titles).  And a
line that reads as an article's prose is never part of a template
(``page.is_article_prose``), however often it recurs.  With fewer than
``MIN_FILES`` distinct pages nothing is learnt, so a lone file is never
affected.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from itertools import islice
from typing import NamedTuple

from .blocks import split_units
from .decode import decode
from .features import Features, measure_page
from .normalise import normalise
from .page import is_article_prose, is_prose

MIN_FILES = 3
MIN_SHARE = 0.3
SAMPLE_FILES = 200      # files of a folder its template is learnt from
# A page's fingerprint: its longest paragraphs, which no other article
# shares.
_FINGERPRINT_LINES = 8
# Shorter lines of a list of titles are labels and buttons.
_TITLE_MIN_WORDS = 4
# Only the kinds of line learning looks at are measured, none of them a
# date, so the clock relative dates are read against is any fixed one.
_CLOCK = datetime(2000, 1, 1, tzinfo=timezone.utc)


class SampledPage(NamedTuple):
    """What learning needs of one page."""
    lines: dict[str, str]         # key -> text of each line a template may remove
    fingerprint: frozenset[str]   # keys of its longest paragraphs


class Template(NamedTuple):
    """What was learnt from a group's sample."""
    pages: int             # pages of text sampled
    distinct: int          # the same, copies of one page counted once
    seen: dict[str, int]   # key -> distinct pages holding it, for each line of the template
    texts: dict[str, str]  # key -> the line as first printed

    @property
    def keys(self) -> frozenset[str]:
        """The line keys the classifier takes for furniture."""
        return frozenset(self.seen)


def folder_sample(paths: Iterable[str]) -> tuple[str, ...] | None:
    """The files a folder's template is learnt from, its first
    SAMPLE_FILES; None for a folder of fewer than MIN_FILES, whose files
    are extracted alone."""
    sample = tuple(islice(paths, SAMPLE_FILES))
    return sample if len(sample) >= MIN_FILES else None


def sample_page(text: str) -> SampledPage:
    """A page's removable lines and fingerprint, from the features the
    classifier measures (so the guard reads a line as ``classify`` does)."""
    units = split_units(normalise(text))
    # Kept: the page is measured again when it is extracted.
    feats = measure_page([u.text for u in units], _CLOCK, every_key=True, keep=True)
    removable = [(f.key, u.text) for u, f in zip(units, feats) if f.key and not is_article_prose(f)]
    longest = heapq.nlargest(_FINGERPRINT_LINES, _fingerprint_lines(feats), key=lambda f: f.words)
    return SampledPage(dict(reversed(removable)), frozenset(f.key for f in longest if f.key))


def _fingerprint_lines(feats: list[Features]) -> list[Features]:
    """The lines of a page a fingerprint is taken from: its paragraphs of
    article prose that stand beside another sentence (a teaser's summary
    or a comment stands between titles, names and times, and a site's
    teasers recur on its every page); on a page without such, its
    sentences; on a page without sentences (a list of titles), its
    titles."""
    text = [bool(f.key) and f.furniture is None and not f.menu_like and not f.date_dominant for f in feats]
    prose = [own and is_prose(f) for own, f in zip(text, feats)]
    beside = [False, *prose[:-1]], [*prose[1:], False]
    return ([f for f, own, before, after in zip(feats, prose, *beside)
             if own and (before or after) and is_article_prose(f)]
            or [f for f, own in zip(feats, prose) if own]
            or [f for f, own in zip(feats, text) if own and f.words >= _TITLE_MIN_WORDS])


def learn(pages: Sequence[SampledPage]) -> Template:
    """The lines on at least MIN_SHARE of the distinct pages (and on
    MIN_FILES), each group of copies counting as one page."""
    groups = _copy_groups([page.fingerprint for page in pages])
    seen: Counter[str] = Counter()
    for members in groups:
        seen.update(set().union(*(pages[i].lines for i in members)))
    needed = max(MIN_FILES, MIN_SHARE * len(groups))
    template = {key: n for key, n in seen.items() if n >= needed} if len(groups) >= MIN_FILES else {}
    # Read backwards, so that each line keeps its text on the first page.
    texts = {key: text for page in reversed(pages) for key, text in page.lines.items() if key in template}
    return Template(len(pages), len(groups), template, texts)


def _copy_groups(fingerprints: Sequence[frozenset[str]]) -> list[list[int]]:
    """The pages as groups of copies, by index: each page joins the group
    of the first earlier page it is a copy of.  Joining, never merging two
    groups, keeps one chance likeness from making one group of a site."""
    group_of: list[int] = []  # each page's group, by its first page
    holding: defaultdict[str, list[int]] = defaultdict(list)  # fingerprint line -> pages
    for i, fingerprint in enumerate(fingerprints):
        earlier = sorted({j for key in fingerprint for j in holding[key]})
        original = next((j for j in earlier if _copies(fingerprints[j], fingerprint)), None)
        group_of.append(i if original is None else group_of[original])
        for key in fingerprint:
            holding[key].append(i)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i, first in enumerate(group_of):
        groups[first].append(i)
    return list(groups.values())


def _copies(one: frozenset[str], other: frozenset[str]) -> bool:
    """Two pages are copies of one article when they share at least half of
    the smaller fingerprint: other teasers, comments, datelines or another
    site's menus around an article leave its paragraphs as they are, while
    two articles of one site share none of theirs."""
    shared = len(one & other)
    return shared > 0 and 2 * shared >= min(len(one), len(other))


def learn_texts(texts: Iterable[str | bytes]) -> Template:
    """The template of a group of pages from its sample's texts (bytes are
    decoded first), in the sample's order."""
    return learn([sample_page(decode(text).text if isinstance(text, bytes) else text) for text in texts])


def sample_bytes(data: bytes, max_bytes: int) -> SampledPage | None:
    """A file's bytes sampled; None for a file that is no page of text: too
    large, binary, or tripping a bug (its own extraction will report what
    is wrong with it)."""
    if len(data) > max_bytes:
        return None
    try:
        return sample_page(decode(data).text)
    except Exception:
        return None
