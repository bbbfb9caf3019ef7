"""Batch runs: output folder, incremental state, lock, parallel jobs, summary.

Everything runs on real files in tmp_path; the lock and --wait tests run the
command in a subprocess against a lock held by the test.
"""
import fcntl
import fnmatch
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean import runner, template, worker
from newsclean.cli import main
from newsclean.progress import Reporter
from newsclean.inputs import walk_inputs
from newsclean.state import hold_lock

from conftest import (CLI, ROOT, SUMMARY, counts, extract, extract_alone, leftovers, numbered_article, outcomes,
                      records_under, write_pages)


def plain_listing(paths: list[str], pattern: str | None = None) -> list[str]:
    """The order the README promises, by the plainest means: named paths in
    the order given, each folder's files (hidden ones and hidden folders
    skipped, ``pattern`` applied) sorted by full path."""
    listed = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            listed.append(path)
            continue
        found = []
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [os.path.join(root, name) for name in files
                      if not name.startswith(".") and (pattern is None or fnmatch.fnmatch(name, pattern))]
        listed += sorted(found)
    return listed


def records_of(stdout: str) -> dict[str, dict]:
    return {record["source"]: record for record in map(json.loads, stdout.splitlines())}


@contextmanager
def held_lock(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    write_pages(folder, ["a.txt", "a.html", "sub/b.txt", "sub/deeper/c.txt", ".hidden.txt"])
    return folder


# --- stdout, the default ---------------------------------------------------

def test_stdout_output_is_unchanged_for_the_seeds(monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = "".join(extract_alone(path).to_json() + "\n" for path in plain_listing(["seeds/"]))
    result = extract("seeds/", "--jobs", "2")
    assert result.exit_code == 0
    assert result.stdout == expected


def test_the_walk_finds_what_a_plain_sorted_listing_finds_in_the_same_order(tmp_path):
    write_pages(tmp_path, ["b/x.txt", "b-c/y.txt", "b.txt", "e.html", ".hid/z.txt", "d/.h.txt", "d/w.txt"])
    (tmp_path / "link").symlink_to(tmp_path / "b", target_is_directory=True)
    paths = [str(tmp_path), str(tmp_path / "e.html"), "-"]
    for pattern in (None, "*.txt"):
        assert [i.source for i in walk_inputs(paths, pattern)] == plain_listing(paths, pattern)


# --- finding the inputs ---------------------------------------------------------

def test_the_walk_lists_a_folder_only_when_its_files_are_reached(tmp_path, monkeypatch):
    write_pages(tmp_path, [f"{day}/{site}/p{i}.txt" for day in ("d1", "d2") for site in ("s1", "s2") for i in range(3)])
    listed = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: listed.append(os.path.relpath(path, tmp_path)) or scandir(path))
    found = walk_inputs([str(tmp_path)], None)
    assert next(found).source == str(tmp_path / "d1" / "s1" / "p0.txt")
    assert listed == [".", "d1", "d1/s1"]
    assert len(list(found)) == 11
    assert listed == [".", "d1", "d1/s1", "d1/s2", "d2", "d2/s1", "d2/s2"]


@pytest.fixture
def unlistable(monkeypatch):
    """Make a folder impossible to list: by its mode, or, for root, whom
    modes do not stop, by making os.scandir refuse it."""
    made = []

    def make(folder: Path) -> None:
        folder.chmod(0)
        made.append(folder)
        if os.access(folder, os.R_OK):
            scandir = os.scandir

            def refusing(path):
                if os.path.normpath(path) == str(folder):
                    raise PermissionError(13, "Permission denied", str(path))
                return scandir(path)
            monkeypatch.setattr(os, "scandir", refusing)
    yield make
    for folder in made:
        folder.chmod(0o755)


def test_a_folder_that_cannot_be_listed_fails_and_the_others_go_on(dump, unlistable):
    write_pages(dump / "locked", ["x.txt", "y.txt"])
    unlistable(dump / "locked")
    result = extract(dump)
    assert result.exit_code == 1
    assert f"newsclean: {dump / 'locked'}: cannot list this folder: permission denied" in result.stderr.splitlines()
    assert len(result.stdout.splitlines()) == 4
    assert outcomes(result.stderr) == {"read": 4, "written": 4, "skipped": 0, "failed": 0, "missing": 0,
                                       "oversized": 0, "refused": 1, "known": 0}


# --- templates learnt across the files of a folder ---------------------------

SITE_LINE = "Сигнали за нередности в квартала изпращайте на редакцията на „Градски вести“ по всяко време."
STREETS = ["Васил Левски", "Христо Ботев", "Шипка", "Раковски", "Цар Симеон"]
WORKS = ["подмяна на водопровода", "нова настилка", "ремонт на тротоарите", "нови улични лампи",
         "изграждане на велоалея"]


def site_page(i: int) -> str:
    """An article of one site: its own paragraphs, and the site's request for
    tips below every article, a sentence like any other on a page of its own."""
    street, work = STREETS[i], WORKS[i]
    return (f"Общината започва {work} на улица „{street}“\n\n{10 + i}:25 - 2{i}.01.2026\n\n"
            f"Ремонтът на улица „{street}“ включва {work} и ще продължи {i + 2} седмици, съобщиха от общината. "
            f"Движението по улица „{street}“ ще бъде пренасочено по съседните улици през цялото време.\n\n"
            f"Според кмета {work} ще струва {i + 3}00 хиляди лева и ще бъде платен от бюджета на общината. "
            f"Работниците ще започват в {7 + i} часа сутринта и ще спират преди {17 + i} часа вечерта, "
            f"за да не пречат на живущите край улица „{street}“.\n\n"
            f"{SITE_LINE}\n")


def write_site(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = [folder / f"p{i}.txt" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_text(site_page(i), encoding="utf-8")
    return paths


def test_a_line_every_page_of_a_folder_prints_is_dropped_only_from_the_folder(tmp_path):
    paths = write_site(tmp_path / "site", 4)
    alone = {str(p): extract_alone(p).to_dict() for p in paths}
    assert all(SITE_LINE in record["body"] for record in alone.values())
    for jobs in ("1", "2"):
        result = extract(tmp_path / "site", "--jobs", jobs)
        assert result.exit_code == 0, result.stderr
        together = records_of(result.stdout)
        assert sorted(together) == sorted(alone)
        for source, record in together.items():
            assert SITE_LINE not in record["body"]
            assert record["body"] == alone[source]["body"].replace("\n\n" + SITE_LINE, "")
            assert {k: v for k, v in record.items() if k != "body"} == \
                   {k: v for k, v in alone[source].items() if k != "body"}


def test_files_named_one_by_one_or_a_folder_of_two_are_extracted_alone(tmp_path):
    pair = write_site(tmp_path / "pair", 2)
    named = write_site(tmp_path / "named", 4)
    result = extract(tmp_path / "pair", *named)
    assert result.exit_code == 0, result.stderr
    assert records_of(result.stdout) == {str(p): extract_alone(p).to_dict() for p in pair + named}


def test_a_template_is_learnt_from_the_first_files_of_a_folder_only(tmp_path, monkeypatch):
    paths = write_site(tmp_path / "site", 5)
    for path in paths[:2]:  # the sample of three holds the site's line only once
        path.write_text(site_page(paths.index(path)).replace(SITE_LINE, ""), encoding="utf-8")
    monkeypatch.setattr(template, "SAMPLE_FILES", 3)
    records = records_of(extract(tmp_path / "site").stdout)
    assert SITE_LINE in records[str(paths[4])]["body"]
    monkeypatch.setattr(template, "SAMPLE_FILES", 5)
    records = records_of(extract(tmp_path / "site").stdout)
    assert SITE_LINE not in records[str(paths[4])]["body"]


def test_eval_scores_what_extract_makes_of_the_same_paths(tmp_path):
    gold = tmp_path / "gold"
    paths = write_site(gold, 4)
    for path in paths:  # expected: the lone page's record, the site's line in its body
        path.with_suffix(".json").write_text(json.dumps(extract_alone(path).to_dict(), ensure_ascii=False),
                                             encoding="utf-8")

    def summary(*paths):
        result = CliRunner().invoke(main, ["eval", str(gold), *map(str, paths), "--json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    as_folder, one_by_one = summary(), summary(*paths)
    assert as_folder["docs"] == one_by_one["docs"] == 4 and as_folder["missing"] == one_by_one["missing"] == 0
    assert one_by_one["body"]["macro_f1"] == 1.0
    assert as_folder["body"]["macro_p"] == 1.0 and as_folder["body"]["macro_r"] < 1.0


# --- the output folder -----------------------------------------------------

def test_output_folder_mirrors_the_inputs_with_json_appended(dump, tmp_path):
    named = tmp_path / "other" / "y.txt"
    write_pages(named.parent, ["y.txt"])
    out = tmp_path / "out"
    result = extract(dump, named, "-", "-o", out, input=numbered_article(99))
    assert result.exit_code == 0, result.stderr
    records = records_under(out)
    assert sorted(records) == ["a.html.json", "a.txt.json", "stdin.json", "sub/b.txt.json",
                               "sub/deeper/c.txt.json", "y.txt.json"]
    source = str(dump / "sub" / "b.txt")
    assert (out / "sub" / "b.txt.json").read_text(encoding="utf-8") == extract_alone(source).to_json() + "\n"
    assert records["stdin.json"]["source"] == "-"
    assert leftovers(out) == []


def test_output_paths_never_escape_the_output_folder(tmp_path, monkeypatch):
    write_pages(tmp_path, ["up.txt", "far/away.txt"])
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = sorted(tmp_path.rglob("*"))
    result = extract("../up.txt", tmp_path / "far" / "away.txt", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(records_under(work / "out")) == ["away.txt.json", "up.txt.json"]
    created = set(tmp_path.rglob("*")) - set(before)
    assert all(work / "out" in p.parents or p == work / "out" for p in created)


def test_a_temporary_file_left_by_a_killed_run_is_renamed_away(dump, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a.txt.json.tmp").write_text('{"source": "half', encoding="utf-8")
    assert extract(dump, "-o", out).exit_code == 0
    assert leftovers(out) == []
    assert json.loads((out / "a.txt.json").read_text(encoding="utf-8"))["source"] == str(dump / "a.txt")


def test_inputs_with_the_same_output_path_fail_instead_of_overwriting(tmp_path):
    write_pages(tmp_path, ["one/x.txt", "two/x.txt"])
    out = tmp_path / "out"
    result = extract(tmp_path / "one", tmp_path / "two", "-o", out)
    assert result.exit_code == 1
    assert f"newsclean: {tmp_path / 'two' / 'x.txt'}: same output file as {tmp_path / 'one' / 'x.txt'} (x.txt.json)" \
        in result.stderr.splitlines()
    assert records_under(out)["x.txt.json"]["source"] == str(tmp_path / "one" / "x.txt")


def test_an_output_folder_inside_the_input_folder_is_not_read_back(dump):
    assert counts(extract(dump, "-o", dump / "clean").stderr) == (4, 4, 0, 0)
    assert counts(extract(dump, "-o", dump / "clean").stderr) == (0, 0, 4, 0)


# --- incremental runs --------------------------------------------------------

def test_a_rerun_skips_unchanged_files_and_redoes_changed_ones(dump, tmp_path):
    out = tmp_path / "out"
    assert counts(extract(dump, "-o", out).stderr) == (4, 4, 0, 0)
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    assert counts(extract(dump, "-o", out).stderr) == (0, 0, 4, 0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == written
    (dump / "sub" / "b.txt").write_text(numbered_article(7, " и площад"), encoding="utf-8")
    assert counts(extract(dump, "-o", out).stderr) == (1, 1, 3, 0)
    assert records_under(out)["sub/b.txt.json"]["headline"] == "Общината ремонтира улица номер 7 и площад"


def test_a_touched_file_with_the_same_bytes_is_not_redone(dump, tmp_path):
    out = tmp_path / "out"
    extract(dump, "-o", out)
    target = dump / "a.txt"
    later = target.stat().st_mtime_ns + 5_000_000_000
    os.utime(target, ns=(later, later))
    before = (out / "a.txt.json").stat().st_mtime_ns
    assert counts(extract(dump, "-o", out).stderr) == (1, 0, 4, 0)  # read, hashed, the same
    assert (out / "a.txt.json").stat().st_mtime_ns == before
    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:
        assert db.execute("SELECT mtime_ns FROM files WHERE path = ?", (str(target),)).fetchone() == (later,)


def test_a_known_failure_is_not_tried_again_until_it_changes_or_is_asked_for(dump, tmp_path):
    out = tmp_path / "out"
    broken = dump / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 not text")
    first = extract(dump, "-o", out)
    assert first.exit_code == 1
    assert f"newsclean: {broken}: binary file" in first.stderr.splitlines()

    again = extract(dump, "-o", out)  # as cron would, every 15 minutes
    assert again.exit_code == 0
    assert outcomes(again.stderr) == {"read": 0, "written": 0, "skipped": 4, "failed": 0, "missing": 0,
                                      "oversized": 0, "refused": 0, "known": 1}
    assert len(again.stderr.splitlines()) == 1
    assert extract(dump, "-o", out, "--quiet").stderr == ""

    later = broken.stat().st_mtime_ns + 5_000_000_000
    os.utime(broken, ns=(later, later))  # touched, the same bytes: still the known failure
    assert outcomes(extract(dump, "-o", out).stderr)["known"] == 1

    retried = extract(dump, "-o", out, "--retry-failed")
    assert retried.exit_code == 1
    assert f"newsclean: {broken}: binary file" in retried.stderr.splitlines()
    assert counts(retried.stderr) == (1, 0, 4, 1)

    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:  # a newsclean that may read it now
        db.execute("UPDATE files SET version = '0.0.0' WHERE outcome = 'failed'")
    assert extract(dump, "-o", out).exit_code == 1

    broken.write_text(numbered_article(5), encoding="utf-8")
    fixed = extract(dump, "-o", out)
    assert fixed.exit_code == 0
    assert counts(fixed.stderr) == (1, 1, 4, 0)


def test_force_redoes_everything(dump, tmp_path):
    out = tmp_path / "out"
    extract(dump, "-o", out)
    assert counts(extract(dump, "-o", out, "--force").stderr) == (4, 4, 0, 0)


def test_records_made_by_another_version_are_redone(dump, tmp_path):
    out = tmp_path / "out"
    extract(dump, "-o", out)
    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:
        db.execute("UPDATE files SET version = '0.0.0'")
    assert counts(extract(dump, "-o", out).stderr) == (4, 4, 0, 0)


def test_a_state_file_gives_incremental_runs_on_stdout(dump, tmp_path):
    state = tmp_path / "state.sqlite"
    first = extract(dump, "--state", state)
    assert len(first.stdout.splitlines()) == 4
    second = extract(dump, "--state", state)
    assert second.exit_code == 0
    assert second.stdout == ""
    assert counts(second.stderr) == (0, 0, 4, 0)
    (dump / "a.txt").write_text(numbered_article(3, " отново"), encoding="utf-8")
    third = extract(dump, "--state", state)
    assert [json.loads(line)["source"] for line in third.stdout.splitlines()] == [str(dump / "a.txt")]


def test_a_run_decides_from_the_state_as_it_was_when_it_began(dump, tmp_path, monkeypatch):
    for name in ("_CHUNK", "_LOOKUP_BATCH", "_STATE_BATCH"):  # each input planned, done and recorded in turn
        monkeypatch.setattr(runner, name, 1)
    named = [dump / "a.txt", dump / "sub", dump / "a.txt"]
    result = extract(*named, "--state", tmp_path / "state.sqlite", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == \
           [str(dump / "a.txt"), str(dump / "sub" / "b.txt"), str(dump / "sub" / "deeper" / "c.txt"), str(dump / "a.txt")]
    assert counts(extract(*named, "--state", tmp_path / "state.sqlite").stderr) == (0, 0, 4, 0)


def test_state_and_output_dir_together_are_a_usage_error(dump, tmp_path):
    result = extract(dump, "-o", tmp_path / "out", "--state", tmp_path / "s.sqlite")
    assert result.exit_code == 2


# --- limits, parallel jobs, reporting --------------------------------------------

def test_a_file_over_max_bytes_fails_without_stopping_the_run(dump):
    (dump / "big.txt").write_text(numbered_article(1) * 10, encoding="utf-8")
    result = extract(dump, "--max-bytes", "1000")
    assert result.exit_code == 1
    assert f"newsclean: {dump / 'big.txt'}: larger than --max-bytes (1000 bytes)" in result.stderr.splitlines()
    assert len(result.stdout.splitlines()) == 4


def test_two_jobs_give_exactly_what_one_job_gives(tmp_path):
    folder = tmp_path / "many"
    write_pages(folder, [f"d{i % 3}/p{i:03d}.txt" for i in range(70)])
    (folder / "d1" / "p010.txt").write_bytes(b"\x00binary")
    (folder / "d2" / "p020.txt").write_bytes(b"")
    (folder / "d0" / "p030.txt").write_text(numbered_article(30) * 20, encoding="utf-8")
    one, two = (extract(folder, "--jobs", jobs, "--max-bytes", "2000") for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 68
    assert SUMMARY.sub("", one.stderr) == SUMMARY.sub("", two.stderr)
    assert extract(folder, "-o", tmp_path / "one", "--jobs", "1").exit_code == 1
    assert extract(folder, "-o", tmp_path / "two", "--jobs", "2").exit_code == 1
    assert records_under(tmp_path / "one") == records_under(tmp_path / "two")


def test_the_summary_counts_and_quiet_silences_all_but_failures(dump):
    ok = extract(dump)
    assert ok.exit_code == 0
    assert SUMMARY.fullmatch(ok.stderr.strip())
    assert "\r" not in ok.stderr
    assert extract(dump, "--quiet").stderr == ""
    (dump / "gone.txt").symlink_to(dump / "nowhere.txt")
    failed = extract(dump, "--quiet")
    assert failed.exit_code == 1
    assert failed.stderr == f"newsclean: {dump / 'gone.txt'}: broken symbolic link -> {dump / 'nowhere.txt'}\n"


def test_the_summary_counts_only_what_was_read_and_names_what_was_not(dump, tmp_path):
    (dump / "big.txt").write_text(numbered_article(1) * 10, encoding="utf-8")
    (dump / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    os.mkfifo(dump / "pipe.txt")
    (dump / "gone.txt").symlink_to(dump / "nowhere.txt")
    result = extract(dump, tmp_path / "no such.txt", "--max-bytes", "1000")
    assert result.exit_code == 1
    assert re.sub(r" in \S+ s$", "", SUMMARY.search(result.stderr)[0]) == \
           "newsclean: 5 read, 4 written, 0 skipped, 1 failed, 2 missing, 1 oversized, 1 refused"
    assert len(result.stderr.splitlines()) == 1 + 5  # the summary and a line for each failure


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_line_is_drawn_on_a_terminal_only():
    terminal = Terminal()
    reporter = Reporter(terminal, 3, quiet=False, started=time.monotonic())
    reporter.advance(3)
    assert terminal.getvalue().startswith("\r[") and " 3/3 " in terminal.getvalue()
    reporter.failure("x.txt", "binary file")
    assert terminal.getvalue().endswith("\r\x1b[Knewsclean: x.txt: binary file\n")
    plain = io.StringIO()
    Reporter(plain, 3, quiet=False, started=time.monotonic()).advance(3)
    assert plain.getvalue() == ""


# --- one run at a time ---------------------------------------------------------

def test_a_second_run_on_a_locked_output_folder_exits_75(dump, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with held_lock(out / ".newsclean.lock"):
        proc = subprocess.run([*CLI, "extract", dump, "-o", out], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 75
    assert f"another run holds {out / '.newsclean.lock'}" in proc.stderr
    assert records_under(out) == {}


def test_a_second_run_on_a_locked_state_exits_75(dump, tmp_path):
    state = tmp_path / "state.sqlite"
    with held_lock(tmp_path / "state.sqlite.lock"):
        proc = subprocess.run([*CLI, "extract", dump, "--state", state], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 75
    assert proc.stdout == ""


def test_a_forked_child_does_not_keep_the_runs_lock(tmp_path):
    lock = str(tmp_path / "x.lock")
    started, says_started = os.pipe()
    with hold_lock(lock, wait=False):
        child = os.fork()
        if child == 0:  # a worker that lives on after the run
            os.write(says_started, b".")
            time.sleep(30)
            os._exit(0)
        os.read(started, 1)
    try:
        with hold_lock(lock, wait=False):
            pass
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        os.close(started)
        os.close(says_started)


def test_a_lock_left_held_after_its_run_ended_says_what_to_do(dump, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    ended = subprocess.Popen(["true"])  # its pid, once reaped, is no process's
    ended.wait()
    with held_lock(out / ".newsclean.lock") as handle:
        handle.write(f"{ended.pid}\n")
        handle.flush()
        proc = subprocess.run([*CLI, "extract", dump, "-o", out], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 75
    lock = out / ".newsclean.lock"
    assert proc.stderr == (f"newsclean: {lock} is held, but the run that took it (pid {ended.pid}) has ended: "
                           f"a process it left behind holds the lock; find it with 'fuser -v {lock}', end it, "
                           "and run again\n")


def test_wait_queues_behind_the_run_holding_the_lock(dump, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with held_lock(out / ".newsclean.lock"):
        proc = subprocess.Popen([*CLI, "extract", dump, "-o", out, "--wait"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        assert proc.poll() is None
    assert proc.wait(timeout=60) == 0
    assert len(records_under(out)) == 4


def test_a_file_removed_after_the_listing_vanished_during_the_run(tmp_path, monkeypatch):
    write_pages(tmp_path, ["a.txt", "b.txt"])
    real_read = worker.read_bytes

    def read_after_removal(path, *args, **kwargs):
        if path.endswith("a.txt"):
            os.remove(path)
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(worker, "read_bytes", read_after_removal)
    result = extract(tmp_path, "--jobs", "1", "--quiet")
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: {tmp_path / 'a.txt'}: vanished during the run\n"
    assert list(records_of(result.stdout)) == [str(tmp_path / "b.txt")]


def test_standard_input_longer_than_max_bytes_is_refused():
    result = extract("-", "--max-bytes", "10", "--quiet", input=numbered_article(1))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "newsclean: -: larger than --max-bytes (10 bytes)\n"
