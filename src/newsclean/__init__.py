"""newsclean: clean, structured articles from raw scraped Bulgarian news pages.

    >>> import newsclean
    >>> record = newsclean.extract(raw_text, source="page.txt")
    >>> record.headline, record.body

See ``record.Record`` for the fields and SPEC.md for the contract.
"""
from .pipeline import extract, extract_bytes
from .record import Record

__version__ = "0.1.0"
__all__ = ["extract", "extract_bytes", "Record", "__version__"]
