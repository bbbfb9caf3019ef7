"""The ``newsclean`` command: a thin layer over the library.

It finds the input files, reads them, calls ``newsclean.extract_bytes`` and
writes JSON Lines; every failure is one line on stderr naming the file.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime, timezone

import click

from . import __version__
from .inputs import MAX_BYTES


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 time: {value}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


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
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write one JSON file per input under DIR (same relative path, '.json' appended) "
                   "instead of stdout; only new, changed or failed inputs are redone.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="With stdout output: remember finished inputs in FILE and skip them next time.")
@click.option("--force", is_flag=True, help="Redo every input, whatever the state says.")
@click.option("--wait", is_flag=True, help="Wait for another run on the same output or state instead of exiting (75).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes.  [default: the number of CPUs]")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but failures.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=MAX_BYTES, show_default=True, metavar="N",
              help="Fail files larger than N bytes without reading them.")
def extract(paths: tuple[str, ...], pattern: str | None, now_text: str | None, output_dir: str | None,
            state_path: str | None, force: bool, wait: bool, jobs: int | None, quiet: bool,
            max_bytes: int) -> None:
    """Extract one JSON record per input file: to stdout as JSON Lines, or
    with --output-dir to one file per input.

    PATHS are files, folders (read recursively, hidden entries skipped) or
    '-' for standard input.  Exit status: 0 all done, 1 some inputs failed,
    2 usage, 75 another run holds the lock, 130/143 stopped by SIGINT/SIGTERM.
    """
    from .runner import Options, run

    if output_dir and state_path:
        raise click.UsageError("--state is for stdout output; with --output-dir the state is kept in DIR")
    options = Options(pattern=pattern, now=_parse_now(now_text), output_dir=output_dir,
                      state_path=state_path, force=force, wait=wait, jobs=jobs or os.cpu_count() or 1,
                      quiet=quiet, max_bytes=max_bytes)
    sys.exit(run(paths, options, sys.stdout))


def _register_tools() -> None:
    from .commands import eval_command, explain_command, template_command

    main.add_command(explain_command)
    main.add_command(template_command)
    main.add_command(eval_command)


_register_tools()
