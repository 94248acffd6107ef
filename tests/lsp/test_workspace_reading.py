"""The workspace's plans are read beside the editor's edits (in a thread): what
changes on disk or in the config while they are read is not lost."""
from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from lsp_editor import copy_data

from planlint.server.session import Project, Session

DATA = Path(__file__).parent / "data"


def reading(root: Path) -> tuple:
    """A session on `root` with acme.yaml's project, and its workspace read (not adopted yet)."""
    session = Session(use_cache=False)
    session.folders = [str(root)]
    project = session.project_for(str(root / "acme.yaml"))
    job = session.begin_read(project)
    assert job is not None and session.begin_read(project) is None  # begun once
    read: Future = Future()
    read.set_result(job())
    return session, project, read


def codes_of(project: Project, root: Path) -> list:
    assert project.linter is not None
    text = (root / "acme.yaml").read_text(encoding="utf-8")
    return sorted(f.code for f in project.linter.lint({str(root / "acme.yaml"): text})[str(root / "acme.yaml")])


def test_a_plan_changed_on_disk_while_the_workspace_is_read_is_read_again(tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml", "bolt.yaml")
    session, project, read = reading(root)
    with_fridge = (DATA / "bolt.yaml").read_text(encoding="utf-8") + (DATA / "bolt-fridge.yaml").read_text(
        encoding="utf-8")
    (root / "bolt.yaml").write_text(with_fridge, encoding="utf-8")  # saved after the read saw it
    session.disk_changed([str(root / "bolt.yaml")])
    assert session.finish_read(project, read)
    assert codes_of(project, root) == ["PL503"]


def test_a_read_that_a_config_change_overtook_is_dropped(tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml", "bolt.yaml")
    session, project, read = reading(root)
    session.reset()  # the config changed while the plans were read under the old one
    assert not session.finish_read(project, read)
    assert session.project_for(str(root / "acme.yaml")) is not project


def test_a_failed_read_leaves_the_open_files_linted_without_the_workspace(tmp_path: Path) -> None:
    root = copy_data(tmp_path, "acme.yaml")
    session, project, _ = reading(root)
    failed: Future = Future()
    failed.set_exception(OSError("the disk went away"))
    assert not session.finish_read(project, failed)
    assert codes_of(project, root) == []
