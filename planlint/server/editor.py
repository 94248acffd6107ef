"""What a request handler reads from the running server: the session, an open
document's text and the client's position encoding. The handlers name this view
rather than the server class, which registers them, so neither imports the other."""
from __future__ import annotations

from typing import Any, Protocol

from planlint.server.session import Session


class Editor(Protocol):
    session: Session
    client_capabilities: Any  # lsprotocol's ClientCapabilities, once the client said hello

    @property
    def encoding(self) -> str: ...

    def text(self, uri: str) -> str: ...

    def read_workspaces(self) -> None: ...
