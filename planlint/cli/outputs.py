"""Where a run's reports go: the `--format NAME[:FILE]` list, the files no report may
replace, writing each report, the GitHub step summary, and the exit status."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Tuple

import click

from planlint.api import fill
from planlint.errors import os_reason
from planlint.cli.console import fail, shown, use_color
from planlint.messages import builtin_message
from planlint.model import Severity
from planlint.reporters import FORMATS

if TYPE_CHECKING:
    from planlint.config import Settings
    from planlint.discover import Source
    from planlint.engine.run import Result
    from planlint.registry import Registry

# (format, file or None for standard output)
Outputs = List[Tuple[str, Optional[str]]]

_PROTECTED_ZH = {"a plan being linted": "正在检查的计划文件", "the config file": "配置文件",
                 "the baseline being read": "正在读取的基线文件", "a config file": "配置文件"}


def parse_outputs(formats: Tuple[str, ...], output: Optional[str]) -> Outputs:
    """--output takes the first format without a file."""
    from planlint.errors import ConfigError

    outputs: Outputs = []
    for spec in formats or ("text",):
        name, _, target = spec.partition(":")
        if name not in FORMATS:
            raise ConfigError(builtin_message("bad_format", name=name, formats=fill(
                {"en": ", ".join(FORMATS), "zh": "、".join(f"`{f}`" for f in FORMATS)})))
        outputs.append((name, target or None))
    if output:
        index = next((i for i, (_, target) in enumerate(outputs) if target is None), None)
        if index is None:
            raise ConfigError(builtin_message("output_taken"))
        outputs[index] = (outputs[index][0], output)
    if sum(target is None for _, target in outputs) > 1:
        raise ConfigError(builtin_message("two_stdout"))
    return outputs


def refuse_unsafe_targets(outputs: Outputs, write_baseline: Optional[str], inputs: Sequence[Optional[str]],
                          sources: Sequence[Source], settings: Settings) -> None:
    """Before anything is written: no report or baseline may replace a plan, a
    config file or the baseline being read, and no two may share a file."""
    from planlint.atomic import is_regular_target
    from planlint.discover import CONFIG_NAMES, real_path
    from planlint.errors import ConfigError

    targets = [(f"--format {name}", target) for name, target in outputs if target is not None]
    targets += [("--write-baseline", write_baseline)] if write_baseline else []
    if not targets:
        return  # everything goes to standard output
    protected = {real_path(s): "a plan being linted" for s in sources if s.data is None}
    if settings.config_file:
        protected[os.path.realpath(settings.config_file)] = "the config file"
    for path, what in zip(inputs, ("the baseline being read", "the report being compared with")):
        if path:
            protected.setdefault(os.path.realpath(path), what)
    claimed: Dict[str, str] = {}
    for option, target in targets:
        real = os.path.realpath(target)
        name = os.path.basename(real).lower()
        what = protected.get(real) or ("a config file" if name in CONFIG_NAMES or name == "pyproject.toml" else None)
        if what:
            raise ConfigError(builtin_message("protected_target", option=option, target=target, what=what,
                                              what_zh=_PROTECTED_ZH.get(what, what)))
        if real in claimed and is_regular_target(target):
            raise ConfigError(builtin_message("shared_target", option=option, target=target, other=claimed[real]))
        claimed[real] = option


def write_reports(outputs: Outputs, result: Result, registry: Registry, lang: str, color_choice: str = "auto",
                  quiet: bool = False, statistics: bool = False) -> None:
    """Each report to its file (atomically) or to standard output, as it is made."""
    from planlint.reporters import get_chunks

    for name, target in outputs:
        if target is None and sys.stdout is None:  # before use_color asks it whether it is a terminal
            fail(builtin_message("stdout_closed", name=name))
        color = target is None and use_color(color_choice)
        # They shape the text report only; on standard output it leaves the run's errors to standard error.
        extra = {"quiet": quiet, "statistics": statistics, "errors": target is not None} if name == "text" else {}
        write_output(name, target, get_chunks(name)(result, registry, color=color, lang=lang, **extra), color)
        if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], result, registry, lang)


def write_output(name: str, target: Optional[str], report: Iterable[str], color: bool = False) -> None:
    """One report to its file (atomically, never through a link of the repository) or to standard output."""
    from planlint.atomic import text_blocks, write_report

    if target is None:
        if sys.stdout is None:
            fail(builtin_message("stdout_closed", name=name))
        for block in text_blocks(report):
            block = shown(block) if name == "text" else block  # `--format github` is planlint's own commands
            click.echo(block, nl=False, color=color or None)  # click strips colour off a pipe unless told
        return
    try:
        write_report(target, report)
    except OSError as exc:  # the old report, if any, is left as it was
        fail(builtin_message("report_unwritable", name=name, target=target, reason=os_reason(exc)))


def _append_step_summary(path: str, result: Result, registry: Registry, lang: str) -> None:
    from planlint.reporters.github_format import step_summary

    try:  # O_NONBLOCK: a FIFO nobody reads is an error, not a hang
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o666)
        with os.fdopen(descriptor, "a", encoding="utf-8") as summary:
            summary.write(step_summary(result, registry, lang))
    except OSError as exc:
        fail(builtin_message("step_summary_unwritable", path=path, reason=os_reason(exc)))


def exit_status(result: Result, fail_on: Severity, exit_zero: bool) -> int:
    """0 clean, 1 findings at or above fail-on, 2 errors (no verdict)."""
    if result.errors:
        return 2
    failing = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return 1 if failing and not exit_zero else 0
