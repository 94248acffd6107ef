"""Options and argument parsing that several commands share."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable, List, Optional, Tuple

import click

from planlint.cli import language as cli_language
from planlint.cli.console import say
from planlint.cli.language import option
from planlint.model import LANGUAGES


def split(values: Tuple[str, ...]) -> Optional[List[str]]:
    """None when nothing was given: `--select "$RULES"` with an empty CI variable
    must not select nothing (every rule off, every check green)."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return parts or None


def parse_today(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[dt.date]:
    from planlint.schema.validate import is_real_date

    if value is None:
        return None
    if not is_real_date(value):
        from planlint.schema.messages import iso_date  # `--today 2027/6/15`: the same spellings as in a plan

        meant = iso_date(value)
        raise click.BadParameter(say("today_spelling", value=value, date=meant) if meant
                                 else say("bad_today", value=value))
    return dt.date.fromisoformat(value)


def no_command_typo(word: str, commands: List[str], lang: Optional[str] = None) -> None:
    """`planlint rule` is a typo of `planlint rules`, not a plan called `rule`."""
    if not word or word.startswith("-") or os.path.exists(word):
        return
    import difflib

    guess = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if guess:
        from planlint.messages import builtin_message

        language = lang or cli_language.language()
        raise click.UsageError(builtin_message("no_such_command", word=word, guess=guess[0]).render(language))


LANG_OPTION = option("--lang", type=click.Choice(LANGUAGES), metavar_zh="语言",
                     help="Message language (default: config `lang`, then LC_ALL/LANG; else en).",
                     help_zh="消息语言（默认：配置里的 `lang`，其次是环境变量 LC_ALL、LANG，否则为 `en`）。")


_SELECTION = [
    option("--select", multiple=True, metavar_zh="规则", help="Only these rules (codes, names or code prefixes, comma-separated).",
           help_zh="只运行这些规则（规则代码、名称或代码前缀，用逗号分隔）。"),
    option("--extend-select", multiple=True, metavar_zh="规则",
           help="Also run these rules, e.g. opt-in ones (codes, names or code prefixes, comma-separated).",
           help_zh="另外运行这些规则，例如默认关闭的规则（规则代码、名称或代码前缀，用逗号分隔）。"),
    option("--ignore", multiple=True, metavar_zh="规则", help="Skip these rules (codes, names or code prefixes, comma-separated).",
           help_zh="跳过这些规则（规则代码、名称或代码前缀，用逗号分隔）。"),
    option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.",
           help_zh="使用这个配置文件。"),
    option("--isolated", is_flag=True, help="Ignore every config file.", help_zh="不读取任何配置文件。"),
]


def selection_options(command: Any) -> Any:
    """--select, --extend-select, --ignore, --config and --isolated: what a check and `due` share."""
    for decorator in reversed(_SELECTION):
        command = decorator(command)
    return command


@dataclass(frozen=True)
class CheckOptions:
    """Everything `planlint check` was told, as given."""
    paths: Tuple[str, ...] = ()
    formats: Tuple[str, ...] = ()
    output: Optional[str] = None
    select: Tuple[str, ...] = ()
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    config_path: Optional[str] = None
    isolated: bool = False
    today: Optional[dt.date] = None
    fail_on: Optional[str] = None
    exit_zero: bool = False
    stdin_filename: Optional[str] = None
    baseline_path: Optional[str] = None
    write_baseline: Optional[str] = None
    prune_baseline: bool = False
    compare_path: Optional[str] = None
    no_cache: bool = False
    respect_gitignore: Optional[bool] = None  # None: the config's `respect-gitignore` (default true)
    changed_since: Optional[str] = None
    jobs: Optional[int] = None
    fix: bool = False
    unsafe_fixes: bool = False
    show_diff: bool = False
    add_suppressions: Optional[str] = None
    lang: Optional[str] = None
    color: str = "auto"
    quiet: bool = False
    statistics: bool = False

    @property
    def fixes_files(self) -> bool:
        return self.fix or self.show_diff or self.add_suppressions is not None


# Options every command takes, before or after its name (`planlint --lang zh init x.yaml`).
GLOBAL_VALUE_OPTIONS = ("--lang", "--config", "--color")
GLOBAL_FLAGS = ("--isolated", "--quiet", "-q")


_GLOBAL_OPTIONS = {
    "--lang": (("--lang",), {"type": click.Choice(LANGUAGES)}),
    "--config": (("--config",), {"type": click.Path(dir_okay=False)}),
    "--isolated": (("--isolated",), {"is_flag": True}),
    "--color": (("--color",), {"type": click.Choice(("auto", "always", "never"))}),
    "--quiet": (("--quiet", "-q"), {"is_flag": True}),
}


def global_options(*names: str) -> Callable[[Any], Any]:
    """Accept the named global options on a command that has no use for them: the run's
    language already reads --lang, --config and --isolated from the whole command line."""
    def decorate(command: Any) -> Any:
        for name in names:
            decls, kwargs = _GLOBAL_OPTIONS[name]
            command = click.option(*decls, expose_value=False, hidden=True, **kwargs)(command)
        return command
    return decorate


def global_options_after_command(args: List[str], commands: Iterable[str]) -> List[str]:
    """`planlint --lang zh explain PL201` is `planlint explain PL201 --lang zh`; before --help
    or --version they are dropped (the help's language was read from the arguments)."""
    index = 0
    while index < len(args):
        name, has_value = args[index].split("=", 1)[0], "=" in args[index]
        if name in GLOBAL_VALUE_OPTIONS:
            index += 1 if has_value else 2
        elif args[index] in GLOBAL_FLAGS:
            index += 1
        else:
            break
    if index == 0 or index >= len(args):
        return args
    if args[index] in ("--help", "-h", "--version"):
        return args[index:]
    if args[index] in commands:
        return [args[index], *args[:index], *args[index + 1:]]
    return args
