"""Read the language and site knowledge kept in ``newsclean/data/*.toml``.

The tables are read once per process and shared; the logic that uses them
lives in the pipeline modules.
"""
from __future__ import annotations

import functools
import tomllib
from importlib.resources import files


@functools.cache
def load(name: str) -> dict:
    """The parsed TOML table ``data/<name>.toml``."""
    with (files("newsclean") / "data" / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
