"""How long a re-run over unchanged files takes (the target: under 5 s for 100,000).

Builds N small files (100 per folder) in a temporary folder, runs
``newsclean extract DIR -o OUT`` once to do them all, then times the same
command again, which must skip every file, and prints the seconds.

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


def timed_run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


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
        first = timed_run(command)
        print(f"first run: {args.files} files in {first:.1f} s", file=sys.stderr)
        rerun = timed_run(command)
        print(f"re-run over {args.files} unchanged files: {rerun:.2f} s", file=sys.stderr)
        print(f"{rerun:.2f}")


if __name__ == "__main__":
    main()
