"""Dates as real pages place and print them (issue 21): the dateline above
the headline, times after a bullet, clock bars, info boxes' other dates and
the date printed under the article."""
from datetime import datetime, timezone

import newsclean
from newsclean.dates import SOFIA
from conftest import ARTICLE

TITLE = "Новият мост над Марица е открит"


def test_a_dateline_above_the_headline_with_counters_between_is_the_articles():
    record = newsclean.extract("\n".join(["Начало | Новини | Спорт", "19.02.2026 • 15:12", "3062 прегледа",
                                          "88 коментара", TITLE, *ARTICLE]))
    assert record.published == "2026-02-19T15:12:00+02:00"
    assert record.headline == TITLE


def test_a_section_label_and_a_dateline_above_the_headline_give_the_date():
    record = newsclean.extract("\n".join(["Секция: РЕГИОНИ / 11 Октомври 2022 08:47", TITLE, "Снимка: БГНЕС", *ARTICLE]))
    assert record.published == "2022-10-11T08:47:00+03:00"


def test_a_time_after_a_middle_dot_is_kept():
    record = newsclean.extract("\n".join([TITLE, "15.06.2011 · 10:30", *ARTICLE]))
    assert record.published == "2011-06-15T10:30:00+03:00"


def test_a_clock_bar_above_the_menu_of_an_undated_article_gives_no_date():
    record = newsclean.extract("\n".join(["5.12.2022 | понеделник | 04:07", "Начало | Новини | Спорт | Култура",
                                          "Вход | Регистрация", TITLE, *ARTICLE]))
    assert record.published is None


def test_the_date_of_a_claim_or_a_premiere_in_a_box_is_not_the_articles():
    box = ["Твърдение: „От 1 юли пенсиите се намаляват.“", "Дата на твърдението: 28 януари 2023 г.",
           "Премиера: 8 януари 2026 г."]
    record = newsclean.extract("\n".join([TITLE, "Публикувано на 2 февруари 2023 г.", ARTICLE[0], *box, *ARTICLE[1:]]))
    assert record.published == "2023-02-02"


def test_a_dateline_printed_under_the_article_is_its_date_when_the_header_has_none():
    record = newsclean.extract("\n".join([TITLE, *ARTICLE, "Гледайте видеото", "09.11.2024 · 17:55 | Новини"]))
    assert record.published == "2024-11-09T17:55:00+02:00"


def test_a_teasers_date_after_the_share_bar_is_not_the_articles():
    record = newsclean.extract("\n".join([TITLE, *ARTICLE, "Сподели: Facebook Имейл Печат", "Обявления",
                                          "19.01.2026", "График на изпитната сесия за задочно обучение"]))
    assert record.published is None


def test_a_role_before_the_name_is_a_byline():
    record = newsclean.extract("\n".join([TITLE, "редактор Стилиян Гешев", "08.10.2025, 17:42", *ARTICLE]))
    assert record.author == "Стилиян Гешев"


def test_a_date_beside_the_sunrise_is_the_sky_bar_not_the_articles():
    record = newsclean.extract("\n".join(["Понеделник, 18 ноември 2024 | Изгрев 07:02 Залез 16:56", "Лов",
                                          TITLE, "18 ноември 2024, 09:15 ч. | 2 417 прочитания", *ARTICLE]))
    assert record.published == "2024-11-18T09:15:00+02:00"


def test_a_publication_date_labelled_with_its_noun_is_read():
    record = newsclean.extract("\n".join([TITLE, "Дата на публикуване: 14.01.2025", *ARTICLE]))
    assert record.published == "2025-01-14"


def test_a_dateline_with_its_section_and_comment_count_between_bars_keeps_its_time():
    record = newsclean.extract("\n".join([TITLE, "Футбол / Втора лига", "Втора лига | 22.03.2025 | 17:58 | 11 коментара",
                                          *ARTICLE]))
    assert record.published == "2025-03-22T17:58:00+02:00"


def test_a_time_after_the_crawlers_date_opens_the_pages_own_dateline_glued_to_it():
    record = newsclean.extract("\n".join([" date 2026-05-17 21:58 - 17.05.2026 | Спорт | 3411", TITLE, *ARTICLE]))
    assert record.published == "2026-05-17T21:58:00+03:00"


def test_the_crawlers_date_with_a_time_alone_on_its_line_keeps_the_time():
    from newsclean.dates import crawler_prefix_end
    for line in (" date 2026-05-17 21:58", " date 2026-05-17T21:58 Текст", " date 2026-05-17 21:58:03+03:00"):
        assert crawler_prefix_end(line) == len(line.split(" Текст")[0])
    assert crawler_prefix_end(" date 2026-05-17 21:58 - 17.05.2026") == len(" date 2026-05-17")


def test_a_today_bar_over_the_sites_menu_is_no_date_of_an_untitled_article():
    record = newsclean.extract("\n\n".join(["Радио Вълна 101.4 MHz", "Събота, 21 ноември 2026 | 18:42",
                                            "Новини  Регион  Интервюта  Спорт  Контакти", *ARTICLE]))
    assert record.published is None
    assert record.body == "\n\n".join(ARTICLE)


def test_a_toolbar_between_the_dateline_and_an_untitled_article_keeps_the_date():
    record = newsclean.extract("\n\n".join(["Начало › Новини", "20 януари 2025 г.", "Отпечатай | Изпрати на приятел",
                                            *ARTICLE]))
    assert record.published == "2025-01-20"


def test_a_dateline_glued_to_the_first_paragraph_without_a_space_gives_the_date():
    record = newsclean.extract("\n".join(["Звезди Любов Мода ТВ", "14:32, 03.03.2026" + ARTICLE[0], *ARTICLE[1:]]))
    assert record.published == "2026-03-03T14:32:00+02:00"
    assert record.body == "\n\n".join(ARTICLE)


def test_a_year_followed_by_capitals_only_is_not_split_as_a_glued_dateline():
    from newsclean.dates import glued_dateline_end
    assert glued_dateline_end("3.5.2025ГЕРБ спечели") == 0
    assert glued_dateline_end("03.03.2026 Водещата") == 0
    assert glued_dateline_end("12.03.2025, 10:15Кметът обяви") == len("12.03.2025, 10:15")


def test_a_teasers_relative_time_under_the_article_is_no_date_of_an_undated_page():
    dump = "\n".join([" date 2025-12-03 " + ARTICLE[0], *ARTICLE[1:], "Банско посреща първите скиори на 13 декември",
                      "Преди 1 час", "Сандански: Нова детска площадка отваря врати", "Преди 2 часа"])
    record = newsclean.extract(dump, now=datetime(2026, 11, 22, 12, tzinfo=timezone.utc))
    assert record.published == "2025-12-03"


def test_a_clock_bar_over_the_section_label_yields_to_the_dateline_under_the_headline():
    dump = "\n".join(["Начало", "Вход", "Сряда, 14 януари 2026 | 13:52", "Общество", TITLE,
                      "14.01.2026, 08:05 | Последна промяна: 14.01.2026, 13:47", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.published == "2026-01-14T08:05:00+02:00"
    assert record.updated == "2026-01-14T13:47:00+02:00"


def test_with_no_headline_the_dateline_nearest_the_article_outranks_a_today_bar_above_it():
    dump = "\n".join(["Начало | Шумен | Област | Култура | Спорт", "Понеделник, 13 януари 2025",
                      "12 януари 2025, 10:30 | Област | Прочитания: 1 310", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.published == "2025-01-12T10:30:00+02:00"


def test_a_weekday_bar_giving_the_crawl_day_with_a_clock_gives_the_day_not_the_visits_time():
    dump = "\n".join([" date 2026-03-13 Разград Новини   Начало   Новини   Общество   Спорт", "Размер на шрифта: A- A+",
                      "Петък, 13 март 2026 | 17:02", "Времето | 👁 1 204 | 💬 0", *ARTICLE])
    assert newsclean.extract(dump).published == "2026-03-13"


def test_a_section_named_like_a_weekday_abbreviation_keeps_its_datelines_time():
    dump = "\n".join([" date 2025-03-22", "Втора лига | 22.03.2025 | 17:58 | 11 коментара", *ARTICLE])
    assert newsclean.extract(dump).published == "2025-03-22T17:58:00+02:00"


def test_an_update_time_alone_on_its_line_falls_on_the_day_of_the_articles_dateline():
    dump = "\n".join([TITLE, "09.03.2026, 09:14", "ОБНОВЕНА 11:52", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.published == "2026-03-09T09:14:00+02:00"
    assert record.updated == "2026-03-09T11:52:00+02:00"
    assert "ОБНОВЕНА" not in record.body


def test_a_relative_time_with_its_clock_is_read_on_the_crawlers_day_not_on_now():
    dump = "\n".join([" date 2025-11-06", "Читалището в Драгоман навърши 130 години", "вчера в 18:45 | Репортер: Иван Велков",
                      *ARTICLE])
    record = newsclean.extract(dump, now=datetime(2026, 11, 22, 12, 0, tzinfo=SOFIA))
    assert (record.published, record.author) == ("2025-11-05T18:45:00+02:00", "Иван Велков")


def test_hours_ago_on_a_crawled_page_give_the_crawlers_day():
    dump = "\n".join([" date 2025-11-06", "Читалището в Драгоман навърши 130 години", "Публикувано преди 3 часа", *ARTICLE])
    record = newsclean.extract(dump, now=datetime(2026, 11, 22, 12, 0, tzinfo=SOFIA))
    assert record.published == "2025-11-06"
