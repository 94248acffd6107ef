"""A minimal language-server client over stdio (Content-Length framing), for talking to an
installed `planlint server` without pygls on the test's side: every wait is bounded."""
from __future__ import annotations

import json
import queue
import subprocess
import tempfile
import threading
from typing import IO, Any, Callable, Dict, List, Optional

WAIT = 60.0  # seconds before a missing message fails the test (never a timing assertion)


class StdioClient:
    def __init__(self, command: List[str], cwd: str) -> None:
        self.log = tempfile.TemporaryFile()  # a file, so a talkative server never blocks on a full pipe
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log)
        self.messages: "queue.Queue[Optional[Dict[str, Any]]]" = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)  # the server closed its output
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length or 0)))

    def send(self, method: str, params: Any, request: bool = False) -> Optional[int]:
        message: Dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        self._write(message)
        return message.get("id")

    def wait_for(self, wanted: Callable[[Dict[str, Any]], bool]) -> Dict[str, Any]:
        """The first message from the server that `wanted` accepts; answers its requests with null."""
        while True:
            try:
                message = self.messages.get(timeout=WAIT)
            except queue.Empty:
                raise AssertionError(f"no answer from the server within {WAIT:.0f} s") from None
            if message is None:
                raise AssertionError("the server stopped: " + self.stderr())
            if "method" in message and "id" in message:  # e.g. client/registerCapability
                self._answer(message["id"])
            if wanted(message):
                return message

    def _answer(self, request_id: Any) -> None:
        self._write({"jsonrpc": "2.0", "id": request_id, "result": None})

    def _write(self, message: Dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> Dict[str, Any]:
        request_id = self.send(method, params, request=True)
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m)

    def stderr(self) -> str:
        self.close()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=WAIT)
