"""The placeholders of usage lines and help (`[OPTIONS]`, `FILE`, `INTEGER RANGE`,
`[PATHS]...`) in the run's language. A Chinese reader sees 文件, 整数, [选项], [路径]...;
the values a choice takes are typed as written, so the Chinese help lists them as code
(`error`、`warning`、`info`) after a Chinese placeholder (严重程度)."""
from __future__ import annotations

import re
from typing import Any, Optional

import click

# click's own placeholder, as a Chinese help says it, when an option or argument names none in Chinese.
BY_CLICK = {"FILE": "文件", "PATH": "路径", "DIRECTORY": "文件夹", "TEXT": "文字", "INTEGER": "整数",
            "INTEGER RANGE": "整数", "FLOAT": "数字", "FLOAT RANGE": "数字", "BOOLEAN": "true 或 false"}
# The pieces of a usage line that are not parameters.
USAGE = {"[OPTIONS]": "[选项]", "[PATHS]... | COMMAND [ARGS]...": "[路径]... | 命令 [参数]..."}


def option_metavar(param: click.Parameter, ctx: click.Context, chinese: Optional[str]) -> str:
    """`--output 文件`, `--jobs 整数`, `--fail-on 严重程度`."""
    word = chinese or BY_CLICK.get(param.type.name.upper(), "值")
    return word + ("..." if param.nargs != 1 else "")


def argument_metavar(param: click.Argument, chinese: Optional[str]) -> str:
    """`规则`, `文件`, `[路径]...`: click's brackets and dots around a Chinese word."""
    word = chinese or BY_CLICK.get(param.type.name.upper(), "值")
    word = word if param.required else f"[{word}]"
    return word + ("..." if param.nargs != 1 else "")


def usage_piece(piece: str) -> str:
    return USAGE.get(piece, piece)


def choices(param: click.Parameter) -> str:
    """`可选：`error`、`warning`、`info`。` for an option that takes one of some words."""
    if not isinstance(param.type, click.Choice):
        return ""
    return "可选：" + "、".join(f"`{choice}`" for choice in param.type.choices) + "。"


def ranges(text: str) -> str:
    """click's `0<=x<=36600`, `x>=1` in words: 0 到 36600, 至少为 1."""
    text = re.sub(r"(-?\d+)<=x<=(-?\d+)", r"\1 到 \2", text)
    text = re.sub(r"x>=(-?\d+)", r"至少为 \1", text)
    return re.sub(r"x<=(-?\d+)", r"至多为 \1", text)
