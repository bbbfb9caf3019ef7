"""Stage 5a: clean the text of the headline that ``header.py`` found.

Which line is the headline is decided in ``header.py``.  This module only
cleans that line: it removes what sites add to a title, labels
("ОБНОВЕНА", "ВИДЕО"), a photo credit ("Снимка: © Getty Images") and a
" | Site name" suffix.
"""
from __future__ import annotations

import regex

from .marks import credit_position, strip_labels

_SITE_SUFFIX = regex.compile(r"\s+\|\s+[^|]{1,40}$")


def clean_headline(text: str) -> str:
    """The title without labels, photo credit or site-name suffix."""
    cut = credit_position(text)
    if cut > 0:
        text = text[:cut]
    text = _SITE_SUFFIX.sub("", text.strip())
    return strip_labels(text).strip(" -–—|")
