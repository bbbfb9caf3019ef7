"""The whole chain: decode, normalise, split, classify, assemble.

``extract`` is pure: text in, record out.  ``extract_bytes`` adds the
decoding stage for callers that hold a file's bytes.
"""
from __future__ import annotations

from datetime import datetime

from .blocks import split_units
from .classify import classify
from .decode import decode
from .language import not_bulgarian
from .normalise import normalise
from .page import Page
from .record import Record, assemble


def extract(text: str, source: str | None = None, now: datetime | None = None,
            template: frozenset[str] = frozenset(),
            warnings: tuple[str, ...] = ()) -> Record:
    """The record of one page.

    ``now`` resolves relative dates ("преди 2 часа"); without it they are
    left unresolved.  ``template`` holds the line keys of a site's template
    learnt across many files (see ``template.learn_texts``); lines in it are
    boilerplate.  ``warnings`` (from decoding) go to the record, with
    ``not_bulgarian`` when the page is in another language.
    """
    clean = normalise(text)
    page = classify(split_units(clean), now=now, template=template)
    if not_bulgarian(clean):
        warnings = (*warnings, "not_bulgarian")
    return assemble(page, source, warnings)


def extract_bytes(data: bytes, source: str | None = None, now: datetime | None = None,
                  template: frozenset[str] = frozenset()) -> Record:
    """Decode then extract; raises ``decode.NotText`` for a binary file."""
    decoded = decode(data)
    return extract(decoded.text, source, now, template, decoded.warnings)


def explain(text: str, now: datetime | None = None,
            template: frozenset[str] = frozenset()) -> Page:
    """The classified page behind a record: every unit with its label and
    the reason, for ``newsclean explain``."""
    return classify(split_units(normalise(text)), now=now, template=template)
