"""Where the time of `newsclean extract --jobs 1` goes, against the floor.

Issue 7 asked `--jobs 1` to reach a third of the floor's pages per second
(the floor: read a file, split it on blank lines, write a JSON line); that
target is retired (issue 17 compares newsclean with the other cleaners on
the same pages instead, in bench.py), but what each stage costs against
the floor still shows where the time goes.  This script measures, in one
process and on one generated corpus, the floor and then the floor plus
newsclean's stages added one at a time, so that each line shows what the pipeline costs up to that stage:

    floor                        read + decode + split on blank lines + json.dumps
    + normalise                  entities, tags, spaces, drop caps
    + split into lines           blocks.split_units
    + one word scan a line       features.words_of on every line: the least
                                 any line classifier has to read
    + measure every line         features.measure_page (in place of the scan)
    + classify, record, JSON     the whole of newsclean.extract_bytes + to_json

Every stage reads its files itself, as the floor of ``bench.py`` does (after
the first pass they come from the page cache).  Each figure is the best of
``--repeat`` passes over the same files, in microseconds a page and as a
share of the floor's pages per second.

    python benchmarks/budget.py                  # 1,000 generated pages
    python benchmarks/budget.py --pages 300 --repeat 3
    python benchmarks/budget.py --corpus DIR     # pages you have
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402  (benchmarks/corpus.py)
import newsclean  # noqa: E402
from newsclean import blocks, features, normalise  # noqa: E402

NOW = datetime(2026, 11, 22, 12, tzinfo=timezone.utc)


def read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def floor(path: str, data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    parts = [b.strip() for b in text.split("\n\n") if b.strip()]
    return json.dumps({"source": path, "blocks": parts}, ensure_ascii=False)


def with_normalise(path: str, data: bytes) -> str:
    floor(path, data)
    return normalise.normalise(data.decode("utf-8", "replace"))


def with_lines(path: str, data: bytes) -> list[str]:
    return [unit.text for unit in blocks.split_units(with_normalise(path, data))]


def with_word_scan(path: str, data: bytes) -> None:
    for line in with_lines(path, data):
        features.words_of(line)


def with_measure(path: str, data: bytes) -> None:
    features.measure_page(with_lines(path, data), NOW)


def whole(path: str, data: bytes) -> str:
    return newsclean.extract_bytes(data, source=path, now=NOW).to_json()


STAGES: list[tuple[str, Callable[[str, bytes], object]]] = [
    ("floor", floor),
    ("+ normalise", with_normalise),
    ("+ split into lines", with_lines),
    ("+ one word scan a line", with_word_scan),
    ("+ measure every line", with_measure),
    ("+ classify, record, JSON", whole),
]


def best_seconds(stage: Callable[[str, bytes], object], paths: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for path in paths:
            stage(path, read(path))
        best = min(best, time.perf_counter() - started)
    return best


def list_pages(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def measure(paths: list[str], repeat: int) -> list[dict]:
    whole(paths[0], read(paths[0]))  # imports and data files loaded before timing
    rows, floor_seconds = [], None
    for name, stage in STAGES:
        seconds = best_seconds(stage, paths, repeat)
        floor_seconds = floor_seconds or seconds
        rows.append({"stage": name, "us_per_page": 1e6 * seconds / len(paths),
                     "pages_per_s": len(paths) / seconds,
                     "share_of_floor": floor_seconds / seconds})
    return rows


def table(rows: list[dict], pages: int) -> str:
    out = [f"{pages} pages",
           f"{'stage':28} {'us/page':>9} {'pages/s':>9} {'share of floor':>15}"]
    for row in rows:
        out.append(f"{row['stage']:28} {row['us_per_page']:9.0f} {row['pages_per_s']:9.0f}"
                   f" {row['share_of_floor']:15.3f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="generated pages (default 1,000)")
    parser.add_argument("--repeat", type=int, default=5, help="passes per stage (default 5)")
    parser.add_argument("--corpus", type=Path, help="measure the files of this folder instead")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            paths = list_pages(args.corpus)
        else:
            corpus.write_corpus(Path(tmp), args.pages, workers=os.cpu_count())
            paths = list_pages(Path(tmp))
        if not paths:
            parser.error("no pages to measure")
        rows = measure(paths, args.repeat)
    print(table(rows, len(paths)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
