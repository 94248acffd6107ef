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


@pytest.mark.asyncio
async def test_a_lone_surrogate_is_a_finding_of_its_own_document_only(client: LanguageClient, tmp_path: Path) -> None:
    """Half of an emoji left in one buffer: that plan says where, every other open
    plan keeps its own diagnostics (no "internal error" anywhere)."""
    editor = Editor(client, copy_data(tmp_path, "acme.yaml", "bolt.yaml"))
    await editor.start()
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8").replace("Acme Stores 🛒", "Acme Stores \ud83d")
    acme = editor.open("acme.yaml", text)
    found = await editor.diagnostics(acme)
    assert [(d.code, d.range.start.line, d.range.start.character, d.message) for d in found] == [
        ("PL001", 3, 20, "line 4 holds a lone surrogate (U+D83D), half of a character that cannot be saved as "
                         "text: delete it or type the character again")]
    bolt = editor.open("bolt.yaml")
    assert await editor.diagnostics(bolt) == []  # a clean plan, as when opened alone
