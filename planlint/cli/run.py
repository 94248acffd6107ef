"""One lint run of the command line, in named steps (as flake8's Application):
settings -> sources -> lint -> baseline -> report -> exit status. click fills a
`CheckOptions`; `--fix`, `--diff` and `--add-suppressions` hand over to a `FixRun`."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Callable, Iterator, List, NoReturn, Optional

import click

from planlint.api import Text
from planlint.cli import language as cli_language
from planlint.cli.console import fail, say, status
from planlint.cli.options import CheckOptions, split
from planlint.cli.outputs import Outputs, exit_status, parse_outputs, refuse_unsafe_targets, write_reports
from planlint.messages import builtin_message, plural

if TYPE_CHECKING:
    from planlint.config import Settings
    from planlint.discover import Source
    from planlint.engine.run import Result
    from planlint.registry import Registry

PROGRESS_MIN_FILES = 300
DUE_DAYS = 30  # the HTML report's "Due in the next 30 days"


class CheckRun:
    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.outputs: Outputs = []
        self.errors: List[Text] = []  # found while looking for the plans; reported with the run's errors
        self.settings: Settings
        self.registry: Registry
        self.sources: List[Source] = []
        self.context: List[Source] = []

    def execute(self) -> NoReturn:
        from planlint.discover import PathError
        from planlint.errors import ConfigError

        try:
            self.outputs = parse_outputs(self.options.formats, self.options.output)
            self.configure()
            self.find_sources()
            self.refuse_unsafe_targets()
            if self.options.fixes_files:
                self.fix()
            result = self.lint()
        except (ConfigError, PathError) as exc:
            fail(exc)
        for message in dict.fromkeys(result.errors):  # one dead worker is one message, not one per file
            status(message)
        self.update_baseline(result)
        write_reports(self.outputs, result, self.registry, self.settings.lang, self.options.color,
                      self.options.quiet, self.options.statistics)
        sys.exit(exit_status(result, self.settings.fail_on, self.options.exit_zero))

    def configure(self) -> None:
        """Settings and rules: defaults < config file < command line."""
        from planlint.config import load_settings
        from planlint.errors import ConfigError

        options = self.options
        if options.select and split(options.select) is None:  # `--select "$RULES"`, the variable unset
            raise ConfigError(builtin_message("select_empty"))
        self.settings, self.registry = load_settings(
            options.config_path, options.isolated, select=split(options.select), ignore=split(options.ignore),
            extend_select=split(options.extend_select), today=options.today, lang=options.lang,
            fail_on=options.fail_on, baseline=options.baseline_path, use_baseline=not options.write_baseline,
            use_cache=not options.no_cache, respect_gitignore=options.respect_gitignore)
        cli_language.choose(self.settings.lang)

    def find_sources(self) -> None:
        """The plans to lint, and the config's `paths:` as cross-file context."""
        from planlint.discover import Source as PlanSource, discover, real_path, split_stdin, visible_path
        from planlint.engine.gitignored import GitIgnored
        from planlint.errors import ConfigError

        paths, stdin_filename, settings = self.options.paths, self.options.stdin_filename, self.settings
        if stdin_filename is not None and "-" not in paths:  # alone, it once linted the whole folder
            raise ConfigError(builtin_message("stdin_filename_alone"))
        files, use_stdin = split_stdin(paths or (".",))
        if self.options.changed_since is not None and not paths and settings.paths:
            files = [_shown(path) for path in settings.paths]  # the config's plans, not every YAML file
        notices: List[Text] = []
        # One git call for every folder of the run (the config's `paths:` too), not one per file.
        ignored = GitIgnored(files + settings.paths, notices) if settings.respect_gitignore else None
        sources = discover(files, settings.exclude, settings.config_root, notices, self.errors, ignored=ignored)
        unchanged: List[Source] = []
        if self.options.changed_since is not None:
            from planlint.engine.changes import changed_files, split_changed

            where = files[0] if files and os.path.isdir(files[0]) else os.path.dirname(files[0]) if files else "."
            changed = changed_files(self.options.changed_since, where or ".")
            sources, unchanged = split_changed(sources, changed)
        if use_stdin:  # read no more than a file may hold: `yes | planlint -` must end
            shown = visible_path(stdin_filename) if stdin_filename else "-"
            sources.append(PlanSource(shown, data=sys.stdin.buffer.read(settings.limits.max_bytes + 1)))
        named = {real_path(s) for s in sources if s.data is None}
        if use_stdin and stdin_filename:  # the file on disk is the one being edited: never itself twice
            named.add(os.path.realpath(stdin_filename))
        # The config's `paths:` came with the pull request: none may reach outside the repository.
        context = [s for s in discover(settings.paths, settings.exclude, settings.config_root, notices, self.errors,
                                       confined=True, ignored=ignored)
                   if real_path(s) not in named] if settings.paths else []
        if unchanged:  # the unchanged plans count for the cross-file rules, named as the changed ones are
            known = {real_path(s) for s in unchanged}
            context = unchanged + [s for s in context if real_path(s) not in known]
        for notice in dict.fromkeys(notice.render(settings.lang) for notice in notices):
            status(builtin_message("notice", notice=notice))
        if not sources and self.errors:
            raise ConfigError("\n".join(error.render(settings.lang) for error in self.errors))  # the paths' own words
        if not sources and self.options.changed_since is not None and not self.errors:
            status(builtin_message("nothing_changed", ref=self.options.changed_since))
            sys.exit(0)
        if not sources:
            raise ConfigError(builtin_message("no_plans", paths=", ".join(map(visible_path, files))))
        self.sources, self.context = sources, context

    def refuse_unsafe_targets(self) -> None:
        refuse_unsafe_targets(self.outputs, self.options.write_baseline,
                              [self.settings.baseline, self.options.compare_path], self.sources + self.context,
                              self.settings)

    def fix(self) -> NoReturn:
        from planlint.cli.fix import FixRun

        FixRun(self.options, self.settings, self.registry, self.sources, self.context, self.outputs).execute()

    def lint(self) -> Result:
        from planlint.engine.run import lint
        from planlint.engine.workers import default_jobs
        from planlint.reporters import needs_of

        needs = needs_of(name for name, _ in self.outputs)  # the run keeps only what its reports read
        with _progress_bar(len(self.sources)) as advance:
            result = lint(self.sources, self.registry, self.settings, self.context, advance,
                          keep_text="text" in needs, keep_facts="calendar" in needs, keep_fixes="fixes" in needs,
                          jobs=self.options.jobs or default_jobs(len(self.sources) + len(self.context)),
                          cache_folder=self.settings.cache_folder,
                          due_within=DUE_DAYS if "due" in needs else None)
        result.errors[:0] = [error.render(self.settings.lang) for error in self.errors]
        result.score = dict(self.settings.score)
        if self.options.compare_path:
            from planlint.directors.compare import compare, read_previous

            result.trend = compare(read_previous(self.options.compare_path), result.findings, result.files,
                                   self.options.compare_path)
        return result

    def update_baseline(self, result: Result) -> None:
        """--write-baseline records today's findings and ends the run; --prune-baseline drops fixed ones."""
        from planlint.errors import ConfigError

        options = self.options
        try:
            if options.write_baseline:
                from planlint.baseline import write_baseline

                write_baseline(options.write_baseline, result.findings)
            elif options.prune_baseline and result.baseline is not None and result.stale_baseline:
                result.baseline.prune(result.stale_baseline)
        except ConfigError as exc:
            fail(exc)
        if options.write_baseline:
            status(builtin_message("baseline_written", count=len(result.findings), path=options.write_baseline,
                                   **plural(len(result.findings))))
            sys.exit(2 if result.errors else 0)
        if result.baseline is not None and result.stale_baseline:
            count, path = len(result.stale_baseline), result.baseline.path
            status(builtin_message("baseline_pruned" if options.prune_baseline else "baseline_stale",
                                   count=count, path=path, **plural(count)))


def _shown(path: str) -> str:
    """A path inside the working folder as the user would type it (plans/a.yaml)."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


@contextlib.contextmanager
def _progress_bar(total: int) -> Iterator[Optional[Callable[[], None]]]:
    """A bar on standard error for long runs at a terminal; nothing when piped."""
    if total <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=say("progress"), file=sys.stderr) as bar:
        yield lambda: bar.update(1)
