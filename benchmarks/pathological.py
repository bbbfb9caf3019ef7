"""Time and memory of ``newsclean extract`` on pathological inputs (issue 6).

    python benchmarks/pathological.py              # every input, 300 s limit each
    python benchmarks/pathological.py --timeout 60 --only line dots

The inputs are built in a temporary folder from the seed pages: 50 MB files
(UTF-8, windows-1251, mojibake), a 5 MB page on one line, lines of 100,000
adversarial characters (digits, dots, spaces, letters, "преди " repeated,
"<a " repeated, ...) and binary files (random bytes, a PNG, 50 MB of NULs).
Each input gets its own run of ``newsclean extract FILE --jobs 1`` under a
small ``python -c`` wrapper that prints the wall time and
``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the peak resident memory of that
run alone.  A run still going after ``--timeout`` seconds is killed and
shown as a timeout: a hang.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = 50_000_000
LINE = 5_000_000
ADVERSARIAL_CHARS = 100_000

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


def misread_as_cp1251(text: str) -> str:
    """Mojibake: UTF-8 read as windows-1251 the way browsers do."""
    return "".join(bytes([b]).decode("cp1251", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def adversarial_lines() -> dict[str, str]:
    n = ADVERSARIAL_CHARS
    return {
        "digits": "7" * n,
        "dots": "." * n,
        "spaces": " " * n,
        "letters": "а" * n,
        "words": "Ааа бб " * (n // 7),
        "preди": "преди " * (n // 6),
        "tags": "<a " * (n // 3),
        "digits-dots": "12." * (n // 3),
        "labels": "x " + "ОБНОВЕНА " * (n // 9) + "y",
        "scripts": "<script>" * (n // 8),
        "comments": "<!--" * (n // 4),
    }


def build(folder: Path) -> dict[str, Path]:
    """Every input, written to ``folder``: name -> path."""
    page = seed_text() + "\n\n"
    files = {
        "50MB utf-8": repeated(page.encode("utf-8"), BIG),
        "50MB cp1251": repeated(page.encode("cp1251", errors="replace"), BIG),
        "50MB mojibake": repeated(misread_as_cp1251(page).encode("utf-8"), BIG),
        "5MB one line": repeated((" ".join(page.split()) + " ").encode("utf-8"), LINE),
        **{f"100k {name}": line.encode("utf-8") for name, line in adversarial_lines().items()},
        "binary random 50MB": os.urandom(BIG),
        "binary png 50MB": b"\x89PNG\r\n\x1a\n" + os.urandom(BIG),
        "binary NULs 50MB": bytes(BIG),
    }
    paths = {}
    for i, (name, data) in enumerate(files.items()):
        paths[name] = folder / f"{i:02d}.txt"
        paths[name].write_bytes(data)
    return paths


def measure(path: Path, timeout: float) -> dict:
    cmd = [sys.executable, "-c", "from newsclean.cli import main; main()",
           "extract", str(path), "--jobs", "1", "--quiet", "--max-bytes", str(2 * BIG)]
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(timeout), *cmd],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run counts as a hang")
    parser.add_argument("--only", nargs="*", help="run only the inputs whose name holds one of these words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-pathological-") as folder:
        inputs = build(Path(folder))
        print(f"{'input':24} {'MB':>7} {'exit':>5} {'seconds':>8} {'peak MB':>8}  stderr")
        for name, path in inputs.items():
            if args.only and not any(word in name for word in args.only):
                continue
            result = measure(path, args.timeout)
            status = "hang" if result["rc"] is None else str(result["rc"])
            seconds = f">{args.timeout:.0f}" if result["rc"] is None else f"{result['wall']:.1f}"
            print(f"{name:24} {path.stat().st_size / 1e6:7.1f} {status:>5} {seconds:>8} "
                  f"{result['peak_kb'] / 1024:8.0f}  {' '.join(result['stderr'])[:60]}", flush=True)


if __name__ == "__main__":
    main()
