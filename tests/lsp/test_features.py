"""Hover, completion, code actions, go to definition and document symbols, over stdio."""
from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
from lsp_editor import Editor, copy_data
from lsprotocol import types
from markdown_it import MarkdownIt
from pytest_lsp import LanguageClient

SHORT_LEAD = ("finalized: 2026-11-20", "finalized: 2027-01-10")


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def opened(client: LanguageClient, root: Path, text: str = None) -> tuple:
    editor = Editor(client, root)
    await editor.start()
    uri = editor.open("acme.yaml", text)
    await editor.diagnostics(uri)
    return editor, uri


async def actions_for_the_finding(client: LanguageClient, root: Path, text: str) -> tuple:
    """Open `text`, which has one finding, and ask for that finding's code actions."""
    editor, uri = await opened(client, root, text)
    [found] = await editor.diagnostics(uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        doc(uri), found.range, types.CodeActionContext(diagnostics=[found])))
    return editor, uri, found, actions


async def labels(client: LanguageClient, uri: str, position: types.Position) -> List[str]:
    result = await client.text_document_completion_async(types.CompletionParams(doc(uri), position))
    items = result.items if isinstance(result, types.CompletionList) else result
    return [item.label for item in items]


@pytest.mark.asyncio
async def test_hover_on_a_finding_shows_the_rule_docs(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD)
    _, uri = await opened(client, root, text)
    result = await client.text_document_hover_async(types.HoverParams(doc(uri), at(30, 6)))
    assert result.contents.kind == types.MarkupKind.Markdown
    value = result.contents.value
    assert value.startswith("**PL201** short lead time · error")
    assert "### Why it matters" in value and "```yaml" in value


@pytest.mark.asyncio
async def test_markdown_in_a_quoted_value_stays_text_in_the_hover(client: LanguageClient, tmp_path: Path) -> None:
    """A value's backticks close the message's code span: what follows must not become
    an image, a link or HTML in the reviewer's editor (rendered here as CommonMark)."""
    root = copy_data(tmp_path, "acme.yaml")
    value = "x` ![pwn](http://evil.example/p.png) [here](http://evil.example) <b>hi</b> `y"
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("review_with: [li-ming]",
                                                                   f"review_with: ['{value}']")
    editor, uri = await opened(client, root, text)
    [found] = [d for d in await editor.diagnostics(uri) if d.code == "PL004"]
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), found.range.start))
    html = MarkdownIt("commonmark").render(hover.contents.value)
    assert "<img" not in html and "<a " not in html and "<b>" not in html
    assert html.split("\n<p><em>")[0] == (
        "<p><strong>PL004</strong> unknown reference · error</p>\n"
        "<p>plan `ops-hq`: `review_with` names contact `x` ![pwn](http://evil.example/p.png) "
        "[here](http://evil.example) &lt;b&gt;hi&lt;/b&gt; `y`, which this file does not define</p>")


@pytest.mark.asyncio
@pytest.mark.parametrize("lang, said", [
    ("en", "**`kind`** — the project kind\n\n`plans[1].kind`\n\n"
           "One of: `promotion`, `product-launch`, `event`, `training`, `other`"),
    ("zh", "**`kind`** — 项目类型\n\n`plans[1].kind`\n\n可选：`promotion`、`product-launch`、`event`、`training`、`other`")])
async def test_hover_on_a_key_shows_its_schema_description(client: LanguageClient, tmp_path: Path, lang: str,
                                                           said: str) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "planlint.yaml").write_text(f"lang: {lang}\n", encoding="utf-8")
    _, uri = await opened(client, root)
    result = await client.text_document_hover_async(types.HoverParams(doc(uri), at(29, 5)))  # `kind:`
    assert result.contents.value == said


@pytest.mark.asyncio
async def test_completion_of_contact_ids_in_with(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8")
    text = text.replace("        with: [li-ming]\n", "        with: []\n", 1)
    text = text.replace("      - id: li-ming\n", "      - id: li-ming\n").replace(
        "      decision_maker: true\n", "      decision_maker: true\n    - id: wang-fang\n"
        "      name: Wang Fang\n      role: store manager\n", 1)
    _, uri = await opened(client, root, text)
    line = text.split("\n").index("        with: []")
    result = await client.text_document_completion_async(types.CompletionParams(doc(uri), at(line, 15)))
    assert [(i.label, i.detail) for i in result.items] == [
        ("li-ming", "Li Ming — purchasing manager"), ("wang-fang", "Wang Fang — store manager")]
    assert result.items[0].text_edit.range == types.Range(at(line, 15), at(line, 15))


@pytest.mark.asyncio
async def test_completion_of_enum_values_after_kind(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("    kind: promotion\n", "    kind: \n")
    _, uri = await opened(client, root, text)
    assert await labels(client, uri, at(29, 10)) == ["promotion", "product-launch", "event", "training", "other"]


@pytest.mark.asyncio
async def test_completion_of_keys_not_yet_present(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("    cadence: monthly\n", "    cadence: monthly\n    \n")
    _, uri = await opened(client, root, text)
    # an operational plan that already has id, type, title, tier, cadence, review_day, review_with, coordinates
    assert await labels(client, uri, at(22, 4)) == ["owner", "checker", "objectives"]


@pytest.mark.asyncio
async def test_completion_of_tiers_plans_and_accounts(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml", "bolt.yaml")
    clean = (root / "acme.yaml").read_text(encoding="utf-8")
    editor, uri = await opened(client, root, clean)
    for old, new, expected in [
            ("    tier: store\n", "    tier: \n", ["headquarters", "store"]),
            ("    coordinates: [spring-promo]\n", "    coordinates: [\n", ["spring-promo"]),
            ("        type: product\n", "        type: product\n        also_offered_to: \n", ["bolt"])]:
        text = clean.replace(old, new)
        editor.replace_all(uri, text)
        line = text.split("\n").index(new.split("\n")[-2])
        assert await labels(client, uri, at(line, len(new.split("\n")[-2]))) == expected


@pytest.mark.asyncio
async def test_definition_of_a_contact_a_tier_and_a_plan(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    _, uri = await opened(client, root)

    async def where(line: int, character: int) -> types.Location:
        return await client.text_document_definition_async(types.DefinitionParams(doc(uri), at(line, character)))

    contact = await where(39, 17)  # consultations[0].with: [li-ming]
    assert contact.uri == uri and contact.range == types.Range(at(8, 10), at(8, 17))
    tier = await where(28, 11)  # spring-promo's tier: store
    assert tier.range == types.Range(at(6, 24), at(6, 29))  # in account.tiers
    plan = await where(24, 20)  # coordinates: [spring-promo]
    assert plan.range == types.Range(at(25, 8), at(25, 20))


@pytest.mark.asyncio
async def test_definition_of_another_account_opens_its_file(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml", "bolt.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(
        "        type: product\n", "        type: product\n        also_offered_to: [bolt]\n")
    _, uri = await opened(client, root, text)
    line = text.split("\n").index("        also_offered_to: [bolt]")
    result = await client.text_document_definition_async(types.DefinitionParams(doc(uri), at(line, 27)))
    assert result.uri == (root / "bolt.yaml").as_uri()
    assert result.range == types.Range(at(2, 6), at(2, 10))


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["paths: [../other]", "a link"])
async def test_definition_never_jumps_outside_the_workspace(client: LanguageClient, tmp_path: Path,
                                                            how: str) -> None:
    """The branch's config (or a link in it) names another team's folder beside the workspace."""
    (tmp_path / "ws").mkdir()
    (tmp_path / "other").mkdir()
    root = copy_data(tmp_path / "ws", "acme.yaml")
    copy_data(tmp_path / "other", "bolt.yaml")
    if how == "a link":
        (root / "plans").symlink_to("../other")
    with open(root / "planlint.yaml", "a", encoding="utf-8") as config:
        config.write("paths: [plans]\n" if how == "a link" else "paths: [../other]\n")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(
        "        type: product\n", "        type: product\n        also_offered_to: [bolt]\n")
    _, uri = await opened(client, root, text)
    line = text.split("\n").index("        also_offered_to: [bolt]")
    result = await client.text_document_definition_async(types.DefinitionParams(doc(uri), at(line, 27)))
    assert result is None


@pytest.mark.asyncio
async def test_document_symbols_for_the_account_and_each_plan(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    _, uri = await opened(client, root)
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(uri)))
    assert [(s.name, s.detail, s.kind, s.range.start.line) for s in found] == [
        ("acme", "Acme Stores 🛒", types.SymbolKind.Namespace, 1),
        ("ops-hq", "operational · HQ monthly rhythm", types.SymbolKind.Class, 17),
        ("spring-promo", "project · Spring promotion", types.SymbolKind.Event, 25)]


@pytest.mark.asyncio
async def test_code_actions_suppress_a_finding(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("        with: [li-ming]\n",
                                                                     "        with: [li-ming, wang-fang]\n", 1)
    editor, uri, pl004, actions = await actions_for_the_finding(client, root, text)
    edits = {a.title: list(a.edit.changes[uri]) for a in actions if a.title.startswith("Suppress")}
    assert edits == {
        "Suppress PL004 (unknown reference) on this line": [types.TextEdit(types.Range(at(39, 34), at(39, 34)),
                                                       "  # planlint: disable=PL004")],
        "Suppress PL004 (unknown reference) for plan spring-promo": [types.TextEdit(types.Range(at(25, 20), at(25, 20)),
                                                                "  # planlint: disable=PL004")],
        "Suppress PL004 (unknown reference) in this file": [types.TextEdit(types.Range(at(0, 0), at(0, 0)),
                                                       "# planlint: disable-file=PL004\n")]}
    # Applying one leaves no finding: the comment is what planlint reads.
    lines = text.split("\n")
    lines[39] += "  # planlint: disable=PL004"
    editor.replace_all(uri, "\n".join(lines))
    assert await editor.diagnostics(uri, until=lambda d: not d) == []


@pytest.mark.asyncio
async def test_code_actions_offer_the_fixes_as_quick_fixes(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    text = (root / "acme.yaml").read_text(encoding="utf-8")
    text = text.replace("        with: [li-ming]\n", "        with: [li-mign]\n", 1).replace(
        "ready: 2027-01-10", "ready: 2027-1-10")
    editor, uri = await opened(client, root, text)
    found = await editor.diagnostics(uri)
    assert codes_at(found) == [("PL002", 36), ("PL004", 39)]
    whole = types.Range(at(0, 0), at(len(text.split("\n")), 0))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        doc(uri), whole, types.CodeActionContext(diagnostics=found)))
    fixes = [(a.title, a.is_preferred, list(a.edit.changes[uri])) for a in actions
             if not a.title.startswith(("Suppress", "Fix all"))]
    assert fixes == [
        ("Write the date as `2027-01-10`", True, [types.TextEdit(types.Range(at(36, 15), at(36, 24)), "2027-01-10")]),
        ("Write `li-ming` (a guess)", False, [types.TextEdit(types.Range(at(39, 15), at(39, 22)), "li-ming")])]
    lines = text.split("\n")
    lines[36] = lines[36].replace("2027-1-10", "2027-01-10")
    lines[39] = lines[39].replace("li-mign", "li-ming")
    editor.replace_all(uri, "\n".join(lines))
    assert await editor.diagnostics(uri, until=lambda d: not d) == []


def codes_at(found: List[types.Diagnostic]) -> List[tuple]:
    return [(str(d.code), d.range.start.line) for d in found]


@pytest.mark.asyncio
async def test_the_server_announces_every_capability(client: LanguageClient, tmp_path: Path) -> None:
    result = await Editor(client, copy_data(tmp_path, "acme.yaml")).start()
    found = result.capabilities
    assert result.server_info.name == "planlint"
    assert found.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert found.text_document_sync.open_close and found.text_document_sync.save is not None
    assert found.hover_provider and found.definition_provider and found.document_symbol_provider
    assert list(found.completion_provider.trigger_characters) == [" ", ":", "[", ",", "-"]
    assert list(found.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix,
                                                                   "source.fixAll.planlint"]
    assert found.code_action_provider.resolve_provider
    assert found.workspace.workspace_folders.change_notifications


@pytest.mark.asyncio
async def test_hover_speaks_the_configured_language(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "planlint.yaml").write_text("today: 2027-01-01\nlang: zh\n", encoding="utf-8")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace(*SHORT_LEAD)
    _, uri = await opened(client, root, text)
    result = await client.text_document_hover_async(types.HoverParams(doc(uri), at(30, 6)))
    assert result.contents.value.startswith("**PL201** 定稿太晚 · 错误")
    assert "### 为什么重要" in result.contents.value


@pytest.mark.asyncio
async def test_a_chinese_team_gets_chinese_actions_and_hover(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "planlint.yaml").write_text("lang: zh\n", encoding="utf-8")
    text = (root / "acme.yaml").read_text(encoding="utf-8").replace("        with: [li-ming]\n",
                                                                     "        with: [li-mign]\n", 1)
    editor, uri, pl004, actions = await actions_for_the_finding(client, root, text)
    assert [a.title for a in actions] == ["写成 `li-ming`（推测）", "在这一行屏蔽 PL004（引用的对象不存在）",
                                          "在计划 spring-promo 中屏蔽 PL004（引用的对象不存在）",
                                          "在整个文件中屏蔽 PL004（引用的对象不存在）"]
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), pl004.range.start))
    assert hover.contents.value.startswith("**PL004** 引用的对象不存在 · 错误") and "### 错误写法" in hover.contents.value


def test_a_key_holding_backticks_is_one_code_span_in_its_hover() -> None:
    """An `x-` key of any text: its hover shows it and its path as written, as code."""
    from planlint.server.navigate import key_markdown

    key = "x-a`` ![i](http://evil.example/i.png) `"
    html = MarkdownIt("commonmark").render(key_markdown(("plans", 0, key), [{"description": "Notes of your own."}]))
    assert html == ("<p><strong><code>x-a`` ![i](http://evil.example/i.png) `</code></strong> — Notes of your own.</p>\n"
                    "<p><code>plans[0]['x-a`` ![i](http://evil.example/i.png) `']</code></p>\n")
