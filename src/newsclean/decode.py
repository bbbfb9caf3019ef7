"""Stage 1: turn a file's bytes into text, or say why they are not text.

Known file signatures (PDF, images, archives, executables) and bytes whose
first 64 KiB hold many control codes and are not UTF-16 text are binary:
``NotText("binary file")``.

A byte-order mark says UTF-8 or UTF-16; bytes that are valid UTF-8 are
UTF-8.  UTF-16 without a mark would look binary (every ASCII character
has a NUL byte, every Cyrillic letter a 0x04); it is told from binary
data by its byte pattern: one byte of each pair nearly always 0x00
(ASCII, Latin-1), 0x04 (Cyrillic) or 0x20-0x21 (dashes, quotes, "№"),
and the sample decoding to printable text with spaces between words.
Other bytes are decoded as each 8-bit Cyrillic encoding Bulgarian sites
have used (windows-1251, KOI8-R, ISO-8859-5) and as UTF-8 with
replacement characters (a UTF-8 file with a few broken bytes), and the
decoding that reads most like Bulgarian wins
(``language.bulgarian_score`` on a sample); windows-1251 wins ties and
is taken when there are too few non-ASCII bytes to tell.  When no
decoding reads like Cyrillic text the bytes fit no encoding, and UTF-8
with replacement characters keeps what can be kept.

Mojibake (UTF-8 text once read as windows-1251, "РџСЂРё", or as
windows-1252 or latin-1, "ÐŸÑ€Ð¸", and saved again) is read back, line by
line and up to three times over, where the line then reads clearly more
like Bulgarian.

The warnings: ``decoded_as:NAME`` when the encoding was not UTF-8,
``decoded_with_errors`` when some bytes fit no encoding and became U+FFFD,
``repaired_mojibake`` when some mojibake was read back.
"""
from __future__ import annotations

import codecs
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import regex

from .language import bulgarian_score

_BINARY_SIGNATURES = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"RIFF", b"OggS",
    b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"SQLite format 3", b"\xd0\xcf\x11\xe0",
    b"\x28\xb5\x2f\xfd", b"II*\x00", b"MM\x00*",
)
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# In order of preference: the first wins a tie.
_CYRILLIC_8BIT = ("cp1251", "koi8-r", "iso-8859-5")
# The encodings UTF-8 text gets wrongly read in, making mojibake.
_MOJIBAKE_SOURCES = ("cp1251", "cp1252")

_SAMPLE_BYTES = 65_536
# Fewer non-ASCII bytes than this cannot tell the 8-bit encodings apart.
_MIN_EVIDENCE_BYTES = 8
# A decoding that scores lower does not read like Cyrillic text at all
# (Bulgarian prose scores about 0.65, wrong decodings of it below 0.3).
_MIN_CYRILLIC_SCORE = 0.3
# How much more Bulgarian a line must read once repaired to be kept.
_CLEARLY_MORE = 0.2
_MAX_MOJIBAKE_ROUNDS = 3
# Text holds no control codes but tab, line feed, vertical tab, form feed
# and carriage return (a stray NUL at most); binary data about one byte in ten.
_CONTROLS = tuple(chr(c) for c in (*range(0x20), 0x7F) if chr(c) not in "\t\n\v\f\r")
# The same control codes as bytes: each is one byte in every 8-bit
# encoding and in UTF-8.
_CONTROL_BYTES = "".join(_CONTROLS).encode("ascii")
_MAX_CONTROL_SHARE = 0.05
# The high bytes of UTF-16 characters of Latin or Cyrillic text and its
# punctuation; random data has them in 4 high bytes in 256.
_UTF16_HIGH_BYTES = (b"\x00", b"\x04", b"\x20", b"\x21")
_MIN_UTF16_HIGH_SHARE = 0.95
# Characters no text holds: controls but the spacing ones, unassigned and
# private-use code points, and U+FFFD for bytes that decode to nothing.
_NOT_TEXT = regex.compile(r"[\p{Cc}\p{Cn}\p{Co}\ufffd--[\t\n\v\f\r]]", regex.V1)
# Text this long without a space or line break is no prose.
_LONGEST_WORD = 100


class NotText(ValueError):
    """The bytes are not a text file."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """The text of a file's bytes; raises NotText for a binary file."""
    if data.startswith(_BINARY_SIGNATURES):
        raise NotText("binary file")
    unicode_form, body = _byte_order_mark(data)
    sample = body[:_SAMPLE_BYTES]
    if unicode_form is None and _mostly_control_bytes(sample):
        # Control codes byte by byte, as every 8-bit encoding and UTF-8 read
        # them: binary data, or UTF-16 without a byte-order mark.
        unicode_form = unmarked_utf16(sample)
        if unicode_form is None:
            raise NotText("binary file")
    elif unicode_form and mostly_controls(sample.decode(unicode_form, errors="replace")):
        raise NotText("binary file")
    text, encoding, with_errors = _decode_as(body, unicode_form) if unicode_form else _read_unmarked(body)
    text, repaired = repair_mojibake(text)
    warnings = []
    if encoding != "utf-8":
        warnings.append(f"decoded_as:{encoding}")
    if with_errors:
        warnings.append("decoded_with_errors")
    if repaired:
        warnings.append("repaired_mojibake")
    return Decoded(text, encoding, tuple(warnings))


def mostly_controls(sample: str) -> bool:
    """Whether control codes are too common in ``sample`` for it to be text."""
    return sum(map(sample.count, _CONTROLS)) > _MAX_CONTROL_SHARE * len(sample)


def _mostly_control_bytes(sample: bytes) -> bool:
    """``mostly_controls`` of bytes read one character a byte (as latin-1
    reads them), counted in one pass at the speed of the codecs."""
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > _MAX_CONTROL_SHARE * len(sample)


def unmarked_utf16(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``sample`` is Latin or Cyrillic
    text in that encoding without a byte-order mark, else None."""
    for name, high_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        in_text_range = sum(map(high_bytes.count, _UTF16_HIGH_BYTES))
        if high_bytes and in_text_range >= _MIN_UTF16_HIGH_SHARE * len(high_bytes):
            # Not final: the sample may end inside a character.
            text = codecs.getincrementaldecoder(name)(errors="replace").decode(sample, final=False)
            if len(_NOT_TEXT.findall(text)) <= _MAX_CONTROL_SHARE * len(text) and _has_spaces(text):
                return name
    return None


def _has_spaces(text: str) -> bool:
    """Whether ``text`` has the spaces or line breaks between words that
    prose has; a run of one byte (0x04 0x04 ...) has none."""
    return len(text) <= _LONGEST_WORD or any(space in text for space in " \n\r\t\u00a0")


def _byte_order_mark(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark names, if any, and the bytes after it."""
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name, data[len(mark):]
    return None, data


def _read_unmarked(data: bytes) -> tuple[str, str, bool]:
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        return _decode_as(data, guess_encoding(data[:_SAMPLE_BYTES]))


def _decode_as(data: bytes, encoding: str) -> tuple[str, str, bool]:
    """(text, encoding, whether some bytes fit no encoding)."""
    try:
        return data.decode(encoding), encoding, False
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), encoding, True


def guess_encoding(sample: bytes) -> str:
    """The encoding of bytes that are not valid UTF-8, judged on a sample."""
    if len(sample) - len(sample.decode("ascii", errors="ignore")) < _MIN_EVIDENCE_BYTES:
        return _CYRILLIC_8BIT[0]
    scores = {name: bulgarian_score(sample.decode(name, errors="replace"))
              for name in (*_CYRILLIC_8BIT, "utf-8")}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= _MIN_CYRILLIC_SCORE else "utf-8"


# --- mojibake ------------------------------------------------------------------

def _c1_as_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encode C1 controls as the bytes of the same value: how latin-1, and
    browsers for the bytes an encoding leaves undefined, read those bytes."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chars = error.object[error.start:error.end]
    if not all("\x80" <= char <= "\x9f" for char in chars):
        raise error
    return chars.encode("latin-1"), error.end


codecs.register_error("newsclean-c1-as-bytes", _c1_as_bytes)


@dataclass(frozen=True)
class _Misreading:
    """UTF-8 bytes read as ``encoding``, and how to undo it."""
    encoding: str
    # Runs of the characters read from bytes 0x80-0xFF: the pieces of a
    # line that can be mojibake (ASCII reads the same in every encoding).
    runs: regex.Pattern
    # The lead byte of UTF-8 for Cyrillic (D0, D1) or punctuation (E2) and
    # a continuation byte, as the encoding reads them: "Ð¿", "Рџ", "вЂ".
    hint: regex.Pattern

    def undo(self, text: str) -> str:
        """``text`` as the UTF-8 it was made from; UnicodeError if it was not."""
        return text.encode(self.encoding, errors="newsclean-c1-as-bytes").decode("utf-8")

    def undo_runs(self, text: str) -> str:
        """``text`` with every run that was UTF-8 read back."""
        return self.runs.sub(lambda match: self._undo_or_keep(match.group()), text)

    def _undo_or_keep(self, run: str) -> str:
        try:
            return self.undo(run)
        except UnicodeError:
            return run


def _misreading(encoding: str) -> _Misreading:
    def chars(byte_values: Sequence[int]) -> str:
        read = "".join(bytes([b]).decode(encoding, errors="ignore") or chr(b) for b in byte_values)
        return "[" + regex.escape(read + "".join(chr(b) for b in byte_values if b < 0xA0)) + "]"

    return _Misreading(encoding, regex.compile(chars(range(0x80, 0x100)) + "+"),
                       regex.compile(chars((0xD0, 0xD1, 0xE2)) + chars(range(0x80, 0xC0))))


_MISREADINGS = tuple(_misreading(name) for name in _MOJIBAKE_SOURCES)


def _has_hint(text: str) -> bool:
    return any(misreading.hint.search(text) for misreading in _MISREADINGS)


def _lines_with_hints(text: str, lines: list[str]) -> set[int]:
    """The lines of ``text`` (``lines``, its split on line breaks) that hold
    a hint of mojibake: the hints are looked for over the whole text (a
    hint never holds a line break), not line by line."""
    starts = [0, *accumulate(len(line) + 1 for line in lines[:-1])]
    return {bisect_right(starts, match.start()) - 1
            for misreading in _MISREADINGS for match in misreading.hint.finditer(text)}


def repair_mojibake(text: str) -> tuple[str, bool]:
    """The text with its mojibake read back, and whether there was any.

    A text that is mojibake throughout is read back whole, at the speed of
    the codecs; otherwise each line with a hint of mojibake is, run by run.
    """
    if not _has_hint(text):
        return text, False
    whole = _best_reading(text, by_runs=False)
    if whole is not text:
        return whole, True
    lines = text.split("\n")
    hinted = _lines_with_hints(text, lines)
    repaired = [_best_reading(line, by_runs=True) if i in hinted else line for i, line in enumerate(lines)]
    if all(new is old for new, old in zip(repaired, lines)):
        return text, False
    return "\n".join(repaired), True


def _best_reading(text: str, by_runs: bool) -> str:
    """The best of up to three read-backs (text can be mojibake of mojibake)
    if it reads clearly more like Bulgarian than ``text``; else ``text``."""
    original: float | None = None   # scored only when some read-back differs (most hints are chance letter pairs)
    best_score, best = 0.0, text
    current = text
    for _ in range(_MAX_MOJIBAKE_ROUNDS):
        steps = {_read_back(current, misreading, by_runs) for misreading in _MISREADINGS
                 if misreading.hint.search(current)} - {current}
        if not steps:
            break
        if original is None:
            original = best_score = bulgarian_score(text)
        score, current = max((bulgarian_score(step), step) for step in steps)
        if score > best_score:
            best_score, best = score, current
    return best if original is not None and best_score >= original + _CLEARLY_MORE else text


def _read_back(text: str, misreading: _Misreading, by_runs: bool) -> str:
    """``text`` read back whole when it can be, else (``by_runs``) every run
    that can be, else unchanged."""
    try:
        return misreading.undo(text)
    except UnicodeError:
        return misreading.undo_runs(text) if by_runs else text
