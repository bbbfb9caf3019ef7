"""Stage 4c: find the article's run of units among the labelled units.

    choose_body(page) -> Choice(run, score, teaser, boxes)
    count_teasers(page) -> how many teasers (title + summary or dateline) the page shows
    end_before_teaser_pairs(page, start, end) -> the run's end without the teaser pairs closing it

The body is the run of units with the most prose in it.  Text units weigh
by their length and how much they read like sentences; titles weigh
heavily against; furniture weighs nothing; datelines and section furniture
(share bars, comments, related lists, promos, forms, menus, footers) are
walls no run crosses.  Between two walls the best run is a maximum-sum
segment (body-text extraction by "document slope", made to work on lines);
the runs of all stretches then compete, a lone paragraph under a title (a
teaser's summary), a row of title-summary pairs and anything under a
related-list heading counting for less.  A short promo or "read more" box
inside the article joins the runs on either side of it into one article.

The numbers are ``page.weights`` (``data/weights.toml``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex

from .features import OPENING_QUOTES, STOPWORDS, Features, content_stems
from .furniture import family_named
from .page import Label, Page
from .tables import table

_WALLS = frozenset({Label.BOILERPLATE, Label.CRAWLER, Label.DATELINE})
PROMOS = family_named("promos and follow us")
DONATIONS = family_named("donation appeals")
PAYWALL = family_named("paywall")
SHARE = family_named("share and comments")
LOGIN = family_named("login and forms")
RELATED = family_named("related and most read")
POLLS = family_named("polls")
TAGS = family_named("tags")
COMMENT_RULES = family_named("comment rules")
# What closes the article itself: its share bar, tags, comments and their rules.
ARTICLE_CLOSINGS = (SHARE, TAGS, COMMENT_RULES)
# A capitalised word after a lower-case word or a comma: a name, not a
# sentence's first word.
_NAME_INSIDE = regex.compile(r"(?<=[\p{Ll},]\s)(\p{Lu}\p{Ll}{2,})")
# A numbered entry's number ("5. Хранете се леко ...").
_TEXT_NUMBER = regex.compile(r"\A\s{0,4}(\d{1,2})[.)]\s")
_ARROWS = " >»›→"
_MORE_MARKERS = frozenset(m.casefold() for m in table("page_bg").phrases("more_markers"))
# How an interview's question or answer opens.
_TURN_DASHES = ("– ", "— ", "- ")
_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}{3,}")
# A field of an info box: a label of a few words, a colon, a value.
_FIELD = regex.compile(r"^\p{L}[\p{L}\- ]{0,30}:\s+\S")


class Run(NamedTuple):
    start: int
    end: int      # inclusive
    weight: float


class Choice(NamedTuple):
    """The article's run, if any: its parts joined across inline boxes."""
    run: Run | None
    score: float            # the best part's weight, discounted as a teaser or under a related list
    teaser: str | None      # "summary", "list" or None: which teaser the run looks like
    boxes: list[range]      # the inline boxes between its parts


def text_weight(f: Features, page: Page) -> float:
    """Long sentences of running prose weigh most; a line that mentions a
    furniture phrase (cookies, newsletters) counts for a fraction, enough
    to stay inside an article but not to extend one."""
    w = page.weights
    weight = float(f.words)
    if not (f.ends_sentence or f.sentences >= 2):
        weight *= 0.5
    if f.stop_ratio < w.body_few_stopwords:
        weight *= 0.5
    weight -= w.body_unit_cost
    if f.furniture_by_phrase_inside:
        weight = weight * w.body_suspect_share - w.body_unit_cost
    return weight


def _weights(page: Page) -> list[float | None]:
    """Weight of each unit in the body search; None is a wall."""
    w = page.weights
    fixed = {Label.TITLE: w.body_title, Label.BYLINE: w.body_byline}
    enumerated = _enumerated_under_colons(page)
    weights: list[float | None] = []
    for i, (label, f) in enumerate(zip(page.labels, page.features)):
        if label in _WALLS:
            weights.append(None)
        elif label == Label.TEXT:
            weight = w.body_list_item if i in enumerated or _in_list(page, i) else text_weight(f, page)
            weights.append(max(weight, w.body_list_item) if _dialogue_turn(page, i) else weight)
        else:
            weights.append(fixed.get(label, 0.0))
    return weights


def _in_list(page: Page, i: int) -> bool:
    """An entry of a list of at least three alike lines: list entries
    (results, schedules, streets), the fields of an info box, or the fact
    lines of a report (scorers, lineups, referee): body when the list sits
    inside the article, under some of its prose.  A box of fields right
    under the title, before any paragraph (a game's or a film's data), is
    no part of the article's text."""
    feats, labels = page.features, page.labels
    if not feats[i].fact_line or page.is_prose(i):
        return False
    lo = hi = i
    while lo > 0 and labels[lo - 1] == Label.TEXT and feats[lo - 1].fact_line:
        lo -= 1
    while hi + 1 < len(labels) and labels[hi + 1] == Label.TEXT and feats[hi + 1].fact_line:
        hi += 1
    return hi - lo >= 2 and not (_fields_only(page, lo, hi) and not _prose_above(page, lo))


def _enumeration_entry(page: Page, i: int) -> bool:
    """A short entry of a sentence's enumeration: it opens in lower case or
    with a quoted name, or ends in ";" ("максималният престой остава три
    часа;", "„Христо Ботев“ от № 1 до № 25")."""
    text = page.units[i].text.strip()
    return (page.labels[i] == Label.TEXT and 0 < page.features[i].words <= page.weights.body_entry_max_words
            and (text[:1].islower() or text.startswith(OPENING_QUOTES) or text.endswith((";", ","))))


def _enumerated_under_colons(page: Page) -> set[int]:
    """The entries that sentences ending in ":" open ("Новите правила са:"),
    the lists of the article's own text; one pass over the page."""
    found: set[int] = set()
    opened = False
    for i in range(len(page.units)):
        if opened and _enumeration_entry(page, i):
            found.add(i)
            continue
        opened = page.labels[i] == Label.TEXT and page.units[i].text.rstrip().endswith(":")
    return found


def _dialogue_turn(page: Page, i: int) -> bool:
    """A question or an answer of an interview ("– Ще останете ли?") under
    another: however short, a turn of the dialogue the article is."""
    return (i > 0 and page.labels[i - 1] == Label.TEXT and page.features[i].words > 0
            and all(page.units[k].text.lstrip().startswith(_TURN_DASHES) for k in (i - 1, i)))


def _fields_only(page: Page, lo: int, hi: int) -> bool:
    """Every line is a "label: value" field ("Жанр: стратегия")."""
    return all(_FIELD.match(page.units[k].text) for k in range(lo, hi + 1))


def _prose_above(page: Page, i: int) -> bool:
    """A paragraph of prose, or a sentence that introduces the list ("...,
    показва прогнозата за 7 март:"), stands above unit i with no wall
    between."""
    j = i - 1
    while j >= 0 and page.labels[j] not in _WALLS:
        if page.labels[j] == Label.TEXT and (page.is_prose(j) or _introduces_list(page, j)):
            return True
        j -= 1
    return False


def _introduces_list(page: Page, j: int) -> bool:
    f, w = page.features[j], page.weights
    return (page.units[j].text.rstrip().endswith(":") and f.words >= w.prose_min_words
            and f.stop_ratio >= w.prose_min_stop_ratio)


def best_run(weights: list[float | None], lo: int, hi: int) -> Run | None:
    """The maximum-sum run within weights[lo:hi] (no walls inside); None
    when nothing weighs more than nothing."""
    best: Run | None = None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]  # type: ignore[operator]  # no wall (None) between lo and hi
        if total > (best.weight if best else 0.0):
            best = Run(start, i, total)
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


def _texts(page: Page, run: Run) -> list[int]:
    return [i for i in range(run.start, run.end + 1) if page.labels[i] == Label.TEXT]


def teaser_shaped(page: Page, run: Run) -> bool:
    """A lone paragraph right under a title: the summary of a teaser."""
    if len(_texts(page, run)) != 1:
        return False
    before = page.neighbour(run.start, -1)
    while before is not None and (page.labels[before] in (Label.DATELINE, Label.BYLINE)
                                  or page.features[before].words == 0):
        before = page.neighbour(before, -1)  # a time or date not read as one has no words either
    return before is not None and (
        page.labels[before] == Label.TITLE
        or (page.labels[before] == Label.TEXT and page.is_title_like(before) and not page.is_prose(before))
    )


def _under_related_heading(page: Page, start: int) -> bool:
    """The nearest wall above the run is a related-list heading ("Още по
    темата", "Най-четени"): what follows such a heading is teasers."""
    j = start - 1
    while j >= 0 and page.labels[j] not in _WALLS:
        j -= 1
    return j >= 0 and is_wall_of(page, j, RELATED)


def _teaser_list(page: Page, run: Run) -> bool:
    """A run of at least ``teasers_min_pairs`` short summaries, each under
    its own title (the first title may sit just above the run): teasers
    never make a body."""
    texts = _texts(page, run)
    offset = 1 if texts and page.is_prose(texts[0]) else 0
    first_title = page.neighbour(run.start, -1) if offset else run.start
    if first_title is None or page.labels[first_title] != Label.TEXT or follows_header(page, first_title):
        return False  # no title above the first summary, or subheadings right under the header
    summaries = 0
    titles: list[int] = []
    for k, i in enumerate(texts, start=offset):
        f, text = page.features[i], page.units[i].text
        if k % 2 == 0 and (page.is_prose(i) or not page.is_title_like(i) or text.endswith(("?", ":"))):
            return False
        if k % 2 == 0:
            titles.append(i)
        if k % 2 == 1:
            if not page.is_prose(i) or f.words > page.weights.teasers_summary_max_words:
                return False
            summaries += 1
    return summaries >= page.weights.teasers_min_pairs and not _numbered_in_order(page, titles)


def _numbered_in_order(page: Page, lines: list[int]) -> bool:
    """The titles are numbered 1., 2., 3. ...: a listicle's subheadings,
    each over its paragraph, not teasers of other stories."""
    numbers = []
    for i in lines:
        found = _TEXT_NUMBER.match(page.units[i].text)
        if found is None:
            return False
        numbers.append(int(found.group(1)))
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _teaser_kind(page: Page, run: Run) -> str | None:
    """"summary" for a lone summary under a title, "list" for a row of
    title-summary pairs, None for a run that looks like no teaser."""
    if teaser_shaped(page, run):
        return "summary"
    return "list" if _teaser_list(page, run) else None


def choose_body(page: Page) -> Choice:
    """The article's run; when boxes inside the article (a promo, a "read
    more" insert) cut it, the run spans all its parts."""
    weights = _weights(page)
    runs = [run for lo, hi in _stretches(weights)
            if (run := best_run(weights, lo, hi)) is not None
            and any(page.is_prose(i) for i in _texts(page, run))]
    best: Choice | None = None
    best_k = -1
    for k, run in enumerate(runs):
        teaser = _teaser_kind(page, run)
        score = run.weight * (page.weights.body_teaser_discount if teaser else 1.0)
        if _under_related_heading(page, run.start):
            score *= page.weights.body_related_discount
        if score > (best.score if best else 0.0):
            best, best_k = Choice(run, score, teaser, []), k
    if best is None:
        return Choice(None, 0.0, None, [])
    parts = [runs[best_k]]
    before, after = runs[:best_k], runs[best_k + 1:]
    while (part := _part_across_box(page, parts[0], reversed(before), _begins_article)):
        parts.insert(0, part)
    while (more := _parts_after_box(page, parts[-1], [run for run in after if run.start > parts[-1].end])):
        parts.extend(more)
    boxes = [range(a.end + 1, b.start) for a, b in zip(parts, parts[1:])]
    return best._replace(run=Run(parts[0].start, parts[-1].end, runs[best_k].weight), boxes=boxes)


def _part_across_box(page: Page, part: Run, candidates: Iterable[Run],
                     fits: Callable[[Page, Run], bool]) -> Run | None:
    """The nearest run on the other side of an inline box from ``part`` (runs
    inside the box are skipped) when it ``fits`` as another part of the
    article."""
    for other in candidates:
        if not _inline_box_between(page, *sorted((part, other))):
            return None
        if fits(page, other):
            return other
    return None


def _parts_after_box(page: Page, part: Run, candidates: list[Run]) -> list[Run]:
    """The runs after an inline box under ``part`` that continue the
    article: the nearest that does on its own, or a lone paragraph that
    weighs like an article's (a subheading's, which reads like a teaser's
    summary; a poll's question weighs little) boxed in between ``part``
    and a run that does."""
    for k, other in enumerate(candidates):
        if not _inline_box_between(page, part, other):
            return []
        if _continues_article(page, other) or _numbering_goes_on(page, part, other):
            return [other]
        further = candidates[k + 1] if k + 1 < len(candidates) else None
        if (further is not None and page.is_prose(other.end) and other.weight >= page.weights.body_min_article
                and _inline_box_between(page, other, further)
                and _continues_article(page, further)):
            return [other, further]
    return []


def _numbering_goes_on(page: Page, part: Run, other: Run) -> bool:
    """The run under the box opens with the next number of the list the
    part above ends in ("4. Проветрявайте ..." / box / "5. Хранете се ...")."""
    last, first = _TEXT_NUMBER.match(page.units[part.end].text), _TEXT_NUMBER.match(page.units[other.start].text)
    return last is not None and first is not None and int(first.group(1)) == int(last.group(1)) + 1


def _inline_box_between(page: Page, before: Run, after: Run) -> bool:
    """Only a short box inside the article stands between two runs: a promo
    ("Подкрепете ни", a paragraph, "Дарете сега"), a reader poll (its
    question, answers and shares, "Гласувай"), a registration wall that the
    page prints the rest of the article under anyway, or a "read more"
    insert ("Виж още" and one or two titles, no prose); no dateline, no
    other kind of section."""
    gap = range(before.end + 1, after.start)
    walls = [g for g in gap if page.labels[g] == Label.BOILERPLATE]
    if not walls or any(page.labels[g] in (Label.DATELINE, Label.CRAWLER) for g in gap):
        return False
    box = _walled_box(page, gap, walls)
    if box is not None:
        return box
    titles_only = not any(page.labels[g] == Label.TEXT and page.is_prose(g) for g in gap)
    return (
        titles_only and all(is_wall_of(page, g, RELATED) for g in walls)
        and (_one_story(page, before, after) or _closed_by_article_widgets(page, after))
    )


def _closed_by_article_widgets(page: Page, run: Run) -> bool:
    """The article's own closing (the editor's initials, its tags, share
    bar or comments, a bare "more" marker over teasers) follows the run
    right away: the run is the article's last part, whatever words it
    shares with the part above."""
    after = page.neighbour(run.end, 1)
    return after is not None and (page.features[after].editor_initials or _more_marker(page.units[after].text) or any(
        is_wall_of(page, after, family) for family in ARTICLE_CLOSINGS))


def _more_marker(text: str) -> bool:
    """A bare "more" marker over teasers ("ОЩЕ >>", "Още")."""
    return text.strip(_ARROWS).casefold() in _MORE_MARKERS


def _walled_box(page: Page, gap: range, walls: list[int]) -> bool | None:
    """True when the gap is a promo, a poll with its answers or a
    registration wall with its login row; False when it is too long for
    one (an embed may stand between the wall and the rest of the article);
    None when its walls are of other kinds."""
    paywall = any(is_wall_of(page, g, PAYWALL) for g in walls)
    poll = any(is_wall_of(page, g, POLLS) for g in walls)
    # the line right under the box's last wall is the next part's subheading
    lines = sum(1 for g in gap if page.labels[g] != Label.FURNITURE and page.features[g].words
                and g != page.neighbour(walls[-1], 1))
    if lines > page.weights.body_inline_box_reach * (2 if paywall or poll else 1):
        return False
    # a newsletter's form asks for the e-mail ("Имейл") as a login row does
    promo = any(is_wall_of(page, g, PROMOS) for g in walls)
    box_walls = (PROMOS, DONATIONS, POLLS) + ((PAYWALL, LOGIN) if paywall else (LOGIN,) if promo else ())
    return True if all(any(is_wall_of(page, g, family) for family in box_walls) for g in walls) else None


def _one_story(page: Page, before: Run, after: Run) -> bool:
    """The runs on either side of a "read more" box tell one story: they
    share a name, or several content words ("снегорини", "общината")."""
    if _names_in(page, before) & _names_in(page, after):
        return True
    shared = _stems_in(page, before) & _stems_in(page, after)
    return len(shared) >= page.weights.body_box_shared_stems


def _stems_in(page: Page, run: Run) -> set[str]:
    stem = page.weights.body_name_stem
    return set().union(*(content_stems(page.units[i].text, stem) for i in _texts(page, run)))


def _names_in(page: Page, run: Run) -> set[str]:
    """Stems of the names a run mentions (capitalised words not opening a
    sentence): the two parts of one story share some, a teaser of another
    story rarely does."""
    stem = page.weights.body_name_stem
    return {
        m.group(1).casefold()[:stem]
        for i in _texts(page, run)
        for m in _NAME_INSIDE.finditer(page.units[i].text)
    }


def _capitalised_in(page: Page, run: Run) -> set[str]:
    """Stems of a run's capitalised words, a sentence's first included:
    names, and the nouns a story opens its sentences with."""
    stem = page.weights.body_name_stem
    return {m.group().casefold()[:stem] for i in _texts(page, run)
            for m in _CAPITALISED.finditer(page.units[i].text)} - STOPWORDS


def _begins_article(page: Page, run: Run) -> bool:
    """A run before an inline box starts the article when it follows the
    header directly, or opens the page (a dump that starts straight with
    the article's first paragraph), and weighs like an article on its own."""
    return run.weight >= page.weights.body_min_article and (
        follows_header(page, run.start) or _opens_page(page, run.start))


def _opens_page(page: Page, i: int) -> bool:
    """Nothing but furniture or the crawler's date stands above unit i."""
    before = page.neighbour(i, -1)
    return before is None or (page.labels[before] == Label.CRAWLER and page.neighbour(before, -1) is None)


def _continues_article(page: Page, run: Run) -> bool:
    """A run after an inline box continues the article when it holds several
    paragraphs and does not look like a teaser's summary or a row of them."""
    return (run.weight >= page.weights.body_min_article and len(_texts(page, run)) >= 2
            and not teaser_shaped(page, run) and not _teaser_list(page, run))


def is_wall_of(page: Page, i: int, family) -> bool:
    """Unit i is a wall of furniture of ``family``."""
    return page.labels[i] == Label.BOILERPLATE and page.features[i].furniture is family


def follows_header(page: Page, i: int) -> bool:
    """The header (a dateline, byline or title) stands right above unit i,
    maybe with a share or font-size bar, an audio player's label or a
    login row or close button ("x") between; or a title printed once
    (a line of a title's length with no full stop) stands right under
    such a header, and unit i under it."""
    before = _header_line_above(page, i)
    if before is not None and page.labels[before] == Label.TEXT and _printed_once_title(page, before):
        before = _header_line_above(page, before)
    return before is not None and page.labels[before] in (Label.DATELINE, Label.BYLINE, Label.TITLE)


def _header_line_above(page: Page, i: int) -> int | None:
    before = page.neighbour(i, -1)
    while before is not None and (is_wall_of(page, before, SHARE) or is_wall_of(page, before, LOGIN)
                                  or _player_or_label(page, before)):
        before = page.neighbour(before, -1)
    return before


def _printed_once_title(page: Page, i: int) -> bool:
    f = page.features[i]
    return page.is_title_like(i) and not f.ends_sentence and not page.is_prose(i)


def _player_or_label(page: Page, i: int) -> bool:
    """A text line of at most two words ("Слушай статията 00:00 / 04:12")."""
    return page.labels[i] == Label.TEXT and page.features[i].words <= 2


def count_teasers(page: Page, lo: int = 0, hi: int | None = None) -> int:
    """Teasers among units lo to hi: a repeated title followed by a text or
    a dateline, or a title-like line followed by its dateline, directly or
    after a one-paragraph summary."""
    labels = page.labels
    count = 0
    for i in range(lo, min(len(labels), hi if hi is not None else len(labels)) - 1):
        if labels[i] == Label.TITLE and labels[i + 1] in (Label.TEXT, Label.DATELINE):
            count += 1
        elif labels[i] == Label.TEXT and page.is_title_like(i) and not page.is_prose(i):
            after = labels[i + 2] if i + 2 < len(labels) else None
            if labels[i + 1] == Label.DATELINE or (labels[i + 1] == Label.TEXT and after == Label.DATELINE):
                count += 1
    return count


def _teaser_pair_at(page: Page, i: int) -> bool:
    """Units i and the next text unit are a title with no full stop over a
    one-sentence summary: another story's teaser."""
    below = page.neighbour(i, 1)
    if below is None or page.labels[i] != Label.TEXT or page.labels[below] != Label.TEXT:
        return False
    title, summary = page.features[i], page.features[below]
    return (page.is_title_like(i) and not title.ends_sentence and not (title.list_item or title.fact_line)
            and summary.ends_sentence
            and summary.sentences == 1 and summary.words <= page.weights.body_pair_summary_max_words)


def end_before_teaser_pairs(page: Page, start: int, end: int) -> int:
    """The run ``start``..``end`` without the title-summary pairs closing
    it, when with those right after it they are ``teaser_pairs`` or more:
    teasers printed under the article with no heading.  Pairs are taken
    off from the end up to one that shares ``pair_shared_names``
    capitalised words with the run above it: the article's own last
    paragraphs (a match report's venue and next round)."""
    pairs_after, i = 0, page.neighbour(end, 1)
    while i is not None and _teaser_pair_at(page, i):
        pairs_after += 1
        i = page.neighbour(page.neighbour(i, 1) or len(page.units), 1)
    cut, pairs = end, 0
    while (title := page.neighbour(cut, -1)) is not None and title > start and _teaser_pair_at(page, title):
        above = page.neighbour(title, -1)
        if above is None or len(_capitalised_in(page, Run(start, above, 0.0)) & _capitalised_in(page, Run(title, cut, 0.0))) \
                >= page.weights.body_pair_shared_names:
            break
        pairs, cut = pairs + 1, above
    return cut if pairs and pairs + pairs_after >= page.weights.body_teaser_pairs else end
