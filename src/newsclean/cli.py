"""The ``newsclean`` command: a thin layer over the library.

It finds the input files, reads them, calls ``newsclean.extract_bytes`` and
writes JSON Lines; every failure is one line on stderr naming the file.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone

import click

from . import __version__

EXIT_FAILED = 1


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 time: {value}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def report_failure(path: str, reason: str) -> None:
    click.echo(f"newsclean: {path}: {reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Turn raw scraped Bulgarian news pages into clean JSON records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--glob", "pattern", metavar="PATTERN",
              help="Read only the files in folders whose name matches (e.g. '*.txt').")
@click.option("--now", "now_text", metavar="ISO",
              help="Reference time for relative dates ('преди 2 часа'); default: each file's modification time.")
def extract(paths: tuple[str, ...], pattern: str | None, now_text: str | None) -> None:
    """Extract one JSON record per input file to stdout (JSON Lines).

    PATHS are files, folders (read recursively, hidden entries skipped) or
    '-' for standard input.
    """
    from .runner import run_to_stream

    now = _parse_now(now_text)
    failed = run_to_stream(paths, pattern, now, sys.stdout)
    sys.exit(EXIT_FAILED if failed else 0)


def _register_tools() -> None:
    from .commands import eval_command, explain_command

    main.add_command(explain_command)
    main.add_command(eval_command)


_register_tools()
