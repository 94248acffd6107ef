"""`path:line:column: CODE [severity] message` lines and a summary line; the severity
in the run's language (`[错误]`), as the message is: people read this format."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from planlint.model import SEVERITY_NAMES, Result

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset()

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
_ERROR = {"en": "error: ", "zh": "错误："}


def render(result: Result, registry: Any, color: bool = False, lang: str = "en", quiet: bool = False,
           statistics: bool = False, errors: bool = True) -> str:
    return "".join(chunks(result, registry, color, lang, quiet, statistics, errors))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en", quiet: bool = False,
           statistics: bool = False, errors: bool = True) -> Iterator[str]:
    """The report line by line, for writing it as it is made. `quiet`: no summary line;
    `statistics`: how many findings each rule has, instead of the findings; `errors=False`:
    the run's errors are left out (on a terminal, standard error has said them already)."""
    if statistics:
        yield from (line + "\n" for line in _statistics(result, registry, lang))
    for f in [] if statistics else result.findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        level = f"[{SEVERITY_NAMES[lang][f.severity.value]}]"
        if color:
            where = _BOLD + where + _RESET
            level = _COLORS[f.severity.value] + level + _RESET
        yield f"{where} {f.code} {level} {f.message}\n"
    for message in result.errors if errors else ():
        yield f"{_ERROR[lang]}{message}\n"
    if not quiet:
        yield summary(result, lang) + "\n"


def _statistics(result: Result, registry: Any, lang: str) -> list:
    """One line per rule with findings, most first, as ruff's --statistics: `    3  PL201  short lead time`."""
    counts = Counter((f.code, f.name) for f in result.findings)
    return [f"{n:>5}  {code:<6} {registry.title(code, name, lang)}"
            for (code, name), n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))]


_WORDS = {
    "en": {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("info", "info")},
    "zh": {"error": ("个错误", "个错误"), "warning": ("个警告", "个警告"), "info": ("个提示", "个提示")},
}


def summary(result: Result, lang: str = "en") -> str:
    text = _counts(result, lang)
    gap = "" if lang == "zh" else " "  # no space after 。
    return text + (gap + result.trend.summary(lang) if result.trend is not None else "")


def _counts(result: Result, lang: str) -> str:
    files = len(result.files)
    counts = Counter(f.severity.value for f in result.findings)
    words = _WORDS[lang]
    parts = [f"{counts[s]}{' ' if lang == 'en' else ' '}{words[s][counts[s] != 1]}"
             for s in ("error", "warning", "info") if counts[s]]
    total, with_findings = len(result.findings), len({f.path for f in result.findings})
    if lang == "zh":
        text = (f"检查了 {files} 个文件，其中 {with_findings} 个有问题，共 {total} 个问题（{'、'.join(parts)}）。" if total
                else f"检查了 {files} 个文件，没有发现问题。")
        text += f"另有 {len(result.suppressed)} 个问题被屏蔽。" if result.suppressed else ""
        return text + (f"另有 {len(result.baselined)} 个问题已记入基线，未列出。" if result.baselined else "")
    if not total:
        text = f"No findings in {files} file{'s' if files != 1 else ''}."
    else:
        text = (f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) "
                f"in {with_findings} of {files} file{'s' if files != 1 else ''}.")
    text += f" {len(result.suppressed)} suppressed." if result.suppressed else ""
    return text + (f" {len(result.baselined)} known from the baseline." if result.baselined else "")
