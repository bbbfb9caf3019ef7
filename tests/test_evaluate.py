"""`newsclean eval` scores records with the shared scorer's definitions and
reports the same figures it does."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsclean.cli import main
from newsclean.evaluate import evaluate

from conftest import FIXTURES, FIXTURES_NOW, ROOT, SEED_GOLD, SHARED_SCORER, fixture_sets, set_name

# What the shared scorer's JSON holds and eval's does not: records with an
# "error" key (newsclean writes none: a failed input is missing), problems
# of the JSON Lines file it reads (eval reads none), its per-file lists (eval
# lists its worst files as text) and its two arguments.
SCORER_ONLY = {"errors", "input_problems", "low_body", "per_doc", "gold_dir", "pred"}


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def eval_summary(folder, *options: str) -> dict:
    return json.loads(invoke("eval", str(folder), "--json", *options))


# (expected records, the pages' folder, eval's PATHS): every fixture set, and
# the seeds, whose expected records stand apart from their pages.
SCORED = [pytest.param(folder, folder, [], id=set_name(folder)) for folder in fixture_sets()] + [
    pytest.param(SEED_GOLD, ROOT / "seeds", [str(ROOT / "seeds")], id="seeds")]


@pytest.mark.skipif(SHARED_SCORER is None, reason="no shared/tools/score.py beside the checkout or above it")
@pytest.mark.parametrize("gold, pages, paths", SCORED)
def test_eval_reports_what_the_shared_scorer_reports_for_the_same_records(gold, pages, paths, tmp_path):
    now = FIXTURES_NOW.isoformat()
    predictions = tmp_path / "records.jsonl"
    predictions.write_text(invoke("extract", str(pages), "--glob", "*.txt", "--now", now, "--jobs", "1", "-q"),
                           encoding="utf-8")
    scorer = subprocess.run([sys.executable, str(SHARED_SCORER), str(gold), str(predictions), "--json"],
                            capture_output=True, text=True, check=True)
    scored = json.loads(scorer.stdout)
    summary = eval_summary(gold, *paths, "--now", now)
    assert set(summary) == set(scored) - SCORER_ONLY
    assert summary == {key: scored[key] for key in summary}


def test_eval_reads_relative_dates_against_now_not_the_files_time(tmp_path):
    gold = tmp_path / "dates"
    shutil.copytree(FIXTURES / "dates", gold)
    for path in gold.iterdir():
        os.utime(path, (2_000_000_000, 2_000_000_000))  # 2033
    assert eval_summary(gold, "--now", FIXTURES_NOW.isoformat())["published"]["exact"] == 1.0
    assert eval_summary(gold)["published"]["exact"] == 0.0


def test_a_page_eval_cannot_extract_is_reported_and_scored_as_missing(tmp_path):
    gold = tmp_path / "dates"
    shutil.copytree(FIXTURES / "dates", gold)
    broken = sorted(gold.glob("*.txt"))[0]
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(256))
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.stderr == f"newsclean: {broken}: binary file\n"
    summary = json.loads(result.stdout)
    assert (summary["docs"], summary["predicted"], summary["missing"]) == (2, 1, 1)


def summary_of(*pairs: tuple[dict, dict]) -> dict:
    """The summary of scoring each (expected, extracted) pair as one file."""
    gold = {f"p{i}": expected for i, (expected, _) in enumerate(pairs)}
    records = {f"p{i}": got for i, (_, got) in enumerate(pairs)}
    return evaluate(gold, records).summary()


def test_caption_items_match_after_folding_and_are_pooled_over_all_files():
    captions = summary_of(
        ({"captions": ["Кметът  Иван Тотев", "Мостът"]}, {"captions": ["Кметът Иван Тотев"]}),
        ({"captions": ["Паркът"]}, {"captions": ["Паркът", "Снимка: БТА", "Меню"]}),
        ({"captions": []}, {}),
    )["captions"]
    assert captions == {"exact": 1 / 3, "item_p": 2 / 4, "item_r": 2 / 3, "gold_items": 3}


def test_a_date_on_the_right_day_matches_the_day_and_a_wrong_date_is_one_on_another_day():
    day = "2025-03-12T10:15:00+02:00"
    published = summary_of(
        ({"published": day}, {"published": day}),
        ({"published": day}, {"published": "2025-03-12"}),
        ({"published": day}, {"published": "2025-03-13T10:15:00+02:00"}),
        ({"published": day}, {"published": None}),
        ({"published": None}, {"published": day}),
        ({"published": None}, {"published": None}),
    )["published"]
    assert published == {"exact": 2 / 6, "day_match": 3 / 6, "false_date": 1, "wrong_date": 1, "missed_date": 1}


def test_articles_flagged_no_article_are_counted_and_listings_are_right_without_a_body():
    no_article = {"warnings": ["no_article"]}
    body = " ".join(["дума"] * 30)
    summary = summary_of(
        ({"body": body}, {"body": "", **no_article}),
        ({"body": body}, {"body": body}),
        ({"body": "", **no_article}, {"body": body}),
        ({"body": "", **no_article}, {"body": "две думи", **no_article}),
    )
    assert summary["no_article"] == {"docs": 2, "right": 1, "false": 1}
    assert summary["body"]["docs"] == 2 and summary["body"]["macro_f1"] == 0.5


def test_headline_found_is_the_share_of_expected_headlines_given_right():
    headline = summary_of(
        ({"headline": "Мостът е открит"}, {"headline": " Мостът  е открит "}),
        ({"headline": "Паркът е открит"}, {"headline": None}),
        ({"headline": None}, {"headline": "Най-четени"}),
        ({"headline": None}, {"headline": "  "}),
    )["headline"]
    assert headline == {"accuracy": 2 / 4, "correct": 2, "false_headline": 1, "found": 1 / 2, "gold_headlines": 2}
