"""Ctrl-C and SIGTERM sent to a real run: it stops cleanly, leaves no partial
output and a consistent state, and the next run does exactly the rest."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from conftest import CLI, counts, leftovers, records_under, write_pages

FILES = 1200


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("signals") / "dump"
    write_pages(folder, [f"d{i % 20:02d}/p{i:04d}.txt" for i in range(FILES)])
    return folder


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_ctrl_c_stops_a_parallel_run_and_the_next_run_does_the_rest(many, tmp_path):
    out = tmp_path / "out"
    command = [*CLI, "extract", many, "-o", out, "--jobs", "2"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for(lambda: any(out.glob("d*/*.json")))
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "stopped by SIGINT" in stderr
    assert leftovers(out) == []
    first = records_under(out)  # every file parses: none is partial
    assert 0 < len(first) < FILES
    with sqlite3.connect(out / ".newsclean-state.sqlite") as db:
        done = [Path(path) for (path,) in db.execute("SELECT path FROM files WHERE outcome = 'ok'")]
    assert {f"{p.relative_to(many).as_posix()}.json" for p in done} == set(first)  # what is on disk is recorded
    assert f" {len(first)} written, " in stderr

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(rerun.stderr) == (FILES - len(done), FILES - len(done), len(done), 0)
    assert len(records_under(out)) == FILES
    assert leftovers(out) == []


def test_sigterm_stops_a_run_to_stdout_and_the_next_run_prints_the_rest(many, tmp_path):
    state = tmp_path / "state.sqlite"
    command = [*CLI, "extract", many, "--state", state, "--jobs", "1"]
    first_out, second_out = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with open(first_out, "w") as sink:
        run = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, text=True)
        wait_for(lambda: first_out.stat().st_size > 0)
        run.send_signal(signal.SIGTERM)
        _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143, stderr
    assert "stopped by SIGTERM" in stderr
    first = [json.loads(line) for line in first_out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(first) < FILES

    with open(second_out, "w") as sink:
        rerun = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    second = [json.loads(line) for line in second_out.read_text(encoding="utf-8").splitlines()]
    sources = sorted(record["source"] for record in first + second)
    assert sources == sorted(str(p) for p in many.rglob("*.txt"))  # each exactly once


def live_members(group: int) -> list[int]:
    """The processes of a process group that still run (zombies waiting for
    init to reap them do not count)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


# The run as it is, and with workers that cannot ask for a parent-death
# signal (not Linux) and must watch for their parent's end themselves.
WITHOUT_DEATH_SIGNAL = ("from newsclean import runner; runner._ask_for_death_signal = lambda: False; "
                        "from newsclean.cli import main; main()")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("cli", [CLI, [sys.executable, "-c", WITHOUT_DEATH_SIGNAL]], ids=["prctl", "watching"])
def test_a_sigkilled_run_leaves_no_worker_nor_lock_and_the_next_run_does_the_rest(many, tmp_path, cli):
    out = tmp_path / "out"
    run = subprocess.Popen([*cli, "extract", many, "-o", out, "--jobs", "2"], stderr=subprocess.DEVNULL,
                           start_new_session=True)
    try:
        wait_for(lambda: len(list(out.glob("d*/*.json"))) > 50)
        assert len(live_members(run.pid)) == 3
        run.kill()
        run.wait(timeout=10)
        wait_for(lambda: not live_members(run.pid), seconds=5)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    assert 0 < len(records_under(out)) < FILES

    rerun = subprocess.run([*CLI, "extract", many, "-o", out, "--jobs", "2"], capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(record["source"] for record in records_under(out).values()) == \
           sorted(str(p) for p in many.rglob("*.txt"))  # each exactly once
    assert leftovers(out) == []
