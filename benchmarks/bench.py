"""Speed and memory benchmark of ``newsclean extract`` (issues 7 and 17).

    python benchmarks/bench.py [--sizes 1000,2000,10000,100000] [--json OUT.json] [--quick]
    python benchmarks/bench.py --profile          # cProfile of newsclean.extract, 1,000 pages

Builds varied corpora (see corpus.py) in a temporary folder, then measures in
one run: the floor (read + split on blank lines + json.dumps per file),
``newsclean extract --jobs 1``, ``newsclean extract --jobs NPROC``, and, on
the same pages (the comparison corpus, 2,000 files by default), jusText's
paragraph classification with its Bulgarian stoplist, the whole of jusText
and trafilatura (when importable); a re-run over unchanged files with ``-o``,
the start-up time of ``newsclean --version``, and, under valgrind when it is
installed, the instructions newsclean and jusText's classification spend on
a page.  Every measured command runs under a small ``python -c`` wrapper
that reports its wall time, ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the
largest single process of the tree) and the peak of the tree's summed RSS
sampled every 50 ms from /proc.  See benchmarks/README.md for what each row
means.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

REPO = HERE.parent
DEFAULT_SIZES = (1000, 2000, 10_000, 100_000)
COMPARE_SIZE = 2000      # the corpus newsclean and the other cleaners share
PARALLEL_SIZE = 10_000   # where all CPUs are compared with --jobs 1
CALLGRIND_PAGES = 200
MB = 1e6          # throughput: decimal megabytes
MIB = 1024 * 1024  # memory: binary megabytes

# --------------------------------------------------------------------------
# Child programs (run as `python -c CODE ...`)

# Runs argv[2:] with stdout to argv[1]; prints one JSON line with its wall
# time, rusage of the children and the peak of the summed RSS of the tree.
WRAPPER = r'''
import json, os, resource, subprocess, sys, threading, time
out_path, cmd = sys.argv[1], sys.argv[2:]
PAGE = os.sysconf("SC_PAGE_SIZE")
HAS_CHILDREN = os.path.exists(f"/proc/self/task/{os.getpid()}/children")

def tree(root):
    if HAS_CHILDREN:
        pids, i = [root], 0
        while i < len(pids):
            pid = pids[i]; i += 1
            try:
                for tid in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{tid}/children") as fh:
                        pids.extend(int(x) for x in fh.read().split())
            except OSError:
                pass
        return pids
    parent = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    parent[int(name)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    pids, i = [root], 0
    while i < len(pids):
        pids.extend(p for p, pp in parent.items() if pp == pids[i]); i += 1
    return pids

def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0

peak = {"bytes": 0, "procs": 0, "samples": 0}
def sample(proc):
    while proc.poll() is None:
        pids = tree(proc.pid)
        total = sum(rss(p) for p in pids)
        if total > peak["bytes"]:
            peak["bytes"] = total
        peak["procs"] = max(peak["procs"], len(pids))
        peak["samples"] += 1
        time.sleep(0.05)

err_path = os.environ.get("BENCH_STDERR", os.devnull)
with open(out_path, "wb") as out, open(err_path, "wb") as err:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    sampler = threading.Thread(target=sample, args=(proc,), daemon=True)
    sampler.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
sampler.join(1)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall": wall, "maxrss_kb": ru.ru_maxrss,
                  "cpu": ru.ru_utime + ru.ru_stime, "tree_peak": peak["bytes"],
                  "procs": peak["procs"], "samples": peak["samples"]}))
'''

# Both scripts below list the corpus the same way: every file, sorted,
# hidden ones skipped.
WALK = r'''
import os
def walk(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, n) for n in files if not n.startswith("."))
    return sorted(found)
'''

# The floor: what any tool must at least do per page.
FLOOR = WALK + r'''
import json, sys
write = sys.stdout.write
for path in walk(sys.argv[1]):
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8", "replace")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    write(json.dumps({"source": path, "blocks": blocks}, ensure_ascii=False) + "\n")
'''

# Another cleaner over the same pages.  "justext" is jusText's paragraph
# classification alone (its Bulgarian stoplist, context-free classification
# and the revision by neighbours) over the page's blocks as paragraphs, no
# HTML to parse: the least work a paragraph classifier does.  "justext-html"
# is the whole of jusText and "trafilatura" the whole of trafilatura, each
# given the blocks as <p> paragraphs of a minimal HTML page.
# jusText's paragraph classification of a page's blocks, its Bulgarian
# stoplist read once.
JUSTEXT_CLASSIFY = r'''
def justext_classifier():
    import justext
    from justext.core import PathInfo, classify_paragraphs, revise_paragraph_classification
    from justext.paragraph import Paragraph
    stoplist = justext.get_stoplist("Bulgarian")
    path = PathInfo().append("body").append("p")
    def classified(blocks):
        paras = []
        for block in blocks:
            para = Paragraph(path)
            para.append_text(block)
            paras.append(para)
        classify_paragraphs(paras, stoplist)
        revise_paragraph_classification(paras)
        return paras
    return classified
'''

OTHER = WALK + JUSTEXT_CLASSIFY + r'''
import html, json, sys, time
tool, folder, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
if tool == "trafilatura":
    import trafilatura
    def clean(blocks):
        return trafilatura.extract(as_html(blocks))
elif tool == "justext-html":
    import justext
    STOP = justext.get_stoplist("Bulgarian")
    def clean(blocks):
        paras = justext.justext(as_html(blocks).encode("utf-8"), STOP, encoding="utf-8")
        return "\n\n".join(p.text for p in paras if not p.is_boilerplate)
else:
    classified = justext_classifier()
    def clean(blocks):
        return "\n\n".join(p.text for p in classified(blocks) if not p.is_boilerplate)
def as_html(blocks):
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
            + "".join("<p>" + html.escape(b) + "</p>" for b in blocks) + "</body></html>")
write = sys.stdout.write
t0 = time.perf_counter()
for path in walk(folder)[:limit]:
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8", "replace")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    write(json.dumps({"source": path, "text": clean(blocks)}, ensure_ascii=False) + "\n")
print(json.dumps({"loop_s": time.perf_counter() - t0}), file=sys.stderr)
'''
OTHER_TOOLS = (("justext", "justext"), ("justext-html", "justext"), ("trafilatura", "trafilatura"))

# Instructions per page (valgrind --tool=callgrind): the work of N pages in
# one process, less that of one page (start-up, imports, first calls), over
# N - 1.  argv: tool (newsclean or justext), folder, pages.
COUNTED = WALK + JUSTEXT_CLASSIFY + r'''
import sys
tool, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = []
for path in walk(folder)[:count]:
    with open(path, "rb") as fh:
        pages.append((path, fh.read()))
if tool == "newsclean":
    from datetime import datetime, timezone
    from newsclean import extract_bytes
    now = datetime(2026, 11, 22, 12, tzinfo=timezone.utc)
    for path, data in pages:
        extract_bytes(data, path, now).to_json()
else:
    classified = justext_classifier()
    for path, data in pages:
        classified([b.strip() for b in data.decode("utf-8", "replace").split("\n\n") if b.strip()])
'''


# --------------------------------------------------------------------------
# Measuring


@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_mb: float       # largest single process of the tree (ru_maxrss)
    tree_mb: float         # peak of the sampled sum over the tree
    procs: int
    rc: int
    stderr_tail: str = ""
    stderr_lines: int = 0
    load: float = 0.0      # 1-minute load average when the run started


@dataclass
class Row:
    name: str
    files: int | None
    command: str
    wall_s: float
    cpu_s: float
    pages_per_s: float | None
    mb_per_s: float | None
    peak_rss_mb: float
    tree_rss_mb: float
    ratio_to_floor: float | None = None
    pages_per_cpu_s: float | None = None
    load: float | None = None
    repeats: int = 1
    note: str = ""
    extra: dict = field(default_factory=dict)


def measure(cmd: list[str], stdout: str = os.devnull, cwd: str | None = None) -> Run:
    """Run ``cmd`` under the wrapper and read its report."""
    with tempfile.NamedTemporaryFile(prefix="bench-stderr-", delete=False) as tmp:
        err_path = tmp.name
    load = os.getloadavg()[0]
    try:
        env = dict(os.environ, BENCH_STDERR=err_path)
        done = subprocess.run([sys.executable, "-c", WRAPPER, stdout, *cmd],
                              capture_output=True, text=True, env=env, cwd=cwd)
        if done.returncode != 0 or not done.stdout.strip():
            raise RuntimeError(f"wrapper failed for {cmd}: {done.stderr.strip()[-2000:]}")
        report = json.loads(done.stdout.strip().splitlines()[-1])
        err = Path(err_path).read_text(encoding="utf-8", errors="replace")
    finally:
        os.unlink(err_path)
    lines = err.splitlines()
    return Run(report["wall"], report["cpu"], report["maxrss_kb"] / 1024,
               report["tree_peak"] / MIB, report["procs"], report["rc"],
               "\n".join(lines[-5:]), len(lines), load)


def measure_repeated(cmd: list[str], repeats: int, cwd: str | None = None) -> tuple[Run, list[float]]:
    """The run of median wall time out of ``repeats``; memory is the max of all."""
    return median_run([measure(cmd, cwd=cwd) for _ in range(max(1, repeats))])


def median_run(runs: list[Run]) -> tuple[Run, list[float]]:
    """The run of median wall time, with the largest memory of all, and
    every wall time."""
    chosen = sorted(runs, key=lambda r: r.wall)[len(runs) // 2]
    chosen.maxrss_mb = max(r.maxrss_mb for r in runs)
    chosen.tree_mb = max(r.tree_mb for r in runs)
    return chosen, [r.wall for r in runs]


def measure_interleaved(cmds: dict[str, list[str]], repeats: int) -> dict[str, tuple[Run, list[float]]]:
    """Each command ``repeats`` times, one round of all after another: the
    machine's speed drifts within minutes, and commands compared with each
    other must see the same drift."""
    runs: dict[str, list[Run]] = {name: [] for name in cmds}
    for _ in range(max(1, repeats)):
        for name, cmd in cmds.items():
            runs[name].append(measure(cmd))
    return {name: median_run(found) for name, found in runs.items()}


def instructions_per_page(code: str, tool: str, folder: str, pages: int) -> float | None:
    """Instructions (valgrind's callgrind) ``tool`` spends on a page of
    ``folder``: ``pages + 1`` pages less one page, over ``pages``; None
    without valgrind.  A steady measure next to wall times, which drift."""
    if shutil.which("valgrind") is None:
        return None

    def count(n: int) -> int:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                               sys.executable, "-c", code, tool, folder, str(n)],
                              capture_output=True, text=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode != 0 or found is None:
            raise RuntimeError(f"callgrind failed for {tool}: {done.stderr.strip()[-1000:]}")
        return int(found.group(1))

    return (count(pages + 1) - count(1)) / pages


def compile_package() -> None:
    """Write newsclean's bytecode, as ``pip install`` does: an editable
    install under PYTHONDONTWRITEBYTECODE would otherwise compile every
    module at every start, which the other cleaners, installed with their
    bytecode, never pay."""
    found = subprocess.run([sys.executable, "-c", "import newsclean, os; print(os.path.dirname(newsclean.__file__))"],
                           capture_output=True, text=True)
    if found.returncode == 0:
        subprocess.run([sys.executable, "-m", "compileall", "-q", found.stdout.strip()], capture_output=True)


def newsclean_cmd() -> list[str]:
    beside = Path(sys.executable).parent / "newsclean"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("newsclean")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from newsclean.cli import main; sys.exit(main())"]


def cli_features(nc: list[str]) -> dict:
    done = subprocess.run([*nc, "extract", "--help"], capture_output=True, text=True)
    text = done.stdout + done.stderr
    out_flag = None
    if re.search(r"--output-dir\b", text):
        out_flag = "--output-dir"
    elif re.search(r"(^|[\s,])-o\b", text, re.M):
        out_flag = "-o"
    return {"jobs": bool(re.search(r"--jobs\b", text)), "output_dir": out_flag, "help": text}


def importable(module: str) -> tuple[bool, str]:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    if done.returncode == 0:
        return True, ""
    last = (done.stderr.strip().splitlines() or ["?"])[-1]
    return False, last


def machine() -> dict:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        nproc = len(os.sched_getaffinity(0))
    try:
        mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    except (OSError, AttributeError):
        mem = 0.0
    return {
        "nproc": nproc,
        "cpu_model": model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "memory_gib": round(mem, 1),
        "loadavg_start": os.getloadavg(),
    }


def git_revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+uncommitted src changes" if dirty else "")
    except OSError:
        return "?"


# --------------------------------------------------------------------------
# The benchmark


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def newsclean_rows(nc: list[str], feats: dict, nproc: int, size: int, nbytes: int, folder: str, base: str,
                   repeats: int, compare: int) -> list[Row]:
    """newsclean --jobs 1 and --jobs NPROC on one corpus; on the comparison
    corpus (``compare`` files), --jobs 1 in rounds with the other cleaners,
    fed the same pages."""
    rows: list[Row] = []
    cmds: dict[str, list[str]] = {"jobs=1": [*nc, "extract", folder, "--jobs", "1"] if feats["jobs"]
                                  else [*nc, "extract", folder]}
    if compare:
        for tool, module in OTHER_TOOLS:
            ok, why = importable(module)
            if ok:
                cmds[tool] = [sys.executable, "-c", OTHER, tool, folder, str(size)]
            else:
                rows.append(Row(tool, size, "", 0, 0, None, None, 0, 0,
                                note=f"skipped: not importable ({why}); pip install '.[bench]'"))
    log(f"{', '.join(cmds)}: {size} files, {repeats} rounds")
    measured = measure_interleaved(cmds, repeats)
    for name, (run, walls) in measured.items():
        shown = ["newsclean", *short(cmds[name], base)[len(nc):]] if name == "jobs=1" \
            else ["python", "-c", "OTHER", *short(cmds[name][3:], base)]
        row = row_from(name, size, nbytes, shown, run, walls,
                       "" if feats["jobs"] or name != "jobs=1" else "no --jobs yet: plain `newsclean extract DIR`")
        if name != "jobs=1":
            _note_loop(row, run, size)
        rows.insert(0, row) if name == "jobs=1" else rows.append(row)
    if feats["jobs"]:
        cmd = [*nc, "extract", folder, "--jobs", str(nproc)]
        log(f"newsclean jobs={nproc}, {size} files")
        run, walls = measure_repeated(cmd, repeats)
        rows.insert(1, row_from(f"all CPUs ({nproc})", size, nbytes, ["newsclean", *short(cmd, base)[len(nc):]],
                                run, walls))
    return rows


def _note_loop(row: Row, run: Run, pages: int) -> None:
    """An other cleaner's pages/s without its import, from its stderr."""
    found = re.search(r'\{"loop_s": ([0-9.e-]+)\}', run.stderr_tail)
    if found:
        loop = float(found.group(1))
        row.extra["loop_s"] = loop
        row.extra["loop_pages_per_s"] = pages / loop
        row.note = f"{pages / loop:.0f} pages/s excluding import"
        row.extra.pop("stderr_tail", None)
        row.extra.pop("stderr_lines", None)


def row_from(name: str, files: int | None, nbytes: int | None, cmd: list[str], run: Run,
             walls: list[float] | None = None, note: str = "") -> Row:
    pps = files / run.wall if files else None
    mbs = nbytes / MB / run.wall if nbytes else None
    row = Row(name, files, " ".join(cmd), run.wall, run.cpu, pps, mbs, run.maxrss_mb, run.tree_mb,
              pages_per_cpu_s=files / run.cpu if files and run.cpu else None, load=run.load,
              repeats=len(walls) if walls else 1, note=note)
    if walls and len(walls) > 1:
        row.extra["walls"] = walls
    row.extra["processes_seen"] = run.procs
    if run.rc != 0:
        row.note = (row.note + "; " if row.note else "") + f"exit {run.rc}"
    if run.stderr_lines:
        row.extra["stderr_lines"] = run.stderr_lines
        row.extra["stderr_tail"] = run.stderr_tail
    return row


def short(cmd: list[str], base: str) -> list[str]:
    """A command for display: temp paths shortened."""
    return [c.replace(base, "$TMP") for c in cmd]


def benchmark(args: argparse.Namespace) -> dict:
    nc = newsclean_cmd()
    info = machine()
    feats = cli_features(nc)
    nproc = info["nproc"]
    compile_package()
    notes: list[str] = []
    rows: list[Row] = []
    log(f"machine: {nproc} CPUs, {info['cpu_model']}, Python {info['python']}; "
        f"--jobs {'yes' if feats['jobs'] else 'no'}, output dir flag {feats['output_dir'] or 'no'}")

    base = Path(tempfile.mkdtemp(prefix="newsclean-bench-", dir=args.tmpdir))
    instructions: dict[str, float] = {}
    try:
        t0 = time.perf_counter()
        rerun_size = args.rerun_size or (100_000 if 100_000 in args.sizes else max(args.sizes))
        corpora = corpus.build_corpora(base, sorted({*args.sizes, rerun_size}), args.seed)
        log(f"corpora {sorted(corpora)} built in {time.perf_counter() - t0:.1f} s under {base}")
        for size, (folder, nbytes) in sorted(corpora.items()):
            log(f"{size} files: {nbytes / MB:.1f} MB, {nbytes / size / 1000:.1f} kB a page")

        def rep(size: int) -> int:
            return args.repeat if args.repeat else (3 if size <= max(1000, args.compare) else 1)

        floors: dict[int, Row] = {}
        for size, (folder, nbytes) in sorted(corpora.items()):
            if size not in args.sizes:
                continue
            d = str(folder)
            cmd = [sys.executable, "-c", FLOOR, d]
            log(f"floor, {size} files")
            run, walls = measure_repeated(cmd, rep(size))
            floors[size] = row_from("floor", size, nbytes, ["python", "-c", "FLOOR", "$TMP" + d[len(str(base)):]],
                                    run, walls)
            rows.append(floors[size])
            rows.extend(newsclean_rows(nc, feats, nproc, size, nbytes, d, str(base), rep(size),
                                       args.compare if size == args.compare else 0))
        # Re-run over unchanged files with an output folder.
        if rerun_size != 100_000:
            notes.append(f"re-run measured on {rerun_size} files, not 100000 (see --rerun-size)")
        if feats["output_dir"]:
            folder, nbytes = corpora[rerun_size]
            out_dir = base / "out_rerun"
            cmd = [*nc, "extract", str(folder), feats["output_dir"], str(out_dir)]
            log(f"first run with {feats['output_dir']}, {rerun_size} files")
            first = measure(cmd)
            rows.append(row_from("-o first run", rerun_size, nbytes,
                                 ["newsclean", *short(cmd, str(base))[len(nc):]], first,
                                 note="default --jobs (all CPUs), one JSON file per input"))
            log(f"re-run with {feats['output_dir']}, {rerun_size} files")
            run = measure(cmd)
            row = row_from("re-run", rerun_size, nbytes,
                           ["newsclean", *short(cmd, str(base))[len(nc):]], run,
                           note=f"same command again, nothing changed (first run {first.wall:.1f} s)")
            row.extra["first_run_s"] = first.wall
            row.extra["first_run_peak_rss_mb"] = first.maxrss_mb
            rows.append(row)
        else:
            rows.append(Row("re-run", rerun_size, "", 0, 0, None, None, 0, 0,
                            note="skipped: `newsclean extract` has no -o/--output-dir yet"))

        # Start-up.
        cmd = [*nc, "--version"]
        log(f"newsclean --version x{args.version_runs}")
        runs = [measure(cmd) for _ in range(args.version_runs)]
        walls = [r.wall for r in runs]
        med = statistics.median(walls)
        bare = statistics.median(measure([sys.executable, "-c", "pass"]).wall
                                 for _ in range(args.version_runs))
        if not args.no_callgrind and args.compare in corpora:
            instructions = callgrind_counts(str(corpora[args.compare][0]), args.callgrind_pages)
        rows.append(Row("--version", None, "newsclean --version", med,
                        statistics.median(r.cpu for r in runs), None, None,
                        max(r.maxrss_mb for r in runs), max(r.tree_mb for r in runs),
                        repeats=len(runs), note=f"median of {len(runs)}, min {min(walls) * 1000:.0f} ms; "
                             f"a bare `python -c pass` takes {bare * 1000:.0f} ms here",
                        extra={"walls": walls, "python_pass_s": bare}))
    finally:
        if args.keep:
            log(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)

    for row in rows:
        ref = floors.get(row.files)
        if row.pages_per_s and ref and ref.pages_per_s and row.name != "--version":
            row.ratio_to_floor = row.pages_per_s / ref.pages_per_s
    info["loadavg_end"] = os.getloadavg()
    corp = {str(s): {"bytes": b, "kb_per_page": round(b / s / 1000, 2)} for s, (_, b) in corpora.items()}
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": info,
        "newsclean": {"revision": git_revision(), "jobs_flag": feats["jobs"],
                      "output_dir_flag": feats["output_dir"], "command": " ".join(nc)},
        "corpus": corp,
        "rows": [asdict(r) for r in rows],
        "instructions_per_page": {**instructions, "pages": args.callgrind_pages} if instructions else {},
        "targets": targets([asdict(r) for r in rows], nproc),
        "notes": notes,
    }


def callgrind_counts(folder: str, pages: int) -> dict[str, float]:
    """Instructions a page of newsclean's whole extraction and of jusText's
    classification, on the first pages of the comparison corpus; empty
    without valgrind."""
    out: dict[str, float] = {}
    for tool in ("newsclean", "justext"):
        if not importable(tool)[0]:
            continue
        log(f"callgrind: {tool}, {pages} pages")
        per_page = instructions_per_page(COUNTED, tool, folder, pages)
        if per_page is not None:
            out[tool] = per_page
    return out


def _find(rows: list[dict], name: str, files: int | None = None) -> dict | None:
    for r in rows:
        if (r["name"] == name or r["name"].startswith(name)) and (files is None or r["files"] == files) \
                and r["wall_s"]:
            return r
    return None


def targets(rows: list[dict], nproc: int) -> list[dict]:
    """Issue 17's targets, checked (for the report, not asserts)."""
    out = []
    one = _find(rows, "jobs=1", next((r["files"] for r in rows if r["name"] == "justext"), None))
    for tool, times in (("justext", 1.0), ("trafilatura", 2.5)):
        other = _find(rows, tool)
        if one and other:
            ratio = one["pages_per_s"] / other["pages_per_s"]
            out.append({"target": f"jobs=1 >= {times:g}x {tool} pages/s ({one['files']} files, same pages, same run)",
                        "value": f"{ratio:.2f}x", "met": ratio >= times})
    for size in sorted({r["files"] for r in rows if r["name"] == "floor"}):
        one, every = _find(rows, "jobs=1", size), _find(rows, "all CPUs", size)
        if one and every:
            out.append({"target": f"all CPUs >= 1.8x jobs=1 on {nproc} cores ({size} files)"
                                  + ("" if size == PARALLEL_SIZE else "; the target is at 10000 files"),
                        "value": f"{every['pages_per_s'] / one['pages_per_s']:.2f}x",
                        "met": every["pages_per_s"] >= 1.8 * one["pages_per_s"]})
    for name in ("jobs=1", "all CPUs"):
        found = [r for r in rows if r["name"].startswith(name) and r["wall_s"]]
        for r in found:
            out.append({"target": f"{r['name']} peak RSS < 150 MB ({r['files']} files)",
                        "value": f"{r['peak_rss_mb']:.0f} MB largest process, {r['tree_rss_mb']:.0f} MB tree",
                        "met": r["peak_rss_mb"] < 150})
        if len(found) >= 2:
            small, large = found[0], found[-1]
            grow = large["peak_rss_mb"] - small["peak_rss_mb"]
            out.append({"target": f"{name} peak RSS the same for {small['files']} and {large['files']} files",
                        "value": f"{small['peak_rss_mb']:.0f} -> {large['peak_rss_mb']:.0f} MB ({grow:+.0f})",
                        "met": abs(grow) <= max(10.0, 0.1 * small["peak_rss_mb"])})
    first = _find(rows, "-o first run")
    if first:
        out.append({"target": f"-o first run peak RSS < 150 MB ({first['files']} files)",
                    "value": f"{first['peak_rss_mb']:.0f} MB largest process, {first['tree_rss_mb']:.0f} MB tree",
                    "met": first["peak_rss_mb"] < 150})
    rerun = _find(rows, "re-run")
    if rerun:
        out.append({"target": f"re-run over {rerun['files']} unchanged files < 5 s",
                    "value": f"{rerun['wall_s']:.2f} s", "met": rerun["wall_s"] < 5})
    version = _find(rows, "--version")
    if version:
        out.append({"target": "newsclean --version < 150 ms", "value": f"{version['wall_s'] * 1000:.0f} ms",
                    "met": version["wall_s"] < 0.150})
    return out


# --------------------------------------------------------------------------
# Printing


def fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(result: dict) -> str:
    head = ("row", "files", "pages/s", "MB/s", "peak RSS MB", "tree RSS MB", "x floor",
            "wall s", "CPU s", "pages/CPU s", "load")
    lines = []
    for r in result["rows"]:
        if not r["wall_s"]:
            lines.append((r["name"], fmt(r["files"], ","), *["-"] * (len(head) - 2)))
            continue
        lines.append((
            r["name"], fmt(r["files"], ","), fmt(r["pages_per_s"], ",.0f"), fmt(r["mb_per_s"], ".2f"),
            fmt(r["peak_rss_mb"], ".0f"), fmt(r["tree_rss_mb"], ".0f"), fmt(r["ratio_to_floor"], ".3f"),
            fmt(r["wall_s"], ".3f" if r["wall_s"] < 1 else ".1f"), fmt(r["cpu_s"], ".2f" if r["cpu_s"] < 1 else ".1f"),
            fmt(r["pages_per_cpu_s"], ",.0f"), fmt(r["load"], ".1f"),
        ))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"

    def line(cells):
        return "| " + " | ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
        ) + " |"
    return "\n".join([line(head), rule, *(line(l) for l in lines)])


def report(result: dict) -> str:
    m = result["machine"]
    out = [
        f"machine: nproc {m['nproc']}, CPU {m['cpu_model']}, Python {m['python']} ({m['implementation']}), "
        f"{m['memory_gib']} GiB, {m['platform']}",
        f"load average at start {', '.join(f'{x:.2f}' for x in m['loadavg_start'])}, "
        f"at end {', '.join(f'{x:.2f}' for x in m['loadavg_end'])}",
        f"newsclean {result['newsclean']['revision']}; --jobs: {result['newsclean']['jobs_flag']}, "
        f"output dir flag: {result['newsclean']['output_dir_flag']}",
        "corpus: " + ", ".join(f"{s} files {c['bytes'] / MB:.1f} MB ({c['kb_per_page']} kB/page)"
                               for s, c in result["corpus"].items()),
        "",
        table(result),
        "",
    ]
    for r in result["rows"]:
        if r["note"]:
            out.append(f"  {r['name']} ({fmt(r['files'], ',')} files): {r['note']}")
        if r["extra"].get("stderr_lines"):
            out.append(f"  {r['name']} ({fmt(r['files'], ',')} files) stderr ({r['extra']['stderr_lines']} lines), "
                       f"last: {r['extra']['stderr_tail'].splitlines()[-1][:200]}")
    for note in result["notes"]:
        out.append(f"  note: {note}")
    rows = result["rows"]
    for tool, _ in OTHER_TOOLS:
        other = _find(rows, tool)
        mine = _find(rows, "jobs=1", other["files"]) if other else None
        if other and mine:
            out.append(f"  newsclean --jobs 1 ({mine['files']} files) runs "
                       f"{mine['pages_per_s'] / other['pages_per_s']:.2f}x the pages/s of {tool} "
                       f"(x floor: newsclean {mine['ratio_to_floor']:.3f}, {tool} {other['ratio_to_floor']:.3f})")
    counted = result.get("instructions_per_page") or {}
    if "newsclean" in counted:
        line = (f"  instructions a page (callgrind, {counted['pages']} pages): newsclean "
                f"{counted['newsclean'] / 1e6:.2f} M")
        if "justext" in counted:
            line += (f", jusText's classification {counted['justext'] / 1e6:.2f} M "
                     f"(newsclean {counted['newsclean'] / counted['justext']:.2f}x)")
        out.append(line)
    out.append("")
    out.append("targets (for the report, not asserts):")
    for t in result["targets"]:
        out.append(f"  [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['value']}")
    return "\n".join(out)


# --------------------------------------------------------------------------
# Profile


def profile(args: argparse.Namespace) -> None:
    import cProfile
    import io
    import pstats

    import newsclean

    size = min(args.sizes)
    base = Path(tempfile.mkdtemp(prefix="newsclean-profile-", dir=args.tmpdir))
    try:
        folder = base / "corpus"
        corpus.write_corpus(folder, size, args.seed)
        pages = [(str(corpus.page_path(folder, i)), corpus.page_path(folder, i).read_bytes())
                 for i in range(size)]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    now = datetime.now(timezone.utc)
    texts = [(path, data.decode("utf-8")) for path, data in pages]

    def work() -> None:
        for path, text in texts:
            newsclean.extract(text, source=path, now=now).to_json()

    work()  # warm: imports, regex caches
    t0 = time.perf_counter()
    work()
    plain = time.perf_counter() - t0
    prof = cProfile.Profile()
    prof.enable()
    work()
    prof.disable()
    nbytes = sum(len(d) for _, d in pages)
    print(f"newsclean.extract(text, source, now).to_json() over {size} pages "
          f"({nbytes / MB:.1f} MB), in process: {plain:.2f} s = {size / plain:.0f} pages/s without the profiler")
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.sort_stats(key).print_stats(25)
        print(f"\n=== top 25 by {key} time ===")
        print(strip_stats(buf.getvalue()))
    # Share of the total per newsclean function (cumulative), for the summary.
    stats = pstats.Stats(prof)
    total = max((ct for (_f, _l, func), (_cc, _nc, _tt, ct, _c) in stats.stats.items()
                 if func == "work"), default=stats.total_tt)
    shares = []
    for (file, line, func), (_cc, _nc, tt, ct, _callers) in stats.stats.items():
        if "newsclean" in file or func in ("to_json", "asdict", "replace"):
            shares.append((ct, tt, f"{Path(file).name}:{line}({func})"))
    print("\n=== newsclean functions: share of profiled time (cumulative / own) ===")
    for ct, tt, name in sorted(shares, reverse=True)[:30]:
        print(f"  {100 * ct / total:5.1f}%  {100 * tt / total:5.1f}%  {name}")


def strip_stats(text: str) -> str:
    """pstats output with long site-packages prefixes cut."""
    return re.sub(r"\S*/(site-packages|src|lib/python3\.\d+)/", "", text).strip()


# --------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Speed and memory benchmark of newsclean extract.")
    p.add_argument("--sizes", help="comma-separated corpus sizes (default 1000,2000,10000,100000; "
                                   "--quick: 1000)")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="also write the results as JSON")
    p.add_argument("--quick", action="store_true",
                   help="a smoke run: 1,000 files shared with the other cleaners, 50 pages under valgrind, "
                        "5 --version runs")
    p.add_argument("--profile", action="store_true",
                   help="only profile newsclean.extract in-process with cProfile on the smallest size")
    p.add_argument("--compare", type=int, help=f"files of the corpus newsclean --jobs 1 and the other cleaners share "
                                               f"(default {COMPARE_SIZE}; --quick: 1000); added to --sizes")
    p.add_argument("--callgrind-pages", type=int, default=CALLGRIND_PAGES,
                   help=f"pages counted under valgrind (default {CALLGRIND_PAGES})")
    p.add_argument("--no-callgrind", action="store_true", help="skip the instruction counts")
    p.add_argument("--repeat", type=int, default=0,
                   help="runs per measurement, median wall reported (default 3 up to the comparison corpus, else 1)")
    p.add_argument("--rerun-size", type=int,
                   help="files of the -o re-run (default 100000 when among --sizes, else the largest size); "
                        "a size not in --sizes is generated for the re-run only")
    p.add_argument("--version-runs", type=int, help="runs of newsclean --version (default 10)")
    p.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    p.add_argument("--tmpdir", help="where the temporary corpora go (default: $TMPDIR)")
    p.add_argument("--keep", action="store_true", help="keep the temporary corpora")
    args = p.parse_args(argv)
    if args.sizes:
        args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    else:
        args.sizes = [1000] if args.quick else list(DEFAULT_SIZES)
    if args.profile and not args.sizes:
        args.sizes = [1000]
    args.compare = args.compare or (1000 if args.quick else COMPARE_SIZE)
    if not args.profile:
        args.sizes = sorted({*args.sizes, args.compare})
    if args.quick:
        args.callgrind_pages = min(args.callgrind_pages, 50)
    args.version_runs = args.version_runs or (5 if args.quick else 10)
    if min(args.sizes) < 1:
        p.error("--sizes must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.profile:
        if args.sizes == list(DEFAULT_SIZES):
            args.sizes = [1000]
        profile(args)
        return 0
    result = benchmark(args)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
