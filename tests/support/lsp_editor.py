"""What an editor does to `planlint server` in the tests: start a session on a folder,
open, type, wait for diagnostics (tests/lsp/ holds the tests, this their helper)."""
from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Callable, List, Optional, Sequence

from lsprotocol import types
from pytest_lsp import LanguageClient

DATA = Path(__file__).parent.parent / "lsp" / "data"
ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}  # the server's environment: English
WAIT = 30.0  # seconds before a missing answer fails the test (never a timing assertion)


class Editor:
    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client, self.root = client, root
        self.versions: dict = {}

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    async def start(self, encodings: Optional[Sequence[str]] = None, code_lens: bool = False,
                    options: Optional[dict] = None) -> types.InitializeResult:
        """Initialize with `options` as the initialization options (an editor's settings)."""
        general = types.GeneralClientCapabilities(position_encodings=list(encodings)) if encodings else None
        capabilities = types.ClientCapabilities(
            general=general,
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)),
            text_document=types.TextDocumentClientCapabilities(
                completion=types.CompletionClientCapabilities(
                    completion_item=types.ClientCompletionItemOptions(snippet_support=False)),
                hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                code_lens=types.CodeLensClientCapabilities() if code_lens else None))
        folder = types.WorkspaceFolder(uri=self.root.as_uri(), name="plans")
        return await self.client.initialize_session(types.InitializeParams(
            capabilities=capabilities, workspace_folders=[folder], root_uri=self.root.as_uri(),
            initialization_options=options))

    def open(self, name: str, text: Optional[str] = None) -> str:
        uri = self.uri(name)
        text = (self.root / name).read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        return uri

    def replace_all(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self, uri: str, until: Callable[[List[types.Diagnostic]], bool] = lambda d: True
                          ) -> List[types.Diagnostic]:
        """The diagnostics published for `uri`, once they satisfy `until`."""
        async def wait() -> List[types.Diagnostic]:
            while True:
                found = self.client.diagnostics.get(uri)
                if found is not None and until(list(found)):
                    return list(found)
                await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return await asyncio.wait_for(wait(), WAIT)


def copy_data(tmp_path: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copy(DATA / "planlint.yaml", tmp_path / "planlint.yaml")
    return tmp_path


def codes(diagnostics: Sequence[types.Diagnostic]) -> List[str]:
    return sorted(str(d.code) for d in diagnostics)
