"""What the README promises that the code and its tests can hold it to."""
import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README's text under ``### title``, up to the next heading."""
    found = re.findall(rf"^#+ {re.escape(title)}\n(.*?)(?=^#)", README, re.M | re.S)
    assert len(found) == 1, f"{len(found)} sections named {title!r}"
    return found[0]


def test_the_cron_example_names_newsclean_by_its_absolute_path_and_says_how_to_find_it():
    cron = section("Running from cron")
    jobs = re.findall(r"^(?:\S+ ){5}(\S+) extract ", cron, re.M)
    assert jobs and all(command.startswith("/") and command.endswith("/newsclean") for command in jobs)
    assert "`command -v newsclean`" in cron
