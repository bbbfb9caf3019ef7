"""Properties of extraction on any input (hypothesis).

Whatever bytes or text come in, ``extract_bytes`` and ``extract`` give a
record that keeps the contract of SPEC.md (or NotText for bytes that look
binary), and the body holds nothing that is not in the normalised input.
Extracting a record's own body again gives the same body.  Pages written
in UTF-16 without a byte-order mark decode to their own text.
"""
import json

import regex
from hypothesis import assume, HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.decode import NotText, decode
from newsclean.normalise import normalise

from conftest import SEED_GOLD, SEEDS, assert_valid_record

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def seed_sentences() -> list[str]:
    """The long sentences of the seeds' expected bodies: real Bulgarian prose."""
    sentences = []
    for path in sorted(SEED_GOLD.glob("*.json")):
        for paragraph in json.loads(path.read_text(encoding="utf-8"))["body"].split("\n\n"):
            for sentence in regex.split(r"(?<=[.!?…])\s+(?=[„\"\p{Lu}])", paragraph):
                if len(sentence.split()) >= 10 and sentence.endswith((".", "!", "?", "…")):
                    sentences.append(sentence)
    return sentences


SEED_LINES = sorted({line for text in seed_texts() for line in text.split("\n") if line.strip()})
SENTENCES = seed_sentences()
ODD_PIECES = [
    "<p>", "</p>", "<script>var a = 1;</script>", "<!-- x -->", "<a\nhref='x'>", "&bdquo;", "&ldquo",
    "&#8222;", "&nbsp;", "\r\n", "\r", "\t", "\f", "\x00", "\u00a0", "\u200b", "\u00ad", "\ufeff",
    "Р уският", "Преди 2 часа", "10:25 - 30.01.2026", " date 2025-09-03", "ОБНОВЕНА 03.09.2025 11:33",
    "Автор: Иван Петров", "Снимка: © Getty Images", "Сподели", "www.bta.bg", "РџСЂРё", "Ð¿Ñ€Ð¸",
]


def assert_from_input(record: newsclean.Record, normalised: str) -> None:
    """Every body paragraph and caption is text of the normalised input
    (a paragraph may join lines the dump had wrapped)."""
    flat = normalised.replace("\n", " ")
    for piece in [*record.body.split("\n\n"), *record.captions]:
        assert piece in flat, piece


def page_texts() -> st.SearchStrategy[str]:
    """Pages made of real seed lines, odd pieces and arbitrary text."""
    piece = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(ODD_PIECES), st.text(max_size=80))
    separator = st.sampled_from(["\n", "\n\n", " ", "", "\r\n\r\n"])
    return st.lists(st.tuples(piece, separator), max_size=40).map(
        lambda parts: "".join(p + s for p, s in parts))


def any_text() -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=2000), page_texts())


def any_bytes() -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, and pages in every encoding (UTF-16 with and without
    a byte-order mark) with arbitrary bytes spliced in."""
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                 "cp1251", "koi8-r", "iso-8859-5"])
    encoded = st.tuples(page_texts(), encodings).map(lambda t: t[0].encode(t[1], errors="replace"))
    spliced = st.tuples(encoded, st.binary(max_size=40), st.integers(min_value=0)).map(
        lambda t: t[0][:t[2] % (len(t[0]) + 1)] + t[1] + t[0][t[2] % (len(t[0]) + 1):])
    return st.one_of(st.binary(max_size=2000), encoded, spliced)


@SETTINGS
@given(any_bytes())
def test_any_bytes_give_a_valid_record_or_not_text(data):
    try:
        decoded = decode(data)
    except NotText:
        return
    record = newsclean.extract_bytes(data, source="page.txt")
    assert_valid_record(record)
    assert record.source == "page.txt"
    assert_from_input(record, normalise(decoded.text))


@SETTINGS
@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=30).map("\n".join),
       st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_pages_in_utf16_without_a_byte_order_mark_decode_to_their_text(text, encoding):
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)


@SETTINGS
@given(any_text())
def test_any_text_gives_a_valid_record_made_of_its_own_text(text):
    record = newsclean.extract(text)
    assert_valid_record(record)
    assert_from_input(record, normalise(text))


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
                min_size=2, max_size=6).map("\n\n".join))
def test_extracting_a_body_again_keeps_it(text):
    # A paragraph printed twice stays in the body once (a lead printed over
    # the photo and again as the first paragraph), so a page whose
    # paragraphs repeat gives a shorter body, which may be too thin for an
    # article on its own: the property is about pages of distinct paragraphs.
    paragraphs = text.split("\n\n")
    assume(len(set(paragraphs)) == len(paragraphs))
    body = newsclean.extract(text).body
    assert newsclean.extract(body).body == body

