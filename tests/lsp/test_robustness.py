"""What a hostile or broken client sends never leaves a request unanswered, and one
bad document never spoils the others."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsp_editor import Editor, copy_data
from pygls.exceptions import JsonRpcException
from lsprotocol import types
from pytest_lsp import LanguageClient


@pytest.mark.asyncio
@pytest.mark.parametrize("line, character", [(-1, 0), (0, -5), (2**31, 0), (0, 2**31)])
async def test_a_position_out_of_the_protocol_range_gets_an_error_response(
        client: LanguageClient, tmp_path: Path, line: int, character: int) -> None:
    editor = Editor(client, copy_data(tmp_path, "acme.yaml"))
    await editor.start()
    uri = editor.open("acme.yaml")
    await editor.diagnostics(uri)
    position = types.Position(0, 0)
    object.__setattr__(position, "line", line)  # what the types refuse, sent as a client might
    object.__setattr__(position, "character", character)
    with pytest.raises(JsonRpcException) as raised:
        await asyncio.wait_for(client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), position)), 30)
    assert raised.value.code == -32602  # invalid params
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                     types.Position(0, 0)))
    assert hover is None or hover.contents  # the server still answers
