"""click: parse options -> build the pieces -> run -> exit status (0 clean, 1 findings, 2 errors)."""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from typing import List, Optional, Tuple

import click

from planlint import __version__
from planlint.api import Severity

SEVERITIES = ("error", "warning", "info")


class _DefaultToCheck(click.Group):
    """`planlint PATH...` lints; `planlint rules|explain|schema` run those commands."""

    def parse_args(self, ctx: click.Context, args: List[str]) -> List[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlint")
def cli() -> None:
    """Lint key-account plans written as YAML (planlint PATH... lints files and folders)."""


def _split(values: Tuple[str, ...]) -> Optional[List[str]]:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _parse_today(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise click.BadParameter(f"`{value}` is not a real date written YYYY-MM-DD")


@cli.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", multiple=True, help="Only these rules (codes or names, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names, comma-separated).")
@click.option("--today", callback=_parse_today, help="The run's date, YYYY-MM-DD (default: the system date).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Lowest severity that makes the exit status 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--stdin-filename", help="The path to show for a plan read from `-`.")
def check(paths: Tuple[str, ...], output_format: str, output: Optional[str], select: Tuple[str, ...],
          ignore: Tuple[str, ...], today: Optional[dt.date], fail_on: str, exit_zero: bool,
          stdin_filename: Optional[str]) -> None:
    """Lint plan files and folders."""
    from planlint.discover import PathError, Source, discover, split_stdin
    from planlint.engine import ConfigError, Settings, lint
    from planlint.output import write_atomically
    from planlint.registry import load_registry
    from planlint.reporters import get_reporter

    files, use_stdin = split_stdin(paths or (".",))
    try:
        sources = discover(files)
    except PathError as exc:
        _fail(str(exc))
    if use_stdin:
        sources.append(Source(stdin_filename or "-", data=sys.stdin.buffer.read()))
    if not sources:
        _fail(f"no plan files (*.yaml, *.yml) found under {', '.join(files)}")
    settings = Settings(select=_split(select), ignore=_split(ignore) or [],
                        today=today or dt.date.today())
    registry = load_registry()
    try:
        result = lint(sources, registry, settings)
    except ConfigError as exc:
        _fail(str(exc))
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = get_reporter(output_format)(result, registry, color=color)
    if output:
        write_atomically(output, report)
    else:
        click.echo(report, nl=False)
    for message in result.errors:
        click.echo(f"planlint: {message}", err=True)
    sys.exit(_exit_status(result, Severity(fail_on), exit_zero))


def _exit_status(result: "object", fail_on: Severity, exit_zero: bool) -> int:
    if result.errors:  # type: ignore[attr-defined]
        return 2
    failing = any(f.severity.rank >= fail_on.rank for f in result.findings)  # type: ignore[attr-defined]
    return 1 if failing and not exit_zero else 0


def _fail(message: str) -> "NoReturn":  # type: ignore[name-defined]
    click.echo(f"planlint: error: {message}", err=True)
    sys.exit(2)


@cli.command("rules")
def list_rules() -> None:
    """List every rule: code, name, severity, summary."""
    from planlint.registry import load_registry

    for rule in load_registry().ordered():
        click.echo(f"{rule.code}  {rule.name:<34} {rule.severity.value:<8} {rule.summary}")


@cli.command("explain")
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule by code or name: what it does, why, an example and its fix."""
    from planlint.explain import render_explanation
    from planlint.registry import load_registry

    registry = load_registry()
    code = registry.resolve(rule)
    if code is None:
        _fail(f"`{rule}` is not a rule code or name; `planlint rules` lists them")
    click.echo(render_explanation(registry.rules[code]))


@cli.command("schema")
def schema() -> None:
    """Print the plan format's JSON Schema (for editors and yaml-language-server)."""
    from planlint.schema import schema_text

    click.echo(schema_text(), nl=False)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # never a traceback for users; exit 2 says "not a verdict"
        click.echo(f"planlint: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
