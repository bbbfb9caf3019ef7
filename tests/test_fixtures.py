"""The annotated corpus: measured scores stay at or above their floors.

The floors are the scores measured when they were set (README, "Accuracy");
a change that lowers them fails here.  fixtures/heldout/ and
fixtures/blind2/ were each first measured blind (README, "Accuracy", says
which rules later came from their failures); their floors guard against
regressions.
"""
import pytest

from newsclean.evaluate import evaluate, load_gold
from newsclean.runner import process

from conftest import DEV, ROOT

FLOORS = {
    "fixtures/dev": {"body_f1": 0.99, "headline_accuracy": 0.98, "false_dates": 0, "false_headlines": 0},
    "fixtures/heldout": {"body_f1": 0.98, "headline_accuracy": 0.95, "false_dates": 0, "false_headlines": 0},
    "fixtures/blind2": {"body_f1": 0.99, "headline_accuracy": 0.95, "false_dates": 0, "false_headlines": 0},
}
# fixtures/blind3 still fails on some pages (README, "Accuracy"): its floors
# hold today's scores, and its listing page that is still read as an
# article is not required to be no_article.
PARTIAL_FLOORS = {
    "fixtures/blind3": {"body_f1": 0.99, "headline_accuracy": 0.77, "false_dates": 1, "false_headlines": 2},
}


def _report(folder: str):
    gold_dir = ROOT / folder
    gold = load_gold(gold_dir)
    records = {p.stem: process(str(p), None).to_dict() for p in sorted(gold_dir.glob("*.txt"))}
    return evaluate(gold, records)


def _assert_at_or_above(summary: dict, floor: dict) -> None:
    assert summary["missing"] == 0
    assert summary["body"]["macro_f1"] >= floor["body_f1"]
    assert summary["headline"]["accuracy"] >= floor["headline_accuracy"]
    assert summary["published"]["false_date"] <= floor["false_dates"]
    assert summary["headline"]["false_headline"] <= floor["false_headlines"]


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_corpus_scores_stay_at_or_above_their_floors(folder):
    summary = _report(folder).summary()
    _assert_at_or_above(summary, FLOORS[folder])
    assert summary["no_article"]["right"] == summary["no_article"]["docs"]  # every listing page, front page and forum thread is no_article


@pytest.mark.parametrize("folder", sorted(PARTIAL_FLOORS))
def test_partly_fixed_corpus_scores_stay_at_or_above_their_floors(folder):
    _assert_at_or_above(_report(folder).summary(), PARTIAL_FLOORS[folder])


def test_corpus_has_sixty_dev_pages_in_fifteen_layouts_and_two_sets_in_other_layouts():
    dev = sorted(DEV.glob("*.json"))
    heldout = sorted((ROOT / "fixtures" / "heldout").glob("*.json"))
    blind2 = sorted((ROOT / "fixtures" / "blind2").glob("*.json"))
    blind3 = sorted((ROOT / "fixtures" / "blind3").glob("*.json"))
    layouts = {p.name.split("_")[0] for p in dev}
    assert len(dev) >= 60 and len(layouts) >= 15
    assert len(heldout) >= 15 and len(blind2) >= 20 and len(blind3) >= 15
    heldout_layouts = {p.name.split("_")[0] for p in heldout}
    blind2_layouts = {p.name.split("_")[0] for p in blind2}
    assert not layouts & heldout_layouts and not layouts & blind2_layouts and not heldout_layouts & blind2_layouts


@pytest.mark.parametrize("name", [
    "feedportal_01_danube_bridge", "feedportal_02_greek_ferry",
    "netportal_01_heatwave", "netportal_02_lithium",
    "weeklymag_01_water_reform", "weeklymag_02_ai_schools",
    "agency_01_grain_exports", "agency_02_hospital_cyberattack",
])
def test_pages_of_the_seed_layouts_keep_body_and_dates(name):
    """Other articles of the seeds' sites, with other wording, lengths and
    order, come out with the body and dates their annotation asks for."""
    report = evaluate(load_gold(DEV), {name: process(str(DEV / f"{name}.txt"), None).to_dict()})
    scored = next(f for f in report.files if f.name == name)
    assert scored.f1 >= 0.95
    assert not scored.false_date and not scored.false_headline
