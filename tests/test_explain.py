"""`newsclean explain`: every unit of a page with its label and the reason."""
import re

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import main

from conftest import ARTICLE, page

TITLE = "Новият мост над Марица е открит"
# "   3 body        | Кметът на ...  <- in the article's run (...)"
UNIT = re.compile(r" *(\d+) (\w+) +[| ][T ] (.*?) *  <- (.+)")
HEAD = re.compile(r"(.+): (\d+) units; body units \[([\d, ]*)\], headline unit (\d+)")


def explain(path) -> tuple[re.Match, list[tuple[int, str, str, str]]]:
    """The head line and the (number, label, text, reason) of every unit
    (the headline candidates listed after the units aside)."""
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 0, result.stderr
    head, *lines = result.stdout.split("\nheadline candidates")[0].splitlines()
    units = []
    for line in lines:
        match = UNIT.fullmatch(line)
        assert match, line
        number, label, text, reason = match.groups()
        units.append((int(number), label, text, reason))
    summary = HEAD.fullmatch(head)
    assert summary, head
    return summary, units


def test_explain_labels_the_headline_the_body_and_an_inline_ad(tmp_path):
    path = tmp_path / "page.txt"
    text = page("Начало | Новини | Спорт | Култура | Времето", TITLE, "12.03.2025 10:15",
                ARTICLE[0], "Реклама", *ARTICLE[1:], "Сподели")
    path.write_text(text, encoding="utf-8")
    head, units = explain(path)
    labels = {shown: label for _, label, shown, _ in units}
    assert labels[TITLE] == "headline"
    assert labels["Реклама"] == "furniture"
    body = [(number, shown) for number, label, shown, _ in units if label == "body"]
    assert len(body) == len(ARTICLE)
    for (_, shown), paragraph in zip(body, ARTICLE):  # long lines are cut and end in "..."
        assert paragraph.startswith(shown.removesuffix("..."))
    assert all(reason for *_, reason in units)
    assert head[1] == str(path) and int(head[2]) == len(units)
    assert [int(n) for n in head[3].split(", ")] == [number for number, _ in body]
    assert units[int(head[4])][2] == TITLE
    record = newsclean.extract(text)
    assert record.headline == TITLE and record.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("name, content, reason", [
    ("gone.txt", None, "no such file"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
])
def test_explain_of_a_file_it_cannot_read_gives_one_error_line_and_status_1(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: {path}: {reason}\n"
    assert result.stdout == ""
