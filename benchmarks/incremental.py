"""Cost that grows with the change, not with the repository: a plans repository in
git with `paths: [plans]` (the cross-file rules see every plan), measured after
nothing, one, ten and three changed plans, from the command line and the server.

    python benchmarks/incremental.py                  # 1,000 plans
    python benchmarks/incremental.py --sizes 1000 10000

Each row: median wall time of the whole command (start-up included), its CPU time
(user + system, worker processes included: on a busy machine wall time grows with
the load, CPU time does not), the ratio the issue sets a target for, and peak memory.
"That plan alone" is `planlint PLAN --isolated --no-cache`: no context, no cache.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402
from run import FLOOR  # noqa: E402
from server import Client, cpu_seconds, edits  # noqa: E402

TODAY = "--today=2026-11-23"
_TIMED = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": used.ru_utime + used.ru_stime, "peak": used.ru_maxrss / 1024,
                  "code": done.returncode, "err": done.stderr.decode(errors="replace")[-500:]}))
"""
Row = Tuple[str, float, float, str, float]  # what, wall s, cpu s, ratio text, peak MB


class Table(list):
    """Rows printed as they are measured: a long run shows its figures as it goes."""

    def append(self, row: Row) -> None:
        super().append(row)
        what, wall, cpu, text, peak = row
        shown_peak = f"{peak:.0f} MB" if peak == peak else "-"
        print(f"| {what:<62} | {wall:>6.2f}s | {cpu:>6.2f}s | {text:<44} | {shown_peak:>7} |", flush=True)

    def __iadd__(self, rows):  # type: ignore[override]
        for row in rows:
            self.append(row)
        return self


def timed(command: Sequence[str], cwd: Path, runs: int) -> Tuple[float, float, float]:
    """(median wall s, median CPU s, peak MB) of `command`, from a small measuring process."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _TIMED, *command], cwd=cwd, capture_output=True, text=True,
                              check=True)
        report = json.loads(done.stdout)
        if report["code"] not in (0, 1):
            raise SystemExit(f"{' '.join(command[:4])} … exited {report['code']}: {report['err']}")
        walls.append(report["wall"])
        cpus.append(report["cpu"])
        peaks.append(report["peak"])
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def planlint(*args: str) -> List[str]:
    return [sys.executable, "-m", "planlint", *args, TODAY]


def touch(plan: Path, round_: int) -> None:
    """A real edit: a comment line, different each round (so no cache holds it)."""
    with plan.open("a", encoding="utf-8") as handle:
        handle.write(f"# edited {round_}\n")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=bench@example.com", "-c", "user.name=bench", *args], cwd=folder,
                   check=True, capture_output=True)


def ratio(value: Tuple[float, ...], base: Tuple[float, ...], what: str) -> str:
    """Wall-time ratio, then CPU-time ratio (the one a busy machine does not move)."""
    return f"{value[0] / base[0]:.2f}× ({value[1] / base[1]:.2f}× CPU) {what}"


def rows_for(size: int, runs: int, edit_count: int) -> Tuple[List[Row], float]:
    folder = Path(tempfile.mkdtemp(prefix="planlint-incremental-"))
    cache = folder / ".planlint_cache" / "planlint.sqlite"
    env_home = folder / "home"
    os.environ["XDG_CACHE_HOME"] = str(env_home)
    os.environ.pop("PLANLINT_CACHE_DIR", None)
    try:
        plans = generate(folder / "plans", size)
        (folder / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
        git(folder, "init", "-q")
        git(folder, "add", "-A")
        git(folder, "commit", "-qm", "plans")
        one = min(plans[1:50], key=lambda p: abs(len(p.read_text(encoding="utf-8").splitlines()) - 400))
        ten = plans[100:110] if size > 110 else plans[:10]
        rel = [str(p.relative_to(folder)) for p in plans]
        print(f"\n{size:,} plans in git, `paths: [plans]`")
        print(f"| {'what':<62} | {'wall':>7} | {'CPU':>7} | {'ratio':<44} | {'peak':>7} |")
        print(f"|{'-' * 64}|{'-' * 9}|{'-' * 9}|{'-' * 46}|{'-' * 9}|", flush=True)
        rows: List[Row] = Table()
        floor = timed([sys.executable, "-c", FLOOR, *rel], folder, runs)
        rows.append(("PyYAML safe_load of every plan (the floor)", *floor[:2], "1.00× the floor", floor[2]))
        cold_full = timed(planlint("plans", "--format", "json:out.json"), folder, 1)
        size_mb = cache.stat().st_size / 1e6 if cache.exists() else 0.0
        print(f"(cache database after the first full run: {size_mb:.1f} MB)", flush=True)
        rows.append(("full run, cold (no cache)", *cold_full[:2], ratio(cold_full, floor, "the floor"),
                     cold_full[2]))
        warm_full = timed(planlint("plans", "--format", "json:out.json"), folder, runs)
        rows.append(("full run, warm", *warm_full[:2], ratio(warm_full, floor, "the floor"), warm_full[2]))
        one_rel = str(one.relative_to(folder))
        alone = timed(planlint(one_rel, "--isolated", "--no-cache"), folder, runs)
        rows.append((f"that plan alone ({len(one.read_text(encoding='utf-8').splitlines())} lines, "
                     "--isolated --no-cache)", *alone[:2], "1.00× alone", alone[2]))
        walls, cpus, peaks = [], [], []
        for round_ in range(runs):
            touch(one, round_)
            wall, cpu, peak = timed(planlint(one_rel), folder, 1)
            walls.append(wall), cpus.append(cpu), peaks.append(peak)
        warm_one = (statistics.median(walls), statistics.median(cpus))
        rows.append(("one changed plan, warm", *warm_one, ratio(warm_one, alone, "alone"), max(peaks)))
        ten_rel = [str(p.relative_to(folder)) for p in ten]
        ten_alone = timed(planlint(*ten_rel, "--isolated", "--no-cache"), folder, runs)
        for plan in ten:
            touch(plan, 99)
        ten_warm = timed(planlint(*ten_rel), folder, 1)
        rows.append(("ten changed plans, warm", *ten_warm[:2], ratio(ten_warm, ten_alone, "those ten alone"),
                     ten_warm[2]))
        git(folder, "commit", "-qam", "earlier edits")
        three = plans[200:203] if size > 203 else plans[10:13]
        for plan in three:
            touch(plan, 77)
        three_alone = timed(planlint(*(str(p.relative_to(folder)) for p in three), "--isolated", "--no-cache"),
                            folder, runs)
        since = timed(planlint("--changed-since", "HEAD", "--format", "json:since.json"), folder, runs)
        reported = {f["path"] for f in json.loads((folder / "since.json").read_text(encoding="utf-8"))}
        rows.append((f"--changed-since HEAD, 3 plans edited ({len(reported)} with findings)", *since[:2],
                     ratio(since, three_alone, "those three alone"), since[2]))
        shutil.rmtree(folder / ".planlint_cache")
        touch(one, 1000)
        cold_one = timed(planlint(one_rel), folder, 1)
        rows.append(("one changed plan, cold (no cache)", *cold_one[:2], ratio(cold_one, cold_full, "the full cold run"), cold_one[2]))
        timed(planlint("plans", "--format", "json:out.json"), folder, 1)  # warm again for the server
        rows += server_rows(folder, one, alone, edit_count)
        return rows, size_mb
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_STOP = Client.stop


def stop(client: Client) -> None:
    """Shut the server down; it may still be reading the workspace (a busy machine)."""
    try:
        _STOP(client)
    except subprocess.TimeoutExpired:
        client.process.kill()
        client.process.wait()


Client.stop = stop  # type: ignore[method-assign]  # server.edits stops its client too


def server_rows(folder: Path, plan: Path, alone: Tuple[float, ...], edit_count: int) -> List[Row]:
    client = Client(folder)
    started = __import__("time").perf_counter()
    client.start(folder)
    client.send("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml",
                                                          "version": 1, "text": plan.read_text(encoding="utf-8")}})
    first = client.wait_for(plan.as_uri(), 1)["at"] - started
    used = cpu_seconds(client.process.pid)
    stop(client)
    latencies, cpu = edits(folder, plan, edit_count)
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    return [("server: start, open that plan -> first diagnostics (warm)", first, used,
             ratio((first, used), alone, "CLI alone"), float("nan")),
            (f"server: edit -> diagnostics, median of {len(latencies)}", statistics.median(latencies),
             statistics.median(cpu), f"p95 {p95 * 1000:.0f} ms", float("nan"))]


def main() -> None:
    parser = argparse.ArgumentParser(description="planlint: cost of a change in a large plans repository")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average at the start: {os.getloadavg()[0]:.1f}")
    for size in args.sizes:
        rows_for(size, args.runs if size <= 1000 else 1, args.edits)
        print(f"load average now: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
