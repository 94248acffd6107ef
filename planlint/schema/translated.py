"""The plan schema in the reader's language: the same schema, its titles and descriptions
in Chinese, so that yaml-language-server's hover and completion (which show them) speak
Chinese. Written from the English file and the one table of Chinese descriptions
(planlint.messages), never kept as a second copy that could drift."""
from __future__ import annotations

import json
from typing import Any

from planlint.messages import description
from planlint.schema.validate import SCHEMA_FILE, schema_text

# The file a repository keeps the Chinese schema in (`planlint schema --lang zh -o …`).
FILE_NAMES = {"en": SCHEMA_FILE, "zh": SCHEMA_FILE.replace(".schema.json", ".schema.zh.json")}


def schema_in(lang: str, name: str = SCHEMA_FILE) -> str:
    """The bundled schema `name` as text: byte for byte in English, translated under zh."""
    text = schema_text(name)
    if lang == "en":
        return text
    schema = _translated(json.loads(text), lang)
    if isinstance(schema.get("$id"), str):  # another document, so another id
        schema["$id"] = schema["$id"].replace(".schema.json", f".schema.{lang}.json")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _translated(node: Any, lang: str) -> Any:
    if isinstance(node, list):
        return [_translated(item, lang) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: description(value).render(lang).strip() if key in ("title", "description") and isinstance(value, str)
            else value if key in ("enum", "const", "default", "examples") else _translated(value, lang)
            for key, value in node.items()}
