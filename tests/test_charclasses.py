"""The plain ``re`` twins of the ``regex`` classes find what ``regex``
finds, on text of the common blocks and on any text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import charclasses, features, language

# Characters of the common blocks (Latin, Cyrillic, punctuation, ...), a
# few that are not (a combining mark, a CJK letter, an emoji), and spaces.
COMMON = st.characters(min_codepoint=0x20, max_codepoint=0x52F)
OTHER = st.sampled_from(["\u0345", "\u3042", "\U0001F600", "\u0661", "ℕ", "Ⅻ", "²", "\u20dd"])
TEXT = st.text(st.one_of(COMMON, COMMON, COMMON, OTHER, st.just(" ")), max_size=60)


@settings(max_examples=400)
@given(TEXT)
def test_words_are_those_regex_finds(text):
    assert features.words_of(text) == features._WORD.findall(text)


@settings(max_examples=400)
@given(TEXT)
def test_line_keys_are_those_regex_finds(text):
    lowered = text.casefold()
    assert features._COMMON_KEY_WORD.findall(lowered) == features._KEY_WORD.findall(lowered) \
        or not charclasses.is_common(lowered)


@settings(max_examples=400)
@given(TEXT)
def test_cyrillic_words_are_those_regex_finds(text):
    if charclasses.is_common(text):
        assert language._COMMON_CYRILLIC_WORD.findall(text) == language._CYRILLIC_WORD.findall(text)


def test_common_text():
    assert charclasses.is_common("Пожар в „Хасково“ – 12 € ©")
    assert not charclasses.is_common("日本")


@settings(max_examples=400)
@given(st.text(st.one_of(COMMON, st.sampled_from(["©", "°", "№", "💬", "🖨", "™", "ⓐ"])), max_size=30))
def test_symbols_are_those_python_calls_so(text):
    from newsclean import captions

    assert captions.has_symbols(text) == any(map(captions._is_symbol, text))
