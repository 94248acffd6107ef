"""What a request handler reads from the running server: the session, an open
document's text and the client's position encoding. The handlers name this view
rather than the server class, which registers them, so neither imports the other;
and `never_down`, which keeps a failing handler from taking the server down."""
from __future__ import annotations

import functools
import logging
import traceback
from typing import Any, Callable, Protocol, TypeVar

from planlint.server.session import Session

log = logging.getLogger("planlint.server.features")
F = TypeVar("F", bound=Callable[..., Any])


class Editor(Protocol):
    session: Session
    client_capabilities: Any  # lsprotocol's ClientCapabilities, once the client said hello

    @property
    def encoding(self) -> str: ...

    def text(self, uri: str) -> str: ...

    def read_workspaces(self) -> None: ...


def never_down(handler: F) -> F:
    """A request that fails answers nothing rather than an error the editor shows."""
    @functools.wraps(handler)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return handler(*args, **kwargs)
        except Exception:
            log.error("planlint: %s failed:\n%s", handler.__name__, traceback.format_exc())
            return None
    return wrapper  # type: ignore[return-value]
