"""The ``newsclean`` command: a thin layer over the library.

It finds the input files, reads them, calls ``newsclean.extract_bytes`` and
writes JSON Lines; every failure is one line on stderr naming the file.
"""
from __future__ import annotations

import io
import os
import signal
import sys
from contextlib import suppress
from datetime import datetime, timezone

import click

from . import __version__
from .inputs import MAX_BYTES, STDIN


def parse_now(_context: click.Context, _option: click.Parameter, value: str | None) -> datetime | None:
    """--now as an aware time (a click callback: an error raised here names the option)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 time: {value}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# What a shell shows for a filter that SIGPIPE ended: the status of a
# command whose reader went away (``| head``).
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE


class _Filter(click.Group):
    """Commands that end quietly, as a Unix filter does, when their reader
    goes away; click alone would exit with 1, the status of failed inputs."""

    def invoke(self, context: click.Context):
        try:
            return super().invoke(context)
        except BrokenPipeError:
            _drop_stdout()
            context.exit(EXIT_BROKEN_PIPE)


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so that flushing what is left of
    it on exit, into the broken pipe, cannot fail."""
    with suppress(io.UnsupportedOperation):  # no file behind it (a test's stream), so no pipe either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.group(cls=_Filter, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Turn raw scraped Bulgarian news pages into clean JSON records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--glob", "pattern", metavar="PATTERN",
              help="Take only the files in folders whose name matches (e.g. '*.txt'); "
                   "without it, every file whatever its name.")
@click.option("--now", metavar="ISO", callback=parse_now,
              help="Reference time for relative dates ('преди 2 часа'); default: each file's modification time.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write one JSON file per input under DIR (same relative path, '.json' appended) "
                   "instead of stdout; a re-run does only new or changed inputs.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="With stdout output: remember finished inputs in FILE and skip them next time.")
@click.option("--force", is_flag=True, help="Redo every input, whatever the state says.")
@click.option("--retry-failed", is_flag=True,
              help="Try again the inputs that failed before and are unchanged since, which are otherwise "
                   "counted as known failures and left alone.")
@click.option("--wait", is_flag=True, help="Wait for another run on the same output or state instead of exiting (75).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes.  [default: the number of CPUs]")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but failures.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=MAX_BYTES, show_default=True, metavar="N",
              help="Fail files larger than N bytes without reading them.")
@click.option("--engine", type=click.Choice(["processes", "dask"]), default="processes", show_default=True,
              help="Who does the work: this machine's worker processes, or a Dask cluster "
                   "(pip install 'newsclean[dask]'; a local one of --jobs workers unless --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler of a running cluster.")
@click.option("--part-size", type=click.IntRange(min=1), metavar="N",
              help="With --engine dask: inputs per task and per JSON Lines file.  [default: 1000]")
def extract(paths: tuple[str, ...], pattern: str | None, now: datetime | None, output_dir: str | None,
            state_path: str | None, force: bool, retry_failed: bool, wait: bool, jobs: int | None, quiet: bool,
            max_bytes: int, engine: str, scheduler: str | None, part_size: int | None) -> None:
    """Extract one JSON record per input file: to stdout as JSON Lines, or
    with --output-dir to one file per input.

    PATHS are files, folders or '-' for standard input.  A folder is read
    recursively and gives every file in it, whatever its extension, hidden
    entries skipped, unless --glob narrows it.

    Exit status: 0 nothing failed but known failures, 1 some inputs failed
    in this run, 2 usage, 74 stopped: cannot write (a full disk), 75 another
    run holds the lock, 130/143 stopped by SIGINT/SIGTERM, 141 the reader of
    stdout went away.
    """
    from .engines import Options
    from .runner import run

    if output_dir and state_path:
        raise click.UsageError("--state is for stdout output; with --output-dir the state is kept in DIR")
    options = Options(pattern=pattern, now=now, output_dir=output_dir,
                      state_path=state_path, force=force, retry_failed=retry_failed, wait=wait,
                      jobs=jobs or os.cpu_count() or 1,
                      quiet=quiet, max_bytes=max_bytes)
    if engine == "processes":
        _refuse_dask_options(scheduler=scheduler, part_size=part_size)
        sys.exit(run(paths, options, sys.stdout))
    if state_path or STDIN in paths:
        raise click.UsageError("--engine dask reads no standard input ('-') and keeps no --state: "
                               "with --output-dir, a re-run skips the parts already written")
    dask_engine = _dask_engine()
    sys.exit(dask_engine.run(paths, options, sys.stdout, scheduler, part_size or dask_engine.PART_SIZE))


def _refuse_dask_options(**given: object) -> None:
    for name, value in given.items():
        if value is not None:
            raise click.UsageError(f"--{name.replace('_', '-')} is for --engine dask")


def _dask_engine():
    """The Dask engine, or a usage error naming the extra that brings it."""
    try:
        from . import dask_engine
    except ImportError as exc:
        raise click.UsageError(f"--engine dask needs the dask extra: pip install 'newsclean[dask]' ({exc})") from None
    return dask_engine


def _register_tools() -> None:
    from .commands import eval_command, explain_command, template_command

    main.add_command(explain_command)
    main.add_command(template_command)
    main.add_command(eval_command)


_register_tools()
