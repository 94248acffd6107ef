"""A real LSP client (pytest-lsp) talking to `planlint server` over stdio; each test
copies its plans into tmp_path and opens that folder as the workspace."""
from __future__ import annotations

import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from lsp_editor import ENV



@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "planlint", "server"],
                                              server_env=ENV))
async def client(lsp_client: LanguageClient):
    lsp_client.registrations = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations += params.registrations  # type: ignore[attr-defined]

    yield
    # Tests end the session themselves where shutdown/exit is what they check.
    if lsp_client.capabilities is not None and lsp_client._server and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()
