"""Measure planlint against the PyYAML parse floor and against peer tools.

    pip install -e '.[bench]'
    python benchmarks/run.py                      # 1,000 plans of both corpora, 5 runs each
    python benchmarks/run.py --sizes 1000 10000   # adds the 10,000-plan rows
    python benchmarks/run.py --corpus mixed       # only the corpus full of findings
    python benchmarks/run.py --sizes 50 --runs 1 --no-peers   # a smoke run

The corpora come from generate.py: `mixed` (a first run full of findings,
schema mistakes in about one plan in six) and `light` (a quarter of the plans
with one mistake each). Each table says how many findings planlint reported and
whether one process, all cores and a cached run reported exactly the same.

Every figure is the median wall time of whole commands (interpreter start-up
included), so planlint and the floor are measured the same way. Ratios are to
the floor: PyYAML `safe_load` with libyaml over the same files. Peak memory is
the largest resident set of the command or one of its worker processes (see
measure.py). Where each run would compile planlint from source (an editable
install under PYTHONDONTWRITEBYTECODE=1), a row marked * runs the 1-process JSON
command from bytecode, as a wheel install and the floor's PyYAML do.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).parent))
from generate import MODES, generate  # noqa: E402
from measure import run_measured  # noqa: E402
from startup import BYTECODE_NOTE, bytecode_env, compiles_planlint  # noqa: E402

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parent.parent
# A plan of the mixed corpus may hold an impossible date (2027-02-30), which
# PyYAML's own constructor refuses: the floor skips that file and goes on.
FLOOR = ("import sys, yaml\n"
         "for name in sys.argv[1:]:\n"
         "    with open(name, 'rb') as f: data = f.read()\n"
         "    try: yaml.load(data, Loader=yaml.CSafeLoader)\n"
         "    except (yaml.YAMLError, ValueError): pass\n")
READ_ONLY = "import sys\nfor name in sys.argv[1:]:\n    open(name, 'rb').read()\n"


def measure(command: List[str], runs: int, cwd: Path, ok: Tuple[int, ...] = (0, 1),
            env: Optional[Dict[str, str]] = None) -> Tuple[float, float]:
    """(median seconds, peak resident MB) of `command` over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        seconds, peak, code, _, err = run_measured(command, str(cwd), env)
        if code not in ok:
            raise SystemExit(f"{' '.join(command[:3])} … exited {code}: {err[-500:]}")
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def tool(name: str) -> Optional[str]:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def planlint(*args: str) -> List[str]:
    return [tool("planlint") or "planlint", *args, "--today", "2026-11-23", "--isolated"]


def rows_for(size: int, folder: Path, runs: int, peers: bool, cores: int) -> List[Tuple[str, float, float]]:
    files = [str(p) for p in sorted(folder.glob("*.yaml"))]
    rows = [("read the bytes only", *measure([sys.executable, "-c", READ_ONLY, *files], runs, folder, (0,))),
            ("PyYAML safe_load, CSafeLoader (the floor)",
             *measure([sys.executable, "-c", FLOOR, *files], runs, folder, (0,)))]
    out = folder.parent / folder.name
    one, many, cached = (str(out) + f"-{what}.json" for what in ("one", "many", "cached"))
    rows.append(("planlint, JSON, 1 process", *measure(
        planlint(str(folder), "--format", f"json:{one}", "--jobs", "1", "--no-cache"), runs, folder)))
    if compiles_planlint(dict(os.environ)):  # the floor's PyYAML runs from the bytecode pip made
        command = planlint(str(folder), "--format", f"json:{out}-bytecode.json", "--jobs", "1", "--no-cache")
        env = bytecode_env(str(folder.parent / "bytecode"), [command])
        rows.append(("planlint, JSON, 1 process, from bytecode *", *measure(command, runs, folder, env=env)))
    # The opt-in rules: every rule must stay within 10% of the default set.
    rows.append(("planlint, JSON, 1 process, --select PL (opt-in too)", *measure(
        planlint(str(folder), "--format", f"json:{out}-all.json", "--jobs", "1", "--no-cache", "--select", "PL"),
        runs, folder)))
    # `planlint due` is a check run that also keeps what is due: within 1.1× the JSON row above.
    rows.append(("planlint due, JSON, 1 process", *measure(
        planlint("due", str(folder), "--format", "json", "-o", f"{out}-due.json", "--jobs", "1", "--no-cache"),
        runs, folder)))
    rows.append(("planlint, text, 1 process", *measure(
        planlint(str(folder), "--format", f"text:{out}-one.txt", "--jobs", "1", "--no-cache"), runs, folder)))
    rows.append((f"planlint, JSON, {cores} processes", *measure(
        planlint(str(folder), "--format", f"json:{many}", "--jobs", str(cores), "--no-cache"), runs, folder)))
    rows.append(("  findings identical 1 vs all cores", float(_same(one, many)), 0.0))
    cache = planlint(str(folder), "--format", f"json:{cached}", "--jobs", "1")
    shutil.rmtree(folder / ".planlint_cache", ignore_errors=True)
    measure(cache, 1, folder)  # fills .planlint_cache
    rows.append(("planlint, JSON, second run with cache", *measure(cache, runs, folder)))
    rows.append(("  findings identical 1 process vs cached", float(_same(one, cached)), 0.0))
    if peers:
        rows += peer_rows(files, folder, max(1, runs // 5 if size > 1000 else runs))
    return rows


def _same(first: str, second: str) -> bool:
    return Path(first).read_bytes() == Path(second).read_bytes()


def findings_line(report: Path, size: int) -> str:
    """How many findings the 1-process run reported, and in how many plans the schema failed."""
    findings = json.loads(report.read_text(encoding="utf-8"))
    schema = {f["path"] for f in findings if f["code"] in ("PL001", "PL002", "PL003")}
    with_any = {f["path"] for f in findings}
    return (f"findings: {len(findings):,} in {len(with_any):,} of {size:,} plans; "
            f"schema findings in {len(schema):,} plans ({len(schema) / size:.0%})")


def peer_rows(files: List[str], folder: Path, runs: int) -> List[Tuple[str, float, float]]:
    rows = []
    if tool("yamllint"):
        rows.append(("yamllint (default config)", *measure([tool("yamllint"), *files], runs, folder)))
    if tool("check-jsonschema"):
        schema = str(REPO / "schemas" / "account-plan.schema.json")
        rows.append(("check-jsonschema (schema only)", *measure(
            [tool("check-jsonschema"), "--schemafile", schema, *files], runs, folder)))
    return rows


def one_file_rows(folder: Path, runs: int) -> List[Tuple[str, float, float]]:
    plan = str(sorted(folder.glob("*.yaml"))[1])
    rows = [("planlint, one plan", *measure(planlint(plan, "--no-cache"), runs * 4, folder))]
    if tool("yamllint"):
        rows.append(("yamllint, one plan", *measure([tool("yamllint"), plan], runs * 4, folder)))
    rows.append(("python -c 'import yaml', for reference", *measure(
        [sys.executable, "-c", "import yaml"], runs * 4, folder)))
    if compiles_planlint(dict(os.environ)):  # an extra pair of rows, marked *: see BYTECODE_NOTE
        env = bytecode_env(str(folder.parent / "bytecode"), [planlint(plan, "--no-cache"),
                                                             [tool("yamllint") or "yamllint", plan]])
        rows.append(("planlint, one plan, from bytecode *", *measure(planlint(plan, "--no-cache"), runs * 4,
                                                                      folder, env=env)))
        if tool("yamllint"):
            rows.append(("yamllint, one plan, from bytecode *", *measure([tool("yamllint"), plan], runs * 4,
                                                                          folder, env=env)))
    return rows


def print_table(title: str, rows: List[Tuple[str, float, float]], floor: Optional[float]) -> None:
    print(f"\n{title}")
    print(f"{'what':<46} {'median s':>9} {'ratio':>8} {'peak MB':>8}")
    for name, seconds, peak in rows:
        if name.startswith("  "):
            print(f"{name:<46} {'yes' if seconds else 'NO':>9}")
            continue
        ratio = f"{seconds / floor:.2f}" if floor else ""
        print(f"{name:<46} {seconds:>9.3f} {ratio:>8} {peak:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="planlint benchmarks")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--corpus", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-peers", action="store_true", help="skip yamllint and check-jsonschema")
    parser.add_argument("--keep", type=Path, help="generate the corpora here and keep them")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    print(f"planlint benchmark: {cores} cores, Python {sys.version.split()[0]}, runs={args.runs}")
    floors: Dict[str, float] = {}
    linted: Dict[str, float] = {}
    from_bytecode: Dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        for corpus in args.corpus:
            for size in args.sizes:
                folder = base / f"{corpus}-{size}"
                if not folder.exists():
                    generate(folder, size, mode=corpus)
                rows = rows_for(size, folder, args.runs if size <= 1000 else max(1, args.runs // 2),
                                not args.no_peers, cores)
                key = f"{corpus} {size}"
                floors[key], linted[key] = rows[1][1], rows[2][1]
                if rows[3][0].endswith("*"):
                    from_bytecode[key] = rows[3][1]
                print_table(f"{corpus} corpus, {size:,} plans (ratio: × the floor)", rows, floors[key])
                print(findings_line(base / f"{corpus}-{size}-one.json", size))
            if len(args.sizes) > 1:
                small, large = f"{corpus} {min(args.sizes)}", f"{corpus} {max(args.sizes)}"
                print(f"growth {max(args.sizes):,}/{min(args.sizes):,}: planlint {linted[large] / linted[small]:.2f}×, "
                      f"floor {floors[large] / floors[small]:.2f}×")
        single = one_file_rows(base / f"{args.corpus[0]}-{args.sizes[0]}", args.runs)
        yamllint = next((seconds for name, seconds, _ in single if name.startswith("yamllint")), None)
        print_table(f"one plan of the {args.corpus[0]} corpus (ratio: × yamllint)", single, yamllint)
        if from_bytecode or any(name.endswith("*") for name, _, _ in single):
            print(BYTECODE_NOTE)
    print(json.dumps({"floors": floors, "planlint_json_one_process": linted,
                      "planlint_json_one_process_from_bytecode": from_bytecode}))


if __name__ == "__main__":
    main()
