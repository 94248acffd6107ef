""""Fix all safe problems in this file": the safe fixes `planlint --fix` would make
to the open text (the same passes and checks), as one edit of the document. Offered
as `source.fixAll.planlint` (editor.codeActionsOnSave, the extension's command) and
as a quick fix beside a finding's own, where its edit is computed only when chosen."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from lsprotocol import types

from planlint.fix.passes import FileFix, apply_fixes, relint_with
from planlint.messages import builtin_message
from planlint.parse.decode import text_bytes
from planlint.server.convert import split_lines, units

if TYPE_CHECKING:
    from planlint.server.editor import Editor
    from planlint.server.session import OpenFile

def offer(ls: Editor, uri: str, kind: str) -> Optional[types.CodeAction]:
    """The action when the file has a safe fix. As a quick fix its edit waits for
    codeAction/resolve; as `source.fixAll.planlint` it comes with the edit."""
    item = ls.session.open.get(uri)
    if item is None or item.project.linter is None:
        return None
    if not any(f.fix is not None and f.fix.safe and f.fix.edits for f in item.findings):
        return None
    lang = item.project.linter.settings.lang
    action = types.CodeAction(title=builtin_message("fix_all_safe").render(lang), kind=kind,
                              data={"fix_all": uri})
    return action if kind == types.CodeActionKind.QuickFix else resolve(ls, action)


def resolve(ls: Editor, action: types.CodeAction) -> types.CodeAction:
    data: Any = action.data
    uri = data.get("fix_all") if isinstance(data, dict) else None
    item = ls.session.open.get(uri) if isinstance(uri, str) else None
    if item is not None:
        edit = _edit(ls, item)
        if edit is not None:
            action.edit = types.WorkspaceEdit(changes={item.uri: [edit]})
    return action


def _edit(ls: Editor, item: OpenFile) -> Optional[types.TextEdit]:
    linter = item.project.linter
    assert linter is not None
    text = ls.text(item.uri)
    files = {item.path: FileFix(item.path, text_bytes(text), text)}
    workspace = {path: raw for path, raw in linter.disk.items() if path != item.path}
    apply_fixes(files, {item.path: list(item.findings)},
                relint_with(linter.settings, linter.registry, workspace, linter.memo))
    if not files[item.path].changed:
        return None
    lines = split_lines(text)
    end = types.Position(len(lines) - 1, units(lines[-1], ls.encoding))
    return types.TextEdit(range=types.Range(types.Position(0, 0), end), new_text=files[item.path].fixed)
