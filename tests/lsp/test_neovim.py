"""A real editor: headless Neovim's built-in LSP client starts `planlint server` on a
plan with a short lead time and reads the PL201 diagnostic. Neovim is a test
dependency (the README's test command installs Debian's `neovim`): without it this
test fails, it never skips."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from lsp_editor import DATA, copy_data


def test_neovim_receives_the_pl201_diagnostic(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    assert nvim is not None, "neovim is not installed: run `sh tools/system-deps.sh` (apt-get install neovim)"
    root = copy_data(tmp_path, "acme.yaml")
    plan = root / "acme.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("finalized: 2026-11-20", "finalized: 2027-01-10"),
                    encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    home = tmp_path / "home"  # Neovim's LSP log and state go here, not to the user's home
    env = {**os.environ, "PLANLINT_PLAN": str(plan), "PLANLINT_PYTHON": sys.executable, "PLANLINT_OUT": str(out),
           "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"), "LANG": "C.UTF-8"}
    subprocess.run([nvim, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {DATA / 'neovim_smoke.lua'}"],
                   cwd=tmp_path, env=env, timeout=120, check=True, stdin=subprocess.DEVNULL)
    received = out.read_text(encoding="utf-8")
    print(received)
    cli = subprocess.run([sys.executable, "-m", "planlint", str(plan), "--format", "json"], cwd=root,
                         capture_output=True, text=True, env=env)
    [expected] = json.loads(cli.stdout)
    assert (expected["code"], expected["line"], expected["column"]) == ("PL201", 31, 5)
    assert received == f"planlint:31:5: PL201 {expected['message']}\n"
    assert "finalized 10 days before it starts" in received
