"""Stage 5a: find the article's headline among the lines above its body,
and clean its text.

    headline_candidates(page, body_start) -> [Candidate(index, score, why)], best first
    find_headline(page, body_start)       -> the index of the headline, or None
    clean_headline(text)                  -> the title without labels, credit or site name

Every title-like line above the body (and the body's first line, when it
is a title over the first paragraph) is a candidate.  Some lines can never
be the headline (a veto: a menu row, a copyright or rights line, bylines,
e-mails and addresses, counters, dates, a caption's opening, a line of
prose).  The others are scored by what tells a headline from the page's
other short lines (``data/weights.toml``, section ``headline``):

- it shares words with the article's first paragraphs (headlines and
  leads name the same people, places and things; a menu row, a promo or a
  teaser of another story does not), compared on crude stems;
- the page prints it more than once (title bar, breadcrumb, over the
  article);
- it stands next to the dateline or byline, or is the last title before
  the body, or opens the page (on real dumps the headline, when there is
  one, is the first or second line three times in four);
- it has a title's shape: a few words, no full stop at the end, a label
  ("ВИДЕО", "НА ЖИВО") glued to it.

The best candidate wins when its score reaches ``headline_threshold``;
below it the page has no headline: a wrong headline is worse than none.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from . import byline
from .features import STOPWORDS, Features, words_of
from .marks import credit_position, may_hold_labels, strip_labels
from .page import Label, Page, is_prose
from .tables import table
from .weights import Weights

_PAGE = table("page_bg")
_SITE_SUFFIX = regex.compile(r"\s+\|\s+[^|]{1,40}$")
_CAPTION_STARTS = tuple(s.casefold() for s in _PAGE.phrases("caption_starts"))
_COPYRIGHT = _PAGE.phrases("copyright_markers") + _PAGE.phrases("rights_phrases")
LISTING_HEADINGS = _PAGE.phrases("listing_headings")
_SECTIONS = frozenset(name.casefold() for name in _PAGE.phrases("categories") if " " not in name)
_ADDRESS = regex.compile(r"@|https?://|www\.|\.(?:bg|com|net|org|eu)\b", regex.I)
_NUMBER = regex.compile(r"\d+(?:[.,:]\d+)*%?")
# A temperature: the weather bar ("Русе 19°C облачно").
_TEMPERATURE = regex.compile(r"\d\s?°")
# A headline ends in a word, a quote, "?" or "!", never in a colon.
_ENDS_AS_LABEL = regex.compile(r"[:;,]\s*$")


class Candidate(NamedTuple):
    line: int
    score: float
    why: str        # the features that scored, or the veto


def content_stems(text: str, stem: int) -> set[str]:
    """The crude stems of the words that carry content: words of four or
    more letters that are no function words, cut to ``stem`` letters
    ("Путин", "Путина" share "путин"), and numbers."""
    stems = {w.casefold()[:stem] for w in words_of(text) if len(w) >= 4 and w.casefold() not in STOPWORDS}
    return stems | set(_NUMBER.findall(text))


def _before_credit(text: str) -> str:
    """The line without a photo credit glued to its end."""
    cut = credit_position(text)
    return text[:cut] if cut > 0 else text


def _veto(page: Page, j: int, body_start: int) -> str | None:
    """Why line j can never be the headline, if it cannot."""
    f, text = page.features[j], _before_credit(page.units[j].text)
    lowered = text.casefold()
    if page.labels[j] not in (Label.TEXT, Label.TITLE):
        return f"labelled {page.labels[j]}"
    if not (page.is_title_like(j) or (page.labels[j] == Label.TITLE and f.words >= 2)):
        return "not of a title's length"
    if page.is_prose(j) and (f.sentences >= 2 or f.words > page.weights.headline_prose_max_words):
        return "a sentence of prose"
    if f.menu_like or f.breadcrumb_end is not None:
        return "a menu row"
    if any(marker in lowered for marker in _COPYRIGHT):
        return "a copyright line"
    if any(heading in lowered for heading in LISTING_HEADINGS):
        return "a listing's heading"
    if _ADDRESS.search(text):
        return "an address"
    if byline.bare_names(text) or byline.labelled_byline(text):
        return "a byline"
    if f.date_candidates:
        return "holds a date"
    if f.list_item and _listed(page, j):
        return "a field of an info box or a list"
    if strip_labels(text).casefold().startswith(_CAPTION_STARTS):
        return "opens like a caption"
    if _ENDS_AS_LABEL.search(text):
        return "ends like a label"
    if text[:1].islower():
        return "starts in lower case"
    if f.cut_off:
        return "cut short (a shortened copy of a title)"
    if page.labels[j] != Label.TITLE and is_menu_row(clean_headline(text), page.weights):
        return "a row of capitalised words"
    if _TEMPERATURE.search(text):
        return "a temperature: the weather bar"
    if page.labels[j] == Label.TITLE and _printed_below(page, j, body_start):
        return "printed again below the article: the site's name"
    return None


def _listed(page: Page, j: int) -> bool:
    """A text line before or after j is a list entry or "name: value" field too."""
    return any(n is not None and page.labels[n] == Label.TEXT and page.features[n].list_item
               for n in (page.neighbour(j, -1), page.neighbour(j, 1)))


def _printed_below(page: Page, j: int, body_start: int) -> bool:
    """A short line printed again below the article's start: the site's
    name, in the header and again in the footer."""
    key = page.features[j].key
    return (key is not None and page.features[j].words <= page.weights.headline_site_name_max_words
            and any(page.features[k].key == key for k in range(body_start, len(page.units))))


def names_sections(text: str) -> bool:
    """At least two of a news site's section names ("Новини Регион Спорт
    Култура"): the menu."""
    return sum(word.casefold() in _SECTIONS for word in words_of(text)) >= 2


def is_menu_row(text: str, w: Weights) -> bool:
    """The site's menu, never a headline nor a standfirst: nearly all its
    words capitalised; or a long row of mostly capitalised words with few
    function words; or mostly capitalised words among which two or more
    of a site's section names."""
    if _capitalised_row(text, w, w.headline_row_share_alone):
        return True
    if len(words_of(text)) >= w.headline_row_menu_words and _capitalised_row(text, w, w.headline_row_share):
        return True
    return names_sections(text) and _capitalised_share(text, w) >= w.headline_row_sections_share


def _capitalised_share(text: str, w: Weights) -> float:
    """The share of the content words (labels aside) that are capitalised
    but not in capitals; 0 for a line of too few content words."""
    words = [word for word in words_of(strip_labels(text)) if word.casefold() not in STOPWORDS]
    if len(words) < w.headline_row_min_words:
        return 0.0
    return sum(1 for word in words if word[0].isupper() and not word.isupper()) / len(words)


def _capitalised_row(text: str, w: Weights, share_needed: float) -> bool:
    """At least ``share_needed`` of the content words capitalised (but not
    in capitals), and few function words between them: a row of menu
    items or of names.  Bulgarian titles capitalise only their first word
    and proper names, and hold function words ("Подготвя се посещение на
    Путин в Северна Корея"); a title of many names may look the same, so
    below ``headline_row_share_alone`` it only costs."""
    share = _capitalised_share(text, w)
    every = words_of(strip_labels(text))
    few_function_words = sum(word.casefold() in STOPWORDS for word in every) < w.headline_row_stop_share * len(every)
    return share >= share_needed and (few_function_words or share >= w.headline_row_share_alone)


def _meta_below(page: Page, j: int) -> bool:
    """A dateline or byline stands right under line j (bare names or a
    photo's caption may come first: "Иван Петров" / "12.03.2025")."""
    n = page.neighbour(j, 1)
    while n is not None and page.labels[n] == Label.TEXT and (
            byline.bare_names(page.units[n].text) or _credit_follows(page, n)):
        n = page.neighbour(n, 1)
    return n is not None and page.labels[n] in (Label.DATELINE, Label.BYLINE)


def _meta_above(page: Page, j: int) -> int | None:
    """The dateline or byline right above line j, if one is."""
    n = page.neighbour(j, -1)
    return n if n is not None and page.labels[n] in (Label.DATELINE, Label.BYLINE) else None


def _opens_page(page: Page, j: int) -> bool:
    """Line j is the first or second line of the page, the crawler's date aside."""
    first = 1 if page.units and page.labels[0] == Label.CRAWLER else 0
    return j - first < 2


def _credit_follows(page: Page, j: int) -> bool:
    """A photo credit or a gallery counter is glued to line j or stands
    right under it: the line may caption the photo."""
    if page.features[j].credit_at > 0:
        return True
    n = j + 1
    return n < len(page.units) and page.labels[n] == Label.FURNITURE and (
        page.features[n].credit_at == 0 or page.features[n].gallery_counter)


def _score(page: Page, j: int, body_stems: set[str], context: dict[str, bool],
           body_start: int) -> tuple[float, str]:
    """Line j's score as a headline, and the features that made it."""
    w = page.weights
    f, text = page.features[j], _before_credit(page.units[j].text)
    parts: list[tuple[str, float]] = []
    stems = content_stems(text, w.body_name_stem)
    shared = len(stems & body_stems)
    if stems:
        parts.append(("shares words with the body", w.headline_shared_share * shared / len(stems)))
    if shared == 0:
        parts.append(("shares no word with the body", w.headline_no_shared))
    if page.labels[j] == Label.TITLE and f.words >= w.header_min_headline_words:
        parts.append(("printed more than once", w.headline_repeated))
    if _meta_below(page, j):
        parts.append(("over the dateline or byline", w.headline_above_meta))
    if context["under_meta"]:
        parts.append(("under the dateline or byline that a title tops", w.headline_below_meta))
    if context["over_dek"]:
        parts.append(("over a longer line", w.headline_over_dek))
    if context["dek"]:
        parts.append(("under a shorter title", w.headline_dek))
    if context["caption"]:
        parts.append(("a credit follows and a title tops it", w.headline_caption))
    if context["over_caption"]:
        parts.append(("over a captioned line", w.headline_over_caption))
    if context["last"]:
        parts.append(("last title before the body", w.headline_last_before_body))
    opens = _opens_page(page, j)
    if opens:
        parts.append(("opens the page", w.headline_opens_page))
    far = body_start - j - w.headline_far_after
    if far > 0:
        parts.append(("far above the body", max(w.headline_far_cap, w.headline_far_per_unit * far)))
    if may_hold_labels(text) and strip_labels(text) != text.strip():
        parts.append(("carries a label", w.headline_labelled))
    if _credit_follows(page, j) and not opens and not context["caption"]:
        parts.append(("a photo credit follows", w.headline_above_credit))
    if text.rstrip().endswith("."):
        parts.append(("ends in a full stop", w.headline_full_stop))
    if f.words < w.headline_short_words:
        parts.append(("very short", w.headline_short))
    if _capitalised_row(text, w, w.headline_row_share):
        parts.append(("most words capitalised, like a menu row", w.headline_row))
    score = sum(value for _, value in parts)
    return score, ", ".join(f"{name} {value:+.1f}" for name, value in parts)


def reads_as_standfirst(f: Features, title: Features, w: Weights) -> bool:
    """A line under a title that is prose, or long, or twice the title's
    length: the standfirst (dek), not a second title."""
    return f.words > title.words and (
        is_prose(f, w) or f.words >= w.header_standfirst_min_words or f.words >= 2 * title.words >= 8)


def _contexts(page: Page, lines: list[int]) -> dict[int, dict[str, bool]]:
    """What each candidate's neighbours say of it: the last one before the
    body; one under a dateline or byline that another candidate tops (a
    caption or a standfirst); one over a line twice its length (a title
    over its dek) and that longer line; one with a photo credit under it
    right below another candidate (the photo's caption under the title)
    and that title."""
    found = {j: {"last": False, "under_meta": False, "over_dek": False, "dek": False,
                 "caption": False, "over_caption": False} for j in lines}
    if lines:
        found[lines[-1]]["last"] = True
    for j in lines:
        meta = _meta_above(page, j)
        if meta is not None:
            above = page.neighbour(meta, -1)
            found[j]["under_meta"] = above in found
        above = page.neighbour(j, -1)
        if above not in found:
            continue
        if (page.features[above].words >= page.weights.header_min_headline_words
                and reads_as_standfirst(page.features[j], page.features[above], page.weights)):
            found[j]["dek"] = True
            found[above]["over_dek"] = True
        if _credit_follows(page, j):
            found[j]["caption"] = True
            found[above]["over_caption"] = True
    return found


def _body_stems(page: Page, body_start: int) -> set[str]:
    """The stems of the article's first lines (about as many words as
    ``headline_body_words``): its paragraphs, and the fact lines of a
    report or a forecast made of them."""
    stems: set[str] = set()
    words = 0
    for i in range(body_start, len(page.units)):
        if page.labels[i] in (Label.BOILERPLATE, Label.CRAWLER) and words:
            break
        if page.labels[i] in (Label.TEXT, Label.BODY, Label.CAPTION):
            stems |= content_stems(page.units[i].text, page.weights.body_name_stem)
            words += page.features[i].words
            if words >= page.weights.headline_body_words:
                break
    return stems


def headline_candidates(page: Page, body_start: int) -> list[Candidate]:
    """Every line above the body that may be the headline, scored, best
    first; vetoed lines come last with a score of minus infinity."""
    body_stems = _body_stems(page, body_start)
    first = max(0, body_start - page.weights.header_reach)
    lines = [j for j in range(body_start) if j >= first or _opens_page(page, j)]
    vetoes = {j: _veto(page, j, body_start) for j in lines}
    open_lines = [j for j in lines if vetoes[j] is None]
    contexts = _contexts(page, open_lines)
    found = [Candidate(j, float("-inf"), why) for j in lines if (why := vetoes[j])]
    for j in open_lines:
        found.append(Candidate(j, *_score(page, j, body_stems, contexts[j], body_start)))
    return sorted(found, key=lambda c: -c.score)


def find_headline(page: Page, body_start: int) -> int | None:
    """The best candidate when it scores at least the threshold; of a title
    printed several times, the copy nearest the body (the one over the
    article, not the title bar's)."""
    candidates = headline_candidates(page, body_start)
    page.headline_candidates = candidates
    best = candidates[0] if candidates else None
    if best is None or best.score < page.weights.headline_threshold:
        return None
    key = page.features[best.line].key
    if page.labels[best.line] != Label.TITLE or key is None:
        return best.line
    return max(c.line for c in candidates if page.features[c.line].key == key)


def clean_headline(text: str) -> str:
    """The title without labels, photo credit or site-name suffix."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut]
    text = _SITE_SUFFIX.sub("", text.strip())
    return strip_labels(text).strip(" -–—|")
