"""Errors that end a run with exit status 2 and a message for people, never a traceback;
and why a file could not be read or written, in words (never a library's English under zh)."""
from __future__ import annotations

import errno
import json
import re
from typing import Optional, Union

from planlint.api import Text, fill


class ConfigError(Exception):
    """A usage or configuration mistake: exit status 2 with this message, in the run's language."""

    def __init__(self, message: Union[str, Text]) -> None:
        super().__init__(message if isinstance(message, str) else message.render("en"))
        self.message = message

    def render(self, lang: str = "en") -> str:
        return self.message if isinstance(self.message, str) else self.message.render(lang)


class Unreadable(ValueError):
    """A file planlint reads (a baseline, an earlier report) that is not what it should be."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.render("en"))
        self.reason = reason


def reason_of(exc: BaseException) -> Union[Text, str]:
    """Why reading or writing a file failed, in the run's language when shown."""
    if isinstance(exc, Unreadable):
        return exc.reason
    if isinstance(exc, OSError):
        return os_reason(exc)
    if isinstance(exc, json.JSONDecodeError):
        return json_reason(exc)
    if isinstance(exc, UnicodeDecodeError):
        return fill({"en": "not UTF-8 text", "zh": "不是 UTF-8 文本"})
    return str(exc)


def code_error(exc: BaseException) -> Text:
    """A plugin's or a rule's own exception: Python's words are code, so Chinese shows them as a code
    span, except a module that is not installed, which a team can act on."""
    english = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return fill({"en": "{english}", "zh": "找不到模块 `{name}`（请先安装它，或检查名字是否写错）"},
                   english=english, name=exc.name)
    return fill({"en": "{english}", "zh": "`{english}`"}, english=english)


# What the operating system said, as a Chinese reader's own system would say it.
_ERRNO_ZH = {
    errno.ENOENT: "没有这个文件或文件夹", errno.EACCES: "没有权限", errno.EPERM: "不允许这样操作",
    errno.EISDIR: "这是文件夹，不是文件", errno.ENOTDIR: "路径中有一部分不是文件夹", errno.EEXIST: "文件已存在",
    errno.ENOSPC: "磁盘空间不足", errno.EROFS: "文件系统是只读的", errno.ELOOP: "符号链接太多（也许是循环链接）",
    errno.ENAMETOOLONG: "文件名太长", errno.EMFILE: "打开的文件太多", errno.ENFILE: "打开的文件太多",
    errno.EBUSY: "文件正被占用", errno.ENXIO: "没有读取方（管道的另一端没有程序在读）", errno.EIO: "读写设备出错",
    errno.EAGAIN: "暂时无法读写，请稍后再试", errno.ENOTEMPTY: "文件夹不是空的", errno.EXDEV: "不能跨文件系统移动文件",
    errno.EFBIG: "文件太大", errno.ETXTBSY: "文件正被占用", errno.EINVAL: "参数无效",
    getattr(errno, "EDQUOT", -1): "超出了磁盘配额",
}


def os_reason(exc: OSError) -> Text:
    """`No such file or directory` / `没有这个文件或文件夹`; an errno without Chinese words names its code."""
    if isinstance(exc.strerror, Text):  # planlint's own refusal, raised as an OSError (planlint.atomic)
        return exc.strerror
    english = exc.strerror or str(exc)
    chinese = _ERRNO_ZH.get(exc.errno or -1)
    if chinese is None:
        code = errno.errorcode.get(exc.errno or -1)
        chinese = f"系统错误 `{code}`" if code else "系统错误"
    return fill({"en": "{english}", "zh": chinese}, english=english)


# json.JSONDecodeError's words (its `msg`, before the position) in Chinese.
_JSON_ZH = {
    "Expecting property name enclosed in double quotes": "名称要用双引号括起来（也许多了一个逗号）",
    "Expecting value": "这里缺少一个值（也许多了一个逗号，或文件是空的）",
    "Expecting ',' delimiter": "缺少逗号 `,`", "Expecting ':' delimiter": "缺少冒号 `:`",
    "Extra data": "JSON 内容结束后还有多余的文字", "Unterminated string starting at": "引号没有结束",
    "Invalid control character at": "文字里有控制字符", "Invalid \\escape": "无效的转义 `\\`",
    "Invalid \\uXXXX escape": "无效的转义 `\\u`",
}
# tomllib's words, before " (at line L, column C)" or " (at end of document)".
_TOML_ZH = {
    "Expected ']' at the end of a table declaration": "表头缺少 `]`",
    "Expected ']]' at the end of an array declaration": "表头缺少 `]]`",
    "Invalid value": "这里缺少值，或值的写法不对（文字要加引号）", "Unclosed array": "方括号 `[` 没有对应的 `]`",
    "Unclosed inline table": "花括号 `{{` 没有对应的 `}}`", "Expected '=' after a key in a key/value pair": "名称后面缺少 `=`",
    "Expected newline or end of document after a statement": "一行只能写一项设置（也许值没有加引号）",
    "Cannot overwrite a value": "同一项设置写了两次", "Invalid statement": "这一行不是有效的 TOML",
    "Unterminated string": "引号没有结束", "Invalid initial character for a key part": "名称的第一个字符无效",
}
_TOML_AT = re.compile(r"^(?P<words>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S)


def json_reason(exc: ValueError) -> Text:
    """A JSON file that does not parse: where, and what is wrong, in words."""
    words, line, column = getattr(exc, "msg", str(exc)), getattr(exc, "lineno", None), getattr(exc, "colno", None)
    return _located(str(exc), _JSON_ZH.get(words, "这里的写法不是有效的 JSON"), line, column)


def toml_reason(exc: ValueError) -> Text:
    """A pyproject.toml that does not parse: where, and what is wrong, in words."""
    match = _TOML_AT.match(str(exc))
    words = match["words"] if match else str(exc)
    chinese = _TOML_ZH.get(words) or ("同一个表头写了两次" if words.startswith("Cannot declare") else
                                      "有不允许的字符（也许是没有结束的引号）" if words.startswith("Illegal character")
                                      else "这里的写法不是有效的 TOML")
    line = int(match["line"]) if match and match["line"] else None
    column = int(match["column"]) if match and match["column"] else None
    return _located(str(exc)[:200], chinese, line, column, at_end=bool(match) and line is None)


def _located(english: str, chinese: str, line: Optional[int], column: Optional[int], at_end: bool = False) -> Text:
    where = f"第 {line} 行第 {column} 列：" if line is not None else "文件末尾：" if at_end else ""
    return fill({"en": "{english}", "zh": where + chinese}, english=english)
