"""Stage 4b: label every unit of a page and find the article in it.

Labelling runs in three passes over plain lists:

1. Each unit gets a local label from its own features: page furniture
   (a phrase family from the data file, a photo credit, an agency marker),
   a dateline, a byline, a repeated title, or plain text.
2. The article body is the one run of units with the most prose in it: text
   units weigh by their length and how much they read like sentences, titles
   and datelines weigh heavily against, furniture weighs nothing, and section
   furniture (share bars, comments, related lists, promos, forms, footers) is
   a wall no run crosses.  This is a maximum-sum segment search, the idea of
   body-text extraction by "document slope" made to work on lines.
3. The header before the body is read backwards: headline, lead, captions,
   byline and dateline.  Dates count only from there (and from a labelled
   publication line right after the body), never from teasers.

A page whose best run is a lone paragraph in a list of teasers, or too thin
to be an article, holds no article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from . import byline, dates
from .blocks import Unit
from .features import Features, line_key, measure_page

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

# Weights of the body search.
_WALL = None
_TITLE_WEIGHT = -40.0
_DATELINE_WEIGHT = -25.0
_BYLINE_WEIGHT = -15.0
_UNIT_COST = 6.0
_MIN_ARTICLE_WEIGHT = 12.0
_HEADER_REACH = 12
_SHORT_BODY_WORDS = 50
_TEMPLATE_REASON = "line of the site's template (recurs across the files of this run)"


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


def is_prose(f: Features) -> bool:
    return f.words >= 8 and (f.ends_sentence or f.sentences >= 2) and f.stop_ratio >= 0.1


def is_title_like(f: Features) -> bool:
    return 3 <= f.words <= 30 and not (f.ends_sentence and f.sentences >= 2) and f.stop_ratio < 0.5


def _local_label(unit: Unit, f: Features, template: frozenset[str]) -> tuple[str, str]:
    if unit.index == 0 and any(c.crawler for c in f.date_candidates):
        return CRAWLER, "crawler's date line"
    if f.editor_initials:
        return BOILERPLATE, "editor initials: the article ends here"
    if template and line_key(unit.text) in template:
        return BOILERPLATE, _TEMPLATE_REASON
    if f.furniture is not None:
        label = BOILERPLATE if f.furniture.role == "section" else FURNITURE
        return label, f"{f.furniture.role} furniture: {f.furniture.name}"
    if f.credit_at == 0:
        return FURNITURE, "photo credit alone"
    if f.agency_only:
        return FURNITURE, "agency marker"
    if f.date_dominant:
        return DATELINE, "mostly a date or time"
    if f.place_line:
        return FURNITURE, "place of a dateline"
    if byline.labelled_byline(unit.text):
        return BYLINE, "labelled byline"
    if (f.same_as_previous or f.same_as_next or f.repeats >= 2) and f.words <= 40:
        return TITLE, f"title printed {f.repeats} times"
    return TEXT, f"{f.words} words, stopwords {f.stop_ratio:.2f}, sentence end {f.ends_sentence}"


def text_weight(f: Features) -> float:
    weight = float(f.words)
    if not (f.ends_sentence or f.sentences >= 2):
        weight *= 0.5
    if f.stop_ratio < 0.12:
        weight *= 0.5
    return weight - _UNIT_COST


def _weight(label: str, f: Features) -> float | None:
    return {
        TEXT: text_weight(f) if label == TEXT else 0.0,
        FURNITURE: 0.0,
        TITLE: _TITLE_WEIGHT,
        DATELINE: _DATELINE_WEIGHT,
        BYLINE: _BYLINE_WEIGHT,
    }.get(label, _WALL)


def best_run(weights: list[float | None]) -> tuple[int, int, float]:
    """(start, end, total) of the maximum-sum run not crossing a wall (None);
    end is inclusive; (-1, -1, 0.0) when no run weighs more than nothing."""
    best = (-1, -1, 0.0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if w is None:
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best[2]:
            best = (start, i, total)
    return best


def _looks_like_teaser(labels: list[str], start: int, end: int) -> bool:
    """A lone paragraph right after a title: the summary of a teaser."""
    texts = [i for i in range(start, end + 1) if labels[i] == TEXT]
    if len(texts) != 1:
        return False
    before = start - 1
    while before >= 0 and labels[before] == FURNITURE:
        before -= 1
    return before >= 0 and labels[before] in (TITLE, DATELINE)


def _count_teasers(labels: list[str]) -> int:
    """Title units directly followed by a text or dateline unit."""
    return sum(
        1 for i in range(len(labels) - 1)
        if labels[i] == TITLE and labels[i + 1] in (TEXT, DATELINE)
    )


def classify(units: list[Unit], now: datetime | None = None,
             template: frozenset[str] = frozenset()) -> Page:
    feats = measure_page([u.text for u in units], now)
    local = [_local_label(u, f, template) for u, f in zip(units, feats)]
    page = Page(units, feats, [l for l, _ in local], [r for _, r in local])
    start, end, total = best_run([_weight(l, f) for l, f in zip(page.labels, feats)])
    while start >= 0 and start <= end and page.labels[start] != TEXT:
        start += 1
    while end >= start >= 0 and page.labels[end] != TEXT:
        end -= 1
    if start < 0 or total < _MIN_ARTICLE_WEIGHT or (
        _looks_like_teaser(page.labels, start, end) and _count_teasers(page.labels) >= 3
    ):
        page.no_article = True
        for i in range(start, end + 1) if start >= 0 else ():
            page.reasons[i] += "; a teaser, not an article"
        _settle_crawler_date(page)
        return page
    _mark_body(page, start, end)
    _read_header(page, start)
    _read_footer_meta(page, end)
    _settle_crawler_date(page)
    last_content = max((i for i, l in enumerate(page.labels) if l not in (FURNITURE,)), default=-1)
    page.truncated = end == last_content and not feats[end].ends_sentence
    return page


def _mark_body(page: Page, start: int, end: int) -> None:
    for i in range(start, end + 1):
        f = page.features[i]
        if page.labels[i] != TEXT:
            continue
        if f.credit_at > 0:
            page.labels[i], page.reasons[i] = CAPTION, "text with a photo credit inside the article"
            page.captions.append(i)
            continue
        page.labels[i] = BODY
        page.reasons[i] = f"in the article's run ({page.reasons[i]})"
        page.body.append(i)


def _read_header(page: Page, body_start: int) -> None:
    labels, feats, units = page.labels, page.features, page.units
    reach = range(body_start - 1, max(-1, body_start - 1 - _HEADER_REACH), -1)
    headline = title_like = None
    seen_prose = 0
    for j in reach:
        label, f = labels[j], feats[j]
        if label == TITLE:
            headline = j
            break
        if label in (BOILERPLATE, CRAWLER):
            continue
        if label == TEXT:
            if is_prose(f) and f.credit_at < 0:
                seen_prose += 1
                if seen_prose > 1 or title_like is not None:
                    break
            elif is_title_like(f) and title_like is None:
                title_like = j
    if headline is None:
        headline = title_like
    if headline is not None:
        key = line_key(units[headline].text)
        while headline > 0 and labels[headline - 1] == TITLE and line_key(units[headline - 1].text) == key:
            headline -= 1
        labels[headline], page.reasons[headline] = HEADLINE, "title nearest before the article"
    page.headline = headline
    top = _header_top(page, headline) if headline is not None else max(0, body_start - 4)
    lead: list[int] = []
    for j in range(top, body_start):
        label, f = labels[j], feats[j]
        if j == headline:
            continue
        if label == TITLE and headline is not None and line_key(units[j].text) == line_key(units[headline].text):
            labels[j], page.reasons[j] = FURNITURE, "headline printed again"
        elif label in (DATELINE, BYLINE) or (label == TEXT and _bare_byline(page, j)):
            names = byline.labelled_byline(units[j].text) or _bare_byline(page, j)
            if names:
                labels[j], page.reasons[j] = BYLINE, "byline in the article's header"
                page.bylines.append((j, names))
            if f.date_candidates:
                page.reasons[j] += "; dateline of the article"
                page.date_candidates.extend(c for c in f.date_candidates if not c.crawler)
        elif label == TEXT and headline is not None and j > headline:
            if is_prose(f) and f.words >= 12 and f.credit_at < 0:
                labels[j], page.reasons[j] = LEAD, "standfirst between headline and body"
                lead.append(j)
            else:
                labels[j], page.reasons[j] = CAPTION, "short line between headline and body"
                page.captions.append(j)
    page.body[:0] = lead
    page.captions.sort()


def _neighbour(page: Page, j: int, step: int) -> int | None:
    """The nearest unit before (step -1) or after (step 1) j that is not furniture."""
    j += step
    while 0 <= j < len(page.units) and page.labels[j] == FURNITURE:
        j += step
    return j if 0 <= j < len(page.units) else None


def _bare_byline(page: Page, j: int) -> str | None:
    """Names alone on a line count as a byline only beside a dateline or just
    before the headline; elsewhere in the header they caption a photo."""
    names = byline.bare_names(page.units[j].text)
    if not names:
        return None
    before, after = _neighbour(page, j, -1), _neighbour(page, j, 1)
    near_date = any(n is not None and page.labels[n] == DATELINE for n in (before, after))
    above_headline = (
        page.headline is not None and j < page.headline and after is not None
        and (after == page.headline or page.labels[after] in (TITLE, HEADLINE))
    )
    return names if near_date or above_headline else None


def _header_top(page: Page, headline: int) -> int:
    """First unit of the header above the headline: datelines, bylines,
    furniture and earlier copies of the title directly above it."""
    top = headline
    for j in range(headline - 1, max(-1, headline - 4), -1):
        label = page.labels[j]
        if label in (DATELINE, BYLINE, FURNITURE, TITLE) or (label == TEXT and _bare_byline(page, j)):
            top = j
        elif label != BOILERPLATE:
            break
    return top


def _read_footer_meta(page: Page, body_end: int) -> None:
    """A labelled byline or publication line just after the body."""
    for j in range(body_end + 1, min(len(page.units), body_end + 5)):
        label, f = page.labels[j], page.features[j]
        if label == BYLINE:
            names = byline.labelled_byline(page.units[j].text)
            if names and not page.bylines:
                page.bylines.append((j, names))
                page.reasons[j] = "labelled byline after the article"
        if label in (DATELINE, BYLINE) and any(c.kind != "plain" for c in f.date_candidates):
            page.date_candidates.extend(c for c in f.date_candidates if c.kind != "plain")
            page.reasons[j] += "; labelled date of the article"
        if label == BOILERPLATE:
            break


def _settle_crawler_date(page: Page) -> None:
    if page.units and page.labels[0] == CRAWLER:
        page.date_candidates.extend(c for c in page.features[0].date_candidates if c.crawler)
