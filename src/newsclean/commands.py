"""The ``explain`` and ``eval`` commands: tools to see and measure what
extraction does."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click

from .cli import parse_now
from .inputs import InputError, read_bytes


@click.command("explain")
@click.argument("path")
def explain_command(path: str) -> None:
    """Show every block of FILE with its label and the reason for it."""
    from .decode import NotText, decode
    from .pipeline import explain
    from .runner import EXIT_FAILED

    try:
        page = explain(decode(read_bytes(path)).text)
    except (InputError, NotText) as exc:
        click.echo(f"newsclean: {path}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    verdict = "no article" if page.no_article else f"body units {page.body}, headline unit {page.headline}"
    click.echo(f"{path}: {len(page.units)} units; {verdict}")
    for i, unit in enumerate(page.units):
        gap = "|" if unit.gap_before else " "
        text = unit.text if len(unit.text) <= 70 else unit.text[:67] + "..."
        click.echo(f"{i:4} {page.labels[i]:11} {gap} {text:70}  <- {page.reason(i)}")
    scored = [c for c in page.headline_candidates if c.score > float("-inf")]
    if scored:
        click.echo("headline candidates (best first; the headline needs a score of at least "
                   f"{page.weights.headline_threshold}):")
        for c in scored[:5]:
            click.echo(f"{c.line:4} {c.score:6.2f}  {page.units[c.line].text[:60]}  <- {c.why}")


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
