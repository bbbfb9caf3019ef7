"""Read the language and site knowledge kept in ``newsclean/data/*.toml``,
and refuse a table that lacks what the code asks of it.

    table("page_bg")                   the parsed file, read once per process
    table("page_bg").phrases("agencies")  a list of phrases, checked
    table("page_bg").value("min_year")    any other entry, checked present
    DataError                          what a broken data file raises

The logic that uses the tables lives in the pipeline modules.  Every check
here raises ``DataError`` naming the file and the entry, at import of the
module that asks: a list a rule needs and the file lacks must stop the
program, not switch the rule off silently (``assert`` would vanish under
``python -O``).
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any


class DataError(Exception):
    """A data file does not hold what the code needs."""


@dataclass(frozen=True)
class Table:
    name: str
    entries: dict

    def value(self, *path: str) -> Any:
        """The entry at ``path`` (keys of nested tables)."""
        node: Any = self.entries
        for key in path:
            if not isinstance(node, dict) or key not in node:
                raise DataError(f"data/{self.name}.toml: no entry {'.'.join(path)!r}")
            node = node[key]
        return node

    def phrases(self, *path: str) -> tuple[str, ...]:
        """The list of phrases at ``path``: non-empty strings, each on one line."""
        return checked_phrases(self.value(*path), f"data/{self.name}.toml: {'.'.join(path)}")

    def require(self, condition: bool, what: str) -> None:
        """Raise DataError unless ``condition`` holds; ``what`` says what it is."""
        if not condition:
            raise DataError(f"data/{self.name}.toml: {what}")


def checked_phrases(found: Any, where: str) -> tuple[str, ...]:
    """``found`` as a tuple of phrases, or DataError naming ``where``."""
    if not isinstance(found, list):
        raise DataError(f"{where}: a list of phrases was expected")
    for phrase in found:
        if not isinstance(phrase, str) or not phrase.strip() or "\n" in phrase:
            raise DataError(f"{where}: {phrase!r} is not a one-line phrase")
    return tuple(found)


@functools.cache
def table(name: str) -> Table:
    """The parsed TOML table ``data/<name>.toml``."""
    with (files("newsclean") / "data" / f"{name}.toml").open("rb") as handle:
        return Table(name, tomllib.load(handle))
