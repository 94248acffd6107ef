"""The run behind `planlint due`: a check run (same settings, sources and protected
files) that keeps what is due and writes only that, as text, JSON or ICS."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, NoReturn

from planlint.cli.options import CheckOptions
from planlint.cli.run import CheckRun

if TYPE_CHECKING:
    from planlint.engine.run import Result


class DueRun(CheckRun):
    """A check run that keeps what is due and reports only that."""

    def __init__(self, options: CheckOptions, within: int) -> None:
        super().__init__(options)
        self.within = within

    def execute(self) -> NoReturn:
        from planlint.cli.console import fail, status
        from planlint.cli.outputs import write_output
        from planlint.discover import PathError
        from planlint.errors import ConfigError

        try:
            self.outputs = [(self.options.formats[0], self.options.output)]
            self.configure()
            self.find_sources()
            self.refuse_unsafe_targets()
            result = self.lint()
        except (ConfigError, PathError) as exc:
            fail(exc)
        for message in dict.fromkeys(result.errors):
            status(message)
        name, target = self.outputs[0]
        write_output(name, target, self.report(name, result))
        sys.exit(2 if result.errors else 0)

    def lint(self) -> Result:
        from planlint.engine.run import lint
        from planlint.engine.workers import default_jobs

        result = lint(self.sources, self.registry, self.settings, self.context, keep_facts=False,
                      keep_fixes=False, jobs=self.options.jobs or default_jobs(len(self.sources) + len(self.context)),
                      cache_folder=self.settings.cache_folder, due_within=self.within)
        result.errors[:0] = [error.render(self.settings.lang) for error in self.errors]
        return result

    def report(self, name: str, result: Result) -> Iterable[str]:
        from planlint.reporters import due_format, ics_format

        today, lang = self.settings.today, self.settings.lang
        if name == "json":
            return due_format.due_json(result.due, today)
        if name == "ics":
            return ics_format.due_ics(result.due, today, lang)
        return due_format.due_text(result.due, today, self.within, lang)
