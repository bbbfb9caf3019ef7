"""What the README promises that the code and its tests can hold it to."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCE = ROOT / "src" / "newsclean"


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


def first_column(text: str) -> list[str]:
    """The first cell of each row of the tables in ``text``, without backquotes."""
    return [cell.strip("`") for cell in re.findall(r"^\| *([^|]+?) *\|", text, re.M)
            if not set(cell) <= set("-") and cell not in ("warning", "status")]


def warnings_in_code() -> set[str]:
    """Every warning the code adds to a record: the names the pipeline,
    decoding and the record append to its warnings (``decoded_as:{encoding}``
    read as ``decoded_as:NAME``)."""
    found = set()
    for module in SOURCE.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        found |= set(re.findall(r'append\(f?"([a-z_]+(?::\{\w+\})?)"\)|\(\*warnings, "([a-z_]+)"\)', text))
    return {re.sub(r"\{\w+\}", "NAME", name) for pair in found for name in pair if name}


def test_one_warnings_table_holds_every_warning_the_code_can_give():
    assert README.count("| warning | meaning |") == 1
    listed = first_column(section("Warnings"))
    assert len(listed) == len(set(listed))
    assert set(listed) == warnings_in_code()
    assert len(listed) == 10
