"""The fast paths of normalisation give what the plain definitions give."""
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import normalise

ODD = ["\xa0", "\t", "\v", "\f", "\x00", "\x1c", "\xad", "\u200b", "\u200e", "\u2003", "\u3000",
       "\ufeff", "\ud800", "\udfff", "\U0001f600", "\n", " ", "  ", "а", "Б", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ODD), st.text(max_size=3)), max_size=30).map("".join))
def test_only_the_characters_the_table_changes_are_changed(text):
    assert normalise.plain_characters(text) == text.translate(normalise._CHARACTERS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "   ", "\n", "\n\n", "дума", "x", "\t"]), max_size=30).map("".join))
def test_spaces_are_folded_and_lines_trimmed_as_line_by_line(text):
    folded = "\n".join(regex.sub(" {2,}", " ", line).strip() for line in text.split("\n"))
    assert normalise.clean_lines(text) == folded


@pytest.mark.parametrize(("raw", "joined"), [
    ("Р уският премиер", "Руският премиер"),
    ("П ървите хладни утрини", "Първите хладни утрини"),
    ("К огато преди три години", "Когато преди три години"),   # a one-letter capital, a known word
    ("В понеделник сутринта", "В понеделник сутринта"),        # a one-letter word stays apart
    ("И още нещо", "И още нещо"),
    ("О бщинският съвет прие бюджета", "Общинският съвет прие бюджета"),  # "О" opens no sentence
    ("О, не, отново", "О, не, отново"),
    ("Т\nодор Кехайов става в четири", "Тодор Кехайов става в четири"),  # capital alone on its line
    ("К\n\nметът на общината", "Кметът на общината"),          # ... with a blank line after it
    ("Сподели\nи коментирай", "Сподели\nи коментирай"),        # a whole word is no drop cap
])
def test_drop_caps_are_joined_to_their_word(raw, joined):
    assert normalise.normalise(raw) == joined
