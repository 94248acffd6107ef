"""One self-contained HTML page for people: summary, matrix, chart, findings in context."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

from planlint import __version__
from planlint.model import Finding, Rule
from planlint.engine import Result

CONTEXT_LINES = 2
SEVERITIES = ("error", "warning", "info")
MISTAKES = ("1", "2", "3", "4", "5")
LABELS = {
    "en": {"title": "planlint report", "findings": "findings", "files": "files", "summary": "Summary",
           "by_rule": "Findings per rule", "matrix": "Accounts × the five mistakes", "account": "Account",
           "mistakes": ["1 Incomplete plan system", "2 Poor timeliness", "3 No consultation",
                        "4 No joint review", "5 No differentiation"],
           "structure": "File and format", "all": "All", "rule": "Rule", "every_rule": "every rule",
           "every_account": "every account", "why": "Why it matters", "fix": "Fix", "what": "What it does",
           "no_findings": "No findings.", "suppressed": "suppressed", "filter": "Show",
           "explain": "About this rule", "errors": "Internal errors", "suppressed_title": "Suppressed findings",
           "where": "Where", "reason": "Reason", "severity": {"error": "error",
           "warning": "warning", "info": "info"}},
    "zh": {"title": "planlint 检查报告", "findings": "个问题", "files": "个文件", "summary": "概览",
           "by_rule": "各规则的问题数", "matrix": "客户 × 五大错误", "account": "客户",
           "mistakes": ["1 计划体系不完整", "2 时效性差", "3 计划前不沟通", "4 计划后不回顾", "5 缺乏差异化"],
           "structure": "文件与格式", "all": "全部", "rule": "规则", "every_rule": "所有规则",
           "every_account": "所有客户", "why": "为什么重要", "fix": "修正", "what": "作用",
           "no_findings": "没有发现问题。", "suppressed": "已屏蔽", "filter": "显示",
           "explain": "关于这条规则", "errors": "内部错误", "suppressed_title": "已屏蔽的问题",
           "where": "位置", "reason": "原因", "severity": {"error": "错误",
           "warning": "警告", "info": "提示"}},
}


@dataclass
class Shown:
    finding: Finding
    excerpt: List[Tuple[int, str, bool]]  # (line number, text, is the finding's line)


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    import jinja2  # only an HTML report pays for the import

    environment = jinja2.Environment(loader=jinja2.PackageLoader("planlint", "templates"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = environment.get_template("report.html.j2")
    return template.render(**_context(result, registry, lang))


def _context(result: Result, registry: Any, lang: str) -> Dict[str, Any]:
    rules: Dict[str, Rule] = registry.rules
    by_rule = Counter(f.code for f in result.findings)
    most = max(by_rule.values(), default=1)
    return {
        "lang": lang, "t": LABELS[lang], "version": __version__, "result": result,
        "severity_counts": Counter(f.severity.value for f in result.findings),
        "severities": SEVERITIES,
        "chart": [(code, rules[code].name if code in rules else code, count, 100 * count / most,
                   _worst([f for f in result.findings if f.code == code]))
                  for code, count in sorted(by_rule.items())],
        "matrix": _matrix(result),
        "files": _files(result),
        "rules": {code: _docs(rule, lang) for code, rule in rules.items() if code in by_rule},
        "accounts": sorted({_account(f) for f in result.findings}),
    }


def _account(finding: Finding) -> str:
    return finding.account or finding.path


def _mistake(code: str) -> str:
    return code[2] if code[2] in MISTAKES else "0"


def _worst(findings: List[Finding]) -> str:
    return min((f.severity.value for f in findings), key=SEVERITIES.index, default="")


def _matrix(result: Result) -> List[Tuple[str, List[Tuple[int, str]]]]:
    """Every account linted (clean ones too) × structure and the five mistakes."""
    cells: Dict[str, Dict[str, List[Finding]]] = defaultdict(lambda: defaultdict(list))
    for path in result.files:
        cells[result.accounts.get(path) or path]  # noqa: B018 -- a row even without findings
    for finding in result.findings:
        cells[_account(finding)][_mistake(finding.code)].append(finding)
    return [(account, [(len(cells[account][m]), _worst(cells[account][m])) for m in ("0", *MISTAKES)])
            for account in sorted(cells)]


def _files(result: Result) -> List[Tuple[str, List[Shown]]]:
    by_file: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    return [(path, [Shown(f, _excerpt(result.texts.get(path, ""), f.line)) for f in by_file.get(path, [])])
            for path in result.files]


def _excerpt(text: str, line: int) -> List[Tuple[int, str, bool]]:
    lines = text.splitlines()
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    return [(n, lines[n - 1], n == line) for n in range(first, last + 1)]


def _docs(rule: Rule, lang: str) -> Dict[str, str]:
    sections = rule.sections(lang)
    return {"title": rule.title(lang), "what": sections.get("What it does", ""),
            "why": sections.get("Why it matters", ""), "example": _yaml(sections.get("Example that fails", "")),
            "fix": _yaml(sections.get("Fix", ""))}


def _yaml(section: str) -> str:
    """The YAML inside a section's ```yaml fence."""
    inside = section.split("```yaml", 1)[-1]
    return inside.split("```", 1)[0].strip("\n")
