"""Run a command and report its wall time and peak memory, measured from a small
helper process: Linux counts a forked child's copy of its parent in the child's
peak memory, so the parent that measures must itself be small."""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Dict, List, Optional, Tuple

_HELPER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = child.communicate()
elapsed = time.perf_counter() - start
import resource
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "code": child.returncode,
                  "stdout": out.decode(errors="replace")[:2000], "stderr": err.decode(errors="replace")[-2000:]}))
"""


def run_measured(command: List[str], cwd: str = ".", env: Optional[Dict[str, str]] = None
                 ) -> Tuple[float, float, int, str, str]:
    """(seconds, peak MB, exit status, stdout head, stderr tail) of one run of `command`
    (in `env`, default: this process's environment)."""
    done = subprocess.run([sys.executable, "-c", _HELPER, *command], cwd=cwd, capture_output=True,
                          text=True, check=True, env=env)
    report = json.loads(done.stdout)
    return report["seconds"], report["peak_mb"], report["code"], report["stdout"], report["stderr"]
