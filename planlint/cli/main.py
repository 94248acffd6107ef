"""The `planlint` command group: `planlint PATH...` lints (the `check` command), the other
commands by name; never a traceback (exit 2 says "no verdict")."""
from __future__ import annotations

import sys
from typing import List

import click

from planlint import __version__
from planlint.cli import language as cli_language
from planlint.cli.check import check
from planlint.cli.commands import COMMANDS
from planlint.cli.due import due
from planlint.cli.console import status
from planlint.cli.language import BilingualGroup, BilingualOption, bilingual
from planlint.cli.options import global_options_after_command, no_command_typo
from planlint.messages import builtin_message


class _DefaultToCheck(BilingualGroup):
    """`planlint PATH...` lints; `planlint rules|explain|schema|init` run those commands."""

    def parse_args(self, ctx: click.Context, args: List[str]) -> List[str]:
        args = global_options_after_command(args, self.commands)
        if args and args[0] in ("--help", "-h", "--version"):  # `--lang zh` was read from the arguments
            args = cli_language.without_lang(args)
        elif not args or args[0] not in self.commands:
            no_command_typo(args[0] if args else "", [c for c in self.commands if c != "check"])
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """`planlint --help` shows the lint options beside the commands, as `ruff --help` does."""
        check_params = [param for param in self.commands["check"].get_params(ctx)
                        if isinstance(param, click.Option) and "--help" not in param.opts]
        records = [record for record in (param.get_help_record(ctx) for param in [*check_params, *self.get_params(ctx)])
                   if record is not None]
        with formatter.section(cli_language.click_text("Options")):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]},
             subcommand_metavar="[PATHS]... | COMMAND [ARGS]...",
             help_zh="检查用 YAML 编写的大客户计划（`planlint 路径...` 检查文件和文件夹）。")
@click.version_option(__version__, prog_name="planlint", cls=BilingualOption, help_zh="显示版本号并退出。",
                      message=bilingual("%(prog)s, version %(version)s", "%(prog)s，版本 %(version)s"))
def cli() -> None:
    """Lint key-account plans written as YAML (planlint PATH... lints files and folders)."""


for _command in (check, due, *COMMANDS):
    cli.add_command(_command)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # never a traceback for users; exit 2 says "not a verdict"
        status(builtin_message("internal_error", error=f"{type(exc).__name__}: {exc}"))
        sys.exit(2)
