"""Synthetic corpora for the newsclean benchmark, varied so no page repeats.

Every generated page starts from one real source page (``seeds/*.txt``,
``fixtures/dev/*.txt``, ``fixtures/heldout/*.txt``) and is then changed so that
no cache keyed on content, lines or blocks can recognise it:

* a per-page word map swaps some words of the page's prose for other words of
  the same case taken from a vocabulary built from all the sources; the map is
  applied to the whole page, so a headline printed twice stays printed twice
  and the page keeps its shape;
* a few body paragraphs get the word order of their sentences shuffled (the
  first and last word of each sentence stay in place, so capitals and
  sentence punctuation stay where a real sentence has them);
* every number is changed through a per-page map that keeps dates and times
  plausible (a month stays 1-12, an hour 0-23, a year a recent year) and
  keeps the number of digits of longer numbers.

Page ``i`` of a corpus depends only on (seed, i), so the pages of a smaller
corpus are the first pages of a larger one: ``build_corpora`` writes the
largest corpus once and hard-links the smaller ones from it.

Usable on its own::

    python benchmarks/corpus.py OUT_DIR --count 1000 [--seed 7]

The module does not import newsclean.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_GLOBS = ("seeds/*.txt", "fixtures/dev/*.txt", "fixtures/heldout/*.txt")
FILES_PER_FOLDER = 1000

_WORD = re.compile(r"[^\W\d_]{5,}")          # words worth swapping: 5+ letters
_DIGITS = re.compile(r"\d+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_PROSE_END = re.compile(r"[.!?…][\"'“”„»«’)\]]*$")

# How much of each page changes.
SWAP_SHARE = 0.25         # share of the page's distinct prose words that are swapped
MAX_SHUFFLED_PARAS = 3    # body paragraphs whose sentences get their words shuffled


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    prose_words: tuple[str, ...]     # distinct swappable words of the prose blocks
    prose_blocks: tuple[int, ...]    # indices (in text.split("\n\n")) of prose blocks


@dataclass(frozen=True)
class Vocabulary:
    lower: tuple[str, ...]
    capital: tuple[str, ...]


def source_paths(repo: Path = REPO) -> list[Path]:
    paths: list[Path] = []
    for pattern in SOURCE_GLOBS:
        paths.extend(sorted(repo.glob(pattern)))
    return paths


def _is_prose(block: str) -> bool:
    return len(block.split()) >= 12 and "\n" not in block.strip() and bool(_PROSE_END.search(block.strip()))


def load_sources(paths: Iterable[Path]) -> list[Source]:
    sources = []
    for path in paths:
        text = path.read_bytes().decode("utf-8", errors="replace")
        blocks = text.split("\n\n")
        prose = tuple(i for i, b in enumerate(blocks) if _is_prose(b))
        words = sorted({w for i in prose for w in _WORD.findall(blocks[i])})
        sources.append(Source(path.name, text, tuple(words), prose))
    if not sources:
        raise SystemExit("no source pages found (seeds/*.txt, fixtures/dev/*.txt)")
    return sources


def build_vocabulary(sources: Sequence[Source]) -> Vocabulary:
    lower, capital = set(), set()
    for src in sources:
        for word in src.prose_words:
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and word[1:].islower():
                capital.add(word)
    return Vocabulary(tuple(sorted(lower)), tuple(sorted(capital)))


def _new_number(digits: str, rng: random.Random) -> str:
    """A different number of the same kind: keeps dates and times plausible."""
    n, value = len(digits), int(digits)
    if n == 4 and 1990 <= value <= 2030:
        return str(rng.randint(2016, 2025) if value >= 2000 else rng.randint(1990, 1999))
    if n <= 2:
        if value == 0:
            return digits
        for low, high in ((1, 12), (13, 23), (24, 28), (29, 59), (60, 99)):
            if value <= high:
                new = rng.randint(low, high if n == 2 else min(high, 9))
                return f"{new:0{n}d}" if digits[0] == "0" else str(new)
    first = rng.choice("123456789") if digits[0] != "0" else "0"
    return first + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    out = []
    for sentence in _SENTENCE_SPLIT.split(paragraph):
        words = sentence.split(" ")
        if len(words) >= 4:
            middle = words[1:-1]
            rng.shuffle(middle)
            words = [words[0], *middle, words[-1]]
        out.append(" ".join(words))
    return " ".join(out)


def vary(src: Source, vocab: Vocabulary, rng: random.Random) -> str:
    """One new page made from ``src``."""
    blocks = src.text.split("\n\n")
    # Shuffle the word order of a few body paragraphs.
    if src.prose_blocks:
        k = min(len(src.prose_blocks), rng.randint(1, MAX_SHUFFLED_PARAS))
        for i in rng.sample(src.prose_blocks, k):
            blocks[i] = _shuffle_sentences(blocks[i], rng)
    text = "\n\n".join(blocks)
    # Swap words, the same way everywhere on the page.
    swaps: dict[str, str] = {}
    for word in src.prose_words:
        if rng.random() >= SWAP_SHARE:
            continue
        pool = vocab.lower if word.islower() else vocab.capital if word[0].isupper() else ()
        if pool:
            swaps[word] = rng.choice(pool)
    if swaps:
        text = _WORD.sub(lambda m: swaps.get(m.group(0), m.group(0)), text)
    # Change every number, the same way everywhere on the page.
    numbers: dict[str, str] = {}

    def number(m: re.Match) -> str:
        old = m.group(0)
        if old not in numbers:
            numbers[old] = _new_number(old, rng)
        return numbers[old]

    return _DIGITS.sub(number, text)


def page_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"newsclean-bench:{seed}:{index}")


def generate_page(sources: Sequence[Source], vocab: Vocabulary, seed: int, index: int,
                  attempt: int = 0) -> str:
    rng = page_rng(seed, index * 1000 + attempt)
    return vary(rng.choice(sources), vocab, rng)


def page_path(root: Path, index: int) -> Path:
    return root / f"d{index // FILES_PER_FOLDER:03d}" / f"page_{index:06d}.txt"


def _write_range(args: tuple) -> tuple[int, list[bytes]]:
    """Worker: write pages [start, stop) and return (bytes written, digests)."""
    root, start, stop, seed, paths = args
    sources = load_sources(Path(p) for p in paths)
    vocab = build_vocabulary(sources)
    total, digests = 0, []
    for i in range(start, stop):
        data = generate_page(sources, vocab, seed, i).encode("utf-8")
        path = page_path(Path(root), i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
        digests.append(hashlib.blake2b(data, digest_size=12).digest())
    return total, digests


def write_corpus(root: Path, count: int, seed: int = 7, workers: int | None = None,
                 repo: Path = REPO) -> int:
    """Write ``count`` varied pages under ``root``; return the bytes written.

    Pages that happen to repeat an earlier page byte for byte are regenerated
    (in practice none do).
    """
    paths = [str(p) for p in source_paths(repo)]
    workers = max(1, min(workers or os.cpu_count() or 1, 8))
    chunk = max(FILES_PER_FOLDER, -(-count // (workers * 4)))
    jobs = [(str(root), s, min(count, s + chunk), seed, paths) for s in range(0, count, chunk)]
    if workers == 1 or count <= 2 * FILES_PER_FOLDER:
        results = [_write_range(j) for j in jobs]
    else:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_write_range, jobs)
    total = sum(r[0] for r in results)
    digests = [d for r in results for d in r[1]]
    seen: set[bytes] = set()
    sources = vocab = None
    for i, digest in enumerate(digests):
        attempt = 0
        while digest in seen:
            if sources is None:
                sources = load_sources(Path(p) for p in paths)
                vocab = build_vocabulary(sources)
            attempt += 1
            data = generate_page(sources, vocab, seed, i, attempt).encode("utf-8")
            path = page_path(root, i)
            total += len(data) - path.stat().st_size
            path.write_bytes(data)
            digest = hashlib.blake2b(data, digest_size=12).digest()
        seen.add(digest)
    return total


def link_prefix(full: Path, root: Path, count: int) -> int:
    """Hard-link the first ``count`` pages of ``full`` into ``root``; return their bytes."""
    total = 0
    for i in range(count):
        src, dst = page_path(full, i), page_path(root, i)
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            dst.write_bytes(src.read_bytes())
        total += dst.stat().st_size
    return total


def build_corpora(base: Path, sizes: Sequence[int], seed: int = 7) -> dict[int, tuple[Path, int]]:
    """{size: (folder, bytes)}: the largest written, the others linked from it."""
    sizes = sorted(set(sizes))
    largest = sizes[-1]
    out: dict[int, tuple[Path, int]] = {}
    full = base / f"corpus_{largest}"
    out[largest] = (full, write_corpus(full, largest, seed))
    for size in sizes[:-1]:
        root = base / f"corpus_{size}"
        out[size] = (root, link_prefix(full, root, size))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    total = write_corpus(args.out, args.count, args.seed)
    print(f"{args.count} pages, {total / 1e6:.1f} MB in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
