"""What sites glue onto a line of text: photo credits and title labels.

    credit_position("Пожар в Хасково Снимка: БТА")   -> 16, where the credit begins
    clip_credit("Видео: YouTube/Мост Филм")         -> True: a clip's credit alone
    player_line("00:00 / 02:47")                     -> True: what a player leaves
    credit_positions(page, starts)                   -> the same for every line at once
    strip_labels("ОБНОВЕНА Пожар в Хасково (ВИДЕО)") -> "Пожар в Хасково"
    may_hold_labels(text)                            -> False when strip_labels only trims
    opens_with_label("ГАЛЕРИЯ: Сливен приема ...")  -> True

Measuring lines (``features``), cleaning the headline (``headline``) and
comparing lines (``features.line_key``) all need these, so they live below
all three.  The markers and labels are in ``data/page_bg.toml``.
"""
from __future__ import annotations

from bisect import bisect_right

import regex

from .tables import table

_PAGE = table("page_bg")
_LABEL_WORDS = tuple(sorted(_PAGE.phrases("headline_labels"), key=len, reverse=True))
_LABELS = "|".join(regex.escape(label) for label in _LABEL_WORDS)
_LEADING_LABELS = regex.compile(
    rf"^(?:[\[(]?(?:{_LABELS})[\])]?(?:\s*[:|\-–—+/]\s*|\s+))+(?=\S)"
)
_TRAILING_LABELS = regex.compile(
    rf"(?<!\s)(?:\s*(?:[:|\-–—+/]\s*)?[\[(]?(?:{_LABELS})[\])]?){{1,5}}\s*$"
)
# A bracket of nothing but labels in any case, joined by commas or "и"
# ("(Видео, снимки)", "(видео)").
_LABEL_BRACKET = regex.compile(
    rf"[\[(](?:{_LABELS})(?:\s{{0,3}}(?:,|\+|\s\s?и\s)\s{{0,3}}(?:{_LABELS})){{0,4}}[\])]$", regex.IGNORECASE
)
# Such a bracket is looked for only this far from the end of a line.
_BRACKET_REACH = 80
# How a text that carries a trailing label ends (before trailing spaces),
# and the first and last characters that let a text hold a label at all.
_LABEL_ENDINGS = tuple(label + close for label in _LABEL_WORDS for close in ("", "]", ")"))
_LABEL_FIRSTS = frozenset(label[0] for label in _LABEL_WORDS) | {"[", "("}
_LABEL_LASTS = frozenset(ending[-1] for ending in _LABEL_ENDINGS)
_CREDIT_MARKERS = tuple(m.casefold() for m in _PAGE.phrases("credit_markers"))
# What opens a clip's caption ("ВИДЕО: Пожарникарите гасят ...") or its
# credit ("Видео: YouTube/Мост Филм").
VIDEO_LABELS = _PAGE.phrases("video_caption_labels")
_LETTER_RUN = regex.compile(r"\p{L}+")
PLAYER_MARKS = _PAGE.phrases("player_marks")
# A player's clock, where it stands and how long the clip runs ("00:00 / 02:47").
_PLAYER_CLOCK = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?")


def _credits_someone(lowered: str, at: int, marker: str) -> bool:
    """A copyright sign credits a photo when a name follows it ("© Reuters");
    one before a year ("© 2025 ekran.bg") is the site's copyright line."""
    if not marker.endswith("©"):
        return True
    rest = lowered[at + len(marker):at + len(marker) + 2].lstrip()
    return rest[:1].isalpha()


def credit_position(text: str) -> int:
    """Index where a photo credit ('Снимка: ...') begins, or -1."""
    lowered = text.casefold()
    found = [at for m, at in ((m, lowered.find(m)) for m in _CREDIT_MARKERS) if at >= 0 and _credits_someone(lowered, at, m)]
    return min(found) if found else -1


def clip_credit(text: str, max_words: int = 6) -> bool:
    """"Видео: YouTube/Мост Филм", "Видео: TV Вега": after the clip's label
    a platform and an owner, in at most ``max_words`` words, each in
    capitals or joined by a slash; "Видео: Пожарникарите гасят огъня"
    describes the clip instead."""
    text = text.lstrip()
    if not text.startswith(VIDEO_LABELS):
        return False  # most lines: one plain test
    rest = text[next(len(label) for label in VIDEO_LABELS if text.startswith(label)):]
    words = _LETTER_RUN.findall(rest)
    return 0 < len(words) <= max_words and ("/" in rest or all(word[0].isupper() for word in words))


def player_line(text: str) -> bool:
    """What a video or audio player leaves alone on its line: its mark and
    length ("▶ 2:14") or its clock ("00:00 / 02:47")."""
    text = text.strip()
    return text.startswith(PLAYER_MARKS) or _PLAYER_CLOCK.fullmatch(text) is not None


def credit_positions(lowered_page: str, starts: list[int]) -> list[int]:
    """``credit_position`` of every line of a page, given the page
    casefolded and where its lines start: each marker is looked for over
    the whole page (a plain search, many times faster than a pattern of
    them all), and each line keeps its first."""
    found = [-1] * len(starts)
    for marker in _CREDIT_MARKERS:
        at = lowered_page.find(marker)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            if (found[line] < 0 or at - starts[line] < found[line]) and _credits_someone(lowered_page, at, marker):
                found[line] = at - starts[line]
            at = lowered_page.find(marker, at + 1)
    return found


def opens_with_label(text: str) -> bool:
    """A headline's label in capitals opens the text ("ГАЛЕРИЯ: ...")."""
    return text.lstrip().startswith(_LABEL_WORDS)


def may_hold_labels(text: str) -> bool:
    """Whether ``strip_labels`` could remove anything: a label (maybe in a
    bracket) must open the text or close it.  False means it returns
    ``text.strip()``."""
    if text[:1] in _LABEL_FIRSTS and (
            text.startswith(_LABEL_WORDS)
            or (text[:1] in ("[", "(") and text.startswith(_LABEL_WORDS, 1))):
        return True
    tail = text.rstrip()
    return (tail[-1:] in _LABEL_LASTS and tail.endswith(_LABEL_ENDINGS)) or _label_bracket(tail) is not None


def _label_bracket(tail: str) -> int | None:
    """Where a bracket of labels closing ``tail`` (trimmed) opens, if one does."""
    if tail[-1:] not in ")]":
        return None
    found = _LABEL_BRACKET.search(tail, max(0, len(tail) - _BRACKET_REACH))
    return found.start() if found else None


def strip_labels(text: str) -> str:
    """The text without the labels opening or closing it (the patterns are
    tried only on a text that may hold one: most lines hold none)."""
    return _without_labels(text) if may_hold_labels(text) else text.strip()


def _without_labels(text: str) -> str:
    stripped = _LEADING_LABELS.sub("", text).rstrip()
    bracket = _label_bracket(stripped)
    if bracket is not None:
        stripped = stripped[:bracket]
    stripped = _TRAILING_LABELS.sub("", stripped)
    return stripped.strip() or text.strip()
