"""The command line as a shell user meets it: standard input, usage
errors, help, a pipe its reader closes."""
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import main
from conftest import CLI, ROOT, numbered_article, write_pages


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_explain_reads_standard_input_as_extract_does(tmp_path):
    (tmp_path / "page.txt").write_text(numbered_article(1), encoding="utf-8")
    from_file = run("explain", str(tmp_path / "page.txt"))
    from_stdin = run("explain", "-", input=numbered_article(1))
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout.startswith("-: 4 units; body units")
    assert from_stdin.stdout.split("\n", 1)[1] == from_file.stdout.split("\n", 1)[1]


@pytest.mark.parametrize("args, option", [
    (["extract", "x", "--now", "yesterday"], "'--now'"),
    (["extract", "x", "--jobs", "0"], "'--jobs'"),
    (["extract", "x", "--max-bytes", "-1"], "'--max-bytes'"),
    (["extract", "x", "--max-bytes", "lots"], "'--max-bytes'"),
    (["extract", "x", "-o", "out", "--state", "s.sqlite"], "--state"),
    (["extract", "x", "--bogus"], "--bogus"),
    (["extract", "x", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler"),
    (["extract", "x", "--part-size", "10"], "--part-size"),
    (["extract", "x", "--engine", "dask", "--part-size", "0"], "'--part-size'"),
    (["extract", "x", "-", "--engine", "dask"], "--engine dask"),
    (["extract", "x", "--engine", "dask", "--state", "s.sqlite"], "--engine dask"),
    (["extract"], "'PATHS...'"),
    (["explain"], "'PATH'"),
    (["eval", "no such folder"], "'GOLD_DIR'"),
    (["eval", ".", "--worst", "many"], "'--worst'"),
])
def test_every_usage_error_names_its_option(args, option):
    result = run(*args)
    assert result.exit_code == 2
    assert option in result.stderr.splitlines()[-1], result.stderr


def test_the_dask_engine_without_its_extra_is_a_usage_error_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "newsclean.dask_engine", None)  # as if distributed were not installed
    monkeypatch.delattr(newsclean, "dask_engine", raising=False)
    result = run("extract", "x", "--engine", "dask")
    assert result.exit_code == 2
    assert "--engine dask needs the dask extra: pip install 'newsclean[dask]'" in result.stderr


def test_extract_help_says_folders_give_every_file_unless_glob():
    text = " ".join(run("extract", "--help").stdout.split())
    assert "A folder is read recursively and gives every file in it, whatever its extension, hidden entries " \
           "skipped, unless --glob narrows it." in text


def test_a_reader_that_stops_reading_ends_the_run_quietly_with_141(tmp_path):
    write_pages(tmp_path / "dump", [f"p{i:03d}.txt" for i in range(1000)])  # 200 kB: more than a pipe holds
    for extra in ([], ["--state", str(tmp_path / "seen.sqlite")]):
        run = subprocess.Popen([*CLI, "extract", str(tmp_path / "dump"), "--jobs", "2", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        json.loads(run.stdout.readline())  # as `| head -1` does
        run.stdout.close()
        assert run.wait(timeout=60) == 141
        assert run.stderr.read() == b""
        run.stderr.close()


@pytest.mark.parametrize("command", [["extract"], ["extract", "--jobs", "1"], ["explain"]])
def test_every_command_writing_into_a_closed_pipe_ends_quietly_with_141(command):
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before anything is written
    try:
        proc = subprocess.run([*CLI, *command, str(ROOT / "seeds" / "000_ad3104c1d9ae87a0.txt")], stdout=writer,
                              stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(writer)
    assert (proc.returncode, proc.stderr) == (141, b"")
