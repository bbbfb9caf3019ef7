"""Stage 6: assemble the record of SPEC.md from a classified page."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import regex

from . import dates
from .page import Label, Page
from .tables import table
from .headline import clean_headline

_DOMAIN = regex.compile(r"(?:(?<![\w.@-])|@)(?:https?://)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,10}(?:bg|com|net|org|eu|info|news|tv))\b", regex.I)
_PAGE = table("page_bg")
_NOT_SITE = frozenset(_PAGE.phrases("not_site_domains"))
_SOURCE_MARKERS = _PAGE.phrases("source_markers")
_COPYRIGHT_MARKERS = _PAGE.phrases("copyright_markers")
SHORT_BODY_WORDS = 50


@dataclass
class Record:
    source: str | None
    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    site: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The contract's dict, keys in field order; its lists are copies."""
        return {**vars(self), "captions": list(self.captions), "warnings": list(self.warnings)}

    def to_json(self) -> str:
        # vars() keeps the fields' order and, unlike dataclasses.asdict,
        # copies nothing: a JSON line per page is on the hot path.
        return json.dumps(vars(self), ensure_ascii=False)


def find_site(page: Page) -> str | None:
    """The domain most printed outside the article body, if any: a domain
    in a copyright line or an e-mail address weighs most, one in furniture
    more than one elsewhere; outside copyright lines, a domain named as a
    story's source (on an "Източник:" line or right after "Прочетете
    цялата статия в източника") does not count."""
    seen: Counter[str] = Counter()
    for i, unit in enumerate(page.units):
        if page.labels[i] == Label.BODY or "." not in unit.text:
            continue
        domains = [m for m in _DOMAIN.finditer(unit.text) if m.group(1).lower() not in _NOT_SITE]
        if not domains:
            continue
        lowered = unit.text.casefold()
        if any(marker in lowered for marker in _COPYRIGHT_MARKERS):
            weight = 4
        elif _names_a_source(lowered) or (i > 0 and _names_a_source(page.units[i - 1].text.casefold())):
            continue
        else:
            weight = 2 if page.labels[i] in (Label.BOILERPLATE, Label.FURNITURE) else 1
        for match in domains:
            seen[match.group(1).lower()] += weight + (2 if match.group(0).startswith("@") else 0)
    return seen.most_common(1)[0][0] if seen else None


def _names_a_source(lowered: str) -> bool:
    return any(marker in lowered for marker in _SOURCE_MARKERS)


def assemble(page: Page, source: str | None, warnings: tuple[str, ...] = ()) -> Record:
    record = Record(source=source, site=find_site(page))
    text = [u.text for u in page.units]
    if not page.no_article:
        if page.headline is not None:
            others = (t for i, t in enumerate(text) if i != page.headline)
            record.headline = clean_headline(text[page.headline], others, page.weights) or None
        record.body = "\n\n".join(text[i] for i in page.body)
        record.captions = [text[i] for i in page.captions]
        names: list[str] = []
        for _, found in page.bylines:
            names.extend(n for n in found.split(", ") if n not in names)
        record.author = ", ".join(names) or None
    record.published, record.updated = dates.pick_article_dates(page.date_candidates)
    record.warnings = _warnings(record, page, warnings)
    return record


def _warnings(record: Record, page: Page, extra: tuple[str, ...]) -> list[str]:
    out = []
    if page.no_article:
        out.append("no_article")
    if not page.units:
        out.append("empty")
    if record.headline is None:
        out.append("no_headline")
    if record.published is None:
        out.append("no_date")
    if page.truncated:
        out.append("truncated")
    if not page.no_article and len(record.body.split()) < SHORT_BODY_WORDS:
        out.append("short_body")
    out.extend(extra)
    return out
