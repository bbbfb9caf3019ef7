"""Stage 4c: read the article's header above the body and the meta line
after it.

Once ``classify`` has chosen the article's body, the units just above it
are the article's header: the headline, perhaps a standfirst, photo
captions, bylines and the dateline.  They are read in this order:

1. The headline, walking back from the body's first unit (at most
   ``header_reach`` units): the nearest repeated title (pages print their
   title twice, as page title and article title); else the title-like line
   just above the dateline or byline, or the shorter title above it when
   that line reads as a standfirst; else the farthest title-like line
   below the dateline (nearer ones are captions).  A line that opens like
   a caption ("Кадър от ...") or sits right above a photo credit is never
   the headline.  The site's menu and prose above the header end the walk.
2. The top of the header: the datelines, bylines, furniture and earlier
   copies of the title directly above the headline.
3. Forward from that top to the body: copies of the headline are
   furniture; datelines and bylines give the article's dates and authors
   (bare names count only beside a dateline or byline, co-authors one per
   line, or right above the headline); a long or prose line under the
   headline is the standfirst and becomes the body's first paragraph;
   other short lines are captions.
4. After the body: a labelled byline or a labelled publication date in
   the two units right after it (furniture aside).

Why backwards from the body: what stands above an article differs from
site to site (menus, a "today" bar with its date, teasers with their own
titles and dates, "most read" lists), but the header always sits right on
top of the body.  Walking back from it, the first title met is the
article's and the menu ends the search, so a teaser's title or date is
never taken for the article's.
"""
from __future__ import annotations

from collections.abc import Sequence

from . import byline
from .dates import DateCandidate, closing_time, labelled_time_alone
from .features import Features, line_key
from .captions import bare_line_over_first_paragraph, caption_reason
from .furniture import family_named
from .headline import find_headline, is_menu_row, names_sections, reads_as_standfirst
from .page import Label, Page, is_prose, is_title_like
from .tables import table
from .weights import Weights

LOGIN = family_named("login and forms")
_AUTHOR_BOX_HEADINGS = frozenset(h.casefold() for h in table("page_bg").phrases("author_box_headings"))
RELATED = family_named("related and most read")


def read_header(page: Page, body_start: int) -> None:
    """Label the header above the body: the headline and its copies,
    bylines and the article's dates, the standfirst (put first in the
    body) and captions."""
    headline = _mark_headline(page, find_headline(page, body_start))
    top = _header_top(page, headline) if headline is not None else _untitled_header_top(page, body_start)
    lead: list[int] = []
    above_headline = 0  # how many of the date candidates came from lines above the headline
    for j in range(top, body_start):
        if j == headline:
            continue
        label = page.labels[j]
        if label == Label.TITLE and headline is not None and _same_line(page, j, headline):
            page.relabel(j, Label.FURNITURE, "headline printed again")
        elif label in (Label.DATELINE, Label.BYLINE) or (label == Label.TEXT and _bare_byline(page, j)):
            _read_meta_line(page, j)
            if headline is not None and j < headline:
                above_headline = len(page.date_candidates)
        elif label == Label.TEXT and (headline is None or j > headline):
            if _read_standfirst_or_caption(page, j, headline, body_start):
                lead.append(j)
    if headline is not None:
        _read_credited_caption_above(page, top, body_start)
        if not _prefer_dateline_below(page, above_headline):
            _prefer_dateline_nearest(page, top, headline)
    else:
        _prefer_dateline_nearest(page, top, body_start)
    page.body[:0] = lead
    page.captions.sort()
    if not page.date_candidates:
        _labelled_dates_above(page, body_start)
    _labelled_times_alone(page, top, body_start)


def _labelled_times_alone(page: Page, top: int, body_start: int) -> None:
    """A labelled time alone on a header line ("ОБНОВЕНА 11:52") falls on
    the day of the article's dateline."""
    day = next((c for c in page.date_candidates if c.kind != "updated" and not c.crawler), None)
    if day is None:
        return
    for j in range(top, body_start):
        if page.labels[j] == Label.TEXT and not page.features[j].date_candidates:
            found = labelled_time_alone(page.units[j].text, day)
            if found is not None:
                page.relabel(j, Label.DATELINE, "a labelled time on the day of the article's dateline")
                page.date_candidates.append(found)


def _prefer_dateline_below(page: Page, above_headline: int) -> bool:
    """When a dateline under the headline gives the article's date, a date
    above the headline (a clock bar over a section label: "Сряда, 14
    януари 2026 | 13:52") is not the article's."""
    below = page.date_candidates[above_headline:]
    if any(map(_gives_the_date, below)):
        _keep_dates(page, below)
        return True
    return False


def _prefer_dateline_nearest(page: Page, top: int, end: int) -> None:
    """Of the header's datelines over ``end`` (the headline, or the body
    when there is none) the nearest is the article's; one above it (a
    today bar: "Петък, 6 март 2026 | 14:22") is the page's."""
    datelines = [j for j in range(top, end) if page.labels[j] == Label.DATELINE
                 and any(map(_gives_the_date, page.features[j].date_candidates))]
    if len(datelines) > 1:
        _keep_dates(page, page.features[datelines[-1]].date_candidates)


def _gives_the_date(candidate: DateCandidate) -> bool:
    return candidate.kind != "updated" and not candidate.crawler


def _keep_dates(page: Page, kept: Sequence[DateCandidate]) -> None:
    """Only ``kept`` of the article's date candidates stay, and every update
    time ("Обновена: ...")."""
    page.date_candidates[:] = [c for c in page.date_candidates if c in kept or c.kind == "updated"]


def _mark_headline(page: Page, headline: int | None) -> int | None:
    """Label the headline, at its first copy of a run of copies."""
    if headline is not None:
        while headline > 0 and page.labels[headline - 1] == Label.TITLE and _same_line(page, headline - 1, headline):
            headline -= 1
        page.relabel(headline, Label.HEADLINE, "title nearest before the article")
    page.headline = headline
    return headline


def _same_line(page: Page, i: int, j: int) -> bool:
    return line_key(page.units[i].text) == line_key(page.units[j].text)


def _read_meta_line(page: Page, j: int) -> None:
    """A dateline or byline of the header: its names and its dates."""
    text, f = page.units[j].text, page.features[j]
    names = (byline.labelled_byline(text) or _bare_byline(page, j)
             or _name_after_opening_date(text, f) or byline.names_field(text))
    if names:
        page.relabel(j, Label.BYLINE, "byline in the article's header")
        page.bylines.append((j, names))
    if f.date_candidates:
        page.reasons[j] += "; dateline of the article"
        page.date_candidates.extend(c for c in f.date_candidates if not c.crawler)


def _read_standfirst_or_caption(page: Page, j: int, headline: int | None, body_start: int) -> bool:
    """Label a text line under the headline as the standfirst (True: it
    goes first in the body) or as a caption."""
    f = page.features[j]
    caption = caption_reason(page, j, body_start)
    if (headline is not None and _standfirst(page, j, headline, body_start) and f.credit_at < 0
            and not (caption and f.words <= page.weights.captions_bare_max_words)):
        page.relabel(j, Label.LEAD, "standfirst between headline and body")
        return True
    if caption:
        page.relabel(j, Label.CAPTION, caption)
        page.captions.append(j)
    elif bare_line_over_first_paragraph(page, j, body_start):
        page.relabel(j, Label.LEAD, "short line over the first paragraph naming nothing of the headline: the standfirst")
        return True
    return False


def _read_credited_caption_above(page: Page, top: int, body_start: int) -> None:
    """The lead photo printed over the title: a line with its photo credit
    on it, right above the header, is the photo's caption."""
    j = page.neighbour(top, -1)
    if j is not None and page.labels[j] == Label.TEXT and page.features[j].credit_at > 0:
        caption = caption_reason(page, j, body_start)
        if caption:
            page.relabel(j, Label.CAPTION, caption)
            page.captions.append(j)


def _labelled_dates_above(page: Page, body_start: int) -> None:
    """A dateline labelled as the publication or update ("Публикувано на 2
    октомври 2025 г.") a few lines above the body is the article's, even
    when a box of other lines (a claim under check, an info box) stands
    between it and the headline."""
    for j in range(max(0, body_start - page.weights.header_reach), body_start):
        if page.labels[j] == Label.DATELINE:
            labelled = [c for c in page.features[j].date_candidates if c.kind != "plain" and not c.crawler]
            if labelled:
                page.reasons[j] += "; labelled date of the article"
                page.date_candidates.extend(labelled)


def _standfirst(page: Page, j: int, headline: int, body_start: int) -> bool:
    """A line under the headline, with no other text between them, that is
    prose, or reads as its dek and is longer than a bare caption or sits
    over the byline or dateline."""
    f = page.features[j]
    if is_menu_row(page.units[j].text, page.weights):
        return False
    if any(page.labels[k] == Label.TEXT for k in range(headline + 1, j)):
        return False  # under a label or another box's line ("Твърдение"), not under the title
    if is_prose(f, page.weights) and f.words >= page.weights.header_standfirst_prose_words:
        return True
    over_meta = any(label in (Label.DATELINE, Label.BYLINE) for label in page.labels[j + 1:body_start])
    return reads_as_standfirst(f, page.features[headline], page.weights) and (
        over_meta or f.words > page.weights.captions_bare_max_words)


def _name_after_opening_date(text: str, f: Features) -> str | None:
    if f.date_candidates and f.date_candidates[0].start == 0:
        return byline.name_after_date(text, f.date_candidates[0].end)
    return None


def _header_top(page: Page, headline: int) -> int:
    """First unit of the header above the headline: datelines, bylines,
    furniture, earlier copies of the title, section names and counters
    directly above it ("19.02.2026 • 15:12" / "3062 прегледа" / "88
    коментара" / title).  The site's menu or login row ends the header: a
    clock or a today bar over it is the day of the visit."""
    top = headline
    for j in range(headline - 1, max(-1, headline - 1 - page.weights.header_above_reach), -1):
        label = page.labels[j]
        if label in (Label.DATELINE, Label.BYLINE, Label.FURNITURE, Label.TITLE) or (
                label == Label.TEXT and (_bare_byline(page, j) or _short_aside(page, j))):
            top = j
        elif label != Label.BOILERPLATE or _ends_header(page, j):
            break
    return top


def _untitled_header_top(page: Page, body_start: int) -> int:
    """First unit of the header of an article with no headline: the
    ``header_untitled_reach`` units over the body, not counting what a
    picture or a player leaves ("Снимка: БТА", "00:00 / 02:47"), or fewer when the site's
    menu of sections or its login row stands among them (a today bar over
    the menu is the day of the visit; a toolbar such as "Отпечатай |
    Изпрати" may stand between the dateline and the body); none under a
    related list's heading ("Последно от рубриката": the title and date
    under it are a teaser's)."""
    top, counted = body_start, 0
    for j in range(body_start - 1, -1, -1):
        if counted == page.weights.header_untitled_reach:
            break
        if page.features[j].furniture is RELATED and page.labels[j] == Label.BOILERPLATE:
            return body_start  # all under it, down to the body, is the list's
        if page.labels[j] != Label.DATELINE and (
                names_sections(page.units[j].text) or page.features[j].furniture is LOGIN):
            return j + 1
        top, counted = j, counted + (page.labels[j] != Label.FURNITURE)
    return top


def _ends_header(page: Page, j: int) -> bool:
    """A row of the site's menu or its login links."""
    f = page.features[j]
    return f.menu_like or f.furniture is LOGIN


def _bare_byline(page: Page, j: int) -> str | None:
    """Names alone on a line count as a byline only beside a dateline, or
    just before or after the headline; elsewhere in the header they caption
    a photo."""
    names = byline.bare_names(page.units[j].text)
    if not names:
        return None
    before, after = _past_names(page, j, -1), _past_names(page, j, 1)
    near_date = any(n is not None and page.labels[n] in (Label.DATELINE, Label.BYLINE) for n in (before, after))
    above_headline = (
        page.headline is not None and j < page.headline and after is not None
        and (after == page.headline or page.labels[after] in (Label.TITLE, Label.HEADLINE))
    )
    under_headline = page.headline is not None and before == page.headline
    return names if near_date or above_headline or under_headline else None


def _past_names(page: Page, j: int, step: int) -> int | None:
    """The nearest neighbour of j that is not furniture, a bare counter
    ("👁 1 245") nor another line of bare names (co-authors are often
    printed one per line)."""
    n = page.neighbour(j, step)
    while n is not None and page.labels[n] == Label.TEXT and (
            page.features[n].words == 0 or byline.bare_names(page.units[n].text)):
        n = page.neighbour(n, step)
    return n


def read_footer_meta(page: Page, body_end: int) -> None:
    """A labelled byline or publication line a few lines after the body
    (past furniture, a bare counter or a short promo line such as
    "Гледайте головете от мача"), and, when the header gave no date, the
    first dateline there before any section of the page, unless it is a
    relative time under such a line (a teaser's title and its "Преди 1
    час")."""
    seen, past_text = 0, False
    undated = not any(not c.crawler for c in page.date_candidates)
    j = page.neighbour(body_end, 1)
    while j is not None and seen < page.weights.header_footer_reach:
        label, f = page.labels[j], page.features[j]
        if label == Label.DATELINE and past_text and all(c.relative for c in f.date_candidates):
            undated = False  # "Преди 1 час" under a title after the article: a teaser's time
        if label == Label.BYLINE:
            _read_footer_byline(page, j)
        elif label == Label.DATELINE and (undated or any(c.kind != "plain" for c in f.date_candidates)):
            _read_footer_date(page, j, undated)
            undated = False
        elif label == Label.BOILERPLATE and f.furniture is not None:
            undated = False  # past a share bar or a related list, a bare date is a teaser's
        elif _short_aside(page, j):
            past_text = True
        elif not f.editor_initials:
            break
        seen += 1
        j = page.neighbour(j, 1)


def read_author_box(page: Page, body_end: int) -> None:
    """With no byline, the names right under an author box's heading after
    the article ("За автора" / "Мила Дончева" / her bio) are its author."""
    if page.bylines:
        return
    heading = next((j for j in range(body_end + 1, len(page.units))
                    if page.units[j].text.strip(" :").casefold() in _AUTHOR_BOX_HEADINGS), None)
    below = page.neighbour(heading, 1) if heading is not None else None
    names = byline.bare_names(page.units[below].text) if below is not None else None
    if below is not None and names:
        page.relabel(below, Label.BYLINE, "names under the author box's heading")
        page.bylines.append((below, names))


def _read_footer_byline(page: Page, j: int) -> None:
    """The names of a byline after the article, and the time that may
    close it on the article's day ("Публикувано от Надя Петрова в 21:14")."""
    names = byline.labelled_byline(page.units[j].text)
    if names and not page.bylines:
        page.bylines.append((j, names))
        page.reasons[j] = "labelled byline after the article"
        day = next((k for k, c in enumerate(page.date_candidates) if _gives_the_date(c)), None)
        if day is not None:
            timed = closing_time(page.units[j].text, page.date_candidates[day])
            if timed is not None:
                page.date_candidates[day] = timed


def _read_footer_date(page: Page, j: int, undated: bool) -> None:
    """The dates of a dateline under the article: all of them when the
    header gave none, else only the labelled ones."""
    page.date_candidates.extend(c for c in page.features[j].date_candidates if undated or c.kind != "plain")
    page.reasons[j] += "; date of the article under it"


def _short_aside(page: Page, j: int) -> bool:
    """A short text line that is no paragraph: a promo or a counter."""
    return page.labels[j] == Label.TEXT and not page.is_prose(j) and page.features[j].words <= 6
