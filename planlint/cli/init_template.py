"""The template plan `planlint init` writes, in the user's language, dated for the coming year.

The templates are written for 2027 (finalized and consulted in November 2026).
A template that aged would fail the rules that read `today` (PL403, PL702-PL704),
so init moves every date by whole years: the plan is for the year after today.
"""
from __future__ import annotations

import datetime as dt
import pkgutil
import re

TEMPLATE_YEAR = 2027
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def plan_template(lang: str, today: dt.date) -> str:
    name = "templates/plan-template.zh.yaml" if lang == "zh" else "templates/plan-template.yaml"
    data = pkgutil.get_data("planlint", name)
    if data is None:
        raise FileNotFoundError(f"planlint/{name}")
    shift = today.year + 1 - TEMPLATE_YEAR
    # The templates hold no 29 February, so every shifted date is real.
    return _DATE.sub(lambda m: f"{int(m.group(1)) + shift:04d}-{m.group(2)}-{m.group(3)}", data.decode("utf-8"))
