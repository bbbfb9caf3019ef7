"""Bad input of every kind gives a correct record or one clear error line,
and never a hang or a crash (issue 6).

The inputs are made here from the seed pages, apart from the pages in other
languages and in UTF-16 without a byte-order mark kept in ``fixtures/bad/``;
the long adversarial lines and the mojibake come from ``adversarial.py``,
which ``benchmarks/pathological.py`` shares.
"""
import dataclasses
import errno
import importlib
import io
import json
import os
import pkgutil
import re
import signal
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

import newsclean
from newsclean.cli import main
from newsclean.decode import NotText, decode
from newsclean.inputs import InputError, read_bytes
from newsclean.normalise import normalise

from adversarial import adversarial_lines, misread
from conftest import BAD, DEV, FIXTURES, SEEDS, SUMMARY, assert_valid_record, outcomes

SEED = SEEDS[0].read_text(encoding="utf-8")


def fields(record: newsclean.Record) -> dict:
    """Everything of a record but its warnings."""
    return {k: v for k, v in record.to_dict().items() if k != "warnings"}


# --- encodings -----------------------------------------------------------------

@pytest.mark.parametrize("encoding, prefix, warning", [
    ("utf-8", b"", None),
    ("utf-8", b"\xef\xbb\xbf", None),
    ("utf-16-le", b"\xff\xfe", "decoded_as:utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "decoded_as:utf-16-be"),
    ("utf-16-le", b"", "decoded_as:utf-16-le"),
    ("utf-16-be", b"", "decoded_as:utf-16-be"),
    ("cp1251", b"", "decoded_as:cp1251"),
    ("koi8-r", b"", "decoded_as:koi8-r"),
    ("iso-8859-5", b"", "decoded_as:iso-8859-5"),
])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_encoding_gives_the_utf8_record_with_its_warning(seed, encoding, prefix, warning):
    # What the file can hold: KOI8-R and ISO-8859-5 have no „“ quotes.
    text = seed.read_text(encoding="utf-8").encode(encoding, errors="replace").decode(encoding)
    expected = newsclean.extract(text)
    record = newsclean.extract_bytes(prefix + text.encode(encoding))
    assert fields(record) == fields(expected)
    assert record.warnings == expected.warnings + ([warning] if warning else [])


@pytest.mark.parametrize("name, utf8_name, encoding", [
    ("utf16le_no_bom_agency_01.txt", "agency_01_grain_exports.txt", "utf-16-le"),
    ("utf16be_no_bom_citynews_01.txt", "citynews_01_tram_line.txt", "utf-16-be"),
], ids=["le", "be"])
def test_utf16_pages_without_a_byte_order_mark_give_the_record_of_their_text(name, utf8_name, encoding):
    data = (BAD / name).read_bytes()
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    expected = newsclean.extract((DEV / utf8_name).read_text(encoding="utf-8"))
    record = newsclean.extract_bytes(data)
    assert fields(record) == fields(expected) and record.body
    assert record.warnings == expected.warnings + [f"decoded_as:{encoding}"]


@pytest.mark.parametrize("text", [
    "The government approved the road repair plan for next year.",
    "Правителството одобри плана – „за ремонт“ № 5, 120 €…",
    "Да",
])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_latin_and_cyrillic_utf16_without_a_mark_is_told_from_binary(text, encoding):
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.warnings) == (text, (f"decoded_as:{encoding}",))


def test_unmarked_utf16_with_a_few_broken_bytes_keeps_the_rest_with_a_warning():
    half_pair = "\U0001F4F0".encode("utf-16-le")[:2]
    data = SEED[:500].encode("utf-16-le") + half_pair + SEED[500:].encode("utf-16-le") + b"\x31"
    decoded = decode(data)
    assert decoded.warnings == ("decoded_as:utf-16-le", "decoded_with_errors")
    assert decoded.text == SEED[:500] + "\ufffd" + SEED[500:] + "\ufffd"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "iso-8859-5"])
def test_one_sentence_is_enough_to_tell_the_8bit_encodings_apart(encoding):
    sentence = "Правителството одобри плана за ремонт на пътищата през следващата година."
    decoded = decode(sentence.encode(encoding))
    assert (decoded.text, decoded.encoding) == (sentence, encoding)


def test_too_few_non_ascii_bytes_to_tell_are_read_as_cp1251():
    decoded = decode("Bulgaria: България".encode("koi8-r")[:14])
    assert decoded.encoding == "cp1251"
    assert decoded.warnings == ("decoded_as:cp1251",)


def test_a_utf8_file_with_a_few_broken_bytes_stays_utf8_with_a_warning():
    data = SEED.encode("utf-8")
    broken = data[:500] + b"\xff\xfe" + data[500:1000] + b"\xc0" + data[1000:]
    decoded = decode(broken)
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ("decoded_with_errors",)
    assert decoded.text.count("\ufffd") == 3
    assert decoded.text.replace("\ufffd", "") == SEED


def test_bytes_that_fit_no_encoding_are_kept_with_replacement_characters():
    noise = bytes((i * 97 + 31) % 128 + 128 for i in range(3000))
    record = newsclean.extract_bytes(b"Headline\n\n" + noise)
    assert_valid_record(record)
    assert "decoded_with_errors" in record.warnings


@pytest.mark.parametrize("make", [
    lambda t: misread(t, "cp1251"),
    lambda t: misread(t, "cp1252"),
    lambda t: misread(t, "latin-1"),
    lambda t: misread(misread(t, "cp1251"), "cp1251"),
], ids=["cp1251", "cp1252", "latin-1", "cp1251-twice"])
def test_mojibake_is_read_back_with_a_warning(make):
    mojibake = make(SEED)
    assert regex.search(r"Ð¿|Р[џ\xa0]|вЂ", mojibake)
    record = newsclean.extract_bytes(mojibake.encode("utf-8"))
    assert fields(record) == fields(newsclean.extract(SEED))
    assert record.warnings == newsclean.extract(SEED).warnings + ["repaired_mojibake"]


def test_mojibake_lines_among_good_ones_are_read_back_alone():
    lines = SEED.split("\n")
    mixed = "\n".join(misread(line, "cp1252") if i % 3 == 0 else line for i, line in enumerate(lines))
    decoded = decode(mixed.encode("utf-8"))
    assert decoded.text == SEED and decoded.warnings == ("repaired_mojibake",)


@pytest.mark.parametrize("text", [
    "„НАТО“ и „ГЕРБ-СДС“ — В\u00a0понеделник, 5 С°.",
    "Цената е 5 лв. (С°) РЗС… „ЕС“",
    "Café, naïve, Ðóre",
])
def test_text_that_merely_looks_like_mojibake_is_kept(text):
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text and decoded.warnings == ()


# --- line endings, tabs, form feeds, NUL bytes -----------------------------------

@pytest.mark.parametrize("change", [
    lambda t: t.replace("\n", "\r\n"),
    lambda t: t.replace("\n", "\r"),
    lambda t: t.replace("\n", "\u2028"),
    lambda t: t.replace(" ", "\t", 40).replace(" ", " \t ", 40),
    lambda t: t.replace("\n\n", "\n\f\n"),
    lambda t: t.replace("а", "а\x00", 30),
    lambda t: t.replace(" ", "\u00a0\u200b", 30).replace("е", "е\u00ad", 30),
], ids=["crlf", "cr", "line-separator", "tabs", "form-feeds", "nul", "nbsp-zero-width-shy"])
def test_line_endings_and_odd_characters_give_the_same_record(change):
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        changed = change(text)
        assert changed != text
        assert newsclean.extract_bytes(changed.encode("utf-8")).to_dict() == newsclean.extract(text).to_dict()


def test_every_space_and_control_character_is_made_plain():
    odd = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0xA0, 0x1680, *range(0x2000, 0x2010),
                            0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0xD800]))
    cleaned = normalise(f"а {odd} б")
    assert set(cleaned) <= {"а", "б", " ", "\n", "\ufffd"}
    assert all(line == line.strip() and "  " not in line for line in cleaned.split("\n"))


# --- binary files ----------------------------------------------------------------

BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100),
    "gzip": b"\x1f\x8b\x08\x00" + bytes(range(256)),
    "nuls": bytes(4096),
    "no-signature": bytes((i * 7919) % 256 for i in range(5000)),
    # Near misses of UTF-16 without a byte-order mark:
    "16-bit-samples": b"".join(((i * 37) % 509 - 254).to_bytes(2, "little", signed=True) for i in range(5000)),
    "16-bit-counts": b"".join((i % 256).to_bytes(2, "little") for i in range(5000)),
    "eot-run": b"\x04" * 5000,
    "cyrillic-high-bytes": b"\x04\x00" * 5000,
    "utf-32": ("Новини от деня. " * 300).encode("utf-32-le"),
}


@pytest.mark.parametrize("data", BINARIES.values(), ids=BINARIES.keys())
def test_binary_files_are_refused(data):
    with pytest.raises(NotText, match="binary file"):
        newsclean.extract_bytes(data)


# --- empty files -------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"  \n\n\t\r\n  ", "\u00a0\u200b\n".encode()])
def test_empty_and_blank_files_give_an_empty_record(data):
    record = newsclean.extract_bytes(data, source="empty.txt")
    assert_valid_record(record)
    assert record.body == "" and record.headline is None
    assert {"no_article", "empty"} <= set(record.warnings)


# --- size -----------------------------------------------------------------------------

def test_a_one_megabyte_line_of_prose_gives_its_body():
    prose = " ".join(SEED.split())
    line = " ".join([prose] * (1_000_000 // len(prose.encode()) + 1))
    record = newsclean.extract_bytes(line.encode("utf-8"))
    assert_valid_record(record)
    assert len(record.body) > 500_000 and "\n" not in record.body


# --- HTML leftovers -----------------------------------------------------------------

@pytest.mark.parametrize("dirty, clean", [
    ("а<script type='x'>var a = '<b>';\nif (a < b) {}</script>б", "а б"),
    ("а<SCRIPT>x</script >б<style>\np { color: red }\n</style>в", "а б в"),
    ("а<!-- коментар\nна два реда -->б", "а б"),
    ("а <p\nclass=\"lead\">текст</p\n> б", "а текст б"),
    ("&bdquo;Да&ldquo; и &bdquo Не&ldquo, &#8222;x&#8220; &#8222y &#x201E;z&#x201C", "„Да“ и „ Не“, „x“ „y „z“"),
    ("5&nbsp;км &amp; AT&T &copy 2025", "5 км & AT&T © 2025"),
    ("Р уският посланик", "Руският посланик"),
])
def test_html_leftovers_go(dirty, clean):
    assert normalise(dirty) == clean


def test_an_unclosed_script_or_comment_removes_nothing_after_it():
    assert normalise("<script>а\n\nб") == "а\n\nб"
    assert normalise("а <!-- б\n\nв") == "а <!-- б\n\nв"


# --- pages in other languages ------------------------------------------------------

@pytest.mark.parametrize("path", sorted(BAD.glob("page_*.txt")), ids=lambda p: p.stem)
def test_pages_in_other_languages_are_flagged(path):
    record = newsclean.extract(path.read_text(encoding="utf-8"))
    assert "not_bulgarian" in record.warnings


@pytest.mark.parametrize("path", [*SEEDS, *sorted(FIXTURES.rglob("*.txt"))], ids=lambda p: p.stem)
def test_bulgarian_pages_are_never_flagged(path):
    if path.parent == BAD:
        return
    assert "not_bulgarian" not in newsclean.extract_bytes(path.read_bytes()).warnings  # some are windows-1251


def test_a_page_without_letters_is_not_judged():
    assert "not_bulgarian" not in newsclean.extract("12.03.2025\n\n10:15 | 42 | ***").warnings


# --- unreadable paths --------------------------------------------------------------

def make_bad_paths(folder: Path) -> dict[str, str]:
    """Paths that cannot be read, each with the reason expected for it."""
    (folder / "broken.txt").symlink_to(folder / "missing.txt")
    (folder / "relative.txt").symlink_to("../elsewhere/page.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "ping.txt").symlink_to(folder / "pong.txt")
    (folder / "pong.txt").symlink_to(folder / "ping.txt")
    os.mkfifo(folder / "fifo.txt")
    reasons = {"broken.txt": f"broken symbolic link -> {folder / 'missing.txt'}",
               "relative.txt": "broken symbolic link -> ../elsewhere/page.txt",
               "loop.txt": "symbolic link loop", "ping.txt": "symbolic link loop",
               "pong.txt": "symbolic link loop", "fifo.txt": "not a regular file (FIFO)"}
    if os.geteuid() != 0:  # root reads everything
        (folder / "locked.txt").write_text(SEED, encoding="utf-8")
        (folder / "locked.txt").chmod(0)
        reasons["locked.txt"] = "permission denied"
    return reasons


def reason_for(path: Path | str, **options) -> str:
    with pytest.raises(InputError) as refused:
        read_bytes(str(path), **options)
    return str(refused.value)


def test_unreadable_paths_give_their_reason(tmp_path):
    for name, reason in make_bad_paths(tmp_path).items():
        assert reason_for(tmp_path / name) == reason
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text(SEED, encoding="utf-8")
    for name, reason in [("folder", "is a directory"), ("file.txt/x", "not a directory"), ("gone.txt", "no such file")]:
        assert reason_for(tmp_path / name) == reason


def test_sockets_and_devices_are_named(tmp_path):
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "socket.txt"))
        assert reason_for(tmp_path / "socket.txt") == "not a regular file (socket)"
    assert reason_for(os.devnull) == "not a regular file (character device)"


def test_a_fifo_put_in_place_of_a_file_after_its_stat_is_refused_without_blocking(tmp_path, monkeypatch):
    regular = tmp_path / "page.txt"
    regular.write_text(SEED, encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    real_stat = os.stat

    def stat_before_the_swap(path, *args, **kwargs):
        return real_stat(regular if path == str(fifo) else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_before_the_swap)
    assert reason_for(fifo) == "not a regular file (FIFO)"


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "page.txt"
    path.write_text(SEED, encoding="utf-8")

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert reason_for(path) == "permission denied"


def test_a_file_the_run_found_and_that_is_gone_when_read_vanished(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(SEED, encoding="utf-8")
    listed = [str(p) for p in tmp_path.iterdir()]
    path.unlink()
    assert reason_for(listed[0], found_earlier=True) == "vanished during the run"
    assert reason_for(listed[0]) == "no such file"


def test_a_file_removed_between_its_stat_and_its_opening_vanished(tmp_path, monkeypatch):
    path = tmp_path / "page.txt"
    path.write_text(SEED, encoding="utf-8")
    real_open = os.open

    def remove_then_open(name, *args, **kwargs):
        os.unlink(name)
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", remove_then_open)
    assert reason_for(path) == "vanished during the run"


def test_a_link_whose_file_was_removed_during_the_run_is_a_broken_link(tmp_path):
    (tmp_path / "page.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to("page.txt")
    (tmp_path / "page.txt").unlink()
    assert reason_for(tmp_path / "link.txt", found_earlier=True) == "broken symbolic link -> page.txt"


def test_a_limit_reads_one_byte_past_it_and_no_more(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"x" * 1000)
    assert len(read_bytes(str(path), limit=100)) == 101
    assert len(read_bytes(str(path), limit=5000)) == 1000
    assert len(read_bytes("-", io.BytesIO(b"y" * 1000), limit=10)) == 11
    assert len(read_bytes("-", io.BytesIO(b"y" * 1000))) == 1000


# --- a run over good and bad files --------------------------------------------------

def test_a_run_over_good_and_bad_files_reports_each_bad_one_and_goes_on(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    good = {
        "a_utf8.txt": SEED.encode("utf-8"),
        "b_cp1251.txt": SEED.encode("cp1251", errors="replace"),
        "c_utf16.txt": b"\xff\xfe" + SEED.encode("utf-16-le"),
        "c_utf16_no_bom.txt": (BAD / "utf16be_no_bom_citynews_01.txt").read_bytes(),
        "d_mojibake.txt": misread(SEED, "cp1251").encode("utf-8"),
        "e_empty.txt": b"",
        "f_russian.txt": (BAD / "page_russian.txt").read_bytes(),
    }
    for name, data in good.items():
        (folder / name).write_bytes(data)
    bad = {name: "binary file" for name in ("g_image.png", "h_nuls.txt")}
    (folder / "g_image.png").write_bytes(BINARIES["png"])
    (folder / "h_nuls.txt").write_bytes(BINARIES["nuls"])
    bad.update(make_bad_paths(folder))

    result = CliRunner().invoke(main, ["extract", str(folder), "--jobs", "2"])

    assert result.exit_code == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert sorted(records) == sorted(good)
    for record in records.values():
        assert_valid_record(newsclean.Record(**record))
    assert "decoded_as:cp1251" in records["b_cp1251.txt"]["warnings"]
    assert "decoded_as:utf-16-be" in records["c_utf16_no_bom.txt"]["warnings"]
    assert "repaired_mojibake" in records["d_mojibake.txt"]["warnings"]
    assert "not_bulgarian" in records["f_russian.txt"]["warnings"]
    errors = [line for line in result.stderr.splitlines() if not SUMMARY.match(line)]
    assert sorted(errors) == sorted(f"newsclean: {folder / name}: {reason}" for name, reason in bad.items())
    missing = sum(reason.startswith("broken symbolic link") for reason in bad.values())
    binary = sum(reason == "binary file" for reason in bad.values())
    assert outcomes(result.stderr) == {"read": len(good) + binary, "written": len(good), "skipped": 0,
                                       "failed": binary, "missing": missing, "oversized": 0,
                                       "refused": len(bad) - binary - missing, "known": 0}


# --- every regex against long adversarial lines -------------------------------------

ADVERSARIAL = adversarial_lines(100_000)


# What the optional extras bring (pyproject.toml).
EXTRAS_PACKAGES = {"dask", "distributed", "fsspec"}


def package_patterns():
    """(module, name, pattern) of every compiled pattern in the package's
    module globals, also inside tuples of dataclasses (decode's misreadings).
    A module of an extra that is not installed (dask_engine) is left out."""
    for info in pkgutil.iter_modules(newsclean.__path__):
        try:
            module = importlib.import_module(f"newsclean.{info.name}")
        except ModuleNotFoundError as exc:
            if exc.name in EXTRAS_PACKAGES:
                continue
            raise
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                yield info.name, name, value
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if dataclasses.is_dataclass(item):
                        for field in dataclasses.fields(item):
                            inner = getattr(item, field.name)
                            if isinstance(inner, (re.Pattern, regex.Pattern)):
                                yield info.name, f"{name}[{i}].{field.name}", inner


def adversarial_cases():
    for module, name, pattern in package_patterns():
        for kind, line in ADVERSARIAL.items():
            yield pytest.param(pattern, line, id=f"{module}.{name}-{kind}")


# The slowest pattern takes about 0.15 s on a line; one that backtracks
# takes minutes (a schedule-entry pattern took 248 s on 100,000 spaces).
PATTERN_SECONDS = 5


@contextmanager
def time_limit(seconds: float, what: str):
    """Fail the test when the block runs longer than ``seconds``: the alarm
    interrupts re's and regex's matching loops, which check for signals."""
    def too_slow(_signum, _frame):
        pytest.fail(f"{what} took more than {seconds} s", pytrace=False)

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("pattern, line", list(adversarial_cases()))
def test_every_pattern_gets_through_a_long_adversarial_line_in_seconds(pattern, line):
    with time_limit(PATTERN_SECONDS, f"{pattern.pattern[:60]!r} on this line"):
        pattern.search(line)
        pattern.match(line)
        pattern.findall(line)
        pattern.sub("", line)


@pytest.mark.parametrize("module", [re, regex], ids=["re", "regex"])
def test_a_pattern_that_backtracks_fails_its_case_instead_of_hanging(module):
    with pytest.raises(pytest.fail.Exception, match="took more than 0.2 s"):
        with time_limit(0.2, "(x+x+)+y on x's"):
            module.search(r"(x+x+)+y", "x" * 5000)


def test_the_collection_finds_the_patterns_of_every_stage():
    found = {(module, name) for module, name, _ in package_patterns()}
    assert {("normalise", "_SCRIPT_STYLE"), ("decode", "_MISREADINGS[0].hint"),
            ("language", "_CYRILLIC_WORD"), ("decode", "_NOT_TEXT")} <= found
