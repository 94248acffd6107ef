"""planlint's own types: Severity, Finding (what every reporter consumes), Rule
(a loaded rule module) and the sections of a rule's docs in each language.

Internal: the engine, registry and reporters use these; rule packs import
`planlint.api` instead. A plugin may still register `Rule` objects (see registry).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Tuple

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
    doc_zh: str = ""
    # A time-aware rule's deadlines (planlint.api.Deadline), for `planlint due`.
    fires_on: Optional[Callable[..., Iterable[Any]]] = None
    # SPEC 8: opt-in rules run only when selected (`select: [PL]`, `extend-select`).
    on_by_default: bool = True
    # The rule's name as a person reads it, by language; the slug `name` stays the identifier.
    titles: dict = field(default_factory=dict)

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
            doc_zh=getattr(module, "DOC_ZH", "").strip(),
            fires_on=getattr(module, "fires_on", None),
            on_by_default=bool(getattr(module, "ON_BY_DEFAULT", True)),
            titles=dict(getattr(module, "TITLE", {})),
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
        """A rule of planlint.rules (not a plugin's: its examples are its own). PL001, PL003
        and PL007 have no functions of their own: the loader and suppressions check them."""
        functions = [f for f in (self.check, self.summarize, self.check_run) if f is not None]
        return not functions or any(getattr(f, "__module__", "").startswith("planlint.rules.") for f in functions)

    def sections(self, lang: str = "en") -> dict:
        """The doc's `## Heading` sections by English heading, translated where available."""
        found = _sections(self.doc)
        if lang == "zh" and self.built_in:  # the English examples, with Chinese values and comments
            from planlint.explain import example_in_chinese

            found.update({k: example_in_chinese(found[k]) for k in DOC_SECTIONS if k not in TRANSLATED_SECTIONS
                          and k in found})
        if lang != "en" and self.doc_zh:
            english_title = {v: k for k, v in SECTION_TITLES[lang].items()}
            found.update({english_title.get(k, k): v for k, v in _sections(self.doc_zh).items()})
        return found


def _sections(doc: str) -> dict:
    found: dict = {}
    current = None
    for line in doc.splitlines()[1:]:
        if line.startswith("## "):
            current = line[3:].strip()
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {k: "\n".join(v).strip() for k, v in found.items()}
