"""Time and memory of ``newsclean extract`` on pathological inputs (issue 6).

    python benchmarks/pathological.py              # every input, 300 s limit each
    python benchmarks/pathological.py --timeout 60 --only line dots
    python benchmarks/pathological.py --repeat 3   # best of 3 runs per input

The inputs are built from the seed pages, one at a time in a temporary
folder: UTF-8 text files of 1, 5, 10, 20 and 50 MB (how time and memory
grow with size), 5 and 50 MB of windows-1251 (one byte a letter: the most
text a byte count can hold), 50 MB of mojibake and of UTF-16 without a
byte-order mark, a 5 MB page on one line, the 100,000-character
adversarial lines of ``tests/adversarial.py`` (digits, dots, "преди "
repeated, "<a " repeated, ...) and binary files (random bytes, a PNG,
NUL bytes).  The 50 MB file is run once more under ``--max-bytes
5000000``, to show what a refusal costs.

Each input gets its own run of ``newsclean extract FILE --jobs 1`` under a
small ``python -c`` wrapper that prints the wall time and
``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the peak resident memory of that
run alone.  A run still going after ``--timeout`` seconds is killed and
shown as a timeout: a hang.  With ``--repeat N`` the fastest of N runs and
the smallest peak are shown (the machine is shared: the best run is the one
least disturbed).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from adversarial import adversarial_lines, misread  # noqa: E402

MB = 1_000_000
TEXT_SIZES_MB = (1, 5, 10, 20, 50)
BIG = 50 * MB
LINE = 5 * MB
ADVERSARIAL_CHARS = 100_000
NO_LIMIT = 2 * BIG
REFUSING_LIMIT = 5 * MB

# Runs argv[2:] with stdout to /dev/null, at most argv[1] seconds; prints
# one JSON line: exit status (None after a timeout), wall time, peak RSS.
WRAPPER = r'''
import json, resource, subprocess, sys, time
limit, cmd = float(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
try:
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=limit)
    rc, error = done.returncode, done.stderr.decode("utf-8", "replace").strip().splitlines()
except subprocess.TimeoutExpired:
    rc, error = None, []
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": rc, "wall": wall, "peak_kb": peak_kb, "stderr": error[:1]}))
'''


def seed_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def repeated(unit: bytes, size: int) -> bytes:
    """As many whole copies of ``unit`` as fit in ``size`` bytes."""
    return unit * (size // len(unit))


def inputs() -> dict[str, tuple[Callable[[], bytes], int]]:
    """Every input: name -> (how to make its bytes, the --max-bytes to run it with)."""
    page = seed_text() + "\n\n"
    utf8, cp1251 = page.encode("utf-8"), page.encode("cp1251", errors="replace")
    return {
        **{f"{mb}MB utf-8": (lambda mb=mb: repeated(utf8, mb * MB), NO_LIMIT) for mb in TEXT_SIZES_MB},
        **{f"{mb}MB cp1251": (lambda mb=mb: repeated(cp1251, mb * MB), NO_LIMIT) for mb in (5, 50)},
        "50MB mojibake": (lambda: repeated(misread(page, "cp1251").encode("utf-8"), BIG), NO_LIMIT),
        "50MB utf-16 no BOM": (lambda: repeated(page.encode("utf-16-le"), BIG), NO_LIMIT),
        "5MB one line": (lambda: repeated((" ".join(page.split()) + " ").encode("utf-8"), LINE), NO_LIMIT),
        "50MB utf-8 over limit": (lambda: repeated(utf8, BIG), REFUSING_LIMIT),
        **{f"100k {name}": (lambda line=line: line.encode("utf-8"), NO_LIMIT)
           for name, line in adversarial_lines(ADVERSARIAL_CHARS).items()},
        "binary random 50MB": (lambda: os.urandom(BIG), NO_LIMIT),
        "binary png 50MB": (lambda: b"\x89PNG\r\n\x1a\n" + os.urandom(BIG), NO_LIMIT),
        "binary NULs 50MB": (lambda: bytes(BIG), NO_LIMIT),
    }


def measure(path: Path, max_bytes: int, timeout: float) -> dict:
    cmd = [sys.executable, "-c", "from newsclean.cli import main; main()",
           "extract", str(path), "--jobs", "1", "--quiet", "--max-bytes", str(max_bytes)]
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(timeout), *cmd],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def best_of(path: Path, max_bytes: int, timeout: float, repeat: int) -> dict:
    """The fastest run and the smallest peak of ``repeat`` runs; a hang stops at once."""
    runs = []
    for _ in range(repeat):
        runs.append(measure(path, max_bytes, timeout))
        if runs[-1]["rc"] is None:
            return runs[-1]
    return {**min(runs, key=lambda run: run["wall"]), "peak_kb": min(run["peak_kb"] for run in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run counts as a hang")
    parser.add_argument("--only", nargs="*", help="run only the inputs whose name holds one of these words")
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; the best is shown")
    args = parser.parse_args()
    chosen = {name: spec for name, spec in inputs().items()
              if not args.only or any(word in name for word in args.only)}
    print(f"{'input':24} {'MB':>7} {'exit':>5} {'seconds':>8} {'peak MB':>8}  stderr")
    with tempfile.TemporaryDirectory(prefix="newsclean-pathological-") as folder:
        path = Path(folder) / "input.txt"
        for name, (make, max_bytes) in chosen.items():
            path.write_bytes(make())
            result = best_of(path, max_bytes, args.timeout, args.repeat)
            status = "hang" if result["rc"] is None else str(result["rc"])
            seconds = f">{args.timeout:.0f}" if result["rc"] is None else f"{result['wall']:.1f}"
            error = " ".join(result["stderr"]).replace(f"newsclean: {path}: ", "")
            print(f"{name:24} {path.stat().st_size / MB:7.1f} {status:>5} {seconds:>8} "
                  f"{result['peak_kb'] / 1024:8.0f}  {error[:60]}", flush=True)


if __name__ == "__main__":
    main()
