"""What the test modules share: the repository's paths, the clock the
fixtures' relative dates are read against, the small pages tests build,
the contract every record keeps, and readers of a batch run's output.

Test modules import these names from here (``from conftest import ...``)
rather than from one another.
"""
from __future__ import annotations

import json
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DEV = FIXTURES / "dev"
BAD = FIXTURES / "bad"
SEED_GOLD = FIXTURES / "seeds"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# The project's shared scorer: in shared/ beside the checkout, or beside a
# folder above it (a git worktree's); None where there is none.
SHARED_SCORER = next((found for found in (folder / "shared" / "tools" / "score.py" for folder in ROOT.parents)
                      if found.is_file()), None)
# The day the fixture sets were measured: the pages' relative times
# ("преди 2 часа") are read against it, so their dates do not depend on when
# the files were checked out.
FIXTURES_NOW = datetime.fromisoformat("2026-11-22T12:00:00+02:00")


def fixture_sets() -> list[Path]:
    """Every folder under fixtures/ whose pages have their expected records
    beside them (NAME.txt and NAME.json)."""
    folders = {p.parent for p in FIXTURES.rglob("*.json") if p.with_suffix(".txt").is_file()}
    return sorted(folders)


def set_name(folder: Path) -> str:
    """A fixture set as the README and the accuracy baseline name it: ``fixtures/dev``."""
    return folder.relative_to(ROOT).as_posix()


# --- small pages ------------------------------------------------------------------

ARTICLE = [
    "Кметът на Пловдив откри новия мост над Марица след две години ремонт. Съоръжението е дълго 180 метра и има две ленти за движение във всяка посока.",
    "Ремонтът струва 14 млн. лв. и беше финансиран от общинския бюджет и от европейски програми, съобщиха от общината.",
    "По моста вече минават и автобусите на градския транспорт, а велосипедистите имат отделна алея от източната страна на съоръжението.",
]


def page(*blocks: str) -> str:
    """A dump of these blocks, one blank line between them."""
    return "\n\n".join(blocks)


def numbered_article(i: int, extra: str = "") -> str:
    """A short article the pipeline makes a full record of, told apart from
    the others by its number."""
    return (f"Общината ремонтира улица номер {i}{extra}\n\n"
            "10:25 - 30.01.2026\n\n"
            f"Ремонтът на улица „Васил Левски“ номер {i} започва в понеделник и ще продължи две седмици, "
            "съобщиха от общината. Движението ще бъде пренасочено по съседните улици.\n\n"
            "Кметът заяви, че работите ще бъдат завършени преди началото на учебната година.\n")


def extract_alone(path: str | Path) -> newsclean.Record:
    """The record of one file on its own, as ``newsclean extract FILE``
    makes it: no template, relative dates read against its modification time."""
    mtime = datetime.fromtimestamp(os.stat(path).st_mtime, tz=timezone.utc)
    return newsclean.extract_bytes(Path(path).read_bytes(), source=str(path), now=mtime)


def write_pages(folder: Path, names: list[str]) -> None:
    """One numbered article under each name (subfolders made as needed)."""
    for i, name in enumerate(names):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(numbered_article(i), encoding="utf-8")


# --- the record's contract -----------------------------------------------------------

KEYS = ["source", "headline", "published", "updated", "author", "body", "captions", "site", "warnings"]
# A day, or a time with the offset; the crawler's own line can give a month.
ISO_VALUE = re.compile(r"\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?)?")
WARNING = re.compile(r"[a-z_]+|decoded_as:(cp1251|koi8-r|iso-8859-5|utf-16-le|utf-16-be)")


def assert_valid_record(record: newsclean.Record) -> None:
    """The record keeps SPEC.md's contract: keys and order, types, ISO
    dates, one-line fields, body paragraphs one line each joined by one
    blank line, and it serialises to one line of UTF-8 JSON."""
    data = record.to_dict()
    assert list(data) == KEYS
    for key in ("headline", "author", "site"):
        value = data[key]
        assert value is None or (isinstance(value, str) and value and "\n" not in value
                                 and value == value.strip()), (key, value)
    for key in ("published", "updated"):
        value = data[key]
        if value is not None:
            assert ISO_VALUE.fullmatch(value), (key, value)
            if len(value) > 7:
                datetime.fromisoformat(value)
    body = data["body"]
    assert isinstance(body, str)
    if body:
        for paragraph in body.split("\n\n"):
            assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip(), repr(paragraph)
    assert isinstance(data["captions"], list)
    for caption in data["captions"]:
        assert isinstance(caption, str) and caption and "\n" not in caption
    assert isinstance(data["warnings"], list)
    assert len(set(data["warnings"])) == len(data["warnings"])
    for warning in data["warnings"]:
        assert WARNING.fullmatch(warning), warning
    line = record.to_json()
    assert "\n" not in line
    assert json.loads(line.encode("utf-8")) == data


# --- a run's output ------------------------------------------------------------------

CLI = [sys.executable, "-c", "from newsclean.cli import main; main()"]
SUMMARY = re.compile(r"^newsclean: (\d+) read, (\d+) written, (\d+) skipped, (\d+) failed"
                     r"((?:, \d+ (?:missing|oversized|refused|known failures))*) in \d+\.\d s$", re.M)


def outcomes(stderr: str) -> dict[str, int]:
    """Every count of the summary line, by name; the outcomes it names only
    when there are some, as 0 when it does not."""
    found = SUMMARY.findall(stderr)
    assert len(found) == 1, stderr
    *shown, others = found[0]
    named = {name: int(n) for n, name in re.findall(r"(\d+) (\w+)", others)}
    return dict(zip(("read", "written", "skipped", "failed"), map(int, shown))) | \
        {name: named.get(name, 0) for name in ("missing", "oversized", "refused", "known")}


def counts(stderr: str) -> tuple[int, ...]:
    """(read, written, skipped, failed) from the summary line."""
    return tuple(outcomes(stderr)[name] for name in ("read", "written", "skipped", "failed"))


def records_under(out: Path) -> dict[str, dict]:
    """The records an output folder holds, by their path in it."""
    return {p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in out.rglob("*.json")}


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a run left behind."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def extract(*args, input=None):
    """``newsclean extract ARGS`` run in-process by click's test runner."""
    from click.testing import CliRunner
    from newsclean.cli import main

    return CliRunner().invoke(main, ["extract", *map(str, args)], input=input)
