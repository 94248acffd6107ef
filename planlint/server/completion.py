"""Completion: the keys allowed at the cursor and not yet written, enum values, and
the ids this file (or the workspace) defines where a reference is expected."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Set

from lsprotocol import types

from planlint.api import DataPath, as_list, value_at
from planlint.schema import navigate as plan_schema
from planlint.server.convert import units
from planlint.server.cursor import PLACEHOLDER, completion_spot

CONTACT_KEYS = ("with", "review_with")
REFERENCE_KEYS = (*CONTACT_KEYS, "tier", "coordinates", "also_offered_to")


def field_name(path: DataPath) -> Optional[str]:
    """The key a value belongs to: `with` for plans[1].consultations[0].with[2]."""
    return next((part for part in reversed(path) if isinstance(part, str)), None)


def complete(text: str, line: int, column: int, encoding: str, accounts: Sequence[str]) -> List[types.CompletionItem]:
    """`accounts`: the other accounts' ids in the workspace (for also_offered_to)."""
    found = completion_spot(text, line, column)
    if found is None:
        return []
    spot, loaded = found
    data = loaded.data
    path = spot.path
    if spot.is_key and len(path) >= 3 and isinstance(path[-2], int) and path[-3] in REFERENCE_KEYS:
        path, spot.is_key = path[:-2], False  # `- li` in a block list of ids is a value
    current = text.split("\n")[line]
    edit_range = types.Range(types.Position(line, units(current[:spot.start], encoding)),
                             types.Position(line, units(current[:spot.end], encoding)))
    if spot.is_key:
        items = _keys(path[:-1], data)
    else:
        items = _values(path, data, accounts, set(spot.written) - {spot.text})
    for item in items:
        text = item.insert_text or item.label
        item.text_edit = types.TextEdit(range=edit_range, new_text=" " + text if spot.space else text)
        item.insert_text = None
    return items


def _keys(parent: DataPath, data: Any) -> List[types.CompletionItem]:
    schemas = plan_schema.at(data, parent, allowed_only=True)
    mapping = value_at(data, parent)
    if not schemas or not isinstance(mapping, dict):
        return []
    present = set(mapping) - {PLACEHOLDER}
    needed = plan_schema.required_keys(schemas)
    items = []
    for key, subs in plan_schema.key_schemas(data, parent).items():
        if key in present:
            continue
        detail = plan_schema.description(subs) + (" (required)" if key in needed else "")
        items.append(types.CompletionItem(label=key, kind=types.CompletionItemKind.Property, detail=detail,
                                          insert_text=f"{key}: ", sort_text=("0" if key in needed else "1") + key))
    return items


def _values(path: DataPath, data: Any, accounts: Sequence[str], typed: Set[str]) -> List[types.CompletionItem]:
    name = field_name(path)
    account = value_at(data, ("account",)) if isinstance(value_at(data, ("account",)), dict) else {}
    written = {str(v) for v in as_list(value_at(data, path)) if v != PLACEHOLDER} | typed
    reference = types.CompletionItemKind.Reference
    if name in CONTACT_KEYS:
        return [types.CompletionItem(label=str(c["id"]), kind=reference,
                                     detail=f"{c.get('name', '')} — {c.get('role', '')}".strip(" —"))
                for c in _entries(account.get("contacts")) if "id" in c and str(c["id"]) not in written]
    if name == "tier":
        return [types.CompletionItem(label=str(t), kind=reference, detail="a tier of this account")
                for t in as_list(account.get("tiers")) if str(t) not in written]
    if name == "coordinates":
        return [types.CompletionItem(label=str(p["id"]), kind=reference, detail=str(p.get("title", "")))
                for p in _entries(value_at(data, ("plans",)))
                if p.get("type") == "project" and "id" in p and str(p["id"]) not in written]
    if name == "also_offered_to":
        own = account.get("id")
        return [types.CompletionItem(label=a, kind=reference, detail="another account in the workspace")
                for a in accounts if a != own and a not in written]
    schemas = plan_schema.at(data, path, allowed_only=True)
    return [types.CompletionItem(label=_yaml_word(v), kind=types.CompletionItemKind.EnumMember,
                                 detail=plan_schema.description(schemas))
            for v in plan_schema.enum_values(schemas)]


def _entries(value: Any) -> List[Dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _yaml_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
