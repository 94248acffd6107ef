"""The commands besides linting: `rules`, `explain`, `schema`, `init`, `server`."""
from __future__ import annotations

import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Optional, Tuple

import click

from planlint.api import fill
from planlint.cli import language as cli_language
from planlint.cli.console import fail
from planlint.cli.language import BilingualCommand, argument, option
from planlint.cli.options import LANG_OPTION, global_options, parse_today
from planlint.errors import os_reason
from planlint.messages import builtin_message
from planlint.model import SEVERITY_NAMES

if TYPE_CHECKING:
    from planlint.registry import Registry


# Whether a rule runs with no configuration , as `planlint rules` shows it.
ENABLEMENT = {"en": {True: "default", False: "opt-in"}, "zh": {True: "默认开启", False: "默认关闭"}}


def _padded(word: str, width: int) -> str:
    """`word` filled to `width` terminal columns: a Chinese character takes two."""
    return word + " " * max(1, width - cli_language.columns(word))


@global_options("--config", "--isolated", "--color", "--quiet")
@click.command("rules", cls=BilingualCommand, help_zh="列出所有规则：代码、名称、严重程度和说明。")
@LANG_OPTION
def list_rules(lang: Optional[str]) -> None:
    """List every rule: code, name, severity, summary."""
    cli_language.choose(lang)
    registry, lang = _registry_and_language(lang)
    rules = registry.ordered()
    code_width = max((len(rule.code) for rule in rules), default=5)  # a rule pack's `ACME001` lines up too
    # English readers get the slug a config names; Chinese readers the rule's Chinese title.
    name_width = 34 if lang == "en" else 2 + max((cli_language.columns(r.title(lang)) for r in rules), default=0)
    enabled_width = 9 if lang == "en" else 10
    for rule in rules:
        severity, enabled = SEVERITY_NAMES[lang][rule.severity.value], ENABLEMENT[lang][rule.on_by_default]
        name = rule.name if lang == "en" else rule.title(lang)
        click.echo(f"{rule.code:<{code_width}}  {_padded(name, name_width)} {_padded(severity, 9)}"
                   f"{_padded(enabled, enabled_width)}{rule.headline(lang)}")


@global_options("--config", "--isolated", "--color", "--quiet")
@click.command("explain", cls=BilingualCommand, help_zh="按代码或名称解释一条规则：检查什么、为什么重要、错误写法和正确写法。")
@argument("rule", metavar_zh="规则")
@LANG_OPTION
def explain(rule: str, lang: Optional[str]) -> None:
    """Explain a rule by code or name: what it does, why, an example and its fix."""
    cli_language.choose(lang)
    from planlint.explain import render_explanation

    registry, lang = _registry_and_language(lang)
    code = registry.resolve(rule)
    if code is None:
        fail(builtin_message("not_a_rule", rule=rule))
    click.echo(render_explanation(registry.rules[code], lang))


def _registry_and_language(lang: Optional[str]) -> Tuple[Registry, str]:
    """The rules the config's plugins add, and the language; for `rules` and `explain`."""
    from planlint.config import load_settings
    from planlint.errors import ConfigError

    try:
        settings, registry = load_settings(lang=lang)
    except ConfigError as exc:
        fail(exc)
    return registry, settings.lang


@global_options("--config", "--isolated", "--color", "--quiet")
@click.command("schema", cls=BilingualCommand,
               help_zh="输出计划格式的 JSON Schema，供编辑器和 yaml-language-server 使用；--lang zh 时说明文字为中文"
                       "（建议存为 account-plan.schema.zh.json，`planlint init --lang zh` 会引用它）。")
@option("--output", "-o", type=click.Path(dir_okay=False), metavar_zh="文件",
        help="Write the schema to FILE instead of standard output, atomically.",
        help_zh="把 Schema 写入这个文件，而不是输出到屏幕；文件一次写好，不会只写一半。")
@LANG_OPTION
def schema(output: Optional[str], lang: Optional[str]) -> None:
    """Print the plan format's JSON Schema (for editors and yaml-language-server); with --lang zh its
    descriptions are Chinese (save it as account-plan.schema.zh.json: `planlint init --lang zh` links it)."""
    cli_language.choose(lang)
    from planlint.cli.outputs import write_output
    from planlint.schema.translated import schema_in

    write_output("schema", output, [schema_in(cli_language.language())])  # --lang, the config's, the locale


@global_options("--config", "--isolated", "--color", "--quiet")
@click.command("init", cls=BilingualCommand, help_zh="生成一份带注释、能通过所有规则的计划模板（--lang zh 时为中文）。")
@argument("file", type=click.Path(dir_okay=False), metavar_zh="文件")
@option("--today", callback=parse_today, metavar_zh="日期", help="The date the plan is written, YYYY-MM-DD: it plans the year after.",
        help_zh="计划的编写日期，YYYY-MM-DD 格式：模板会规划下一年。")
@LANG_OPTION
def init(file: str, today: Optional[dt.date], lang: Optional[str]) -> None:
    """Write a commented template plan that passes every rule (in Chinese with --lang zh)."""
    cli_language.choose(lang)
    from planlint.config import choose_language, load_config
    from planlint.errors import ConfigError
    from planlint.cli.init_template import plan_template

    from planlint.cli.modeline import with_modeline

    try:
        language = choose_language(lang, load_config())
    except ConfigError:
        language = choose_language(lang, load_config(isolated=True))  # a broken config must not block init
    template = with_modeline(plan_template(language, today or dt.date.today()), file, language)
    folder = os.path.dirname(file)
    try:
        if folder and not os.path.isdir(folder):
            os.makedirs(folder)
    except OSError as exc:
        fail(builtin_message("folder_uncreatable", folder=folder, reason=os_reason(exc)))
    try:
        with open(file, "x", encoding="utf-8") as handle:  # "x": never overwrite a plan
            handle.write(template)
    except FileExistsError:
        fail(builtin_message("init_exists", file=file))
    except OSError as exc:
        fail(builtin_message("init_unwritable", file=file, reason=os_reason(exc)))
    click.echo(builtin_message("init_written", file=file).render(language))


@global_options("--lang", "--config", "--isolated", "--color", "--quiet")
@click.command("server", cls=BilingualCommand, help_zh="通过标准输入输出运行语言服务器（需要安装 `lsp` 扩展）。")
@option("--stdio", is_flag=True, help="Talk over standard input and output (the only transport; editors pass it).",
        help_zh="通过标准输入输出通信（唯一的方式；编辑器会自动加上这个选项）。")
def server(stdio: bool) -> None:
    """Run the language server on standard input and output (needs the `lsp` extra)."""
    from planlint.server import INSTALL_HINT

    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        fail(fill(INSTALL_HINT))
    from planlint.server.app import main as serve

    sys.exit(serve())


COMMANDS = (list_rules, explain, schema, init, server)
