"""Adversarial inputs shared by tests/test_bad_input.py and
benchmarks/pathological.py: long lines made to trip regular expressions,
and mojibake made the way programs make it.
"""
from __future__ import annotations


def adversarial_lines(length: int) -> dict[str, str]:
    """Lines of about ``length`` characters, each built to drive some kind of
    pattern into backtracking: long runs of one character class, a word or
    label repeated, openings never closed."""
    return {
        "digits": "7" * length,
        "dots": "." * length,
        "spaces": " " * length,
        "letters": "а" * length,
        "latin": "x" * length,
        "words": "Ааа бб " * (length // 7),
        "preди": "преди " * (length // 6),
        "tags": "<a " * (length // 3),
        "digits-dots": "12." * (length // 3),
        "labels": "x " + "ОБНОВЕНА " * (length // 9) + "y",
        "a-dots-a": "а" + "." * length + "а",
        "scripts": "<script>" * (length // 8),
        "comments": "<!--" * (length // 4),
        "entities": "&amp" * (length // 4),
        "mojibake-leads": "Р" * length,
    }


def misread(text: str, encoding: str) -> str:
    """UTF-8 text read as ``encoding`` as a browser would (undefined bytes
    become the C1 control of the same value): mojibake."""
    return "".join(bytes([b]).decode(encoding, errors="ignore") or chr(b) for b in text.encode("utf-8"))
