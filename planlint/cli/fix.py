"""`planlint --fix`, `--diff`, `--unsafe-fixes`, `--add-suppressions` (SPEC §9): read the
files once, fix them in memory (planlint.fix.passes), then write, print a diff, or print
the fixed plan from standard input, and report what is left."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import click

from planlint.api import Text
from planlint.discover import Source
from planlint.fix.comments import suppression_edits
from planlint.fixes import SAFE, Fix
from planlint.fix.passes import FileFix, apply_fixes, decode, encode_like, relint_with
from planlint.fix.write import inside, unified_diff, write_fixed
from planlint.messages import builtin_message, plural
from planlint.model import Finding

# Neither a file that does not parse nor PL007 (reported after suppressions) can be suppressed.
UNSUPPRESSIBLE = ("PL001", "PL007")


@dataclass
class FixRequest:
    fix: bool
    unsafe: bool
    diff: bool
    reason: Optional[str]  # --add-suppressions
    roots: Tuple[str, ...]  # the paths named on the command line: nothing outside is written
    lang: str = "en"  # of the lines it prints


def run(request: FixRequest, sources: Sequence[Source], context: Sequence[Source], registry: object,
        settings: object, html: bool = False) -> Tuple[object, Dict[str, FileFix], List[Text], List[Text]]:
    """Fix in memory: (the final Result, the files by path, failures, notices)."""
    from planlint.engine.run import lint_texts
    from planlint.engine.memo import Memo

    raw = {s.path: s.read(settings.limits.max_bytes + 1) for s in sources}  # type: ignore[attr-defined]
    files = {path: item for path, data in raw.items() if (item := decode(path, data)) is not None}
    workspace = {s.path: None for s in context}
    memo = Memo()
    relint = relint_with(settings, registry, workspace, memo)
    findings = relint(raw)
    if request.fix or request.diff:
        findings = apply_fixes(files, findings, relint, request.unsafe)
    problems: List[Text] = []
    notices: List[Text] = []
    if request.reason is not None:
        findings = _add_suppressions(files, findings, relint, request.reason, notices)
    texts = {p: (encode_like(files[p].raw, files[p].fixed) if p in files else data) for p, data in raw.items()}
    result = lint_texts(texts, settings, workspace=workspace, registry=registry,  # type: ignore[arg-type]
                        memo=memo, keep_text=html)
    for finding in result.findings:  # type: ignore[attr-defined]
        item = files.get(finding.path)
        if finding.code == "PL001" and item is not None and item.changed:  # never write what does not parse
            item.failure = builtin_message("fix_unparsable", problem=finding.message)
    problems += [builtin_message("fix_failed", path=item.path, reason=item.failure)
                 for item in files.values() if item.failure is not None]
    return result, files, problems, notices


def _add_suppressions(files: Dict[str, FileFix], findings: Dict[str, List[Finding]], relint: object,
                      reason: str, problems: List[Text]) -> Dict[str, List[Finding]]:
    from planlint.parse.loader import load

    line_fixes: Dict[Tuple[str, int], Fix] = {}
    for path, item in files.items():
        if item.failure is not None:
            continue
        positions = load(encode_like(item.raw, item.fixed)).positions
        wanted = _lines_to_suppress(findings.get(path, []), positions)
        if not wanted:
            continue
        edits, skipped = suppression_edits(item.fixed, wanted, reason, positions.inside_scalar)
        for edit in edits:
            line_fixes[(path, edit.line)] = Fix(builtin_message("fix_suppress_line").render(), (edit,), SAFE)
        problems += [builtin_message("no_suppression_added", path=path, line=line, reason=why) for line, why in skipped]

    def select(finding: Finding, unsafe: bool) -> Optional[Fix]:
        return line_fixes.pop((finding.path, finding.line), None) if finding.code not in UNSUPPRESSIBLE else None

    counts = {path: item.count for path, item in files.items()}
    for item in files.values():
        item.text = item.fixed  # a failure now reverts to the fixed text, not the original
    found = apply_fixes(files, findings, relint, select=_shared(select), passes=1)  # type: ignore[arg-type]
    for path, item in files.items():
        item.count = counts[path]
        if item.failure is None:
            item.suppressed = _suppressible(findings.get(path, [])) - _suppressible(found.get(path, []))
    return found


def _suppressible(findings: List[Finding]) -> int:
    return sum(f.code not in UNSUPPRESSIBLE for f in findings)


_PLAN = re.compile(r"^plans\[(\d+)\]")


def _lines_to_suppress(findings: List[Finding], positions: object) -> List[Tuple[int, str]]:
    """(line, code) to write; a code written on a plan's start line covers that plan
    (SPEC §5), so the plan's other findings of that code need no comment of their own."""
    wanted = [(f.line, f.code) for f in findings if f.code not in UNSUPPRESSIBLE]
    starts: Dict[int, int] = {}
    for finding in findings:
        match = _PLAN.match(finding.data_path or "")
        if match and int(match.group(1)) not in starts:
            index = int(match.group(1))
            starts[index] = positions.locate(("plans", index)).line  # type: ignore[attr-defined]
    covered = set()
    for finding in findings:
        match = _PLAN.match(finding.data_path or "")
        if match and (starts[int(match.group(1))], finding.code) in wanted \
                and finding.line != starts[int(match.group(1))]:
            covered.add((finding.line, finding.code))
    return [w for w in wanted if w not in covered]


def _shared(select):  # type: ignore[no-untyped-def]
    """A line's fix serves every finding of that line within one pass."""
    given: Dict[Tuple[str, int], Fix] = {}

    def pick(finding: Finding, unsafe: bool) -> Optional[Fix]:
        key = (finding.path, finding.line)
        if key not in given:
            fix = select(finding, unsafe)
            if fix is None:
                return None
            given[key] = fix
        return given[key]

    return pick


def finish(request: FixRequest, result: object, files: Dict[str, FileFix], problems: List[Text],
           sources: Sequence[Source]) -> Tuple[int, Text, bool]:
    """Write, print the diff or the fixed plan; (findings fixed, summary, whether there was a diff)."""
    fixed = remaining = 0
    any_diff = False
    stdin = {s.path for s in sources if s.data is not None}
    by_path = {s.path: s for s in sources}
    for path, item in files.items():
        if path in stdin and (request.fix or request.reason is not None) and not request.diff:
            sys.stdout.buffer.write(item.encoded() if item.changed else item.raw)
            sys.stdout.buffer.flush()
            fixed += item.count if item.changed else 0
            continue
        if not item.changed:
            continue
        if request.diff:
            click.echo(unified_diff(item), nl=False)
            any_diff, fixed = True, fixed + item.count
            continue
        source = by_path[path]
        target = source.fs_path or source.path
        if not inside(target, request.roots):
            problems.append(builtin_message("fix_outside", path=path))
            continue
        why = write_fixed(item, target)
        if why is not None:
            problems.append(builtin_message("fix_not_written", path=path, reason=why))
        else:
            fixed += item.count
            added = builtin_message("suppressions_in_file", count=item.suppressed, **plural(item.suppressed)) \
                if item.suppressed else ""
            line = builtin_message("fixed_file", path=path, count=item.count, **plural(item.count), added=added)
            click.echo(("planlint: " if request.lang == "en" else "planlint：") + line.render(request.lang), err=True)
    remaining = len(result.findings)  # type: ignore[attr-defined]
    summary = "would_fix_summary" if request.diff else "fixed_summary"
    return fixed, builtin_message(summary, count=fixed, **plural(fixed), remaining=remaining), any_diff

