"""Where the time of a one-plan run goes: start-up, imports, and the run itself.

    python benchmarks/startup.py                  # the plan run.py's one-plan row uses
    python benchmarks/startup.py PLAN --runs 15
    python benchmarks/startup.py --bytecode       # as an installed planlint runs (see below)

A pre-commit hook lints one or two plans, so a run is mostly interpreter
start-up and imports. This prints, each figure the minimum over `--runs` runs
(CPU is user + system time of the child, steadier than wall time on a busy
machine):

- CPU and wall time of `python -c pass`, `import yaml`, `import click`,
  planlint on the plan and yamllint on the plan, and planlint's ratio to yamllint;
- `-X importtime` of the planlint run: the cumulative time of each top-level
  import, then planlint's own modules by self time. Python's importtime does not
  see `importlib.import_module`, which is how the rules load through their entry
  points, so the child routes it through `__import__` to show them too.

Bytecode: with PYTHONDONTWRITEBYTECODE=1 and an editable install (`pip install
-e .`), Python compiles every planlint module from source on every run, while
packages installed from wheels (PyYAML, click, yamllint) were compiled by pip.
The first line says which case this is. `--bytecode` measures with a private
bytecode folder (PYTHONPYCACHEPREFIX in a temporary folder, filled by one
warm-up run), the state of a planlint installed from a wheel or of an editable
install once Python has written its bytecode; nothing is written to the checkout.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
ARGS = ["--no-cache", "--isolated", "--today", "2026-11-23"]  # as run.py's one-plan row
# The child that -X importtime watches: the console script's main, with the rule
# imports made visible to importtime (import_module of an absolute name is __import__).
CHILD = ("import importlib, sys\n"
         "_plain = importlib.import_module\n"
         "def _visible(name, package=None):\n"
         "    if name.startswith('.'):\n"
         "        return _plain(name, package)\n"
         "    __import__(name)\n"
         "    return sys.modules[name]\n"
         "importlib.import_module = _visible\n"
         "sys.argv = ['planlint', *sys.argv[1:]]\n"
         "from planlint.__main__ import main\n"
         "main()\n")


def timed(command: List[str], runs: int, cwd: str, env: Dict[str, str]) -> Tuple[float, float, float, float]:
    """(min CPU, median CPU, min wall, median wall) seconds of `command` over `runs` runs."""
    cpus, walls = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(cpus), statistics.median(cpus), min(walls), statistics.median(walls)


def import_times(plan: str, runs: int, cwd: str, env: Dict[str, str]
                 ) -> Tuple[List[str], Dict[str, Optional[str]], Dict[str, int], Dict[str, int]]:
    """Module names in import order, who imported each (None: top level), and the
    minimum self and cumulative µs over the runs."""
    order: List[str] = []
    importer: Dict[str, Optional[str]] = {}
    own: Dict[str, int] = {}
    cumulative: Dict[str, int] = {}
    # A warm-up: planlint keeps its entry-point scan per sys.path, and this child's differs
    # from the console script's; the scan (importlib.metadata) must not count as start-up.
    subprocess.run([sys.executable, "-c", CHILD, plan, *ARGS], cwd=cwd, env=env, capture_output=True)
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD, plan, *ARGS], cwd=cwd, env=env,
                             capture_output=True, text=True).stderr
        lines = [found for found in (re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
                                     for line in err.splitlines()) if found]
        # importtime prints a module after the modules it imported, one level deeper.
        parents: List[str] = []
        for found in reversed(lines):
            name, level = found[4], len(found[3]) // 2
            del parents[level:]
            if name not in importer:
                importer[name] = parents[level - 1] if level else None
            parents.append(name)
        for found in lines:
            name = found[4]
            if name not in own:
                order.append(name)
            own[name] = min(own.get(name, 1 << 40), int(found[1]))
            cumulative[name] = min(cumulative.get(name, 1 << 40), int(found[2]))
    return order, importer, own, cumulative


BYTECODE_NOTE = """\
* This planlint compiles its modules from source on every run: an editable install
  (`pip install -e .`) under PYTHONDONTWRITEBYTECODE=1 never has bytecode for them,
  while yamllint, installed from a wheel, was compiled by pip. The rows marked *
  run both with bytecode (a private PYTHONPYCACHEPREFIX filled by one warm-up run),
  as a planlint installed from a wheel runs; benchmarks/startup.py shows the difference."""


def compiles_planlint(env: Dict[str, str]) -> bool:
    """True when each run compiles planlint's modules from source."""
    probe = ("import importlib.util, os, sys, planlint.cli.main as m\n"
             "print(sys.dont_write_bytecode and not sys.pycache_prefix and "
             "not os.path.exists(importlib.util.cache_from_source(m.__file__)))")
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    return done.stdout.strip() == "True"


def bytecode_env(folder: str, warm_up: List[List[str]]) -> Dict[str, str]:
    """This environment with Python's bytecode kept in `folder` (nothing is written to
    the checkout), filled by running each command of `warm_up` once."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = folder
    for command in warm_up:
        subprocess.run(command, env=env, capture_output=True)
    return env


def default_plan(folder: Path) -> str:
    """run.py's one-plan row lints the second plan of the seeded mixed corpus."""
    return str(generate(folder, 2)[1])


def report(plan: str, runs: int, env: Dict[str, str]) -> None:
    cwd = str(Path(plan).parent)
    planlint = shutil.which("planlint", path=str(BIN)) or "planlint"
    print(f"plan: {plan}")
    print("bytecode: " + ("planlint is compiled from source on every run (PYTHONDONTWRITEBYTECODE=1, no "
                          "__pycache__)" if compiles_planlint(env) else "planlint runs from bytecode"))
    print(f"run.py's options: {' '.join(ARGS)}")
    print(f"\n{'command':<44} {'CPU min':>8} {'CPU med':>8} {'wall min':>9} {'wall med':>9}")
    rows: List[Tuple[str, List[str]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import yaml'", [sys.executable, "-c", "import yaml"]),
        ("python -c 'import click'", [sys.executable, "-c", "import click"]),
        ("python -c 'import planlint.cli.main'", [sys.executable, "-c", "import planlint.cli.main"]),
        ("planlint PLAN (run.py's options)", [planlint, plan, *ARGS]),
    ]
    yamllint = shutil.which("yamllint", path=str(BIN))
    if yamllint:
        rows.append(("yamllint PLAN", [yamllint, plan]))
    cpu: Dict[str, float] = {}
    for name, command in rows:
        low, mid, wall_low, wall_mid = timed(command, runs, cwd, env)
        cpu[name] = low
        print(f"{name:<44} {low:8.4f} {mid:8.4f} {wall_low:9.4f} {wall_mid:9.4f}")
    if yamllint:
        ratio = cpu[rows[4][0]] / cpu["yamllint PLAN"]
        print(f"planlint / yamllint, CPU min: {ratio:.2f} (target <= 0.8)")
    order, importer, own, cumulative = import_times(plan, runs, cwd, env)
    top = [name for name in order if importer[name] is None]
    print(f"\n-X importtime, min of {runs} runs, ms: all imports {sum(cumulative[n] for n in top) / 1000:.1f}")
    for name in sorted(top, key=lambda n: -cumulative[n])[:20]:
        print(f"  {cumulative[name] / 1000:6.1f}  {name}")
    mine = [name for name in order if name == "planlint" or name.startswith("planlint.")]
    print(f"planlint's own modules: {len(mine)}, self time {sum(own[n] for n in mine) / 1000:.1f} ms "
          f"(of which rules: {sum(1 for n in mine if n.startswith('planlint.rules.'))} modules, "
          f"{sum(own[n] for n in mine if n.startswith('planlint.rules.')) / 1000:.1f} ms)")
    for name in sorted(mine, key=lambda n: -own[n])[:25]:
        print(f"  {own[name] / 1000:6.2f} self {cumulative[name] / 1000:7.2f} cumulative  {name}")
    others = sorted((n for n in order if n not in mine and (importer[n] or "planlint").startswith("planlint")),
                    key=lambda n: -cumulative[n])
    print("other imports made at the top level or by planlint's modules (cumulative):")
    for name in others[:15]:
        print(f"  {cumulative[name] / 1000:6.1f}  {name:<36} by {importer[name] or '(top level)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("plan", nargs="?", help="default: plan-00001 of the seeded mixed corpus")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bytecode", action="store_true",
                        help="measure with a private, warmed-up bytecode folder (as an installed planlint)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planlint-startup-") as scratch:
        plan = os.path.abspath(args.plan) if args.plan else default_plan(Path(scratch) / "plans")
        env = dict(os.environ)
        if args.bytecode:
            planlint, yamllint = (shutil.which(name, path=str(BIN)) for name in ("planlint", "yamllint"))
            warm_up = ([[planlint, plan, *ARGS]] if planlint else []) + ([[yamllint, plan]] if yamllint else [])
            env = bytecode_env(os.path.join(scratch, "bytecode"), warm_up)
        report(plan, args.runs, env)


if __name__ == "__main__":
    main()
