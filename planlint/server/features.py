"""Requests other than diagnostics: hover, completion, code actions, code lenses,
definition, document symbols. Each handler answers from the document's text and the
session; none of them can take the server down. The modules that answer are imported
by the first request that needs them: the opened plan's first diagnostics wait for
none of them."""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence

from lsprotocol import types

from planlint.server.editor import never_down

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from planlint.server.editor import Editor

# "Fix all safe problems in this file" (planlint.server.fix_all), as editor.codeActionsOnSave names it.
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.planlint"


def wants_fix_all(only: Optional[Sequence[str]]) -> bool:
    """Whether a request limited to the kinds `only` wants the fix-all action."""
    return only is None or any(FIX_ALL_KIND == kind or FIX_ALL_KIND.startswith(f"{kind}.") for kind in only)


def supports_watch_registration(capabilities: types.ClientCapabilities) -> bool:
    watch = capabilities.workspace.did_change_watched_files if capabilities.workspace else None
    return bool(watch and watch.dynamic_registration)


def watch_registration() -> types.RegistrationParams:
    watchers = [types.FileSystemWatcher(glob_pattern=pattern)
                for pattern in ("**/*.yaml", "**/*.yml", "**/pyproject.toml")]
    return types.RegistrationParams(registrations=[types.Registration(
        id="planlint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))])


def register(server: LanguageServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @never_down
    def hover(ls: Editor, params: types.HoverParams) -> Optional[types.Hover]:
        from planlint.server import due_lens, navigate

        found = navigate.hover(ls, params.text_document.uri, params.position)
        return due_lens.with_due(ls, params.text_document.uri, params.position.line, found)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[" ", ":", "[", ",", "-"]))
    @never_down
    def completion(ls: Editor, params: types.CompletionParams) -> Optional[types.CompletionList]:
        from planlint.server import navigate

        return navigate.completion(ls, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @never_down
    def definition(ls: Editor, params: types.DefinitionParams) -> Optional[types.Location]:
        from planlint.server import navigate

        return navigate.definition(ls, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @never_down
    def symbols(ls: Editor, params: types.DocumentSymbolParams) -> Optional[List[types.DocumentSymbol]]:
        from planlint.server import symbols as outline

        return outline.symbols(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    @never_down
    def code_lens(ls: Editor, params: types.CodeLensParams) -> Optional[List[types.CodeLens]]:
        from planlint.server import due_lens

        return due_lens.code_lenses(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True))
    @never_down
    def code_actions(ls: Editor, params: types.CodeActionParams) -> Optional[List[types.CodeAction]]:
        from planlint.server import actions, fix_all

        uri, only = params.text_document.uri, params.context.only
        if only is not None and types.CodeActionKind.QuickFix not in only:
            whole = fix_all.offer(ls, uri, FIX_ALL_KIND) if wants_fix_all(only) else None
            return [whole] if whole is not None else []
        found = actions.code_actions(ls, uri, params.range)
        # Beside a finding's quick fixes, one more; its edit waits until it is chosen
        # (the lightbulb asks on every move of the cursor).
        whole = fix_all.offer(ls, uri, types.CodeActionKind.QuickFix) if found else None
        return found + ([whole] if whole is not None else [])

    @server.feature(types.CODE_ACTION_RESOLVE)
    @never_down
    def resolve_action(ls: Editor, action: types.CodeAction) -> types.CodeAction:
        from planlint.server import fix_all

        return fix_all.resolve(ls, action)
