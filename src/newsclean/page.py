"""What the labelling stages (``classify``, ``body``) and the header stage
(``header``) all work on: a page's units with their labels, the labels
themselves, and the few questions every stage asks of a unit.

    Label               the StrEnum of unit labels (Label.BODY, Label.TITLE, ...)
    Page                units, features, labels and why; what was found
    page.relabel(i, label, why)
    page.reason(i)      the why of unit i, in words (for ``explain``)
    page.is_prose(i), page.is_title_like(i), page.neighbour(j, step), page.above_credit(j),
    page.under_media(j), page.stems(i), page.share_told_in(own, k)

It is a module of its own so that the stages can share it without importing
each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from . import dates
from .blocks import Unit
from .features import Features, content_stems
from .marks import player_line
from .weights import DEFAULT, Weights


class Label(StrEnum):
    BODY = "body"
    LEAD = "lead"              # the standfirst, put first in the body
    HEADLINE = "headline"
    TITLE = "title"            # a line the page prints more than once
    CAPTION = "caption"
    DATELINE = "dateline"
    BYLINE = "byline"
    FURNITURE = "furniture"    # inline furniture: dropped, the article goes on
    BOILERPLATE = "boilerplate"  # a section that is no article: a wall
    CRAWLER = "crawler"
    TEXT = "text"              # not decided yet


@dataclass
class Page:
    """Everything the classifier decided about one page.

    ``reasons`` hold format strings over the unit's features (``{f.words}``)
    so that extraction, which never shows them, does not build them.
    """
    units: list[Unit]
    features: list[Features]
    labels: list[Label]
    reasons: list[str]
    weights: Weights = DEFAULT
    body: list[int] = field(default_factory=list)
    headline: int | None = None
    headline_candidates: list = field(default_factory=list)   # headline.Candidate, best first, for explain
    captions: list[int] = field(default_factory=list)
    bylines: list[tuple[int, str]] = field(default_factory=list)
    date_candidates: list[dates.DateCandidate] = field(default_factory=list)
    no_article: bool = False
    truncated: bool = False

    def relabel(self, i: int, label: Label, why: str) -> None:
        self.labels[i], self.reasons[i] = label, why

    def reason(self, i: int) -> str:
        return self.reasons[i].format(f=self.features[i])

    def is_prose(self, i: int) -> bool:
        return is_prose(self.features[i], self.weights)

    def is_title_like(self, i: int) -> bool:
        return is_title_like(self.features[i], self.weights)

    def neighbour(self, j: int, step: int) -> int | None:
        """The nearest unit before (step -1) or after (step 1) j that is not furniture."""
        j += step
        while 0 <= j < len(self.units) and self.labels[j] == Label.FURNITURE:
            j += step
        return j if 0 <= j < len(self.units) else None

    def stems(self, i: int) -> set[str]:
        """The content stems of unit i (see ``features.content_stems``)."""
        return content_stems(self.units[i].text, self.weights.body_name_stem)

    def share_told_in(self, own: set[str], k: int) -> float:
        """The share of the content stems ``own`` (not empty) that unit k
        holds too."""
        return len(own & self.stems(k)) / len(own)

    def under_media(self, j: int) -> bool:
        """A gallery counter ("Снимка 1 от 9") or a player ("▶ 2:14",
        "00:00 / 02:47") stands over unit j, maybe with bare arrows or
        counters between."""
        above = j - 1
        while (above >= 0 and self.features[above].words == 0 and not self.features[above].gallery_counter
               and not player_line(self.units[above].text)):
            above -= 1
        return above >= 0 and (self.features[above].gallery_counter
                               or (self.features[above].words == 0 and player_line(self.units[above].text)))

    def above_credit(self, j: int) -> bool:
        """Unit j sits right above a photo credit alone ("Снимка: БГНЕС")."""
        return (j + 1 < len(self.units) and self.labels[j + 1] == Label.FURNITURE
                and self.features[j + 1].credit_at == 0)


def is_prose(f: Features, w: Weights = DEFAULT) -> bool:
    """Running text: enough words, a sentence end, function words."""
    return f.words >= w.prose_min_words and (f.ends_sentence or f.sentences >= 2) and f.stop_ratio >= w.prose_min_stop_ratio


def is_article_prose(f: Features, w: Weights = DEFAULT) -> bool:
    """A paragraph of running prose, longer than the notices a site repeats:
    no site template is made of these, so a line that reads so is the
    article's own text even when many pages print it (copies of one story)."""
    return f.words >= w.template_article_prose_words and is_prose(f, w)


def is_title_like(f: Features, w: Weights = DEFAULT) -> bool:
    """Of a title's length and not two sentences."""
    return w.title_min_words <= f.words <= w.title_max_words and not (f.ends_sentence and f.sentences >= 2)
