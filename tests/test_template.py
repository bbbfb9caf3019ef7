"""A folder's template: copies of one article count once when it is learnt,
it removes only what looks like a template, and a user can see it.

The folders are built from fixture pages: one article re-scraped with
other teasers, carried by other sites in their own chrome, or saved again
with only its dateline changed, among pages of other sites; and many
distinct articles in one site's chrome.  Each file of a folder must come
out as it does alone, but for the site's furniture.
"""
import json
import random
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.blocks import split_units
from newsclean.cli import main
from newsclean.evaluate import overlap_scores, tokens
from newsclean.features import measure_page
from newsclean.page import is_article_prose
from newsclean.template import learn_texts

from conftest import extract_alone

ROOT = Path(__file__).resolve().parent.parent
# Copied articles, each with its dateline.
GUESTS = {
    "fixtures/dev/agency_01_grain_exports.txt": "18.11.2025 14:05",
    "fixtures/dev/tvsite_01_wildfire.txt": "14:20, 22.07.2024",
    "fixtures/blind3/maritime_03_ferry_line.txt": "19.11.2024 | 18:22",
}
# Pages of other sites, around the copies.
OTHERS = [f"fixtures/dev/{name}.txt" for name in (
    "business_01_bank_profits", "citynews_01_tram_line", "culture_01_poster_exhibition", "daily_02_euro_interview",
    "health_01_autumn_viruses", "lifestyle_01_sleep", "localgov_01_bus_line", "longread_02_railway_branch",
    "opinion_01_vanishing_towns", "radio_01_farmers_protest")]
# Sites that carry a story in their own menus and footers.
HOSTS = [f"fixtures/dev/{name}.txt" for name in (
    "business_02_port_concession", "citynews_02_park_garden", "health_02_women_heart", "opinion_02_coal_transition",
    "sports_01_derby_report")]
SITE_NOTICE = "Сигнали за нередности в квартала изпращайте на редакцията на „Градски вести“ по всяко време."
# An explain line of a unit the template removed: index, label, gap, T.
MARKED = re.compile(r"^ *\d+ \S+ +[| ]T ")
BACKGROUND = ("Припомняме, че общината обяви програмата за ремонт на улиците и водопроводите през пролетта, "
              "като първите обекти бяха избрани след обществено обсъждане с жителите на всички квартали.")


def text_of(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def article_lines(path: str) -> tuple[int, int]:
    """The lines of a fixture page from its headline to its last paragraph,
    found from its expected record."""
    gold = json.loads((ROOT / path).with_suffix(".json").read_text(encoding="utf-8"))
    lines = text_of(path).split("\n")
    first = next(i for i, line in enumerate(lines) if gold["headline"] in line)
    last_paragraph = gold["body"].split("\n\n")[-1]
    return first, max(i for i, line in enumerate(lines) if last_paragraph[:40] in line)


def carried_by(guest: str, host: str, after: tuple[str, ...] = ()) -> str:
    """The host page with its article replaced by the guest's, and ``after``
    printed under it."""
    (first, last), (host_first, host_last) = article_lines(guest), article_lines(host)
    guest_lines, host_lines = text_of(guest).split("\n"), text_of(host).split("\n")
    return "\n".join(host_lines[:host_first] + guest_lines[first:last + 1] + [""]
                     + [line for paragraph in after for line in (paragraph, "")] + host_lines[host_last + 1:])


def write_folder(folder: Path, copies: list[str], others: list[str]) -> list[Path]:
    """The pages under names that mix the copies among the others."""
    pages = copies + others
    random.Random(0).shuffle(pages)
    folder.mkdir()
    paths = [folder / f"{i:02d}.txt" for i in range(len(pages))]
    for path, text in zip(paths, pages):
        path.write_text(text, encoding="utf-8")
    return paths


def folder_records(folder: Path) -> dict[str, dict]:
    result = CliRunner().invoke(main, ["extract", str(folder), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    return {record["source"]: record for record in map(json.loads, result.stdout.splitlines())}


def assert_as_alone(folder: Path, paths: list[Path]) -> None:
    """Each file of the folder has the headline and date it has alone, and
    its body with a token F1 of at least 0.99."""
    together = folder_records(folder)
    for path in paths:
        alone, record = extract_alone(path).to_dict(), together[str(path)]
        assert (record["headline"], record["published"]) == (alone["headline"], alone["published"]), path
        assert overlap_scores(tokens(alone["body"]), tokens(record["body"]))[2] >= 0.99, path


# --- copies of one article count once ------------------------------------------

@pytest.mark.parametrize("guest", sorted(GUESTS))
def test_a_page_scraped_again_with_other_teasers_keeps_its_article(tmp_path, guest):
    teasers = ["Затвориха пътя Пловдив - Асеновград заради свлачище", "Учители излизат на протест в понеделник",
               "Нов парк ще бъде открит в квартал Тракия", "Цените на тока остават същите до лятото"]
    copies = [f"{text_of(guest)}\n\nОще по темата\n\n{teaser}\n" for teaser in teasers]
    paths = write_folder(tmp_path / "dump", copies, [text_of(p) for p in OTHERS[:6]])
    assert extract_alone(paths[0]).headline
    assert_as_alone(tmp_path / "dump", paths)


@pytest.mark.parametrize("guest", sorted(GUESTS))
def test_a_story_other_sites_carry_in_their_own_chrome_keeps_its_article(tmp_path, guest):
    copies = [carried_by(guest, host) for host in HOSTS]
    paths = write_folder(tmp_path / "dump", copies, [text_of(p) for p in OTHERS[:5]])
    assert_as_alone(tmp_path / "dump", paths)


@pytest.mark.parametrize("guest", sorted(GUESTS))
def test_thirty_copies_differing_only_in_the_dateline_keep_their_article(tmp_path, guest):
    dateline = GUESTS[guest]
    minute = dateline[dateline.index(":"):][:3]
    copies = [text_of(guest).replace(dateline, dateline.replace(minute, f":{i:02d}"), 1) for i in range(30)]
    assert len(set(copies)) == 30
    paths = write_folder(tmp_path / "dump", copies, [text_of(p) for p in OTHERS])
    assert_as_alone(tmp_path / "dump", paths)


def test_a_list_of_titles_fetched_again_and_again_leaves_the_articles_it_lists_their_headlines(tmp_path):
    listed = list(GUESTS) + OTHERS[:2]
    headlines = [extract_alone(ROOT / path).headline for path in listed]

    def front_page(fetch: int) -> str:
        teasers = [f"{headline}\n{10 + fetch}:{i:02d}" for i, headline in enumerate(headlines)]
        return "\n\n".join(["Новини Днес", "Начало | Новини | Спорт | Култура", *teasers,
                              f"Най-новото заглавие на сайта номер {fetch}"])

    paths = write_folder(tmp_path / "dump", [front_page(fetch) for fetch in range(5)],
                         [text_of(p) for p in listed + OTHERS[2:7]])
    assert_as_alone(tmp_path / "dump", paths)


def test_copies_count_once_and_distinct_articles_apart():
    article = text_of("fixtures/dev/agency_01_grain_exports.txt")
    rescrapes = [f"{article}\n\nОще по темата\n\nЗаглавие номер {i}\n" for i in range(4)]
    learnt = learn_texts(rescrapes + [text_of(p) for p in OTHERS[:3]])
    assert (learnt.pages, learnt.distinct) == (7, 4)
    assert learnt.keys == frozenset()


# --- the template still removes a site's furniture --------------------------------

def test_many_articles_of_one_site_lose_the_sites_shared_line_and_keep_their_articles(tmp_path):
    guests = list(GUESTS) + OTHERS
    pages = [carried_by(guest, "fixtures/dev/tvsite_02_tram_repair.txt", (SITE_NOTICE,)) for guest in guests]
    paths = write_folder(tmp_path / "site", pages, [])
    learnt = learn_texts(pages)
    assert learnt.distinct == len(guests)
    assert learnt.seen[" ".join(tokens(SITE_NOTICE))] == len(guests)
    together = folder_records(tmp_path / "site")
    for path in paths:
        alone, record = extract_alone(path).to_dict(), together[str(path)]
        assert SITE_NOTICE in alone["body"] and SITE_NOTICE not in record["body"], path
        assert (record["headline"], record["published"]) == (alone["headline"], alone["published"]), path
        assert record["body"] == alone["body"].replace(f"\n\n{SITE_NOTICE}", ""), path


# --- the guard: prose that reads as an article is never template ---------------

def features_of(*lines: str):
    return measure_page(list(lines), datetime(2026, 3, 10, tzinfo=timezone.utc))


def test_only_a_long_paragraph_of_prose_reads_as_an_article():
    notice = ("Перспектива е независима медия без реклами и без партийни пари. Ако искате да продължим да "
              "публикуваме, подкрепете ни с дарение.")
    menu = " ".join(["Начало", "Новини", "България", "Свят", "Икономика", "Спорт", "Култура", "Здраве"] * 4)
    unfinished = BACKGROUND.rstrip(".") + " и"
    assert [is_article_prose(f) for f in features_of(BACKGROUND, SITE_NOTICE, notice, menu, unfinished)] == \
           [True, False, False, False, False]


def test_a_paragraph_every_article_of_a_site_repeats_stays_and_its_notice_goes(tmp_path):
    pages = [carried_by(guest, "fixtures/dev/tvsite_02_tram_repair.txt", (BACKGROUND, SITE_NOTICE))
             for guest in list(GUESTS) + OTHERS]
    paths = write_folder(tmp_path / "site", pages, [])
    learnt = learn_texts(pages)
    assert " ".join(tokens(SITE_NOTICE)) in learnt.keys and " ".join(tokens(BACKGROUND)) not in learnt.keys
    together = folder_records(tmp_path / "site")
    for path in paths:
        assert BACKGROUND in together[str(path)]["body"] and SITE_NOTICE not in together[str(path)]["body"], path


def test_a_template_given_by_hand_never_removes_article_prose():
    import newsclean
    page = text_of("fixtures/dev/agency_01_grain_exports.txt")
    paragraphs = [u.text for u in split_units(page) if u.text.startswith("Износът на зърнени култури")]
    template = frozenset(" ".join(tokens(p)) for p in paragraphs)
    assert newsclean.extract(page, template=template).body == newsclean.extract(page).body


# --- seeing a folder's template ---------------------------------------------------

def test_the_template_command_prints_each_line_with_the_pages_it_was_seen_on(tmp_path):
    guests = list(GUESTS) + OTHERS[:3]
    # The first article again, three times without the site's chrome: copies of it.
    rescrapes = [f"{text_of(guests[0])}\n\nЗаглавие номер {i}\n" for i in range(3)]
    write_folder(tmp_path / "site", [carried_by(g, "fixtures/dev/tvsite_02_tram_repair.txt", (SITE_NOTICE,))
                                     for g in guests], rescrapes)
    result = CliRunner().invoke(main, ["template", str(tmp_path / "site")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{tmp_path / 'site'}: {len(lines) - 1} template lines, learnt from 9 pages, "
                        "6 of them distinct (copies of one page count once)")
    assert f"     6  {SITE_NOTICE}" in lines


def test_the_template_command_says_when_a_folder_has_none(tmp_path):
    write_folder(tmp_path / "pair", [text_of(p) for p in OTHERS[:2]], [])
    result = CliRunner().invoke(main, ["template", str(tmp_path / "pair")])
    assert result.stdout == f"{tmp_path / 'pair'}: fewer than 3 files, extracted alone: no template\n"


def test_explain_marks_the_lines_the_folders_template_removes(tmp_path):
    paths = write_folder(tmp_path / "site", [carried_by(g, "fixtures/dev/tvsite_02_tram_repair.txt", (SITE_NOTICE,))
                                             for g in GUESTS], [])
    result = CliRunner().invoke(main, ["explain", str(paths[0]), "--template"])
    assert result.exit_code == 0, result.stderr
    marked = [line for line in result.stdout.splitlines() if SITE_NOTICE[:40] in line]
    assert len(marked) == 1 and MARKED.match(marked[0]) and "site template: seen on 3 of 3 distinct pages" in marked[0]
    plain = CliRunner().invoke(main, ["explain", str(paths[0])]).stdout.splitlines()
    assert SITE_NOTICE[:40] in plain[22] and not any(map(MARKED.match, plain))
