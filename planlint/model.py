"""planlint's own types: Severity, Finding (what every reporter consumes), Rule
(a loaded rule module), Result (what a run hands the reporters) and the titles of
a rule's doc sections in each language.

Internal: the engine, registry and reporters use these; rule packs import
`planlint.api` instead. A plugin may still register `Rule` objects (see registry).
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Tuple

from planlint.api import DOC_SECTIONS, DataPath, FileFacts, Problem

if TYPE_CHECKING:
    from planlint.fixes import Fix

LANGUAGES = ("en", "zh")
# A rule's DOC_ZH translates the prose; the YAML examples are the English docs' with Chinese
# values and comments (planlint.explain.EXAMPLE_WORDS_ZH).
SECTION_TITLES = {
    "en": {title: title for title in DOC_SECTIONS},
    "zh": {"What it does": "检查内容", "Why it matters": "为什么重要", "Options": "选项",
           "Example that fails": "错误写法", "Fix": "正确写法"},
}
SEVERITY_NAMES = {"en": {"error": "error", "warning": "warning", "info": "info"},
                  "zh": {"error": "错误", "warning": "警告", "info": "提示"}}
TRANSLATED_SECTIONS = ("What it does", "Why it matters", "Options")


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)  # slots: a first run keeps ~80,000 of them
class Finding:
    """One reported problem; every reporter consumes a list of these."""

    path: str
    line: int
    column: int
    end_line: Optional[int]
    end_column: Optional[int]
    code: str
    name: str
    severity: Severity
    message: str
    account: Optional[str] = None
    plan: Optional[str] = None
    data_path: Optional[str] = None
    fix: Optional[Fix] = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def identity(self) -> tuple:
        """What makes a finding the same finding across edits: never its line.
        A finding with no data path (a parse error) is known by its message."""
        return (self.path, self.code, self.account or "", self.plan or "",
                self.data_path if self.data_path is not None else self.message)

    def fingerprint(self) -> str:
        import hashlib

        return hashlib.sha256("\0".join(self.identity()).encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": self.code, "name": self.name, "severity": self.severity.value,
            "message": self.message, "account": self.account, "plan": self.plan,
            "data_path": self.data_path,  # what --compare matches next month, as the baseline does
            "fix": self.fix.as_dict() if self.fix is not None else None,
        }


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    options: dict = field(default_factory=dict)
    check: Optional[Callable[..., Iterable[Problem]]] = None
    summarize: Optional[Callable[..., Iterable[Tuple[DataPath, Any]]]] = None
    check_run: Optional[Callable[..., Iterable[Tuple[FileFacts, Problem]]]] = None
    # (keys a file's facts carry, keys of the files its problems depend on): lets a
    # run with thousands of context files hand check_run only the related ones.
    related: Optional[Callable[[FileFacts, dict], Tuple[Iterable[Any], Iterable[Any]]]] = None
    # After suppressions are matched: (the file's directives, options) -> problems (PL007).
    check_directives: Optional[Callable[..., Iterable[Problem]]] = None
    doc_zh: str = ""
    # A time-aware rule's deadlines (planlint.api.Deadline), for `planlint due`.
    fires_on: Optional[Callable[..., Iterable[Any]]] = None
    # The best-practice rules are opt-in: they run only when selected (`select: [PL]`, `extend-select`).
    on_by_default: bool = True
    # The rule's name as a person reads it, by language; the slug `name` stays the identifier.
    titles: dict = field(default_factory=dict)
    # What a rule module declares about its findings: planlint.fix.builtin has a fix for
    # them (FIXABLE); a fix pass that makes one is undone (STRUCTURAL); a directive can
    # hide them (SUPPRESSIBLE, --add-suppressions writes none for the others).
    fixable: bool = False
    structural: bool = False
    suppressible: bool = True

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        doc = (module.__doc__ or "").strip()
        return cls(
            code=module.CODE, name=module.NAME, severity=Severity(module.SEVERITY),
            summary=doc.splitlines()[0] if doc else "", doc=doc,
            options=dict(getattr(module, "OPTIONS", {})),
            check=getattr(module, "check", None),
            summarize=getattr(module, "summarize", None),
            check_run=getattr(module, "check_run", None),
            related=getattr(module, "related", None),
            check_directives=getattr(module, "check_directives", None),
            doc_zh=getattr(module, "DOC_ZH", "").strip(),
            fires_on=getattr(module, "fires_on", None),
            on_by_default=bool(getattr(module, "ON_BY_DEFAULT", True)),
            titles=dict(getattr(module, "TITLE", {})),
            fixable=bool(getattr(module, "FIXABLE", False)),
            structural=bool(getattr(module, "STRUCTURAL", False)),
            suppressible=bool(getattr(module, "SUPPRESSIBLE", True)),
        )

    def title(self, lang: str = "en") -> str:
        """The rule's short name in `lang` ("no risk control", "缺少风险预案"): its English
        title, else its slug, where a plugin gives none in that language."""
        return self.titles.get(lang) or self.titles.get("en") or self.name

    def labelled(self, lang: str = "en") -> str:
        """`PL607 缺少风险预案`: how a person reads which rule it is."""
        return f"{self.code} {self.title(lang)}"

    def headline(self, lang: str = "en") -> str:
        """The one-line summary in `lang`, English where no translation exists."""
        if lang == "zh" and self.doc_zh:
            return self.doc_zh.splitlines()[0]
        return self.summary

    @property
    def built_in(self) -> bool:
        """A rule of planlint.rules (not a plugin's: its examples are its own). PL001 has no
        function of its own: the reader reports it."""
        functions = [f for f in (self.check, self.summarize, self.check_run, self.check_directives) if f is not None]
        return not functions or any(getattr(f, "__module__", "").startswith("planlint.rules.") for f in functions)


@dataclass
class Result:
    """What a run found, for the reporters: every finding and what they draw besides."""

    findings: List[Finding]
    suppressed: List[Tuple[Finding, str]]
    files: List[str]
    texts: Dict[str, str]  # path -> source text, so reporters never re-read files
    errors: List[str]      # crashed rules and broken plugins: exit status 2
    accounts: Dict[str, Optional[str]] = field(default_factory=dict)  # path -> account.id
    baselined: List[Finding] = field(default_factory=list)  # known from the baseline, not reported
    stale_baseline: List[dict] = field(default_factory=list)  # baseline entries fixed since
    # baseline, facts, trend and due hold types of the steps above this module
    # (baseline, directors), which it names in words only: they import it.
    baseline: Any = None  # the baseline.Baseline as read, to prune without reading it again
    facts: Dict[str, Any] = field(default_factory=dict)  # path -> its directors.calendar.AccountFacts, or None
    options: Dict[str, dict] = field(default_factory=dict)  # enabled rule code -> its options in this run
    score: Dict[str, int] = field(default_factory=dict)  # config `score:` weights by severity
    trend: Any = None  # --compare: a directors.compare.Trend, what changed since an earlier JSON report
    today: Optional[dt.date] = None  # the run's date, where the report draws its `today` line
    due: List[Any] = field(default_factory=list)  # `planlint due`: its directors.due.DueItems, sorted
