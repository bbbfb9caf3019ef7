"""Score extracted records against a folder of expected records.

The figures and their definitions are those of the project's shared scorer
(``shared/tools/score.py``), so that both report the same numbers for the
same records:

body       token precision, recall and F1 over the multiset of ``\\w+``
           tokens of the NFC, lowercased text, per file; macro = the mean
           over files, micro = pooled over all tokens; near-perfect = files
           with F1 >= 0.95.  Files whose expected warnings hold
           ``no_article`` are scored apart: right when fewer than 20 tokens
           of body came out.  An article whose record warns ``no_article``
           is counted as an article flagged no_article.
headline   exact after NFC and whitespace folding (blank counts as none);
           a false headline is one given where none is expected; found =
           the share of expected headlines given right.
published  exact; day match = the same first 10 characters, or both none;
           a false date is given where none is expected, a wrong date is
           on another day than expected, a missed date is not given.
updated    exact.
author     exact after NFC and whitespace folding.
captions   items after NFC and whitespace folding: exact = the whole list
           right, in order; item precision and recall = items matched over
           items given and over items expected, pooled over all files.

A file whose record is missing (its extraction failed) is scored as an
empty record.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

_TOKEN = re.compile(r"\w+")
NO_ARTICLE_MAX_TOKENS = 20
NEAR_PERFECT = 0.95


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def folded(value: str | None) -> str | None:
    """NFC and whitespace folding; a blank value is none."""
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", value).split()) or None


def _stripped(value: str | None) -> str | None:
    """A date as compared: without surrounding spaces; a blank one is none."""
    if value is None:
        return None
    return value.strip() or None


def matched(gold: list, got: list) -> int:
    """How many items of ``got`` match one of ``gold`` (a multiset overlap)."""
    return sum((Counter(gold) & Counter(got)).values())


def overlap_scores(gold: list[str], got: list[str]) -> tuple[float, float, float]:
    """Token precision, recall and F1; two empty texts agree fully."""
    if not gold and not got:
        return 1.0, 1.0, 1.0
    common = matched(gold, got)
    precision = common / len(got) if got else 0.0
    recall = common / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class FileScore:
    name: str
    no_article: bool                 # the expected record holds no article
    precision: float = 1.0
    recall: float = 1.0
    f1: float = 1.0
    gold_tokens: int = 0
    got_tokens: int = 0
    common_tokens: int = 0
    no_article_ok: bool = True       # a page without article gave (almost) no body
    flagged_no_article: bool = False  # an article whose record warns no_article
    headline_expected: bool = False
    headline_ok: bool = True
    false_headline: bool = False
    published_ok: bool = True
    published_day_ok: bool = True
    false_date: bool = False
    wrong_date: bool = False
    missed_date: bool = False
    updated_ok: bool = True
    author_ok: bool = True
    captions_ok: bool = True
    captions_expected: int = 0
    captions_given: int = 0
    captions_matched: int = 0

    def failed_checks(self) -> list[str]:
        checks = (("no_article", self.no_article_ok), ("flagged_no_article", not self.flagged_no_article),
                  ("headline", self.headline_ok), ("date", self.published_ok), ("updated", self.updated_ok),
                  ("author", self.author_ok), ("captions", self.captions_ok))
        return [name for name, ok in checks if not ok]


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass
class Report:
    files: list[FileScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason) of inputs that failed

    def summary(self) -> dict[str, Any]:
        """The figures, with the keys and nesting of the shared scorer's JSON."""
        n = len(self.files)
        return {
            "docs": n,
            "predicted": n - len(self.missing),
            "missing": len(self.missing),
            "body": self._body(),
            "no_article": {"docs": sum(f.no_article for f in self.files),
                           "right": sum(f.no_article_ok for f in self.files if f.no_article),
                           "false": sum(f.flagged_no_article for f in self.files if not f.no_article)},
            **self._header(),
            "captions": self._captions(),
        }

    def _share(self, ok: Callable[[FileScore], bool]) -> float | None:
        return _ratio(sum(ok(f) for f in self.files), len(self.files))

    def _body(self) -> dict[str, Any]:
        bodies = [f for f in self.files if not f.no_article]
        common = sum(f.common_tokens for f in bodies)
        micro_p = _ratio(common, sum(f.got_tokens for f in bodies)) or 0.0
        micro_r = _ratio(common, sum(f.gold_tokens for f in bodies)) or 0.0
        return {
            "docs": len(bodies),
            "macro_f1": _ratio(sum(f.f1 for f in bodies), len(bodies)),
            "macro_p": _ratio(sum(f.precision for f in bodies), len(bodies)),
            "macro_r": _ratio(sum(f.recall for f in bodies), len(bodies)),
            "micro_p": micro_p,
            "micro_r": micro_r,
            "micro_f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0,
            "near_perfect": sum(f.f1 >= NEAR_PERFECT for f in bodies),
        }

    def _header(self) -> dict[str, Any]:
        files = self.files
        expected_headlines = sum(f.headline_expected for f in files)
        return {
            "headline": {"accuracy": self._share(lambda f: f.headline_ok),
                         "correct": sum(f.headline_ok for f in files),
                         "false_headline": sum(f.false_headline for f in files),
                         "found": _ratio(sum(f.headline_expected and f.headline_ok for f in files),
                                         expected_headlines),
                         "gold_headlines": expected_headlines},
            "published": {"exact": self._share(lambda f: f.published_ok),
                          "day_match": self._share(lambda f: f.published_day_ok),
                          "false_date": sum(f.false_date for f in files),
                          "wrong_date": sum(f.wrong_date for f in files),
                          "missed_date": sum(f.missed_date for f in files)},
            "updated": {"exact": self._share(lambda f: f.updated_ok)},
            "author": {"accuracy": self._share(lambda f: f.author_ok)},
        }

    def _captions(self) -> dict[str, Any]:
        files = self.files
        expected = sum(f.captions_expected for f in files)
        matched = sum(f.captions_matched for f in files)
        return {"exact": self._share(lambda f: f.captions_ok),
                "item_p": _ratio(matched, sum(f.captions_given for f in files)),
                "item_r": _ratio(matched, expected),
                "gold_items": expected}


def score_file(name: str, gold: dict, got: dict) -> FileScore:
    no_article = "no_article" in (gold.get("warnings") or [])
    result = FileScore(name, no_article)
    gold_tokens, got_tokens = tokens(gold.get("body")), tokens(got.get("body"))
    result.gold_tokens, result.got_tokens = len(gold_tokens), len(got_tokens)
    if no_article:
        result.no_article_ok = len(got_tokens) < NO_ARTICLE_MAX_TOKENS
    else:
        result.precision, result.recall, result.f1 = overlap_scores(gold_tokens, got_tokens)
        result.common_tokens = matched(gold_tokens, got_tokens)
        result.flagged_no_article = "no_article" in (got.get("warnings") or [])

    gold_headline, got_headline = folded(gold.get("headline")), folded(got.get("headline"))
    result.headline_expected = gold_headline is not None
    result.headline_ok = gold_headline == got_headline
    result.false_headline = gold_headline is None and got_headline is not None

    gold_date, got_date = _stripped(gold.get("published")), _stripped(got.get("published"))
    result.published_ok = gold_date == got_date
    if gold_date is None:
        result.false_date = got_date is not None
        result.published_day_ok = got_date is None
    elif got_date is None:
        result.missed_date, result.published_day_ok = True, False
    else:
        result.wrong_date = gold_date[:10] != got_date[:10]
        result.published_day_ok = not result.wrong_date
    result.updated_ok = _stripped(gold.get("updated")) == _stripped(got.get("updated"))
    result.author_ok = folded(gold.get("author")) == folded(got.get("author"))

    gold_captions = [folded(c) for c in gold.get("captions") or []]
    got_captions = [folded(c) for c in got.get("captions") or []]
    result.captions_ok = gold_captions == got_captions
    result.captions_expected, result.captions_given = len(gold_captions), len(got_captions)
    result.captions_matched = matched(gold_captions, got_captions)
    return result


def load_gold(folder: Path) -> dict[str, dict]:
    """Expected records by file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def evaluate(gold: dict[str, dict], records: dict[str, dict]) -> Report:
    report = Report()
    for name in sorted(gold):
        if name not in records:
            report.missing.append(name)
        report.files.append(score_file(name, gold[name], records.get(name, {})))
    return report


def evaluate_paths(gold_dir: Path, paths: Iterable[str] = (), now: datetime | None = None) -> Report:
    """Extract ``paths`` (by default the .txt files directly in ``gold_dir``)
    as ``newsclean extract`` does, a folder's files sharing the template
    learnt from them and relative dates read against ``now`` (else each
    file's modification time), and score the records against ``gold_dir``'s
    NAME.json files.  A record is matched to the expected one by its file's
    stem; the first of two with one stem counts."""
    from .runner import extract_here

    gold = load_gold(gold_dir)
    paths = list(paths)
    results = (extract_here(paths, now=now) if paths
               else extract_here([str(gold_dir)], "*.txt", recursive=False, now=now))
    records: dict[str, dict] = {}
    failures = []
    for source, result in results:  # each gives its record or the reason it failed
        if result.line is not None:
            records.setdefault(Path(source).stem, json.loads(result.line))
        elif result.error is not None:
            failures.append((source, result.error))
    report = evaluate(gold, {k: v for k, v in records.items() if k in gold})
    report.failures = failures
    return report


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_report(report: Report, worst: int = 10) -> str:
    s = report.summary()
    body, headline, published, captions = s["body"], s["headline"], s["published"], s["captions"]
    rows = [
        ("files (expected / extracted / missing)", f"{s['docs']} / {s['predicted']} / {s['missing']}"),
        ("body macro F1 (P / R)",
         f"{_figure(body['macro_f1'])}  ({_figure(body['macro_p'])} / {_figure(body['macro_r'])})"),
        ("body micro F1 (P / R)",
         f"{_figure(body['micro_f1'])}  ({_figure(body['micro_p'])} / {_figure(body['micro_r'])})"),
        (f"body near-perfect (F1 >= {NEAR_PERFECT:.2f})", f"{body['near_perfect']} / {body['docs']}"),
        (f"no_article right (< {NO_ARTICLE_MAX_TOKENS} tokens)",
         f"{s['no_article']['right']} / {s['no_article']['docs']}"),
        ("articles flagged no_article", str(s["no_article"]["false"])),
        ("headline accuracy", f"{_figure(headline['accuracy'])}  ({headline['correct']} / {s['docs']})"),
        ("false headlines (none expected)", str(headline["false_headline"])),
        ("headline found (one expected)", f"{_figure(headline['found'])}  (of {headline['gold_headlines']})"),
        ("published exact", _figure(published["exact"])),
        ("published day match", _figure(published["day_match"])),
        ("false / wrong / missed dates",
         f"{published['false_date']} / {published['wrong_date']} / {published['missed_date']}"),
        ("updated exact", _figure(s["updated"]["exact"])),
        ("author accuracy", _figure(s["author"]["accuracy"])),
        ("captions exact (whole list)", _figure(captions["exact"])),
        ("captions item P / R (expected items)",
         f"{_figure(captions['item_p'])} / {_figure(captions['item_r'])}  ({captions['gold_items']})"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:{width}}  {value}" for label, value in rows]
    lines.append("worst files:")
    ranked = sorted(report.files, key=lambda f: (f.f1 if not f.no_article else (1.0 if f.no_article_ok else 0.0)))
    for f in ranked[:worst]:
        body = "no article" if f.no_article else f"F1 {f.f1:.3f}"
        lines.append(f"  {f.name:45} {body:10}  {' '.join(f.failed_checks())}")
    return "\n".join(lines)
