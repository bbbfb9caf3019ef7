"""The command line as a shell user meets it: standard input, usage
errors, help."""
import pytest
from click.testing import CliRunner

from newsclean.cli import main
from test_batch import page


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_explain_reads_standard_input_as_extract_does(tmp_path):
    (tmp_path / "page.txt").write_text(page(1), encoding="utf-8")
    from_file = run("explain", str(tmp_path / "page.txt"))
    from_stdin = run("explain", "-", input=page(1))
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
    (["extract"], "'PATHS...'"),
    (["explain"], "'PATH'"),
    (["eval", "no such folder"], "'GOLD_DIR'"),
    (["eval", ".", "--worst", "many"], "'--worst'"),
])
def test_every_usage_error_names_its_option(args, option):
    result = run(*args)
    assert result.exit_code == 2
    assert option in result.stderr.splitlines()[-1], result.stderr


def test_extract_help_says_folders_give_every_file_unless_glob():
    text = " ".join(run("extract", "--help").stdout.split())
    assert "A folder is read recursively and gives every file in it, whatever its extension, hidden entries " \
           "skipped, unless --glob narrows it." in text
