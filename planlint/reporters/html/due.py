"""The directors' report's "Due in the next 30 days": per account (worst score
first), overdue findings first, then by date, each with its owner; and the marks
of deadlines on each account's timeline."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from planlint.api import visible
from planlint.directors.due import DueItem
from planlint.directors.due_words import when, word
from planlint.model import Result
from planlint.reporters.html import accounts, timeline
from planlint.reporters.html.labels import LABELS

DAYS = 30


@dataclass
class Shown:
    kind: str
    date: str
    when: str
    label: str
    what: str
    owner: Optional[str]
    code: Optional[str]
    where: str


def by_account(result: Result, table: Sequence[accounts.Row], lang: str) -> List[Tuple[accounts.Row, List[Shown]]]:
    today = result.today
    if today is None:
        return []
    items: Dict[str, List[DueItem]] = defaultdict(list)
    for item in result.due:
        items[item.path].append(item)
    return [(row, [_shown(item, today, lang) for item in items[row.path]]) for row in table if items.get(row.path)]


def _shown(item: DueItem, today, lang: str) -> Shown:
    return Shown(item.kind, item.date.isoformat(), when((item.date - today).days, lang), word(item.kind).render(lang),
                 visible(item.what), visible(item.owner) if item.owner else None, item.code,
                 f"{item.path}:{item.line}")


def marks(result: Result, path: str, drawn: timeline.Timeline, lang: str) -> List[Tuple[float, str, str]]:
    """(x, title, css) of each deadline and overdue finding of the file that lies on its timeline."""
    if drawn.d0 is None or drawn.d1 is None:
        return []
    found = []
    for item in result.due:
        if item.path == path and item.code and drawn.d0 <= item.date < drawn.d1:
            colon = LABELS[lang]["colon"]
            title = f"{item.date} · {word(item.kind).render(lang)} · {item.code}{colon}{visible(item.what)}"
            found.append((drawn.x(item.date), title, item.kind))
    return found
