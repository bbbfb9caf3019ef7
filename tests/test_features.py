"""measure_page looks at a page as one text and skips checks a unit cannot
pass; each shortcut must give what the plain check on the unit alone gives.

The plain checks are written out here (the definitions the features had when
they were computed unit by unit) and compared on generated lines made of the
pieces the shortcuts care about: sentence marks, abbreviations, quotes,
labels, credits, counters, furniture phrases, repeated lines and odd
characters.
"""
import sys
from collections import Counter
from datetime import datetime, timezone

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import features
from newsclean.features import (ends_a_sentence, inner_sentence_ends, line_key, line_of, reads_as_clause,
                                line_starts, measure_page, words_of)
from newsclean import furniture
from newsclean import marks
from newsclean.marks import clip_credit, credit_position, credit_positions, may_hold_labels

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The features as they were defined on one unit at a time.
SENTENCE_END = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"'“”„»«’)\]]*$")
INNER_SENTENCE = regex.compile(r"(?<!\S)(\S*?)([.!?…])[\"“”»)]*\s+[\"„“«]?\p{Lu}")
NAV_SEPARATOR = regex.compile(r"\s(?:\||/|>|»|›|•|·)\s")
LIST_START = regex.compile(r"^(?:\d{1,3}[.)]?\s|[-–—•*▪·]\s)")
NAME_VALUE = regex.compile(r"\s[–-]\s\S|^[^:]{1,40}:\s\S")
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
    """Sentence marks inside a line; a number opening the line ("1. Текст")
    is a list number, not a sentence."""
    return sum(1 for m in INNER_SENTENCE.finditer(text)
               if plain_sentence_mark(m) and not (m.start(1) == 0 and m.group(1).isdigit()))


def plain_core(text: str) -> str:
    core = EDGE_JUNK.sub("", COUNTER.sub(" ", text.casefold())).strip()
    return " ".join(core.split())


PIECES = [
    "Правителството", "прие", "днес", "бюджета", "Министър", "София", "България", "и", "на",
    "г.", "Св.", "И.", "ул.", "т.е.", "САЩ", "ОБНОВЕНА", "ВИДЕО", "НА ЖИВО", "[ВИДЕО]", "(СНИМКИ)",
    "Снимка:", "Снимка -", "Фото:", "СНИМКИ:", "Photo:", "Коментари", "(12)", "12", "2025", "3.", "1)",
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


def test_a_list_number_opening_a_line_is_no_sentence_end():
    lines = ["1. Дебютният роман на Калина Петрунова", "През 2024. Тогава започна всичко."]
    assert inner_sentence_ends("\n".join(lines), line_starts(lines)) == [0, 1]


def test_a_word_after_a_counted_boundary_carries_no_boundary_of_its_own():
    lines = ["Да. Не. Може. Тук.", "Св. Иван е тук. Той чака."]
    assert inner_sentence_ends("\n".join(lines), line_starts(lines)) == [2, 1]


def test_each_position_of_the_joined_page_belongs_to_its_line():
    lines = ["Заглавие", "", "Първи ред на статията.", "x"]
    page = "\n".join(lines)
    starts = line_starts(lines)
    assert [line_of(starts, p) for p in range(len(page))] == [page.count("\n", 0, p) for p in range(len(page))]
    assert line_starts([]) == []


def plain_short_checks(text: str) -> tuple:
    """agency_only, editor_initials, place_line, menu_like, gallery_counter, list_item"""
    tokens = words_of(text)
    n, stops = len(tokens), sum(1 for t in tokens if t.casefold() in features.STOPWORDS)
    agency = features._AGENCY_MARK.match(text)
    pieces = NAV_SEPARATOR.split(text)
    two_values = len(pieces) == 2 and any(c.isdigit() for c in pieces[1]) and (
        ":" in pieces[0] or any(c.isdigit() for c in pieces[0]))
    menu = (len(pieces) >= 2 and all(len(words_of(p)) <= 3 for p in pieces) and not two_values) or (
        n >= 4 and stops == 0 and not any(c.isdigit() or c in "(:" for c in text)
        and all(t[:1].isupper() for t in tokens))
    return (bool(agency and agency.group(1).casefold() in features._AGENCIES),
            bool(features._EDITOR_INITIALS.match(text)),
            bool(features._PLACE_LINE.match(text)) and n <= 3,
            menu,
            bool(features._GALLERY.match(text)),
            (n <= 20 and bool(LIST_START.match(text))) or (n <= 8 and bool(NAME_VALUE.search(text))))


SHORT = ["БТА", "(БГНЕС)", "Фокус", "/ИП/", "/ ИП, МК /", "СОФИЯ,", "Стара Загора,", "Снимка 3 от 12",
         "СНИМКА 3/12", "1. ", "12) ", "– ", "• ", "Име: ", "Цена – ", " | ", " / ", " » ", " • ",
         "\x1c|\x1c", "Спорт", "Новини", "Икономика", "За", "нас", "٣. "]
short_lines = st.lists(st.sampled_from(SHORT + PIECES), max_size=8).map("".join)


@SETTINGS
@given(st.lists(short_lines, min_size=1, max_size=6))
def test_the_short_checks_find_what_their_patterns_find(lines):
    found = [(f.agency_only, f.editor_initials, f.place_line, f.menu_like, f.gallery_counter,
              f.list_item) for f in measure_page(lines, NOW)]
    assert found == [plain_short_checks(t) for t in lines]


def plain_furniture(text: str, words: int):
    lowered, core = text.casefold(), plain_core(text)
    for family in furniture.FAMILIES:
        if (core in family.whole or (words <= 25 and lowered.startswith(family.starts))
                or (words <= 6 and lowered.startswith(family.short_starts))):
            return family.name, False
        if any(c in lowered for c in family.contains):
            return family.name, words > family.contains_within
    toolbar = furniture.toolbar_family(lowered) if 2 <= words <= 10 else None
    return (toolbar.name if toolbar else None), False


FURNITURE = sorted({p for f in furniture.FAMILIES
                    for kind in (f.whole, f.starts, f.short_starts, f.contains) for p in kind})
furniture_lines = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(FURNITURE),
                                     st.sampled_from(FURNITURE).map(str.upper)),
                           max_size=12).map("".join)
# Lines that share letters but not always keys, to be repeated on a page.
REPEATABLE = ["Снимка 1", "Снимка 2", "снимка 1", "ВИДЕО Пожар в София", "Пожар в София",
              "Пожар в София | ВИДЕО", "Пожар в София Снимка: БТА", "По-жар в София",
              "Пожар в Со-фия", "Пожар в София.", "12:30", "13:30", "•", "Ден 1", "Ден1", "Ден"]
NOW = datetime(2026, 11, 22, 10, tzinfo=timezone.utc)


@SETTINGS
@given(st.lists(furniture_lines, min_size=1, max_size=6))
def test_furniture_is_found_as_the_plain_phrase_check_finds_it(lines):
    found = [(f.furniture.name if f.furniture else None, f.furniture_by_phrase_inside)
             for f in measure_page(lines, NOW)]
    assert found == [plain_furniture(t, len(words_of(t))) for t in lines]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(REPEATABLE), lines_of_pieces), min_size=1, max_size=12))
def test_repetition_is_counted_on_line_keys(lines):
    keys = [line_key(t) for t in lines]
    counts = Counter(k for k in keys if k)
    found = [(f.repeats, f.same_as_previous, f.same_as_next) for f in measure_page(lines, NOW)]
    assert found == [(counts[k] if k else 1,
                      bool(k) and i > 0 and keys[i - 1] == k,
                      bool(k) and i + 1 < len(keys) and keys[i + 1] == k)
                     for i, k in enumerate(keys)]


@SETTINGS
@given(lines_of_pieces)
def test_the_letters_of_a_line_are_its_letters_and_those_of_its_core(text):
    lowered = text.casefold()
    letters = regex.sub(r"\P{L}", "", lowered)
    assert features.letters_of(words_of(lowered)) == letters
    assert regex.sub(r"\P{L}", "", plain_core(text)) == letters


def test_a_character_python_calls_alphabetic_is_a_letter_to_the_word_patterns():
    letter = regex.compile(r"\p{L}")
    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code < 0xE000 and chr(code).isalpha():
            assert letter.match(chr(code)), hex(code)


@SETTINGS
@given(lines_of_pieces)
def test_a_text_said_to_hold_no_label_is_only_trimmed_by_the_label_patterns(text):
    if not may_hold_labels(text):
        assert marks._without_labels(text) == text.strip()


@SETTINGS
@given(st.lists(lines_of_pieces, min_size=1, max_size=6))
def test_credits_found_over_the_page_are_those_of_each_line(lines):
    lowered = [t.casefold() for t in lines]
    assert credit_positions("\n".join(lowered), line_starts(lowered)) == [credit_position(t) for t in lines]


def test_casefolding_keeps_every_word_one_word_but_for_one_mark():
    """measure_page takes the words of the casefolded line for the
    casefolded words of the line: right only if casefolding turns a letter
    into a letter and maybe marks, a mark or joiner into marks or joiners,
    anything else into anything else.  U+0345 (a mark that casefolds to a
    letter) is the one exception, and measure_page handles it apart.
    Scans every character that casefolding changes."""
    letter, joiner = regex.compile(r"\p{L}"), regex.compile(r"[\p{M}'’\-]")
    exceptions = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or char.casefold() == char:
            continue
        folded = char.casefold()
        if letter.match(char):
            kept = letter.match(folded[0]) and all(letter.match(c) or joiner.match(c) for c in folded)
        elif joiner.match(char):
            kept = all(joiner.match(c) for c in folded)
        else:
            kept = not any(letter.match(c) or joiner.match(c) for c in folded)
        if not kept:
            exceptions.append(code)
    assert exceptions == [0x345]


def test_units_with_a_line_break_are_refused():
    with pytest.raises(ValueError):
        measure_page(["one\ntwo"], now=None)


def test_breadcrumb_separated_by_single_angle_quotes_is_a_menu():
    feats = measure_page(["Начало › Здраве › От други медии", "Начало » Новини » Регионални"], datetime(2026, 11, 22))
    assert [f.menu_like for f in feats] == [True, True]


def test_schedule_and_result_rows_are_not_menus_but_a_row_of_section_names_is():
    rows = ["15:00 Странджа (Средец) - Балканец (Троян)", "Сокол (Казанлък) - Вихър (Стара Загора) 2:1",
            "Начало България Свят Икономика Спорт Култура"]
    assert [f.menu_like for f in measure_page(rows, datetime(2026, 11, 22))] == [False, False, True]


@pytest.mark.parametrize(("line", "family"), [
    ("Отпечатай А+ А-", "share and comments"),
    ("Търсене Вход Регистрация", "login and forms"),
    ("Приемам всички Само необходимите Настройки", "login and forms"),
    ("Версия за слабовиждащи | Размер на шрифта: А А+ А++", "share and comments"),
    ("Подкрепи ни Бюлетин", "promos and follow us"),
    ("Вход в историята на града", None),          # a title that starts like a login link
    ("Сподели мнението си с нас", None),
])
def test_a_row_of_furniture_phrases_is_furniture(line, family):
    found = measure_page([line], NOW)[0].furniture
    assert (found.name if found else None) == family


@pytest.mark.parametrize(("line", "dominant"), [
    ("14.02.2025, 09:05 ч. | Източник: Морски лекарски вестник", True),
    ("3.9.2025 г. | Автор: Мила Арсова | Време за четене: 9 мин.", True),
    ("Правителството прие бюджета на 12.03.2025 | след дълъг дебат в парламента днес", False),
    ("На 12.03.2025 правителството прие бюджета след дълъг дебат.", False),
    # a schedule entry: words follow the date after a dash
    ("5 април 2025, 9:00 ч. – Физика (тест), зала 3.02", False),
    ("4 юли 2025 – обявяване на първо класиране", False),
    ("12.03.2025 – Иван Петров", True),
    ("Неделя, 9 март 2025 – 18:52", True),
    ("17:40 - 09.03.2025", True),
])
def test_a_packed_meta_line_is_mostly_a_date_and_a_schedule_entry_is_not(line, dominant):
    assert measure_page([line], NOW)[0].date_dominant is dominant


def test_every_key_gives_each_line_the_key_line_key_gives_it():
    lines = ["ВИДЕО: Пожар в Родопите", "Кметът откри моста. Снимка: БГНЕС", "Начало | Новини",
             "Начало | Новини", "Обикновен ред без етикет", "(ОБНОВЕНА) Затвориха прохода", "—"]
    keyed = measure_page(lines, NOW, every_key=True)
    assert [f.key for f in keyed] == [line_key(line) for line in lines]
    plain = measure_page(lines, NOW)
    assert [f.key for f in plain] == [None, None, "начало новини", "начало новини", None, None, None]


@pytest.mark.parametrize("text", ["Доброволци броят птиците", "Влагата в почвата е под нормата",
                                  "Сред отпадъците имаше лодка", "Пътеката минава през гората",
                                  "Лодката финишира първа", "Кметът не дойде"])
def test_a_line_with_a_finite_verb_reads_as_a_clause(text):
    assert reads_as_clause(text)


@pytest.mark.parametrize("text", ["Навесът над спирките на градския транспорт",
                                  "Кунева с актьорите след премиерата",
                                  "Фрагмент от сцената „Страшният съд“ в притвора"])
def test_a_description_naming_who_and_where_reads_as_no_clause(text):
    assert not reads_as_clause(text)


@pytest.mark.parametrize(("line", "credit"), [
    ("Видео: YouTube/Мост Филм", True),
    ("Видео: КТ „Подкрепа“", True),
    ("Видео: Софийски квартал / YouTube", True),
    ("Видео: Пожарникарите гасят огъня в склада", False),   # describes the clip
    ("Видео: Как се ражда една планета", False),
    ("Видео:", False),
    ("Пожарникарите гасят огъня. Видео: БНТ", False),      # a caption with its credit, not a credit alone
])
def test_a_clips_label_over_a_platform_or_an_owner_is_its_credit(line, credit):
    assert clip_credit(line) is credit
