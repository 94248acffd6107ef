"""code-server (VS Code in a browser, from npm) for the extension's end-to-end test:
installed once into a cache folder outside the checkout, the extension built there
from a copy of editors/vscode, and a server started in its own process group.

code-server 4.100.3 is the last release that runs on Node 20. Its npm install needs
root allowed (unsafe_perm), `yes` (npm here cancels an `npx node-gyp` step
otherwise), Debian's build headers (tools/system-deps.sh) and Debian's ripgrep put
where its ripgrep step looks before it downloads one."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

CHECKOUT = Path(__file__).parent.parent.parent
VERSION = "4.100.3"
CACHE = Path(os.environ.get("PLANLINT_TOOLS_CACHE") or Path.home() / ".cache" / "planlint-tests")
RIPGREP = "vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"


def run(command: List[str], cwd: Path, env: Dict[str, str], what: str) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{what} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def npm_env(tmp: Path) -> Dict[str, str]:
    return {**os.environ, "npm_config_unsafe_perm": "true", "npm_config_yes": "true", "npm_config_audit": "false",
            "npm_config_fund": "false", "npm_config_update_notifier": "false", "TMPDIR": str(tmp)}


@contextmanager
def locked(name: str) -> Iterator[None]:
    """One installer at a time (test workers share the cache)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def code_server() -> Path:
    """The code-server executable, installed into the cache when missing."""
    folder = CACHE / "code-server"
    binary = folder / "node_modules" / ".bin" / "code-server"
    with locked("code-server"):
        if not (binary.exists() and VERSION in _version(binary)):
            rg = shutil.which("rg")
            assert rg, "code-server's install needs ripgrep: sh tools/system-deps.sh installs it"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
            with tempfile.TemporaryDirectory() as tmp:
                tarball = Path(tmp) / RIPGREP
                tarball.parent.mkdir(parents=True)
                with tarfile.open(tarball, "w:gz") as archive:
                    archive.add(rg, arcname="rg")
                run(["npm", "install", f"code-server@{VERSION}"], folder, npm_env(Path(tmp)), "npm install code-server")
        assert VERSION in _version(binary), f"code-server {VERSION} does not run: {_version(binary)}"
    return binary


def _version(binary: Path) -> str:
    try:
        return subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=120).stdout
    except OSError as exc:
        return str(exc)


def extension() -> Path:
    """planlint.vsix built by `npm run package` in a copy of editors/vscode (its
    node_modules kept in the cache, nothing written into the checkout)."""
    build = CACHE / "vscode-extension"
    with locked("vscode-extension"):
        for old in build.glob("*"):
            if old.name != "node_modules":
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        shutil.copytree(CHECKOUT / "editors" / "vscode", build, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
        with tempfile.TemporaryDirectory() as tmp:
            run(["npm", "install"], build, npm_env(Path(tmp)), "npm install (editors/vscode)")
            run(["npm", "run", "package"], build, npm_env(Path(tmp)), "npm run package")
    return build / "planlint.vsix"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CodeServer:
    """One code-server on 127.0.0.1 with its own user data and extensions folders."""

    def __init__(self, binary: Path, home: Path) -> None:
        self.binary, self.home, self.port = binary, home, free_port()
        self.user_data, self.extensions = home / "user-data", home / "extensions"
        self.process: "subprocess.Popen[bytes] | None" = None

    def options(self) -> List[str]:
        return ["--user-data-dir", str(self.user_data), "--extensions-dir", str(self.extensions),
                "--config", str(self.home / "config.yaml")]

    def install(self, vsix: Path) -> None:
        run([str(self.binary), *self.options(), "--install-extension", str(vsix)], self.home, dict(os.environ),
            "code-server --install-extension")

    def settings(self, values: dict) -> None:
        import json

        target = self.user_data / "User" / "settings.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values, indent=2), encoding="utf-8")

    def start(self, path: str) -> str:
        """Start on a free port with `path` as PATH; the URL once it answers."""
        log = open(self.home / "code-server.log", "wb")
        self.process = subprocess.Popen(
            ["setsid", str(self.binary), *self.options(), "--bind-addr", f"127.0.0.1:{self.port}", "--auth", "none",
             "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust"],
            cwd=self.home, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "LANG": "C.UTF-8", "PATH": path})
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.home / "code-server.log").read_text(errors="replace")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=5):
                    return url
            except OSError:
                time.sleep(0.5)
        raise AssertionError("code-server did not answer in 120 s:\n"
                             + (self.home / "code-server.log").read_text(errors="replace"))

    def stop(self) -> None:
        """End the whole process group: code-server leaves a file watcher running otherwise."""
        if self.process is None:
            return
        for sent, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sent)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                pass
