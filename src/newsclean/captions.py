"""Which lines caption a photo or a video of the article.

    caption_reason(page, j, body_start) -> why line j is a caption, or None

A caption describes a picture, so two things must hold.  The line has the
shape of a description: a few words of text, no date, no counter or
emoji, no address, no "label: value" field, no furniture phrase.  And
something on the page puts a picture next to it: a photo credit glued to
it or right under it ("Снимка: БГНЕС"), a gallery counter right over it
("Снимка 1 от 12"), an opening that only captions use ("Кадър от ...",
"На снимката"), or, for a short line with no full stop, its place right
over the article's first paragraph, where the lead photo stands.  Inside
the article, between two paragraphs, a line with no such sign is a
caption only when it restates the paragraph above it or names, with no
verb, who or what and where ("Кунева с актьорите след премиерата"): a
sub-heading announces, asks or tells.

Anything else between the headline and the body (reading times, view
counters, share bars, "Всичко от автора", an author's e-mail) is no
caption: on real pages captions are rare (about one page in twelve), so a
line with no sign of a picture is left out of the record.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from . import byline
from .charclasses import is_common, spelt_where
from .features import (OPENING_QUOTES, PLACE_PREPOSITIONS, QUESTION_WORDS, STOPWORDS, Features, content_stems,
                       reads_as_clause, reads_as_scene, words_of)
from .headline import capitalised_row, names_sections
from .marks import VIDEO_LABELS, strip_labels
from .page import Label, Page
from .tables import table
from .weights import Weights

_CAPTION_STARTS = tuple(s.casefold() for s in table("page_bg").phrases("caption_starts"))
_ADDRESS_MARKS = ("@", "http://", "https://", "www.")
# Symbols a caption may hold: the copyright sign of its credit, and the
# signs of ordinary text ("Дечев (№10)", "при -5°C", "Nike®").
_ALLOWED_SYMBOLS = frozenset("©№°®™")
# What a picture leaves in a dump, alone on its line.
_PICTURE_MARKS = frozenset(("изображение", "image", "снимка", "снимки", "фото", "галерия", "photo"))
# A field's colon, and a share or a discount ("до -30%"): what a
# description of a photo does not hold.
_NO_DESCRIPTION_MARKS = (":", "%")
# How an interview's question or a speaker's line opens.
_SPEAKER_DASHES = ("–", "—", "-")


def opens_like_caption(text: str) -> bool:
    """"Кадър от ...", "На снимката: ..." (a headline's label is no opening)."""
    return strip_labels(text).casefold().startswith(_CAPTION_STARTS)


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) == "So" and char not in _ALLOWED_SYMBOLS


# The symbols of the common blocks, found by one scan of a line that holds
# no other character (nearly every line) instead of a look at each character.
_COMMON_SYMBOL = re.compile("[" + spelt_where(_is_symbol) + "]")


def has_symbols(text: str) -> bool:
    """Emoji and pictographs ("💬 14 🖨 Печат"): a toolbar, not a caption."""
    if is_common(text):
        return _COMMON_SYMBOL.search(text) is not None
    return any(map(_is_symbol, text))


def shaped_as_caption(page: Page, j: int, in_gallery: bool = False) -> bool:
    """Text of a description's length with none of the marks of furniture;
    a caption with its credit on the line, or in a gallery, may be longer."""
    f, text = page.features[j], page.units[j].text
    w = page.weights
    credited = f.credit_at > 0
    longest = w.captions_credited_max_words if credited or in_gallery else w.captions_max_words
    shortest = w.header_caption_min_words if credited else w.captions_bare_min_words
    return (shortest <= f.words <= longest and page.labels[j] == Label.TEXT
            and not _fielded(text, f, credited or in_gallery) and not f.cut_off
            and _sentences_before_credit(text, f) <= (2 if credited or in_gallery else 1)
            and not _furniture_marks(text, f, w, credited))


def _fielded(text: str, f: Features, pictured: bool) -> bool:
    """A field, a list entry or a dateline.  A credit's own colon and the
    date a photo was taken are no such marks ("Товарене на пшеница, 18
    ноември 2025 г. Снимка: БТА"), nor is a place's dash between a
    gallery's counters ("пътя Смолян – Пампорово"), nor a clip's label
    ("ВИДЕО: Пожарникарите гасят ..."), nor the parts of an artwork's
    label ("Веселина Дикова, „Солници“, 2024, керамика")."""
    return not (pictured or opens_with_video_label(text) or _artwork_label(text)) and (
        f.fact_line or f.list_item or bool(f.date_candidates))


def _furniture_marks(text: str, f: Features, w: Weights, credited: bool) -> bool:
    """A furniture phrase, a menu row (never asked of a credited line or a
    clip's labelled caption, whose "ВИДЕО" is a menu's word), an address or
    emoji."""
    return (f.furniture is not None or f.menu_like
            or (not credited and not opens_with_video_label(text) and _menu_row(text, w))
            or any(mark in text.casefold() for mark in _ADDRESS_MARKS) or has_symbols(text))


def _sentences_before_credit(text: str, f: Features) -> int:
    """The sentences of a caption, without the credit that follows its full
    stop ("... при откриването. Малчуганите пяха. Снимка: haskovo.info")."""
    if f.credit_at > 0 and text[:f.credit_at].rstrip().endswith((".", "!", "?")):
        return f.sentences - 1
    return f.sentences


def opens_with_video_label(text: str) -> bool:
    return text.lstrip().startswith(VIDEO_LABELS)


def _menu_row(text: str, w: Weights) -> bool:
    """A row of section names or of mostly capitalised words none of which
    is a family name ("Начало За кооперацията Бюлетин Рента Контакти"); a
    caption of names ("Ким Чен Ун и Владимир Путин") is no menu.  A line
    with a photo credit on it is never asked: no menu carries one, and the
    credit's name ("Снимка: Царево Бряг") would read as menu words."""
    return names_sections(text) or (capitalised_row(text, w, w.headline_row_share) and not byline.names_within(text))


def _under_picture(page: Page, j: int) -> bool:
    """What a picture leaves in a dump ("[Изображение]", "Снимка") stands
    right over line j: with a credit under it, even a long sentence there
    is the picture's caption."""
    above = j - 1
    return above >= 0 and page.labels[above] == Label.FURNITURE and (
        page.features[above].gallery_counter
        or page.units[above].text.strip("[]() ").casefold() in _PICTURE_MARKS)


def _over_gallery_counter(page: Page, j: int) -> bool:
    """A gallery counter stands right under unit j; a credit there is the
    gallery's, not the line's over it ("Снимки: Петър Цветков" / "1 / 12")."""
    return j + 1 < len(page.units) and page.features[j + 1].gallery_counter


def _between_paragraphs(page: Page, j: int) -> tuple[int, int] | None:
    """The paragraph of prose right above line j and what follows it, when
    that is a paragraph of prose or a sub-heading over one: where a photo
    stands inside the article, maybe at the end of a section."""
    above, below = page.neighbour(j, -1), page.neighbour(j, 1)
    if above is None or below is None or not page.is_prose(above):
        return None
    if page.is_prose(below) or _heading_over_prose(page, below):
        return above, below
    return None


def _heading_over_prose(page: Page, j: int) -> bool:
    """Line j is short and stands over a paragraph of prose: a sub-heading."""
    after = page.neighbour(j, 1)
    return (page.features[j].words <= page.weights.captions_bare_max_words
            and after is not None and page.is_prose(after))


def _restates_paragraph_above(page: Page, j: int) -> bool:
    """Line j, short, stands between two paragraphs of prose and names
    mostly what the paragraph above it told ("Шезлонгите ... са подредени
    почти до водата" under a paragraph on the sunbeds): a photo's caption.
    A subheading or an interview's question announces what follows; a
    pull quote in its quote marks, or a speaker's line after its dash,
    repeats the article's own words."""
    w, text = page.weights, page.units[j].text
    around = _between_paragraphs(page, j)
    if (around is None or page.features[j].words > w.captions_restating_max_words
            or text.rstrip().endswith(("?", ":")) or text.lstrip().startswith(_SPEAKER_DASHES + OPENING_QUOTES)):
        return False
    own = page.stems(j)
    return len(own) >= w.captions_restating_min_stems and page.share_told_in(own, around[0]) >= w.captions_restating_share


def _description_between_paragraphs(page: Page, j: int) -> bool:
    """Line j stands between two paragraphs of prose and names who or what
    and where, with no verb ("Архитект Лилия Данова в бъдещото ателие на
    третия етаж.") or, with no full stop, with a verb in the present
    plural only, what they do there ("Работници полагат плочите пред
    портата").  A sub-heading asks ("Какво следва") or tells ("Влагата в
    почвата е под нормата"); a quote, a speaker's line or a live report's
    entry opens with its quote mark, dash or time ("90+1' Жълт картон ...")."""
    f, text, w = page.features[j], page.units[j].text.strip(), page.weights
    around = _between_paragraphs(page, j)
    if (around is None or not w.captions_description_min_words <= f.words <= w.captions_bare_max_words
            or any(mark in text for mark in _NO_DESCRIPTION_MARKS) or text.endswith("?") or not text[0].isalpha()):
        return False
    words = [word.casefold() for word in words_of(text)]
    return (words[0] not in QUESTION_WORDS
            and (not reads_as_clause(text)
                 or (not f.ends_sentence and reads_as_scene(text, w.captions_description_reach)))
            and any(word in PLACE_PREPOSITIONS for word in _leading_words(words[1:], w.captions_description_reach))
            and not _heads_paragraph_below(page, j, *around))


def _leading_words(words: list[str], reach: int) -> list[str]:
    """The first ``reach`` of ``words`` that are content words or
    prepositions: "и" and clitics ("баща ѝ") do not push a description's
    preposition out of reach ("Невена Ралева и баща ѝ на сцената")."""
    kept = (word for word in words if word in PLACE_PREPOSITIONS or word not in STOPWORDS)
    return [word for _, word in zip(range(reach), kept)]


def _unstopped_sentence_between_paragraphs(page: Page, j: int) -> bool:
    """Line j stands between two paragraphs of prose and is one sentence
    of a paragraph's length with no full stop ("Старото училище, затворено
    през 1998 година, днес е читалище"): prose ends its sentences, a
    sub-heading is shorter, a question asks; what is left is the caption
    of a photo printed there."""
    f, text, w = page.features[j], page.units[j].text.strip(), page.weights
    return (_between_paragraphs(page, j) is not None
            and w.captions_unstopped_min_words <= f.words <= w.captions_bare_max_words
            and f.sentences == 1 and not (f.ends_sentence or text.endswith(("?", "!")) or _closed_by_a_names_dot(text))
            and not any(mark in text for mark in _NO_DESCRIPTION_MARKS)
            and text[0].isalpha() and words_of(text)[0].casefold() not in QUESTION_WORDS)


def _under_unclaimed_credit(page: Page, j: int) -> bool:
    """Line j, short and with no full stop, stands right under a photo
    credit alone that itself stands under a paragraph of the article (no
    caption over the credit claims it), and over another paragraph: the
    site prints the credit over its caption ("Снимка: Сдружение „Родопски
    орли“" / "Площадката за подхранване край Маджарово се зарежда всяка
    сряда")."""
    credit = j - 1
    if credit < 1 or page.labels[credit] != Label.FURNITURE or page.features[credit].credit_at != 0:
        return False
    above, below = page.neighbour(credit, -1), page.neighbour(j, 1)
    f, w = page.features[j], page.weights
    return (above is not None and below is not None and page.labels[above] == Label.BODY and page.is_prose(above)
            and page.is_prose(below)
            and w.captions_bare_min_words <= f.words <= w.captions_bare_max_words
            and not f.ends_sentence and page.units[j].text.lstrip()[:1].isalpha())


def _closed_by_a_names_dot(text: str) -> bool:
    """A full stop after a capitalised word ("... в профила си в X."),
    which the sentence reader takes for a name's initial; "от 1870 г."
    ends in an abbreviation's dot instead."""
    return text.endswith(".") and not text[:-1].rsplit(maxsplit=1)[-1][:1].islower()


def _heads_paragraph_below(page: Page, j: int, above: int, below: int) -> bool:
    """Line j shares more of its content words with the paragraph below it
    than with the one above, and a good part of them: it announces that
    paragraph ("Ана Великова, детски учител в ДГ „Мир“" over a paragraph on
    her), the way a sub-heading does; a photo's caption names what the
    photo shows, which the text around it may tell or not."""
    own = page.stems(j)
    if not own:
        return False
    below_share = page.share_told_in(own, below)
    return below_share >= page.weights.captions_heading_share and below_share > page.share_told_in(own, above)


# An artwork's label: a year (or years) as one of its comma-separated parts,
# a quoted title in another ("Веселина Дикова, „Солници“, 2024, керамика").
_YEAR_PART = re.compile(r"(?:1[5-9]|20)\d\d(?:\s?[–-]\s?(?:1[5-9]|20)\d\d)?(?: г\.)?")
_QUOTED_TITLE = re.compile(r"[„«\"][^„«\"“»]{2,}[“»\"]")


def _artwork_label(text: str) -> bool:
    """The label of a painting or an object, as a museum prints it: at
    least three comma-separated parts, one of them a quoted title and one
    a year ("Скица за „Тютюноберачки“, молив върху хартия, 1949")."""
    parts = [part.strip() for part in text.split(",")]
    return (len(parts) >= 3 and any(_YEAR_PART.fullmatch(part) for part in parts)
            and any(_QUOTED_TITLE.search(part) for part in parts))


class _Candidate(NamedTuple):
    """Line j of the page, shaped as a caption; ``body_start`` is the
    article's first paragraph; ``long_prose``: a sentence too long for a
    bare caption."""
    page: Page
    j: int
    body_start: int
    long_prose: bool


def bare_line_over_first_paragraph(page: Page, j: int, body_start: int) -> bool:
    """A short line of text with no sentence end right over the article's
    first paragraph (a longer one or a sentence is the standfirst; the dot
    of "от 1979 г." ends none; a letter's "Уважаеми жители ...," leads on
    into it): the lead photo's caption or a short standfirst."""
    f, text, w = page.features[j], page.units[j].text, page.weights
    return (j < body_start and page.neighbour(j, 1) == body_start
            and w.captions_bare_min_words <= f.words <= w.captions_bare_max_words
            and not (f.ends_sentence or text.endswith(("?", ":", ","))) and shaped_as_caption(page, j))


def _over_first_paragraph(c: _Candidate) -> bool:
    """Such a bare line is the lead photo's caption when it names what the
    headline names or names a picture: the photo shows the story's subject
    ("Ким Чен Ун и Владимир Путин" under a title on Putin), where a
    standfirst goes on to tell something new."""
    text = c.page.units[c.j].text
    return (bare_line_over_first_paragraph(c.page, c.j, c.body_start)
            and (_names_a_picture(text) or _names_the_headline(c.page, text)))


def _names_a_picture(text: str) -> bool:
    return any(word.casefold() in _PICTURE_MARKS for word in words_of(text))


def _names_the_headline(page: Page, text: str) -> bool:
    """Line ``text`` shares a content word with the headline (true of any
    line on a page with no headline: nothing to tell a standfirst by)."""
    if page.headline is None:
        return True
    stem = page.weights.captions_headline_stem
    return bool(content_stems(text, stem) & content_stems(page.units[page.headline].text, stem))


# Why a line shaped as a caption is one: the first that holds.
_SIGNS: tuple[tuple[str, Callable[[_Candidate], bool]], ...] = (
    ("photo caption with its credit", lambda c: c.page.features[c.j].credit_at > 0),
    ("photo caption over its credit",
     lambda c: c.page.above_credit(c.j) and not _over_gallery_counter(c.page, c.j + 1)
     and (not c.long_prose or _under_picture(c.page, c.j))),
    ("photo caption under its credit, which no caption over the credit claims",
     lambda c: c.j > c.body_start and _under_unclaimed_credit(c.page, c.j)),
    ("photo caption over a gallery counter",
     lambda c: _over_gallery_counter(c.page, c.j) and (not c.long_prose or c.page.under_media(c.j))),
    ("caption under a gallery counter or a player", lambda c: c.page.under_media(c.j) and not c.long_prose),
    ("caption under what the picture left ('Снимка', '[Изображение]')",
     lambda c: _under_picture(c.page, c.j) and not c.long_prose),
    ("opens like a photo caption", lambda c: opens_like_caption(c.page.units[c.j].text)),
    ("a clip's caption under the headline or inside the article ('ВИДЕО: ...')",
     lambda c: c.j != c.page.headline and opens_with_video_label(c.page.units[c.j].text)),
    ("short line right over the article's first paragraph: the lead photo's caption", _over_first_paragraph),
    ("short line restating the paragraph above it: a photo's caption",
     lambda c: c.j > c.body_start and _restates_paragraph_above(c.page, c.j)),
    ("an artwork's label: name, quoted title, year, medium", lambda c: c.j > c.body_start
     and _artwork_label(c.page.units[c.j].text)),
    ("description with no verb between two paragraphs: a photo's caption",
     lambda c: c.j > c.body_start and _description_between_paragraphs(c.page, c.j)),
    ("a sentence with no full stop between two paragraphs: a photo's caption",
     lambda c: c.j > c.body_start and _unstopped_sentence_between_paragraphs(c.page, c.j)),
)


def caption_reason(page: Page, j: int, body_start: int) -> str | None:
    """Why line j (above the body or inside it) captions a photo of the
    article, or None.  ``body_start`` is the article's first paragraph."""
    if not shaped_as_caption(page, j, in_gallery=True):
        return None  # too long even for a gallery's caption: most lines, so asked first
    in_gallery = page.under_media(j) or _over_gallery_counter(page, j) or _under_picture(page, j)
    if not in_gallery and not shaped_as_caption(page, j):
        return None
    long_prose = page.is_prose(j) and page.features[j].words > page.weights.captions_bare_max_words
    candidate = _Candidate(page, j, body_start, long_prose)
    return next((why for why, holds in _SIGNS if holds(candidate)), None)
