"""What is due, on the dated entry: a code lens for a client that shows them, a line in
the hover for one that does not; in the configured language."""
from __future__ import annotations

from pathlib import Path

import pytest
from lsp_editor import Editor, copy_data
from lsprotocol import types
from pytest_lsp import LanguageClient


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def lenses(client: LanguageClient, root: Path) -> list:
    editor = Editor(client, root)
    await editor.start(code_lens=True)
    uri = editor.open("acme.yaml")
    await editor.diagnostics(uri)
    found = await client.text_document_code_lens_async(types.CodeLensParams(doc(uri)))
    return sorted((lens.range.start.line, lens.command.title) for lens in found)


@pytest.mark.asyncio
async def test_code_lenses_say_what_is_due_on_each_dated_entry(client: LanguageClient, tmp_path: Path) -> None:
    assert await lenses(client, copy_data(tmp_path, "acme.yaml")) == [
        (22, "due in 2 days: review last month of plan `ops-hq` and set this month's priorities"),
        (31, "due in 19 days: plan `spring-promo` starts"),
        (36, "due in 9 days: have material `POS display stands` of plan `spring-promo` ready"),
    ]


@pytest.mark.asyncio
async def test_code_lenses_in_chinese_and_an_overdue_finding(client: LanguageClient, tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    (root / "planlint.yaml").write_text("today: 2027-02-25\nlang: zh\n", encoding="utf-8")
    plan = (root / "acme.yaml").read_text(encoding="utf-8")
    (root / "acme.yaml").write_text(plan.replace("      actions:\n        - action: Switch gift to kitchen set\n", ""),
                                    encoding="utf-8")
    found = await lenses(client, root)
    assert (40, "自 2027-02-21 起已逾期（PL403）：补记计划 `spring-promo` 复盘（2027-02-20）的改进措施（`actions`）") in found
    assert (22, "6 天后到期：运营计划 `ops-hq` 月度回顾（回顾上月，定下本月重点）") in found


@pytest.mark.asyncio
async def test_a_client_without_code_lenses_sees_it_in_the_hover(client: LanguageClient, tmp_path: Path) -> None:
    editor = Editor(client, copy_data(tmp_path, "acme.yaml"))
    await editor.start()
    uri = editor.open("acme.yaml")
    await editor.diagnostics(uri)
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), types.Position(line=31, character=6)))
    assert hover.contents.value.endswith("due in 19 days\\: plan \\`spring\\-promo\\` starts")  # Markdown, escaped
