"""The ``explain`` and ``eval`` commands: tools to see and measure what
extraction does."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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
        click.echo(f"{i:4} {page.labels[i]:11} {gap} {text:70}  <- {page.reasons[i]}")


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("paths", nargs=-1)
@click.option("--worst", default=10, show_default=True, help="How many of the worst files to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def eval_command(gold_dir: str, paths: tuple[str, ...], worst: int, as_json: bool) -> None:
    """Extract PATHS (default: the .txt files beside the expected records in
    GOLD_DIR) as `newsclean extract` does, a folder's files sharing the
    template learnt from them, and score the records against GOLD_DIR's
    NAME.json files."""
    from .evaluate import evaluate, format_report, load_gold
    from .runner import extract_here

    gold = load_gold(Path(gold_dir))
    results = extract_here(paths) if paths else extract_here([gold_dir], "*.txt", recursive=False)
    records = {}
    for source, result in results:
        if result.error is not None:
            click.echo(f"newsclean: {source}: {result.error}", err=True)
        else:
            records[Path(source).stem] = json.loads(result.line)
    report = evaluate(gold, {k: v for k, v in records.items() if k in gold})
    if as_json:
        click.echo(json.dumps(report.summary(), ensure_ascii=False))
    else:
        click.echo(format_report(report, worst))
