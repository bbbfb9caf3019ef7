"""What the labelling stage (``classify``) and the header stage (``header``)
both work on: a page's units with their labels, the labels themselves, and
the few questions both ask of a unit.

It is a module of its own because ``classify`` calls the header stage once
it has chosen the body: were these in ``classify``, the two stages would
import each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import dates
from .blocks import Unit
from .features import Features

# Labels.
BODY = "body"
LEAD = "lead"
HEADLINE = "headline"
TITLE = "title"
CAPTION = "caption"
DATELINE = "dateline"
BYLINE = "byline"
FURNITURE = "furniture"
BOILERPLATE = "boilerplate"
CRAWLER = "crawler"
TEXT = "text"


@dataclass
class Page:
    """Everything the classifier decided about one page."""
    units: list[Unit]
    features: list[Features]
    labels: list[str]
    reasons: list[str]
    body: list[int] = field(default_factory=list)
    headline: int | None = None
    captions: list[int] = field(default_factory=list)
    bylines: list[tuple[int, str]] = field(default_factory=list)
    date_candidates: list[dates.DateCandidate] = field(default_factory=list)
    no_article: bool = False
    truncated: bool = False


# Notices a site prints on every page run to 25 words ("Перспектива е
# независима медия без реклами ...", 23; "Моля потвърдете избраните
# снимки ...", 25); 86% of the fixtures' body paragraphs are longer.
_ARTICLE_PROSE_WORDS = 26


def is_prose(f: Features) -> bool:
    return f.words >= 8 and (f.ends_sentence or f.sentences >= 2) and f.stop_ratio >= 0.1


def is_article_prose(f: Features) -> bool:
    """A paragraph of running prose, longer than the notices a site repeats:
    no site template is made of these, so a line that reads so is the
    article's own text even when many pages print it (copies of one story)."""
    return f.words >= _ARTICLE_PROSE_WORDS and is_prose(f)


def is_title_like(f: Features) -> bool:
    return 3 <= f.words <= 30 and not (f.ends_sentence and f.sentences >= 2)


def neighbour(page: Page, j: int, step: int) -> int | None:
    """The nearest unit before (step -1) or after (step 1) j that is not furniture."""
    j += step
    while 0 <= j < len(page.units) and page.labels[j] == FURNITURE:
        j += step
    return j if 0 <= j < len(page.units) else None


def above_credit(page: Page, j: int) -> bool:
    """Unit j sits right above a photo credit alone ("Снимка: БГНЕС")."""
    return j + 1 < len(page.units) and page.labels[j + 1] == FURNITURE and page.features[j + 1].credit_at == 0
