"""The fast paths of normalisation give what the plain definitions give."""
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
