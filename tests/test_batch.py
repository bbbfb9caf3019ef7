"""Batch runs: output folder, incremental state, lock, parallel jobs, summary.

Everything runs on real files in tmp_path; the lock and --wait tests run the
command in a subprocess against a lock held by the test.
"""
import fcntl
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import main
from newsclean.inputs import iter_inputs
from newsclean.progress import Reporter
from newsclean.runner import collect_inputs, process

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from newsclean.cli import main; main()"]
SUMMARY = re.compile(r"^newsclean: (\d+) read, (\d+) written, (\d+) skipped, (\d+) failed in \d+\.\d s$", re.M)


def page(i: int, extra: str = "") -> str:
    """A short article the pipeline makes a full record of."""
    return (f"Общината ремонтира улица номер {i}{extra}\n\n"
            "10:25 - 30.01.2026\n\n"
            f"Ремонтът на улица „Васил Левски“ номер {i} започва в понеделник и ще продължи две седмици, "
            "съобщиха от общината. Движението ще бъде пренасочено по съседните улици.\n\n"
            "Кметът заяви, че работите ще бъдат завършени преди началото на учебната година.\n")


def write_pages(folder: Path, names: list[str]) -> None:
    for i, name in enumerate(names):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(i), encoding="utf-8")


def extract(*args, input=None):
    return CliRunner().invoke(main, ["extract", *map(str, args)], input=input)


def counts(stderr: str) -> tuple[int, int, int, int]:
    """(read, written, skipped, failed) from the summary line."""
    found = SUMMARY.findall(stderr)
    assert len(found) == 1, stderr
    return tuple(int(n) for n in found[0])


def records_under(out: Path) -> dict[str, dict]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in out.rglob("*.json")}


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@contextmanager
def held_lock(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    write_pages(folder, ["a.txt", "a.html", "sub/b.txt", "sub/deeper/c.txt", ".hidden.txt"])
    return folder


# --- stdout, the default ---------------------------------------------------

def test_stdout_output_is_unchanged_for_the_seeds(monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = "".join(process(path, None).to_json() + "\n" for path in iter_inputs(["seeds/"]))
    result = extract("seeds/", "--jobs", "2")
    assert result.exit_code == 0
    assert result.stdout == expected


def test_the_walk_finds_what_iter_inputs_finds_in_the_same_order(tmp_path):
    write_pages(tmp_path, ["b/x.txt", "b-c/y.txt", "b.txt", "e.html", ".hid/z.txt", "d/.h.txt", "d/w.txt"])
    (tmp_path / "link").symlink_to(tmp_path / "b", target_is_directory=True)
    paths = [str(tmp_path), str(tmp_path / "e.html"), "-"]
    for pattern in (None, "*.txt"):
        assert [i.source for i in collect_inputs(paths, pattern)] == list(iter_inputs(paths, pattern))


# --- the output folder -----------------------------------------------------

def test_output_folder_mirrors_the_inputs_with_json_appended(dump, tmp_path):
    named = tmp_path / "other" / "y.txt"
    write_pages(named.parent, ["y.txt"])
    out = tmp_path / "out"
    result = extract(dump, named, "-", "-o", out, input=page(99))
    assert result.exit_code == 0, result.stderr
    records = records_under(out)
    assert sorted(records) == ["a.html.json", "a.txt.json", "stdin.json", "sub/b.txt.json",
                               "sub/deeper/c.txt.json", "y.txt.json"]
    source = str(dump / "sub" / "b.txt")
    assert (out / "sub" / "b.txt.json").read_text(encoding="utf-8") == process(source, None).to_json() + "\n"
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
    assert counts(extract(dump, "-o", dump / "clean").stderr) == (4, 0, 4, 0)


# --- incremental runs --------------------------------------------------------

def test_a_rerun_skips_unchanged_files_and_redoes_changed_ones(dump, tmp_path):
    out = tmp_path / "out"
    assert counts(extract(dump, "-o", out).stderr) == (4, 4, 0, 0)
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    assert counts(extract(dump, "-o", out).stderr) == (4, 0, 4, 0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == written
    (dump / "sub" / "b.txt").write_text(page(7, " и площад"), encoding="utf-8")
    assert counts(extract(dump, "-o", out).stderr) == (4, 1, 3, 0)
    assert records_under(out)["sub/b.txt.json"]["headline"] == "Общината ремонтира улица номер 7 и площад"


def test_a_touched_file_with_the_same_bytes_is_not_redone(dump, tmp_path):
    out = tmp_path / "out"
    extract(dump, "-o", out)
    target = dump / "a.txt"
    later = target.stat().st_mtime_ns + 5_000_000_000
    os.utime(target, ns=(later, later))
    before = (out / "a.txt.json").stat().st_mtime_ns
    assert counts(extract(dump, "-o", out).stderr) == (4, 0, 4, 0)
    assert (out / "a.txt.json").stat().st_mtime_ns == before
    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:
        assert db.execute("SELECT mtime_ns FROM files WHERE path = ?", (str(target),)).fetchone() == (later,)


def test_failed_inputs_are_redone_on_every_run(dump, tmp_path):
    out = tmp_path / "out"
    (dump / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    first = extract(dump, "-o", out)
    assert first.exit_code == 1
    assert f"newsclean: {dump / 'broken.txt'}: binary file" in first.stderr.splitlines()
    second = extract(dump, "-o", out)
    assert second.exit_code == 1
    assert counts(second.stderr) == (5, 0, 4, 1)
    (dump / "broken.txt").write_text(page(5), encoding="utf-8")
    third = extract(dump, "-o", out)
    assert third.exit_code == 0
    assert counts(third.stderr) == (5, 1, 4, 0)


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
    assert counts(second.stderr) == (4, 0, 4, 0)
    (dump / "a.txt").write_text(page(3, " отново"), encoding="utf-8")
    third = extract(dump, "--state", state)
    assert [json.loads(line)["source"] for line in third.stdout.splitlines()] == [str(dump / "a.txt")]


def test_state_and_output_dir_together_are_a_usage_error(dump, tmp_path):
    result = extract(dump, "-o", tmp_path / "out", "--state", tmp_path / "s.sqlite")
    assert result.exit_code == 2


# --- limits, parallel jobs, reporting --------------------------------------------

def test_a_file_over_max_bytes_fails_without_stopping_the_run(dump):
    (dump / "big.txt").write_text(page(1) * 10, encoding="utf-8")
    result = extract(dump, "--max-bytes", "1000")
    assert result.exit_code == 1
    assert f"newsclean: {dump / 'big.txt'}: larger than --max-bytes (1000 bytes)" in result.stderr.splitlines()
    assert len(result.stdout.splitlines()) == 4


def test_two_jobs_give_exactly_what_one_job_gives(tmp_path):
    folder = tmp_path / "many"
    write_pages(folder, [f"d{i % 3}/p{i:03d}.txt" for i in range(70)])
    (folder / "d1" / "p010.txt").write_bytes(b"\x00binary")
    (folder / "d2" / "p020.txt").write_bytes(b"")
    (folder / "d0" / "p030.txt").write_text(page(30) * 20, encoding="utf-8")
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
