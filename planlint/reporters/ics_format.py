"""`planlint due --format ics`: an iCalendar file (RFC 5545) that Outlook, Google
Calendar and Apple Calendar import: one all-day event per item.

The output is reproducible: DTSTAMP is the run's date, and each event's UID comes
from what the item is (account, plan, kind, rule, data path), never from the run,
so importing next week's file updates the events instead of adding copies."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterator, Sequence

from planlint.api import days_after, visible
from planlint.directors.due import DueItem
from planlint.directors.due_words import word

LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


def due_ics(items: Sequence[DueItem], today: dt.date, lang: str) -> Iterator[str]:
    yield from _lines(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planlint//planlint due//EN",
                       "CALSCALE:GREGORIAN", "METHOD:PUBLISH"])
    for item in items:
        yield from _lines(_event(item, today, lang))
    yield from _lines(["END:VCALENDAR"])


def uid(item: DueItem) -> str:
    identity = "\0".join([item.account or item.path, item.plan or "", item.kind, item.code or "", item.data_path,
                          item.key])
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32] + "@planlint"


def _event(item: DueItem, today: dt.date, lang: str) -> list:
    summary = f"{word(item.kind).render(lang)}{'：' if lang == 'zh' else ': '}{item.what}"
    details = [f"{item.path}:{item.line}"]
    if item.code:
        details.append(word("rule", code=item.code).render(lang))
    if item.owner:
        details.append(word("owner", owner=item.owner).render(lang))
    if item.message:
        details.append(item.message)
    lines = ["BEGIN:VEVENT", f"UID:{uid(item)}", f"DTSTAMP:{_date(today)}T000000Z",
             f"DTSTART;VALUE=DATE:{_date(item.date)}"]
    after = days_after(item.date, 1)
    if after is not None:  # an all-day event ends the next day; on 9999-12-31 it is one day by default
        lines.append(f"DTEND;VALUE=DATE:{_date(after)}")
    # a calendar (Outlook, DingTalk, Feishu) shows a code span's backticks as they are
    summary, details = _plain(summary), [_plain(d) for d in details]
    lines += [f"SUMMARY:{_escape(visible(summary))}", f"DESCRIPTION:{_escape(chr(10).join(map(visible, details)))}",
              f"CATEGORIES:{_escape(item.account or '?')}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def _plain(text: str) -> str:
    return str(text).replace("`", "")


def _date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime drops the zeros of year 1


def _escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11); a carriage return has no escape and is dropped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "")
            .replace("\n", "\\n"))


def _lines(lines: list) -> Iterator[str]:
    for line in lines:
        yield _fold(line) + "\r\n"


def _fold(line: str) -> str:
    """Folded at 75 octets, never inside a UTF-8 character; a continuation starts with a space."""
    parts, current, size, limit = [], [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)
