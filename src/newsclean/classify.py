"""Stage 4b: label every unit of a page and find the article in it.

Labelling runs in three passes over plain lists:

1. Each unit gets a local label from its own features: page furniture
   (a phrase family from the data file, a menu, a photo credit, a gallery
   counter, an agency marker), a dateline, a byline, a repeated title, or
   plain text.
2. The article body is the run of units with the most prose in it.  Text
   units weigh by their length and how much they read like sentences;
   titles weigh heavily against; furniture weighs nothing; datelines and
   section furniture (share bars, comments, related lists, promos, forms,
   menus, footers) are walls no run crosses.  Between two walls the best
   run is a maximum-sum segment (body-text extraction by "document slope",
   made to work on lines); the runs of all stretches then compete, a lone
   paragraph under a title (a teaser's summary), a row of title-summary
   pairs and anything under a related-list heading counting for less.  A
   short promo or "read more" box inside the article joins the runs on
   either side of it into one article.
3. The units of the run are marked: body paragraphs, photo captions (a
   line with or right above a photo credit, a short line opening the run,
   a gallery's captions), boxes inside the article dropped.  Then
   ``header`` reads the header above the body and the meta line after it:
   headline, standfirst, bylines, dates.  Dates count only from there
   (and from the crawler's date line), never from teasers.

A page whose best run is a teaser's summary in a list of teasers, one
post of a thread of dated posts, or too thin to be an article, holds no
article.
"""
from __future__ import annotations

from collections.abc import Callable

import regex
from datetime import datetime, timezone

from . import byline
from .blocks import Unit
from .data import load
from .features import Features, breadcrumb_end, line_key, measure_page
from .header import read_footer_meta, read_header
from .page import (BODY, BOILERPLATE, BYLINE, CAPTION, CRAWLER, DATELINE, FURNITURE, TEXT, TITLE, Page,
                   above_credit, is_article_prose, is_prose, is_title_like, neighbour)

_WALLS = frozenset({BOILERPLATE, CRAWLER, DATELINE})
_TITLE_WEIGHT = -40.0
_BYLINE_WEIGHT = -15.0
_SUSPECT_SHARE = 0.25
_LIST_ITEM_WEIGHT = 3.0
_UNIT_COST = 6.0
_MIN_ARTICLE_WEIGHT = 12.0
_TEASER_DISCOUNT = 0.5
_RELATED_DISCOUNT = 0.25
_PROMO_FAMILY = "promos and follow us"
_RELATED_FAMILY = "related and most read"
_CREDITS_FAMILY = "photo and video credits"
# A capitalised word after a lower-case word or a comma: a name, not a
# sentence's first word.
_NAME_INSIDE = regex.compile(r"(?<=[\p{Ll},]\s)(\p{Lu}\p{Ll}{2,})")
_NAME_STEM = 5
_INLINE_BOX_REACH = 5
_CAPTION_MAX_WORDS = 20
# "Снимка: Красимир Петров/БНА" is a credit; "СНИМКИ: Футболистът ... се
# ожени" is a title with a label.
_CREDIT_MAX_WORDS = 8
_MIN_TEASER_PAIRS = 3
_TEASER_SUMMARY_MAX_WORDS = 45
_MIN_POSTS = 3
_INTRO_MAX_WORDS = 60
_MIN_LISTED_TEASERS = 3
_BREADCRUMB_REACH = 3
_TODAY_BAR_LABELS = tuple(s.casefold() for s in load("page_bg")["today_bar_labels"])
TEMPLATE_REASON = "line of the site's template (recurs across the files of this run)"


def _local_label(unit: Unit, f: Features, template: frozenset[str]) -> tuple[str, str]:
    if unit.index == 0 and any(c.crawler for c in f.date_candidates):
        return CRAWLER, "crawler's date line"
    if f.editor_initials:
        return BOILERPLATE, "editor initials: the article ends here"
    labelled_title = _title_with_credit_label(unit, f)
    if f.furniture is not None and f.furniture.name == _CREDITS_FAMILY and byline.labelled_byline(unit.text):
        return BYLINE, "labelled byline (a credit of text and photos)"
    if f.date_dominant and unit.text.casefold().startswith(_TODAY_BAR_LABELS):
        return BOILERPLATE, "a today bar: the day of the visit"
    if f.date_dominant and f.date_candidates[0].start == 0:
        return DATELINE, "opens with a date, then only names, labels or a comment count"
    if f.furniture is not None and not f.furniture_by_phrase_inside and not labelled_title:
        label = BOILERPLATE if f.furniture.role == "section" else FURNITURE
        return label, f"{f.furniture.role} furniture: {f.furniture.name}"
    if f.credit_at == 0 and not labelled_title:
        return FURNITURE, "photo credit alone"
    if f.gallery_counter:
        return FURNITURE, "gallery counter"
    if f.agency_only:
        return FURNITURE, "agency marker"
    if f.date_dominant:
        return DATELINE, "mostly a date or time"
    if f.place_line:
        return FURNITURE, "place of a dateline"
    if byline.labelled_byline(unit.text):
        return BYLINE, "labelled byline"
    if template and f.key in template and not is_article_prose(f):
        return FURNITURE, TEMPLATE_REASON
    if (f.same_as_previous or f.same_as_next or f.repeats >= 2) and f.words <= 40:
        return TITLE, f"title printed {f.repeats} times"
    if f.menu_like and not byline.bare_names(unit.text):
        return BOILERPLATE, "menu or breadcrumb"
    return TEXT, f"{f.words} words, stopwords {f.stop_ratio:.2f}, sentence end {f.ends_sentence}"


def _title_with_credit_label(unit: Unit, f: Features) -> bool:
    """"СНИМКИ: Футболистът ... се ожени" is a title under a label in capitals,
    not a photo credit ("Снимки: Иван Петров")."""
    return f.credit_at == 0 and f.words > _CREDIT_MAX_WORDS and unit.text[:2].isupper()


def text_weight(f: Features) -> float:
    """Long sentences of running prose weigh most; a line that mentions a
    furniture phrase (cookies, newsletters) counts for a quarter, enough to
    stay inside an article but not to extend one."""
    weight = float(f.words)
    if not (f.ends_sentence or f.sentences >= 2):
        weight *= 0.5
    if f.stop_ratio < 0.12:
        weight *= 0.5
    weight -= _UNIT_COST
    if f.furniture_by_phrase_inside:
        weight = weight * _SUSPECT_SHARE - _UNIT_COST
    return weight


def _weights(page: Page) -> list[float | None]:
    """Weight of each unit in the body search; None is a wall."""
    labels, feats = page.labels, page.features
    weights: list[float | None] = []
    for i, (label, f) in enumerate(zip(labels, feats)):
        if label in _WALLS:
            weights.append(None)
        elif label == TEXT:
            weights.append(_LIST_ITEM_WEIGHT if _in_list(page, i) else text_weight(f))
        else:
            weights.append({TITLE: _TITLE_WEIGHT, BYLINE: _BYLINE_WEIGHT}.get(label, 0.0))
    return weights


def _in_list(page: Page, i: int) -> bool:
    """A short entry of a list of at least three alike lines (results,
    schedules, streets): body when the list sits inside the article."""
    feats, labels = page.features, page.labels
    if not feats[i].list_item or is_prose(feats[i]):
        return False
    lo = hi = i
    while lo > 0 and labels[lo - 1] == TEXT and feats[lo - 1].list_item:
        lo -= 1
    while hi + 1 < len(labels) and labels[hi + 1] == TEXT and feats[hi + 1].list_item:
        hi += 1
    return hi - lo >= 2


def best_run(weights: list[float | None], lo: int, hi: int) -> tuple[int, int, float]:
    """(start, end, total) of the maximum-sum run within weights[lo:hi]
    (no walls inside); end is inclusive; (-1, -1, 0.0) when nothing weighs
    more than nothing."""
    best = (-1, -1, 0.0)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best[2]:
            best = (start, i, total)
    return best


def _stretches(weights: list[float | None]) -> list[tuple[int, int]]:
    """The [lo, hi) spans between walls."""
    spans, lo = [], 0
    for i, w in enumerate(weights + [None]):
        if w is None:
            if i > lo:
                spans.append((lo, i))
            lo = i + 1
    return spans


def _teaser_shaped(page: Page, start: int, end: int) -> bool:
    """A lone paragraph right under a title: the summary of a teaser."""
    texts = [i for i in range(start, end + 1) if page.labels[i] == TEXT]
    if len(texts) != 1:
        return False
    before = neighbour(page, start, -1)
    while before is not None and (page.labels[before] in (DATELINE, BYLINE) or page.features[before].words == 0):
        before = neighbour(page, before, -1)  # a time or date not read as one has no words either
    return before is not None and (
        page.labels[before] == TITLE
        or (page.labels[before] == TEXT and is_title_like(page.features[before]) and not is_prose(page.features[before]))
    )


def _under_related_heading(page: Page, start: int) -> bool:
    """The nearest wall above the run is a related-list heading ("Още по
    темата", "Най-четени"): what follows such a heading is teasers."""
    j = start - 1
    while j >= 0 and page.labels[j] not in _WALLS:
        j -= 1
    return j >= 0 and _is_wall_of(page, j, _RELATED_FAMILY)


def _teaser_list(page: Page, start: int, end: int) -> bool:
    """A run of at least _MIN_TEASER_PAIRS short summaries, each under its
    own title (the first title may sit just above the run): teasers never
    make a body."""
    texts = [i for i in range(start, end + 1) if page.labels[i] == TEXT]
    offset = 1 if texts and is_prose(page.features[texts[0]]) else 0
    first_title = neighbour(page, start, -1) if offset else start
    if first_title is None or page.labels[first_title] != TEXT or _follows_header(page, first_title):
        return False  # no title above the first summary, or subheadings right under the header
    summaries = 0
    for k, i in enumerate(texts, start=offset):
        f, text = page.features[i], page.units[i].text
        if k % 2 == 0 and (is_prose(f) or not is_title_like(f) or text.endswith(("?", ":"))):
            return False
        if k % 2 == 1:
            if not is_prose(f) or f.words > _TEASER_SUMMARY_MAX_WORDS:
                return False
            summaries += 1
    return summaries >= _MIN_TEASER_PAIRS


def _teaser_kind(page: Page, start: int, end: int) -> str | None:
    """"summary" for a lone summary under a title, "list" for a row of
    title-summary pairs, None for a run that looks like no teaser."""
    if _teaser_shaped(page, start, end):
        return "summary"
    return "list" if _teaser_list(page, start, end) else None


def choose_body(page: Page) -> tuple[int, int, float, str | None, list[range]]:
    """The article's run: (start, end, score, teaser, inline_boxes), where
    ``teaser`` is what teaser the run looks like (see ``_teaser_kind``).
    When boxes inside the article (a promo, a "read more" insert) cut it,
    the run spans all its parts and ``inline_boxes`` holds the gaps."""
    weights = _weights(page)
    runs = []
    for lo, hi in _stretches(weights):
        start, end, total = best_run(weights, lo, hi)
        if start >= 0 and any(page.labels[i] == TEXT and is_prose(page.features[i]) for i in range(start, end + 1)):
            runs.append((start, end, total))
    best, best_k = (-1, -1, 0.0, None), -1
    for k, (start, end, total) in enumerate(runs):
        teaser = _teaser_kind(page, start, end)
        score = total * (_TEASER_DISCOUNT if teaser else 1.0)
        if _under_related_heading(page, start):
            score *= _RELATED_DISCOUNT
        if score > best[2]:
            best, best_k = (start, end, score, teaser), k
    if best_k < 0:
        return (*best, [])
    parts = [runs[best_k]]
    before, after = runs[:best_k], runs[best_k + 1:]
    while (part := _part_across_box(page, parts[0], reversed(before), _begins_article)):
        parts.insert(0, part)
    while (part := _part_across_box(page, parts[-1], after, _continues_article)):
        parts.append(part)
    boxes = [range(a[1] + 1, b[0]) for a, b in zip(parts, parts[1:])]
    return parts[0][0], parts[-1][1], best[2], best[3], boxes


def _part_across_box(page: Page, part: tuple[int, int, float], candidates,
                       fits: Callable[[Page, tuple[int, int, float]], bool]) -> tuple[int, int, float] | None:
    """The nearest run on the other side of an inline box from ``part`` (runs
    inside the box are skipped) when it ``fits`` as another part of the
    article."""
    for other in candidates:
        if not _inline_box_between(page, *sorted((part, other))):
            return None
        if fits(page, other):
            return other
    return None


def _inline_box_between(page: Page, before: tuple[int, int, float], after: tuple[int, int, float]) -> bool:
    """Only a short box inside the article stands between two runs: a promo
    ("Подкрепете ни", a paragraph, "Дарете сега") or a "read more" insert
    ("Виж още" and one or two titles, no prose); no dateline, no other
    kind of section."""
    gap = range(before[1] + 1, after[0])
    walls = [g for g in gap if page.labels[g] == BOILERPLATE]
    if not walls or len(gap) > _INLINE_BOX_REACH or any(page.labels[g] in (DATELINE, CRAWLER) for g in gap):
        return False
    if all(_is_promo_wall(page, g) for g in walls):
        return True
    titles_only = not any(page.labels[g] == TEXT and is_prose(page.features[g]) for g in gap)
    return (
        titles_only and all(_is_wall_of(page, g, _RELATED_FAMILY) for g in walls)
        and bool(_names_in(page, before) & _names_in(page, after))
    )


def _names_in(page: Page, run: tuple[int, int, float]) -> set[str]:
    """Stems of the names a run mentions (capitalised words not opening a
    sentence): the two parts of one story share some, a teaser of another
    story rarely does."""
    return {
        m.group(1).casefold()[:_NAME_STEM]
        for i in range(run[0], run[1] + 1) if page.labels[i] == TEXT
        for m in _NAME_INSIDE.finditer(page.units[i].text)
    }


def _begins_article(page: Page, run: tuple[int, int, float]) -> bool:
    """A run before an inline box starts the article when it follows the
    header directly and weighs like an article on its own."""
    return run[2] >= _MIN_ARTICLE_WEIGHT and _follows_header(page, run[0])


def _continues_article(page: Page, run: tuple[int, int, float]) -> bool:
    """A run after an inline box continues the article when it holds several
    paragraphs and does not look like a teaser's summary."""
    start, end, total = run
    paragraphs = sum(1 for i in range(start, end + 1) if page.labels[i] == TEXT)
    return total >= _MIN_ARTICLE_WEIGHT and paragraphs >= 2 and not _teaser_shaped(page, start, end)


def _is_wall_of(page: Page, i: int, family_name: str) -> bool:
    family = page.features[i].furniture
    return page.labels[i] == BOILERPLATE and family is not None and family.name == family_name


def _is_promo_wall(page: Page, i: int) -> bool:
    return _is_wall_of(page, i, _PROMO_FAMILY)


def _follows_header(page: Page, i: int) -> bool:
    before = neighbour(page, i, -1)
    return before is not None and page.labels[before] in (DATELINE, BYLINE, TITLE)


def _count_teasers(page: Page) -> int:
    """Teasers: a repeated title followed by a text or a dateline, or a
    title-like line followed by its dateline, directly or after a one-
    paragraph summary."""
    labels, feats = page.labels, page.features
    count = 0
    for i in range(len(labels) - 1):
        if labels[i] == TITLE and labels[i + 1] in (TEXT, DATELINE):
            count += 1
        elif labels[i] == TEXT and is_title_like(feats[i]) and not is_prose(feats[i]):
            after = labels[i + 2] if i + 2 < len(labels) else None
            if labels[i + 1] == DATELINE or (labels[i + 1] == TEXT and after == DATELINE):
                count += 1
    return count


def classify(units: list[Unit], now: datetime | None = None,
             template: frozenset[str] = frozenset()) -> Page:
    """Label the units of one page and find its article.  Relative dates
    are read against ``now``; without it they still mark a line as a time
    but give no date."""
    feats = measure_page([u.text for u in units], now or datetime.now(timezone.utc), every_key=bool(template))
    local = [_local_label(u, f, template) for u, f in zip(units, feats)]
    page = Page(units, feats, [l for l, _ in local], [r for _, r in local])
    _mark_titles_named_by_breadcrumbs(page)
    start, end, score, teaser, inline_boxes = choose_body(page)
    if start < 0 or score < _MIN_ARTICLE_WEIGHT or teaser == "list" or (teaser and _count_teasers(page) >= 2):
        _no_article(page, start, end, "a teaser, not an article")
    elif _one_of_dated_posts(page, start, end):
        _no_article(page, start, end, "one post of a thread of dated posts, not an article")
    else:
        end = _take_cut_off_tail(page, end)
        for box in inline_boxes:
            _drop_inline_box(page, box)
        _mark_body(page, start, end)
        read_header(page, start)
        read_footer_meta(page, end)
        if _untitled_intro_to_teasers(page):
            _withdraw_article(page, "one untitled paragraph over a list of teasers: a listing's intro")
        else:
            last_content = max(i for i, l in enumerate(page.labels) if l != FURNITURE)
            page.truncated = end == last_content and not feats[end].ends_sentence
    if now is None:
        page.date_candidates = [c for c in page.date_candidates if not c.relative]
    if page.units and page.labels[0] == CRAWLER and not page.no_article:
        page.date_candidates.extend(c for c in feats[0].date_candidates if c.crawler)
    return page


def _mark_titles_named_by_breadcrumbs(page: Page) -> None:
    """A title-like line just under a breadcrumb that ends in it is the
    page's title printed twice, even though the breadcrumb's line is not
    the same line."""
    labels, feats, units = page.labels, page.features, page.units
    for i, f in enumerate(feats):
        if f.breadcrumb_end is None:
            continue
        # The crumb's longest word must be in a line before the dearer line
        # keys are compared (most rows of items name no line under them).
        longest = max(f.breadcrumb_end.casefold().split(), key=len, default="")
        below = [j for j in range(i + 1, min(len(units), i + 1 + _BREADCRUMB_REACH))
                 if labels[j] == TEXT and longest in units[j].text.casefold() and is_title_like(feats[j])]
        key = line_key(f.breadcrumb_end) if below else None
        for j in below:
            if line_key(units[j].text) == key:
                labels[j], page.reasons[j] = TITLE, "title printed again as the breadcrumb's last item"


def _drop_inline_box(page: Page, box: range) -> None:
    """The lines of a box inside the article are furniture, except, after
    a promo's last wall, a subheading of the article's next part (the
    title after "Виж още" is another article's)."""
    last_wall = max(i for i in box if page.labels[i] == BOILERPLATE)
    keep_after = _is_promo_wall(page, last_wall)
    for i in box:
        if page.labels[i] in (TEXT, TITLE) and not (keep_after and i > last_wall):
            page.labels[i], page.reasons[i] = FURNITURE, "inside a box within the article"


def _no_article(page: Page, start: int, end: int, why: str) -> None:
    page.no_article = True
    for i in range(start, end + 1) if start >= 0 else ():
        page.reasons[i] += f"; {why}"


def _untitled_intro_to_teasers(page: Page) -> bool:
    """An author's or a topic's page: no headline, one short paragraph
    (a profile, a description), then teasers."""
    return (page.headline is None and len(page.body) == 1
            and page.features[page.body[0]].words < _INTRO_MAX_WORDS
            and _count_teasers(page) >= _MIN_LISTED_TEASERS)


def _withdraw_article(page: Page, why: str) -> None:
    """Undo what was read of an article the page turned out not to hold."""
    for i in page.body:
        page.labels[i], page.reasons[i] = TEXT, f"{page.reasons[i]}; {why}"
    page.body, page.captions, page.bylines, page.date_candidates = [], [], [], []
    page.no_article = True


def _dated_posts(page: Page) -> list[int]:
    """Prose paragraphs that come right after a dateline of their own: the
    posts of a forum thread or of a feed."""
    posts = []
    for i, label in enumerate(page.labels):
        if label == DATELINE:
            j = neighbour(page, i, 1)
            if j is not None and page.labels[j] == TEXT and is_prose(page.features[j]):
                posts.append(j)
    return posts


def _one_of_dated_posts(page: Page, start: int, end: int) -> bool:
    """The best run is one paragraph under its own dateline, among at least
    _MIN_POSTS such posts: a forum thread, not an article."""
    texts = [i for i in range(start, end + 1) if page.labels[i] == TEXT]
    posts = _dated_posts(page)
    return len(texts) == 1 and texts[0] in posts and len(posts) >= _MIN_POSTS


def _take_cut_off_tail(page: Page, end: int) -> int:
    """A dump cut off mid-article ends in a paragraph too short to weigh
    for itself: when the only unit left after the run is such a text, it
    is the article's last, truncated paragraph."""
    tail = neighbour(page, end, 1)
    if (tail is not None and tail == len(page.units) - 1 and page.labels[tail] == TEXT
            and page.features[tail].words >= 5 and not page.features[tail].ends_sentence
            and page.features[tail].stop_ratio >= 0.1):
        return tail
    return end


def _mark_body(page: Page, start: int, end: int) -> None:
    gallery = False
    for i in range(start, end + 1):
        f = page.features[i]
        if f.gallery_counter:
            gallery = True
        if page.labels[i] != TEXT:
            continue
        if f.credit_at > 0 or (gallery and not is_prose(f)) or _reads_as_photo_caption(page, i, start):
            page.labels[i], page.reasons[i] = CAPTION, "photo caption inside the article"
            page.captions.append(i)
            continue
        gallery = False
        page.labels[i] = BODY
        page.reasons[i] = f"in the article's run ({page.reasons[i]})"
        page.body.append(i)
    _gallery_after(page, end)


def _reads_as_photo_caption(page: Page, i: int, start: int) -> bool:
    """A line that is no sentence, right above a photo credit ("Снимка:
    Shutterstock") or opening the run above the first paragraph, captions
    the article's photo."""
    f = page.features[i]
    if f.ends_sentence or f.sentences >= 2 or f.words < 4:
        return False
    if above_credit(page, i):
        return True
    if i != start or f.words > _CAPTION_MAX_WORDS or page.units[i].text.endswith("."):
        return False
    after = neighbour(page, i, 1)
    return after is not None and page.labels[after] == TEXT and is_prose(page.features[after])


def _gallery_after(page: Page, end: int) -> None:
    """Captions of a photo gallery printed right after the article."""
    j, gallery = end + 1, False
    while j < len(page.units) and page.labels[j] in (FURNITURE, TEXT):
        f = page.features[j]
        if f.gallery_counter:
            gallery = True
        elif page.labels[j] == TEXT:
            if not gallery or is_prose(f):
                break
            page.labels[j], page.reasons[j] = CAPTION, "caption in the article's gallery"
            page.captions.append(j)
        j += 1
