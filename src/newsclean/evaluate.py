"""Score extracted records against a folder of expected records.

The metrics are those of the project's shared scorer: body tokens are the
``\\w+`` words of the NFC, lowercased text; per file precision, recall and
F1 over the multiset of tokens, averaged over files (macro) and pooled over
all tokens (micro).  Pages whose expected warnings hold ``no_article`` are
scored apart: right when fewer than 20 tokens of body came out.  Headline
and author compare after whitespace folding, dates exactly; a false date or
headline is one given where the expected record has none.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_TOKEN = re.compile(r"\w+")
NO_ARTICLE_MAX_TOKENS = 20


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def folded(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", value).split()) or None


def overlap_scores(gold: list[str], got: list[str]) -> tuple[float, float, float]:
    """Token precision, recall and F1; two empty texts agree fully."""
    if not gold and not got:
        return 1.0, 1.0, 1.0
    common = sum((Counter(gold) & Counter(got)).values())
    precision = common / len(got) if got else 0.0
    recall = common / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class FileScore:
    name: str
    no_article: bool
    precision: float = 1.0
    recall: float = 1.0
    f1: float = 1.0
    headline_ok: bool = True
    published_ok: bool = True
    author_ok: bool = True
    false_date: bool = False
    false_headline: bool = False
    no_article_ok: bool = True


@dataclass
class Report:
    files: list[FileScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        bodies = [f for f in self.files if not f.no_article]
        listings = [f for f in self.files if f.no_article]
        n = len(self.files) or 1

        def mean(values):
            values = list(values)
            return sum(values) / len(values) if values else None

        return {
            "files": len(self.files),
            "missing": len(self.missing),
            "body_f1": mean(f.f1 for f in bodies),
            "body_precision": mean(f.precision for f in bodies),
            "body_recall": mean(f.recall for f in bodies),
            "no_article_right": f"{sum(f.no_article_ok for f in listings)}/{len(listings)}",
            "headline_accuracy": sum(f.headline_ok for f in self.files) / n,
            "published_accuracy": sum(f.published_ok for f in self.files) / n,
            "author_accuracy": sum(f.author_ok for f in self.files) / n,
            "false_dates": sum(f.false_date for f in self.files),
            "false_headlines": sum(f.false_headline for f in self.files),
        }


def score_file(name: str, gold: dict, got: dict) -> FileScore:
    no_article = "no_article" in (gold.get("warnings") or [])
    result = FileScore(name, no_article)
    if no_article:
        result.no_article_ok = len(tokens(got.get("body"))) < NO_ARTICLE_MAX_TOKENS
    else:
        result.precision, result.recall, result.f1 = overlap_scores(tokens(gold.get("body")), tokens(got.get("body")))
    gold_headline, got_headline = folded(gold.get("headline")), folded(got.get("headline"))
    result.headline_ok = gold_headline == got_headline
    result.false_headline = gold_headline is None and got_headline is not None
    result.published_ok = gold.get("published") == got.get("published")
    result.false_date = gold.get("published") is None and got.get("published") is not None
    result.author_ok = folded(gold.get("author")) == folded(got.get("author"))
    return result


def load_gold(folder: Path) -> dict[str, dict]:
    """Expected records by file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def evaluate(gold: dict[str, dict], records: dict[str, dict]) -> Report:
    report = Report()
    for name, expected in gold.items():
        if name not in records:
            report.missing.append(name)
        report.files.append(score_file(name, expected, records.get(name, {})))
    return report


def format_report(report: Report, worst: int = 10) -> str:
    s = report.summary()
    pct = lambda v: "-" if v is None else f"{v:.3f}"
    lines = [
        f"files                 {s['files']} (missing {s['missing']})",
        f"body F1 (mean/file)   {pct(s['body_f1'])}  (P {pct(s['body_precision'])} / R {pct(s['body_recall'])})",
        f"no_article right      {s['no_article_right']}",
        f"headline accuracy     {pct(s['headline_accuracy'])}",
        f"published accuracy    {pct(s['published_accuracy'])}",
        f"author accuracy       {pct(s['author_accuracy'])}",
        f"false dates           {s['false_dates']}",
        f"false headlines       {s['false_headlines']}",
        "worst files:",
    ]
    ranked = sorted(report.files, key=lambda f: (f.f1 if not f.no_article else (1.0 if f.no_article_ok else 0.0)))
    for f in ranked[:worst]:
        checks = (("no_article", f.no_article_ok), ("headline", f.headline_ok),
                  ("date", f.published_ok), ("author", f.author_ok))
        flags = [name for name, ok in checks if not ok]
        lines.append(f"  {f.name:45} F1 {f.f1:.3f}  {' '.join(flags)}")
    return "\n".join(lines)
