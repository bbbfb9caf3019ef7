"""The batch API: grouping, learning a template from bytes and extracting
one item give what ``newsclean extract --jobs 1`` gives, and an item never
raises.  Also inputs named by fsspec URLs (the memory file system)."""
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsclean import batch
from newsclean.batch import Failure, Group, extract_item, folder_of, group_inputs, learn_template
from newsclean.inputs import walk_inputs

from conftest import extract, numbered_article, write_pages
from test_batch import SITE_LINE, write_site

MTIME = 1_767_225_600  # 2026-01-01 00:00 UTC


def relative_page(i: int) -> str:
    """An article dated only "two hours ago": its date is its file's mtime less two hours."""
    return numbered_article(i).replace("10:25 - 30.01.2026", "Преди 2 часа")


def build_tree(root: Path) -> list[Path]:
    """A site's folder (a template to learn), a folder of two, a relative
    date, a binary file, a name starting with '_'; every mtime fixed."""
    write_site(root / "site", 4)
    write_pages(root / "pair", ["a.txt", "_b.txt"])
    (root / "site" / "late.txt").write_text(relative_page(7), encoding="utf-8")
    (root / "pair" / "bin.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        os.utime(path, (MTIME, MTIME))
    return files


def by_the_api(root: Path) -> tuple[list[str], list[Failure]]:
    """The records and failures of a tree, made with the batch API alone."""
    sources = [item.source for item in walk_inputs([str(root)], None)]
    records, failures = [], []
    for group in group_inputs(sources):
        sample = group.sample
        template = learn_template(Path(s).read_bytes() for s in sample) if sample else frozenset()
        for source in group.sources:
            made = extract_item(Path(source).read_bytes(), source, os.stat(source).st_mtime, template)
            if isinstance(made, Failure):
                failures.append(made)
            else:
                records.append(made.to_json())
    return records, failures


def test_the_api_gives_the_records_and_failures_of_the_command(tmp_path):
    build_tree(tmp_path)
    records, failures = by_the_api(tmp_path)
    command = extract(tmp_path, "--jobs", "1")
    assert command.exit_code == 1
    assert sorted(records) == sorted(command.stdout.splitlines())
    assert [f"newsclean: {f.source}: {f.reason}" for f in failures] == \
           [line for line in command.stderr.splitlines() if not line.startswith("newsclean: 8 read")]
    made = {json.loads(line)["source"]: json.loads(line) for line in records}
    assert all(SITE_LINE not in made[str(tmp_path / "site" / f"p{i}.txt")]["body"] for i in range(4))
    assert made[str(tmp_path / "site" / "late.txt")]["published"] == "2026-01-01T00:00:00+02:00"
    assert failures == [Failure(str(tmp_path / "pair" / "bin.dat"), "binary file", batch.FAILED)]


def test_groups_are_the_folders_whose_files_share_a_template(tmp_path):
    build_tree(tmp_path)
    groups = group_inputs(item.source for item in walk_inputs([str(tmp_path)], None))
    assert [(Path(g.key).name, [Path(s).name for s in g.sources]) for g in groups] == [
        ("pair", ["_b.txt", "a.txt", "bin.dat"]),
        ("site", ["late.txt", "p0.txt", "p1.txt", "p2.txt", "p3.txt"])]
    assert groups[0].sample == groups[0].sources


def test_a_source_without_a_key_stands_alone_in_its_place_and_the_key_can_be_another():
    sources = ["a/1.txt", "named.txt", "b/1.txt", "a/2.txt"]
    alone_if_named = group_inputs(sources, key=lambda s: folder_of(s) or None)
    assert alone_if_named == [Group("a", ("a/1.txt", "a/2.txt")), Group(None, ("named.txt",)),
                              Group("b", ("b/1.txt",))]
    assert alone_if_named[1].sample is None
    by_name = group_inputs(sources, key=lambda s: s.rpartition("/")[2])
    assert [g.sources for g in by_name] == [("a/1.txt", "b/1.txt"), ("named.txt",), ("a/2.txt",)]


def test_an_item_never_raises(monkeypatch):
    assert extract_item(b"\x00\x01\x02", "x.bin", None) == Failure("x.bin", "binary file", batch.FAILED)
    assert extract_item(b"12345", "big.txt", None, max_bytes=4) == \
           Failure("big.txt", "larger than --max-bytes (4 bytes)", batch.OVERSIZED)

    def broken(*_args, **_kwargs):
        raise ValueError("a bug")
    monkeypatch.setattr(batch, "extract_bytes", broken)
    assert extract_item(b"text", "odd.txt", None) == Failure("odd.txt", "internal error: ValueError: a bug")


def test_relative_dates_are_read_against_now_before_the_mtime():
    page = relative_page(1).encode()
    assert extract_item(page, "p.txt", None).published is None
    assert extract_item(page, "p.txt", MTIME).published == "2026-01-01T00:00:00+02:00"
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    assert extract_item(page, "p.txt", MTIME, now=now).published == "2026-05-01T13:00:00+03:00"


# --- inputs named by URLs ---------------------------------------------------------

@pytest.fixture
def memory():
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    yield fs
    if fs.exists("/dump"):
        fs.rm("/dump", recursive=True)


def test_a_folder_named_by_a_url_is_walked_and_read_as_a_local_one(memory, tmp_path):
    files = build_tree(tmp_path / "dump")
    for path in files:
        memory.pipe("/dump/" + path.relative_to(tmp_path / "dump").as_posix(), path.read_bytes())
    memory.pipe("/dump/.hidden.txt", b"x")
    local = extract(tmp_path / "dump", "--jobs", "1", "--now", "2026-01-01T00:00:00+00:00")
    remote = extract("memory://dump", "--jobs", "1", "--now", "2026-01-01T00:00:00+00:00")
    assert remote.exit_code == local.exit_code == 1
    assert remote.stdout == local.stdout.replace(str(tmp_path / "dump"), "memory://dump")
    assert remote.stderr.splitlines()[0] == "newsclean: memory://dump/pair/bin.dat: binary file"


def test_a_url_that_cannot_be_read_fails_as_a_path_does(memory):
    result = extract("memory://dump/none.txt", "nobackend://x/y.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "newsclean: memory://dump/none.txt: no such file",
        "newsclean: nobackend://x/y.txt: no file system for nobackend:// (protocol not known: nobackend)"]
