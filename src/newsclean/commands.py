"""The ``explain``, ``template`` and ``eval`` commands: tools to see and
measure what extraction does."""
from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli import parse_now
from .inputs import InputError, read_bytes

if TYPE_CHECKING:
    from .page import Page
    from .template import Template

_GLOB = click.option("--glob", "pattern", metavar="PATTERN",
                     help="The folder's files a template is learnt from, as `newsclean extract --glob`.")


def _learnt(folder: str, pattern: str | None) -> Template | None:
    """The template `newsclean extract` learns for ``folder``'s own files,
    or None when it learns none (too few files)."""
    from .inputs import MAX_BYTES, walk_inputs
    from .template import folder_sample
    from .worker import learn_files

    first = next(walk_inputs([folder], pattern, recursive=False), None)
    sample = folder_sample(first.folder.paths()) if first is not None and first.folder is not None else None
    return learn_files(sample, MAX_BYTES) if sample else None


def _summary(folder: str, template: Template | None) -> str:
    from .template import MIN_FILES

    if template is None:
        return f"{folder}: fewer than {MIN_FILES} files, extracted alone: no template"
    return (f"{folder}: {len(template.seen)} template lines, learnt from {template.pages} pages, "
            f"{template.distinct} of them distinct (copies of one page count once)")


@click.command("explain")
@click.argument("path")
@click.option("--template", "with_template", is_flag=True,
              help="Apply the template `newsclean extract` learns for FILE's folder, and mark (T) the lines it removes.")
@_GLOB
def explain_command(path: str, with_template: bool, pattern: str | None) -> None:
    """Show every block of FILE with its label and the reason for it."""
    from .decode import NotText, decode
    from .pipeline import explain
    from .engines import EXIT_FAILED

    folder = os.path.dirname(path) or "."
    template = _learnt(folder, pattern) if with_template else None
    keys = template.keys if template is not None else frozenset()
    try:
        page = explain(decode(read_bytes(path)).text, template=keys)
    except (InputError, NotText) as exc:
        click.echo(f"newsclean: {path}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    verdict = "no article" if page.no_article else f"body units {page.body}, headline unit {page.headline}"
    click.echo(f"{path}: {len(page.units)} units; {verdict}")
    if with_template:
        click.echo(_summary(folder, template))
    for i, unit in enumerate(page.units):
        gap = "|" if unit.gap_before else " "
        text = unit.text if len(unit.text) <= 70 else unit.text[:67] + "..."
        mark, reason = _why(page, i, template)
        click.echo(f"{i:4} {page.labels[i]:11} {gap}{mark} {text:70}  <- {reason}")
    scored = [c for c in page.headline_candidates if c.score > float("-inf")]
    if scored:
        click.echo("headline candidates (best first; the headline needs a score of at least "
                   f"{page.weights.headline_threshold}):")
        for c in scored[:5]:
            click.echo(f"{c.line:4} {c.score:6.2f}  {page.units[c.line].text[:60]}  <- {c.why}")


def _why(page: Page, i: int, template: Template | None) -> tuple[str, str]:
    """The mark (T for a line the template removed) and the reason of unit i."""
    from .classify import TEMPLATE_REASON

    if page.reasons[i] != TEMPLATE_REASON or template is None:
        return " ", page.reason(i)
    return "T", f"site template: seen on {template.seen[page.features[i].key or '']} of {template.distinct} distinct pages"


@click.command("template")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@_GLOB
def template_command(folder: str, pattern: str | None) -> None:
    """Print the template `newsclean extract` learns for the files directly
    in FOLDER: each line with the number of distinct pages it was seen on,
    most seen first."""
    template = _learnt(folder, pattern)
    click.echo(_summary(folder, template))
    if template is not None:
        for key, seen in sorted(template.seen.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{seen:6}  {template.texts[key]}")


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("paths", nargs=-1)
@click.option("--now", metavar="ISO", callback=parse_now,
              help="Reference time for relative dates, as for extract; default: each file's modification time.")
@click.option("--worst", default=10, show_default=True, help="How many of the worst files to list.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the summary as one JSON object, with the keys of the shared scorer's --json.")
def eval_command(gold_dir: str, paths: tuple[str, ...], now: datetime | None, worst: int, as_json: bool) -> None:
    """Extract PATHS (default: the .txt files beside the expected records in
    GOLD_DIR) as `newsclean extract` does, a folder's files sharing the
    template learnt from them, and score the records against GOLD_DIR's
    NAME.json files."""
    from .evaluate import evaluate_paths, format_report

    report = evaluate_paths(Path(gold_dir), paths, now)
    for source, reason in report.failures:
        click.echo(f"newsclean: {source}: {reason}", err=True)
    if as_json:
        click.echo(json.dumps(report.summary(), ensure_ascii=False))
    else:
        click.echo(format_report(report, worst))
