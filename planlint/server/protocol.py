"""The JSON-RPC layer, made to answer every request: a request whose params the
protocol types refuse (a position of -1 or 2**31) gets an "invalid params" error
response, where pygls alone logged it and left the editor waiting forever."""
from __future__ import annotations

from typing import Any

from pygls.exceptions import JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol


class AnsweringProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict) -> Any:
        try:
            return super().structure_message(data)
        except Exception as exc:
            if "method" in data and data.get("id") is not None:
                error = exc if isinstance(exc, JsonRpcInvalidParams) else JsonRpcInvalidParams()
                self._send_response(data["id"], error=error.to_response_error())
            raise
