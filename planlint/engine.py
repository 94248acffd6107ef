"""Runs the steps for a set of files: load -> schema -> rules -> suppressions -> Result."""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from planlint.api import Document, Finding, Problem, Rule, Severity, format_path
from planlint.baseline import apply_baseline, read_baseline
from planlint.discover import Source
from planlint.errors import ConfigError
from planlint.loader import Limits, load
from planlint.positions import PositionIndex
from planlint.messages import text
from planlint.registry import Registry
from planlint.schema import validate
from planlint.suppress import apply_directives, ignored_in_file, parse_directives


@dataclass
class Settings:
    # Two layers, as in ruff: the config file's select/ignore, then the command line's.
    select: Optional[List[str]] = None  # codes, names or prefixes; None selects every rule
    ignore: List[str] = field(default_factory=list)
    cli_select: Optional[List[str]] = None
    cli_ignore: List[str] = field(default_factory=list)
    per_file_ignores: List[Tuple[str, List[str]]] = field(default_factory=list)
    config_root: str = "."
    severity: Dict[str, str] = field(default_factory=dict)
    rule_options: Dict[str, dict] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    limits: Limits = field(default_factory=Limits)
    lang: str = "en"
    baseline: Optional[str] = None  # a baseline file: its findings are not reported


@dataclass
class Result:
    findings: List[Finding]
    suppressed: List[Tuple[Finding, str]]
    files: List[str]
    texts: Dict[str, str]  # path -> source text, so reporters never re-read files
    errors: List[str]      # crashed rules and broken plugins: exit status 2
    accounts: Dict[str, Optional[str]] = field(default_factory=dict)  # path -> account.id
    baselined: List[Finding] = field(default_factory=list)  # known from the baseline, not reported
    stale_baseline: List[dict] = field(default_factory=list)  # baseline entries fixed since


@dataclass
class _Prepared:
    """What the engine resolved from settings once per run."""

    enabled: Dict[str, Rule]
    severity: Dict[str, Severity]
    options: Dict[str, dict]
    file_ignores: List[Tuple[str, Set[str]]]
    lang: str


@dataclass
class _FileState:
    source: Source
    text: str = ""
    doc: Optional[Document] = None
    positions: PositionIndex = field(default_factory=PositionIndex)
    problems: List[Tuple[str, Problem]] = field(default_factory=list)


def prepare(registry: Registry, settings: Settings) -> _Prepared:
    def codes(tokens: Iterable[str], what: str) -> Set[str]:
        found: Set[str] = set()
        for token in tokens:
            matched = registry.codes_for(token)
            if not matched:
                raise ConfigError(f"{what}: `{token}` is not a rule code, name or code prefix "
                                  "(see `planlint rules`)")
            found.update(matched)
        return found

    selected = set(registry.rules)
    for select, ignore in ((settings.select, settings.ignore), (settings.cli_select, settings.cli_ignore)):
        if select is not None:
            selected = codes(select, "select")
        selected -= codes(ignore, "ignore")
    enabled = {c: registry.rules[c] for c in sorted(selected)}
    file_ignores = [(pattern, codes(tokens, "per-file-ignores")) for pattern, tokens in settings.per_file_ignores]
    severity = {code: rule.severity for code, rule in registry.rules.items()}
    for token, level in settings.severity.items():
        severity[next(iter(codes([token], "severity")))] = Severity(level)
    options = {code: copy.deepcopy(rule.options) for code, rule in registry.rules.items()}
    for token, overrides in settings.rule_options.items():
        code = next(iter(codes([token], "rules")))
        options[code] = _merge(options[code], overrides)
    return _Prepared(enabled, severity, options, file_ignores, settings.lang)


def _merge(base: dict, overrides: dict) -> dict:
    merged = dict(base)
    for key, value in overrides.items():
        merged[key] = _merge(base[key], value) if isinstance(base.get(key), dict) and isinstance(value, dict) else value
    return merged


def lint(sources: Sequence[Source], registry: Registry, settings: Settings,
         context: Sequence[Source] = (), progress: Optional[Callable[[], None]] = None) -> Result:
    """Lint `sources`; `context` files are read only so cross-file rules see them too.
    `progress` is called once per linted file."""
    prepared = prepare(registry, settings)
    baseline = read_baseline(settings.baseline) if settings.baseline is not None else None
    errors = list(registry.errors)
    states = []
    for source in sources:
        state = _load_file(source, settings)
        if state.doc is not None:
            errors += _run_file_rules(state, prepared)
        states.append(state)
        if progress is not None:
            progress()
    context_states = [_load_file(source, settings) for source in context]
    errors += _run_cross_file_rules(states + context_states, prepared)
    findings: List[Finding] = []
    suppressed: List[Tuple[Finding, str]] = []
    for state in states:
        kept, hidden = _finish_file(state, prepared, registry, settings.config_root)
        findings += kept
        suppressed += hidden
    findings.sort(key=Finding.sort_key)
    result = Result(findings, suppressed, [s.source.path for s in states],
                    {s.source.path: s.text for s in states}, errors,
                    {s.source.path: s.doc.account_id if s.doc else None for s in states})
    if baseline is not None and settings.baseline is not None:
        outcome = apply_baseline(findings, baseline, settings.baseline, result.files)
        result.findings, result.baselined, result.stale_baseline = outcome.kept, outcome.known, outcome.stale
    return result


def _load_file(source: Source, settings: Settings) -> _FileState:
    state = _FileState(source)
    try:
        raw = source.read(settings.limits.max_bytes + 1)
    except OSError as exc:
        state.problems.append(("PL001", Problem((), text("cannot_read", reason=exc.strerror or exc),
                                                position=(1, 1, None, None))))
        return state
    loaded = load(raw, settings.limits)
    state.text, state.positions, state.problems = loaded.text, loaded.positions, loaded.problems
    if loaded.data is not None:
        schema_problems, invalid = validate(loaded.data, loaded.positions)
        state.problems += [("PL002", p) for p in schema_problems]
        state.doc = Document(source.path, loaded.text, loaded.data, loaded.positions, invalid,
                             settings.today)
    return state


def _run_file_rules(state: _FileState, prepared: _Prepared) -> List[str]:
    errors = []
    for code, rule in prepared.enabled.items():
        if rule.check is None:
            continue
        try:
            state.problems += [(code, p) for p in rule.check(state.doc, prepared.options[code])]
        except Exception as exc:  # one broken rule must not hide the others' findings
            errors.append(_crash(state, rule, exc))
    return errors


def _run_cross_file_rules(states: List[_FileState], prepared: _Prepared) -> List[str]:
    by_doc = {id(s.doc): s for s in states if s.doc is not None}
    docs = [s.doc for s in states if s.doc is not None]
    errors = []
    for code, rule in prepared.enabled.items():
        if rule.check_run is None:
            continue
        try:
            for doc, problem in rule.check_run(docs, prepared.options[code]):
                by_doc[id(doc)].problems.append((code, problem))
        except Exception as exc:
            errors.append(_crash(states[0], rule, exc, "the run"))
    return errors


def _crash(state: _FileState, rule: Rule, exc: Exception, where: str = "") -> str:
    message = text("crash", code=rule.code, name=rule.name, where=where or state.source.path,
                   error=f"{type(exc).__name__}: {exc}")
    state.problems.append((rule.code, Problem((), message, position=(1, 1, None, None))))
    return message.render()


def _finish_file(state: _FileState, prepared: _Prepared, registry: Registry, root: str
                 ) -> Tuple[List[Finding], List[Tuple[Finding, str]]]:
    ignored = ignored_in_file(state.source.path, prepared.file_ignores, root)
    findings = [_to_finding(state, code, problem, prepared, registry)
                for code, problem in state.problems if code in prepared.enabled and code not in ignored]
    directives = [d for d in parse_directives(state.text)
                  if not state.positions.inside_scalar(d.line, d.column)]
    if not directives:
        return findings, []
    plan_starts = {}
    if state.doc is not None and isinstance(state.doc.data.get("plans"), list):
        plan_starts = {state.positions.locate(("plans", i)).line: format_path(("plans", i))
                       for i in range(len(state.doc.data["plans"]))}
    outcome = apply_directives(findings, directives, plan_starts, registry.resolve,
                               set(prepared.enabled))
    if "PL007" in prepared.enabled:
        outcome.kept += [_to_finding(state, "PL007", Problem((), message, position=(line, column, None, None)),
                                     prepared, registry) for line, column, message in outcome.unused]
    return outcome.kept, outcome.suppressed


# Control characters and bidirectional overrides from plan text would act on the
# reader's terminal or reorder what they see; every report shows them as escapes.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(message: str) -> str:
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", message)


def _to_finding(state: _FileState, code: str, problem: Problem, prepared: _Prepared,
                registry: Registry) -> Finding:
    if problem.position is not None:
        line, column, end_line, end_column = problem.position
    else:
        span = state.positions.locate(problem.path, problem.at)
        line, column, end_line, end_column = span.line, span.column, span.end_line, span.end_column
    doc, plan_id = state.doc, None
    if doc is not None and len(problem.path) >= 2 and problem.path[0] == "plans":
        plans = doc.data.get("plans")
        index = problem.path[1]
        if isinstance(plans, list) and isinstance(index, int) and index < len(plans) \
                and isinstance(plans[index], dict):
            plan_id = plans[index].get("id")
    rule = registry.rules[code]
    return Finding(state.source.path, line, column, end_line, end_column, code, rule.name,
                   prepared.severity[code], visible(problem.text(prepared.lang)),
                   doc.account_id if doc is not None else None, plan_id,
                   format_path(problem.path) if problem.path else None)
