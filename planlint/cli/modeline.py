"""The `# yaml-language-server: $schema=…` line that `planlint init` writes when the
repository holds the plan schema (`planlint schema -o account-plan.schema.json`, or in
Chinese `planlint schema --lang zh -o account-plan.schema.zh.json`), so editors with
yaml-language-server check keys and values while the plan is typed, and their hover
speaks the plan's language: a Chinese plan links the Chinese schema when there is one."""
from __future__ import annotations

import os
from typing import Optional

from planlint.schema.translated import FILE_NAMES

SCHEMA_FILE = FILE_NAMES["en"]
PREFIX = "# yaml-language-server: $schema="


def find_schema(plan_path: str, lang: str = "en") -> Optional[str]:
    """The nearest schema file from the plan's folder upwards, stopping at the repository
    root (the folder holding .git), or None: the one in the plan's language first, then the other."""
    names = [FILE_NAMES[lang], *(name for other, name in FILE_NAMES.items() if other != lang)]
    folder = os.path.dirname(os.path.abspath(plan_path))
    while True:
        candidate = next((os.path.join(folder, n) for n in names if os.path.isfile(os.path.join(folder, n))), None)
        if candidate is not None:
            return candidate
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def with_modeline(template: str, plan_path: str, lang: str = "en") -> str:
    """The template with the modeline as its first line when a schema file is found;
    the template's own hint on how to add the line is then left out."""
    schema = find_schema(plan_path, lang)
    if schema is None:
        return template
    relative = os.path.relpath(schema, os.path.dirname(os.path.abspath(plan_path))).replace(os.sep, "/")
    lines = template.splitlines(keepends=True)
    # the hint sits in the header: first in English, after the template's title in Chinese
    hint = next((i for i, line in enumerate(lines[:6]) if "planlint schema" in line), None)
    if hint is not None:
        hint_end = next((i for i in range(hint, min(hint + 3, len(lines))) if "yaml-language-server" in lines[i]), None)
        if hint_end is not None:
            lines = lines[:hint] + lines[hint_end + 1:]
    return f"{PREFIX}{relative}\n" + "".join(lines)
