"""What the editor says at initialization: the language of everything the server
writes, and whether the workspace is trusted to run the plugins its config names."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from helpers import DATA
from lsp_editor import ENV, Editor, codes
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

PLUGIN = DATA / "plugins" / "local_ok"
# A plugin that leaves a mark when it is imported: the proof that its code ran.
MARKING = "import pathlib\npathlib.Path(__file__).with_name('ran').write_text('x')\n"


def plugin_workspace(tmp_path: Path, config: str = "") -> Path:
    for name in ("plan.yaml", "team_rules.py"):
        shutil.copy(PLUGIN / name, tmp_path / name)
    rules = tmp_path / "team_rules.py"
    rules.write_text(MARKING + rules.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "planlint.yaml").write_text(f"today: 2027-01-01\nplugins: [team_rules.py]\n{config}",
                                            encoding="utf-8")
    return tmp_path


@pytest.mark.asyncio
async def test_an_untrusted_workspace_runs_no_plugin_and_says_so(client: LanguageClient, tmp_path: Path) -> None:
    root = plugin_workspace(tmp_path, "select: [PL201, TEAM001]\n")
    editor = Editor(client, root)
    await editor.start()  # no "trusted": a reviewer opening a pull request's branch
    uri = editor.open("plan.yaml")
    assert codes(await editor.diagnostics(uri)) == ["PL201"]
    assert not (root / "ran").exists()
    assert [(m.type, m.message) for m in client.messages] == [(types.MessageType.Warning, (
        f"planlint: the plugins of {root / 'planlint.yaml'} (team_rules.py) were not loaded because the editor "
        "does not trust this workspace (a plugin is code the repository's authors wrote); the built-in rules "
        "ran. Trust the workspace to run them."))]


@pytest.mark.asyncio
async def test_a_trusted_workspace_runs_its_plugins(client: LanguageClient, tmp_path: Path) -> None:
    root = plugin_workspace(tmp_path)
    editor = Editor(client, root)
    await editor.start(options={"trusted": True, "lang": "auto"})
    uri = editor.open("plan.yaml")
    assert codes(await editor.diagnostics(uri)) == ["PL201", "TEAM001"]
    assert (root / "ran").exists() and client.messages == []


@pytest.mark.asyncio
async def test_the_notice_is_in_the_language_the_editor_asks_for(client: LanguageClient, tmp_path: Path) -> None:
    root = plugin_workspace(tmp_path)
    editor = Editor(client, root)
    await editor.start(options={"trusted": False, "lang": "zh"})
    await editor.diagnostics(editor.open("plan.yaml"))
    assert [m.message for m in client.messages] == [
        f"planlint：编辑器未信任此工作区，所以没有加载 {root / 'planlint.yaml'} 中的插件（team_rules.py）"
        "（插件是仓库作者写的代码）；只运行了内置规则。信任此工作区后即可运行这些插件。"]


@pytest.mark.asyncio
@pytest.mark.parametrize("config, option, message", [
    ("lang: zh\n", "en", "plan `promo` is finalized 31 days before it starts; a promotion needs at least 42 days"),
    ("lang: en\n", "zh", "计划 `promo` 在开始前 31 天才定稿；促销计划至少要提前 42 天定稿"),
    ("lang: zh\n", "auto", "计划 `promo` 在开始前 31 天才定稿；促销计划至少要提前 42 天定稿"),
])
async def test_the_lang_option_wins_over_the_config_unless_auto(client: LanguageClient, tmp_path: Path,
                                                               config: str, option: str, message: str) -> None:
    shutil.copy(PLUGIN / "plan.yaml", tmp_path / "plan.yaml")
    (tmp_path / "planlint.yaml").write_text(f"today: 2027-01-01\n{config}", encoding="utf-8")
    editor = Editor(client, tmp_path)
    await editor.start(options={"lang": option})
    [finding] = await editor.diagnostics(editor.open("plan.yaml"))
    assert finding.message == message


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "planlint", "server", "--stdio"], server_env=ENV))
async def stdio_client(lsp_client: LanguageClient):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_stdio_flag_editors_add_is_accepted(stdio_client: LanguageClient, tmp_path: Path) -> None:
    shutil.copy(PLUGIN / "plan.yaml", tmp_path / "plan.yaml")
    (tmp_path / "planlint.yaml").write_text("today: 2027-01-01\n", encoding="utf-8")
    editor = Editor(stdio_client, tmp_path)
    assert (await editor.start(options={"lang": "en", "trusted": True})).server_info.name == "planlint"
    assert codes(await editor.diagnostics(editor.open("plan.yaml"))) == ["PL201"]
