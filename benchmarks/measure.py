"""Run a command and report its wall time, CPU time and peak memory, measured from
a small helper process: Linux counts a forked child's copy of its parent in the
child's peak memory, so the parent that measures must itself be small."""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Any, Dict, List, Optional, Tuple

_HELPER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = child.communicate()
elapsed = time.perf_counter() - start
import resource
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "code": child.returncode,
                  "stdout": out.decode(errors="replace")[:2000], "stderr": err.decode(errors="replace")[-2000:]}))
"""


def run_measured(command: List[str], cwd: str = ".", env: Optional[Dict[str, str]] = None
                 ) -> Tuple[float, float, int, str, str]:
    """(seconds, peak MB, exit status, stdout head, stderr tail) of one run of `command`
    (in `env`, default: this process's environment)."""
    report = measured(command, cwd, env)
    return report["seconds"], report["peak_mb"], report["code"], report["stdout"], report["stderr"]


def measured(command: List[str], cwd: str = ".", env: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    """seconds (wall), cpu (user + system seconds of the command and its children),
    peak_mb, code, stdout (head), stderr (tail) of one run of `command`."""
    done = subprocess.run([sys.executable, "-c", _HELPER, *command], cwd=cwd, capture_output=True,
                          text=True, check=True, env=env)
    return json.loads(done.stdout)  # type: ignore[no-any-return]
