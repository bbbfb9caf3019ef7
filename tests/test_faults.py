"""Faults outside the inputs: a full disk, a state that cannot be written.

A run that meets one stops with status 74 and one line, never a traceback;
the state never claims a record that is not on disk, and once the fault is
gone a re-run does the rest.  The disk fills for real in a tiny tmpfs where
the test may mount one (a user namespace), else writes are made to fail.
"""
import errno
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from newsclean import runner, worker
from newsclean.engines import Options
from newsclean.state import StateStore
from conftest import CLI, counts, extract, leftovers, records_under, write_pages

FILES = 60
STOPPED = re.compile(r"^newsclean: stopped: cannot write (\S+): (.+)\. (\d+) records written"
                     r"(, the latest of them not recorded in the state; a re-run makes those again and goes on "
                     r"with the rest|; a re-run goes on with the rest)\n\Z")


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    write_pages(folder, [f"d{i % 3}/p{i:03d}.txt" for i in range(FILES)])
    return folder


def recorded(out: Path) -> set[str]:
    """The records the state says are made, as paths under ``out``."""
    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:
        paths = [path for (path,) in db.execute("SELECT path FROM files WHERE outcome = 'ok'")]
    return {f"{Path(path).relative_to(out.parent / 'dump').as_posix()}.json" for path in paths}


def fill_after(monkeypatch, out: Path, room: int) -> None:
    """Make writing a record fail with ENOSPC once ``out`` holds ``room``
    records, in this process and in the workers it forks."""
    write_atomic = worker.write_atomic

    def write_until_full(path, text):
        if len(list(out.rglob("*.json"))) >= room:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        write_atomic(path, text)

    monkeypatch.setattr(worker, "write_atomic", write_until_full)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_stops_the_run_with_one_line_and_a_rerun_does_the_rest(dump, tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(runner, "_CHUNK", 4)  # several chunks in flight when the disk fills
    out = tmp_path / "out"
    fill_after(monkeypatch, out, 25)
    full = extract(dump, "-o", out, "--jobs", jobs)
    assert full.exit_code == 74, full.stderr
    stopped = STOPPED.match(full.stderr)
    assert stopped, full.stderr
    assert stopped[2] == "No space left on device"
    assert stopped[4] == "; a re-run goes on with the rest"
    written = len(records_under(out))  # two workers may both find room for the last one
    assert int(stopped[3]) == written and 25 <= written <= 26
    assert recorded(out) == set(records_under(out))
    assert leftovers(out) == []

    monkeypatch.undo()  # space is freed
    rerun = extract(dump, "-o", out, "--jobs", jobs)
    assert rerun.exit_code == 0, rerun.stderr
    assert counts(rerun.stderr) == (FILES - written, FILES - written, written, 0)
    assert sorted(r["source"] for r in records_under(out).values()) == sorted(str(p) for p in dump.rglob("*.txt"))


def test_a_state_that_cannot_be_written_stops_the_run_and_claims_nothing(dump, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "_STATE_BATCH", 10)
    commit = StateStore.commit
    commits = []

    def commit_until_full(store):
        if len(commits) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        commits.append(len(store.pending))
        commit(store)

    monkeypatch.setattr(StateStore, "commit", commit_until_full)
    full = extract(dump, "-o", out, "--jobs", "1")
    assert full.exit_code == 74, full.stderr
    assert full.stderr == (f"newsclean: stopped: cannot write {out / '.newsclean-state.sqlite'}: database or disk "
                           "is full. 30 records written, the latest of them not recorded in the state; "
                           "a re-run makes those again and goes on with the rest\n")
    assert len(recorded(out)) == 20
    assert recorded(out) < set(records_under(out))

    monkeypatch.undo()
    rerun = extract(dump, "-o", out)
    assert rerun.exit_code == 0, rerun.stderr
    assert counts(rerun.stderr) == (FILES - 20, FILES - 20, 20, 0)
    assert len(records_under(out)) == FILES


def test_standard_output_on_a_full_disk_stops_the_run_with_one_line(dump, capsys):
    class FullDisk:
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    assert runner.run([str(dump)], Options(jobs=1), FullDisk()) == 74
    assert capsys.readouterr().err == \
           "newsclean: stopped: cannot write standard output: No space left on device. 0 records written\n"


def _can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = "mount -t tmpfs -o size=64k tmpfs /mnt"
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", probe],
                          capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="cannot mount a tmpfs in a user namespace here")
def test_a_run_into_a_tiny_file_system_stops_and_finishes_once_it_grows(dump, tmp_path):
    """A real ENOSPC: records, then the state, then nothing fits."""
    out, report = tmp_path / "out", tmp_path / "report"
    out.mkdir()
    report.mkdir()
    command = " ".join(f"'{part}'" for part in [*CLI, "extract", str(dump), "-o", str(out), "--jobs", "2"])
    script = f"""
        mount -t tmpfs -o size=160k tmpfs {out}
        {command} 2>{report}/full.err; echo $? >{report}/full.status
        find {out} -name '*.json' | sort >{report}/full.records
        mount -o remount,size=20m {out}
        {command} 2>{report}/rerun.err; echo $? >{report}/rerun.status
        for f in $(find {out} -name '*.json'); do head -c 300 "$f" | grep -o '"source": "[^"]*"'; done \
            | sort >{report}/sources
        find {out} -name '.*.tmp' >{report}/leftovers
    """
    subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script], check=True, timeout=300)
    full_err = (report / "full.err").read_text()
    assert (report / "full.status").read_text() == "74\n", full_err
    stopped = STOPPED.match(full_err)
    assert stopped, full_err
    assert stopped[2] in ("No space left on device", "database or disk is full")
    assert 0 < int(stopped[3]) < FILES
    assert (report / "rerun.status").read_text() == "0\n", (report / "rerun.err").read_text()
    sources = [json.loads("{" + line + "}")["source"] for line in (report / "sources").read_text().splitlines()]
    assert sources == sorted(str(p) for p in dump.rglob("*.txt"))  # each record exactly once
    assert (report / "leftovers").read_text() == ""


def test_a_state_that_cannot_be_opened_is_a_fault_of_the_run_not_of_an_input(dump, tmp_path):
    state = tmp_path / "no such folder" / "seen.sqlite"
    result = extract(dump, "--state", state)
    assert result.exit_code == 74
    assert result.stderr == f"newsclean: {state}.lock: No such file or directory\n"
    assert result.stdout == ""
