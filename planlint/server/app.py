"""`planlint server`: the Language Server Protocol over stdio, on pygls.

Diagnostics come from the engine in this process (see engine_adapter); edits are
debounced; every handler keeps the server up whatever the document holds.
"""
from __future__ import annotations

import asyncio
import logging
import os
import traceback
from typing import Any, Dict, List, Optional, Set

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from planlint import __version__
from planlint.discover import CONFIG_NAMES, PLAN_SUFFIXES
from planlint.server import features
from planlint.server.protocol import AnsweringProtocol
from planlint.server.reading import WorkspaceReader
from planlint.server.convert import diagnostic, problem_diagnostic, split_lines
from planlint.server.session import OpenFile, Project, Session

log = logging.getLogger(__name__)
DEBOUNCE_SECONDS = 0.15
WORKSPACE_DELAY_SECONDS = 0.05


class PlanServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("planlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=AnsweringProtocol)
        self.session = Session()
        self.reader = WorkspaceReader(self.session, self.publish_project)
        self.pending: Dict[str, asyncio.Task] = {}
        self.published: Dict[str, List[types.Diagnostic]] = {}
        self.shown: Set[str] = set()

    def show_notices(self) -> None:
        """The session's notices (plugins skipped in an untrusted workspace), each once."""
        for notice in self.session.notices:
            if notice not in self.shown:
                self.shown.add(notice)
                self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, notice))
        self.session.notices.clear()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def text(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source if uri in self.session.open else ""

    # -- diagnostics ---------------------------------------------------------------
    def lint(self, uri: str) -> None:
        item = self.session.open.get(uri)
        if item is not None:
            self.publish_project(item.project, force=uri)

    def publish_project(self, project: Project, force: Optional[str] = None) -> None:
        """Lint the project's open files (the memo makes unchanged ones free) and
        publish those whose diagnostics changed (cross-file findings move when
        another file changes), and `force` in any case."""
        items = self.session.open_in(project)
        results: Dict[str, list] = {}
        crash = None
        if project.linter is not None and items:
            try:
                results = project.linter.lint({i.path: self.text(i.uri) for i in items})
            except Exception as exc:  # never down: the documents get a diagnostic instead
                log.error("planlint crashed:\n%s", traceback.format_exc())
                crash = f"planlint: internal error: {type(exc).__name__}: {exc}"
        for item in items:
            item.findings, item.crash = results.get(item.path, []), crash
            self.send(item, force == item.uri)

    def send(self, item: OpenFile, force: bool) -> None:
        lines = split_lines(self.text(item.uri))
        found = [diagnostic(lines, f, self.encoding) for f in item.findings]
        if item.project.error is not None:
            found = [problem_diagnostic(item.project.error, "config")]
        elif item.crash is not None:
            found.append(problem_diagnostic(item.crash, "crash"))
        if not force and self.published.get(item.uri) == found:
            return
        self.published[item.uri] = found
        version = self.workspace.get_text_document(item.uri).version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=item.uri, diagnostics=found, version=version))

    def schedule(self, uri: str) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_event_loop().create_task(self._later(uri))

    async def _later(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self.pending.pop(uri, None)
        self.lint(uri)

    def read_workspaces_soon(self) -> None:
        """Read the unread workspaces after the messages already waiting (an opened
        plan gets its first diagnostics first), in a thread while edits go on; then
        publish what their plans change."""
        asyncio.get_event_loop().call_later(WORKSPACE_DELAY_SECONDS, self.reader.start)

    def read_workspaces(self) -> None:
        self.reader.wait()

    def relint_all(self) -> None:
        for uri in list(self.session.open):
            self.lint(uri)
        self.read_workspaces_soon()  # after a reset: the projects' workspaces are read again


server = PlanServer()


def _path(uri: str) -> str:
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else os.path.abspath(os.path.basename(uri) or "untitled.yaml")


def _workspace_folders(ls: PlanServer) -> List[str]:
    folders = [to_fs_path(f.uri) for f in ls.workspace.folders.values()]
    if not folders and ls.workspace.root_path:
        folders = [ls.workspace.root_path]
    return [os.path.abspath(f) for f in folders if f]


@server.feature(types.INITIALIZE)
def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
    """Initialization options: {"lang": "auto" | "en" | "zh", "trusted": bool}. Without
    "trusted": true no plugin of the workspace's config is loaded."""
    options: Any = params.initialization_options
    options = options if isinstance(options, dict) else {}
    lang = options.get("lang")
    ls.session.lang = lang if lang in ("en", "zh") else None
    ls.session.trusted = options.get("trusted") is True


@server.feature(types.INITIALIZED)
def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
    ls.session.folders = _workspace_folders(ls)
    for folder in ls.session.folders:  # the config now; the workspace's plans just after
        ls.session.project_for(os.path.join(folder, "plan.yaml"))
    ls.show_notices()
    ls.read_workspaces_soon()
    if features.supports_watch_registration(ls.client_capabilities):
        ls.client_register_capability(features.watch_registration())


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = _path(uri)
    ls.session.open[uri] = OpenFile(uri, path, ls.session.project_for(path))
    ls.show_notices()
    ls.lint(uri)
    if ls.session.open[uri].project.unread:  # its cross-file findings come once the workspace is read
        ls.read_workspaces_soon()


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    item = ls.session.open.get(uri)
    if item is not None:
        ls.session.disk_changed([item.path])
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.lint(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    item = ls.session.open.pop(uri, None)
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.published.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    if item is not None:
        ls.publish_project(item.project)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [_path(change.uri) for change in params.changes]
    names = [os.path.basename(p).lower() for p in paths]
    if any(name in CONFIG_NAMES or name == "pyproject.toml" for name in names):
        ls.session.reset()
        ls.show_notices()
        ls.relint_all()
        return
    plans = [p for p, name in zip(paths, names) if name.endswith(PLAN_SUFFIXES)]
    if plans:
        ls.session.disk_changed(plans)
        for project in {id(i.project): i.project for i in ls.session.open.values()}.values():
            ls.publish_project(project)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def folders_changed(ls: PlanServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    # pygls has updated ls.workspace.folders already; the plans cross-file rules see change.
    ls.session.folders = _workspace_folders(ls)
    ls.session.reset()
    ls.relint_all()


features.register(server)


def run() -> None:
    logging.basicConfig(level=logging.WARNING, format="planlint server: %(message)s")
    server.start_io()


def main() -> int:
    """Serve on standard input and output until the client says exit; the exit status
    is 0 after `shutdown` then `exit`, else 1 (as LSP asks)."""
    import gc

    # planlint's command turns the collector off for short runs; a server runs for
    # hours. What the imports made lives as long as the process: frozen, the first
    # collection does not walk it all again before the first diagnostics.
    gc.freeze()
    gc.enable()
    run()
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
