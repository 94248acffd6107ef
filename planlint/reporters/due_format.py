"""`planlint due` as text (grouped by date, one line per item) and as JSON."""
from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Iterator, Sequence

from planlint.api import visible
from planlint.directors.due import DueItem
from planlint.directors.due_words import when, word


def due_text(items: Sequence[DueItem], today: dt.date, within: int, lang: str) -> Iterator[str]:
    """Overdue first, then by date; a heading per date, then its items."""
    for day, group in itertools.groupby(items, key=lambda item: item.date):
        yield f"{day.isoformat()} · {when((day - today).days, lang)}\n"
        for item in group:
            yield "  " + " · ".join(visible(part) for part in _parts(item, lang)) + "\n"
    yield _summary(items, today, within, lang) + "\n"


def _parts(item: DueItem, lang: str) -> list:
    # a pinyin id (yonghui) reads worse than the name (永辉超市) to a Chinese reader
    account = item.account_name if lang == "zh" and item.account_name else item.account
    parts = [word(item.kind).render(lang), account or "?", item.what]
    if item.owner:
        parts.append(word("owner", owner=item.owner).render(lang))
    if item.code:
        parts.append(item.code)
    return parts + [f"{item.path}:{item.line}"]


def _summary(items: Sequence[DueItem], today: dt.date, within: int, lang: str) -> str:
    if not items:
        return word("nothing_due", within=within, today=today).render(lang)
    counts = {kind: sum(item.kind == kind for item in items) for kind in ("overdue", "deadline", "milestone")}
    return word("summary", count=len(items), s="" if len(items) == 1 else "s", within=within, today=today,
                ds="" if counts["deadline"] == 1 else "s", ms="" if counts["milestone"] == 1 else "s",
                **counts).render(lang)


def due_json(items: Sequence[DueItem], today: dt.date) -> Iterator[str]:
    """A JSON array of the items, in the list's order (UTF-8, not ASCII-escaped)."""
    yield json.dumps([item.as_dict(today) for item in items], ensure_ascii=False, indent=2) + "\n"
