"""What the README promises that the code and its tests can hold it to."""
import ast
import re
from pathlib import Path

import click

from newsclean import cli, engines, runner

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


CONSTANTS = {**vars(engines), **vars(runner), **vars(cli)}
# The modules whose run() returns a run's exit status (read as source, so
# that the dask engine is checked where its extra is not installed).
ENGINES = ("runner", "dask_engine")


def statuses_of(expression: ast.expr, where: str) -> set[int]:
    """The statuses an exit status is chosen from: EXIT_* constants, or a
    lookup in a table of them; any other way of making one (a number,
    arithmetic) fails, since the README could not be checked against it."""
    if isinstance(expression, ast.Name) and expression.id.startswith("EXIT_"):
        return {CONSTANTS[expression.id]}
    if isinstance(expression, ast.Subscript) and isinstance(expression.value, ast.Name):
        table = CONSTANTS[expression.value.id]
        assert all(status in CONSTANTS.values() for status in table.values())
        return set(table.values())
    if isinstance(expression, ast.IfExp):
        return statuses_of(expression.body, where) | statuses_of(expression.orelse, where)
    if isinstance(expression, ast.Call) and ast.unparse(expression.func).endswith("run"):
        return set()  # the engines' own returns are read below
    raise AssertionError(f"{where}: exit status {ast.unparse(expression)} is not an EXIT_* constant")


def statuses_in_code() -> set[int]:
    """Every status newsclean can exit with: each sys.exit() and click
    exit, every return of an engine's run, and click's usage error."""
    found = {click.UsageError.exit_code}
    for path in SOURCE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "exit" and node.args:
                found |= statuses_of(node.args[0], path.name)
            if isinstance(node, ast.FunctionDef) and node.name == "run" and path.stem in ENGINES:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return):
                        found |= statuses_of(inner.value, f"{path.stem}.run")
    return found


def test_the_exit_status_table_holds_every_status_the_code_can_return_and_no_other():
    assert README.count("| status | meaning |") == 1
    listed = [int(status) for status in first_column(section("Exit status"))]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(statuses_in_code())
    assert len(listed) == 8
