"""Stage 1: turn a file's bytes into text, or say why they are not text.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
are read as such; anything else that is not valid UTF-8 is read as
windows-1251, the encoding of older Bulgarian sites, and the record says so
with a ``decoded_as:cp1251`` warning.  Bytes that look like a binary file
(NUL bytes in plain 8-bit text, known file signatures) are refused.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

_BINARY_SIGNATURES = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"RIFF", b"OggS",
    b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"SQLite format 3",
)


class NotText(ValueError):
    """The bytes are not a text file."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_SIGNATURES):
        return True
    sample = data[:8192]
    return b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Decoded(data[2:].decode(name, errors="replace"), name, (f"decoded_as:{name}",))
    if looks_binary(data):
        raise NotText("binary file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1251", errors="replace"), "cp1251", ("decoded_as:cp1251",))
