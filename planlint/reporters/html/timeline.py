"""Each account's period as a calendar: the geometry of its inline SVG timeline.

x grows linearly with the date between `d0` (the first day of the first month
shown) and `d1` (the first day of the month after the last one), across
[X0, X1] of the SVG's user space, so a bar's x and width say its dates.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from planlint.api import add_days, visible
from planlint.directors.calendar import AccountFacts, PlanFacts

WIDTH, X0, X1, LABEL_X = 1160, 280, 1140, 8
AXIS, PROJECT_ROW, OPERATIONAL_ROW = 40, 34, 34
NEAR_TODAY = 183  # days  # a calendar this close to today stretches to show it
LABEL_UNITS = 40  # a plan title longer than this (CJK counts 2) is cut with "…"
MAX_TICKS = (X1 - X0) // 4  # review days a band shows: more would be closer than 4 units apart
_PLAN_PATH = re.compile(r"^plans\[(\d+)\](.*)$")
_ITEM = re.compile(r"^\.(materials|consultations)\[(\d+)\]")


@dataclass
class Mark:
    id: str
    shape: str  # rect | diamond | circle | triangle | square | tick | band
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    css: str = ""
    title: str = ""
    href: Optional[str] = None  # the first finding about it
    data: Dict[str, str] = field(default_factory=dict)
    findings: int = 0  # findings about it; the title names the first few, then counts the rest


@dataclass
class Row:
    id: str
    y: float
    height: float
    label: str
    full: str
    note: str
    marks: List[Mark] = field(default_factory=list)
    href: Optional[str] = None


@dataclass
class Timeline:
    id: str
    height: float
    d0: Optional[dt.date] = None
    d1: Optional[dt.date] = None
    ticks: List[Tuple[float, str, bool, bool]] = field(default_factory=list)  # x, label, labelled, starts a year
    today: Optional[float] = None
    today_note: str = ""
    rows: List[Row] = field(default_factory=list)
    empty: str = ""
    width: int = WIDTH
    x0: int = X0
    x1: int = X1

    def x(self, day: dt.date) -> float:
        assert self.d0 is not None and self.d1 is not None
        return round(X0 + (X1 - X0) * (day - self.d0).days / (self.d1 - self.d0).days, 2)


def _month(day: dt.date, months: int = 0) -> dt.date:
    """The first day of the month `months` after `day`'s; the calendar's last day after
    December 9999 (a plan may say `end: 9999-12-31`)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1) if index // 12 <= dt.MAXYEAR else dt.date.max


def _dates(facts: AccountFacts) -> List[dt.date]:
    days = [d for d in (facts.start, facts.end) if d]
    for plan in facts.plans:
        days += [d for d in (plan.finalized, plan.start, plan.end, plan.review) if d]
        days += [m.ready for m in plan.materials if m.ready] + [d for _, d in plan.consultations]
    return days


def _label_width(text: str) -> float:
    """About how wide a month label is at the axis' 10.5px (a CJK character is a full em)."""
    return sum(10.5 if unicodedata.east_asian_width(c) in ("W", "F") else 6.0 for c in text)


def short(text: str, units: int = LABEL_UNITS) -> str:
    text, used, out = visible(text), 0, ""
    for char in text:
        used += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used > units:
            return out.rstrip() + "…"
        out += char
    return out


def mark_key(data_path: Optional[str]) -> str:
    """Which mark a finding belongs to: `p2-m0`, `p2-fin`, `p2-c1`, `p2-rev`, `p2`, or `` (the account)."""
    match = _PLAN_PATH.match(data_path or "")
    if not match:
        return ""
    plan, rest = f"p{match.group(1)}", match.group(2)
    item = _ITEM.match(rest)
    if item:
        return f"{plan}-{'m' if item.group(1) == 'materials' else 'c'}{item.group(2)}"
    for prefix, key in ((".finalized", "fin"), (".consultations", "c0"), (".review", "rev")):
        if rest.startswith(prefix):
            return f"{plan}-{key}"
    return plan


def build(number: int, facts: Optional[AccountFacts], options: Dict[str, dict], today: dt.date,
          t: dict) -> Timeline:
    timeline = Timeline(f"timeline-{number}", AXIS + 30)
    days = _dates(facts) if facts else []
    if not days:
        timeline.empty = t["no_dates"]
        return timeline
    if add_days(min(days), -NEAR_TODAY) <= today <= add_days(max(days), NEAR_TODAY):
        days.append(today)
    timeline.d0, timeline.d1 = _month(min(days)), _month(max(days), 1)
    _axis(timeline, today, t)
    y = AXIS + 4
    for plan in facts.plans if facts else ():
        if plan.type == "project":
            timeline.rows.append(_project(timeline, number, plan, y, options, t))
            y += PROJECT_ROW
        elif plan.type == "operational":
            timeline.rows.append(_operational(timeline, number, plan, facts, y, t))
            y += OPERATIONAL_ROW
    timeline.height = y + 8
    return timeline


def _axis(timeline: Timeline, today: dt.date, t: dict) -> None:
    assert timeline.d0 is not None and timeline.d1 is not None
    years = timeline.d1.year - timeline.d0.year
    if years > 100:  # centuries (a year typed 0001 or 9999): a tick every 10, 100 or 1,000 years
        _axis_of_years(timeline, years, today, t)
        return
    month, months = timeline.d0, []
    while month <= timeline.d1 and month not in months[-1:]:
        months.append(month)
        month = _month(month, 1)
    step = 1 if len(months) <= 19 else 3 if len(months) <= 60 else 12
    free_from = 0.0  # where the last label ends: "2026年11月" is wider than a month of 14
    for i, month in enumerate(months):
        if step == 12 and month.month != 1 and i:
            continue  # a calendar of many years (a mistyped year) gets a line per year
        x = timeline.x(month)
        year = i == 0 or month.month == 1  # "Jan 2027", "2027年1月": the year where it starts,
        named = year and not (i == 0 and month.month == 12 and step == 1 and len(months) > 1)  # or next to it
        name = t["months"][month.month - 1]
        text = t["month_year"].format(month=name, year=month.year) if named else name
        labelled = (i % step == 0 or step == 12) and month < timeline.d1 and (named or x >= free_from)
        if labelled:
            free_from = x + 3 + _label_width(text) + 4
        timeline.ticks.append((x, text if labelled else "", labelled, year))
    _today(timeline, today, t)


def _axis_of_years(timeline: Timeline, years: int, today: dt.date, t: dict) -> None:
    assert timeline.d0 is not None and timeline.d1 is not None
    step = next(s for s in (10, 50, 100, 500, 1000, 5000) if years // s <= 20)
    first = -(-timeline.d0.year // step) * step  # the first multiple of `step` from d0's year on
    for year in range(first + (step if dt.date(first, 1, 1) < timeline.d0 else 0), timeline.d1.year + 1, step):
        x = timeline.x(dt.date(year, 1, 1))
        timeline.ticks.append((x, str(year), True, True))
    _today(timeline, today, t)


def _today(timeline: Timeline, today: dt.date, t: dict) -> None:
    assert timeline.d0 is not None and timeline.d1 is not None
    if timeline.d0 <= today < timeline.d1:
        timeline.today = timeline.x(today)
    else:
        timeline.today_note = t["today_before" if today < timeline.d0 else "today_after"].format(today)


def _project(tl: Timeline, number: int, plan: PlanFacts, y: float, options: Dict[str, dict], t: dict) -> Row:
    key, mid = f"t{number}-p{plan.index}", y + PROJECT_ROW / 2
    row = Row(key, y, PROJECT_ROW, short(plan.title or plan.id or "?"), visible(plan.title or plan.id or "?"),
              t["kinds"].get(plan.kind or "", plan.kind or ""))
    minimum = options.get("PL201", {}).get("min_lead_days", {}).get(plan.kind or "")
    if plan.start and isinstance(minimum, int):
        window = add_days(plan.start, -minimum)
        inside = plan.finalized is not None and plan.finalized > window
        row.marks.append(Mark(f"{key}-lead", "band", tl.x(window), y + 6, tl.x(plan.start) - tl.x(window),
                              PROJECT_ROW - 12, "lead late" if inside else "lead",
                              t["lead"].format(days=minimum, date=window)))
    if plan.start:
        end = plan.end if plan.end and plan.end >= plan.start else plan.start
        row.marks.append(Mark(key, "rect", tl.x(plan.start), y + 9, max(3.0, tl.x(end) - tl.x(plan.start)),
                              PROJECT_ROW - 18, "bar", t["bar"].format(start=plan.start, end=plan.end or "?"),
                              data={"start": plan.start.isoformat(), "end": end.isoformat()}))
    buffer = options.get("PL202", {}).get("buffer_days")
    for material in plan.materials:
        if material.ready:
            late = plan.start is not None and isinstance(buffer, int) and \
                material.ready > add_days(plan.start, -buffer)
            row.marks.append(Mark(f"{key}-m{material.index}", "circle", tl.x(material.ready), mid, 4.5, 0,
                                  "ready late" if late else "ready",
                                  t["ready_late" if late else "ready"].format(item=visible(material.item),
                                                                              date=material.ready)))
    for index, day in plan.consultations:
        row.marks.append(Mark(f"{key}-c{index}", "triangle", tl.x(day), mid, 5.5, 0, "consult",
                              t["consulted"].format(date=day)))
    if plan.review:
        row.marks.append(Mark(f"{key}-rev", "square", tl.x(plan.review), mid, 4.5, 0, "review",
                              t["reviewed"].format(date=plan.review)))
    if plan.finalized:
        row.marks.append(Mark(f"{key}-fin", "diamond", tl.x(plan.finalized), mid, 6, 0, "finalized",
                              t["finalized"].format(date=plan.finalized)))
    return row


def _operational(tl: Timeline, number: int, plan: PlanFacts, facts: AccountFacts, y: float, t: dict) -> Row:
    key = f"t{number}-p{plan.index}"
    cadence = t["cadences"].get(plan.cadence or "", plan.cadence or "")
    written = t.get("cadence_notes", {}).get(plan.cadence, t["cadence_note"])  # 每月 5 日, as Chinese says it
    day = plan.review_day
    if plan.cadence == "weekly" and not (isinstance(day, int) and 1 <= day <= 7):
        written = t["cadence_note"]  # no weekday to name (PL002 reports the day)
    weekday = t["weekdays"][day - 1] if isinstance(day, int) and 1 <= day <= 7 else ""  # 1 = Monday
    note = written.format(cadence=cadence, day=day, weekday=weekday) if day else cadence
    row = Row(key, y, OPERATIONAL_ROW, short(plan.title or plan.id or "?"), visible(plan.title or plan.id or "?"),
              note)
    first, last = facts.start or tl.d0, facts.end or tl.d1
    row.marks.append(Mark(key, "rect", tl.x(first), y + 6, max(3.0, tl.x(last) - tl.x(first)),
                          OPERATIONAL_ROW - 12, "band-ops", note,
                          data={"start": first.isoformat(), "end": last.isoformat()}))
    for day in _cycles(first, last, plan.cadence, plan.review_day or 1):
        row.marks.append(Mark(f"{key}-d{day.isoformat()}", "tick", tl.x(day), y + 6, 0, OPERATIONAL_ROW - 12,
                              "cycle", t["review_by"].format(date=day)))
    return row


def _cycles(first: dt.date, last: dt.date, cadence: Optional[str], day: int) -> List[dt.date]:
    """The review day of each cycle inside [first, last]: where the band shows its rhythm."""
    starts: List[dt.date] = []
    if (last - first).days // {"weekly": 7, "monthly": 28, "quarterly": 89}.get(cadence or "", 1) > MAX_TICKS + 2:
        return []  # decades of ticks would be one grey smear (and cost seconds to draw)
    if cadence == "weekly":
        start = add_days(first, -first.weekday())
        starts = [add_days(start, 7 * n) for n in range((last - start).days // 7 + 1)]
    elif cadence in ("monthly", "quarterly"):
        step = 1 if cadence == "monthly" else 3
        month = _month(first) if cadence == "monthly" else dt.date(first.year, (first.month - 1) // 3 * 3 + 1, 1)
        while month <= last and month not in starts[-1:]:
            starts.append(month)
            month = _month(month, step)
    days = [add_days(start, day - 1) for start in starts]
    inside = [d for d in days if first <= d <= last]
    return inside if len(inside) <= MAX_TICKS else []
