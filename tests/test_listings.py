"""Pages that hold no article, as real sites print them (issue 22): their
teasers are never stitched into a body, and nothing of a teaser leaks into
the record."""
from datetime import datetime, timezone

import newsclean

NOW = datetime(2025, 3, 14, 12, tzinfo=timezone.utc)
ONE_A_LINE = [
    "преди 3 часа Мира Денева за раздялата: Не съжалявам за нищо Певицата за първи път проговори за края на връзката си с…",
    "преди 2 дни Мира Денева и Дени К на една сцена в Златни пясъци Двамата изпяха заедно парчето, с което тя стана...",
    "преди 5 дни Мира Денева с нова прическа – феновете не я познаха Изпълнителката смени дългата си руса коса с къ..",
    "преди 1 седмица Кой облече Мира Денева за наградите на музикалната телевизия Роклята от черна коприна е дело на…",
]
TITLE_META_SUMMARY = [
    "Търговците искат отлагане на новите изисквания за касовите бележки",
    "14.03.25 10:40 | Икономика",
    "Браншовата организация настоява срокът да бъде изместен с поне шест месеца, защото софтуерът не е готов.",
    "БЕХ ще търси нов заем от 600 млн. евро на международните пазари",
    "14.03.25 09:12 | Енергетика",
    "Холдингът е изпратил запитвания до шест банки за организиране на емисията, която ще бъде пусната до лятото.",
    "Заплатите в ИТ сектора растат най-бавно от пет години насам",
    "13.03.25 18:30 | Пазар на труда",
    "Средното възнаграждение в сектора е достигнало 5 870 лв., но ръстът за година е едва 4 процента.",
]


def _assert_no_article(record):
    assert "no_article" in record.warnings
    assert record.body == "" and record.headline is None
    assert record.published is None and record.author is None


def test_teasers_printed_one_a_line_with_their_time_and_a_cut_summary_hold_no_article():
    dump = "\n".join([" date 2025-03-14 Звезден прах Бг звезди Холивуд Мода", "Вход | Регистрация", "Мира Денева",
                      *ONE_A_LINE, "Зареди още", "© 2025 Звезден прах | Всички права запазени"])
    _assert_no_article(newsclean.extract(dump, now=NOW))


def test_teasers_with_their_meta_on_a_line_of_their_own_hold_no_article():
    dump = "\n".join(["Начало България Свят Икономика Спорт", "Икономика", *TITLE_META_SUMMARY, "1 2 3 … 48 Следваща"])
    _assert_no_article(newsclean.extract(dump, now=NOW))


def test_a_live_blog_of_timed_full_sentences_keeps_its_body():
    updates = [
        "преди 12 минути Полицията затвори движението по бул. „Христо Ботев“ в двете посоки заради паднало дърво.",
        "преди 40 минути Екипи на общината почистват клоните от платното, а тролейбусите се движат по обходен маршрут.",
        "преди 1 час Силен вятър с пориви до 90 км/ч връхлетя София малко след обяд и събори дървета в няколко квартала.",
    ]
    title = "НА ЖИВО: Силен вятър събори дървета в София"
    record = newsclean.extract("\n".join([title, *updates]), now=NOW)
    assert "no_article" not in record.warnings
    assert record.body == "\n\n".join(updates)


def test_a_section_front_with_a_description_and_a_featured_teaser_holds_no_article():
    dump = "\n".join(["Дамски свят", "Мода | Красота | Здраве", "Красота",
                      "Съвети от дерматолози, гримьори и фризьори, нови продукти и сезонни тенденции.",
                      "Кожата след 40: какво да смените в рутината си тази зима",
                      *[line for i, line in enumerate(TITLE_META_SUMMARY) if i % 3 != 2]])
    _assert_no_article(newsclean.extract(dump, now=NOW))


SEARCH_TEASERS = [
    "Как се декларира доходът от наем и колко е данъкът",
    "Доходите от отдаване на имущество под наем се облагат с 10% данък, а декларацията се подава до края на април.",
    "Данъци | 14.03.2025",
    "Трябва ли да плащам данък, ако давам апартамента на роднина безплатно?",
    "Въпрос на читател: Майка ми живее в моя апартамент, без да ми плаща наем. Дължа ли данък за това?",
    "Въпроси и отговори | Преди 2 седмици",
]


def test_a_search_page_cut_after_two_teasers_holds_no_article():
    dump = "\n".join(["ЮрисНюз – правото ясно и разбираемо", "Търсене: данък наем",
                      "Резултати от търсенето за „данък наем“", "Намерени са 37 резултата", *SEARCH_TEASERS, "« 1 2 3 4 »"])
    record = newsclean.extract(dump)
    assert "no_article" in record.warnings
    assert record.headline is None and record.published is None


def test_an_article_under_an_aggregators_tagline_naming_all_news_keeps_its_body():
    """'Всички новини' in a tagline far above the article, topic links and
    a dateline between: not a listing's heading over teasers."""
    story = ["Над 40 рибари от Созопол и Черноморец подписаха петиция до министерството с искане за забрана на траленето в залива.",
             "„Миналата година извадихме наполовина по-малко риба от предишната“, казва един от тях пред местни медии.",
             "Петицията е внесена и в агенцията по рибарство, която трябва да отговори до един месец."]
    dump = "\n".join(["Рибари от Созопол настояват за забрана на траленето в залива", "vsichkinovini.net",
                      "Всички новини от всички сайтове на едно място", "Горещо:", "Поскъпване на горивата",
                      "Изборите в Румъния", "Летен сезон 2025", "08.05.2025 | 14:32", "България", *story])
    record = newsclean.extract(dump)
    assert "no_article" not in record.warnings
    assert record.body == "\n\n".join(story)
