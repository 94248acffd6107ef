"""`planlint --fix`, `--diff`, `--unsafe-fixes`, `--add-suppressions`: read the files
once, fix them in memory (planlint.fix.passes), then write, print a diff, or print the
fixed plan from standard input, and report what is left."""
from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Dict, FrozenSet, List, NoReturn, Optional, Tuple

import click

from planlint.api import Text
from planlint.cli.console import fail, shown, status
from planlint.cli.options import CheckOptions
from planlint.cli.outputs import Outputs, exit_status, write_reports
from planlint.discover import Source
from planlint.fix.comments import suppression_edits
from planlint.fix.passes import FileFix, apply_fixes, decode, encode_like, relint_with
from planlint.fix.write import inside, unified_diff, write_fixed
from planlint.fixes import SAFE, Fix
from planlint.messages import builtin_message, plural
from planlint.model import Finding

if TYPE_CHECKING:
    from planlint.config import Settings
    from planlint.engine.run import Result
    from planlint.registry import Registry

class FixRun:
    """Another kind of run: the plans are changed (or the change is shown) before the report."""

    def __init__(self, options: CheckOptions, settings: Settings, registry: Registry, sources: List[Source],
                 context: List[Source], outputs: Outputs) -> None:
        self.options, self.settings, self.registry = options, settings, registry
        self.sources, self.context, self.outputs = sources, context, outputs
        # the paths named on the command line: nothing outside them is written
        self.roots = tuple(p for p in options.paths if p != "-") or (".",)
        self.problems: List[Text] = []
        self.notices: List[Text] = []

    def execute(self) -> NoReturn:
        options, lang = self.options, self.settings.lang
        reason = options.add_suppressions
        if reason is not None and ("\n" in reason or "\r" in reason):
            fail(builtin_message("reason_one_line"))
        result, files = self.fix_in_memory()
        summary, any_diff = self.write(result, files)
        for message in list(result.errors) + self.problems + self.notices:
            status(message)
        suppressed = sum(item.suppressed for item in files.values() if item.changed)
        if reason is not None and not options.show_diff:
            status(builtin_message("suppressions_added", count=suppressed, **plural(suppressed)))
        said = summary.render(lang)
        changes_plans = options.fix or reason is not None
        to_stdout = not options.show_diff and not any(
            s.data is not None for s in self.sources if s.path in files and changes_plans)
        if options.show_diff:
            click.echo(said, err=True)
            sys.exit(2 if result.errors or self.problems else (1 if any_diff else 0))
        if to_stdout:
            write_reports(self.outputs, result, self.registry, lang)
            text_on_stdout = any(name == "text" and target is None for name, target in self.outputs)
            click.echo(said, err=not text_on_stdout)
        else:  # the fixed plan went to standard output: the report goes to standard error
            from planlint.reporters import get_reporter

            click.echo(shown(get_reporter("text")(result, self.registry, color=False, lang=lang, errors=False)), err=True, nl=False)
            click.echo(said, err=True)
        sys.exit(2 if result.errors or self.problems else
                 exit_status(result, self.settings.fail_on, options.exit_zero))

    def fix_in_memory(self) -> Tuple[Result, Dict[str, FileFix]]:
        """The final Result and the files by path, each with its fixed text."""
        from planlint.engine.memo import Memo
        from planlint.engine.run import lint_texts
        from planlint.reporters import needs_of

        settings, options = self.settings, self.options
        raw = {s.path: s.read(settings.limits.max_bytes + 1) for s in self.sources}
        files = {path: item for path, data in raw.items() if (item := decode(path, data)) is not None}
        workspace = {s.path: None for s in self.context}
        memo = Memo()
        relint = relint_with(settings, self.registry, workspace, memo)
        findings = relint(raw)
        if options.fix or options.show_diff:
            findings = apply_fixes(files, findings, relint, options.unsafe_fixes)
        if options.add_suppressions is not None:
            findings = _add_suppressions(files, findings, relint, options.add_suppressions, self.notices,
                                         self.unsuppressible())
        texts = {p: (encode_like(files[p].raw, files[p].fixed) if p in files else data) for p, data in raw.items()}
        result = lint_texts(texts, settings, workspace=workspace, registry=self.registry, memo=memo,
                            keep_text="text" in needs_of(name for name, _ in self.outputs))
        for finding in result.findings:
            item = files.get(finding.path)
            if finding.code == "PL001" and item is not None and item.changed:  # never write what does not parse
                item.failure = builtin_message("fix_unparsable", problem=finding.message)
        self.problems += [builtin_message("fix_failed", path=item.path, reason=item.failure)
                          for item in files.values() if item.failure is not None]
        return result, files

    def unsuppressible(self) -> FrozenSet[str]:
        """The codes no directive can hide, as their rules declare (a file that does not
        parse, a directive that suppresses nothing): --add-suppressions writes none for them."""
        return frozenset(code for code, rule in self.registry.rules.items() if not rule.suppressible)

    def write(self, result: Result, files: Dict[str, FileFix]) -> Tuple[Text, bool]:
        """Write, print the diff or the fixed plan; (the summary, whether there was a diff)."""
        options, lang = self.options, self.settings.lang
        fixed = suppressed = 0
        any_diff = False
        stdin = {s.path for s in self.sources if s.data is not None}
        by_path = {s.path: s for s in self.sources}
        for path, item in files.items():
            if path in stdin and (options.fix or options.add_suppressions is not None) and not options.show_diff:
                sys.stdout.buffer.write(item.encoded() if item.changed else item.raw)
                sys.stdout.buffer.flush()
                fixed += item.count if item.changed else 0
                continue
            if not item.changed:
                continue
            if options.show_diff:
                click.echo(shown(unified_diff(item)), nl=False)
                any_diff, fixed = True, fixed + item.count
                continue
            source = by_path[path]
            target = source.fs_path or source.path
            if not inside(target, self.roots):
                self.problems.append(builtin_message("fix_outside", path=path))
                continue
            why = write_fixed(item, target)
            if why is not None:
                self.problems.append(builtin_message("fix_not_written", path=path, reason=why))
            else:
                fixed, suppressed = fixed + item.count, suppressed + item.suppressed
                added = builtin_message("suppressions_in_file", count=item.suppressed, **plural(item.suppressed)) \
                    if item.suppressed else ""
                line = builtin_message("fixed_file", path=path, count=item.count, **plural(item.count), added=added) \
                    if item.count or not item.suppressed else \
                    builtin_message("suppressed_file", path=path, count=item.suppressed, **plural(item.suppressed))
                status(line)
        summary = "would_fix_summary" if options.show_diff else "fixed_summary"
        if not fixed and suppressed and not options.show_diff:  # suppressing is not fixing
            return builtin_message("suppressed_summary", count=suppressed, **plural(suppressed),
                                   remaining=len(result.findings)), any_diff
        return builtin_message(summary, count=fixed, **plural(fixed), remaining=len(result.findings)), any_diff


def _add_suppressions(files: Dict[str, FileFix], findings: Dict[str, List[Finding]], relint: object,
                      reason: str, problems: List[Text], unsuppressible: FrozenSet[str]) -> Dict[str, List[Finding]]:
    from planlint.parse.loader import load

    line_fixes: Dict[Tuple[str, int], Fix] = {}
    for path, item in files.items():
        if item.failure is not None:
            continue
        positions = load(encode_like(item.raw, item.fixed)).positions
        wanted = _lines_to_suppress([f for f in findings.get(path, []) if f.code not in unsuppressible], positions)
        if not wanted:
            continue
        edits, skipped = suppression_edits(item.fixed, wanted, reason, positions.inside_scalar)
        for edit in edits:
            line_fixes[(path, edit.line)] = Fix(builtin_message("fix_suppress_line").render(), (edit,), SAFE)
        problems += [builtin_message("no_suppression_added", path=path, line=line, reason=why) for line, why in skipped]

    def select(finding: Finding, unsafe: bool) -> Optional[Fix]:
        return line_fixes.pop((finding.path, finding.line), None) if finding.code not in unsuppressible else None

    counts = {path: item.count for path, item in files.items()}
    for item in files.values():
        item.text = item.fixed  # a failure now reverts to the fixed text, not the original
    found = apply_fixes(files, findings, relint, select=_one_fix_per_line(select), passes=1)  # type: ignore[arg-type]
    for path, item in files.items():
        item.count = counts[path]
        if item.failure is None:
            item.suppressed = (_count_except(findings.get(path, []), unsuppressible)
                               - _count_except(found.get(path, []), unsuppressible))
    return found


def _count_except(findings: List[Finding], codes: FrozenSet[str]) -> int:
    return sum(f.code not in codes for f in findings)


_PLAN = re.compile(r"^plans\[(\d+)\]")


def _lines_to_suppress(findings: List[Finding], positions: object) -> List[Tuple[int, str]]:
    """(line, code) to write; a code written on a plan's start line covers that plan
    (as the suppression step reads it), so the plan's other findings of that code need no comment of their own."""
    wanted = [(f.line, f.code) for f in findings]
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


def _one_fix_per_line(select):  # type: ignore[no-untyped-def]
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
