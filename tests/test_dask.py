"""``newsclean extract --engine dask`` on a 2-worker local cluster gives what
``--jobs 1`` gives, byte for byte and in order; with --output-dir a run
killed after some parts and started again gives every record once; inputs
may be fsspec URLs.  Skipped where the dask extra is not installed."""
import errno
import io
import json
import os
import signal
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from newsclean import dask_engine  # noqa: E402
from newsclean.engines import Options  # noqa: E402
from newsclean.state import hold_lock  # noqa: E402

from conftest import CLI, extract, numbered_article, outcomes, write_pages  # noqa: E402
from test_batch import SITE_LINE, write_site  # noqa: E402

MTIME = 1_767_225_600  # 2026-01-01 00:00 UTC
FOLDERS = 6
PAGES = 50


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """318 files in 8 folders: a site whose folder has a template, a binary
    file, a name starting with '_', a page dated "two hours ago"; every
    mtime fixed."""
    root = tmp_path_factory.mktemp("dask") / "dump"
    for folder in range(FOLDERS):
        write_pages(root / f"d{folder}", [f"p{i:03d}.txt" for i in range(PAGES)])
    write_pages(root / "d1" / "deeper", [f"q{i}.txt" for i in range(10)])
    write_site(root / "site", 5)
    (root / "d2" / "_underscore.txt").write_text(numbered_article(900), encoding="utf-8")
    (root / "d3" / "late.txt").write_text(numbered_article(901).replace("10:25 - 30.01.2026", "Преди 2 часа"),
                                          encoding="utf-8")
    (root / "d4" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (root / "d5" / "p000.txt").write_text(numbered_article(5) * 40, encoding="utf-8")  # over --max-bytes below
    for path in root.rglob("*"):
        os.utime(path, (MTIME, MTIME))
    assert sum(1 for p in root.rglob("*") if p.is_file()) == 318
    return root


def failure_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if not line.startswith(("newsclean: stopped", "newsclean: 3")))


def dask_run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "extract", *map(str, args), "--engine", "dask", "--jobs", "2"],
                          capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def one_job(tree):
    """``--jobs 1`` over the tree and one file named after it."""
    result = extract(tree, tree / "d0" / "p001.txt", "--jobs", "1", "--max-bytes", "5000")
    assert result.exit_code == 1
    return result


def test_a_local_cluster_prints_what_one_job_prints(tree, one_job):
    result = dask_run(tree, tree / "d0" / "p001.txt", "--max-bytes", "5000", "--part-size", "25")
    assert result.returncode == 1, result.stderr
    assert result.stdout == one_job.stdout
    assert failure_lines(result.stderr) == failure_lines(one_job.stderr) == [
        f"newsclean: {tree / 'd4' / 'image.png'}: binary file",
        f"newsclean: {tree / 'd5' / 'p000.txt'}: larger than --max-bytes (5000 bytes)"]
    records = {record["source"]: record for record in map(json.loads, result.stdout.splitlines())}
    assert len(result.stdout.splitlines()) == 317 and str(tree / "d2" / "_underscore.txt") in records
    assert records[str(tree / "d3" / "late.txt")]["published"] == "2026-01-01T00:00:00+02:00"
    assert all(SITE_LINE not in records[str(tree / "site" / f"p{i}.txt")]["body"] for i in range(5))


def parts(out: Path) -> list[Path]:
    return sorted(out.glob("part-*.jsonl"))


def test_a_run_killed_after_some_parts_and_started_again_gives_each_record_once(tree, one_job, tmp_path):
    out = tmp_path / "out"
    command = [*CLI, "extract", str(tree), str(tree / "d0" / "p001.txt"), "--engine", "dask", "--jobs", "2",
               "--max-bytes", "5000", "--part-size", "5", "-o", str(out)]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(parts(out)) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(run.pid, signal.SIGKILL)  # the client and the cluster's processes with it
    run.wait(timeout=10)
    first = len(parts(out))
    assert 3 <= first < 67  # 67 parts in all

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode in (0, 1), rerun.stderr  # 0 when the part of the failures was done before
    counted = outcomes(rerun.stderr)
    assert counted["skipped"] >= 10 and counted["written"] > 0
    assert counted["skipped"] + counted["written"] == 317
    written = [line for part in parts(out) for line in part.read_text(encoding="utf-8").splitlines()]
    assert sorted(written) == sorted(one_job.stdout.splitlines())  # each record exactly once
    failed = [json.loads(line) for path in out.glob("failed-*.jsonl")
              for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(f"newsclean: {f['source']}: {f['reason']}" for f in failed) == failure_lines(one_job.stderr)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]

    again = dask_run(tree, tree / "d0" / "p001.txt", "--max-bytes", "5000", "--part-size", "5", "-o", out)
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("newsclean: 0 read, 0 written, 317 skipped, 0 failed, 2 known failures")


@pytest.fixture(scope="module")
def in_process():
    """A running cluster whose workers are threads of this process: they
    see its memory file system and its monkeypatches."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_urls_of_the_local_and_the_memory_file_system_on_a_running_scheduler(tree, in_process):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for path in tree.rglob("*"):
        if path.is_file():
            memory.pipe(f"/dump/{path.relative_to(tree).as_posix()}", path.read_bytes())
    now = "2026-02-01T00:00:00+00:00"  # memory files' mtimes are when they were written
    local = extract(tree, "--jobs", "1", "--max-bytes", "5000", "--now", now).stdout
    options = Options(now=datetime.fromisoformat(now), max_bytes=5000, quiet=True)
    for root in (f"file://{tree}", "memory://dump"):
        out = io.StringIO()
        assert dask_engine.run([root], options, out, scheduler=in_process, part_size=40) == 1
        assert out.getvalue() == local.replace(str(tree), root)
    memory.rm("/dump", recursive=True)


def test_a_part_that_finds_no_room_stops_the_run_with_74(tree, in_process, tmp_path, monkeypatch, capsys):
    def full(path, _text):
        raise OSError(errno.ENOSPC, "No space left on device", path)

    monkeypatch.setattr(dask_engine, "write_atomic", full)
    options = Options(output_dir=str(tmp_path / "out"), max_bytes=5000)
    assert dask_engine.run([str(tree / "site")], options, io.StringIO(), scheduler=in_process) == 74
    assert capsys.readouterr().err == (f"newsclean: stopped: cannot write {tmp_path / 'out'}/part-"
                                       f"{dask_engine._name([str(tree / 'site' / f'p{i}.txt') for i in range(5)])}"
                                       ".jsonl: No space left on device. 0 records written; "
                                       "a re-run goes on with the rest\n")


def test_an_output_folder_another_run_holds_exits_75(tree, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    with hold_lock(str(out / ".newsclean.lock"), wait=False):
        assert dask_engine.run([str(tree)], Options(output_dir=str(out)), io.StringIO()) == 75
    assert str(out / ".newsclean.lock") in capsys.readouterr().err
