"""Behaviour of the extraction pipeline on small, real-looking pages."""
import pytest

import newsclean
from newsclean.normalise import normalise
from newsclean.template import learn_texts

from conftest import ARTICLE, page


def inside_article(*lines: str, title: str = "Новият мост над Марица е открит") -> newsclean.Record:
    """The record of a page with ``lines`` between the article's second and
    third paragraphs, where a photo stands inside an article."""
    return newsclean.extract("\n".join([title, "12.03.2025 10:15", *ARTICLE[:2], *lines, ARTICLE[2]]))

TEASERS = [
    "Затвориха пътя Пловдив - Асеновград заради свлачище", "Затвориха пътя Пловдив - Асеновград заради свлачище",
    "Движението се пренасочва през село Катуница, съобщиха от пътната полиция в града.",
    "Учители излизат на протест в понеделник", "Учители излизат на протест в понеделник",
    "Синдикатите настояват за увеличение на заплатите с 15 процента от началото на годината.",
    "Нов парк ще бъде открит в квартал Тракия", "Нов парк ще бъде открит в квартал Тракия",
    "Парковото пространство ще бъде с площ от 20 декара и ще има детски площадки и фонтан.",
]


def test_title_printed_twice_above_the_article_is_the_headline_once():
    title = "Новият мост над Марица е открит"
    record = newsclean.extract(page("12.03.2025 10:15", title, title, *ARTICLE, "Сподели", *TEASERS))
    assert record.headline == title
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2025-03-12T10:15:00+02:00"


def test_teaser_dates_never_become_the_article_date():
    teasers = []
    for i in range(0, len(TEASERS), 3):
        teasers += [TEASERS[i], TEASERS[i + 1], "10:25 - 30.01.2026", TEASERS[i + 2]]
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE, "Най-четени", *teasers))
    assert record.published is None
    assert "no_date" in record.warnings


def test_a_page_of_teasers_only_holds_no_article():
    record = newsclean.extract(page("Новини Пловдив", "Начало | Новини | Спорт | Култура", *TEASERS))
    assert record.body == "" and record.headline is None
    assert "no_article" in record.warnings


def test_labelled_byline_gives_the_names_without_the_label():
    record = newsclean.extract(page("Новият мост над Марица е открит", "Автор: Иван Петров и Мария Иванова",
                                    "12.03.2025 10:15", *ARTICLE))
    assert record.author == "Иван Петров, Мария Иванова"


def test_update_label_fills_updated_and_not_published():
    record = newsclean.extract(page("Новият мост над Марица е открит",
                                    "03.09.2025 09:32 | ОБНОВЕНА 03.09.2025 11:33", *ARTICLE))
    assert record.published == "2025-09-03T09:32:00+03:00"
    assert record.updated == "2025-09-03T11:33:00+03:00"


def test_headline_loses_labels_credit_and_site_name():
    record = newsclean.extract(page("ВИДЕО: Новият мост над Марица е открит | Новини Пловдив Снимка: БГНЕС", *ARTICLE))
    assert record.headline == "Новият мост над Марица е открит"


def test_body_without_any_header_has_no_headline():
    record = newsclean.extract(page(*ARTICLE, "Коментари (3)", *TEASERS))
    assert record.headline is None and record.body == "\n\n".join(ARTICLE)


def test_inline_ads_and_read_more_inserts_are_dropped_without_ending_the_article():
    record = newsclean.extract(page("Новият мост над Марица е открит", ARTICLE[0], "Реклама",
                                    ARTICLE[1], "Прочетете още: Кметът обеща нов басейн", ARTICLE[2]))
    assert record.body == "\n\n".join(ARTICLE)


def test_article_cut_off_mid_sentence_is_flagged_truncated():
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE[:2], ARTICLE[2][:60]))
    assert "truncated" in record.warnings


def test_normalisation_decodes_entities_drops_tags_and_joins_drop_caps():
    text = normalise("<p>Р уският министър каза &bdquo;да&ldquo;\u00a0 днес</p>\r\nВ понеделник")
    assert text == "Руският министър каза „да“ днес\nВ понеделник"


def test_site_is_the_domain_printed_in_the_footer():
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE, "© 2025 plovdivnews.bg. Всички права запазени."))
    assert record.site == "plovdivnews.bg"


def test_template_lines_learnt_across_pages_become_furniture():
    pages = [page("Пловдив Днес", sentence, "Абонамент за вестника на сайта") for sentence in ARTICLE + TEASERS[2::3]]
    template = learn_texts(pages).keys
    assert template == {"пловдив днес", "абонамент за вестника на сайта"}
    assert learn_texts(p.encode("cp1251") for p in pages).keys == template
    assert learn_texts(pages[:2]).keys == frozenset()


def test_relative_publication_time_is_read_against_now_and_never_guessed():
    from datetime import datetime, timezone
    text = page("Новият мост над Марица е открит", "Публикувано преди 2 часа", *ARTICLE)
    now = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
    assert newsclean.extract(text, now=now).published == "2026-03-10T10:00:00+02:00"
    assert newsclean.extract(text).published is None


def test_byline_packed_into_a_dateline_gives_the_author_and_the_date():
    record = newsclean.extract(page("Новият мост над Марица е открит",
                                    "12 май 2024, 14:08 | Автор: Виолета Стоянова | Време за четене: 3 мин.",
                                    *ARTICLE))
    assert record.author == "Виолета Стоянова"
    assert record.published == "2024-05-12T14:08:00+03:00"


def test_author_after_a_lower_case_ot_in_a_publication_line():
    record = newsclean.extract(page("Новият мост над Марица е открит",
                                    "Публикувано на 12.03.2025 в 10:15 ч. от Иван Петров", *ARTICLE))
    assert record.author == "Иван Петров"


def test_body_sentence_with_ot_after_a_number_is_not_a_byline():
    sentence = ("Гостите откриха резултата в 12-ата минута, а по-късно изравниха от Петров, "
                "който засече центриране от Иван Колев.")
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", sentence, *ARTICLE))
    assert record.author is None
    assert sentence in record.body


def test_co_authors_printed_one_per_line_are_all_authors():
    record = newsclean.extract(page("Мария Колева", "Георги Тодоров", "Новият мост над Марица е открит",
                                    "12.03.2025 10:15", *ARTICLE))
    assert record.author == "Мария Колева, Георги Тодоров"


def test_login_links_in_the_header_are_not_an_author():
    record = newsclean.extract(page("Вход Регистрация", "Новият мост над Марица е открит",
                                    "12.03.2025 10:15", *ARTICLE))
    assert record.author is None


def test_inline_donation_box_does_not_cut_the_article():
    first, second = ARTICLE[:2], ARTICLE[2:] + [
        "Общината обяви, че следващият ремонт ще бъде на стария мост, който е затворен за коли от три години насам.",
    ]
    record = newsclean.extract(page(
        "Новият мост над Марица е открит", "12.03.2025 10:15", *first,
        "Подкрепете ни",
        "Ние сме независима медия без реклами. Ако искате да продължим да пишем, направете дарение.",
        "Дарете сега",
        "Какво следва", *second,
        "Най-четени", *TEASERS))
    assert record.headline == "Новият мост над Марица е открит"
    assert record.body == "\n\n".join(first + ["Какво следва"] + second)


def test_forum_thread_of_dated_posts_holds_no_article():
    posts = []
    for user, stats, when, text, likes in [
        ("ivan_plovdiv", "Мнения: 611 | Регистриран: 09.2018 | Велинград", "Публикувано: 08.01.2024 21:17",
         "Продължавам от предишната страница. За декември сметката ни излезе 410 лева, а къщата е на два етажа. "
         "Отопляваме целия първи етаж и половината от втория, а навън имаше няколко нощи под минус петнайсет.", 7),
        ("Стефка Р.", "Мнения: 95 | Регистриран: 01.2022 | Смолян", "Публикувано: 09.01.2024 08:03",
         "Точно това ни казаха и на нас, с радиатори термопомпата губи смисъл, ако не смените и тръбите. "
         "Ние сложихме конвектори на втория етаж и сега сме доволни, макар че ремонтът излезе скъпо.", 4),
        ("Монтажник_Тошко", "Мнения: 3 008 | Регистриран: 02.2015 | Пазарджик", "Публикувано: 09.01.2024 09:40",
         "Проблемът не е в радиаторите, а в оразмеряването. Ако радиаторите са малки, водата трябва да е по-гореща. "
         "Тогава коефициентът на помпата пада и сметката расте, каквото и да ви обещават в магазина.", 21),
    ]:
        posts += [user, stats, when, text, f"Цитат | Отговори | Харесвам ({likes})"]
    record = newsclean.extract(page("Майстор Форум", "Тема: Термопомпа за къща в планината", *posts))
    assert "no_article" in record.warnings
    assert record.published is None and record.body == ""


def test_article_with_dated_comments_below_keeps_its_body_and_date():
    comments = []
    for when, text in [("12.03.2025 11:02", "Най-после направиха нещо полезно за града, браво на общината и на кмета."),
                       ("12.03.2025 12:40", "Ремонтът се проточи две години, а можеше да стане за шест месеца, както в Румъния."),
                       ("12.03.2025 13:15", "Велоалеята е много хубава, но няма осветление вечер и е опасно за децата.")]:
        comments += ["Читател", when, text, "Отговори"]
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE,
                                    "Коментари (3)", *comments))
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2025-03-12T10:15:00+02:00"


def test_standfirst_between_headline_and_byline_is_the_first_paragraph_not_the_headline():
    title = "Новият мост над Марица в Пловдив е открит след две години ремонт"
    standfirst = ("Съоръжението свързва кварталите Кършияка и Център и общината очаква да поеме "
                  "половината от движението по старите мостове, а автобусите да минават по него")
    record = newsclean.extract(page("Начало / България / Пловдив", title, standfirst,
                                    "Автор: Николета Димова", "27 октомври 2024, 09:15", *ARTICLE))
    assert record.headline == title
    assert record.body == "\n\n".join([standfirst, *ARTICLE])


def test_prose_standfirst_ending_in_a_full_stop_is_not_taken_for_a_missing_headline():
    title = "Инж. Калина Маринова: Мостът над Марица ще издържи сто години, ако общината го поддържа"
    standfirst = "Инж. Калина Маринова е проектант на моста и бивш член на управата на пътната агенция."
    record = newsclean.extract(page(title, standfirst, "Автор: Петър Стойнов", "3 март 2025, 18:40", *ARTICLE))
    assert record.headline == title
    assert record.body.startswith(standfirst)


def test_site_name_above_the_menu_is_not_the_headline_of_an_untitled_article():
    record = newsclean.extract(page("Здраве и стил", "Здраве Хранене Фитнес Психология Красота Семейство Рецепти",
                                    "Текст: Боряна Цонева", "17.4.2025 г.", *ARTICLE))
    assert record.headline is None
    assert record.author == "Боряна Цонева"


def test_headline_is_found_below_the_menu_and_above_the_photo_caption():
    title = "Новият мост над Марица посреща първите автобуси"
    record = newsclean.extract(page("Използваме бисквитки, за да ви покажем по-подходящо съдържание.",
                                    "Приемам всички Само необходимите Настройки",
                                    "Здраве Хранене Фитнес Психология Красота Семейство Рецепти",
                                    title, "Първият автобус на градския транспорт на новия мост",
                                    "Снимка: Община Пловдив", *ARTICLE))
    assert record.headline == title


def test_video_still_caption_is_never_the_headline():
    record = newsclean.extract(page("Новини / Политика", "19:45, 06.04.2025", "ВИДЕО",
                                    "Кадър от пресконференцията в централата на партията", *ARTICLE))
    assert record.headline is None
    assert record.published == "2025-04-06T19:45:00+03:00"


def test_read_more_insert_with_one_title_does_not_cut_the_article():
    first = ARTICLE[:2]
    second = [ARTICLE[2], "Общината на Пловдив обяви, че следващият ремонт ще бъде на стария мост, затворен от три години."]
    record = newsclean.extract(page(
        "Новият мост над Марица е открит", "12.03.2025 10:15", *first, "Реклама",
        "Виж още", "Затвориха пътя Пловдив - Асеновград заради свлачище", *second, "Сподели"))
    assert record.body == "\n\n".join(first + second)
    assert record.published == "2025-03-12T10:15:00+02:00"


def test_related_list_with_summaries_after_the_article_stays_out_of_the_body():
    record = newsclean.extract(page(
        "Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, "Виж още",
        TEASERS[0], "Движението се пренасочва през село Катуница, съобщиха от пътната полиция, а ремонтът ще "
                    "продължи поне до края на месеца, след което пътят ще бъде отворен отново.",
        "Синдикатите настояват за увеличение на заплатите с 15 процента от началото на годината, а "
        "министерството предлага по-малко и преговорите продължават."))
    assert record.body == "\n\n".join(ARTICLE)


def test_line_above_a_photo_credit_is_a_caption_not_body():
    caption = "Почти всеки трети възрастен се събужда поне веднъж през нощта"
    record = newsclean.extract(page("Защо се будим в 3 през нощта", "3.9.2025 г.", ARTICLE[0],
                                    caption + "\nСнимка: Shutterstock", *ARTICLE[1:]))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("caption", [
    "Министрите на транспорта на България и Румъния след подписването на споразумението в Кълъраш",
    "Старият мост над Дунав при Кълъраш, построен през 1958 г.",   # an abbreviation's dot ends no sentence
])
def test_unpunctuated_line_opening_the_article_above_its_first_paragraph_is_a_caption(caption):
    record = newsclean.extract(page("14 Март, 2025", "България и Румъния подписаха споразумение за нов мост над Дунав",
                                    "Автор: Десислава Ангелова", caption, *ARTICLE))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_unpunctuated_line_over_the_first_paragraph_naming_nothing_of_the_headline_is_the_standfirst():
    standfirst = "Пчеларите отдават спада на евтиния внос от Азия"
    record = newsclean.extract(page("ПАЗАРИ", "Износът на мед за Германия се срина с 30% за година",
                                    "Публикувана: 20.11.2025 14:05", standfirst, *ARTICLE))
    assert record.captions == []
    assert record.body == "\n\n".join([standfirst, *ARTICLE])


def test_unpunctuated_line_over_the_first_paragraph_naming_a_picture_is_a_caption():
    caption = "Радарно изображение на валежите над Югоизточна България"
    record = newsclean.extract(page("До 114 литра на квадратен метър за денонощие", "12 декември 2025, 10:05",
                                    caption, *ARTICLE))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_listing_page_with_a_crawler_date_gives_no_date():
    record = newsclean.extract(page(" date 2025-11-14", "Новини Пловдив", "Начало | Новини | Спорт | Култура", *TEASERS))
    assert "no_article" in record.warnings
    assert record.published is None


def test_teasers_with_title_summary_and_dateline_make_a_listing_page():
    teasers = []
    for k, (title, summary) in enumerate([
        ("Пролетният панаир на книгата ще се проведе в нов павилион",
         "Организаторите обещават повече места за малките издателства и отделна сцена за детски четения, а входът ще бъде безплатен през всичките пет дни на панаира в центъра на града, съобщиха организаторите и допълниха, че подробната програма ще бъде публикувана в началото на следващия месец."),
        ("Библиотеката в Сливен дигитализира 3000 стари издания",
         "Сред тях са вестници от 1880-те години и първите издания на местни автори, писали за града, като сканираните страници ще бъдат достъпни онлайн за всички читатели още от пролетта, съобщиха организаторите и допълниха, че подробната програма ще бъде публикувана в началото на следващия месец."),
        ("Защо преводната литература поскъпва повече от българската",
         "Издателите обясняват с цените на хартията, авторските права и по-малките тиражи на книгите, а някои от тях вече намаляват броя на новите заглавия всяка година, съобщиха организаторите и допълниха, че подробната програма ще бъде публикувана в началото на следващия месец."),
    ]):
        teasers += [title, summary, f"Нови заглавия · 2{k}.01.2026"]
    record = newsclean.extract(page("Сцена и слово", "Начало › Книги", *teasers))
    assert "no_article" in record.warnings
    assert record.headline is None and record.published is None


def test_caption_with_its_credit_between_headline_and_byline_is_not_the_headline():
    title = "Училището в Каменско бърдо отвори врати за трима ученици"
    caption = "Учителката Марияна Христова с тримата си ученици пред училището"
    record = newsclean.extract(page("Регионите", title, caption + "\nСнимка: Любомир Стайков",
                                    "18 септември 2025 г. | Текст: Ана Колева", *ARTICLE))
    assert record.headline == title
    assert record.captions == [caption]
    assert record.author == "Ана Колева"


def test_short_title_above_a_twice_as_long_dek_is_the_headline():
    title = "Новият мост на Пловдив"
    dek = "Как две години ремонт промениха движението в града и какво ще е по-лесно за шофьорите от утре"
    record = newsclean.extract(page("Разкази | Портрети | Разследвания", title, dek,
                                    "Текст: Яна Дърводелска | Време за четене: 8 мин.", *ARTICLE))
    assert record.headline == title
    assert record.body.startswith(dek + "\n\n")


def test_subscription_promo_row_is_not_the_headline():
    title = "Мостът над Марица посреща автобусите на градския транспорт"
    record = newsclean.extract(page("Бургас | Регион | Море | Общество", "Абонамент за печатното издание | Вход за абонати",
                                    title, "10.07.2025", *ARTICLE))
    assert record.headline == title


def test_first_paragraph_ending_in_an_abbreviation_stays_in_the_body():
    first = ("И двете страни, подложени на тежки западни санкции, се сближиха, откакто Москва започна "
             "пълномащабната си офанзива в Украйна през февруари 2022 г.")
    record = newsclean.extract(page("Путин ще посети Северна Корея", "12.03.2024", first, *ARTICLE))
    assert record.body == "\n\n".join([first, *ARTICLE])


def test_editors_picks_of_title_and_summary_pairs_are_never_stitched_into_a_body():
    picks = [
        "Как работи сървърната ферма в подземията на стар военен бункер",
        "Компания от София превърна изоставено съоръжение в център за данни, охлаждан от подземни води.",
        "Ревю: сгъваемият телефон, който най-после не се чупи на гънката",
        "Три седмици тествахме устройството в джоба, в раницата и на плажа. Ето какво открихме.",
        "Кодът на баба: пенсионерка от Ямбол завърши курс по програмиране",
        "Тя разказва, че е започнала заради внука си, а сега поддържа сайта на местното читалище.",
    ]
    record = newsclean.extract(page("Байт и бит", "Новини Хардуер Софтуер Мобилни Игри Наука", "Начало › Най-четени",
                                    "Препоръчано от редакцията", *picks, "Последвайте ни"))
    assert "no_article" in record.warnings and record.body == ""


def test_article_with_a_subheading_over_each_paragraph_keeps_its_body():
    sections = [
        ARTICLE[0],
        "Колко ще струва ремонтът", ARTICLE[1],
        "Кога ще минат автобусите", ARTICLE[2],
        "Какво следва", "Общината на Пловдив обяви, че следващият ремонт ще бъде на стария мост.",
    ]
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *sections, "Сподели"))
    assert record.body == "\n\n".join(sections)


def test_site_is_the_domain_of_the_copyright_line_or_editorial_email_not_a_quoted_source():
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE,
                                    "Източник: maritzanews.bg", "Прочетете цялата статия в източника ›",
                                    "plovdivdnes.bg",
                                    "© 2026 Столичен пулс. Всички права запазени. | redakciya@stolichenpuls.bg"))
    assert record.site == "stolichenpuls.bg"


def test_a_page_naming_only_its_story_source_has_no_site():
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE,
                                    "Прочетете цялата статия в източника ›", "maritzanews.bg"))
    assert record.site is None


def test_video_frames_credit_makes_its_line_a_caption():
    caption = "Огнеборци се борят с пламъците над вилната зона. Кадри: Канал Зенит"
    record = newsclean.extract(page("Пожар над Горно Ботево", "19:45, 06.08.2025", ARTICLE[0], caption, *ARTICLE[1:]))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_lone_time_or_agency_mark_under_the_headline_is_no_caption():
    record = newsclean.extract(page("Фермерите протестират край Русе", "04:37", "(БНА)", "12.03.2025 10:15", *ARTICLE))
    assert record.captions == []


def test_schedule_of_matches_under_a_lead_paragraph_is_body():
    schedule = ["Събота, 18 януари", "15:00 Странджа (Средец) - Балканец (Троян)",
                "17:00 Марица (Първомай) - Пирин (Разлог)", "17:30 Скит (Нови пазар) - Лозенец (Сливен)",
                "Неделя, 19 януари", "14:00 Камчия (Провадия) - Осъм (Луковит)",
                "16:00 Вихър (Стара Загора) - Тунджа (Ямбол)", "18:30 Сокол (Казанлък) - Бели Лом (Разград)"]
    lead = ("Четиринадесетият кръг в мъжката волейболна Суперлига се играе през уикенда, като "
            "лидерът Сокол гостува на последния в класирането.")
    title = "Програмата на 14-ия кръг във волейболната Суперлига"
    record = newsclean.extract(page("Начало » Волейбол » Суперлига", title, "Петък, 17 януари 2025 | 12:00",
                                    lead, *schedule, "Тагове: волейбол, Суперлига"))
    assert record.headline == title
    assert record.published == "2025-01-17T12:00:00+02:00"
    assert record.body == "\n\n".join([lead, *schedule])


def test_title_under_a_capitalised_photo_label_is_the_headline_not_a_credit():
    record = newsclean.extract(page("СНИМКИ: Футболистът Кристиян Динев се ожени за приятелката си в Пловдив",
                                    "21 юни 2025, 19:45", *ARTICLE, "Снимки: Facebook"))
    assert record.headline == "Футболистът Кристиян Динев се ожени за приятелката си в Пловдив"


@pytest.mark.parametrize("label", ["СНИМКИ:", "ГАЛЕРИЯ:"])
def test_title_under_a_capitalised_photo_or_gallery_label_is_the_headline(label):
    title = "Футболистът Кристиян Динев се ожени за приятелката си в Пловдив"
    record = newsclean.extract("\n".join([f"{label} {title}", "21.06.2025 19:45", *ARTICLE]))
    assert record.headline == title


def test_a_gallerys_label_over_its_photos_is_no_headline():
    record = newsclean.extract("\n".join(["21.06.2025 19:45", *ARTICLE, "Галерия: 24 снимки от сватбата"]))
    assert record.headline is None


def test_short_excerpt_beats_the_longer_summaries_under_a_related_heading():
    excerpt = ARTICLE[:2]
    related = [
        "Ремонт на помпена станция ограничава налягането във „Витоша“ до неделя", "Източник: Столица Инфо · Преди 6 часа",
        "Жителите на високите етажи в кварталите под Симеоновско шосе може да останат без вода в часовете "
        "на най-голямо потребление, предупредиха от ВиК дружеството, което ще работи денонощно по ремонта.",
        "Общината ще подмени 40 км стари водопроводи до края на годината", "Източник: София Сега · Вчера, 21:40",
        "Ремонтите са съсредоточени в кварталите с най-много аварии, а гражданите могат да подават сигнали "
        "на денонощния телефон на дружеството и в мобилното приложение на общината.",
    ]
    record = newsclean.extract(page("Регионални › Пловдив", "Новият мост над Марица е открит",
                                    "Източник: Пловдив Днес | Прочетено: 1 204 пъти", *excerpt,
                                    "Прочетете цялата статия в източника ›", "Сподели", "Още по темата", *related))
    assert record.body == "\n\n".join(excerpt)
    assert record.headline == "Новият мост над Марица е открит"


def test_an_empty_tags_heading_above_the_article_does_not_weaken_it():
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", "Етикети", *ARTICLE,
                                    "Свързани новини", "12.03.2025 11:20", TEASERS[2], TEASERS[5]))
    assert record.body == "\n\n".join(ARTICLE)


def test_text_and_photos_credit_names_the_author():
    record = newsclean.extract(page("Новият мост над Марица е открит", "10.07.2025",
                                    "Текст и снимки: Стоян Желязков", *ARTICLE))
    assert record.author == "Стоян Желязков"


def test_what_an_embedded_player_or_picture_leaves_is_dropped_from_the_body():
    title = "Новият мост над Марица е открит"
    record = newsclean.extract(page(title, ARTICLE[0], "YouTube", "[Изображение]", *ARTICLE[1:]))
    assert record.body == "\n\n".join(ARTICLE)


def test_a_line_ending_in_a_video_credit_inside_the_article_is_a_caption():
    title = "Новият мост над Марица е открит"
    caption = "Първите автомобили минават по моста. Видео: Петър Чакъров"
    record = newsclean.extract(page(title, ARTICLE[0], caption, *ARTICLE[1:]))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_headline_opening_with_a_video_label_keeps_it_as_a_label():
    record = newsclean.extract(page("ВИДЕО: Пожар в Родопите", "12.03.2025 10:15", *ARTICLE))
    assert record.headline == "Пожар в Родопите"


def test_a_schedule_of_dated_entries_stays_in_the_article():
    title = "График на кандидатстудентските изпити през 2025 г."
    entries = ["29 март 2025, 9:00 ч. – Математика (писмен изпит), зала 2.14",
               "5 април 2025, 9:00 ч. – Физика (тест), зала 3.02",
               "12 април 2025, 10:00 ч. – Информатика (тест и задача), компютърни зали"]
    record = newsclean.extract(page(title, "Дата: 2025-03-14", ARTICLE[0], *entries, ARTICLE[1],
                                    "Сподели: Facebook LinkedIn Имейл Печат"))
    assert record.published == "2025-03-14"
    assert record.body == "\n\n".join([ARTICLE[0], *entries, ARTICLE[1]])


def test_a_reader_poll_and_a_download_link_stay_out_of_the_body():
    title = "Новият мост над Марица е открит"
    record = newsclean.extract(page(title, *ARTICLE, "Поименно гласуване (PDF) ↓",
                                    "Анкета: Ще минавате ли по новия мост?", "Да – 62%", "Не – 21%"))
    assert record.body == "\n\n".join(ARTICLE)


def test_a_screenshot_credit_alone_is_no_caption():
    title = "Новият мост над Марица е открит"
    caption = "Публикацията, която за три дни събра над 4000 споделяния"
    record = newsclean.extract(page(title, "12.03.2025 10:15", caption, "Екранна снимка: Фактомер", *ARTICLE))
    assert record.captions == [caption]


def test_a_short_line_restating_the_paragraph_above_inside_the_article_is_a_caption():
    caption = "Велосипедистите имат отделна алея от източната страна на моста"
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, caption,
                                    "Движението по стария мост ще бъде спряно за ремонт от началото на април, съобщиха от пътната полиция."))
    assert record.captions == [caption]
    assert caption not in record.body


def test_a_subheading_or_a_question_between_paragraphs_stays_in_the_body():
    for line in ("Какво следва за стария мост", "– Кога ще минат автобусите по новия мост?"):
        record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, line,
                                        "Движението по стария мост ще бъде спряно за ремонт от началото на април, съобщиха от пътната полиция."))
        assert record.captions == []
        assert line in record.body.split("\n\n")


NEXT_PARAGRAPH = "Движението по стария мост ще бъде спряно за ремонт от началото на април, съобщиха от пътната полиция."


def between_paragraphs(line: str) -> newsclean.Record:
    """The record of a page with ``line`` between the article's last two
    paragraphs."""
    return newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, line, NEXT_PARAGRAPH))


@pytest.mark.parametrize("caption", [
    # who or what, and where, with no verb
    "Кметът Иван Петров с строителите пред новия мост при откриването",
    "Архитект Лилия Данова в ателието на третия етаж.",
    "Новата велоалея покрай източния тротоар на моста",
    "Посетители пред входа на новия мост",
    "Кметът Иван Петров и съпругата му на новия мост",   # "и" and "му" do not push "на" out of reach
    # ... with a participle or a clause of time after a comma
    "Строителите, работили по моста през цялата зима",
    "Новият мост рано сутринта, преди да тръгнат автобусите",
    # people not named before, doing something there, in the present plural
    "Работници полагат новите плочи пред входа на моста",
    "Доброволци засаждат дървета край новата велоалея",
    # a sentence of a paragraph's length with no full stop
    "Старият мост, затворен през 2019 година, днес е само за пешеходци и велосипедисти",
])
def test_a_description_or_an_unstopped_sentence_between_paragraphs_is_a_caption(caption):
    record = between_paragraphs(caption)
    assert record.captions == [caption]
    assert caption not in record.body


@pytest.mark.parametrize("line", [
    "Движението по стария мост е спряно до април",                 # tells, with "е"
    "Какво се променя за пътуващите от Пловдив",                   # asks
    "Строителите минават към втория етап на ремонта",              # people named before: the story goes on
    "Общината избира изпълнител за втория етап на моста",          # one doer
    "Строителите ще минат към втория етап на моста",               # a future
    "Шофьорите плащат паркинг и в събота до моста.",               # a short paragraph, ended
    "Събрахме най-важните съвети на строителите преди откриването на моста.",  # a first person's past
    "„Мостът в Пловдив ще издържи още сто години“",                # a quote
    "90+1' Жълт картон за Петров за бавене на времето",            # a live report's entry
    "Министърът на транспорта коментира откриването в профила си в X.",   # ended after a name
    "Защо общината избра точно този изпълнител за ремонта на моста",     # asks with no question mark
    "Старият мост е затворен. Новият поема движението от понеделник",    # two sentences
])
def test_a_sub_heading_a_short_paragraph_a_quote_or_a_live_entry_between_paragraphs_stays_in_the_body(line):
    record = between_paragraphs(line)
    assert record.captions == []
    assert line in record.body.split("\n\n")


def test_a_clip_caption_under_a_player_is_a_caption_though_its_label_is_a_menu_word():
    clip = "ВИДЕО: Мостът над Марица, заснет от дрон на общинския екип"
    record = newsclean.extract(page(*ARTICLE[:1], "▶ 01:58", clip, *ARTICLE[1:]))
    assert record.captions == [clip]


def test_a_players_mark_inside_the_article_is_not_body():
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE[:1], "▶ 01:58", *ARTICLE[1:]))
    assert record.body == "\n\n".join(ARTICLE)


def test_lines_credited_with_a_copyright_sign_right_after_the_article_are_all_captions():
    photos = ["Новият мост над Марица призори © Петя Ганева", "Велоалеята по източния тротоар © Петя Ганева"]
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE, *photos, "Споделете:", "Facebook"))
    assert record.captions == photos
    assert record.body == "\n\n".join(ARTICLE)


def test_short_lines_under_a_gallery_heading_right_after_the_article_are_its_captions():
    photos = ["Кметът прерязва лентата на новия мост", "Първият автобус минава по моста", "Деца от квартала на велоалеята"]
    record = newsclean.extract(page("Новият мост над Марица е открит", *ARTICLE, "Галерия", *photos, "‹ ›",
                                    "Снимки: Община Пловдив", "Сподели"))
    assert record.captions == photos
    assert record.body == "\n\n".join(ARTICLE)


def test_a_description_naming_what_the_paragraph_below_is_about_is_its_sub_heading():
    heading = "Ана Великова, учителка по физика в Пловдив"
    below = ("Ана Великова преподава физика в пловдивската математическа гимназия от 2009 г. и казва, "
             "че новият мост ѝ спестява половин час всяка сутрин.")
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, heading, below))
    assert record.captions == []
    assert heading in record.body.split("\n\n")


def test_an_embedded_posts_text_is_never_a_caption():
    post = "Новият мост в Пловдив при откриването тази сутрин"
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, post,
                                    "Posted by Община Пловдив on Tuesday, March 11, 2025", NEXT_PARAGRAPH))
    assert record.captions == []


GALLERY_ARTICLE = ["Видин посреща туристи през целия уикенд с нова програма в крепостта Баба Вида и в крайдунавския парк, "
                   "съобщиха от общината.", *ARTICLE]


def test_gallery_captions_after_the_article_are_read_past_its_buttons_and_a_lone_credit():
    gallery = ["Галерия", "‹ Предишна", "Снимка 1 от 3", "Крепостта Баба Вида сутрин, преди да пристигнат групите",
               "Следваща ›", "Снимка 2 от 3", "© Калин Дончев", "Снимка 3 от 3", "Залез над Дунав мост 2 от видинския бряг",
               "Харесай ни във Facebook", "Още от Северозапада", "Белоградчишките скали през зимата: маршрут за един ден"]
    record = newsclean.extract("\n".join(["Уикенд във Видин", "12.10.2025", *GALLERY_ARTICLE, *gallery]))
    assert record.captions == ["Крепостта Баба Вида сутрин, преди да пристигнат групите",
                               "Залез над Дунав мост 2 от видинския бряг"]
    assert record.body == "\n\n".join(GALLERY_ARTICLE)


def test_a_line_under_what_the_picture_left_is_its_caption():
    caption = "Архитектурният резерват Бръшлян в ранна есенна утрин"
    record = newsclean.extract("\n".join(["Три села в Странджа", "12.10.2025", ARTICLE[0], "Снимка", caption, *ARTICLE[1:]]))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("caption", [
    "Николай Дечев (№10) се радва след втория си гол Снимка: Гол и точка",   # a sign of ordinary text
    "Общ изглед към площада откъм морската гара. Визуализация: „Студио Ъгъл“",  # an architect's rendering
])
def test_a_caption_with_its_credit_on_the_line_is_read_whatever_signs_it_holds(caption):
    record = inside_article(caption)
    assert record.captions == [caption]


@pytest.mark.parametrize("caption", [
    "Спасителни екипи преглеждат сградата на общината © Reuters",   # a copyright sign before a name
    "Кметът с децата при откриването. Малчуганите пяха и рецитираха. Снимка: Община Пловдив",  # two sentences, then the credit
    "ВИДЕО: Пламъците над склада, заснети от читател малко след 2:30 ч.",  # a clip's label
])
def test_a_line_credited_or_labelled_as_a_clip_inside_the_article_is_a_caption(caption):
    record = inside_article(caption)
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_copyright_sign_before_a_year_is_no_photo_credit():
    line = "Мостът е построен през 1958 г. © 2025 Пловдивски вестник"
    record = inside_article(line)
    assert record.captions == []


def test_captions_between_gallery_counters_are_read_whatever_their_length_and_the_paragraph_over_the_first_stays_body():
    long_caption = ("Децата от селото излязоха с шейни още в ранния следобед. "
                    "За много от тях това е първият истински сняг тази зима.")
    gallery = ["1 / 3", "Снегорин разчиства пътя Смолян – Пампорово", "2 / 3", long_caption, "3 / 3",
               "Всички снимки (3)"]
    record = newsclean.extract("\n".join(["Сняг затрупа Родопите", "27.01.2026", *ARTICLE, *gallery,
                                          "Пътищата към курортите са проходими при зимни условия, съобщиха от АПИ."]))
    assert record.captions == ["Снегорин разчиства пътя Смолян – Пампорово", long_caption]
    assert record.body.split("\n\n")[:3] == ARTICLE
    assert "Всички снимки" not in record.body


@pytest.mark.parametrize("caption", [
    "Победителите с голямата награда на събора (Снимка: Община Хасково)",
    "ВИДЕО: Моментът на удара, заснет от камера на съседна бензиностанция",
])
def test_a_credited_or_clip_caption_right_after_the_last_paragraph_is_a_caption(caption):
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, caption,
                                          "Коментари (0)"]))
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_teaser_title_naming_photos_right_after_the_article_is_no_caption():
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE,
                                          "Геминидите в снимки: най-красивите кадри от миналата година",
                                          "Защо падащите звезди имат различни цветове"]))
    assert record.captions == []


def test_a_lone_line_over_a_credit_right_after_the_article_is_a_caption_but_a_row_of_teasers_is_not():
    caption = "Новият мост над Марица призори, погледнат от Гребната база"
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, caption,
                                          "Снимка: Община Пловдив", "Коментари (0)"]))
    assert record.captions == [caption]
    teasers = ["Пловдив сменя уличното осветление в пет квартала", "Снимка: Община Пловдив",
               "Античният театър затваря за ремонт до май", "Снимка: Пловдивски вестник"]
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, *teasers]))
    assert record.captions == []


def test_a_description_closing_a_section_over_its_next_sub_heading_is_a_caption():
    caption = "Кметът с архитектите пред новия мост след откриването"
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, caption,
                                    "Какво следва", NEXT_PARAGRAPH))
    assert record.captions == [caption]
    assert record.body.split("\n\n")[-2:] == ["Какво следва", NEXT_PARAGRAPH]


def test_an_offer_with_its_discount_between_the_article_and_a_sub_heading_is_no_caption():
    offer = "Зимни гуми за джипове и бусове – до -30% в сервизите на „Гума Експрес“"
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, offer,
                                    "Какво следва", NEXT_PARAGRAPH))
    assert record.captions == []


@pytest.mark.parametrize("credit", ["Видео: YouTube/Община Пловдив", "Видео: TV Пловдив",
                                    "Видео: Пловдивски вестник / YouTube"])
def test_a_clips_credit_alone_is_no_caption_and_makes_the_line_over_it_the_clips_caption(credit):
    caption = "Откриването на новия мост, заснето от дрон"
    record = inside_article(caption, credit)
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_picture_platform_named_as_the_source_after_a_sentence_is_the_photos_credit():
    caption = "Кметът и архитектът на новия мост при откриването. Източник: Facebook"
    record = inside_article(caption)
    assert record.captions == [caption]
    news_source = "Мостът е открит с месец закъснение. Източник: БТА"
    record = inside_article(news_source)
    assert record.captions == []


@pytest.mark.parametrize("label", ["Мария Колева, „Мостът“, 2024, масло върху платно, 60 × 80 см",
                                   "Скица за „Новия мост“, молив върху хартия, 1958"])
def test_an_artworks_label_inside_the_article_is_its_caption(label):
    record = inside_article(label, title="Мостът над Марица в живописта")
    assert record.captions == [label]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_line_under_a_credit_that_no_caption_over_it_claims_is_the_photos_caption():
    caption = "Кметът се снима с архитектите пред новия мост"
    record = inside_article("Снимка: Община Пловдив", caption)
    assert record.captions == [caption]
    assert record.body == "\n\n".join(ARTICLE)


def test_a_sub_heading_under_a_credit_that_a_caption_over_it_claims_stays_in_the_body():
    caption, heading = "Кметът и архитектите на моста в деня на откриването.", "Какво следва за стария мост"
    record = inside_article(caption, "Снимка: Община Пловдив", heading)
    assert record.captions == [caption]
    assert record.body == "\n\n".join([*ARTICLE[:2], heading, ARTICLE[2]])


def test_a_pull_quote_repeating_the_articles_words_is_neither_body_nor_caption():
    quoted = ("„Мостът ще служи поне сто години, а велоалеята ще е първата в града“, каза кметът на откриването "
              "пред стотици граждани и гости.")
    pull = "„Мостът ще служи поне сто години, а велоалеята ще е първата в града“"
    record = newsclean.extract(page("Новият мост над Марица е открит", "12.03.2025 10:15", ARTICLE[0], quoted, pull,
                                    *ARTICLE[1:]))
    assert record.captions == []
    assert record.body == "\n\n".join([ARTICLE[0], quoted, *ARTICLE[1:]])


def test_the_last_paragraph_ending_in_a_years_abbreviation_over_a_gallery_is_kept_and_the_gallery_read():
    last = "Общината вече обяви и датите на новия сезон – от 28 до 31 май 2026 г."
    gallery = ["Галерия", "Откриването на фестивала пред Морското казино", "Снимка: Община Бургас",
               "Актьорите на поклон след представлението", "Снимка: Петя Димова", "Споделете", "Прочетете още",
               "Интервю: Деница Пенева за Мара и за Сливен"]
    record = newsclean.extract("\n".join(["Фестивалът „Сцена на брега“ събра 12 театъра", "12.06.2025 10:15", *ARTICLE,
                                          last, *gallery]))
    assert record.body == "\n\n".join([*ARTICLE, last])
    assert record.captions == ["Откриването на фестивала пред Морското казино", "Актьорите на поклон след представлението"]


def test_a_letters_salutation_over_the_first_paragraph_is_no_caption():
    record = newsclean.extract(page("Спиране на водата в две села", "Публикувано на: 09.12.2025 г.",
                                    "Уважаеми жители на селата около новия мост,", *ARTICLE))
    assert record.captions == []


def test_the_last_paragraph_over_a_galleries_credit_and_counter_stays_body():
    last = "Вечерта завърши с общо хоро на площада пред новия мост."
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, last,
                                          "Снимки: Петър Цветков", "1 / 12", "‹ ›", "Сподели"]))
    assert record.captions == []
    assert record.body == "\n\n".join([*ARTICLE, last])
