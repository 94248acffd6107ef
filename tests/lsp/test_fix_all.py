""""Fix all safe problems in this file": what `planlint --fix` writes, as one edit of
the open text (asked as source.fixAll, or chosen beside a finding's quick fixes)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lsp_editor import Editor, copy_data
from lsprotocol import types
from pytest_lsp import LanguageClient

# A date written 2027-1-10 has a safe fix; the misspelt contact's fix is a guess (unsafe).
MISTAKES = (("ready: 2027-01-10", "ready: 2027-1-10"), ("        with: [li-ming]\n", "        with: [li-mign]\n"))


def with_mistakes(root: Path) -> str:
    text = (root / "acme.yaml").read_text(encoding="utf-8")
    for right, wrong in MISTAKES:
        text = text.replace(right, wrong, 1)
    return text


def applied(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    assert edit.range.start == types.Position(0, 0)
    assert edit.range.end == types.Position(len(lines) - 1, len(lines[-1]))
    return edit.new_text


def fixed_by_the_command_line(root: Path, text: str) -> str:
    (root / "acme.yaml").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "planlint", "check", "--fix", "acme.yaml"], cwd=root, capture_output=True)
    return (root / "acme.yaml").read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_source_fix_all_makes_the_safe_fixes_planlint_fix_makes(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = with_mistakes(root)
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml", text)
    assert len(await editor.diagnostics(uri)) == 2
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    [action] = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), whole, types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    assert (action.title, action.kind) == ("Fix all safe problems in this file", "source.fixAll.planlint")
    [edit] = action.edit.changes[uri]
    result = applied(text, edit)
    assert "ready: 2027-01-10" in result and "with: [li-mign]" in result
    assert result == fixed_by_the_command_line(root, text)


@pytest.mark.asyncio
async def test_beside_a_quick_fix_it_is_resolved_when_chosen(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "planlint.yaml").write_text("today: 2027-01-01\nlang: zh\n", encoding="utf-8")
    text = with_mistakes(root)
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml", text)
    found = await editor.diagnostics(uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(diagnostics=found[:1])))
    [chosen] = [a for a in actions if a.edit is None]
    assert (chosen.title, chosen.kind) == ("修复这个文件中所有可安全修复的问题", types.CodeActionKind.QuickFix)
    resolved = await client.code_action_resolve_async(chosen)
    [edit] = resolved.edit.changes[uri]
    assert applied(text, edit) == text.replace("ready: 2027-1-10", "ready: 2027-01-10")


@pytest.mark.asyncio
async def test_nothing_safe_to_fix_offers_nothing(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(*MISTAKES[1])
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml", text)
    [guess] = await editor.diagnostics(uri)
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    assert not await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), whole, types.CodeActionContext(diagnostics=[], only=["source"])))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), guess.range, types.CodeActionContext(diagnostics=[guess])))
    assert not [a for a in actions if a.title.startswith("Fix all")]
