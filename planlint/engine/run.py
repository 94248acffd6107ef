"""Runs the steps for a set of files: per file (load, schema, rules), then the rules
that compare files, then per-file ignores, suppressions and the baseline -> Result.

The public in-process entry point is `lint_texts` (plans held in memory: the
language server, --fix, tests); the CLI calls `lint` with the files it found.
Both run the same steps and return the same Result.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Union

from planlint.api import FileFacts
from planlint.config import Prepared, Settings, prepare
from planlint.discover import Source
from planlint.engine.cap import Cap
from planlint.engine.outcome import Checks, FactSpans, FileOutcome, crash_problem, make_finding
from planlint.messages import builtin_message
from planlint.model import Finding, Result
from planlint.registry import Registry, load_registry
from planlint.parse.decode import text_bytes
from planlint.engine.workers import lint_files, young_gc_only

# A pre-commit run lints one plan: what only some runs use (a baseline, the HTML
# report's facts, the language server's memo, suppressions, PL007's fixes) is imported by them.
if TYPE_CHECKING:
    from planlint.directors.due import DueItem
    from planlint.engine.memo import Memo
    from planlint.engine.workers import Cache
    from planlint.engine.store import Store


def lint_texts(texts: Mapping[str, Union[str, bytes]], settings: Optional[Settings] = None, *,
               workspace: Optional[Mapping[str, Union[str, bytes, None]]] = None, registry: Optional[Registry] = None,
               keep_text: bool = False, memo: Optional[Memo] = None, due_within: Optional[int] = None,
               fixing: bool = False) -> Result:
    """Lint plans held in memory: `texts` maps the path each plan is reported under
    to its text (or its bytes, decoded as planlint decodes files). `workspace` maps
    the other plans of the run to their text, or to None to read that file from disk;
    cross-file rules (PL005, PL503) see them, but only `texts` are reported. A path
    in both is linted from `texts`. `settings` defaults to `Settings()` (every rule,
    today's date, English); `registry` defaults to the built-in and installed rules
    plus `settings.plugins`. A caller that lints again and again (the language
    server) passes the same `memo` each time: unchanged files are not linted again.
    `fixing`: the lints of a fix run, which make far more of the fixable problems
    (see planlint.engine.cap) than a report shows."""
    settings = settings if settings is not None else Settings()
    if registry is None:
        registry = load_registry(settings.plugins)
    sources = [_in_memory(path, text) for path, text in texts.items()]
    named = {os.path.abspath(path) for path in texts}
    context = [_in_memory(path, text) for path, text in (workspace or {}).items()
               if os.path.abspath(path) not in named]
    return lint(sources, registry, settings, context, keep_text=keep_text, memo=memo, due_within=due_within,
                fixing=fixing)


def workspace_facts(context: Sequence[Source], registry: Registry, settings: Settings, memo: Memo,
                    cache_folder: Optional[str] = None) -> Dict[str, Optional[str]]:
    """Read a workspace's plans for the cross-file rules, reporting nothing: their
    facts go into `memo` (from the cache's index for files it knows, so those are not
    parsed), ready for later `lint_texts` calls with the same memo. Returns each
    path's account id. In this process only: its caller, the language server, runs
    threads, and a worker forked while one of them held a lock waited for it forever."""
    prepared = prepare(registry, settings)
    checks = Checks(tuple(prepared.enabled.values()), prepared.severity, prepared.options, settings.today,
                    settings.limits, settings.lang)
    memo.next_run()
    store = _store(cache_folder)
    try:
        outcomes = _context([], [], context, checks, 1, store, memo)
    finally:
        if store is not None:
            store.finish()
    return {o.path: o.account for o in outcomes}


def _in_memory(path: str, text: Union[str, bytes, None]) -> Source:
    if text is None:
        return Source(path)
    return Source(path, data=text_bytes(text) if isinstance(text, str) else text)


def lint(sources: Sequence[Source], registry: Registry, settings: Settings,
         context: Sequence[Source] = (), progress: Optional[Callable[[], None]] = None,
         keep_text: bool = False, jobs: int = 1, cache_folder: Optional[str] = None,
         memo: Optional[Memo] = None, keep_facts: bool = True, keep_fixes: bool = True,
         due_within: Optional[int] = None, fixing: bool = False) -> Result:
    """Lint `sources`; `context` files are read only so cross-file rules see them too.
    `progress` is called once per linted file; `keep_text` keeps each file's text
    for reports that show source lines, `keep_facts` its account facts (a run of
    10,000 plans for a JSON report leaves them out: 80 MB), `keep_fixes` each finding's fix
    (a text report shows none); `jobs` > 1 lints in worker processes;
    `cache_folder` reuses per-file outcomes of unchanged files, `memo` those of
    earlier calls in this process. `due_within` also lists what is due within that
    many days (planlint.directors.due) in `Result.due`."""
    prepared = prepare(registry, settings)
    baseline = None
    if settings.baseline is not None:
        from planlint.baseline import Baseline

        baseline = Baseline.read(settings.baseline)
    checks = Checks(tuple(prepared.enabled.values()), prepared.severity, prepared.options, settings.today,
              settings.limits, settings.lang, keep_text, keep_facts, keep_fixes, due_within, fixing)
    context_checks = replace(checks, keep_text=False, due_within=None)
    if memo is not None:
        memo.next_run()
    store = _store(cache_folder)
    # Thousands of context files' facts and the cross-file rules' tables are made at
    # once and all kept: the automatic collector's passes over them found nothing.
    with young_gc_only():
        try:
            outcomes = lint_files(sources, checks, jobs, progress, _cache(store, memo, checks))
            context_outcomes = _context(sources, outcomes, context, context_checks, jobs, store, memo)
        finally:
            if store is not None:
                store.finish()
        extra, run_errors = _cross_file_findings(outcomes, context_outcomes, checks)
    errors = [e.render(settings.lang) for e in registry.errors]  # plugins that did not load
    errors += [e for o in outcomes + context_outcomes for e in o.errors]
    errors += run_errors
    findings: List[Finding] = []
    suppressed: List[Tuple[Finding, str]] = []
    for outcome in outcomes:
        kept, hidden = _finish_file(outcome, extra.get(outcome.path, []), prepared, registry, settings, checks)
        findings += kept
        suppressed += hidden
    findings.sort(key=Finding.sort_key)
    due = _due(outcomes, prepared, registry, settings, checks) if due_within is not None else []
    result = Result(findings, suppressed, [o.path for o in outcomes],
                    {o.path: o.text for o in outcomes if o.text is not None}, errors,
                    {o.path: o.account for o in outcomes})
    result.facts = {o.path: o.account_facts for o in outcomes}
    result.options = {code: prepared.options[code] for code in prepared.enabled}
    result.today = settings.today
    result.due = due
    if baseline is not None:
        done = baseline.match(findings, result.files)
        result.findings, result.baselined, result.stale_baseline = done.kept, done.known, done.stale
        result.baseline = baseline
    return result


def _store(folder: Optional[str]) -> Optional[Store]:
    if folder is None:
        return None
    from planlint.engine.cache import open_store  # only runs that use the disk cache import it

    return open_store(folder)


def _cache(store: Optional[Store], memo: Optional[Memo], checks: Checks) -> Optional[Cache]:
    if store is None:
        return memo.bind(checks) if memo is not None else None
    from planlint.engine.cache import Cache as DiskCache

    disk = DiskCache(store, checks)
    if memo is None:
        return disk
    from planlint.engine.memo import Layered

    return Layered(memo.bind(checks), disk)


def _context(sources: Sequence[Source], outcomes: List[FileOutcome], context: Sequence[Source],
             checks: Checks, jobs: int, store: Optional[Store], memo: Optional[Memo]) -> List[FileOutcome]:
    """What the cross-file rules need of the context files (with the snapshot, only of
    those related to `sources`): from the index for those unchanged since it saw
    them, linted (through the cache) for the others."""
    if store is None and memo is None:
        return lint_files(context, checks, jobs, None, None)
    from planlint.engine.index import FactsIndex

    index = FactsIndex(checks, store, memo)
    context = [context[i] for i in index.needed(context, outcomes)]
    known = index.known(context)
    todo = [source for i, source in enumerate(context) if i not in known]
    linted = iter(lint_files(todo, checks, jobs, None, _cache(store, memo, checks)))
    found = [known[i] if i in known else next(linted) for i in range(len(context))]
    index.record([*zip(sources, outcomes), *((s, found[i]) for i, s in enumerate(context) if i not in known)],
                 checks)
    return found


def _cross_file_findings(outcomes: List[FileOutcome], context: List[FileOutcome], checks: Checks
                         ) -> Tuple[Dict[str, List[Finding]], List[str]]:
    """Findings of the rules that compare files, from the facts each file kept."""
    extra: Dict[str, List[Finding]] = {}
    errors: List[str] = []
    reported = {o.path for o in outcomes}
    everyone = outcomes + context
    by_path = {o.path: o for o in everyone}
    for rule in checks.rules:
        if rule.check_run is None:
            continue
        files = [FileFacts(o.path, o.account, tuple(o.facts.get(rule.code, ())), o.path in reported)
                 for o in everyone]
        caps: Dict[str, Cap] = {}
        try:
            for facts, problem in rule.check_run(files, checks.options[rule.code]):
                if facts.path in reported and caps.setdefault(facts.path, Cap()).keep(rule.code, problem):
                    outcome = by_path[facts.path]
                    finding = make_finding(outcome, rule.code, problem, checks, FactSpans(outcome.spans))
                    extra.setdefault(facts.path, []).append(finding)
            for path, cap in caps.items():
                outcome = by_path[path]
                extra[path] += [make_finding(outcome, code, problem, checks, FactSpans(outcome.spans))
                                for code, problem in cap.summaries()]
        except Exception as exc:  # a crashed cross-file rule is reported; the run goes on
            crash = crash_problem(rule, exc, builtin_message("the_run"))
            errors.append(crash.render(checks.lang))
            if outcomes:
                extra.setdefault(outcomes[0].path, []).append(
                    make_finding(outcomes[0], rule.code, crash, checks, None))
    return extra, errors


def _due(outcomes: List[FileOutcome], prepared: Prepared, registry: Registry, settings: Settings,
         checks: Checks) -> List[DueItem]:
    """Every file's due items, sorted; a deadline goes where its finding would (per-file
    ignores and suppressions drop it too)."""
    items: List[DueItem] = []
    for outcome in outcomes:
        mine = [replace(item, path=outcome.path) if item.path != outcome.path else item for item in outcome.due]
        ruled = {i: _as_finding(item, outcome, checks) for i, item in enumerate(mine) if item.code}
        if ruled:
            kept, _ = _finish_file(replace(outcome, findings=list(ruled.values())), [], prepared, registry,
                                   settings, replace(checks, keep_fixes=False))
            survivors = {id(f) for f in kept}
            mine = [item for i, item in enumerate(mine) if i not in ruled or id(ruled[i]) in survivors]
        items += mine
    return sorted(items, key=lambda item: item.sort_key())


def _as_finding(item: DueItem, outcome: FileOutcome, checks: Checks) -> Finding:
    """A deadline as the finding it is or will be."""
    code = item.code or ""
    return Finding(outcome.path, item.line, item.column, None, None, code, code, checks.severity[code],
                   item.message or "", outcome.account, item.plan, item.data_path)


def _finish_file(outcome: FileOutcome, extra: List[Finding], prepared: Prepared, registry: Registry,
                 settings: Settings, checks: Checks) -> Tuple[List[Finding], List[Tuple[Finding, str]]]:
    ignored: Set[str] = set()
    if prepared.file_ignores:
        from planlint.suppress import ignored_in_file

        ignored = ignored_in_file(outcome.path, prepared.file_ignores, settings.config_root)
    findings = [f for f in outcome.findings + extra if f.code not in ignored]
    if not outcome.directives:
        return findings, []
    from planlint.suppress import apply_directives

    done = apply_directives(findings, outcome.directives, outcome.plan_starts, registry.resolve,
                            set(prepared.enabled))
    for rule in prepared.enabled.values():  # the rules that judge the directives themselves
        if rule.check_directives is None or rule.code in ignored:
            continue
        problems = [p for p in rule.check_directives(outcome.directives, prepared.options[rule.code])
                    if p.position is not None]
        fixes: Dict[int, Any] = {}
        if checks.keep_fixes and problems:
            from planlint.fix.comments import unused_suppression_fixes

            fixes = unused_suppression_fixes(outcome.directives)
        done.kept += [make_finding(outcome, rule.code, replace(p, fix=fixes.get(p.position[0])), checks, None)
                      for p in problems]
    return done.kept, done.suppressed
