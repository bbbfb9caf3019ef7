"""The accuracy gate: no fixture set scores below tests/accuracy_baseline.json.

A lower score, or more false dates, false headlines or articles flagged
no_article than the baseline holds, fails here; so does a set whose pages
changed since the baseline was measured, and a set without one.
``python tests/update_baseline.py`` re-measures and writes the baseline
(``--allow-lower`` to write a lower score).
"""
import json

import pytest

import update_baseline
from conftest import FIXTURES, fixture_sets, set_name
from update_baseline import drops, measure, read_baseline

BASELINE = read_baseline()
UPDATE = "python tests/update_baseline.py"


@pytest.mark.parametrize("folder", fixture_sets(), ids=set_name)
def test_fixture_set_scores_no_lower_than_its_baseline(folder):
    name = set_name(folder)
    assert name in BASELINE, f"{name} has no baseline: {UPDATE}"
    measured = measure(folder)
    assert not measured.failures
    lower = drops(BASELINE[name]["scores"], measured.scores)
    assert not lower, f"{name} scores lower than its baseline: " + "; ".join(lower)
    assert measured.digest == BASELINE[name]["digest"], \
        f"{name}'s pages or expected records changed since the baseline was measured: {UPDATE}"


def test_every_set_in_the_baseline_is_a_fixture_set():
    assert sorted(BASELINE) == [set_name(folder) for folder in fixture_sets()]


def test_a_lower_score_a_lost_score_or_more_mistakes_is_a_drop_and_a_gain_is_not():
    baseline = {"body_f1": 0.9, "captions_precision": None, "captions_recall": 0.5, "false_dates": 1}
    assert drops(baseline, {"body_f1": 0.95, "captions_precision": 0.5, "captions_recall": 0.5, "false_dates": 0}) == []
    assert drops(baseline, {"body_f1": 0.89, "captions_precision": None, "captions_recall": None, "false_dates": 2}) == [
        "body_f1: 0.9 -> 0.89", "captions_recall: 0.5 -> None", "false_dates: 1 -> 2"]


def test_the_update_writes_a_lower_baseline_only_when_allowed(tmp_path, monkeypatch):
    dates = FIXTURES / "dates"
    monkeypatch.setattr(update_baseline, "fixture_sets", lambda: [dates])
    monkeypatch.setattr(update_baseline, "BASELINE", tmp_path / "baseline.json")
    measured = measure(dates).entry()
    higher = {**measured, "scores": {**measured["scores"], "false_dates": -1}}
    for baseline in ({"fixtures/dates": higher}, {"fixtures/dates": measured, "fixtures/gone": measured}):
        update_baseline.BASELINE.write_text(json.dumps(baseline), encoding="utf-8")
        assert update_baseline.main([]) == 1
        assert read_baseline() == baseline
        assert update_baseline.main(["--allow-lower"]) == 0
        assert read_baseline() == {"fixtures/dates": measured}
