"""How long a re-run over unchanged files takes (the target: under 5 s for 100,000).

Builds N small files (100 per folder) in a temporary folder, runs
``newsclean extract DIR -o OUT`` once to do them all, then times the same
command again, which must skip every file, and prints the seconds.  Both
runs also report their peak memory (the largest process of the run), which
should not depend on N: compare ``-n 1000`` with the default.

    python benchmarks/rerun.py            # 100,000 files
    python benchmarks/rerun.py -n 20000 --jobs 2
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

FILES_PER_FOLDER = 100
PAGE = ("Общината ремонтира улица номер {i}\n\n"
        "Ремонтът на улица номер {i} започва в понеделник и ще продължи две седмици, "
        "съобщиха от общината. Движението ще бъде пренасочено по съседните улици.\n")


def build(folder: str, count: int) -> None:
    for i in range(count):
        sub = os.path.join(folder, f"{i // FILES_PER_FOLDER:05d}")
        if i % FILES_PER_FOLDER == 0:
            os.makedirs(sub)
        with open(os.path.join(sub, f"page_{i:07d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(PAGE.format(i=i))


def timed_run(command: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS in MB of the command's largest process."""
    started = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--files", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-rerun-") as tmp:
        inputs, output = os.path.join(tmp, "dump"), os.path.join(tmp, "clean")
        build(inputs, args.files)
        command = [sys.executable, "-c", "from newsclean.cli import main; main()",
                   "extract", inputs, "-o", output, "--jobs", str(args.jobs), "--quiet"]
        first, first_mb = timed_run(command)
        print(f"first run: {args.files} files in {first:.1f} s, peak {first_mb:.0f} MB", file=sys.stderr)
        rerun, rerun_mb = timed_run(command)
        print(f"re-run over {args.files} unchanged files: {rerun:.2f} s, peak {rerun_mb:.0f} MB", file=sys.stderr)
        print(f"{rerun:.2f}")


if __name__ == "__main__":
    main()
