"""planlint.engine.run.lint_texts: plans held in memory give exactly what the CLI gives
for the same files, with the workspace's other plans as cross-file context."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.config import Settings
from planlint.engine.run import lint_texts
from planlint.engine.memo import Memo

from helpers import DEFAULT_TODAY, HERE

SHARED_ID = HERE / "rules" / "PL005" / "fail_shared_account_id"
EXAMPLES = HERE.parent / "examples" / "plans"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plans/ holds what is linted; others/ is reached only through the config's `paths:`."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "others").mkdir()
    shutil.copy(SHARED_ID / "a.yaml", tmp_path / "plans" / "a.yaml")
    shutil.copy(EXAMPLES / "northwind-mobile-2027.yaml", tmp_path / "plans" / "northwind.yaml")
    shutil.copy(SHARED_ID / "b.yaml", tmp_path / "others" / "b.yaml")
    (tmp_path / "planlint.yaml").write_text("paths: [others]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli_findings(*paths: str) -> list:
    result = CliRunner().invoke(cli, [*paths, "--format", "json", "--no-cache",
                                      f"--today={DEFAULT_TODAY.isoformat()}"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


def test_in_memory_texts_give_the_cli_findings_with_a_workspace_file_as_context(workspace: Path) -> None:
    expected = cli_findings("plans/a.yaml", "plans/northwind.yaml")
    texts = {path: (workspace / path).read_text(encoding="utf-8") for path in ("plans/a.yaml", "plans/northwind.yaml")}
    # The CLI names a `paths:` file by its resolved path, as the language server would.
    result = lint_texts(texts, Settings(today=DEFAULT_TODAY), workspace={str(workspace / "others" / "b.yaml"): None})
    assert [f.as_dict() for f in result.findings] == expected
    # The account id shared with the unlinted workspace file is reported in the linted one only.
    assert [(f["path"], f["line"], f["code"]) for f in expected if f["code"] == "PL005"] == [("plans/a.yaml", 5, "PL005")]
    assert result.files == ["plans/a.yaml", "plans/northwind.yaml"]


def test_workspace_plans_may_be_held_in_memory_and_texts_may_be_bytes(workspace: Path) -> None:
    expected = cli_findings("plans/a.yaml")
    other = (workspace / "others" / "b.yaml").read_text(encoding="utf-8")
    (workspace / "others" / "b.yaml").unlink()
    result = lint_texts({"plans/a.yaml": (workspace / "plans" / "a.yaml").read_bytes()},
                        Settings(today=DEFAULT_TODAY), workspace={str(workspace / "others" / "b.yaml"): other})
    assert [f.as_dict() for f in result.findings] == expected


def test_without_the_workspace_there_is_no_cross_file_finding() -> None:
    text = (SHARED_ID / "a.yaml").read_text(encoding="utf-8")
    result = lint_texts({"a.yaml": text}, Settings(today=DEFAULT_TODAY))
    assert result.findings == []


def test_the_edited_text_wins_over_the_same_path_in_the_workspace() -> None:
    path = str(SHARED_ID / "a.yaml")
    edited = (SHARED_ID / "a.yaml").read_text(encoding="utf-8").replace("id: acme", "id: acme-north")
    result = lint_texts({path: edited}, Settings(today=DEFAULT_TODAY),
                        workspace={path: None, str(SHARED_ID / "b.yaml"): None})
    assert result.findings == []


def test_settings_apply_as_in_a_run_of_the_cli() -> None:
    text = (EXAMPLES / "northwind-mobile-2027.yaml").read_text(encoding="utf-8")
    everything = lint_texts({"n.yaml": text}, Settings(today=dt.date(2026, 11, 23)))
    codes = {f.code for f in everything.findings}
    assert len(codes) > 1
    kept = sorted(codes)[0]
    only = lint_texts({"n.yaml": text}, Settings(today=dt.date(2026, 11, 23), cli_select=[kept], lang="zh"))
    assert {f.code for f in only.findings} == {kept}
    assert all(re.search("[\u4e00-\u9fff]", f.message) for f in only.findings)


def test_a_memo_reuses_unchanged_files_and_gives_the_same_findings() -> None:
    memo = Memo()
    plan = (SHARED_ID / "a.yaml").read_text(encoding="utf-8").replace(
        "  id: acme\n", "  id: acme  # planlint: disable=PL005 -- the rival file is a copy\n")
    other = {"b.yaml": (SHARED_ID / "b.yaml").read_text(encoding="utf-8")}
    settings = Settings(today=DEFAULT_TODAY)
    for workspace in (other, {}, other, {}):  # the directive is used, then unused, then used again
        expected = lint_texts({"a.yaml": plan}, settings, workspace=workspace)
        again = lint_texts({"a.yaml": plan}, settings, workspace=workspace, memo=memo)
        assert [f.as_dict() for f in again.findings] == [f.as_dict() for f in expected.findings]
        assert [f.code for f in again.findings] == ([] if workspace else ["PL007"])
    assert len(memo.entries) == 2
    renamed = lint_texts({"c.yaml": other["b.yaml"]}, settings, workspace={"a.yaml": plan}, memo=memo)
    assert [(f.path, f.code) for f in renamed.findings] == [("c.yaml", "PL005")]
    assert len(memo.entries) == 2  # the same bytes under another path are one entry
