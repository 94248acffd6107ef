"""Human sentences for jsonschema errors: what is wrong, where, and what is right.

A value YAML read differently from what the user meant gets the spelling to
write instead; `planlint.fix.builtin` offers the same spellings as fixes.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, List, Optional, Union

from planlint.api import DataPath, Problem, Text, closest, name_list, path_in_words, split_items, value_at
from planlint.parse.positions import PositionIndex
from planlint.schema.compiled import json_key
from planlint.messages import builtin_message, description

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list", "object": "a mapping of keys"}
_YAML11_BOOLS = {"yes": "true", "no": "false", "on": "true", "off": "false", "true": "true", "false": "false",
                 "y": "true", "n": "false"}
_NUMBERISH = re.compile(r"^[-+]?(0[xXoObB]?[0-9a-fA-F_,]*|[0-9][0-9_,]*)(\.0*)?([eE][-+]?[0-9]+)?$")
# The other ways people write a date, one rule for the message's hint and for
# --fix (planlint.fix.builtin): a four-digit year, then month and day of one or two digits,
# separated by the same `/`, `.` or `-` both times, or by 年 and 月 (日 optional); spaces
# around the parts are allowed. Two different separators or the day first are left to
# the author, as is a date that does not exist.
_DATE_SPELLINGS = (re.compile(r"(?P<year>\d{4})\s*(?P<sep>[-/.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<day>\d{1,2})"),
                   re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日?"))
Hint = Union[str, Text]
Fits = Callable[[Any, dict], bool]


def missing_key(path: DataPath, key: str, positions: PositionIndex, data: Any = None) -> Problem:
    if positions.has_key(path + (key,)):
        return Problem(path + (key,), builtin_message("empty_required", path=path_in_words(data, path + (key,))), at="key")
    if not path:
        return Problem(path, builtin_message("missing_top_key", key=key))
    at = "key" if isinstance(path[-1], str) else "value"
    return Problem(path, builtin_message("missing_key", path=path_in_words(data, path), key=key), at=at)


def unknown_key_names(error: Any) -> List[str]:
    """The keys of an `additionalProperties` error's mapping that the schema does not allow."""
    known = error.schema.get("properties", {})
    patterns = list(error.schema.get("patternProperties", {}))
    return [key for key in error.instance if key not in known and not any(re.search(p, key) for p in patterns)]


def unknown_key(path: DataPath, key: str, error: Any, data: Any = None) -> Problem:
    known = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    if key == "<<":
        where: Hint = builtin_message("in_path", path=path_in_words(data, path)) if path else ""
        message = builtin_message("merge_key", where=where)
    elif not patterns and not known and path:  # a rule without options (the config's `rules:`)
        message = builtin_message("no_settings", path=path_in_words(data, path), key=key)
    else:
        # Without `x-` keys allowed this is the config file or a rule's options: settings, not fields.
        settings = not patterns
        guess = meant_key(key, error)
        hint: Hint = builtin_message("did_you_mean", guess=guess) if guess else builtin_message(
            "expected_settings" if settings else "expected_keys", keys=_listed(known))
        inside = "where_path" if settings else "where_inside"
        where = builtin_message(inside, path=path_in_words(data, path)) if path else builtin_message("where_top")
        message = builtin_message("unknown_setting" if settings else "unknown_key", key=key, where=where, hint=hint)
    return Problem(path + (key,), message, at="key")


def meant_key(key: str, error: Any) -> Optional[str]:
    """The allowed key a misspelled `key` most likely stands for (one the mapping lacks, first)."""
    known = list(error.schema.get("properties", {}))
    return closest(key, [k for k in known if k not in error.instance]) or closest(key, known)


def not_allowed_key(path: DataPath, error: Any, data: dict) -> Problem:
    """A key of the other plan type, e.g. `cadence` on a project plan."""
    owner = error.schema.get("description", "a key of another plan type")
    plan = value_at(data, path[:-1])
    plan_type = str(plan.get("type", "this")) if isinstance(plan, dict) else "this"
    article = "an" if plan_type[:1] in "aeiou" else "a"
    type_zh = {"project": "项目", "operational": "运营"}.get(plan_type, plan_type)
    return Problem(path, builtin_message("other_type_key", path=path_in_words(data, path[:-1]), key=path[-1],
                              owner=description(owner), article=article, type=plan_type, type_zh=type_zh),
                   at="key")


def describe_error(path: DataPath, error: Any, positions: PositionIndex, fits: Fits, data: Any = None) -> Problem:
    """`fits(value, schema)` tells whether a value would be valid under a schema."""
    v, value, where = error.validator, error.instance, path_in_words(data, path)
    source = positions.source_text(path)
    got = _shown(value, source)
    if v == "type":
        hint = _type_hint(error, value, path, positions, fits)
        return Problem(path, builtin_message("must_be", path=where, expected=_expected(error), got=got, hint=hint))
    if v == "enum":
        return _enum(path, error, positions, where, got)
    if v == "pattern":
        # A guess only when it fits the pattern: `Li Ming` -> `li-ming` for a slug, `cny` -> `CNY`.
        guesses = (_CURRENCIES.get(str(value).strip().lower(), "") if path[-1:] == ("currency",) else "",
                   re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-"), str(value).strip().upper())
        guess = next((g for g in guesses if g and g != value and re.search(error.validator_value, g)), None)
        hint: Hint = builtin_message("did_you_mean", guess=guess) if guess else ""
        return Problem(path, builtin_message("must_be", path=where, expected=_expected(error), got=got, hint=hint))
    if v == "anyOf":
        quoting_fixes_it = source is not None and fits(source, error.schema)
        hint = _quote(value, str(source)) if isinstance(value, (bool, int, float)) and quoting_fixes_it else ""
        return Problem(path, builtin_message("must_be", path=where, expected=_expected(error), got=got, hint=hint))
    if v == "uniqueItems":
        return _repeated_item(path, value, where)
    if v == "format":
        return _date(path, value, source, where, got)
    if v == "maximum" and path[-1:] == ("review_day",):
        cadence = value_at(data, path[:-1] + ("cadence",))
        return Problem(path, builtin_message("review_day_max", path=where, bound=error.validator_value, got=got,
                                  cadence=cadence, cycle=_CYCLES_ZH.get(str(cadence), cadence)))
    simple = {"const": ("must_equal", {"value": repr(error.validator_value)}),
              "minimum": ("at_least", {"bound": error.validator_value}),
              "maximum": ("at_most", {"bound": error.validator_value}),
              "exclusiveMinimum": ("greater_than", {"bound": error.validator_value}),
              "minItems": ("min_items", {"count": error.validator_value}),
              "minLength": ("not_empty", {})}
    if v in simple:
        key, args = simple[v]
        return Problem(path, builtin_message(key, path=where, got=got, **args))
    return Problem(path, builtin_message("invalid", path=where, detail=error.message))


_CYCLES_ZH = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度"}


# A value typed in Chinese for a field that takes an English word: the word it means.
_CHINESE_WORDS = {
    "运营": "operational", "运营计划": "operational", "日常": "operational", "项目": "project", "项目计划": "project",
    "每周": "weekly", "周": "weekly", "每月": "monthly", "月": "monthly", "月度": "monthly",
    "每季度": "quarterly", "季度": "quarterly", "促销": "promotion", "促销活动": "promotion",
    "新品上市": "product-launch", "上市": "product-launch", "新品发布": "product-launch", "活动": "event",
    "培训": "training", "其他": "other", "其它": "other", "广告": "advertising", "陈列": "display",
    "堆头": "display", "赠品": "gift", "礼品": "gift", "样品": "sample", "试用装": "sample", "库存": "stock",
    "备货": "stock", "产品": "product", "商品": "product", "服务": "service", "折扣": "discount", "优惠": "discount",
}


def option_in_chinese(value: str, options: List[str]) -> Optional[str]:
    """The option a Chinese word stands for (`促销` -> `promotion`), when it is one of `options`."""
    meant = _CHINESE_WORDS.get(value.strip())
    return meant if meant in options else None


def _enum(path: DataPath, error: Any, positions: PositionIndex, where: Text, got: Text) -> Problem:
    value, source = error.instance, positions.source_text(path)
    options = [o for o in error.validator_value if isinstance(o, str)]
    guess = closest(value, options) if isinstance(value, str) else None
    if guess is None and isinstance(value, str):
        guess = option_in_chinese(value, options)
    hint = builtin_message("did_you_mean", guess=guess) if guess else _bool_hint(value, path, positions)
    choices = name_list(options, either=True)
    return Problem(path, builtin_message("must_be_one_of", path=where, options=choices, got=got, hint=hint))


def _date(path: DataPath, value: Any, source: Optional[str], where: Text, got: Text) -> Problem:
    rewritten = iso_date(str(value)) if isinstance(value, str) else None
    if rewritten is None:
        return Problem(path, builtin_message("must_be_date", path=where, got=got))
    return Problem(path, builtin_message("date_spelling", path=where, got=got, date=rewritten))


def iso_date(value: str) -> Optional[str]:
    """`2027/6/15`, `2027.6.15`, `2027-6-15`, `2027年6月15日` -> `2027-06-15`; None for
    any other text and for a date that does not exist."""
    for spelling in _DATE_SPELLINGS:
        match = spelling.fullmatch(value.strip())
        if match:
            try:
                return dt.date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
            except ValueError:
                return None  # 2027/2/30: only the author knows which day was meant
    return None


def _expected(error: Any) -> Text:
    if error.schema.get("description"):
        return description(error.schema["description"])
    types = error.validator_value if error.validator == "type" else "string"
    names = [_TYPE_NAMES.get(t, t) for t in ([types] if isinstance(types, str) else types)]
    return description(" or ".join(names))


def _listed(names: list) -> Text:
    return name_list(names)


def _repeated_item(path: DataPath, items: list, where: Text) -> Problem:
    seen: set = set()  # by hashing, as uniqueItems does: a list with 80,000 tiers
    for index, item in enumerate(items):
        key = json_key(item)
        if key in seen:
            return Problem(path + (index,), builtin_message("repeated_item", path=where, item=item))
        seen.add(key)
    return Problem(path, builtin_message("repeated_item", path=where, item="?"))


def _shown(value: Any, source: Optional[str]) -> Text:
    if value is None:
        return builtin_message("got_empty")
    if isinstance(value, dict):
        return builtin_message("got_mapping")
    if isinstance(value, list):
        return builtin_message("got_list")
    return builtin_message("got_value", value=source if source is not None else str(value))


_WIDE_SPACE_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*[:：][ \t]*\u3000[\u3000 \t]*(.*)", re.S)


# What people write for a currency, by its ISO code: `RMB` is no ISO code, the yuan is `CNY`.
_CURRENCIES = {"rmb": "CNY", "人民币": "CNY", "元": "CNY", "¥": "CNY", "￥": "CNY", "cny¥": "CNY", "美元": "USD",
               "us$": "USD", "$": "USD", "港币": "HKD", "港元": "HKD", "hk$": "HKD", "欧元": "EUR", "€": "EUR"}


def _bool_hint(value: Any, path: DataPath, positions: PositionIndex) -> Hint:
    source = positions.source_text(path)
    if isinstance(value, bool) and source and source.lower() in _YAML11_BOOLS and positions.is_plain(path):
        return builtin_message("bool_hint", source=source)
    return ""


def _type_hint(error: Any, value: Any, path: DataPath, positions: PositionIndex, fits: Fits
               ) -> Hint:
    expected = [error.validator_value] if isinstance(error.validator_value, str) else list(error.validator_value)
    source = positions.source_text(path)
    quoting_fixes_it = source is not None and fits(source, error.schema)
    if "string" in expected and isinstance(value, (bool, int, float)) and quoting_fixes_it:
        return _quote(value, str(source))
    if "boolean" in expected and isinstance(value, str) and value.strip().lower() in _YAML11_BOOLS:
        word = _YAML11_BOOLS[value.strip().lower()]
        return builtin_message("unquote_hint", value=word)
    if "object" in expected and isinstance(value, str):
        typed = _WIDE_SPACE_KEY.match(value)  # `- item:　收银台台卡`: U+3000 after the colon
        if typed is not None:
            return builtin_message("wide_space_hint", key=typed[1], meant=f"{typed[1]}: {typed[2].strip()}")
    if "array" in expected and isinstance(value, str) and value.strip():
        items = split_items(value)  # `tiers: 总部, 分部, 门店` means a list
        if fits(items, error.schema):
            return builtin_message("list_hint", listed="[" + ", ".join(items) + "]")
    if "integer" in expected and isinstance(value, (str, float)):
        number = _whole_number(str(source if source is not None else value))
        if number is not None:
            quoted = isinstance(value, str) and not positions.is_plain(path)
            if quoted and str(number) == str(value).strip():
                return builtin_message("unquote_hint", value=number)
            return builtin_message("decimal_hint", number=number)
    return ""


def _quote(value: Any, source: str) -> Hint:
    """`no` where text is meant: YAML read it as yes/no (or a number); quoting keeps the text."""
    kind = "bool_quote_hint" if isinstance(value, bool) else "quote_hint"
    return builtin_message(kind, source=source, quoted='"' + source + '"')


def _whole_number(source: str) -> Optional[int]:
    """`010`, `5,000`, `1_000`, `1e5`, `5000.0`, `0x10` -> the whole number meant; None for `1.5`."""
    written = source.strip()
    if not _NUMBERISH.match(written):
        return None
    digits = written.replace(",", "").replace("_", "")
    try:
        if digits.lstrip("+-")[:2].lower() in ("0x", "0o", "0b"):
            return int(digits, 0)
        if any(c in digits for c in ".eE"):
            number = float(digits)
            return int(number) if number.is_integer() and abs(number) < 1e18 else None
        return int(digits, 10)
    except ValueError:
        return None
