"""What learning a folder's template costs.

Builds a folder of generated pages (``corpus.py``), then measures:

* in one process, the CPU time of ``worker.learn_files`` over the
  folder's sample (its first ``template.SAMPLE_FILES`` files), per sampled
  page, best of ``--repeat`` runs;
* the CPU time of ``newsclean extract FOLDER --jobs 1`` (the template
  learnt, then every file extracted) against ``newsclean extract`` with
  the same files named one by one (extracted alone, nothing learnt), for
  folders of each of ``--sizes`` files: the share learning adds to a run.

    python benchmarks/learning.py
    python benchmarks/learning.py --sizes 200,1000 --repeat 5
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from newsclean.inputs import MAX_BYTES  # noqa: E402
from newsclean.template import SAMPLE_FILES  # noqa: E402
from newsclean.worker import learn_files  # noqa: E402

NEWSCLEAN = [sys.executable, "-c", "from newsclean.cli import main; main()"]


def learning_us_per_page(sample: list[str], repeat: int) -> float:
    """CPU microseconds of learning the template, per sampled page."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        learn_files(sample, MAX_BYTES)
        best = min(best, time.process_time() - started)
    return best / len(sample) * 1e6


def cpu_seconds(command: list[str]) -> float:
    """User + system CPU seconds of the command and its children."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise subprocess.CalledProcessError(os.waitstatus_to_exitcode(status), command)
    return usage.ru_utime + usage.ru_stime


def run_cost(files: list[str], folder: Path, repeat: int) -> tuple[float, float]:
    """Best CPU seconds of extracting the folder (template learnt) and of
    the same files named one by one (none learnt)."""
    as_folder = min(cpu_seconds(NEWSCLEAN + ["extract", str(folder), "--jobs", "1"]) for _ in range(repeat))
    one_by_one = min(cpu_seconds(NEWSCLEAN + ["extract", *files, "--jobs", "1"]) for _ in range(repeat))
    return as_folder, one_by_one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000", help="folder sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="newsclean-learning-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, sizes[-1])
        pages = sorted(str(p) for p in corpus.rglob("*.txt"))
        learning = learning_us_per_page(pages[:SAMPLE_FILES], args.repeat)
        print(f"learning: {learning:.0f} us of CPU per sampled page ({min(len(pages), SAMPLE_FILES)} pages)")
        for size in sizes:
            folder = Path(tmp) / f"folder_{size}"
            folder.mkdir()
            for page in pages[:size]:
                os.link(page, folder / os.path.basename(page))
            files = sorted(str(p) for p in folder.iterdir())
            as_folder, one_by_one = run_cost(files, folder, args.repeat)
            print(f"{size} files: {as_folder:.2f} s CPU as a folder, {one_by_one:.2f} s named one by one: "
                  f"+{(as_folder / one_by_one - 1) * 100:.0f}%")


if __name__ == "__main__":
    main()
