"""click: parse options -> build the pieces -> run -> exit status (0 clean, 1 findings, 2 errors)."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, NoReturn, Optional, Tuple, Union

import click

from planlint import __version__
from planlint.cli import language as cli_language
from planlint.api import Text, say
from planlint.cli.language import BilingualGroup, BilingualOption, bilingual, option
from planlint.messages import builtin_message, plural
from planlint.model import LANGUAGES, SEVERITY_NAMES, Severity
from planlint.reporters import FORMATS, SHOW_FIXES

if TYPE_CHECKING:  # only for annotations: a run imports what it needs, when it needs it
    from planlint.config import Settings
    from planlint.discover import Source
    from planlint.engine.run import Result
    from planlint.registry import Registry

SEVERITIES = ("error", "warning", "info")


class _DefaultToCheck(BilingualGroup):
    """`planlint PATH...` lints; `planlint rules|explain|schema|init` run those commands."""

    def parse_args(self, ctx: click.Context, args: List[str]) -> List[str]:
        if args and args[0] in ("--help", "-h", "--version"):  # `--lang zh` was read from the arguments
            args = cli_language.without_lang(args)
        elif not args or args[0] not in self.commands:
            _no_command_typo(args[0] if args else "", [c for c in self.commands if c != "check"])
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _no_command_typo(word: str, commands: List[str], lang: Optional[str] = None) -> None:
    """`planlint rule` is a typo of `planlint rules`, not a plan called `rule`."""
    if not word or word.startswith("-") or os.path.exists(word):
        return
    import difflib

    guess = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if guess:
        from planlint.messages import builtin_message

        language = lang or cli_language.language()
        raise click.UsageError(builtin_message("no_such_command", word=word, guess=guess[0]).render(language))


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]},
             help_zh="检查用 YAML 编写的大客户计划（planlint PATH... 检查文件和文件夹）。")
@click.version_option(__version__, prog_name="planlint", cls=BilingualOption, help_zh="显示版本号并退出。",
                      message=bilingual("%(prog)s, version %(version)s", "%(prog)s，版本 %(version)s"))
def cli() -> None:
    """Lint key-account plans written as YAML (planlint PATH... lints files and folders)."""


def _split(values: Tuple[str, ...]) -> Optional[List[str]]:
    """None when nothing was given: `--select "$RULES"` with an empty CI variable
    must not select nothing (every rule off, every check green)."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return parts or None


def _parse_today(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[dt.date]:
    from planlint.schema.validate import is_real_date

    if value is None:
        return None
    if not is_real_date(value):
        from planlint.schema.messages import iso_date  # `--today 2027/6/15`: the same spellings as in a plan

        meant = iso_date(value)
        raise click.BadParameter(_say("today_spelling", value=value, date=meant) if meant
                                 else _say("bad_today", value=value))
    return dt.date.fromisoformat(value)


_LANG_OPTION = option("--lang", type=click.Choice(LANGUAGES),
                      help="Message language (default: config `lang`, then LC_ALL/LANG; else en).",
                      help_zh="消息语言（默认：配置里的 `lang`，其次是 LC_ALL/LANG 环境变量，否则为 en）。")


@cli.command("check", help_zh="检查计划文件和文件夹。")
@click.argument("paths", nargs=-1)
@option("--format", "formats", multiple=True, metavar="FORMAT[:FILE]",
        help=f"Output format: {', '.join(FORMATS)}. Repeat it for several reports in one "
             "run; FORMAT:FILE writes that report to FILE.",
        help_zh=f"报告格式：{'、'.join(FORMATS)}。可以重复使用，一次生成多份报告；FORMAT:FILE 把这份报告写入 FILE。")
@option("--output", "-o", type=click.Path(dir_okay=False),
        help="Write the (first) report to FILE instead of standard output, atomically.",
        help_zh="把（第一份）报告写入 FILE，而不是输出到屏幕；文件一次写好，不会只写一半。")
@option("--select", multiple=True, help="Only these rules (codes, names or code prefixes, comma-separated).",
        help_zh="只运行这些规则（规则代码、名称或代码前缀，用逗号分隔）。")
@option("--extend-select", multiple=True,
        help="Also run these rules, e.g. opt-in ones (codes, names or code prefixes, comma-separated).",
        help_zh="另外运行这些规则，例如需启用的规则（规则代码、名称或代码前缀，用逗号分隔）。")
@option("--ignore", multiple=True, help="Skip these rules (codes, names or code prefixes, comma-separated).",
        help_zh="跳过这些规则（规则代码、名称或代码前缀，用逗号分隔）。")
@option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.",
        help_zh="使用这个配置文件。")
@option("--isolated", is_flag=True, help="Ignore every config file.",
        help_zh="不读取任何配置文件。")
@option("--today", callback=_parse_today, help="The run's date, YYYY-MM-DD (default: the system date).",
        help_zh="本次检查使用的日期，YYYY-MM-DD 格式（默认为系统日期）。")
@option("--fail-on", type=click.Choice(SEVERITIES),
        help="Lowest severity that makes the exit status 1 (default: error).",
        help_zh="达到这个严重程度（或更高）时退出状态为 1（默认：error）。")
@option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.",
        help_zh="即使发现问题，退出状态也为 0。")
@option("--stdin-filename", help="The path to show for a plan read from `-`.",
        help_zh="从 `-`（标准输入）读入的计划显示成这个文件名。")
@option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
        help="Report only findings that are not in this baseline file.",
        help_zh="只报告这个基线文件里没有的问题。")
@option("--write-baseline", type=click.Path(dir_okay=False),
        help="Record today's findings in FILE as the baseline, and exit 0.",
        help_zh="把当前的问题记录到基线文件 FILE 中，退出状态为 0。")
@option("--prune-baseline", is_flag=True, help="Remove fixed findings from the baseline file.",
        help_zh="从基线文件中删除已经修复的问题。")
@option("--compare", "compare_path", type=click.Path(dir_okay=False), metavar="PREVIOUS.json",
        help="Mark findings that are new since an earlier run's JSON report and list those fixed.",
        help_zh="与之前一次运行的 JSON 报告比较：标出新出现的问题，并列出已修复的问题。")
@option("--no-cache", is_flag=True, help="Neither read nor write the .planlint_cache folder.",
        help_zh="不读也不写 .planlint_cache 文件夹。")
@option("--jobs", "-j", type=click.IntRange(min=1),
        help="Worker processes (default: all cores for runs of 300 files or more, else 1).",
        help_zh="工作进程数（默认：300 个及以上文件时用上所有 CPU 核，否则为 1）。")
@option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
        help="Colour the text report: auto colours a terminal (NO_COLOR turns it off, FORCE_COLOR on, "
             "as in CI logs).",
        help_zh="给文本报告加颜色：auto 表示输出到终端时加颜色（NO_COLOR 关闭，FORCE_COLOR 开启，适用于 CI 日志）。")
@option("--quiet", "-q", is_flag=True, help="Print the findings only, without the summary line.",
        help_zh="只列出问题，不显示最后的汇总行。")
@option("--statistics", is_flag=True, help="Print how many findings each rule has, instead of the findings.",
        help_zh="只显示每条规则发现了多少个问题，不逐条列出。")
@option("--fix", "fix", is_flag=True,
        help="Apply safe fixes in place, then report what is left (`--fix -`: fixed plan on stdout).",
        help_zh="直接在文件里做安全的修复，然后报告剩下的问题（`--fix -`：修复后的计划输出到屏幕）。")
@option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.",
        help_zh="与 --fix 或 --diff 一起使用时，也做不安全的修复。")
@option("--diff", "show_diff", is_flag=True,
        help="Print the diff that --fix would write; write nothing (exit 1 when there is a diff).",
        help_zh="显示 --fix 会做的修改（diff 格式），不写入任何文件（有修改时退出状态为 1）。")
@option("--add-suppressions", metavar="REASON",
        help="Write `# planlint: disable=CODE -- REASON` on each line that has a finding.",
        help_zh="在每个有问题的行末写上 `# planlint: disable=规则代码 -- REASON`。")
@_LANG_OPTION
def check(paths: Tuple[str, ...], formats: Tuple[str, ...], output: Optional[str],
          select: Tuple[str, ...], extend_select: Tuple[str, ...], ignore: Tuple[str, ...],
          config_path: Optional[str], isolated: bool, today: Optional[dt.date], fail_on: Optional[str], exit_zero: bool,
          stdin_filename: Optional[str], baseline_path: Optional[str], write_baseline: Optional[str],
          prune_baseline: bool, compare_path: Optional[str], no_cache: bool, jobs: Optional[int],
          fix: bool, unsafe_fixes: bool, show_diff: bool, add_suppressions: Optional[str], lang: Optional[str],
          color: str = "auto", quiet: bool = False, statistics: bool = False) -> None:
    """Lint plan files and folders."""
    cli_language.choose(lang)
    for path in paths[:1] if len(paths) == 1 else ():  # `planlint --lang zh rule`: one path, a typo
        _no_command_typo(path, [c for c in cli.commands if c != "check"], lang)
    from planlint.config import load_settings
    from planlint.discover import PathError
    from planlint.engine.run import lint
    from planlint.errors import ConfigError
    from planlint.engine.workers import default_jobs

    try:
        outputs = _parse_outputs(formats, output)
        settings, registry = load_settings(config_path, isolated, select=_split(select), ignore=_split(ignore),
                                           extend_select=_split(extend_select), today=today, lang=lang,
                                           fail_on=fail_on, baseline=baseline_path,
                                           use_baseline=not write_baseline, use_cache=not no_cache)
        cli_language.choose(settings.lang)
        discovery_errors: List[Text] = []
        sources, context = _sources(settings, paths, stdin_filename, discovery_errors)
        _refuse_unsafe_targets(outputs, write_baseline, [settings.baseline, compare_path], sources + context,
                               settings)
        if fix or show_diff or add_suppressions is not None:
            _fix(paths, sources, context, registry, settings, outputs, fix, unsafe_fixes, show_diff,
                 add_suppressions, settings.fail_on, exit_zero)
        with _progress_bar(len(sources)) as advance:
            result = lint(sources, registry, settings, context, advance,
                          keep_text=any(name == "html" for name, _ in outputs),
                          keep_facts=any(name == "html" for name, _ in outputs),
                          keep_fixes=any(name in SHOW_FIXES for name, _ in outputs),
                          jobs=jobs or default_jobs(len(sources) + len(context)),
                          cache_folder=settings.cache_folder)
        result.errors[:0] = [error.render(settings.lang) for error in discovery_errors]
        _add_trend(result, settings, compare_path)
    except (ConfigError, PathError) as exc:
        _fail(exc)
    for message in dict.fromkeys(result.errors):  # one dead worker is one message, not one per file
        _status(message)
    try:
        if write_baseline:
            from planlint.baseline import write_baseline as record_baseline

            record_baseline(write_baseline, result.findings)
        elif prune_baseline and result.baseline is not None and result.stale_baseline:
            result.baseline.prune(result.stale_baseline)
    except ConfigError as exc:
        _fail(exc)
    if write_baseline:
        _status(builtin_message("baseline_written", count=len(result.findings), path=write_baseline,
                                **plural(len(result.findings))))
        sys.exit(2 if result.errors else 0)
    _say_stale_baseline(result, prune_baseline)
    _write_reports(outputs, result, registry, settings.lang, {"color": color, "quiet": quiet,
                                                              "statistics": statistics})
    sys.exit(_exit_status(result, settings.fail_on, exit_zero))


def _add_trend(result: Result, settings: Settings, compare_path: Optional[str]) -> None:
    """Score weights from config, and what changed since PREVIOUS.json (--compare)."""
    result.score = dict(settings.score)
    if compare_path:
        from planlint.directors.compare import compare, read_previous

        result.trend = compare(read_previous(compare_path), result.findings, result.files, compare_path)


def _fix(paths: Tuple[str, ...], sources: List[Source], context: List[Source], registry: Registry,
         settings: Settings, outputs: List[Tuple[str, Optional[str]]], fix: bool, unsafe: bool, diff: bool,
         reason: Optional[str], threshold: Severity, exit_zero: bool) -> NoReturn:
    """--fix, --diff and --add-suppressions: fix in memory, then write, diff or print the plan."""
    from planlint.cli import fix as fix_command

    if reason is not None and ("\n" in reason or "\r" in reason):
        _fail(builtin_message("reason_one_line"))
    request = fix_command.FixRequest(fix, unsafe, diff, reason, tuple(p for p in paths if p != "-") or (".",),
                                     settings.lang)
    result, files, problems, notices = fix_command.run(request, sources, context, registry, settings,
                                              html=any(name == "html" for name, _ in outputs))
    fixed, summary, any_diff = fix_command.finish(request, result, files, problems, sources)
    for message in list(result.errors) + problems + notices:
        _status(message)
    suppressed = sum(item.suppressed for item in files.values() if item.changed)
    if reason is not None and not diff:
        _status(builtin_message("suppressions_added", count=suppressed, **plural(suppressed)))
    summary = summary.render(settings.lang)
    to_stdout = not diff and not any(s.data is not None for s in sources if s.path in files and (fix or reason))
    if diff:
        click.echo(summary, err=True)
        sys.exit(2 if result.errors or problems else (1 if any_diff else 0))
    if to_stdout:
        _write_reports(outputs, result, registry, settings.lang)
        text_on_stdout = any(name == "text" and target is None for name, target in outputs)
        click.echo(summary, err=not text_on_stdout)
    else:  # the fixed plan went to standard output: the report goes to standard error
        from planlint.reporters import get_reporter

        click.echo(get_reporter("text")(result, registry, color=False, lang=settings.lang), err=True, nl=False)
        click.echo(summary, err=True)
    sys.exit(2 if result.errors or problems else _exit_status(result, threshold, exit_zero))


PROGRESS_MIN_FILES = 300


@contextlib.contextmanager
def _progress_bar(total: int) -> Iterator[Optional[Callable[[], None]]]:
    """A bar on standard error for long runs at a terminal; nothing when piped."""
    if total <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=_say("progress"), file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _say_stale_baseline(result: Result, pruned: bool) -> None:
    if result.baseline is None or not result.stale_baseline:
        return
    count, path = len(result.stale_baseline), result.baseline.path
    _status(builtin_message("baseline_pruned" if pruned else "baseline_stale", count=count, path=path, **plural(count)))


def _parse_outputs(formats: Tuple[str, ...], output: Optional[str]) -> List[Tuple[str, Optional[str]]]:
    """[(format, file or None for stdout)]; --output takes the first format without a file."""
    from planlint.errors import ConfigError

    outputs = []
    for spec in formats or ("text",):
        name, _, target = spec.partition(":")
        if name not in FORMATS:
            raise ConfigError(builtin_message("bad_format", name=name, formats=say(
                {"en": ", ".join(FORMATS), "zh": "、".join(FORMATS)})))
        outputs.append((name, target or None))
    if output:
        index = next((i for i, (_, target) in enumerate(outputs) if target is None), None)
        if index is None:
            raise ConfigError(builtin_message("output_taken"))
        outputs[index] = (outputs[index][0], output)
    if sum(target is None for _, target in outputs) > 1:
        raise ConfigError(builtin_message("two_stdout"))
    return outputs


def _refuse_unsafe_targets(outputs: List[Tuple[str, Optional[str]]], write_baseline: Optional[str],
                           inputs: List[Optional[str]], sources: List[Source], settings: Settings) -> None:
    """Before anything is written: no report or baseline may replace a plan, a
    config file or the baseline being read, and no two may share a file."""
    from planlint.discover import CONFIG_NAMES
    from planlint.errors import ConfigError
    from planlint.atomic import is_regular_target

    protected = {os.path.realpath(s.fs_path or s.path): "a plan being linted" for s in sources if s.data is None}
    if settings.config_file:
        protected[os.path.realpath(settings.config_file)] = "the config file"
    for path, what in zip(inputs, ("the baseline being read", "the report being compared with")):
        if path:
            protected.setdefault(os.path.realpath(path), what)
    targets = [(f"--format {name}", target) for name, target in outputs if target is not None]
    targets += [("--write-baseline", write_baseline)] if write_baseline else []
    claimed: dict = {}
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


def _sources(settings: Settings, paths: Tuple[str, ...], stdin_filename: Optional[str], errors: List[Text]
             ) -> Tuple[List[Source], List[Source]]:
    from planlint.discover import Source, discover, split_stdin, visible_path
    from planlint.errors import ConfigError

    if stdin_filename is not None and paths and "-" not in paths:
        raise ConfigError(builtin_message("stdin_filename_alone"))
    files, use_stdin = split_stdin(paths or (("-",) if stdin_filename is not None else (".",)))
    notices: List[Text] = []
    sources = discover(files, settings.exclude, settings.config_root, notices, errors)
    if use_stdin:  # read no more than a file may hold: `yes | planlint -` must end
        shown = visible_path(stdin_filename) if stdin_filename else "-"
        sources.append(Source(shown, data=sys.stdin.buffer.read(settings.limits.max_bytes + 1)))
    named = {os.path.realpath(s.fs_path or s.path) for s in sources if s.data is None}
    if use_stdin and stdin_filename:  # the file on disk is the one being edited: never itself twice
        named.add(os.path.realpath(stdin_filename))
    context = [s for s in discover(settings.paths, settings.exclude, settings.config_root, notices, errors)
               if os.path.realpath(s.fs_path or s.path) not in named] if settings.paths else []
    for notice in dict.fromkeys(notice.render(settings.lang) for notice in notices):
        _status(builtin_message("notice", notice=notice))
    if not sources and errors:
        raise ConfigError("\n".join(error.render(settings.lang) for error in errors))  # the paths' own messages
    if not sources:
        raise ConfigError(builtin_message("no_plans", paths=", ".join(map(visible_path, files))))
    return sources, context


def _write_reports(outputs: List[Tuple[str, Optional[str]]], result: Result, registry: Registry,
                   lang: str, display: Optional[dict] = None) -> None:
    from planlint.atomic import text_blocks, write_report
    from planlint.reporters import get_chunks

    display = display or {}
    for name, target in outputs:
        if target is None and sys.stdout is None:
            _fail(builtin_message("stdout_closed", name=name))
        color = target is None and _use_color(display.get("color", "auto"))
        # --quiet and --statistics shape the text report only
        extra = {"quiet": bool(display.get("quiet")), "statistics": bool(display.get("statistics"))}
        report = get_chunks(name)(result, registry, color=color, lang=lang, **(extra if name == "text" else {}))
        if target is None:
            for block in text_blocks(report):
                click.echo(block, nl=False, color=color or None)  # click strips colour off a pipe unless told
        else:
            try:
                write_report(target, report)
            except OSError as exc:  # the old report, if any, is left as it was
                _fail(builtin_message("report_unwritable", name=name, target=target, reason=exc.strerror or exc))
        if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], result, registry, lang)


def _append_step_summary(path: str, result: Result, registry: Registry, lang: str) -> None:
    from planlint.reporters.github_format import step_summary

    try:  # O_NONBLOCK: a FIFO nobody reads is an error, not a hang
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o666)
        with os.fdopen(descriptor, "a", encoding="utf-8") as summary:
            summary.write(step_summary(result, registry, lang))
    except OSError as exc:
        _fail(builtin_message("step_summary_unwritable", path=path, reason=exc.strerror or exc))


def _use_color(choice: str) -> bool:
    """--color always|never wins; auto: FORCE_COLOR (CI logs), else NO_COLOR, else a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _exit_status(result: Result, fail_on: Severity, exit_zero: bool) -> int:
    if result.errors:
        return 2
    failing = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return 1 if failing and not exit_zero else 0


def _fail(message: Union[str, Text, Exception]) -> NoReturn:
    from planlint.errors import ConfigError

    lang = _language()
    if isinstance(message, ConfigError):
        message = message.render(lang)
    elif isinstance(message, Text):
        message = message.render(lang)
    click.echo(f"planlint: error: {message}" if lang == "en" else f"planlint：错误：{message}", err=True)
    sys.exit(2)


_PROTECTED_ZH = {"a plan being linted": "正在检查的计划文件", "the config file": "配置文件",
                 "the baseline being read": "正在读取的基线文件", "a config file": "配置文件"}


def _language() -> str:
    """The run's language: --lang, the config's `lang`, the locale (planlint.cli.language)."""
    return cli_language.language()


def _status(message: Union[str, Text]) -> None:
    """A line on standard error that is not a finding: `planlint: wrote 3 findings to the baseline …`."""
    lang = _language()
    said = message.render(lang) if isinstance(message, Text) else message
    click.echo(("planlint: " if lang == "en" else "planlint：") + said, err=True)


def _say(name: str, **args: Any) -> str:
    from planlint.messages import builtin_message

    return builtin_message(name, **args).render(_language())


# Whether a rule runs with no configuration (SPEC 8), as `planlint rules` shows it.
ENABLEMENT = {"en": {True: "default", False: "opt-in"}, "zh": {True: "默认", False: "需启用"}}


def _padded(word: str, width: int) -> str:
    """`word` filled to `width` terminal columns: a Chinese character takes two."""
    return word + " " * max(1, width - cli_language.columns(word))


@cli.command("rules", help_zh="列出所有规则：代码、名称、严重程度和说明。")
@_LANG_OPTION
def list_rules(lang: Optional[str]) -> None:
    """List every rule: code, name, severity, summary."""
    cli_language.choose(lang)
    registry, lang = _registry_and_language(lang)
    rules = registry.ordered()
    code_width = max((len(rule.code) for rule in rules), default=5)  # a rule pack's `ACME001` lines up too
    for rule in rules:
        severity, enabled = SEVERITY_NAMES[lang][rule.severity.value], ENABLEMENT[lang][rule.on_by_default]
        click.echo(f"{rule.code:<{code_width}}  {rule.name:<34} {_padded(severity, 9)}{_padded(enabled, 9)}"
                   f"{rule.title(lang)}")


@cli.command("explain", help_zh="按代码或名称解释一条规则：检查什么、为什么重要、错误写法和正确写法。")
@click.argument("rule")
@_LANG_OPTION
def explain(rule: str, lang: Optional[str]) -> None:
    """Explain a rule by code or name: what it does, why, an example and its fix."""
    cli_language.choose(lang)
    from planlint.explain import render_explanation

    registry, lang = _registry_and_language(lang)
    code = registry.resolve(rule)
    if code is None:
        _fail(builtin_message("not_a_rule", rule=rule))
    click.echo(render_explanation(registry.rules[code], lang))


def _registry_and_language(lang: Optional[str]) -> Tuple[Registry, str]:
    """The rules the config's plugins add, and the language; for `rules` and `explain`."""
    from planlint.config import load_settings
    from planlint.errors import ConfigError

    try:
        settings, registry = load_settings(lang=lang)
    except ConfigError as exc:
        _fail(exc)
    return registry, settings.lang


@cli.command("schema", help_zh="输出计划格式的 JSON Schema（供编辑器和 yaml-language-server 使用）。")
def schema() -> None:
    """Print the plan format's JSON Schema (for editors and yaml-language-server)."""
    from planlint.schema.validate import schema_text

    click.echo(schema_text(), nl=False)


@cli.command("init", help_zh="生成一份带注释、能通过所有规则的计划模板（--lang zh 时为中文）。")
@click.argument("file", type=click.Path(dir_okay=False))
@option("--today", callback=_parse_today, help="The date the plan is written, YYYY-MM-DD: it plans the year after.",
        help_zh="计划的编写日期，YYYY-MM-DD 格式：模板会规划下一年。")
@_LANG_OPTION
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
    template = with_modeline(plan_template(language, today or dt.date.today()), file)
    folder = os.path.dirname(file)
    try:
        if folder and not os.path.isdir(folder):
            os.makedirs(folder)
    except OSError as exc:
        _fail(builtin_message("folder_uncreatable", folder=folder, reason=exc.strerror or exc))
    try:
        with open(file, "x", encoding="utf-8") as handle:  # "x": never overwrite a plan
            handle.write(template)
    except FileExistsError:
        _fail(builtin_message("init_exists", file=file))
    except OSError as exc:
        _fail(builtin_message("init_unwritable", file=file, reason=exc.strerror or exc))
    click.echo(builtin_message("init_written", file=file).render(language))


@cli.command("server", help_zh="通过标准输入输出运行语言服务器（需要安装 `lsp` 扩展）。")
def server() -> None:
    """Run the language server on standard input and output (needs the `lsp` extra)."""
    from planlint.server import INSTALL_HINT

    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        _fail(say(INSTALL_HINT))
    from planlint.server import main as serve

    sys.exit(serve())


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # never a traceback for users; exit 2 says "not a verdict"
        _status(builtin_message("internal_error", error=f"{type(exc).__name__}: {exc}"))
        sys.exit(2)
