"""The `# yaml-language-server: $schema=…` line that `planlint init` writes when the
repository holds the plan schema (`planlint schema > account-plan.schema.json`), so
editors with yaml-language-server check keys and values while the plan is typed."""
from __future__ import annotations

import os
from typing import Optional

SCHEMA_FILE = "account-plan.schema.json"
PREFIX = "# yaml-language-server: $schema="


def find_schema(plan_path: str) -> Optional[str]:
    """The nearest account-plan.schema.json from the plan's folder upwards, stopping at
    the repository root (the folder holding .git), or None."""
    folder = os.path.dirname(os.path.abspath(plan_path))
    while True:
        candidate = os.path.join(folder, SCHEMA_FILE)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def with_modeline(template: str, plan_path: str) -> str:
    """The template with the modeline as its first line when a schema file is found;
    the template's own hint on how to add the line is then left out."""
    schema = find_schema(plan_path)
    if schema is None:
        return template
    relative = os.path.relpath(schema, os.path.dirname(os.path.abspath(plan_path))).replace(os.sep, "/")
    lines = template.splitlines(keepends=True)
    if lines and "planlint schema" in lines[0]:
        hint_end = next((i for i, line in enumerate(lines[:4]) if "yaml-language-server" in line), None)
        if hint_end is not None:
            lines = lines[hint_end + 1:]
    return f"{PREFIX}{relative}\n" + "".join(lines)
