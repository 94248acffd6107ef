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


def test_the_documented_neovim_07_configuration_shows_the_finding(tmp_path: Path) -> None:
    """docs/editors.md's init.lua for Neovim 0.7, as written, with this venv's planlint as
    the full path: opening a plan attaches the server and the PL201 diagnostic arrives."""
    nvim = shutil.which("nvim")
    assert nvim is not None, "neovim is not installed: run `sh tools/system-deps.sh` (apt-get install neovim)"
    doc = (DATA.parent.parent.parent / "docs" / "editors.md").read_text(encoding="utf-8")
    section = doc[doc.index("Neovim 0.7"):]
    init = section[section.index("```lua\n") + 7:section.index("```\n", section.index("```lua\n") + 7)]
    full_path = str(Path(sys.executable).parent / "planlint")
    assert '"/home/you/.local/bin/planlint"' in init
    (tmp_path / "init.lua").write_text(init.replace("/home/you/.local/bin/planlint", full_path), encoding="utf-8")
    root = copy_data(tmp_path, "acme.yaml")
    plan = root / "acme.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("finalized: 2026-11-20", "finalized: 2027-01-10"),
                    encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    (tmp_path / "wait.lua").write_text(
        "vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)\n"
        f"local out = io.open({json.dumps(str(out))}, 'w')\n"
        "for _, d in ipairs(vim.diagnostic.get(0)) do out:write(d.lnum + 1, ' ', d.message, '\\n') end\n"
        "out:close()\nvim.cmd('qa!')\n", encoding="utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "LANG": "C.UTF-8",
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "PATH": "/usr/bin:/bin"}  # no shell PATH to find planlint
    subprocess.run([nvim, "--headless", "--clean", "-u", str(tmp_path / "init.lua"), "-c", "filetype on",
                    "-c", f"edit {plan}", "-c", f"luafile {tmp_path / 'wait.lua'}"],
                   cwd=tmp_path, env=env, timeout=120, check=True, stdin=subprocess.DEVNULL)
    assert "31 plan `spring-promo` is finalized 10 days before it starts" in out.read_text(encoding="utf-8")
