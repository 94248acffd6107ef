"""`planlint check` (and `planlint PATH...`): the options of a lint run."""
from __future__ import annotations

from typing import Any

import click

from planlint.cli import language as cli_language
from planlint.cli.language import BilingualCommand, argument, option
from planlint.cli.options import LANG_OPTION, CheckOptions, no_command_typo, parse_today, selection_options
from planlint.reporters import FORMATS

SEVERITIES = ("error", "warning", "info")


@click.command("check", cls=BilingualCommand, help_zh="检查计划文件和文件夹。")
@argument("paths", nargs=-1, metavar_zh="路径")
@option("--format", "formats", multiple=True, metavar="FORMAT[:FILE]", metavar_zh="格式[:文件]",
        help=f"Output format: {', '.join(FORMATS)}. Repeat it for several reports in one "
             "run; FORMAT:FILE writes that report to FILE.",
        help_zh=f"报告格式，可选 {'、'.join(f'`{name}`' for name in FORMATS)}。可以重复使用，一次生成多份报告；"
                "写成 `格式:文件`（如 `html:report.html`）时，把这份报告写入该文件。")
@option("--output", "-o", type=click.Path(dir_okay=False),
        help="Write the (first) report to FILE instead of standard output, atomically.",
        help_zh="把（第一份）报告写入这个文件，而不是输出到屏幕；文件一次写好，不会只写一半。")
@selection_options
@option("--today", callback=parse_today, metavar_zh="日期", help="The run's date, YYYY-MM-DD (default: the system date).",
        help_zh="本次检查使用的日期，YYYY-MM-DD 格式（默认为系统日期）。")
@option("--fail-on", type=click.Choice(SEVERITIES), metavar_zh="严重程度",
        help="Lowest severity that makes the exit status 1 (default: error).",
        help_zh="达到这个严重程度（或更高）时退出状态为 1（默认：`error`）。")
@option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.",
        help_zh="即使发现问题，退出状态也为 0。")
@option("--stdin-filename", metavar_zh="文件名", help="The path to show for a plan read from `-`.",
        help_zh="从 `-`（标准输入）读入的计划显示成这个文件名。")
@option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
        help="Report only findings that are not in this baseline file.",
        help_zh="只报告这个基线文件里没有的问题。")
@option("--write-baseline", type=click.Path(dir_okay=False),
        help="Record today's findings in FILE as the baseline, and exit 0.",
        help_zh="把当前的问题记录到这个基线文件中，退出状态为 0。")
@option("--prune-baseline", is_flag=True, help="Remove fixed findings from the baseline file.",
        help_zh="从基线文件中删除已经修复的问题。")
@option("--compare", "compare_path", type=click.Path(dir_okay=False), metavar="PREVIOUS.json", metavar_zh="上次的报告.json",
        help="Mark findings that are new since an earlier run's JSON report and list those fixed.",
        help_zh="与之前一次运行的 JSON 报告比较：标出新出现的问题，并列出已修复的问题。")
@option("--no-cache", is_flag=True, help="Neither read nor write the .planlint_cache folder.",
        help_zh="不读也不写 .planlint_cache 文件夹。")
@option("--respect-gitignore/--no-respect-gitignore", default=None,
        help="Skip the files git ignores (.gitignore, .git/info/exclude, global excludes) in the folders "
             "walked (default: on, or the config's `respect-gitignore`); named files are always linted.",
        help_zh="遍历文件夹时跳过被 git 忽略的文件（.gitignore、.git/info/exclude、全局忽略规则；"
                "默认开启，或按配置的 `respect-gitignore`）；直接写出的文件名总会检查。")
@option("--changed-since", metavar="REF", metavar_zh="提交",
        help="Lint only the plans that differ from git REF (added, modified, renamed, new); every plan "
             "under the config's `paths` still counts for the cross-file rules.",
        help_zh="只检查与这个 git 提交相比有改动的计划（新增、修改、重命名、未跟踪的新文件）；"
                "跨文件规则仍会看到配置 `paths` 下的所有计划。")
@option("--jobs", "-j", type=click.IntRange(min=1), metavar_zh="进程数",
        help="Worker processes (default: all cores for runs of 300 files or more, else 1).",
        help_zh="工作进程数（默认：300 个及以上文件时用上所有 CPU 核，否则为 1）。")
@option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True, metavar_zh="方式",
        help="Colour the text report: auto colours a terminal (NO_COLOR turns it off, FORCE_COLOR on, "
             "as in CI logs).",
        help_zh="给文本报告加颜色：`auto` 表示输出到终端时加颜色（设置了 NO_COLOR 就不加，设置了 FORCE_COLOR "
                "就加，适用于 CI 日志）。")
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
        help_zh="显示 --fix 会做的修改（`diff` 格式），不写入任何文件（有修改时退出状态为 1）。")
@option("--add-suppressions", metavar="REASON", metavar_zh="原因",
        help="Write `# planlint: disable=CODE -- REASON` on each line that has a finding.",
        help_zh="在每个有问题的行末写上 `# planlint: disable=规则代码 -- 原因`。")
@LANG_OPTION
def check(**given: Any) -> None:
    """Lint plan files and folders."""
    options = CheckOptions(**given)
    cli_language.choose(options.lang)
    if len(options.paths) == 1:  # `planlint --lang zh rule`: one path, a typo
        commands = click.get_current_context().find_root().command
        others = [c for c in getattr(commands, "commands", {}) if c != "check"]
        no_command_typo(options.paths[0], others, options.lang)
    from planlint.cli.run import CheckRun

    CheckRun(options).execute()
