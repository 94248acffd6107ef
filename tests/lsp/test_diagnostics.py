"""Diagnostics over stdio: what `planlint FILE` finds, where an editor counts columns."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Sequence, Tuple

import pytest
from helpers import DATA
from lsp_editor import Editor, codes, copy_data
from lsprotocol import types
from pytest_lsp import LanguageClient

SHORT_LEAD = ("finalized: 2026-11-20", "finalized: 2027-01-10")


@pytest.mark.asyncio
async def test_open_reports_what_the_command_line_reports(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD)
    (root / "acme.yaml").write_text(text, encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml")
    found = await editor.diagnostics(uri)
    cli = subprocess.run([sys.executable, "-m", "planlint", str(root / "acme.yaml"), "--format", "json"],
                         cwd=root, capture_output=True, text=True)
    expected = json.loads(cli.stdout)
    assert [(d.code, d.range.start.line + 1, d.range.start.character + 1, d.message) for d in found] == \
        [(f["code"], f["line"], f["column"], f["message"]) for f in expected]
    [pl201] = found
    assert pl201.code == "PL201" and pl201.source == "planlint"
    assert pl201.severity == types.DiagnosticSeverity.Error
    assert pl201.range == types.Range(types.Position(30, 4), types.Position(30, 13))


@pytest.mark.asyncio
async def test_an_edit_clears_a_finding(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    editor = Editor(client, root)
    await editor.start()
    clean = (root / "acme.yaml").read_text(encoding="utf-8")
    uri = editor.open("acme.yaml", clean.replace(*SHORT_LEAD))
    assert codes(await editor.diagnostics(uri)) == ["PL201"]
    editor.replace_all(uri, clean)
    assert await editor.diagnostics(uri, until=lambda d: not d) == []


def with_fridge(root: Path) -> str:
    """bolt.yaml with a project plan whose exclusive offer is also acme's."""
    data = Path(__file__).parent / "data"
    return (data / "bolt.yaml").read_text(encoding="utf-8") + (data / "bolt-fridge.yaml").read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_cross_file_finding_from_a_file_that_is_not_open(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "bolt.yaml").write_text(with_fridge(root), encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml")
    [pl503] = await editor.diagnostics(uri, until=lambda d: bool(d))  # once the workspace is read
    assert pl503.code == "PL503"
    assert "bolt" in pl503.message
    assert pl503.range.start == types.Position(46, 8)


async def acme_beside_bolt(client: LanguageClient, tmp_path: Path) -> tuple:
    """A workspace of acme.yaml and bolt.yaml, acme open and clean."""
    root = copy_data(tmp_path, "acme.yaml", "bolt.yaml")
    editor = Editor(client, root)
    await editor.start()
    acme = editor.open("acme.yaml")
    assert await editor.diagnostics(acme) == []
    return root, editor, acme


@pytest.mark.asyncio
async def test_other_open_files_follow_a_cross_file_change(client: LanguageClient, tmp_path: Path) -> None:
    root, editor, acme = await acme_beside_bolt(client, tmp_path)
    bolt = editor.open("bolt.yaml")
    editor.replace_all(bolt, with_fridge(root))  # only in the buffer: open buffers win over the disk
    assert codes(await editor.diagnostics(acme, until=lambda d: bool(d))) == ["PL503"]
    editor.replace_all(bolt, (root / "bolt.yaml").read_text(encoding="utf-8"))
    assert await editor.diagnostics(acme, until=lambda d: not d) == []


EMOJI_LINE = '        with: ["🛒", wang-fang]'


@pytest.mark.asyncio
@pytest.mark.parametrize("offered, expected", [
    (None, lambda before: len(before) + 1),  # UTF-16 by default: 🛒 is two code units
    (["utf-32"], lambda before: len(before)),
    (["utf-8", "utf-16"], lambda before: len(before.encode("utf-8"))),
])
async def test_ranges_in_the_negotiated_encoding(client: LanguageClient, tmp_path: Path, offered, expected) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    editor = Editor(client, root)
    result = await editor.start(offered)
    assert result.capabilities.position_encoding == (offered[0] if offered else "utf-16")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("        with: [li-ming]\n", EMOJI_LINE + "\n", 1)
    uri = editor.open("acme.yaml", text)
    found = await editor.diagnostics(uri)
    after = [d for d in found if d.code == "PL004" and "wang-fang" in d.message]
    before = EMOJI_LINE[:EMOJI_LINE.index("wang-fang")]
    assert [(d.range.start.line, d.range.start.character) for d in after] == [(39, expected(before))]
    assert after[0].range.end.character - after[0].range.start.character == len("wang-fang")


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))


@pytest.mark.asyncio
@pytest.mark.parametrize("hostile", [
    ALIAS_BOMB,
    "\x00\x01\x02\x7fELF\x00\x00binary\ufffd junk",
    "plans: " + "[" * 200 + "]" * 200 + "\n",
    "version: 1\naccount: {id: [unclosed\n",
])
async def test_hostile_documents_get_a_diagnostic_and_the_server_stays_up(
        client: LanguageClient, tmp_path: Path, hostile: str) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    editor = Editor(client, root)
    await editor.start()
    bad = editor.open("bad.yaml", hostile)
    assert codes(await editor.diagnostics(bad)) == ["PL001"]
    good = editor.open("acme.yaml", (root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD))
    assert codes(await editor.diagnostics(good)) == ["PL201"]


@pytest.mark.asyncio
async def test_a_crashing_rule_is_a_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    shutil.copy(DATA / "plugins" / "crashing" / "crashing.py", root / "crashing.py")
    (root / "planlint.yaml").write_text("today: 2027-01-01\nplugins: [crashing.py]\n", encoding="utf-8")
    editor = Editor(client, root)
    await editor.start(options={"trusted": True})
    uri = editor.open("acme.yaml")
    [crash] = await editor.diagnostics(uri)
    assert crash.code == "TEAM002" and "the plugin broke" in crash.message
    editor.replace_all(uri, "version: 1\n")  # the server still answers
    assert "PL002" in codes(await editor.diagnostics(uri, until=lambda d: "PL002" in codes(d)))


@pytest.mark.asyncio
async def test_config_is_reloaded_when_it_changes(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "acme.yaml").write_text((root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD),
                                    encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml")
    assert codes(await editor.diagnostics(uri)) == ["PL201"]
    assert [r.method for r in client.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    (root / "planlint.yaml").write_text("today: 2027-01-01\nignore: [PL201]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("planlint.yaml"), type=types.FileChangeType.Changed)]))
    assert await editor.diagnostics(uri, until=lambda d: not d) == []
    (root / "planlint.yaml").write_text("today: 2027-01-01\nignore: [PL999]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("planlint.yaml"), type=types.FileChangeType.Changed)]))
    [broken] = await editor.diagnostics(uri, until=lambda d: bool(d))
    assert broken.code == "config" and "PL999" in broken.message
    (root / "planlint.yaml").write_text("lang: zh\nignore: [PL999]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("planlint.yaml"), type=types.FileChangeType.Changed)]))
    [chinese] = await editor.diagnostics(uri, until=lambda d: bool(d) and "配置有误" in d[0].message)
    assert chinese.message.startswith("配置有误") and "`PL999` 不是规则代码或名称" in chinese.message


@pytest.mark.asyncio
async def test_shutdown_and_exit_are_clean(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    editor = Editor(client, root)
    await editor.start()
    editor.open("acme.yaml")
    await editor.diagnostics(editor.uri("acme.yaml"))
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0


def test_server_without_pygls_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from planlint.cli.main import cli

    monkeypatch.setitem(sys.modules, "pygls", None)  # as if the `lsp` extra were not installed
    result = CliRunner().invoke(cli, ["server"])
    assert result.exit_code == 2
    assert "pip install 'planlint[lsp]'" in result.stderr


@pytest.mark.asyncio
async def test_a_plan_changed_on_disk_updates_the_open_files(client: LanguageClient, tmp_path: Path) -> None:
    root, editor, acme = await acme_beside_bolt(client, tmp_path)
    (root / "bolt.yaml").write_text(with_fridge(root), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("bolt.yaml"), type=types.FileChangeType.Changed)]))
    assert codes(await editor.diagnostics(acme, until=lambda d: bool(d))) == ["PL503"]
    (root / "bolt.yaml").unlink()
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("bolt.yaml"), type=types.FileChangeType.Deleted)]))
    assert await editor.diagnostics(acme, until=lambda d: not d) == []


@pytest.mark.asyncio
async def test_an_added_workspace_folder_is_cross_file_context(client: LanguageClient, tmp_path: Path) -> None:
    root, other = tmp_path / "acme", tmp_path / "bolt"
    root.mkdir()
    other.mkdir()
    copy_data(root, "acme.yaml")
    (other / "bolt.yaml").write_text(with_fridge(other), encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    acme = editor.open("acme.yaml")
    assert await editor.diagnostics(acme) == []
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        types.WorkspaceFoldersChangeEvent(added=[types.WorkspaceFolder(other.as_uri(), "bolt")], removed=[])))
    assert codes(await editor.diagnostics(acme, until=lambda d: bool(d))) == ["PL503"]


@pytest.mark.asyncio
async def test_a_plan_in_a_subfolder_follows_the_workspace_config(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "plans").mkdir()
    (root / "plans" / "acme.yaml").write_text(
        (root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD), encoding="utf-8")
    (root / "acme.yaml").unlink()
    (root / "planlint.yaml").write_text("today: 2027-01-01\nignore: [PL201]\n", encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("plans/acme.yaml")
    assert await editor.diagnostics(uri) == []
    (root / "planlint.yaml").write_text("today: 2027-01-01\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=editor.uri("planlint.yaml"), type=types.FileChangeType.Changed)]))
    assert codes(await editor.diagnostics(uri, until=lambda d: bool(d))) == ["PL201"]


class Recorded(dict):
    """The client's latest diagnostics by uri, keeping every publication in order."""

    def __init__(self) -> None:
        super().__init__()
        self.published: List[Tuple[str, List[str]]] = []

    def __setitem__(self, uri: str, diagnostics: Sequence[types.Diagnostic]) -> None:
        self.published.append((uri, codes(diagnostics)))
        super().__setitem__(uri, diagnostics)


@pytest.mark.asyncio
async def test_the_opened_plan_comes_first_and_cross_file_findings_follow(client: LanguageClient,
                                                                          tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "acme.yaml").write_text((root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD),
                                    encoding="utf-8")
    (root / "bolt.yaml").write_text(with_fridge(root), encoding="utf-8")
    client.diagnostics = Recorded()
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml")
    assert codes(await editor.diagnostics(uri, until=lambda d: "PL503" in codes(d))) == ["PL201", "PL503"]
    mine = [found for published, found in client.diagnostics.published if published == uri]
    assert mine == [["PL201"], ["PL201", "PL503"]]


@pytest.mark.asyncio
async def test_typing_right_after_the_open_ends_with_the_cross_file_findings(client: LanguageClient,
                                                                              tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "bolt.yaml").write_text(with_fridge(root), encoding="utf-8")
    editor = Editor(client, root)
    await editor.start()
    clean = (root / "acme.yaml").read_text(encoding="utf-8")
    uri = editor.open("acme.yaml")
    for text in (clean.replace(*SHORT_LEAD), clean, clean.replace(*SHORT_LEAD)):  # while the workspace is read
        editor.replace_all(uri, text)
    found = await editor.diagnostics(uri, until=lambda d: codes(d) == ["PL201", "PL503"])
    assert codes(found) == ["PL201", "PL503"]
