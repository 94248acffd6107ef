"""Plan bytes -> text, with a helpful word when the bytes are not UTF-8."""
from __future__ import annotations

import codecs
from typing import Optional, Tuple

from planlint.api import Text
from planlint.messages import builtin_message

Where = Tuple[int, int, Text]


def text_bytes(text: str) -> bytes:
    """A plan's text held in memory (an editor's buffer) as the bytes to lint. A lone
    surrogate, half of a character that no file can hold, stays in place as three
    bytes that decoding then reports at their line: only that plan gets a finding."""
    return text.encode("utf-8", "surrogatepass")


def decode_plan_bytes(raw: bytes) -> Tuple[str, Optional[Where]]:
    """Return (text, None), or ("", (line, column, message)) when undecodable."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        try:
            return raw.decode("utf-32"), None
        except UnicodeDecodeError:
            return "", (1, 1, builtin_message("utf16_broken"))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return "", (1, 1, builtin_message("utf16_broken"))
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return "", _where_not_utf8(raw, exc.start)


def _where_not_utf8(raw: bytes, offset: int) -> Where:
    # Lines end with LF, CRLF or a lone CR (an old Mac file): count each once.
    line = raw.count(b"\n", 0, offset) + raw.count(b"\r", 0, offset) - raw.count(b"\r\n", 0, offset) + 1
    line_start = max(raw.rfind(b"\n", 0, offset), raw.rfind(b"\r", 0, offset)) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    byte = raw[offset]
    if b"\x00" in raw[:8192]:
        return 1, 1, builtin_message("binary")
    surrogate = raw[offset:offset + 3]
    if len(surrogate) == 3 and byte == 0xED and 0xA0 <= surrogate[1] <= 0xBF and 0x80 <= surrogate[2] <= 0xBF:
        code = ord(surrogate.decode("utf-8", "surrogatepass"))
        return line, column, builtin_message("lone_surrogate", line=line, code=f"{code:04X}")
    key = "not_utf8_gbk" if _looks_like_gbk(raw) else "not_utf8"
    return line, column, builtin_message(key, byte=f"{byte:02X}", line=line)


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        decoded = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in decoded)
