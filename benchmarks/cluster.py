"""What ``--engine dask`` costs against the default engine: its fixed
start-up, and pages per second per worker.

Builds a corpus of generated pages (``corpus.py``, 1,000 a folder), then
runs ``newsclean extract CORPUS -o OUT`` with each engine and each number
of workers, best of ``--repeat`` runs each: wall seconds, pages per second,
pages per second per worker, and CPU seconds of the command and all its
processes.  The start-up row is a run over the five seed pages, whose work
is a few milliseconds: what remains is starting and stopping the cluster.
Needs the dask extra.

    python benchmarks/cluster.py                 # 4,000 pages, 1 and 2 workers
    python benchmarks/cluster.py --count 10000 --workers 1,2 --repeat 3
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, write_corpus  # noqa: E402

NEWSCLEAN = [sys.executable, "-c", "from newsclean.cli import main; main()"]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the command and the processes it waited for."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise subprocess.CalledProcessError(os.waitstatus_to_exitcode(status), command)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def best(command: list[str], out: Path, repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs, each into an empty output folder."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        runs.append(timed(command + ["-o", str(out)]))
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000, help="pages in the corpus")
    parser.add_argument("--workers", default="1,2", help="numbers of workers, comma-separated")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-cluster-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        write_corpus(corpus, args.count)
        print("| engine | workers | input | wall s | pages/s | pages/s per worker | CPU s |")
        print("|---|---:|---|---:|---:|---:|---:|")
        for workers in map(int, args.workers.split(",")):
            for engine in ("processes", "dask"):
                command = NEWSCLEAN + ["extract", "--engine", engine, "--jobs", str(workers)]
                seconds, cpu = best(command + [str(REPO / "seeds")], out, args.repeat)
                print(f"| {engine} | {workers} | 5 seed pages | {seconds:.2f} | - | - | {cpu:.2f} |")
                seconds, cpu = best(command + [str(corpus)], out, args.repeat)
                rate = args.count / seconds
                print(f"| {engine} | {workers} | {args.count:,} pages | {seconds:.1f} | {rate:.0f} | "
                      f"{rate / workers:.0f} | {cpu:.1f} |")


if __name__ == "__main__":
    main()
