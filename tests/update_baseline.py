"""The accuracy baseline: each fixture set's scores, held so that none drops.

    python tests/update_baseline.py                 # write today's scores
    python tests/update_baseline.py --allow-lower   # ... even where one is lower

Every folder under fixtures/ with NAME.txt + NAME.json pairs is a set.  It
is extracted as ``newsclean eval SET --now 2026-11-22T12:00:00+02:00``
does (as one folder, its template learnt) and scored with eval's figures.
``tests/accuracy_baseline.json`` holds, for each set, its number of pages,
a digest of its pages and expected records, and the scores named in
SCORES.  ``tests/test_accuracy.py`` fails when a set's score is below its
baseline (a count of mistakes above it), when its pages changed since the
baseline was written, or when a set has no baseline.

This script measures every set and writes the file.  It refuses, and
writes nothing, when a score would go down or a set's scores would go away,
unless given ``--allow-lower``: lowering the bar is a decision, to be said
in the commit that makes it.  Run it after a change that raises a score, so
that the gain is held too.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import NamedTuple

from newsclean.evaluate import evaluate_paths

from conftest import FIXTURES_NOW, fixture_sets, set_name

BASELINE = Path(__file__).with_name("accuracy_baseline.json")


class Score(NamedTuple):
    section: str          # where eval's summary holds it: summary[section][key]
    key: str
    higher_is_better: bool


SCORES = {
    "body_f1": Score("body", "macro_f1", True),
    "body_precision": Score("body", "macro_p", True),
    "body_recall": Score("body", "macro_r", True),
    "headline": Score("headline", "accuracy", True),
    "published": Score("published", "exact", True),
    "updated": Score("updated", "exact", True),
    "author": Score("author", "accuracy", True),
    "captions_exact": Score("captions", "exact", True),
    "captions_precision": Score("captions", "item_p", True),
    "captions_recall": Score("captions", "item_r", True),
    "no_article_right": Score("no_article", "right", True),
    "articles_flagged_no_article": Score("no_article", "false", False),
    "false_headlines": Score("headline", "false_headline", False),
    "false_dates": Score("published", "false_date", False),
    "wrong_dates": Score("published", "wrong_date", False),
}


class Measured(NamedTuple):
    pages: int
    digest: str
    scores: dict[str, float | int | None]
    failures: list[tuple[str, str]]   # inputs whose extraction failed

    def entry(self) -> dict:
        return {"pages": self.pages, "digest": self.digest, "scores": self.scores}


def pages_digest(folder: Path) -> str:
    """SHA-256 over the names and bytes of the set's pages and expected records."""
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.json")]):
        digest.update(f"{path.name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def measure(folder: Path) -> Measured:
    report = evaluate_paths(folder, now=FIXTURES_NOW)
    summary = report.summary()
    scores = {name: summary[score.section][score.key] for name, score in SCORES.items()}
    return Measured(summary["docs"], pages_digest(folder), scores, report.failures)


def drops(baseline: dict, measured: dict) -> list[str]:
    """The scores of ``measured`` that are worse than ``baseline``'s, one
    line each.  A score the baseline holds none of (a set without captions)
    cannot drop; one the baseline holds and that is now none has."""
    found = []
    for name, score in SCORES.items():
        was, now = baseline.get(name), measured.get(name)
        if was is None:
            continue
        if now is None or (now < was if score.higher_is_better else now > was):
            found.append(f"{name}: {was} -> {now}")
    return found


def read_baseline() -> dict[str, dict]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


def changes(name: str, was: dict | None, entry: dict) -> str:
    """What the new entry changes, for the person updating the baseline."""
    head = f"{name}: {entry['pages']} pages"
    if was is None:
        return head + " (new)"
    if was["digest"] != entry["digest"]:
        head += " (pages changed)"
    return head + "".join(f"\n  {key}: {was['scores'].get(key)} -> {value}"
                          for key, value in entry["scores"].items() if was["scores"].get(key) != value)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allow-lower", action="store_true",
                        help="write the scores even where one is lower than the baseline's, or a set is gone")
    args = parser.parse_args(argv)
    old, new = read_baseline(), {}
    for folder in fixture_sets():
        measured = measure(folder)
        if measured.failures:
            print(f"{set_name(folder)}: extraction failed: {measured.failures}", file=sys.stderr)
            return 1
        new[set_name(folder)] = measured.entry()
    for name, entry in new.items():
        print(changes(name, old.get(name), entry))
    refused = [f"{name}: {line}" for name, entry in new.items() if name in old
               for line in drops(old[name]["scores"], entry["scores"])]
    refused += [f"{name}: the set is gone, and its scores with it" for name in sorted(set(old) - set(new))]
    if refused and not args.allow_lower:
        print("lower than the baseline; not written (--allow-lower writes them):\n  " + "\n  ".join(refused),
              file=sys.stderr)
        return 1
    BASELINE.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
