"""The language of the command line itself: click's own texts (`Usage:`, `Error: No such
option`, `--help`) and planlint's usage errors, decided before the options are parsed.

The language is `--lang` when the arguments hold it (even after a bad option), then
the config's `lang` (the config `--config` names, none with `--isolated`), then the
locale: planlint.config decides it (language_before_settings), as for every other
message, from the raw arguments because a usage error stops click before it has
parsed `--lang`.

click reads each of its texts through gettext (`from gettext import gettext as _` in
its modules); planlint hands it a catalog written in code (CLICK_ZH) for the length
of a run instead of a compiled .mo file. The help of planlint's own commands and
options is written next to the English (`help_zh=`).
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Sequence

import click

from planlint.cli import placeholders

# click's texts (8.x msgids) as a Chinese reader would want them; placeholders unchanged.
CLICK_ZH: Dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 `{command} {option}` 查看帮助。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "Did you mean {possibility}?": "（是否应为 {possibility}？）",
    "(Did you mean one of: {possibilities}?)": "（是否应为 {possibilities} 之一？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Got unexpected extra argument ({args})": "多了一个用不上的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多了几个用不上的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 后面要写一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 后面要写 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 后面不能写值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 要写 {nargs} 个值。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的整数。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围内（{range}）。",
    # {name} is click's "File"/"Directory", set when planlint is imported, before this catalog is used
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{filename!r} 不可写。",
    "file": "文件", "directory": "文件夹", "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已中止！",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "default: {default}": "默认：`{default}`",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
}

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")
_RUN: Dict[str, Any] = {"active": False, "argv": [], "chosen": None, "resolved": None}


def begin(argv: Sequence[str]) -> None:
    """A run starts: its arguments decide the language until a command knows it."""
    _RUN.update(active=True, argv=list(argv), chosen=None, resolved=None)
    _hand_catalog_to_click()


def end() -> None:
    """The run is over: click gets its own gettext back."""
    _RUN.update(active=False, chosen=None, resolved=None)
    _give_click_its_gettext_back()


def choose(lang: Optional[str]) -> None:
    """A command's parsed `--lang`, then its settings' language, once they are known."""
    _RUN["chosen"] = lang


def language() -> str:
    if _RUN["chosen"]:
        return str(_RUN["chosen"])
    if _RUN["resolved"] is None:
        _RUN["resolved"] = _from_arguments(_RUN["argv"])
    return str(_RUN["resolved"])


def _option_value(argv: List[str], name: str) -> Optional[str]:
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1:]
    return None


def without_lang(argv: List[str]) -> List[str]:
    """`planlint --help --lang zh`: the group itself has no `--lang`; its language is already known."""
    kept: List[str] = []
    skip = False
    for arg in argv:
        if skip or arg.startswith("--lang="):
            skip = False
            continue
        skip = arg == "--lang"
        if not skip:
            kept.append(arg)
    return kept


def _from_arguments(argv: List[str]) -> str:
    from planlint.config import language_before_settings

    return language_before_settings(_option_value(argv, "--lang"), _option_value(argv, "--config"),
                                    "--isolated" in argv)


class _Sentence(str):
    """`错误：{message}`, where click has filled in English punctuation: its `'--x'`
    quotes become code spans, a list of them is joined with `、`, and no ASCII full stop
    or space is left between Chinese clauses."""

    def format(self, *args: Any, **kwargs: Any) -> str:
        said = re.sub(r'"([^"]*)"', r"`\1`", str.format(self, *args, **kwargs))  # click's repr() of `it's`
        said = re.sub(r"'([^'\"`]*)'", r"`\1`", said)
        said = placeholders.ranges(said)
        said = said.replace("`, `", "`、`").replace("。 （", "（")
        return said[:-1] + "。" if said.endswith(".") else said


class Bilingual(str):
    """A %-template click fills in when it is shown (`--version`), in the run's language."""

    chinese = ""

    def __mod__(self, values: Any) -> str:
        return (self.chinese if language() == "zh" else str(self)) % values


def bilingual(english: str, chinese: str) -> Bilingual:
    said = Bilingual(english)
    said.chinese = chinese
    return said


def _gettext(message: str) -> str:
    if _RUN["active"] and language() == "zh":
        chinese = CLICK_ZH.get(message, message)
        return _Sentence(chinese) if message == "Error: {message}" else chinese
    return message


def click_text(message: str) -> str:
    """One of click's own texts ("Options"), in the run's language."""
    return _gettext(message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


_OURS = {"_": (gettext.gettext, _gettext), "ngettext": (gettext.ngettext, _ngettext)}


def _hand_catalog_to_click() -> None:
    _swap(lambda theirs, ours: (theirs, ours))


def _give_click_its_gettext_back() -> None:
    _swap(lambda theirs, ours: (ours, theirs))


def _swap(pick: Callable[[Any, Any], Any]) -> None:
    """In each click module, the gettext function found (`was`) becomes `put`."""
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        for attribute, pair in _OURS.items():
            was, put = pick(*pair)
            if getattr(module, attribute, None) is was:
                setattr(module, attribute, put)


_NO_LINE_START = "，。；：、）》？！"  # Chinese punctuation stays at the end of the line before
_NO_LINE_END = "（《“"  # an opening bracket goes with what it opens
# a code span whole, a run of ASCII (a word, an option), a space, one character
_TOKENS = re.compile(r"`[^`\n]*`|[!-~]+|\s+|.")


def columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_chinese(text: str, width: int) -> List[str]:
    """Lines of at most `width` terminal columns: Chinese breaks between any two
    characters, an ASCII word (`--fix`, `html`) or a code span never; punctuation such as
    `，` never starts a line and an opening `（` never ends one (the word before or after
    moves with it)."""
    lines: List[str] = []
    line: List[str] = []  # the tokens of the line being filled
    for token in _TOKENS.findall(" ".join(text.split())):
        if columns("".join(line) + token) > width and "".join(line).strip():
            keep = len(line)
            if token in _NO_LINE_START and keep > 1:
                keep -= 1  # the character before it goes down too
                while keep > 1 and line[keep] in _NO_LINE_START:
                    keep -= 1  # 期）。: the bracket may not start the line either
            while keep > 1 and line[keep - 1] in _NO_LINE_END:
                keep -= 1
            lines.append("".join(line[:keep]).rstrip())
            rest = line[keep:]
            line = rest[1:] if rest and rest[0].isspace() else rest
            if token.isspace() and not line:
                continue
        line.append(token)
    return lines + ["".join(line).rstrip()] if "".join(line).strip() else lines


class _Formatter(click.HelpFormatter):
    """click's help layout, with Chinese headings, usage and line breaks under zh."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None and language() == "zh" else prefix)

    def write_heading(self, heading: str) -> None:
        if language() != "zh":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if language() != "zh":
            return super().write_text(text)
        for line in wrap_chinese(text, self.width - self.current_indent):
            self.write(f"{'':>{self.current_indent}}{line}\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        if language() != "zh":
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max((columns(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - columns(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_chinese(second, max(self.width - self.current_indent - first_col, 20)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Bilingual:
    """A command whose help has a Chinese version (`help_zh=`)."""

    help_zh: Optional[str] = None
    context_class = _Context

    def _chinese_help(self) -> Optional[str]:
        return self.help_zh if self.help_zh and language() == "zh" else None

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        chinese = self._chinese_help()
        if chinese is None:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
            return
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(chinese)

    def get_short_help_str(self, limit: int = 45) -> str:
        chinese = self._chinese_help()
        if chinese is None:
            return super().get_short_help_str(limit)  # type: ignore[misc]
        return chinese.split("。")[0] + "。"

    def collect_usage_pieces(self, ctx: click.Context) -> List[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [placeholders.usage_piece(p) for p in pieces] if language() == "zh" else pieces

    def get_help_option(self, ctx: click.Context) -> Optional[click.Option]:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # click makes it once per command: it speaks each run's language
            option.help = _gettext("Show this message and exit.")
        return option


class BilingualCommand(_Bilingual, click.Command):
    def __init__(self, *args: Any, help_zh: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh = help_zh


class BilingualGroup(_Bilingual, click.Group):
    command_class = BilingualCommand

    def __init__(self, *args: Any, help_zh: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh = help_zh

    def main(self, args: Optional[Sequence[str]] = None, *rest: Any, **kwargs: Any) -> Any:
        import sys

        begin(sys.argv[1:] if args is None else args)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            end()


class BilingualOption(click.Option):
    """An option with a Chinese help (`help_zh=`) and placeholder (`metavar_zh=`; else from its type)."""

    def __init__(self, *args: Any, help_zh: Optional[str] = None, metavar_zh: Optional[str] = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh, self.metavar_zh = help_zh, metavar_zh

    def make_metavar(self, ctx: click.Context) -> str:
        if language() != "zh":
            return super().make_metavar(ctx)
        return placeholders.option_metavar(self, ctx, self.metavar_zh)

    def get_help_record(self, ctx: click.Context) -> Any:
        if not (self.help_zh and language() == "zh"):
            return super().get_help_record(ctx)
        english, self.help = self.help, self.help_zh + placeholders.choices(self)
        try:
            name, help_text = super().get_help_record(ctx)
        finally:
            self.help = english
        return name, _extras_in_chinese(help_text)


def _extras_in_chinese(help_text: str) -> str:
    """click's `  [默认：auto]` / `  [x>=1]` after a Chinese help: `（默认：auto）。`, `（至少为 1）。`"""
    match = re.fullmatch(r"(.*?)(。?)\s+\[(.*)\]", help_text, flags=re.S)
    if match is None:
        return help_text
    extra = placeholders.ranges(match.group(3)).replace("; ", "；")
    if match.group(1).endswith("）"):  # one parenthesis, not two in a row
        return f"{match.group(1)[:-1]}；{extra}）{match.group(2)}"
    return f"{match.group(1)}（{extra}）{match.group(2)}"


def option(*decls: str, **kwargs: Any) -> Callable[[Any], Any]:
    """click.option with a Chinese help (`help_zh=`) and placeholder (`metavar_zh=`)."""
    return click.option(*decls, cls=BilingualOption, **kwargs)


class BilingualArgument(click.Argument):
    """An argument with a Chinese placeholder (`metavar_zh=`): `规则`, `[路径]...`."""

    def __init__(self, *args: Any, metavar_zh: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metavar_zh = metavar_zh

    def make_metavar(self, ctx: click.Context) -> str:
        if language() != "zh":
            return super().make_metavar(ctx)
        return placeholders.argument_metavar(self, self.metavar_zh)


def argument(*decls: str, **kwargs: Any) -> Callable[[Any], Any]:
    """click.argument with a Chinese placeholder (`metavar_zh=`)."""
    return click.argument(*decls, cls=BilingualArgument, **kwargs)
