"""Stage 4b: label every unit of a page and find the article in it.

    classify(units, now=None, template=frozenset(), weights=DEFAULT) -> Page

Labelling runs in three passes over plain lists:

1. Each unit gets a local label from its own features, by the first rule of
   ``RULES`` that holds (page furniture of a phrase family, a menu, a photo
   credit, a gallery counter, an agency marker, a dateline, a byline, a
   repeated title), else ``text``.
2. ``body.choose_body`` finds the article's run.
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
from datetime import date, datetime, timezone
from typing import NamedTuple

import regex

from . import byline
from .blocks import Unit
from .captions import caption_reason, has_symbols, opens_with_video_label, shaped_as_caption
from .body import ARTICLE_CLOSINGS, LOGIN, PAYWALL, PROMOS, RELATED, Choice, Run, choose_body, count_teasers, end_before_teaser_pairs, is_wall_of
from .dates import DateCandidate, relative_on_day
from .features import CLOSING_QUOTES, OPENING_QUOTES, Features, line_key, measure_page, words_of
from .furniture import family_named
from .header import read_author_box, read_footer_meta, read_header
from .headline import cleaned_key, names_listing
from .marks import opens_with_label, player_line
from .page import Label, Page, is_article_prose, is_prose
from .tables import table
from .weights import DEFAULT, Weights

_CREDITS = family_named("photo and video credits")
_EMBEDS = family_named("embeds and notices")
_POLLS = family_named("polls")

_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_HASHTAG = regex.compile(r"(?<![\w&])#\w")
_EMBED_SIGNATURES = tuple(s.casefold() for s in table("page_bg").phrases("embed_signatures"))
COMMENTS = family_named("share and comments")
# What closes the article itself: its share bar, tags, comments or a wall.
_CLOSINGS_OR_WALL = (*ARTICLE_CLOSINGS, PAYWALL)
_TODAY_BAR_LABELS = tuple(s.casefold() for s in table("page_bg").phrases("today_bar_labels"))
# How an author's bio goes on after the name ("Мария Цветкова е журналист ...").
_BIO_VERBS = table("page_bg").phrases("author_bio_verbs")
_WEEKDAYS = frozenset(s.casefold() for s in table("dates_bg").phrases("weekdays", "names"))
_GALLERY_HEADINGS = frozenset(s.casefold() for s in table("page_bg").phrases("gallery_headings"))
_TODAY_BAR_WORDS = frozenset(s.casefold() for s in table("page_bg").phrases("today_bar_words"))
# A temperature beside a date: the weather and today bar ("Пловдив 17°C Петък, 14 март 2025").
_TEMPERATURE = regex.compile(r"\d\s?°")
TEMPLATE_REASON = "line of the site's template (recurs across the files of this run)"


def _today_bar(text: str) -> bool:
    """A date in the site's today, weather or sky bar: it opens with "Днес",
    or a temperature, a sunrise or the moon stands beside it."""
    lowered = text.casefold()
    return (lowered.startswith(_TODAY_BAR_LABELS) or bool(_TEMPERATURE.search(text))
            or any(word.casefold() in _TODAY_BAR_WORDS for word in words_of(text)))


class UnitView(NamedTuple):
    """What a rule looks at: the unit, its features, and the page's context."""
    unit: Unit
    f: Features
    template: frozenset[str]
    weights: Weights

    @property
    def labelled_title(self) -> bool:
        """"СНИМКИ: Футболистът ... се ожени", "ГАЛЕРИЯ: Сливен приема 180
        кадети ...": a title under a headline's label in capitals, longer
        than a photo credit ("Снимки: Иван Петров") or a gallery's label
        ("Галерия: 24 снимки")."""
        return (self.f.words > self.weights.captions_credit_max_words and opens_with_label(self.unit.text)
                and (self.f.credit_at == 0 or self.f.furniture is not None))

    @property
    def long_prose(self) -> bool:
        """A sentence longer than any headline: printed twice it is the lead
        (once as a summary over the photo), not a title."""
        f = self.f
        return is_prose(f, self.weights) and (
            f.words > self.weights.headline_prose_max_words
            or (f.words >= self.weights.prose_min_words + 4 and self.unit.text.endswith(".")))

    @property
    def plain_furniture(self) -> bool:
        """Matched by a furniture phrase as a whole line, not a title with a label."""
        return self.f.furniture is not None and not self.f.furniture_by_phrase_inside and not self.labelled_title


class Rule(NamedTuple):
    label: Label
    holds: Callable[[UnitView], bool]
    reason: str     # a format string over the unit's features ``f``


# The first rule that holds labels the unit; the order is the order of trust.
RULES = (
    Rule(Label.CRAWLER, lambda u: u.unit.index == 0 and any(c.crawler for c in u.f.date_candidates),
         "crawler's date line"),
    Rule(Label.BOILERPLATE, lambda u: u.f.editor_initials, "editor initials: the article ends here"),
    Rule(Label.BYLINE, lambda u: u.f.furniture is _CREDITS and bool(byline.labelled_byline(u.unit.text)),
         "labelled byline (a credit of text and photos)"),
    Rule(Label.BOILERPLATE, lambda u: bool(u.f.date_candidates) and _today_bar(u.unit.text),
         "a today or weather bar: the day of the visit"),
    Rule(Label.DATELINE, lambda u: u.f.date_dominant and u.f.date_candidates[0].start == 0,
         "opens with a date, then only names, labels or a comment count"),
    # before the furniture: "Втора лига | 22.03.2025 | 17:58 | 11 коментара" holds a comment count
    Rule(Label.DATELINE, lambda u: u.f.date_dominant and (not u.plain_furniture or u.f.furniture is COMMENTS),
         "mostly a date or time"),
    # (the ignore: plain_furniture holds only where furniture is set)
    Rule(Label.BOILERPLATE, lambda u: u.plain_furniture and u.f.furniture.role == "section",  # type: ignore[union-attr]
         "section furniture: {f.furniture.name}"),
    Rule(Label.FURNITURE, lambda u: u.plain_furniture, "inline furniture: {f.furniture.name}"),
    Rule(Label.FURNITURE, lambda u: u.f.credit_at == 0 and not u.labelled_title, "photo credit alone"),
    Rule(Label.FURNITURE, lambda u: u.f.gallery_counter, "gallery counter"),
    Rule(Label.FURNITURE, lambda u: u.f.words == 0 and player_line(u.unit.text),
         "a player's mark or clock ('▶ 2:14', '00:00 / 02:47')"),
    Rule(Label.FURNITURE, lambda u: u.f.agency_only, "agency marker"),
    Rule(Label.FURNITURE, lambda u: u.f.place_line, "place of a dateline"),
    Rule(Label.BYLINE, lambda u: bool(byline.labelled_byline(u.unit.text)), "labelled byline"),
    Rule(Label.FURNITURE, lambda u: bool(u.template) and u.f.key in u.template and not is_article_prose(u.f, u.weights),
         TEMPLATE_REASON),
    Rule(Label.TITLE, lambda u: (u.f.same_as_previous or u.f.same_as_next or u.f.repeats >= 2) and not u.long_prose,
         "title printed {f.repeats} times"),
    Rule(Label.BOILERPLATE, lambda u: u.f.menu_like and not byline.bare_names(u.unit.text), "menu or breadcrumb"),
)
_TEXT_REASON = "{f.words} words, stopwords {f.stop_ratio:.2f}, sentence end {f.ends_sentence}"


def local_label(unit: UnitView) -> tuple[Label, str]:
    """The label of the first rule that holds for the unit, and its reason."""
    for rule in RULES:
        if rule.holds(unit):
            return rule.label, rule.reason
    return Label.TEXT, _TEXT_REASON


def classify(units: list[Unit], now: datetime | None = None,
             template: frozenset[str] = frozenset(), weights: Weights = DEFAULT) -> Page:
    """Label the units of one page and find its article.  Relative dates
    are read against ``now``; without it they still mark a line as a time
    but give no date."""
    feats = measure_page([u.text for u in units], now or datetime.now(timezone.utc), every_key=bool(template))
    local = [local_label(UnitView(u, f, template, weights)) for u, f in zip(units, feats)]
    page = Page(units, feats, [label for label, _ in local], [why for _, why in local], weights)
    _mark_titles_named_by_breadcrumbs(page)
    _mark_clocks_beside_the_weather(page)
    _mark_polls(page)
    choice = choose_body(page)
    run = choice.run
    listing = _why_no_article(page, choice)
    if listing or run is None:
        _no_article(page, run, listing or "")
    else:
        end = end_before_teaser_pairs(page, run.start, _take_closing_lines(page, _take_cut_off_tail(page, run.end)))
        for box in choice.boxes:
            _drop_inline_box(page, box)
        start = _article_start(page, run)
        read_header(page, start)
        start = _past_headline_copy(page, start, end)
        end = _before_author_box(page, start, end)
        _mark_body(page, start, end)
        page.captions.sort()
        read_footer_meta(page, end)
        read_author_box(page, end)
        _drop_repeated_paragraphs(page)
        if _untitled_intro_to_teasers(page):
            _withdraw_article(page, "one untitled paragraph over a list of teasers: a listing's intro")
        else:
            page.truncated = _cut_off(page, end)
    if now is None:
        page.date_candidates = [c for c in page.date_candidates if not c.relative]
    if page.units and page.labels[0] == Label.CRAWLER and not page.no_article:
        _add_the_crawlers_date(page)
    return page


def _before_author_box(page: Page, start: int, end: int) -> int:
    """The run ends in an author box with no heading: a line of names, then
    a bio that opens with them ("Мария Цветкова" / "Мария Цветкова е
    журналист в ..."); the article ends above the names."""
    names_line = page.neighbour(end, -1)
    if names_line is None or names_line <= start:
        return end
    names = byline.bare_names(page.units[names_line].text)
    if not names or not page.units[end].text.startswith(tuple(f"{names} {verb} " for verb in _BIO_VERBS)):
        return end
    page.relabel(names_line, Label.BYLINE, "names over their bio: the author box")
    page.relabel(end, Label.FURNITURE, "the author's bio")
    if not page.bylines:
        page.bylines.append((names_line, names))
    return page.neighbour(names_line, -1) or start


def _past_headline_copy(page: Page, start: int, end: int) -> int:
    """The run opens with the headline printed again (the title bar's "X |
    Site" gave the headline, the article prints "X" over its text): that
    line is a copy of the title, and the article starts under it."""
    if page.headline is None or start >= end:
        return start
    texts = [unit.text for unit in page.units]
    if cleaned_key(texts[start], texts, page.weights) != cleaned_key(texts[page.headline], texts, page.weights):
        return start
    page.relabel(start, Label.FURNITURE, "headline printed again")
    return start + 1


def _add_the_crawlers_date(page: Page) -> None:
    """The crawler's date comes last among the candidates (the page's own
    date beats it); a relative time is read again on the crawler's day
    ("вчера в 18:45"), not on ``now``, and goes when that day does not
    place it ("преди 3 часа")."""
    crawled = [c for c in page.features[0].date_candidates if c.crawler]
    clocks = _visit_clocks(page, crawled)
    day = next((date.fromisoformat(c.value) for c in crawled if len(c.value) == 10), None)
    kept = [c for c in page.date_candidates if c not in clocks]
    if day is not None:
        kept = _read_on_the_day(page, kept, day)
    page.date_candidates = [*kept, *crawled]


def _read_on_the_day(page: Page, candidates: list[DateCandidate], day: date) -> list[DateCandidate]:
    """The candidates with each relative one read again on ``day`` from
    its line's text, and left out when that day does not place it."""
    lines = {id(c): j for j, f in enumerate(page.features) for c in f.date_candidates}
    read: list[DateCandidate] = []
    for c in candidates:
        again = relative_on_day(page.units[lines[id(c)]].text, c, day) if c.relative and id(c) in lines else c
        if again is not None:
            read.append(again)
    return read


def _opens_with_weekday(text: str) -> bool:
    words = words_of(text)
    return bool(words) and words[0].casefold() in _WEEKDAYS


def _visit_clocks(page: Page, crawled: list[DateCandidate]) -> list[DateCandidate]:
    """The times of a bar that opens with a weekday and gives the crawl
    day with a clock ("Петък, 13 март 2026 | 17:02"): the visit's clock,
    which says no more of the article than the crawler's day does."""
    days = {c.value[:10] for c in crawled}
    return [c for j, f in enumerate(page.features) if page.labels[j] == Label.DATELINE
            and _opens_with_weekday(page.units[j].text)
            for c in f.date_candidates if c.kind == "plain" and "T" in c.value and c.value[:10] in days]


def _article_start(page: Page, run: Run) -> int:
    """Where the article's text starts: the run's first unit, unless that
    is a title-like line with no sentence end directly under a dateline or
    byline (no picture's mark or credit between or under it) and over a
    paragraph of prose: a page whose title the run took in; the header
    stage then weighs it as a title."""
    start, below = run.start, page.neighbour(run.start, 1)
    f = page.features[start]
    if (start > 0 and below is not None and below <= run.end
            and page.labels[start - 1] in (Label.DATELINE, Label.BYLINE) and page.labels[start] == Label.TEXT
            and page.is_title_like(start) and f.words <= page.weights.headline_prose_max_words
            and not f.ends_sentence and f.credit_at < 0
            and not page.above_credit(start) and page.is_prose(below)):
        return below
    return start


def _is_teaser(page: Page, choice: Choice, run: Run) -> bool:
    """The run is too thin, a row of title-summary pairs, or one summary
    under a title on a page of teasers."""
    return (choice.score < page.weights.body_min_article or choice.teaser == "list"
            or (choice.teaser is not None and count_teasers(page) >= 2))


def _teaser_line(page: Page, i: int) -> bool:
    """One teaser on one line: its summary is cut off ("...", "…"), or it
    opens with its date or time and ends no sentence ("преди 3 часа Мира
    Денева за раздялата: Не съжалявам за нищо Певицата за първи път").  An
    update of a live blog opens with its time too, but is a whole sentence."""
    f = page.features[i]
    dated = bool(f.date_candidates) and f.date_candidates[0].start == 0 and not f.date_dominant
    return f.cut_off or (dated and not f.ends_sentence and f.words >= page.weights.listing_teaser_line_words)


def _teaser_lines(page: Page, choice: Choice, run: Run) -> bool:
    """Most of the run's lines are teasers, one a line."""
    texts = [i for i in range(run.start, run.end + 1) if page.labels[i] == Label.TEXT]
    teasers = sum(_teaser_line(page, i) for i in texts)
    return teasers >= page.weights.listing_min_teaser_lines and teasers >= page.weights.listing_teaser_line_share * len(texts)


def _teasers_under_listing_heading(page: Page, choice: Choice, run: Run) -> bool:
    """A listing's heading ("Резултати от търсенето за ...", "Таг: сватба")
    stands over the run, its first teaser right under it, and from it
    through the run the page prints teasers of three lines (a title, a
    summary, their meta line): a search, tag or archive page, whose first
    teaser may read as an article under its title."""
    heading = next((j for j in range(run.start - 1, -1, -1) if _is_listing_heading(page, j)), None)
    if heading is None:
        return False
    teasers = [i for i in range(heading + 1, min(run.end + 2, len(page.units) - 2)) if _three_line_teaser(page, i)]
    return (len(teasers) >= page.weights.listing_heading_min_teasers
            and teasers[0] - heading <= page.weights.header_above_reach)


def _is_listing_heading(page: Page, j: int) -> bool:
    return not page.is_prose(j) and names_listing(page.units[j].text)


def _three_line_teaser(page: Page, i: int) -> bool:
    """A title-like line (a question is one too; a full stop is not), a
    summary of a sentence's length under it, and a dateline under that
    ("Данъци | 14.03.2025", "Любов | Преди 4 часа")."""
    return (page.labels[i] in (Label.TEXT, Label.TITLE) and page.is_title_like(i)
            and not page.units[i].text.rstrip().endswith(".")
            and page.labels[i + 1] == Label.TEXT and page.features[i + 1].words >= page.weights.prose_min_words
            and page.labels[i + 2] == Label.DATELINE)


# Why a page holds no article: the first check that holds, on the chosen run.
NO_ARTICLE_CHECKS: tuple[tuple[str, Callable[[Page, Choice, Run], bool]], ...] = (
    ("a teaser, not an article", _is_teaser),
    ("one post of a thread of dated posts, not an article", lambda page, choice, run: _one_of_dated_posts(page, run)),
    ("a list of teasers, one a line", _teaser_lines),
    ("teasers under a listing's heading", _teasers_under_listing_heading),
)


def _why_no_article(page: Page, choice: Choice) -> str | None:
    if choice.run is None:
        return "no run of text weighs like an article"
    run = choice.run
    return next((why for why, holds in NO_ARTICLE_CHECKS if holds(page, choice, run)), None)


def _mark_clocks_beside_the_weather(page: Page) -> None:
    """A date and time next to the weather ("Русе 19°C облачно" / "вторник,
    23 септември 2025, 11:42") is the site's clock: the day of the visit;
    one that names the article's author ("вчера в 18:45 | Репортер: Иван
    Велков") is the article's meta line."""
    for i, label in enumerate(page.labels):
        if label == Label.DATELINE and not byline.labelled_byline(page.units[i].text) and any(
                0 <= n < len(page.units) and _TEMPERATURE.search(page.units[n].text) for n in (i - 1, i + 1)):
            page.relabel(i, Label.BOILERPLATE, "a clock beside the weather: the day of the visit")


def _mark_polls(page: Page) -> None:
    """A reader poll between its heading and its button ("Анкета" ... question,
    answers with their shares ... "Гласувай"), and a short count right under
    the button ("Гласували: 2318"): the poll's, never the article's list."""
    walls = [i for i, f in enumerate(page.features) if page.labels[i] == Label.BOILERPLATE and f.furniture is _POLLS]
    for opening, closing in zip(walls, walls[1:]):
        if closing - opening > page.weights.body_poll_reach:
            continue
        for i in range(opening + 1, closing):
            if page.labels[i] == Label.TEXT:
                page.relabel(i, Label.FURNITURE, "a reader poll's question or answer")
        after = closing + 1
        if after < len(page.units) and page.labels[after] == Label.TEXT and page.features[after].words <= 2 \
                and not page.features[after].ends_sentence:
            page.relabel(after, Label.FURNITURE, "a reader poll's count")


def _mark_titles_named_by_breadcrumbs(page: Page) -> None:
    """A title-like line just under a breadcrumb that ends in it is the
    page's title printed twice, even though the breadcrumb's line is not
    the same line."""
    labels, feats, units = page.labels, page.features, page.units
    reach = page.weights.header_breadcrumb_reach
    for i, f in enumerate(feats):
        if f.breadcrumb_end is None:
            continue
        # The crumb's longest word must be in a line before the dearer line
        # keys are compared (most rows of items name no line under them).
        longest = max(f.breadcrumb_end.casefold().split(), key=len, default="")
        below = [j for j in range(i + 1, min(len(units), i + 1 + reach))
                 if labels[j] == Label.TEXT and longest in units[j].text.casefold() and page.is_title_like(j)]
        key = line_key(f.breadcrumb_end) if below else None
        for j in below:
            if line_key(units[j].text) == key:
                page.relabel(j, Label.TITLE, "title printed again as the breadcrumb's last item")


def _cut_off(page: Page, end: int) -> bool:
    """The dump stops inside the article's last paragraph, or a paywall
    right after it hides the rest."""
    last_content = max(i for i, label in enumerate(page.labels) if label != Label.FURNITURE)
    after = page.neighbour(end, 1)
    return ((end == last_content and not page.features[end].ends_sentence)
            or (after is not None and is_wall_of(page, after, PAYWALL)))


def _drop_repeated_paragraphs(page: Page) -> None:
    """A paragraph printed twice (the lead, once over the photo and once
    as the first paragraph) stays in the body once, and is no caption."""
    def key(i: int) -> str:
        return page.features[i].key or page.units[i].text

    seen: set[str] = set()
    kept = []
    for i in page.body:
        if key(i) in seen:
            page.relabel(i, Label.FURNITURE, "paragraph printed again")
        else:
            seen.add(key(i))
            kept.append(i)
    page.body = kept
    for i in [i for i in page.captions if key(i) in seen]:
        page.relabel(i, Label.FURNITURE, "a paragraph of the body printed again over the photo")
        page.captions.remove(i)


def _drop_inline_box(page: Page, box: range) -> None:
    """The lines of a box inside the article are furniture, except, after
    a promo's or a registration wall's last line, a subheading of the
    article's next part (the title after "Виж още" is another article's)."""
    last_wall = max(i for i in box if page.labels[i] == Label.BOILERPLATE)
    # a registration wall may end in its login row ("Вход | Регистрация")
    walled = any(is_wall_of(page, i, PAYWALL) for i in box)
    keep_after = (is_wall_of(page, last_wall, PROMOS) or is_wall_of(page, last_wall, PAYWALL)
                  or (walled and is_wall_of(page, last_wall, LOGIN)))
    for i in box:
        if page.labels[i] in (Label.TEXT, Label.TITLE) and not (keep_after and i > last_wall):
            page.relabel(i, Label.FURNITURE, "inside a box within the article")


def _no_article(page: Page, run: Run | None, why: str) -> None:
    page.no_article = True
    for i in range(run.start, run.end + 1) if run is not None else ():
        page.reasons[i] += f"; {why}"


def _untitled_intro_to_teasers(page: Page) -> bool:
    """An author's, a topic's or a section's page: no headline (or a
    listing's heading over the text), then one
    short paragraph (a profile, a description) over teasers, or a short
    text (a description and a featured teaser) that teasers follow with no
    section between them."""
    if not page.body or (page.headline is not None and not _under_listing_heading(page, page.body[0])):
        return False
    w = page.weights
    words = sum(page.features[i].words for i in page.body)
    one_paragraph = len(page.body) == 1 and words < w.teasers_intro_max_words
    return ((one_paragraph and count_teasers(page) >= w.teasers_min_listed)
            or (words < w.teasers_front_max_words and _teasers_right_after(page, page.body[-1]) >= w.teasers_min_listed))


def _under_listing_heading(page: Page, start: int) -> bool:
    """A listing's heading ("Всички проверки", "Статии от автора") stands
    a few lines over the text: whatever line was read as its headline, the
    page lists articles."""
    above = "\n".join(page.units[j].text for j in range(max(0, start - page.weights.header_above_reach), start))
    return names_listing(above)


def _teasers_right_after(page: Page, end: int) -> int:
    """Teasers after unit ``end`` up to the next section of the page."""
    stop = next((i for i in range(end + 1, len(page.units))
                 if page.labels[i] == Label.BOILERPLATE and page.features[i].furniture is not None), len(page.units))
    return count_teasers(page, end + 1, stop)


def _withdraw_article(page: Page, why: str) -> None:
    """Undo what was read of an article the page turned out not to hold."""
    for i in page.body:
        page.relabel(i, Label.TEXT, f"{page.reasons[i]}; {why}")
    page.body, page.captions, page.bylines, page.date_candidates = [], [], [], []
    page.no_article = True


def _dated_posts(page: Page) -> list[int]:
    """Prose paragraphs that come right after a dateline of their own: the
    posts of a forum thread or of a feed."""
    posts = []
    for i, label in enumerate(page.labels):
        if label == Label.DATELINE:
            j = page.neighbour(i, 1)
            if j is not None and page.labels[j] == Label.TEXT and page.is_prose(j):
                posts.append(j)
    return posts


def _one_of_dated_posts(page: Page, run: Run) -> bool:
    """The best run is one paragraph under its own dateline, among at least
    ``teasers_min_posts`` such posts: a forum thread, not an article."""
    texts = [i for i in range(run.start, run.end + 1) if page.labels[i] == Label.TEXT]
    posts = _dated_posts(page)
    return len(texts) == 1 and texts[0] in posts and len(posts) >= page.weights.teasers_min_posts


def _take_closing_lines(page: Page, end: int) -> int:
    """The article's last short lines, too light to weigh for themselves
    ("Извиняваме се за причиненото неудобство.", a subheading and its one
    sentence), stand between the run and the article's own closing (its
    share bar, tags, comments or a wall), a gallery's heading or a related
    list's heading ("Изложбата продължава до 30 ноември." over "Още от
    Изкуство"): they are the article's end when the last ends a sentence."""
    lines: list[int] = []
    j = page.neighbour(end, 1)
    while (j is not None and page.labels[j] == Label.TEXT and len(lines) < page.weights.body_closing_lines
           and not _gallery_heading_between(page, j)):
        lines.append(j)
        j = page.neighbour(j, 1)
    if not lines or j is None or not _ends_with_a_dot(page, lines[-1]):
        return end
    return lines[-1] if _closes_the_article(page, j, lines) else end


def _ends_with_a_dot(page: Page, i: int) -> bool:
    """A paragraph's last dot ends it, an abbreviation's ("... до 31 май 2026 г.") too."""
    return page.features[i].ends_sentence or page.units[i].text.rstrip().endswith(".")


def _closes_the_article(page: Page, j: int, lines: list[int]) -> bool:
    """Unit j, under the article's last ``lines``, is its closing: a
    gallery's heading, a share bar, tags, comments or a wall; or a related
    list's heading when those lines are Bulgarian text (no "Print" or a
    notice in English)."""
    return (_gallery_heading_between(page, j) or any(is_wall_of(page, j, family) for family in _CLOSINGS_OR_WALL)
            or (is_wall_of(page, j, RELATED) and all(page.features[k].stop_ratio > 0 for k in lines)))


def _gallery_heading_between(page: Page, j: int) -> bool:
    """A gallery's heading ("Галерия") stands right over unit j, past
    other furniture: the article ended over it."""
    above = j - 1
    while above >= 0 and page.labels[above] == Label.FURNITURE:
        if _gallery_heading(page, above):
            return True
        above -= 1
    return False


def _gallery_heading(page: Page, j: int) -> bool:
    return page.units[j].text.strip().casefold() in _GALLERY_HEADINGS


def _take_cut_off_tail(page: Page, end: int) -> int:
    """A dump cut off mid-article ends in a paragraph too short to weigh
    for itself: when the only unit left after the run is such a text, it
    is the article's last, truncated paragraph."""
    tail = page.neighbour(end, 1)
    if (tail is not None and tail == len(page.units) - 1 and page.labels[tail] == Label.TEXT
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
        if page.labels[i] != Label.TEXT:
            continue
        post = _over_embed_signature(page, i)
        if post and _post_not_article(page, i):
            page.relabel(i, Label.FURNITURE, "an embedded post's text: quoted above, in another language or with hashtags")
            continue
        if _pull_quote(page, i, start, end):
            page.relabel(i, Label.FURNITURE, "a pull quote: the article's own words again, in quote marks")
            continue
        after = page.neighbour(i, 1)
        first_paragraph = after if i == start and after is not None and page.is_prose(after) else -1
        why = None if post else (caption_reason(page, i, first_paragraph) or (
            "photo caption in the article's gallery" if gallery and not page.is_prose(i)
            and shaped_as_caption(page, i, in_gallery=True) else None))
        if why:
            page.relabel(i, Label.CAPTION, why)
            page.captions.append(i)
            continue
        gallery = False
        page.relabel(i, Label.BODY, f"in the article's run ({page.reasons[i]})")
        page.body.append(i)
    _gallery_after(page, end)
    _caption_right_after(page, end)


def _pull_quote(page: Page, i: int, start: int, end: int) -> bool:
    """Unit i is a short line wholly in quote marks whose content words
    another paragraph of the article holds nearly all: the article's words printed
    again, large, beside it; the paragraph keeps them once."""
    text, f, w = page.units[i].text.lstrip(), page.features[i], page.weights
    if (not text.startswith(OPENING_QUOTES) or not text.rstrip(" .!?").endswith(CLOSING_QUOTES)
            or f.words > w.captions_restating_max_words or is_article_prose(f, w)):
        return False
    own = page.stems(i)
    return len(own) >= w.captions_restating_min_stems and any(
        k != i and page.features[k].words > f.words and page.share_told_in(own, k) >= w.body_quoted_share
        for k in range(start, end + 1))


def _over_embed_signature(page: Page, i: int) -> bool:
    """An embedded post's signature ("Posted by ... on Wednesday, March 4,
    2026", "— Name (@handle) March 3, 2026") stands right under unit i:
    the post's own text, which the article quotes if it needs it."""
    below = i + 1
    if below >= len(page.units) or page.features[below].furniture is not _EMBEDS:
        return False
    text = page.units[below].text.lstrip()
    return text.casefold().startswith(_EMBED_SIGNATURES) or (text.startswith(("—", "–")) and "(@" in text)


def _post_not_article(page: Page, i: int) -> bool:
    """The post's text over its signature is not the article's when the
    paragraph above quotes it, it is in another language, or it carries
    hashtags ("#родопи") or emoji: a post's own marks.  A Bulgarian post with none
    of these is kept: the article may have nothing else of it."""
    text = page.units[i].text
    return (_quoted_above(page, i) or _CYRILLIC.search(text) is None or _HASHTAG.search(text) is not None
            or has_symbols(text))


def _quoted_above(page: Page, i: int) -> bool:
    """The article's paragraph right above unit i holds nearly all its
    content words: the article quotes the post, and prints it once."""
    above = page.neighbour(i, -1)
    if above is None or page.labels[above] != Label.BODY:
        return False
    own = page.stems(i)
    return bool(own) and page.share_told_in(own, above) >= page.weights.body_quoted_share


def _credit_alone(page: Page, j: int) -> bool:
    """A photo's credit on its own line ("© Калин Дончев"), which the
    footer's phrases take for a copyright line."""
    text = page.units[j].text.lstrip()
    return (text.startswith("©") and page.features[j].words <= page.weights.captions_credit_max_words
            and not any(map(str.isdigit, text)))


def _caption_right_after(page: Page, end: int) -> None:
    """The lines right after the article's last paragraph caption photos
    or clips of it while each has its credit on the line or opens with the
    clip's label ("... (Снимка: Община Хасково)", "Старата чаршия рано
    сутрин © Петя Ганева", "ВИДЕО: Моментът на удара ..."); a teaser's
    title over a lone credit is no such line."""
    j = end + 1
    while j < len(page.units) and page.labels[j] == Label.TEXT and shaped_as_caption(page, j):
        text = page.units[j].text
        if not (_closed_by_credit(text, page.features[j].credit_at) or opens_with_video_label(text)
                or (j == end + 1 and _lone_line_over_credit(page, j))):
            return
        page.relabel(j, Label.CAPTION, "photo or clip caption right after the article")
        page.captions.append(j)
        j += 1


def _lone_line_over_credit(page: Page, j: int) -> bool:
    """Line j stands over a photo credit alone, and no line after that
    credit does the same: one photo's caption, where a list of teasers
    prints title over credit again and again."""
    if not page.above_credit(j):
        return False
    after = page.neighbour(j + 1, 1)
    return after is None or not page.above_credit(after)


def _closed_by_credit(text: str, at: int) -> bool:
    """The credit closes the line after a sentence, in brackets or as a
    copyright sign, not "... в снимки: ..." inside a teaser's title."""
    return at > 0 and (text[:at].rstrip()[-1:] in ".!?(|–" or text[at:].lstrip().startswith("©"))


def _gallery_after(page: Page, end: int) -> None:
    """Captions of a photo gallery printed right after the article: under
    its counters, or under its heading ("Галерия") right after the last
    paragraph."""
    j, gallery = end + 1, False
    while j < len(page.units) and (page.labels[j] in (Label.FURNITURE, Label.TEXT) or _credit_alone(page, j)):
        f = page.features[j]
        if f.gallery_counter or (j == end + 1 and _gallery_heading(page, j)):
            gallery = True
        elif page.labels[j] == Label.TEXT and f.words:  # arrows ("‹", "›") between the photos are passed
            if not gallery or page.is_prose(j) or not shaped_as_caption(page, j, in_gallery=True):
                break
            page.relabel(j, Label.CAPTION, "caption in the article's gallery")
            page.captions.append(j)
        j += 1
