"""The header stage on small, real-looking pages: which line above the body
is the headline, and what the lines around it are."""
import pytest

import newsclean
from newsclean import byline
from newsclean.dates import find_dates
from newsclean.headline import clean_headline
from conftest import ARTICLE, page

TITLE = "Новият мост над Марица е открит"
MENU = "Начало | Новини | Спорт | Култура | Времето"
DATELINE = "12.03.2025 10:15"


def test_the_title_printed_twice_is_the_headline_not_the_short_line_under_it():
    caption = "Кметът Иван Тотев и строителите на моста"
    record = newsclean.extract(page(MENU, TITLE, TITLE, DATELINE, caption, *ARTICLE))
    assert record.headline == TITLE
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_the_standfirst_under_the_headline_is_the_first_paragraph_of_the_body():
    standfirst = ("Съоръжението над Марица свързва кварталите Кършияка и Център и ще облекчи движението "
                  "по старите мостове, смятат от общината.")
    record = newsclean.extract(page(MENU, TITLE, standfirst, "Автор: Иван Петров", DATELINE, *ARTICLE))
    assert record.headline == TITLE
    assert record.body == "\n\n".join([standfirst, *ARTICLE])


def test_co_authors_printed_one_per_line_beside_the_dateline_are_all_read():
    record = newsclean.extract(page(MENU, TITLE, "Иван Петров", "Мария Георгиева", DATELINE, *ARTICLE))
    assert record.author == "Иван Петров, Мария Георгиева"
    assert record.headline == TITLE


def test_a_line_opening_like_a_caption_above_the_dateline_is_no_headline():
    caption = "Кадър от церемонията по откриването на моста"
    record = newsclean.extract(page(MENU, TITLE, caption, DATELINE, *ARTICLE))
    assert record.headline == TITLE
    assert record.captions == [caption]


def test_a_labelled_byline_and_date_right_after_the_body_are_the_article_s():
    record = newsclean.extract(page(MENU, TITLE, *ARTICLE, "Автор: Иван Петров",
                                    "Публикувано на 12.03.2025", "Сподели във Facebook"))
    assert record.author == "Иван Петров"
    assert record.published == "2025-03-12"


def test_co_authors_on_one_line_are_a_byline_not_a_menu():
    record = newsclean.extract(page(MENU, TITLE, DATELINE, "Лора Ценова, Иво Бонев", *ARTICLE))
    assert record.author == "Лора Ценова, Иво Бонев"
    assert record.headline == TITLE


def test_a_section_name_printed_in_the_menu_and_over_the_article_is_no_headline():
    vertical_menu = ["България", "Региони", "Спорт", "Здраве"]
    record = newsclean.extract(page(*vertical_menu, "Региони", TITLE, "Автор: Яна Методиева", *ARTICLE))
    assert record.headline == TITLE


def test_a_section_name_from_inside_a_menu_row_over_a_credited_title_is_no_headline():
    menu = "Начало България Пловдив и региона Икономика Спорт Анализи"
    title = "Новият мост над Марица е открит"
    record = newsclean.extract(page(menu, "Пловдив и региона", f"{title} Снимка: Община Пловдив", "04.06.2026 | 10:05",
                                    *ARTICLE))
    assert record.headline == title
    assert record.captions == []


def test_the_title_over_its_long_standfirst_over_the_dateline_is_the_headline_and_the_standfirst_opens_the_body():
    title = "Дълго чакане, скъп ремонт: защо шофьорите в Пловдив не празнуват"
    standfirst = ("Новият мост е открит, но автобусите и велосипедистите ще минават по него едва "
                  "от есента, след втория етап на работите")
    record = newsclean.extract(page(" date 2025-07-21", title, standfirst, "21.07.2025 08:30", "Автор: Ивета Кънева",
                                    *ARTICLE))
    assert record.headline == title
    assert record.body.split("\n\n")[0] == standfirst


def test_a_title_of_a_question_and_its_answer_with_no_full_stop_is_the_headline():
    title = "Готов ли е новият мост над Марица? Кметът отговаря"
    record = newsclean.extract(page(f"{title} Снимка: Pixabay", "Новини | Пловдив | Регион | Спорт",
                                    "Публикувано на 05.11.2025 в 08:15", *ARTICLE))
    assert record.headline == title


def test_a_caption_sentence_with_its_credit_on_the_crawlers_line_is_no_headline():
    caption = "Кметът на Пловдив прерязва лентата на новия мост над Марица. Снимка: БГНЕС"
    record = newsclean.extract(page(f" date 2025-08-18 {caption}", "18.08.2025 | 22:41 | Пловдив", *ARTICLE))
    assert record.headline is None
    assert record.captions == [caption]


def test_a_credit_in_brackets_glued_to_the_headline_is_cut_off_with_its_bracket():
    assert clean_headline("Новият мост над Марица е открит (Снимка: Община Пловдив)") == "Новият мост над Марица е открит"


def test_a_headline_label_is_not_read_as_a_caption_opening():
    record = newsclean.extract(page(MENU, "СНИМКИ От понеделник започва ремонтът на пътя Враца – Мездра",
                                    DATELINE, "Снимка 1 от 6", "Участъкът при Зверино, където пътят е разбит",
                                    *ARTICLE))
    assert record.headline == "От понеделник започва ремонтът на пътя Враца – Мездра"
    assert record.captions == ["Участъкът при Зверино, където пътят е разбит"]


def test_a_blog_meta_line_gives_the_article_s_date_and_author():
    record = newsclean.extract(page(MENU, TITLE, "12 август 2024 Теодора Величкова Туризъм 2 коментара", *ARTICLE))
    assert record.published == "2024-08-12"
    assert record.author == "Теодора Величкова"
    assert record.headline == TITLE
    assert record.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("line, name", [
    ("3 юли 2025 Теодора Величкова Култура Остави коментар", "Теодора Величкова"),
    ("03.07.2025 Мария Петрова Иванова Новини", "Мария Петрова Иванова"),
    ("03.07.2025 Стара Загора", None),
    ("03.07.2025 Общество 4 коментара", None),
])
def test_the_name_after_a_meta_line_s_opening_date_stops_before_the_category(line, name):
    opening_date = find_dates(line)[0]
    assert byline.name_after_date(line, opening_date.end) == name


def test_the_line_a_breadcrumb_ends_in_is_the_headline_of_a_page_without_dateline():
    vertical_menu = ["За университета", "Факултети и департаменти", "Наука и проекти", "Новини и събития"]
    record = newsclean.extract(page(MENU, "Технически университет – Видин", *vertical_menu,
                                    f"Начало » Новини » {TITLE}", TITLE, *ARTICLE))
    assert record.headline == TITLE
    assert record.captions == []


def test_an_author_page_of_a_profile_and_teasers_holds_no_article():
    profile = ("Журналист в екипа на сайта от 2019 г. Отразява съдебни дела, разследвания на прокуратурата "
               "и престъпления срещу възрастни хора в Северна България. Завършила е журналистика "
               "във Великотърновския университет.")
    teasers = []
    for title, summary, meta in [
        ("Шест години затвор за куриерите на телефонните измамници",
         "Окръжният съд призна за виновни трима мъже, прибрали над 312 000 лева от пенсионери.",
         "14.11.2025 | Съдебна хроника | Коментари: 3"),
        ("Условна присъда за бивш кмет заради фиктивни договори",
         "Бившият кмет е назначил на хартия петима души, които никога не са работили в кметството.",
         "12.11.2025 | Съдебна хроника | Коментари: 0"),
        ("Издирват 16-годишно момиче от Троян",
         "Детето е излязло от дома си в събота сутринта и оттогава не се е свързвало с близките си.",
         "05.11.2025 | Издирвани | Коментари: 4")]:
        teasers += [title, summary, meta]
    record = newsclean.extract(page(MENU, "Десислава Колева", profile, "Статии от автора (214)", *teasers))
    assert record.warnings[0] == "no_article"
    assert (record.body, record.published, record.author) == ("", None, None)


def test_the_site_s_tagline_above_the_dateline_is_no_headline():
    record = newsclean.extract(page("ТРАКИЯ ЕКСПРЕС", "Ежедневник за Стара Загора и региона",
                                    "19.9.2023 г., 18:30 ч.", "Автор: Павел Стайков", *ARTICLE))
    assert record.headline is None
    assert record.author == "Павел Стайков"
    assert record.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("line, names", [
    ("Автор: Ива Станчева, Русе", "Ива Станчева"),
    ("Материал на Петя Радева, кореспондент в Мадрид", "Петя Радева"),
    ("Текст: Николай Грозев, Лондон", "Николай Грозев"),
    ("Проверката е направена от Ралица Стоянова и Георги Кънчев.", "Ралица Стоянова, Георги Кънчев"),
    ("Материал на БНТ показа кадри от мястото", None),
])
def test_a_labelled_byline_gives_its_names_without_the_place_or_role_after_them(line, names):
    assert byline.labelled_byline(line) == names


def test_a_byline_sentence_after_the_article_is_its_author_not_its_body():
    record = newsclean.extract(page(MENU, TITLE, DATELINE, *ARTICLE,
                                    "Проверката е направена от Ралица Стоянова и Георги Кънчев.",
                                    "Сподели във Facebook"))
    assert record.author == "Ралица Стоянова, Георги Кънчев"
    assert record.body == "\n\n".join(ARTICLE)


def test_a_today_bar_above_the_breadcrumb_is_not_the_article_s_date():
    record = newsclean.extract(page(MENU, "Днес: Сряда, 11 март 2026", "Новини › Синдикати и заплати", TITLE,
                                    "Вторник, 10 март 2026 | 16:05", "От Боряна Тодорова", *ARTICLE))
    assert record.published == "2026-03-10T16:05:00+02:00"
    assert record.author == "Боряна Тодорова"


# --- the headline is chosen by scoring its candidates (issue 12) -------------

STORY = [
    "Пожар избухна тази сутрин в склад за дървен материал в промишлената зона на Хасково. "
    "Огнеборците от три пожарни команди се борят с пламъците вече четири часа.",
    "По данни на полицията в склада не е имало хора. Причината за пожара се изяснява, "
    "а движението по околните улици е затворено до второ нареждане.",
    "Кметът на Хасково призова жителите на близките квартали да държат прозорците си затворени "
    "заради гъстия дим над града.",
]
FIRE = "Голям пожар в склад за дървен материал в Хасково"


def test_a_copyright_line_at_the_top_is_no_headline_and_the_title_over_a_photo_credit_is():
    record = newsclean.extract(page("Хасково Днес © 2025 Всички права запазени", "Регион | Общество",
                                    FIRE, "Снимка: БГНЕС", *STORY))
    assert record.headline == FIRE
    assert record.captions == []


def test_a_menu_row_of_short_words_is_no_headline():
    record = newsclean.extract("\n".join(["Видео Подкаст Профил Новини Спорт", FIRE, *STORY]))
    assert record.headline == FIRE


def test_an_editor_line_or_a_channel_promo_at_the_top_is_no_headline():
    for line in ("редактор Веселин Златков", "Новини Днес с нов канал в Телеграм"):
        record = newsclean.extract("\n".join([line, *STORY]))
        assert record.headline is None, line


def test_a_credit_glued_to_the_headline_is_cut_off_and_names_no_author():
    record = newsclean.extract("\n".join([f"{FIRE} Снимка: © Скрийншот, bTV", *STORY]))
    assert record.headline == FIRE
    assert record.author is None


@pytest.mark.parametrize("printed", [f"{FIRE} (Видео, снимки)", f"НА ЖИВО {FIRE}", f"{FIRE} (ВИДЕО)"])
def test_labels_around_the_headline_are_cut_off(printed):
    record = newsclean.extract("\n".join(["Начало | Регион", printed, "12.03.2025 10:15", *STORY]))
    assert record.headline == FIRE


def test_a_page_beginning_straight_with_its_title_has_that_headline():
    record = newsclean.extract("\n".join([FIRE, *STORY]))
    assert record.headline == FIRE
    assert record.body == "\n\n".join(STORY)


def test_a_title_sharing_no_word_with_the_article_is_no_headline():
    record = newsclean.extract("\n".join(["Времето утре: слънчево и топло в цялата страна", *STORY]))
    assert record.headline is None


def test_the_caption_under_the_title_and_over_the_byline_is_not_the_headline():
    caption = "Пожарникари гасят склада в Хасково"
    record = newsclean.extract("\n".join(["Начало | Регион", FIRE, caption, "Снимка: БГНЕС",
                                          "Автор: Иван Петров", *STORY]))
    assert record.headline == FIRE


def test_an_info_box_of_name_value_fields_is_no_headline():
    record = newsclean.extract("\n".join([
        "Игри | Ревюта", "Жанр: стратегия", "Разработчик: Северна гора", "Издател: Халден",
        "Пожарът в склада в Хасково като сюжет на игра", *STORY]))
    assert record.headline != "Издател: Халден"


def test_explain_shows_the_headline_candidates_with_their_scores(tmp_path):
    from click.testing import CliRunner
    from newsclean.cli import main

    dump = tmp_path / "page.txt"
    dump.write_text("\n".join(["Начало | Регион", FIRE, "12.03.2025 10:15", *STORY]), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(dump)])
    assert result.exit_code == 0
    assert "headline candidates" in result.output
    assert f"{FIRE}  <- shares words with the body" in result.output


def test_a_row_naming_the_sites_sections_is_a_menu_even_with_function_words_in_it():
    from newsclean.headline import is_menu_row
    from newsclean.weights import DEFAULT

    assert is_menu_row("Проверки Политика Здраве Икономика Климат Видео и снимки Методология Кой ни финансира", DEFAULT)
    assert not is_menu_row("Подготвя се посещение на Путин в Северна Корея", DEFAULT)
    assert not is_menu_row("ОБНОВЕНА Националът Кристиан Иванов подписа с Хайдук Сплит", DEFAULT)


def test_a_title_before_the_name_is_no_part_of_the_author():
    record = newsclean.extract("\n".join([FIRE, "Автор: адв. Мария Петрова", "12.03.2025 10:15", *STORY]))
    assert record.author == "Мария Петрова"


def test_a_site_name_after_a_dash_is_cut_from_the_title_when_the_page_prints_it_alone():
    record = newsclean.extract("\n".join([f"{FIRE} – Хасково Днес", "Хасково Днес", "Регион | Общество", *STORY]))
    assert record.headline == FIRE


def test_a_dash_inside_the_title_stays():
    title = "Пожар в склад в Хасково – огнеборците са на място"
    record = newsclean.extract("\n".join([title, *STORY]))
    assert record.headline == title


def test_a_menu_row_over_the_article_is_no_caption():
    record = newsclean.extract("\n".join(["Бюлетин на кооперацията", FIRE,
                                          "Начало За кооперацията Бюлетин Рента Земеделска техника Контакти", *STORY]))
    assert record.captions == []


def test_the_title_bars_copy_with_the_sites_name_and_the_labelled_title_are_one_headline():
    record = newsclean.extract(page(f"{TITLE} — Пловдив Днес", "Общество", f"{TITLE} (ВИДЕО)", "Иван Петров",
                                    "3 мин. четене", *ARTICLE))
    assert record.headline == TITLE
    assert record.author == "Иван Петров"


def test_a_lower_case_tail_after_a_dash_stays_in_the_title_printed_short_elsewhere():
    title = f"{TITLE} – движението е пуснато в двете посоки"
    assert clean_headline(title, [TITLE, DATELINE]) == title
    assert clean_headline(f"{TITLE} – Пловдив Днес", [TITLE, DATELINE]) == TITLE


def test_a_login_link_over_an_untitled_article_is_no_headline():
    story = ["Наемите в студентските общежития ще се увеличат средно с 18% от началото на втория семестър, "
             "реши Академичният съвет на университета.",
             "Студентският съвет гласува против предложението и настоява поскъпването да бъде разсрочено.", *ARTICLE]
    record = newsclean.extract("\n".join(["Кампус Нюз", "Университети", "Стипендии", "Общежития", "Кариера", "Мнения",
                                          "Вход за студенти", "Общежития", *story]))
    assert record.headline is None


@pytest.mark.parametrize("line, author", [
    ("Автор: БИА", "БИА"),                       # an agency's initials after an author's label
    ("Разговаря: Ирина Димова", "Ирина Димова"),  # who asked an interview's questions
    ("Източник: БТА", None),                     # a source, not an author
])
def test_an_agency_after_an_authors_label_or_an_interviewer_is_the_author(line, author):
    record = newsclean.extract(page(TITLE, DATELINE, line, *ARTICLE))
    assert record.author == author


def test_the_sites_name_printed_again_in_its_copyright_line_is_no_headline():
    name = "Основно училище „Христо Смирненски“ – гр. Ямбол"
    story = ["С гордост съобщаваме, че петима наши ученици от училище „Христо Смирненски“ се класираха за "
             "националния кръг на олимпиадата по математика.",
             "В надпреварата в Ямбол участваха над 180 ученици от IV до VII клас от цялата област.", *ARTICLE]
    record = newsclean.extract("\n".join([name, "Начало За нас Новини Прием Проекти Документи Галерия Контакти", *story,
                                          "Последни новини", "Основно училище „Христо Смирненски“ © 2025 | гр. Ямбол, ул. „Жорж Папазов“ 14"]))
    assert record.headline is None
    assert record.body == "\n\n".join(story)


def test_a_caption_whose_credit_names_the_site_in_capitals_is_a_caption():
    caption = "Наградената лодка „Зорница“ Снимка: Царево Бряг"
    record = newsclean.extract("\n".join([TITLE, DATELINE, *ARTICLE[:2], caption, ARTICLE[2]]))
    assert record.captions == [caption]


def test_the_lead_photos_caption_with_its_credit_printed_over_the_title_is_a_caption():
    caption = "Кметът и строителите на новия мост над Марица. Снимка: Иван Колев"
    record = newsclean.extract("\n".join([MENU, caption, TITLE, "Автор: Мария Петрова", DATELINE, *ARTICLE]))
    assert record.captions == [caption]
    assert record.headline == TITLE


def test_a_teaser_under_a_related_lists_heading_over_an_untitled_article_gives_no_headline_and_no_date():
    story = ["Многопрофилната болница „Дунав“ в Русе въведе в експлоатация нов ангиограф, с който лекарите ще поставят "
             "стентове на пациенти с инфаркт денонощно.", *ARTICLE]
    dump = "\n".join(["Дунавски бряг", "Новините на Русе и региона", "© 2026 dunavskibryag.bg – Всички права запазени.",
                      "Вход | Регистрация", "Вторник, 17 февруари 2026 | 08:12", "Русе 2°C, мъгла",
                      "Начало Русе Регион Общество Криминално Спорт Култура", "Начало » Общество",
                      "Последно от рубриката", "Задържаха двама за кражба на кабели от жп линията край Мартен",
                      "16.02.2026 17:40 | 812 прочитания", "Споделете", *story])
    record = newsclean.extract(dump)
    assert record.headline is None and record.published is None
    assert record.body == "\n\n".join(story)


def test_a_sites_name_with_its_tagline_after_a_dash_is_no_headline():
    record = newsclean.extract("\n".join(["Агро Новини – всичко за земеделието", MENU, *ARTICLE]))
    assert record.headline is None


def test_a_local_tv_name_with_its_tagline_after_a_dash_is_no_headline():
    story = ["Оловен печат на цар Иван Асен II откриха археолозите, които работят на хълма Царевец във Велико Търново.",
             *ARTICLE]
    record = newsclean.extract("\n".join(["ТВ Янтра – новините на Велико Търново", MENU, *story]))
    assert record.headline is None


def test_a_list_articles_title_opening_with_its_count_is_the_headline():
    title = "7 неща, които да направите, преди да дарите кръв"
    story = ["Кръводаряването отнема не повече от 15 минути, но който иска да дари кръв, трябва да се подготви от "
             "предната вечер.",
             "1. Наспете се добре", "Умората повишава риска от световъртеж по време на процедурата.", *ARTICLE]
    record = newsclean.extract("\n".join(["Медикус Нюз | Здраве, медицина, профилактика", title,
                                          "Профилактика | Време за четене: 4 мин.", *story]))
    assert record.headline == title


def test_a_breadcrumb_between_the_title_at_the_top_and_the_article_does_not_cost_it_the_headline():
    title = "Парламентът прие на първо четене двумандатния лимит за кметовете (ВИДЕО)"
    story = ["Депутатите гласуваха на първо четене промените в Изборния кодекс, внесени от три парламентарни групи.",
             "Срещу лимита гласуваха депутати от две групи, които настояват мярката да важи за кметовете от 2031 г.",
             *ARTICLE]
    dump = "\n".join([" date 2026-06-10 " + title, "НА ЖИВО", "Новини", "Политика", "Икономика", "Шоу", "Предавания",
                      "Видео", "Новини › Политика", "10.06.2026, 18:35", "Слушай новината", "00:00 / 02:47", "1x",
                      "Размер на шрифта", "A-", "A", "A+", *story])
    record = newsclean.extract(dump)
    assert record.headline == title.replace(" (ВИДЕО)", "")
    assert record.published == "2026-06-10T18:35:00+03:00"


def test_the_title_bars_copy_with_a_bar_and_the_site_makes_the_title_printed_again():
    title = "Варненската „Кодикс Софтуер“ удвои печалбата си и наема още 150 души"
    standfirst = "Компанията планира да отвори офис в Бургас до края на годината"
    story = ["Варненската софтуерна компания е приключила годината с двойно по-голяма печалба и планира да отвори офис в "
             "Бургас, където ще наеме 150 души до края на годината.", *ARTICLE]
    dump = "\n".join([f"{title} | Капиталов пулс", "Капиталов пулс | Икономика, пазари, бизнес", "Вход", MENU, title,
                      "Автори: Мария Стефанова и Петър Колев", "5 февруари 2026, 16:45", "Време за четене: 4 мин.",
                      "1 коментар", standfirst, *story])
    record = newsclean.extract(dump)
    assert record.headline == title


def test_a_market_ticker_over_an_untitled_article_is_no_headline():
    story = ["Основният индекс на Българската фондова борса SOFIX приключи седмицата на 1 012,35 пункта с ръст от "
             "+0,42%, а BGBX40 се повиши с +0,31% до 178,20 пункта.", *ARTICLE]
    record = newsclean.extract("\n".join(["Четвъртък, 22 януари 2026", "SOFIX 1 012,35 +0,42% BGBX40 178,20 +0,31% "
                                          "EUR/USD 1,1642 Злато 4 412 $", "Kapitalov.bg",
                                          "Пазари Компании Анализи Фондове", "Публикувана на 22 януари 2026 г.", *story]))
    assert record.headline is None


def test_a_breadcrumb_between_the_title_and_its_dateline_keeps_the_title_over_its_meta():
    title = "Ясни са съставите за Пловдивското дерби"
    story = ["Ботев и Локомотив излизат един срещу друг в 32-ия кръг на Първа лига на стадион „Христо Ботев“.",
             "Ботев: Даниел Вълчев – Тодор Павлов, Мартин Стоев, Никола Илиев",
             "Локомотив: Мартин Лукаров – Тодор Тимонов, Иван Иванов, Петър Витанов",
             "Двата отбора се срещнаха и през есента, когато мачът завърши наравно без голове, а публиката "
             "на стадиона беше над дванадесет хиляди души.",
             "Треньорите на двата отбора не смениха нищо от последния кръг и залагат на играчите, които "
             "започнаха и миналата седмица, съобщиха от клубовете."]
    record = newsclean.extract("\n".join([title, "SportZona.bg » Футбол » Първа лига", "16.05.2026 17:10",
                                          "Автор: Георги Илиев", "0 коментара", *story]))
    assert record.headline == title


def test_a_title_directly_under_the_dateline_and_over_the_first_paragraph_is_the_headline_not_a_caption():
    title = "Финансовият министър внесе в парламента проектобюджета за 2026 г. с дефицит от 3 на сто"
    story = ["Министърът на финансите внесе днес в Народното събрание проектобюджета за 2026 г., който предвижда "
             "дефицит от 3 на сто от брутния вътрешен продукт.", *ARTICLE]
    record = newsclean.extract("\n".join(["Начало", "Политика", "Икономика", "Регионални", "Свят",
                                          "Политика | 14.11.2025 09:32 | Прочетена 1 284 пъти | Коментари 0",
                                          title, *story]))
    assert record.headline == title
    assert record.captions == []
    assert record.body == "\n\n".join(story)


def test_a_one_word_hot_label_over_the_title_does_not_make_it_a_related_lists_item():
    title = "Певицата Мира Стоянова се сгоди на сцената в Арена 8888 пред 12 000 души"
    story = ["Поп певицата Мира Стоянова получи предложение за брак насред концерта си в Арена 8888 в събота вечерта.",
             "Изненаданата звезда първо закри лицето си с ръце, а после каза „да“ пред 12 000 души в залата.", *ARTICLE]
    record = newsclean.extract("\n".join(["ГОРЕЩО", f"ВИДЕО: {title}", "17:42 - 11.05.2026", "👁 48 905", *story]))
    assert record.headline == title
    assert record.published == "2026-05-11T17:42:00+03:00"


def test_a_reviews_label_after_the_title_is_cut():
    assert clean_headline("„Чайка“ в Народния театър: Чехов без носталгия (РЕЦЕНЗИЯ)") == \
        "„Чайка“ в Народния театър: Чехов без носталгия"


def test_a_radios_name_with_a_listen_live_tagline_is_no_headline():
    story = ["Нивото на Дунав при Лом падна до 48 сантиметра и пристанището спря товаренето на баржи с зърно.",
             "Пристанищните власти очакват водата да се покачи след дъждовете в горното течение на реката.", *ARTICLE]
    record = newsclean.extract("\n".join(["Радио Дунав Лом 104.2 FM – слушай на живо", "▶", "00:00", "A+ A-", *story]))
    assert record.headline is None


def test_names_alone_under_a_dateline_past_a_bare_view_counter_are_the_byline():
    dump = "\n".join(["Плевен въвежда зелена зона за паркиране", "15.01.2026 10:42", "Чете се за: 3 мин.",
                      "👁 1 245", "Десислава Гечева", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.author == "Десислава Гечева"
    assert "Гечева" not in record.body


def test_a_title_with_its_photo_credit_as_the_first_text_under_the_menus_is_the_headline():
    title = "Яна Борисова показа сина си за първи път"
    paragraphs = ["Певицата публикува първата семейна снимка с бебето и зарадва феновете си.",
                  "Яна Борисова и съпругът ѝ Калоян се снимаха с бебето в планината край Банско, където семейството "
                  "прекарва няколко дни. Синът им Александър се роди през декември в София."]
    dump = "\n".join([" date 2026-03-12", "Мода Красота Здраве Връзки Дом Рецепти Хороскоп Звезди", "Търсене Вход",
                      "Начало › Звезди", f"{title} Снимка: Instagram", *paragraphs])
    record = newsclean.extract(dump)
    assert record.headline == title
    assert record.captions == []


def test_the_names_under_an_author_boxs_heading_after_the_article_are_its_author_when_no_byline_names_one():
    dump = "\n".join(["Малките училища се затварят едно след друго", *ARTICLE, "За автора", "Мила Дончева",
                      "Мила Дончева е журналист в отдел „Общество“. Пише за образование и демография.", "Още от Мнения"])
    record = newsclean.extract(dump)
    assert record.author == "Мила Дончева"
    assert "Дончева" not in record.body


def test_a_title_bar_of_the_sites_name_and_tagline_is_no_headline():
    recipe = ["Козунакът е най-вкусен, когато тестото е месено дълго и е втасвало на топло поне три часа у дома.",
              "Рецептата е на баба ми и я пазим в семейството повече от петдесет години, като всяка година я пробваме отново."]
    dump = "\n".join(["Домът със стил | Интериор, градина, рецепти и идеи за дома",
                      "Интериор Градина Рецепти Направи си сам", *recipe, "© 2026 Домът със стил | domistil.bg"])
    assert newsclean.extract(dump).headline is None


def test_an_articles_title_bar_with_the_sites_name_last_is_still_its_headline():
    dump = "\n".join(["Новият мост над Марица е открит | Домът със стил", "12.03.2025 10:15", *ARTICLE,
                      "© 2026 Домът със стил | domistil.bg"])
    assert newsclean.extract(dump).headline == "Новият мост над Марица е открит"


def test_a_menu_row_naming_the_news_and_a_donate_item_is_no_headline():
    dump = "\n".join(["Фондация „Зелен път“", "За нас Проекти Новини Доброволци Дарете EN", "Новини",
                      "Над 200 доброволци засадиха 4000 фиданки в Стара планина над Тетевен през уикенда, съобщиха от фондацията.",
                      "Засадени бяха местни видове – бук, обикновен дъб и планински явор, подбрани от горските специалисти.",
                      "© 2026 Фондация „Зелен път“"])
    assert newsclean.extract(dump).headline is None


def test_a_title_with_a_colon_under_a_blogs_name_and_tagline_is_the_headline_not_a_field():
    title = "Уикенд в Мелник: вино, пясъчни пирамиди и тишина"
    text = ["Мелник ме изненадва всеки път. Този път отидохме в края на февруари, когато пясъчните пирамиди са без туристи.",
            "От Мелник до Роженския манастир се върви около час и половина по пътека между пирамидите и лозята."]
    dump = "\n".join(["Дневникът на Елена – Пътувания, книги и малки радости", title,
                      "Публикувано на 2 март 2026 от Елена Христова | Пътувания | 2 коментара", *text])
    assert newsclean.extract(dump).headline == title


def test_three_name_value_fields_in_a_row_give_no_headline():
    fields = ["Жанр: стратегия", "Платформа: PC, PS5", "Издател: Paradox Interactive"]
    dump = "\n".join([*fields, *ARTICLE])
    assert newsclean.extract(dump).headline is None


def test_a_results_title_full_of_team_names_with_its_score_is_the_headline_not_a_menu_row():
    title = "Локомотив Горна Оряховица би Янтра с 2:1"
    text = ["Локомотив (Горна Оряховица) победи Янтра (Габрово) с 2:1 в мач от 22-рия кръг на Втора лига.",
            "Гостите поведоха в 34-ата минута след гол на Стойчев, но домакините обърнаха в края на мача."]
    dump = "\n".join([f"{title} (ВИДЕО)", "26.04.2026 | 19:48 | Коментари: 7", *text])
    assert newsclean.extract(dump).headline == title


def test_the_sites_name_opening_its_footer_row_is_not_the_headline():
    title = "Мерки срещу грипа: без пазари на живи птици в три области"
    dump = "\n".join([title, "Областна дирекция по храните", "Контраст", "EN", "Новини", "Програми",
                      "Публикувано на: 02.04.2026 г.",
                      "Областната дирекция забранява пазарите на живи птици в три области след потвърдени огнища "
                      "на птичи грип в стопанства край Шумен и Разград.",
                      "Забраната важи до отмяната ѝ, а стопаните трябва да държат птиците затворени, съобщиха от "
                      "дирекцията по храните.",
                      "Сподели", "Областна дирекция по храните | Пресцентър | тел. 02 900 00 00 | odbh.bg"])
    assert newsclean.extract(dump).headline == title


def test_a_blog_posts_footer_gives_its_author_and_the_time_on_the_day_over_the_title():
    title = "Три дни по билото на Стара планина"
    paragraphs = [
        "Тръгнахме от Ком в събота сутринта с тежки раници и още по-тежки очаквания, защото прогнозата обещаваше "
        "вятър и мъгла по цялото било на Стара планина.",
        "Вторият ден беше най-дългият: девет часа ходене от хижа до хижа, а вечерта заспахме, без да вечеряме.",
    ]
    dump = "\n".join(["Пътеките на Мария", "Пътеписи, разходки и малки градчета", "Начало", "За мен", "Маршрути",
                      "Контакт", "понеделник, 1 септември 2025 г.", title,
                      *paragraphs, "Публикувано от Мария Стоянова в 21:14", "Етикети: Стара планина, Ком-Емине"])
    record = newsclean.extract(dump)
    assert (record.headline, record.author, record.published) == (
        title, "Мария Стоянова", "2025-09-01T21:14:00+03:00")
    assert record.body == "\n\n".join(paragraphs)


@pytest.mark.parametrize("caption", ["Новият мост над Марица и двете ленти за движение, заснети с дрон",
                                     "Ледените блокове край моста, заснети с дрон в неделя сутринта"])
def test_a_line_under_a_players_clock_is_the_clips_caption_and_the_date_over_the_player_is_the_articles(caption):
    dump = "\n".join(["Новини / Регионални", "27.01.2026 | 12:10", "Сподели", "ВИДЕО", "00:00 / 02:47", caption, *ARTICLE])
    record = newsclean.extract(dump)
    assert record.headline is None
    assert record.captions == [caption]
    assert record.published == "2026-01-27T12:10:00+02:00"
    assert record.body == "\n\n".join(ARTICLE)


def test_a_text_and_photo_credit_is_the_byline_not_a_caption():
    dump = "\n".join(["Добруджа започна жътвата с по-нисък добив", "03.07.2025", "Текст и снимка: Георги Янков", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.author == "Георги Янков"
    assert record.captions == []


def test_a_papers_tagline_over_its_menu_is_not_the_headline():
    dump = "\n".join([" date 2025-09-15", "Пловдивско време", "Независим регионален вестник на Пловдив",
                      "Пловдив 19°C Асеновград 18°C", "Начало Пловдив Общини Земеделие Образование Спорт Култура Обяви",
                      "Общество", "Над 1100 първокласници в Пловдив и региона прекрачиха днес прага на училище, "
                      "съобщи регионалното управление на образованието.", *ARTICLE])
    assert newsclean.extract(dump).headline is None


def test_a_date_under_a_most_listened_heading_after_the_article_is_a_teasers():
    dump = "\n".join([" date 2025-10-07 " + ARTICLE[0], *ARTICLE[1:], "Най-слушани", "Новини в 8:00 – 07.10.2025",
                      "Утро с радиото"])
    assert newsclean.extract(dump).published == "2025-10-07"


def test_the_title_under_its_title_bar_copy_outranks_the_standfirst_over_the_dateline():
    title = "Инфлацията в края на 2025 г. се забави до 3,8%"
    dump = "\n".join([f"{title} – Паричен поток", "Паричен поток", "Пазари | Финанси | Бизнес | Имоти", "Макроикономика",
                      title, "Услугите поскъпват най-бързо – с над 6% за година, показват данните на НСИ",
                      "Публикувана: 13.01.2026 11:05",
                      "Годишната инфлация се забави до 3,8% през декември 2025 г., показват данните на НСИ, "
                      "публикувани днес. Услугите поскъпват най-бързо.",
                      "Икономистите очакват еднократен ефект от закръгляването на цените след края на годината."])
    assert newsclean.extract(dump).headline == title
