"""measure_page looks at a page as one text and skips checks a unit cannot
pass; each shortcut must give what the plain check on the unit alone gives.

The plain checks are written out here (the definitions the features had when
they were computed unit by unit) and compared on generated lines made of the
pieces the shortcuts care about: sentence marks, abbreviations, quotes,
labels, credits, counters and odd characters.
"""
import sys

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import features
from newsclean.features import (ends_a_sentence, inner_sentence_ends, line_of,
                                line_starts, measure_page)
from newsclean.headline import credit_position, may_hold_credit, may_hold_labels, strip_labels

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The features as they were defined on one unit at a time.
SENTENCE_END = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"'“”„»«’)\]]*$")
INNER_SENTENCE = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"“”»)]*\s+[\"„“«]?\p{Lu}")
COUNTER = regex.compile(r"\(\s*\d+\s*\)|\b\d+\b")
EDGE_JUNK = regex.compile(r"^[\W\d_]+|(?<![\W\d_])[\W\d_]+$")


def plain_sentence_mark(match) -> bool:
    if match.group(2) != ".":
        return True
    word = match.group(1).lstrip("(\"„“«").casefold()
    return not (word in features._ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def plain_ends_sentence(text: str) -> bool:
    end = SENTENCE_END.search(text)
    return bool(end and plain_sentence_mark(end))


def plain_inner_ends(text: str) -> int:
    return sum(1 for m in INNER_SENTENCE.finditer(text) if plain_sentence_mark(m))


def plain_core(text: str) -> str:
    core = EDGE_JUNK.sub("", COUNTER.sub(" ", text.casefold())).strip()
    return " ".join(core.split())


PIECES = [
    "Правителството", "прие", "днес", "бюджета", "Министър", "София", "България", "и", "на",
    "г.", "Св.", "И.", "ул.", "т.е.", "САЩ", "ОБНОВЕНА", "ВИДЕО", "НА ЖИВО", "[ВИДЕО]", "(СНИМКИ)",
    "Снимка:", "Снимка -", "Фото:", "Коментари", "(12)", "12", "2025", "3.", "1)",
    " ", " ", " ", "  ", ".", ". ", "!", "?", "…", "?!", "...", ",", ":", " - ", " – ", " | ", "/",
    "„", "“", "”", "\"", "'", "’", "«", "»", "(", ")", "[", "]",
    "\t", "\xa0", "\x1c", "\u0345", "ß", "İ", "\u0301",
]
lines_of_pieces = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@SETTINGS
@given(lines_of_pieces)
def test_the_end_of_a_unit_is_read_as_the_plain_pattern_reads_it(text):
    assert ends_a_sentence(text) == plain_ends_sentence(text)


@SETTINGS
@given(st.lists(lines_of_pieces, min_size=1, max_size=6))
def test_sentence_ends_found_over_the_page_fall_on_the_right_unit(lines):
    page = "\n".join(lines)
    assert inner_sentence_ends(page, line_starts(lines)) == [plain_inner_ends(t) for t in lines]


def test_a_word_after_a_counted_boundary_carries_no_boundary_of_its_own():
    lines = ["Да. Не. Може. Тук.", "Св. Иван е тук. Той чака."]
    assert inner_sentence_ends("\n".join(lines), line_starts(lines)) == [2, 1]


def test_each_position_of_the_joined_page_belongs_to_its_line():
    lines = ["Заглавие", "", "Първи ред на статията.", "x"]
    page = "\n".join(lines)
    starts = line_starts(lines)
    assert [line_of(starts, p) for p in range(len(page))] == [page.count("\n", 0, p) for p in range(len(page))]
    assert line_starts([]) == []


@SETTINGS
@given(st.lists(lines_of_pieces, min_size=1, max_size=6))
def test_cores_cut_in_one_pass_are_the_cores_of_each_line(lines):
    lowered = [t.casefold() for t in lines]
    wanted = list(range(0, len(lines), 2))
    assert features._cores(lowered, wanted) == {i: plain_core(lines[i]) for i in wanted}


@SETTINGS
@given(lines_of_pieces)
def test_a_text_said_to_hold_no_label_is_only_trimmed_by_strip_labels(text):
    if not may_hold_labels(text):
        assert strip_labels(text) == text.strip()


@SETTINGS
@given(lines_of_pieces)
def test_a_text_said_to_hold_no_credit_has_none(text):
    if not may_hold_credit(text.casefold()):
        assert credit_position(text) == -1


def test_casefolding_never_joins_or_drops_words():
    """The furniture check skips the "whole" phrases for a line with more
    words than the longest of them: right only if a word of the line stays
    at least one word once casefolded.  Scans every character that
    casefolding changes."""
    letter, joiner = regex.compile(r"\p{L}"), regex.compile(r"[\p{L}\p{M}'’\-]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or char.casefold() == char:
            continue
        folded = char.casefold()
        if letter.match(char):
            assert letter.match(folded[0]) and all(joiner.match(c) for c in folded), hex(code)
        elif not joiner.match(char):
            assert not any(joiner.match(c) for c in folded), hex(code)


def test_units_with_a_line_break_are_refused():
    with pytest.raises(ValueError):
        measure_page(["one\ntwo"], now=None)
