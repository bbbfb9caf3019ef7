"""The annotated corpus: its sets, and pages of the seeds' layouts.

Each set's scores are held by the accuracy gate (tests/test_accuracy.py).
"""
import pytest

from newsclean.evaluate import evaluate, load_gold

from conftest import DEV, FIXTURES, extract_alone, fixture_sets, set_name


def layouts(folder) -> set[str]:
    """A set's layouts: the first part of its page names (``radio_01_...``)."""
    return {p.name.split("_")[0] for p in folder.glob("*.json")}


def test_the_dev_set_has_sixty_pages_in_fifteen_layouts_and_the_unseen_sets_their_sizes():
    assert len(list(DEV.glob("*.json"))) >= 60 and len(layouts(DEV)) >= 15
    for name, pages in (("heldout", 15), ("blind2", 20), ("blind3", 15)):
        assert len(list((FIXTURES / name).glob("*.json"))) >= pages


def test_no_layout_is_in_two_fixture_sets():
    seen: dict[str, str] = {}
    for folder in fixture_sets():
        for layout in layouts(folder):
            assert layout not in seen, f"{layout} is in {seen[layout]} and {set_name(folder)}"
            seen[layout] = set_name(folder)


@pytest.mark.parametrize("name", [
    "feedportal_01_danube_bridge", "feedportal_02_greek_ferry",
    "netportal_01_heatwave", "netportal_02_lithium",
    "weeklymag_01_water_reform", "weeklymag_02_ai_schools",
    "agency_01_grain_exports", "agency_02_hospital_cyberattack",
])
def test_pages_of_the_seed_layouts_keep_body_and_dates(name):
    """Other articles of the seeds' sites, with other wording, lengths and
    order, come out with the body and dates their annotation asks for."""
    report = evaluate(load_gold(DEV), {name: extract_alone(DEV / f"{name}.txt").to_dict()})
    scored = next(f for f in report.files if f.name == name)
    assert scored.f1 >= 0.95
    assert not scored.false_date and not scored.false_headline
