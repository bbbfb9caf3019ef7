"""Where the article starts and ends on real pages: the crawler's line glued
to the first text, teasers and walls after the last paragraph."""
import pytest

import newsclean
from test_extract import ARTICLE


def test_first_paragraph_glued_to_the_crawler_date_stays_in_the_body():
    dump = "\n".join([f" date 2026-02-20 {ARTICLE[0]}", *ARTICLE[1:]])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2026-02-20"


def test_menu_glued_to_the_crawler_date_stays_out_of_the_body():
    dump = "\n".join([" date 2026-02-20 Начало Новини Спорт Култура Видео", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2026-02-20"

TITLE = "Новият мост над Марица е открит"
TEASER_TITLES = ["Затвориха пътя Пловдив - Асеновград заради свлачище", "Учители излизат на протест в понеделник",
                 "Нов парк ще бъде открит в квартал Тракия", "Зоопаркът в Пловдив посреща две жирафчета"]


@pytest.mark.parametrize("wall", [
    "Тази информация можете да прочетете само с регистрация на сайта. Регистрацията е безплатна и отнема по-малко от минута.",
    "Абонирайте се, за да прочетете цялата статия",
    "Този материал е част от премиум съдържанието на сайта.",
])
def test_a_registration_or_paywall_wall_ends_the_article_and_flags_it_truncated(wall):
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], wall, "Вход | Абонамент", *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE[:2])
    assert "truncated" in record.warnings


def test_comment_rules_after_the_article_are_not_body():
    rules = ("Моля, коментирайте конкретната статия и използвайте кирилица! Не се толерират мнения с обидно "
             "или нецензурно съдържание, те ще бъдат изтривани.")
    record = newsclean.extract("\n".join([TITLE, *ARTICLE, rules, "Иван 12.03.2025 11:02", "Браво на общината!"]))
    assert record.body == "\n\n".join(ARTICLE)


def test_the_lead_printed_over_the_photo_and_as_the_first_paragraph_is_kept_once():
    lead = ARTICLE[0]
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", lead, "Снимка: БТА", *ARTICLE]))
    assert record.body == "\n\n".join(ARTICLE)


def test_a_match_report_of_short_fact_lines_under_its_lead_keeps_them_in_the_body():
    lead = "Отборът на „Струмска слава“ победи с 2:1 като гост „Мелнишки лозар“ в мач от 8-ия кръг на третата лига."
    facts = ["Голове:", "0:1 Кристиян Попов (23')", "1:1 Иван Каменов (51')", "1:2 Даниел Шопов (88', дузпа)",
             "„Мелнишки лозар“: Стоянов, Гугов, Пашов, Кацарски, Бонев, Каменов, Илчев, Рангелов, Цветков",
             "Жълти картони: Бонев, Кацарски / Янев, Манолов", "Съдия: Асен Гаргов (Кюстендил)"]
    after = ("Гостите поведоха след удар с глава на Попов при ъглов удар, а домакините изравниха в началото "
             "на второто полувреме, когато Каменов се възползва от грешка в защитата.")
    title = "„Струмска слава“ би „Мелнишки лозар“ с 2:1 в дербито"
    record = newsclean.extract("\n".join([title, "22.09.2024 18:40", "Слушайте новината", lead, *facts, after]))
    assert record.body == "\n\n".join([lead, *facts, after])
    assert record.headline == title


def test_an_agencys_english_print_notice_is_not_body():
    notice = "This material is published with data from BTA. All rights reserved. Reprinting is allowed only with reference to BTA."
    record = newsclean.extract("\n".join([TITLE, *ARTICLE, notice]))
    assert record.body == "\n\n".join(ARTICLE)


def test_an_article_the_page_prints_on_under_a_registration_wall_keeps_its_rest():
    """As a real portal prints it: an audio player and a font-size bar under
    the dateline, an embedded post, then the wall and the rest."""
    embed = ["Община Пловдив", "@PlovdivMunicipality", "Първите автобуси вече минават по новия мост.",
             "7:32 PM · Jun 16, 2025", "142 Reposts 18 Quotes 1,204 Likes"]
    wall = "Регистрирайте се безплатно, за да продължите да четете"
    first = [ARTICLE[0], "Обходният маршрут за леки автомобили минаваше досега през квартал Коматево и удължаваше "
             "пътя на шофьорите с двадесет минути в пиковите часове."]
    dump = "\n".join([TITLE, "Калина Тодорова", "12.03.2025 10:15", "Слушай статията 00:00 / 04:12", "A- A A+",
                      *first, *embed, wall, "Вход с Google Вход с имейл", *ARTICLE[1:], "Сподели", *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert record.body.startswith("\n\n".join(first))
    assert record.body.endswith("\n\n".join(ARTICLE[1:]))


def test_a_weather_bar_and_the_clock_beside_it_give_no_headline_and_no_date():
    dump = "\n".join(["Начало Русе Област Криминални Политика", "Русе 19°C облачно", "вторник, 23 септември 2025, 11:42",
                      *ARTICLE])
    record = newsclean.extract(dump)
    assert record.headline is None and record.published is None


def test_a_metered_registration_wall_with_its_login_row_is_a_box_inside_the_article():
    dump = "\n".join([TITLE, "19.08.2025 07:30 • 14 коментара", *ARTICLE[:2], "Прочетохте 3 от 5 безплатни статии този месец.",
                      "Регистрирайте се безплатно и продължете да четете без ограничения", "Регистрация",
                      "Вече имате профил? Вход", ARTICLE[2], "Кметът обеща и нови велоалеи по двата бряга на реката до края на лятото.",
                      "Мненията, изразени в рубриката, не отразяват непременно позицията на редакцията."])
    record = newsclean.extract(dump)
    assert record.body.startswith("\n\n".join(ARTICLE))
    assert "позицията на редакцията" not in record.body


def test_a_reader_poll_inside_the_article_is_a_box_the_article_goes_on_under():
    rest = ["Кметът обеща и нови велоалеи по двата бряга на реката до края на лятото, а паркингите край моста ще бъдат разширени.",
            "Общината ще отчете трафика след първия месец и тогава ще реши дали да промени светофарите на двата края."]
    poll = ["Анкета", "Ще минавате ли по новия мост всеки ден?", "Да, всеки ден", "48%", "Понякога", "31%",
            "Не, рядко", "21%", "Гласувай", "Гласували: 1 204"]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, *poll, *rest, "Сподели", *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE, *rest])


def test_a_result_line_of_voters_is_no_poll():
    facts = ["Избиратели в списъците: 4 862", "Гласували: 2 083 (42,8%)"]
    dump = "\n".join([" date 2025-11-10 " + ARTICLE[0], *facts, *ARTICLE[1:]])
    record = newsclean.extract(dump)
    assert all(fact in record.body for fact in facts)


def test_a_registration_wall_inside_an_article_that_opens_the_page_keeps_both_parts():
    first = ARTICLE[:2]
    rest = ["Кметът обеща и нови велоалеи по двата бряга на реката до края на лятото, а паркингите край моста ще бъдат разширени.",
            "Общината ще отчете трафика след първия месец и тогава ще реши дали да промени светофарите на двата края."]
    dump = "\n".join([" date 2025-03-12 " + first[0], first[1], "Този материал е достъпен изцяло само за регистрирани читатели.",
                      "Регистрирайте се безплатно или влезте в профила си, за да прочетете цялата статия.", "Регистрация", "Вход",
                      *rest, "Ключови думи: мост, Пловдив", "Още от Бизнес Ден", *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*first, *rest])


def test_an_embedded_posts_posted_by_line_is_no_article_text():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], "Posted by Община Пловдив on Wednesday, March 12, 2025",
                      ARTICLE[2]])
    record = newsclean.extract(dump)
    assert "Posted by" not in record.body


def test_a_close_button_between_the_byline_and_the_article_does_not_cut_it_at_a_registration_wall():
    first = ARTICLE[:2]
    rest = ["Кметът обеща и нови велоалеи по двата бряга на реката до края на лятото, а паркингите край моста ще бъдат разширени.",
            "Общината ще отчете трафика след първия месец и тогава ще реши дали да промени светофарите на двата края.",
            "Строителите ще довършат и подлеза под булеварда до края на есента, съобщиха от общината."]
    dump = "\n".join([TITLE, "Текст: Десислава Маринова", "Слушай статията", "00:00 / 04:37", "A- A+", "x", *first,
                      "Продължението на тази статия е само за регистрирани читателки. Влезте или се регистрирайте.",
                      "Регистрирай се", "Какво следва", *rest, "Още от „Здраве“", *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert record.body.startswith("\n\n".join(first))
    assert record.body.endswith("\n\n".join(rest))


def test_an_embedded_posts_signature_with_its_handle_is_no_article_text():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], "Новият мост е открит! 🎉",
                      "— Община Пловдив (@PlovdivMunicipality) March 12, 2025", ARTICLE[2]])
    record = newsclean.extract(dump)
    assert "(@PlovdivMunicipality)" not in record.body


def test_a_forecast_table_of_towns_with_two_values_is_the_article_not_a_menu():
    table = ["Добрич 12° / 27°, слънчево", "Балчик 15° / 24°, слънчево", "Каварна 14° / 23°, слабо облачно",
             "Тервел 11° / 28°, слънчево"]
    lead = "Топло и предимно слънчево време се очаква в Добруджа до края на седмицата, показва прогнозата на НИМХ."
    dump = "\n".join([" date 2026-05-12 " + lead, "Прогнозни температури за сряда (минимална / максимална):", *table,
                      *ARTICLE, *TEASER_TITLES])
    record = newsclean.extract(dump)
    assert all(line in record.body.split("\n\n") for line in table)


def test_a_related_box_between_two_parts_of_one_story_sharing_its_words_keeps_both():
    first = ["Общинският съвет в Смолян прие допълнителни средства за снегорини и за зимното поддържане на пътищата до селата.",
             "Решението беше подкрепено с 27 гласа „за“. Общата сума за снегорините е 1,2 млн. евро от местния бюджет."]
    rest = ["Опозицията поиска общината да обяви обществена поръчка и за поддържането на местните пътища до селата.",
            "Новите снегорини трябва да бъдат доставени до 15 декември, съобщиха от общинския съвет."]
    dump = "\n".join([" date 2025-11-04 " + first[0], first[1], "Свързани", "Смолян вдига таксата за смет с 8% от догодина",
                      "Общинските съветници отказаха по-високи наеми за пазара", *rest, "Коментари (3)"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*first, *rest])


def test_an_agencys_english_reproduction_notice_is_no_article_text():
    notice = ("This news item is the intellectual property of Trakia Info Agency. Any reproduction in whole or in part "
              "is subject to the agency's prior written consent.")
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, notice]))
    assert record.body == "\n\n".join(ARTICLE)


ZONE = ["От 1 април в централната част на Разград ще действа зелена зона за платено паркиране, реши общинският съвет.",
        "Зоната обхваща улиците около площад „Независимост“ и част от булеварда, а часът ще струва 1 евро."]


def test_a_newsletter_box_after_the_first_paragraphs_under_a_title_printed_once_keeps_both_parts():
    after = ["Как ще се плаща",
             "Таксата ще може да се плаща с SMS, чрез мобилно приложение и в паркоматите, които общината ще монтира до края на март.",
             "Живущите в зоната ще могат да получат до два абонамента на адрес, съобщиха от общинската администрация."]
    dump = "\n".join(["Начало Новини Общество Икономика Култура Спорт", "Общество | 06.03.2026 12:40 | 523 | 2",
                      "Разград въвежда зелена зона за паркиране в центъра", *ZONE,
                      "Абонирайте се за бюлетина на Разград Новини", "Най-важното от деня – всяка вечер във вашата поща.",
                      "Вашият имейл", "Абонирай се", *after, "Коментари (2)"])
    record = newsclean.extract(dump)
    assert record.headline == "Разград въвежда зелена зона за паркиране в центъра"
    assert record.body == "\n\n".join([*ZONE, *after])


def test_of_two_datelines_over_the_headline_the_nearer_is_the_articles():
    dump = "\n".join(["Начало Новини Общество Икономика Култура Спорт", "Петък, 6 март 2026 | 14:22",
                      "Общество | 06.03.2026 12:40 | 523 | 2", TITLE, *ARTICLE])
    record = newsclean.extract(dump)
    assert record.published == "2026-03-06T12:40:00+02:00"


PELICANS = ["Рекордните 190 двойки къдроглави пеликани са започнали да гнездят в резервата „Сребърна“, съобщиха от РИОСВ – Русе.",
            "Преди десет години в езерото гнездяха едва около 100 двойки, а според орнитолозите причината е в по-високата вода."]
VISITS = ["Забрани за посетители",
          "До края на юни е забранено приближаването с лодки до колонията, а посетителите могат да наблюдават птиците от брега.",
          "Нарушителите рискуват глоба до 2 500 евро, напомнят от инспекцията."]


def test_the_part_after_a_related_box_that_the_articles_comments_close_is_the_article_whatever_words_it_shares():
    dump = "\n".join(["Рекорден брой къдроглави пеликани гнездят в „Сребърна“", "17.03.2026 | 11:45", *PELICANS,
                      "Свързани", "Сребърна остава без вода заради ниския Дунав", "Доброволци почистиха брега на езерото",
                      *VISITS, "Коментари: 0", "Последни новини", "Фестивалът на кайсията ще бъде през юни"])
    record = newsclean.extract(dump)
    assert record.body.split("\n\n")[:2] == PELICANS
    assert record.body.split("\n\n")[-2:] == VISITS[1:]
    assert "Сребърна остава без вода заради ниския Дунав" not in record.body


def test_a_subheadings_lone_paragraph_between_a_newsletter_box_and_a_related_box_is_kept_with_the_rest():
    middle = ["Вечер – да или не",
              "Калориите от плодовете не стават по-опасни след 18:00 часа, важно е общото количество храна през деня, обясняват "
              "диетолозите. Плодът вечер е по-добър избор от сладкиш или солени снаксове, стига порцията да е разумна."]
    dump = "\n".join(["Кога е най-добре да ядем плодове", "12.05.2026", *ARTICLE[:2],
                      "Абонирайте се за нашия бюлетин", "Вашият имейл", "Абонирам се", *middle,
                      "Свързани", "Пет храни, които помагат при подуване на корема", ARTICLE[2],
                      "Мостът ще бъде осветен през нощта, а до края на годината край него ще бъде изградена и нова пешеходна зона.",
                      "Сподели"])
    record = newsclean.extract(dump)
    assert middle[1] in record.body.split("\n\n")
    assert record.body.split("\n\n")[-1].startswith("Мостът ще бъде осветен")
    assert "Абонирам се" not in record.body and "Пет храни" not in record.body


TEASER_PAIRS = ["Хасково получи 2 млн. евро за нови детски градини",
                "Средствата ще бъдат използвани за две сгради в кварталите „Орфей“ и „Кенана“.",
                "Димитровград затваря ул. „Христо Ботев“ за ремонт",
                "Движението ще бъде пренасочено до края на април, съобщиха от общината."]


def test_title_summary_pairs_after_the_article_with_no_heading_are_not_body():
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, *TEASER_PAIRS, "Коментари (0)"]))
    assert record.body == "\n\n".join(ARTICLE)


def test_a_closing_subheading_and_paragraph_naming_the_articles_people_and_places_stay_body():
    closing = ["Какво следва за стария мост",
               "Кметът на Пловдив обеща старият мост над Марица да бъде ремонтиран до края на следващата година."]
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, *closing, *TEASER_PAIRS,
                                          "Коментари (0)"]))
    assert record.body.split("\n\n")[-2:] == closing


POST = "Днес подписахме договора за 20 нови електробуса. До есента Добрич ще има най-модерния градски транспорт в региона."


def test_an_embedded_posts_text_that_the_paragraph_above_quotes_is_printed_once():
    quoting = f"Кметът обяви подписването на договора и във Facebook: „{POST}“"
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], quoting, POST,
                      "Posted by Красимир Добрев on Wednesday, March 4, 2026", ARTICLE[2]])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE[:2], quoting, ARTICLE[2]])


def test_an_embedded_posts_text_that_the_article_does_not_quote_stays_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], "Кметът написа в социалните мрежи:", POST,
                      "Posted by Красимир Добрев on Wednesday, March 4, 2026", ARTICLE[2]])
    record = newsclean.extract(dump)
    assert POST in record.body.split("\n\n")


def test_a_forecast_by_town_under_a_lead_ending_in_a_colon_is_the_article():
    towns = ["Враца: 2° / 15°, слънчево", "Мездра: 1° / 16°, слънчево", "Козлодуй: 3° / 17°, предимно слънчево",
             "Роман: 0° / 14°, слаба мъгла сутринта"]
    lead = "Слънчево и топло ще бъде в събота в цялата област, с максимални температури до 17 градуса, показва прогнозата:"
    dump = "\n".join(["Начало Новини Общество Спорт", "06.03.2026 | 17:20 | Общество", lead, *towns,
                      "В планинските райони ще духа умерен северозападен вятър.", "Източник: НИМХ",
                      "© 2026 Врачански глас. Всички права запазени."])
    record = newsclean.extract(dump)
    assert "no_article" not in record.warnings
    assert record.body.split("\n\n")[:5] == [lead, *towns]


def test_an_enumeration_under_a_sentence_ending_in_a_colon_keeps_the_article_going_past_a_promo():
    entries = ["един час паркиране струва 1,20 евро;", "максималният престой остава три часа;",
               "живущите в зоната могат да получат годишен стикер за 60 евро."]
    rules = "В Пловдив синята зона се разширява с още 14 улици в кварталите „Каменица“ и „Кършияка“. Новите правила са:"
    after = "„Целта е да освободим тротоарите и да накараме повече хора да оставят колата в кварталния паркинг“, обясни заместник-кметът."
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, rules, *entries,
                      "Получавайте най-важното от деня по имейл", "Вашият имейл", "Запиши ме", after, ZONE[1], "Сподели"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE, rules, *entries, after, ZONE[1]])


def test_the_part_after_a_read_more_box_that_the_editors_initials_close_is_the_article():
    dump = "\n".join(["Рекорден брой къдроглави пеликани гнездят в „Сребърна“", "17.03.2026 | 11:45", *PELICANS,
                      "Прочетете още:", "Сребърна остава без вода заради ниския Дунав", "Доброволци почистиха брега на езерото",
                      *VISITS[1:], "/ВТ/", "Още новини", "Фестивалът на кайсията ще бъде през юни"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*PELICANS, *VISITS[1:]])


def test_a_poll_and_a_login_prompt_the_page_prints_the_rest_under_are_one_box_inside_the_article():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], "Анкета", "Смятате ли, че мостът е нужен?", "Да", "Не",
                      "Гласувай", "Резултати", "Влезте в профила си, за да прочетете повече", "Вход | Регистрация",
                      ARTICLE[2], ZONE[0], "Тагове: мост, Пловдив"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE, ZONE[0]])


def test_the_short_last_turns_of_an_interview_stay_in_the_body():
    turns = ["– Д-р Илиева, колко лекари като вас са останали в района на общината днес?",
             "– В цялата община сме трима. Преди двайсет години бяхме девет, а двама от нас вече са над седемдесет години "
             "и работят само сутрин.",
             "Какво може да се промени", "– Какво ще се случи, ако нищо не се промени?",
             "– След пет години в половината села в района няма да има лекар. Хората ще пътуват до града за всеки преглед, "
             "за всяко изследване и за всяка рецепта.",
             "– Ще останете ли?", "– Докато мога. Тези хора са ми като семейство."]
    dump = "\n\n".join(["Д-р Радост Илиева: Селските лекари изчезват", "Публикувана: 05.03.2026 08:00", ARTICLE[0],
                        *turns, "Последвайте ни в Google News", "За авторите",
                        "Ралица Иванова е репортер в „Седмица“ от 2017 г. Георги Тодоров е фотограф на изданието.",
                        "Още от рубриката „Интервю“",
                        "Проф. Камен Лазаров: Учебниците ни по история са писани за възрастни"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([ARTICLE[0], *turns])


def test_an_embedded_posts_text_in_another_language_is_not_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2],
                      "Full-time in Plovdiv. Not the result we wanted. We go again next week.",
                      "— PFC Slavia Sofia (@PFCSlavia1913) March 7, 2026", ARTICLE[2]])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)


def test_a_newsletter_box_with_an_email_field_inside_the_article_does_not_end_it():
    after = ["Значи има надежда", ZONE[0], ZONE[1]]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, "Абонирайте се за бюлетина на блога",
                      "Нов текст всяка втора неделя. Без реклами.", "Имейл", "Абонирам се", *after,
                      "Етикети: медии, четене"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE, *after])


@pytest.mark.parametrize("appeal", [
    "„Седмичен преглед“ съществува благодарение на своите читатели. Подкрепете ни с дарение.",
    "Ако ви харесва това, което пиша, можете да подкрепите блога с едно кафе. Всяко дарение ми помага да пиша повече.",
])
def test_a_donation_appeal_after_the_article_is_not_body(appeal):
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, appeal]))
    assert record.body == "\n\n".join(ARTICLE)


def test_a_wall_saying_the_text_is_for_subscribers_ends_the_article():
    record = newsclean.extract("\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2],
                                          "Този материал е достъпен за абонати на „Седмичен преглед“.",
                                          "Абонаментът за електронното издание струва 3 евро на месец."]))
    assert record.body == "\n\n".join(ARTICLE[:2])
    assert "truncated" in record.warnings


def test_an_embedded_posts_text_with_hashtags_is_not_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], "Скока след дъжда. Струваше си всяка крачка #бойково #родопи",
                      "A post shared by Радослава Иванова (@radoslava.walks)", ARTICLE[2]])
    assert newsclean.extract(dump).body == "\n\n".join(ARTICLE)


def test_streets_under_a_sentence_ending_in_a_colon_and_the_part_over_a_more_marker_are_the_article():
    streets = ["Засегнати са улиците:", "„Стефан Стамболов“ от № 12 до № 40", "„Шипка“", "„Христо Ботев“ от № 1 до № 25"]
    notice = "„ВиК – Хасково“ уведомява, че във вторник от 9:00 до 16:00 ч. ще бъде спряна водата в централната част на града."
    after = ["Общината ще осигури водоноска пред читалището от 10:00 ч. Молим гражданите да си направят запас от вода.",
             "След приключване на ремонта е възможно водата да е мътна през първите часове, предупреждават от дружеството."]
    dump = "\n".join(["Община Свиленград", "Начало", notice, *streets, "Свързани",
                      "Започва подмяната на водопровода в кв. „Кале“", "Нова помпена станция за Капитан Андреево",
                      *after, "Още", "Обява за търг за отдаване под наем на земеделски земи"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([notice, *streets, *after])


def test_a_newsletter_box_with_its_consent_line_and_a_subheading_under_it_does_not_end_the_article():
    after = ["Дизелът поевтинява", ZONE[0], ZONE[1]]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, "Бюлетинът на Бизнес Вести",
                      "Най-важното от пазарите всяка сутрин в 7:30 в пощата ви.", "Вашият имейл", "Абонирай ме",
                      "С абонирането се съгласявате с Политиката за поверителност.", *after, "Етикети: горива, цени"])
    assert newsclean.extract(dump).body == "\n\n".join([*ARTICLE, *after])


def test_a_polls_question_answers_and_count_inside_the_article_are_not_body():
    poll = ["Анкета", "Кой отбор ще спечели промоция от Втора лига?", "Етър – 41%", "Дунав – 27%", "Добруджа – 19%",
            "Друг – 13%", "Гласувай", "Гласували: 2318"]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2], *poll, ARTICLE[2], ZONE[0], "Сподели"])
    assert newsclean.extract(dump).body == "\n\n".join([*ARTICLE, ZONE[0]])


def test_the_headline_printed_again_over_the_article_under_a_title_bar_is_neither_body_nor_caption():
    title = "Краят на паролите: как работят passkey ключовете и трябва ли да ги включите"
    text = ["Все повече услуги предлагат вход без парола, с passkey ключове, които пазят профила ви по-добре от паролите.",
            "Passkey ключовете са двойка криптографски ключове: единият остава на устройството, другият е при услугата."]
    dump = "\n".join([f" date 2026-04-14{title} | Техноклик", "Техноклик", "Новини Смартфони Компютри Софтуер Игри",
                      "Съвети", title, "Време за четене: 5 мин.", *text])
    record = newsclean.extract(dump)
    assert record.headline == title
    assert record.captions == []
    assert record.body == "\n\n".join(text)


def test_the_rest_printed_under_a_registration_walls_login_row_is_the_article():
    rest = ["Предимства", "Няма какво да забравите или да преизползвате в няколко сайта.",
            "Фишинг атаките стават почти безполезни.", ZONE[0], ZONE[1]]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, "Влезте в профила си, за да прочетете цялата статия",
                      "Регистрацията е безплатна и отнема по-малко от минута.", "Вход | Регистрация", *rest,
                      "Тагове: сигурност, пароли"])
    assert newsclean.extract(dump).body == "\n\n".join([*ARTICLE, *rest])


def test_an_author_box_of_names_over_their_bio_after_the_article_is_not_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, "Мария Цветкова",
                      "Мария Цветкова е журналист в „Плевенски глас“ от 2014 г. Пише за местната власт и образованието.",
                      "Всички статии от автора"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert record.author == "Мария Цветкова"


def test_the_articles_short_last_lines_over_its_share_bar_stay_in_the_body():
    closing = "Извиняваме се за причиненото неудобство."
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, closing, "Прикачени файлове:", "grafik.pdf (312 KB)",
                      "Сподели: Facebook Имейл Печат", "Още новини", "Започва ремонтът на улица „Шипка“"])
    assert newsclean.extract(dump).body == "\n\n".join([*ARTICLE, closing])


def test_a_subheading_and_its_sentence_over_a_paywall_are_the_articles_last_lines():
    closing = ["Какво следва", "Браншът очаква решение на правителството за акцизите до средата на февруари."]
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE, *closing,
                      "Продължението на статията е достъпно само за абонати.", "Абонирай се"])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join([*ARTICLE, *closing])
    assert "truncated" in record.warnings


def test_a_numbered_list_going_on_under_a_newsletter_box_is_the_article():
    before = ["Какво да правим", "1. Пийте вода на малки глътки през целия ден.", "2. Избягвайте излизане между 12 и 17 часа.",
              "3. Проветрявайте рано сутрин и вечер."]
    after = ["4. Хранете се леко – повече плодове и зеленчуци.", "5. Носете светли дрехи и шапка.",
             "6. Мерете кръвното си налягане сутрин и вечер.", "Кога да потърсим лекар",
             "При болка в гърдите, задух или световъртеж незабавно се обадете на 112, съветват кардиолозите."]
    dump = "\n".join([TITLE, "12.03.2025 10:15", ARTICLE[0], *before, "Бюлетин „Здраве всяка седмица“",
                      "Получавайте най-важното от медицината в пощата си всеки петък.", "Вашият имейл", "Абонирам се",
                      *after, "Свързани статии", "Топлинен удар: първите признаци"])
    assert newsclean.extract(dump).body == "\n\n".join([ARTICLE[0], *before, *after])


def test_a_read_also_line_inside_the_article_is_not_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", ARTICLE[0], "Прочетете също: Брюксел отново отложи решението",
                      *ARTICLE[1:], "Сподели"])
    assert newsclean.extract(dump).body == "\n\n".join(ARTICLE)


def test_a_print_edition_wall_ends_the_article():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE,
                      "Целия текст четете в печатното издание на „Петъчник“ или в електронния му вариант."])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert "truncated" in record.warnings


def test_an_embedded_posts_text_with_emoji_and_its_view_on_x_link_are_not_body():
    dump = "\n".join([TITLE, "12.03.2025 10:15", *ARTICLE[:2],
                      "Благодаря на всички, които бяха на стадиона тази вечер! Продължаваме! ⚽",
                      "— Христо Маринов (@hmarinov_coach) March 7, 2026", "View on X", ARTICLE[2], "Сподели"])
    assert newsclean.extract(dump).body == "\n\n".join(ARTICLE)


RELATED_AFTER = ["Още от рубриката", "Пловдив сменя уличното осветление в пет квартала",
                 "Античният театър затваря за ремонт до май"]


def test_a_short_closing_sentence_over_a_related_lists_heading_ends_the_article():
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE,
                                          "Мостът ще бъде осветен от 1 април.", *RELATED_AFTER]))
    assert record.body == "\n\n".join([*ARTICLE, "Мостът ще бъде осветен от 1 април."])


def test_a_notice_in_english_over_a_related_lists_heading_is_not_the_articles_end():
    record = newsclean.extract("\n".join(["Новият мост над Марица е открит", "12.03.2025 10:15", *ARTICLE, "Print",
                                          "All news on this website are subject to copyright.", *RELATED_AFTER]))
    assert record.body == "\n\n".join(ARTICLE)
