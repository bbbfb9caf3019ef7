"""newsclean: clean, structured articles from raw scraped Bulgarian news pages.

    >>> import newsclean
    >>> record = newsclean.extract(raw_text, source="page.txt")
    >>> record.headline, record.body

See ``record.Record`` for the fields and SPEC.md for the contract.

The pipeline is imported on first use of ``extract``, ``extract_bytes`` or
``Record``, not with the package: compiling its patterns and reading its
tables takes most of a second's tenth, which ``newsclean --version`` and
``--help`` need not pay.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["extract", "extract_bytes", "Record", "__version__"]

_LAZY = {"extract": ".pipeline", "extract_bytes": ".pipeline", "Record": ".record"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
