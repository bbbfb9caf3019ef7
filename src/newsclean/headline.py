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

from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex

from . import byline
from .features import STOPWORDS, Features, content_stems, ends_a_sentence, line_key, words_of
from .furniture import MENU_WORDS, family_named
from .marks import credit_position, may_hold_labels, strip_labels
from .page import Label, Page, is_prose
from .tables import DataError, table
from .weights import DEFAULT, Weights

_PAGE = table("page_bg")
_SITE_SUFFIX = regex.compile(r"\s+\|\s+[^|]{1,40}$")
_DASHED_SUFFIX = regex.compile(r"(?<=\S)\s[–—-]\s(\S[^–—\-|]{1,39})$")
_CAPTION_STARTS = tuple(s.casefold() for s in _PAGE.phrases("caption_starts"))
_COPYRIGHT = _PAGE.phrases("copyright_markers") + _PAGE.phrases("rights_phrases")
# What a line must hold, in any case, to hold one of those: a plain search
# before the line is casefolded.
_MAY_BE_COPYRIGHT = ("©", "(c)", "(C)", "opyright", "OPYRIGHT", "рава", "РАВА", "ights", "IGHTS")
if any(not any(hint in form for hint in _MAY_BE_COPYRIGHT)
       for marker in _COPYRIGHT for form in (marker, marker.upper(), marker.capitalize(), marker.title())):
    raise DataError("data/page_bg.toml: a copyright marker or rights phrase holds none of headline._MAY_BE_COPYRIGHT")
LISTING_HEADINGS = _PAGE.phrases("listing_headings")
_RELATED = family_named("related and most read")
_SHARE = family_named("share and comments")
# A figure of a ticker: "1 012,35", "+0,42%", "1,1642".
_FIGURE = regex.compile(r"[+\-−]?\d[\d\s]*(?:[.,:]\d+)*%?")
# What separates a breadcrumb's items ("Новини › Политика"); a menu's are bars.
_CRUMB_SEPARATOR = regex.compile(r"\s[/>»›]\s")
# A list article's title opens with its count, no list mark after it:
# "7 неща, които ...", "10 места за ...".
_LISTICLE = regex.compile(r"^\d{1,3}\s+\p{Ll}")
# One-word names of a site's sections and of its menu's other items
# ("Начало", "Контакти").
_SECTIONS = frozenset(name.casefold() for name in (*_PAGE.phrases("categories"), *_PAGE.phrases("site_pages"))
                      if " " not in name) | MENU_WORDS
_ADDRESS = regex.compile(r"@|https?://|www\.|\.(?:bg|com|net|org|eu)\b", regex.I)
# A temperature: the weather bar ("Русе 19°C облачно").
_TEMPERATURE = regex.compile(r"\d\s?°")
# A headline ends in a word, a quote, "?" or "!", never in a colon.
_ENDS_AS_LABEL = regex.compile(r"[:;,]\s*$")


class Candidate(NamedTuple):
    line: int
    score: float
    veto: str | None                    # why the line can never be the headline
    parts: tuple[tuple[str, float], ...]  # the features that scored and their values

    @property
    def why(self) -> str:
        """The veto, or the features that scored, in words: only ``explain``
        shows it, so it is put together when asked for."""
        return self.veto or ", ".join(f"{name} {value:+.1f}" for name, value in self.parts)


def _before_credit(text: str, credit_at: int) -> str:
    """The line without a photo credit glued to its end (``credit_at``:
    where the credit begins, as ``features`` measured it)."""
    return text[:credit_at] if credit_at > 0 else text


class _Line(NamedTuple):
    """What a veto or a feature looks at: line j of the page, its text
    without a glued credit, where the body starts, and (for scoring) the
    content stems of the text."""
    page: Page
    j: int
    text: str
    body_start: int
    stems: frozenset[str] = frozenset()

    @classmethod
    def of(cls, page: Page, j: int, body_start: int) -> _Line:
        return cls(page, j, _before_credit(page.units[j].text, page.features[j].credit_at), body_start)

    @property
    def f(self) -> Features:
        return self.page.features[self.j]

    @property
    def label(self) -> Label:
        return self.page.labels[self.j]


def _too_long_or_short(line: _Line) -> bool:
    return not (line.page.is_title_like(line.j) or (line.label == Label.TITLE and line.f.words >= 2))


# Why a line can never be the headline: the first that holds.
VETOES: tuple[tuple[str, Callable[[_Line], bool]], ...] = (
    ("labelled otherwise", lambda line: line.label not in (Label.TEXT, Label.TITLE)),
    ("not of a title's length", _too_long_or_short),
    ("a sentence of prose", lambda line: line.page.is_prose(line.j) and (
        (line.f.sentences >= 2 and _ends_sentence_before_credit(line))
        or line.f.words > line.page.weights.headline_prose_max_words)),
    ("a menu row", lambda line: line.f.menu_like or line.f.breadcrumb_end is not None),
    ("a copyright line", lambda line: _holds_copyright(line.text)),
    ("a listing's heading", lambda line: names_listing(line.text)),
    ("an address", lambda line: bool(_ADDRESS.search(line.text))),
    ("a byline", lambda line: bool(byline.bare_names(line.text) or byline.labelled_byline(line.text))),
    ("holds a date", lambda line: bool(line.f.date_candidates)),
    ("a field of an info box or a list", lambda line: line.f.list_item and _listed(line.page, line.j)
     and not _LISTICLE.match(line.text)),
    ("opens like a caption", lambda line: strip_labels(line.text).casefold().startswith(_CAPTION_STARTS)),
    ("ends like a label", lambda line: bool(_ENDS_AS_LABEL.search(line.text))),
    ("starts in lower case", lambda line: line.text[:1].islower()),
    ("cut short (a shortened copy of a title)", lambda line: line.f.cut_off),
    ("a row of capitalised words", lambda line: line.label != Label.TITLE
     and is_menu_row(clean_headline(line.text), line.page.weights)),
    ("a temperature: the weather bar", lambda line: bool(_TEMPERATURE.search(line.text))),
    ("a ticker of figures", lambda line: _ticker(line.text, line.page.weights)),
    ("printed again below the article: the site's name", lambda line: line.label == Label.TITLE
     and _printed_below(line.page, line.j, line.body_start)),
    ("named in the footer's copyright line or opening its contact row: the site's name", lambda line: _named_in_footer(line)),
    ("the first item of a related list", lambda line: _under_related_heading(line.page, line.j)),
    ("under a player or a gallery counter: the clip's or the photo's caption", lambda line: line.page.under_media(line.j)),
    ("a section of the menu above: the section's label", lambda line: _section_of_menu_above(line)),
)


def _ends_sentence_before_credit(line: _Line) -> bool:
    """The line (its text holds no glued credit) ends in a full stop: two sentences
    so ended are prose ("Футболистите ... празнуват гола. Снимка: LAP.bg"),
    where a title may ask and answer with no full stop ("Колко сол е
    твърде много? Кардиолозите отговарят")."""
    return line.f.ends_sentence or (line.f.credit_at > 0 and ends_a_sentence(line.text.rstrip()))


def _veto(page: Page, j: int, body_start: int) -> str | None:
    """Why line j can never be the headline, if it cannot."""
    line = _Line.of(page, j, body_start)
    return next((why for why, holds in VETOES if holds(line)), None)


def _section_of_menu_above(line: _Line) -> bool:
    """A short line printed inside a menu row above it, with menu items
    before and after it ("Плодове и зеленчуци" under "Борси Зърно Плодове и
    зеленчуци Животновъдство Горива"): the label of the section the page
    is in.  A breadcrumb ends in the title and a title bar opens with it,
    so only a line inside the row is asked."""
    page, text, w = line.page, line.text.strip(), line.page.weights
    if line.f.words > w.headline_site_name_max_words:
        return False
    for k in range(max(0, line.j - w.header_reach), line.j):
        row = page.units[k].text
        at = row.find(text)
        if (at > 0 and row[:at].strip() and row[at + len(text):].strip()
                and (is_menu_row(row, w) or capitalised_row(row, w, w.headline_row_share))):
            return True
    return False


def _listed(page: Page, j: int) -> bool:
    """Line j is one of at least three list entries or "name: value" fields
    in a row (a pair is no list: a blog's "Name – tagline" over a title
    "Уикенд в Мелник: вино, ...")."""
    others = 0
    for step in (-1, 1):
        n = page.neighbour(j, step)
        while n is not None and page.labels[n] == Label.TEXT and page.features[n].list_item:
            others += 1
            n = page.neighbour(n, step)
    return others >= 2


def _printed_below(page: Page, j: int, body_start: int) -> bool:
    """A short line printed again below the article's start: the site's
    name, in the header and again in the footer."""
    key = page.features[j].key
    return (key is not None and page.features[j].words <= page.weights.headline_site_name_max_words
            and any(page.features[k].key == key for k in range(body_start, len(page.units))))


_SCORE = regex.compile(r"(?<![\d:.])\d{1,3}:\d{1,3}(?![\d:])")


def _ticker(text: str, w: Weights) -> bool:
    """More figures than words, and several of them ("SOFIX 1 012,35 +0,42%
    BGBX40 178,20 +0,31% EUR/USD 1,1642"): a market or currency ticker."""
    figures = len(_FIGURE.findall(text))
    return figures >= w.headline_ticker_figures and figures > len(words_of(text))


def _under_related_heading(page: Page, j: int) -> bool:
    """A "related" or "most read" list's heading of two words or more
    ("Последно от рубриката") stands right over line j: it is the list's
    first teaser.  A one-word label ("ГОРЕЩО") may top the article itself."""
    above = page.neighbour(j, -1)
    return (above is not None and page.labels[above] == Label.BOILERPLATE
            and page.features[above].furniture is _RELATED and page.features[above].words >= 2)


def _named_in_footer(line: _Line) -> bool:
    """The line is the site's name, which the page prints again below the
    article, in its copyright line or at the head of its contact row."""
    below = [line.page.units[k].text for k in range(max(line.body_start, line.j + 1), len(line.page.units))]
    return _named_in_copyright(line.page.units[line.j].text, below) or (
        line.f.words <= line.page.weights.headline_site_name_max_words and _opens_contact_row(line.text, below))


def _named_in_copyright(text: str, below: list[str]) -> bool:
    """Every word of ``text``, or of the first part of a title bar ("Домът
    със стил | Интериор, градина, ..."), stands in a copyright line of
    ``below`` ("Основно училище „Христо Смирненски“ – гр. Ямбол" over
    "Основно училище „Христо Смирненски“ © 2025 | гр. Ямбол, ..."): the
    site's name, alone or with its tagline."""
    names = [set(words_of(part.casefold())) for part in (text, text.split(" | ")[0])]
    names = [words for words in names if len(words) >= 2]
    if not names:
        return False
    copyrights = [set(words_of(row.casefold())) for row in below if _holds_copyright(row)]
    return any(words <= row for words in names for row in copyrights)


def _opens_contact_row(text: str, below: list[str]) -> bool:
    """``text`` opens a row of three or more parts of ``below``
    ("Министерство на земеделието | Пресцентър | тел. ..."): the site's
    name heading its contact line."""
    name = text.strip().casefold()
    rows = (row for row in below if row.count(" | ") >= 2)  # a plain count first: most lines are no such row
    return any(row.split(" | ")[0].strip().casefold() == name for row in rows)


def _holds_copyright(text: str) -> bool:
    """A copyright marker or rights phrase ("©", "Всички права запазени")
    is in the text; casefolded only when a plain search finds a hint."""
    return any(map(text.__contains__, _MAY_BE_COPYRIGHT)) and any(map(text.casefold().__contains__, _COPYRIGHT))


def names_listing(text: str) -> bool:
    """A listing's heading is in the text ("Резултати от търсенето",
    "Таг:", "Статии от автора")."""
    return any(map(text.casefold().__contains__, LISTING_HEADINGS))


def names_sections(text: str) -> bool:
    """At least two of a news site's section names or menu items ("Новини
    Регион Спорт Култура", "Начало ... Контакти"): the menu."""
    return sum(word.casefold() in _SECTIONS for word in words_of(text)) >= 2


def is_menu_row(text: str, w: Weights) -> bool:
    """The site's menu, never a headline nor a standfirst: nearly all its
    words capitalised; or a long row of mostly capitalised words with few
    function words; or mostly capitalised words among which two or more
    of a site's section names.  A score ("Локомотив Горна Оряховица би
    Янтра с 2:1") makes a row of names a result's title, never a menu."""
    if _SCORE.search(text):
        return False
    row = _Row.of(text)
    if row.capitalised_row(w, w.headline_row_share_alone):
        return True
    if len(words_of(text)) >= w.headline_row_menu_words and row.capitalised_row(w, w.headline_row_share):
        return True
    return names_sections(text) and row.capitalised_share(w) >= w.headline_row_sections_share


class _Row(NamedTuple):
    """The words of a line, labels aside, counted once for the row tests
    that ask of them again and again."""
    words: int          # its words
    function: int       # function words among them
    content: int        # the others
    capitalised: int    # content words capitalised but not in capitals

    @classmethod
    def of(cls, text: str) -> _Row:
        every = words_of(strip_labels(text))
        content = [word for word in every if word.casefold() not in STOPWORDS]
        return cls(len(every), len(every) - len(content), len(content),
                   sum(1 for word in content if word[0].isupper() and not word.isupper()))

    def capitalised_share(self, w: Weights) -> float:
        """The share of the content words that are capitalised but not in
        capitals; 0 for a line of too few content words."""
        return 0.0 if self.content < w.headline_row_min_words else self.capitalised / self.content

    def capitalised_row(self, w: Weights, share_needed: float) -> bool:
        """At least ``share_needed`` of the content words capitalised (but
        not in capitals), and few function words between them: a row of
        menu items or of names.  Bulgarian titles capitalise only their
        first word and proper names, and hold function words ("Подготвя се
        посещение на Путин в Северна Корея"); a title of many names may
        look the same, so below ``headline_row_share_alone`` it only costs."""
        share = self.capitalised_share(w)
        few_function_words = self.function < w.headline_row_stop_share * self.words
        return share >= share_needed and (few_function_words or share >= w.headline_row_share_alone)


def capitalised_row(text: str, w: Weights, share_needed: float) -> bool:
    """``_Row.capitalised_row`` of a line's text, for the caption checks."""
    return _Row.of(text).capitalised_row(w, share_needed)


def _meta_below(page: Page, j: int) -> bool:
    """A dateline or byline stands right under line j (its standfirst, bare
    names, a photo's caption or a breadcrumb may come first: "Иван Петров" /
    "12.03.2025", "SportZona.bg » Футбол » Първа лига" / "16.05.2026")."""
    n = page.neighbour(j, 1)
    if (n is not None and page.labels[n] == Label.TEXT
            and reads_as_long_standfirst(page.features[n], page.features[j], page.weights)):
        n = page.neighbour(n, 1)
    while n is not None and ((page.labels[n] == Label.TEXT and (
            byline.bare_names(page.units[n].text) or _credit_follows(page, n)))
            or (page.labels[n] == Label.BOILERPLATE and page.features[n].breadcrumb_end is not None)):
        n = page.neighbour(n, 1)
    return n is not None and page.labels[n] in (Label.DATELINE, Label.BYLINE)


def _meta_above(page: Page, j: int) -> int | None:
    """The dateline or byline right above line j, if one is (a share or
    comment counter between them aside: "1 коментар")."""
    n = page.neighbour(j, -1)
    while n is not None and page.labels[n] == Label.BOILERPLATE and page.features[n].furniture is _SHARE:
        n = page.neighbour(n, -1)
    return n if n is not None and page.labels[n] in (Label.DATELINE, Label.BYLINE) else None


def _opens_page(page: Page, j: int) -> bool:
    """Line j is the first or second line of the page, the crawler's date aside."""
    first = 1 if page.units and page.labels[0] == Label.CRAWLER else 0
    return j - first < 2


def _first_text(page: Page, j: int) -> bool:
    """Only the site's chrome (menus, login row, breadcrumb) stands above
    line j: the page's first text, where the title stands."""
    return all(label in (Label.BOILERPLATE, Label.FURNITURE, Label.CRAWLER) for label in page.labels[:j])


def _credit_follows(page: Page, j: int) -> bool:
    """A photo credit or a gallery counter is glued to line j or stands
    right under it: the line may caption the photo."""
    if page.features[j].credit_at > 0:
        return True
    n = j + 1
    return n < len(page.units) and page.labels[n] == Label.FURNITURE and (
        page.features[n].credit_at == 0 or page.features[n].gallery_counter)


def _shared_share(line: _Line, body_stems: set[str]) -> float | None:
    stems = line.stems
    return line.page.weights.headline_shared_share * len(stems & body_stems) / len(stems) if stems else None


def _far(line: _Line) -> float | None:
    w = line.page.weights
    far = line.body_start - line.j - w.headline_far_after
    return max(w.headline_far_cap, w.headline_far_per_unit * far) if far > 0 else None


def _menu_between(page: Page, j: int, body_start: int) -> bool:
    """A row of the site's sections (a breadcrumb aside: it often stands
    under the title) or a related list's heading stands between line j and
    the body: the line belongs to the page's top (a tagline, a ticker),
    unless it is the title bar's copy of the title."""
    return any(page.labels[k] == Label.BOILERPLATE and (
        page.features[k].furniture is _RELATED
        or (names_sections(page.units[k].text) and not _CRUMB_SEPARATOR.search(page.units[k].text)))
        for k in range(j + 1, body_start))


def _labelled(text: str) -> bool:
    return may_hold_labels(text) and strip_labels(text) != text.strip()


_Feature = Callable[[_Line, set[str], dict[str, bool]], "float | bool | None"]
# A headline's features: a name, and its value for a line (a number, or
# True for its weight in data/weights.toml, or None/False when it does not
# apply), with the name of the weight when the value is True.
FEATURES: tuple[tuple[str, str, _Feature], ...] = (
    ("shares words with the body", "", lambda line, stems, c: _shared_share(line, stems)),
    ("shares no word with the body", "headline_no_shared",
     lambda line, stems, c: not line.stems & stems),
    ("printed more than once", "headline_repeated",
     lambda line, stems, c: (line.label == Label.TITLE or c["printed_again"])
     and line.f.words >= line.page.weights.header_min_headline_words),
    ("over the dateline or byline", "headline_above_meta", lambda line, stems, c: _meta_below(line.page, line.j)),
    ("under the dateline or byline that a title tops", "headline_below_meta", lambda line, stems, c: c["under_meta"]),
    ("over a longer line", "headline_over_dek", lambda line, stems, c: c["over_dek"]),
    ("under a shorter title", "headline_dek", lambda line, stems, c: c["dek"]),
    ("a credit follows and a title tops it", "headline_caption", lambda line, stems, c: c["caption"]),
    ("over a captioned line", "headline_over_caption", lambda line, stems, c: c["over_caption"]),
    ("last title before the body", "headline_last_before_body", lambda line, stems, c: c["last"]),
    ("opens the page", "headline_opens_page", lambda line, stems, c: _opens_page(line.page, line.j)),
    ("far above the body", "", lambda line, stems, c: _far(line)),
    ("carries a label", "headline_labelled", lambda line, stems, c: _labelled(line.text)),
    ("the site's menu or a related list stands between it and the body", "headline_over_menu",
     lambda line, stems, c: _menu_between(line.page, line.j, line.body_start)),
    ("a photo credit follows", "headline_above_credit", lambda line, stems, c: _credit_follows(line.page, line.j)
     and not _opens_page(line.page, line.j) and not _first_text(line.page, line.j) and not c["caption"]),
    ("ends in a full stop", "headline_full_stop", lambda line, stems, c: line.text.rstrip().endswith(".")),
    ("very short", "headline_short", lambda line, stems, c: line.f.words < line.page.weights.headline_short_words),
    ("most words capitalised, like a menu row", "headline_row",
     lambda line, stems, c: capitalised_row(line.text, line.page.weights, line.page.weights.headline_row_share)),
)


def _score(page: Page, j: int, body_stems: set[str], context: dict[str, bool],
           body_start: int) -> Candidate:
    """Line j as a candidate: its score as a headline, and the features
    that made it."""
    line = _Line.of(page, j, body_start)
    line = line._replace(stems=frozenset(content_stems(line.text, page.weights.body_name_stem)))
    parts: list[tuple[str, float]] = []
    for name, weight, feature in FEATURES:
        value = feature(line, body_stems, context)
        if value is True:
            parts.append((name, getattr(page.weights, weight)))
        elif value is not None and value is not False:
            parts.append((name, float(value)))
    return Candidate(j, sum(value for _, value in parts), None, tuple(parts))


def reads_as_long_standfirst(f: Features, title: Features, w: Weights) -> bool:
    """A line under a title, longer than it, that is prose or of a
    standfirst's length: surely the standfirst, even printed between the
    title and its dateline ("Рекордна реколта, ниски цени: ..." / "Добивите
    от пшеница ... са с 18% над средните ..." / "21.07.2025 08:30")."""
    return f.words > title.words and (is_prose(f, w) or f.words >= w.header_standfirst_min_words)


def reads_as_standfirst(f: Features, title: Features, w: Weights) -> bool:
    """A line under a title that is prose, or long, or twice the title's
    length: the standfirst (dek), not a second title."""
    return reads_as_long_standfirst(f, title, w) or f.words >= 2 * title.words >= 8


def _contexts(page: Page, lines: list[int], body_start: int) -> dict[int, dict[str, bool]]:
    """What each candidate's neighbours say of it: the last one before the
    body (unless the site's menu stands between them); one under a
    dateline or byline that another candidate tops (a caption or a
    standfirst); one over a line twice its length (a title over its dek)
    and that longer line; one with a photo credit under it right below
    another candidate (the photo's caption under the title) and that
    title; candidates that are one title once cleaned."""
    found = {j: {"last": False, "under_meta": False, "over_dek": False, "dek": False,
                 "caption": False, "over_caption": False, "printed_again": False} for j in lines}
    _mark_cleaned_copies(page, lines, found)
    if lines and not _menu_between(page, lines[-1], body_start):
        found[lines[-1]]["last"] = True
    for j in lines:
        meta = _meta_above(page, j)
        if meta is not None:
            above = page.neighbour(meta, -1)
            while above is not None and page.labels[above] in (Label.DATELINE, Label.BYLINE):
                above = page.neighbour(above, -1)  # a byline over a dateline: one meta block
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


def _mark_cleaned_copies(page: Page, lines: list[int], found: dict[int, dict[str, bool]]) -> None:
    """Candidates that are one title once cleaned (the title bar's "X |
    Site" over the article's "X"): each is printed again."""
    texts = [unit.text for unit in page.units]
    barred = [j for j in lines if " | " in texts[j] or " – " in texts[j] or " — " in texts[j] or " - " in texts[j]]
    if not barred:
        return
    keys = {j: cleaned_key(texts[j], texts, page.weights) for j in lines}
    for j in barred:
        copies = [k for k in lines if k != j and keys[k] == keys[j] and texts[k].strip() != texts[j].strip()]
        for k in copies + ([j] if copies else []):
            found[k]["printed_again"] = True


def _body_stems(page: Page, body_start: int) -> set[str]:
    """The stems of the article's first lines (about as many words as
    ``headline_body_words``): its paragraphs, and the fact lines of a
    report or a forecast made of them."""
    lines: list[str] = []
    words = 0
    for i in range(body_start, len(page.units)):
        if page.labels[i] in (Label.BOILERPLATE, Label.CRAWLER) and words:
            break
        if page.labels[i] in (Label.TEXT, Label.BODY, Label.CAPTION):
            lines.append(page.units[i].text)
            words += page.features[i].words
            if words >= page.weights.headline_body_words:
                break
    # One scan of the lines joined: no word or number crosses a line break.
    return content_stems("\n".join(lines), page.weights.body_name_stem)


def headline_candidates(page: Page, body_start: int) -> list[Candidate]:
    """Every line above the body that may be the headline, scored, best
    first; vetoed lines come last with a score of minus infinity."""
    body_stems = _body_stems(page, body_start)
    first = max(0, body_start - page.weights.header_reach)
    lines = [j for j in range(body_start) if j >= first or _opens_page(page, j)]
    vetoes = {j: _veto(page, j, body_start) for j in lines}
    open_lines = [j for j in lines if vetoes[j] is None]
    contexts = _contexts(page, open_lines, body_start)
    found = [Candidate(j, float("-inf"), why, ()) for j in lines if (why := vetoes[j])]
    found.extend(_score(page, j, body_stems, contexts[j], body_start) for j in open_lines)
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
    copies = [c.line for c in candidates if key is not None and page.labels[best.line] == Label.TITLE
              and page.features[c.line].key == key]
    strong = [c.line for c in candidates if c.score >= page.weights.headline_threshold]
    if len(strong) > 1:  # another candidate may be the same title, cleaned
        texts = [unit.text for unit in page.units]
        title = cleaned_key(texts[best.line], texts, page.weights)
        copies += [j for j in strong if cleaned_key(texts[j], texts, page.weights) == title]
    return max(copies, default=best.line)


def cleaned_key(text: str, texts: list[str], w: Weights) -> str:
    """A line's key once cleaned as a headline: the title bar's "X —
    Site" and the article's "X (ВИДЕО)" are one title."""
    return line_key(clean_headline(text, texts, w))


def clean_headline(text: str, other_lines: Iterable[str] = (), w: Weights = DEFAULT) -> str:
    """The title without labels, photo credit or site-name suffix: " | X",
    or " – X" when X is printed on the page as a line of its own (the
    site's name over its menu)."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut].rstrip(" ([")  # the bracket of "Title (Снимка: ...)"
    text = _SITE_SUFFIX.sub("", text.strip())
    dashed = _DASHED_SUFFIX.search(text)
    if dashed and _is_site_suffix(dashed.group(1), text[:dashed.start()], other_lines, w):
        text = text[:dashed.start()]
    return strip_labels(text).strip(" -–—|")


def _is_site_suffix(suffix: str, before: str, other_lines: Iterable[str], w: Weights) -> bool:
    """" – X" ends a title bar's copy of the title when X is printed on the
    page as a line of its own (the site's name over its menu), or when X
    is a name of a few words and the title before it is printed as a line
    of its own (the article's title under the title bar: "Спътник ... —
    Техномер" over "Спътник ... (ВИДЕО)").  A lower-case tail ("... –
    огнеборците са на място") is the title's own."""
    lines = {strip_labels(line).strip(" -–—|").casefold() for line in other_lines}
    if suffix.strip().casefold() in lines:
        return True
    named = suffix[:1].isupper() and len(words_of(suffix)) <= w.headline_site_name_max_words
    return named and strip_labels(before).strip(" -–—|").casefold() in lines
