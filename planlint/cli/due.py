"""`planlint due`: what each account manager must do next, as a list, JSON or a
calendar. The same run as a check (discovery, config, `paths:`, selection,
language), asked to keep what is due; exit 0, or 2 when the run had errors."""
from __future__ import annotations

from typing import Any

import click

from planlint.cli import language as cli_language
from planlint.cli.language import BilingualCommand, argument, option
from planlint.cli.options import LANG_OPTION, CheckOptions, global_options, parse_today, selection_options
from planlint.directors.due import MAX_WITHIN

DUE_FORMATS = ("text", "json", "ics")


@global_options("--color", "--quiet")
@click.command("due", cls=BilingualCommand,
               help_zh="列出每位大客户经理接下来要做的事：计划里的里程碑、规则即将报告的截止日期和已逾期的问题。")
@argument("paths", nargs=-1, metavar_zh="路径")
@option("--within", type=click.IntRange(0, MAX_WITHIN), default=30, show_default=True, metavar_zh="天数",
        help="List what falls within this many days from today (both ends included).",
        help_zh="列出从今天起这么多天之内的事项（含首尾两天）。")
@option("--today", callback=parse_today, metavar_zh="日期", help="The run's date, YYYY-MM-DD (default: the system date).",
        help_zh="本次运行使用的日期，YYYY-MM-DD 格式（默认为系统日期）。")
@option("--format", "due_format", type=click.Choice(DUE_FORMATS), default="text", show_default=True, metavar_zh="格式",
        help="text (grouped by date), json, or ics (a calendar to import).",
        help_zh="输出格式：`text` 按日期分组列出，`ics` 是可导入日历的文件。")
@option("--output", "-o", type=click.Path(dir_okay=False),
        help="Write to FILE instead of standard output, atomically.",
        help_zh="写入这个文件，而不是输出到屏幕；文件一次写好，不会只写一半。")
@selection_options
@option("--no-cache", is_flag=True, help="Neither read nor write the .planlint_cache folder.",
        help_zh="不读也不写 .planlint_cache 文件夹。")
@option("--jobs", "-j", type=click.IntRange(min=1), metavar_zh="进程数",
        help="Worker processes (default: all cores for runs of 300 files or more, else 1).",
        help_zh="工作进程数（默认：300 个及以上文件时用上所有 CPU 核，否则为 1）。")
@LANG_OPTION
def due(within: int, due_format: str, **given: Any) -> None:
    """List what each account manager must do next: milestones, deadlines, overdue findings."""
    options = CheckOptions(formats=(due_format,), **given)
    cli_language.choose(options.lang)
    from planlint.cli.due_run import DueRun

    DueRun(options, within).execute()
