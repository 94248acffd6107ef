"""One self-contained HTML page: for directors, the accounts table, a timeline per account
and the trend; for the people who fix files, every finding in its source."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from planlint import __version__
from planlint.model import Result
from planlint.explain import doc_sections
from planlint.model import Finding, Rule
from planlint.reporters.html import accounts
from planlint.reporters.html import timeline
from planlint.reporters.html import due as due_section
from planlint.reporters.html.labels import LABELS

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
# Source lines, the accounts' calendar, fixes, what is due (the directors' "due" section).
NEEDS: frozenset = frozenset({"text", "calendar", "fixes", "due"})

_BACKTICKS = re.compile(r"`([^`\n]+)`")

CONTEXT_LINES = 2
_LATIN = 'system-ui, -apple-system, "Segoe UI"'
_CJK = '"Noto Sans SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC"'
# Chinese first in Chinese: a face without bold Chinese (system-ui's) must not be picked for it.
FONTS = {"en": f'{_LATIN}, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
         "zh": f"{_CJK}, {_LATIN}, sans-serif"}
EXCERPT_WIDTH = 240  # characters of a source line an excerpt shows: a 300 KB line is no excerpt
MARK_FINDINGS = 10  # findings a timeline mark's tooltip names; the rest are counted
SEVERITIES = ("error", "warning", "info")


@dataclass
class Shown:
    finding: Finding
    id: str                 # the finding's anchor
    excerpt: List[Tuple[int, str, bool]]  # (line number, text, is the finding's line)
    mark: Optional[str]     # the anchor of its mark on the account's timeline
    new: bool = False


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    import jinja2  # only an HTML report pays for the import

    environment = jinja2.Environment(loader=jinja2.PackageLoader("planlint", "templates"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True)
    environment.filters["inline_code"] = _inline_code
    template = environment.get_template("report.html.j2")
    return template.render(**_context(result, registry, lang))


def _inline_code(text: str) -> Any:
    """`chen-gang` in a message or a rule's doc shows as code, not as two backticks a
    director has to read past. The text is escaped first; only the tags are ours."""
    import markupsafe

    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(_BACKTICKS.sub(r"<code>\1</code>", escaped))


def _context(result: Result, registry: Any, lang: str) -> Dict[str, Any]:
    t = LABELS[lang]
    rules: Dict[str, Rule] = registry.rules
    by_rule = Counter(f.code for f in result.findings)
    most = max(by_rule.values(), default=1)
    table = accounts.rows(result)
    show_bp = accounts.best_practice_enabled(result, rules) or any(r.counts["bp"][0] for r in table)
    rule_title = lambda code, name: registry.title(code, name, lang)  # noqa: E731
    timelines, files = _timelines_and_files(result, table, t, rule_title)
    header = [t["account"], t["id"], t["class"], t["manager"], t["operational"], t["project"], t["structure"],
              *t["mistakes"], *([t["best_practice"]] if show_bp else []), t["due"], t["score"],
              *([t["change"]] if result.trend is not None else [])]
    return {
        "lang": lang, "t": t, "fonts": FONTS[lang], "rule_title": rule_title, "version": __version__, "result": result, "today": result.today,
        "severity_counts": Counter(f.severity.value for f in result.findings), "severities": SEVERITIES,
        "chart": [(code, registry.title(code, code, lang), count, 100 * count / most,
                   accounts.worst([f for f in result.findings if f.code == code]))
                  for code, count in sorted(by_rule.items())],
        "table": table, "show_bp": show_bp, "groups": [g for g in accounts.GROUPS if g != "bp" or show_bp],
        "header": header, "classes": sorted({r.account_class for r in table if r.account_class}),
        "managers": sorted({r.manager for r in table if r.manager}, key=str.lower),
        "csv_href": accounts.csv_href(accounts.csv_text(table, header, show_bp, result.trend is not None)),
        "landing": _landing(result, table, t, lang, rules), "timelines": timelines, "files": files,
        "rules": {code: _docs(rule, lang) for code, rule in rules.items() if code in by_rule},
        "account_names": _account_names(result, table), "trend": result.trend,
        "due_days": due_section.DAYS, "due": due_section.by_account(result, table, lang),
        "deadline_marks": {row.path: due_section.marks(result, row.path, drawn, lang) for row, drawn in timelines},
    }


def _account_names(result: Result, table: Sequence[accounts.Row]) -> List[Tuple[str, str]]:
    """(value, label) of the account filter: a director picks an account by its name, not its id."""
    names = {row.id or row.path: row.name for row in table}
    return sorted(((a, names.get(a) or a) for a in {_account(f) for f in result.findings}), key=lambda p: p[1].lower())


def _account(finding: Finding) -> str:
    return finding.account or finding.path


def _landing(result: Result, table: Sequence[accounts.Row], t: dict, lang: str, rules: Dict[str, Rule]
             ) -> List[str]:
    """What a director reads first: who is worst off, what changed, and what costs the most."""
    # Only accounts that lost points: a healthy account named among "the lowest" would alarm a director.
    worst = [t["worst_item"].format(name=row.name, score=row.score, manager=row.manager or "—")
             for row in table[:3] if row.score < 100]
    items = t["comma"].join(worst[:-1]) + t["and"] + worst[-1] if len(worst) > 1 else "".join(worst)
    if lang == "zh":  # 和 Meridian Foods: a space between Chinese and a Latin name
        items = re.sub(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])", " ", items)
    sentences = [t["worst"].format(items=items)] if worst else [t["all_healthy"]] if table else []
    if result.trend is not None:
        sentences.append(result.trend.summary(lang))
    costliest = accounts.costliest_rule(result)
    if costliest is None:
        return sentences + [t["no_cost"]]
    code, name, points, count, files = costliest
    title = rules[code].headline(lang).rstrip(".。") if code in rules else name
    sentences.append(t["costliest"].format(
        code=code, name=rules[code].title(lang) if code in rules else name, title=title[:1].lower() + title[1:] if lang == "en" else title, points=points, accounts=files, count=count,
        account_word=t["account_words"][files != 1], finding_word=t["finding_words"][count != 1]))
    return sentences


def _timelines_and_files(result: Result, table: Sequence[accounts.Row], t: dict,
                         rule_title: Any) -> Tuple[List[Tuple[accounts.Row, timeline.Timeline]],
                                                            List[Tuple[str, List[Shown]]]]:
    by_file: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    today = _run_today(result)
    rows = {row.path: row for row in table}
    timelines, files, counter = [], [], 0
    for number, path in enumerate(result.files):
        drawn = timeline.build(number, result.facts.get(path), result.options, today, t)
        marks = {mark.id: mark for row in drawn.rows for mark in row.marks}  # once per file, not per finding
        shown = []
        lines = result.texts.get(path, "").splitlines()  # once per file, not per finding
        for finding in by_file.get(path, []):
            counter += 1
            shown.append(Shown(finding, f"finding-{counter}", _excerpt(lines, finding.line, finding.column),
                               _attach(drawn, marks, finding, f"finding-{counter}",
                                       rule_title(finding.code, finding.name) + t["colon"]),
                               result.trend is not None and finding in result.trend.new))
        _count_the_rest(marks, t)
        timelines.append((rows[path], drawn))
        files.append((path, shown))
    order = {row.path: i for i, row in enumerate(table)}
    timelines.sort(key=lambda pair: order[pair[0].path])
    return timelines, files


def _run_today(result: Result) -> dt.date:
    return result.today or dt.date.today()


def _attach(drawn: timeline.Timeline, marks: Dict[str, timeline.Mark], finding: Finding, anchor: str,
            heading: str) -> str:
    """The mark a finding belongs to (its plan's bar, else the timeline); the mark links back."""
    key = timeline.mark_key(finding.data_path)
    target = f"t{drawn.id.split('-')[1]}-{key}" if key else drawn.id
    if target not in marks and "-" in key:
        target = target.rsplit("-", 1)[0]
    mark = marks.get(target)
    if mark is None:
        return drawn.id
    if mark.href is None:
        mark.href = "#" + anchor
        mark.css += " flagged"
    mark.findings += 1
    if mark.findings <= MARK_FINDINGS:
        mark.title += f"\n{finding.code} {heading}{finding.message}"
    return target


def _count_the_rest(marks: Dict[str, timeline.Mark], t: dict) -> None:
    for mark in marks.values():
        if mark.findings > MARK_FINDINGS:
            mark.title += "\n" + t["more_findings"].format(count=mark.findings - MARK_FINDINGS)


def _excerpt(lines: List[str], line: int, column: int = 1) -> List[Tuple[int, str, bool]]:
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    return [(n, _clipped(lines[n - 1], column if n == line else 1), n == line) for n in range(first, last + 1)]


def _clipped(text: str, column: int) -> str:
    """At most EXCERPT_WIDTH characters of a line, around `column` on the finding's line."""
    if len(text) <= EXCERPT_WIDTH:
        return text
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 4, len(text) - EXCERPT_WIDTH))
    end = start + EXCERPT_WIDTH
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _docs(rule: Rule, lang: str) -> Dict[str, str]:
    sections = doc_sections(rule, lang)
    return {"title": rule.headline(lang), "what": sections.get("What it does", ""),
            "why": sections.get("Why it matters", ""), "example": _yaml(sections.get("Example that fails", "")),
            "fix": _yaml(sections.get("Fix", ""))}


def _yaml(section: str) -> str:
    """The YAML inside a section's ```yaml fence."""
    inside = section.split("```yaml", 1)[-1]
    return inside.split("```", 1)[0].strip("\n")
