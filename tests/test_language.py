"""not_bulgarian skips the exact count of Cyrillic letters when a bound
settles it; the bound must never pass a text the exact count fails."""
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import language

PIECES = ["Правителството", "прие", "бюджета", "ѝ", "ъ", "Ђорђе", "його", "Київ", "Government",
          "the", "Αθήνα", "東京", "2025", "12:30", " ", " ", ", ", ".", "„", "“", "—", "€", "№",
          "\u0301", "\u0485", "ß", "ǅ", "\u1c80", "\U0001e030", "\ufffd", "?", "!", "(", ")"]


def exact_share_passes(text: str) -> bool:
    letters = regex.sub(r"\P{L}+", "", text)
    cyrillic = regex.sub(r"\P{Script=Cyrillic}+", "", letters)
    return bool(letters) and not len(cyrillic) < language._MIN_CYRILLIC_SHARE * len(letters)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_a_text_the_bound_calls_cyrillic_enough_is_so_by_the_exact_count(text):
    if language._mostly_cyrillic(text):
        assert exact_share_passes(text)


def test_the_bound_settles_a_bulgarian_page():
    page = "Правителството прие бюджета за 2026 г. на заседание в сряда, съобщиха от пресцентъра."
    assert language._mostly_cyrillic(page)
    assert not language._mostly_cyrillic("The government adopted the budget for 2026 on Wednesday.")
