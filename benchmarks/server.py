"""Language server speed, measured the way an editor sees it:

- diagnostics after an edit of a 400-line plan: 20 edits, each timed from the
  `didChange` to the `publishDiagnostics` of that version, minus the debounce
  (median, 95th percentile, worst, and the server's CPU time per edit);
- workspace start-up with N plans: from starting `planlint server` until the
  opened plan has its first diagnostics (the workspace's plans are read after
  them), cold (no .planlint_cache) and with the cache, beside `planlint PLAN
  --isolated --no-cache` (that plan alone on the command line).

    python benchmarks/server.py [--plans 1000] [--edits 20]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from planlint.server.app import DEBOUNCE_SECONDS  # noqa: E402

# Every command runs from bytecode, as an installed wheel does (an editable install
# under PYTHONDONTWRITEBYTECODE=1 would compile planlint anew in each, 45 ms).
BYTECODE = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


class Client:
    """A bare JSON-RPC client over the server's stdio: no editor, no library."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "planlint", "server"], cwd=folder, env=BYTECODE,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.published: List[Dict[str, Any]] = []
        self.arrived = threading.Condition()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def send(self, method: str, params: Any, request: bool = False) -> None:
        message: Dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.strip() == b"":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(stream.read(length))
            if message.get("method") == "textDocument/publishDiagnostics":
                with self.arrived:
                    self.published.append({**message["params"], "at": time.perf_counter()})
                    self.arrived.notify_all()
            elif "id" in message and "method" in message:  # a request from the server
                reply = json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": None}).encode()
                assert self.process.stdin is not None
                self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(reply) + reply)
                self.process.stdin.flush()

    def wait_for(self, uri: str, version: Optional[int] = None, timeout: float = 120) -> Dict[str, Any]:
        with self.arrived:
            found = self.arrived.wait_for(lambda: next((p for p in self.published if p["uri"] == uri and (
                version is None or p.get("version") == version)), None), timeout)
        if not found:
            raise RuntimeError(f"no diagnostics for {uri} version {version}")
        return found

    def start(self, folder: Path) -> None:
        self.send("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {},
                                 "workspaceFolders": [{"uri": folder.as_uri(), "name": "plans"}]}, request=True)
        self.send("initialized", {})

    def stop(self) -> None:
        self.send("shutdown", None, request=True)
        self.send("exit", None)
        self.process.wait(30)


def cpu_seconds(pid: int) -> float:
    """The process's CPU time and that of its finished children (worker processes),
    so figures on a busy machine can be told from the machine's load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def alone(folder: Path, plan: Path) -> Tuple[float, float]:
    """Wall and CPU seconds of `planlint PLAN --isolated --no-cache`: that plan alone."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planlint", str(plan), "--isolated", "--no-cache"], cwd=folder,
                   env=BYTECODE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def start_up(folder: Path, plan: Path) -> Tuple[float, float]:
    started = time.perf_counter()
    client = Client(folder)
    client.start(folder)
    client.send("textDocument/didOpen", {"textDocument": {"uri": plan.as_uri(), "languageId": "yaml", "version": 1,
                                                          "text": plan.read_text(encoding="utf-8")}})
    published = client.wait_for(plan.as_uri(), 1)
    used = cpu_seconds(client.process.pid)
    client.stop()
    return published["at"] - started, used


def edits(folder: Path, plan: Path, count: int) -> Tuple[List[float], List[float]]:
    client = Client(folder)
    client.start(folder)
    text = plan.read_text(encoding="utf-8")
    uri = plan.as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                          "text": text}})
    client.wait_for(uri, 1)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("finalized:"))
    column = lines[at].index(":") + 2
    latencies, cpu = [], []
    for version in range(2, count + 2):
        day = "2026-01-01" if version % 2 else "2099-01-01"  # the finding comes and goes
        change = {"range": {"start": {"line": at, "character": column},
                            "end": {"line": at, "character": column + 10}}, "text": day}
        before = cpu_seconds(client.process.pid)
        sent = time.perf_counter()
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [change]})
        latencies.append(client.wait_for(uri, version)["at"] - sent - DEBOUNCE_SECONDS)
        cpu.append(cpu_seconds(client.process.pid) - before)
        time.sleep(0.05)
    client.stop()
    return latencies, cpu


def main() -> None:
    from incremental import PLAN_LINES, pad  # it imports this module

    parser = argparse.ArgumentParser(description="planlint server latency")
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="planlint-server-bench-"))
    try:
        plans = generate(folder / "plans", args.plans)
        (folder / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
        plan = plans[1]
        pad(plan, PLAN_LINES)
        print(f"machine: {os.cpu_count()} cores; {args.plans} plans, the edited one "
              f"{len(plan.read_text(encoding='utf-8').splitlines())} lines; debounce {DEBOUNCE_SECONDS * 1000:.0f} ms")
        print(f"load average at the start: {os.getloadavg()[0]:.1f} (wall-clock figures grow with it; "
              "the server's CPU time does not)")
        by_itself = [alone(folder, plan) for _ in range(3)]
        wall_alone, cpu_alone = (statistics.median(run[i] for run in by_itself) for i in (0, 1))
        print(f"that plan alone (planlint PLAN --isolated --no-cache): {wall_alone:.2f} s (CPU {cpu_alone:.2f} s)")
        for label in ("cold (no cache):", "with the cache: "):
            wall, used = start_up(folder, plan)
            print(f"first diagnostics, {label}  {wall:.2f} s (server CPU, workers included: {used:.2f} s; "
                  f"{wall / wall_alone:.2f}× that plan alone, {used / cpu_alone:.2f}× its CPU)")
        times, cpu = edits(folder, plan, args.edits)
        ranked = sorted(times)
        p95 = ranked[min(len(ranked) - 1, int(len(ranked) * 0.95))]
        print(f"diagnostics after an edit ({len(times)} edits, after the debounce): median "
              f"{statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
              f"(server CPU per edit: median {statistics.median(cpu) * 1000:.0f} ms, worst {max(cpu) * 1000:.0f} ms)")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

if __name__ == "__main__":
    main()
