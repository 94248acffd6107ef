"""What a rule sees and yields: the one module that rule packs import.

A rule module declares, in this order, a docstring with the sections of
`DOC_SECTIONS`, then CODE, NAME, SEVERITY, OPTIONS, `check(doc, options)`, and
DOC_ZH last; a rule that looks across files adds `summarize(doc, options)`,
yielding small (path, value) facts per file, and `check_run(files, options)`,
yielding `(FileFacts, Problem)` pairs, and may add `related(file)`, saying which
other files a file's problems depend on. A rule names nodes by data path; the
engine turns paths into positions. See docs/writing-rules.md.

Everything in `__all__` is the stable plugin API. The engine's own types
(Finding, Rule, Severity) live in `planlint.model`.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Protocol, Set, Sized, Tuple, Union

if TYPE_CHECKING:
    from planlint.fixes import Edit, Fix

__all__ = [
    "DOC_SECTIONS", "DataPath", "Deadline", "Document", "Edit", "FileFacts", "Fix", "KeyRepeat", "Problem", "Text",
    "add_days", "amount", "as_list", "at_section", "closest", "days_after", "decimal_of", "entries", "entry_dates",
    "fill", "format_path", "list_paths", "name_list", "numeric", "objectives", "path_in_words", "plan_id",
    "same_text", "split_items", "to_date", "value_at", "with_article",
]

DataPath = Tuple[Union[str, int], ...]

DOC_SECTIONS = ("What it does", "Why it matters", "Options", "Example that fails", "Fix")


@dataclass(frozen=True)
class Text:
    """A message in every language planlint speaks: templates by language, and
    the values to fill in (a value may itself be a Text, e.g. a hint)."""

    templates: Mapping[str, str]
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "en") -> str:
        values = {k: v.render(lang) if isinstance(v, Text) else _quoted(v) for k, v in self.args.items()}
        template = self.templates.get(lang) or self.templates["en"]
        return (_tight(template, values) if lang == "zh" else template).format(**values)


_HAN = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_AFTER = re.compile(r"\{(\w+)\} (?=[" + _HAN + "])")
_SPACE_BEFORE = re.compile(r"(?<=[" + _HAN + r"]) \{(\w+)\}")


def _tight(template: str, values: Mapping[str, Any]) -> str:
    """A zh template spaces a value off where it is Latin or code (`{path} 应为`); where the
    value is Chinese on that side ("第 1 次高层拜访"), Chinese runs on without a space."""
    def han(value: Any, index: int) -> bool:
        return isinstance(value, str) and value != "" and re.match(f"[{_HAN}]", value[index]) is not None

    template = _SPACE_AFTER.sub(lambda m: "{" + m[1] + "}" if han(values.get(m[1]), -1) else m[0], template)
    return _SPACE_BEFORE.sub(lambda m: "{" + m[1] + "}" if han(values.get(m[1]), 0) else m[0], template)


MAX_QUOTED = 200  # characters of a value a message quotes: a 270 KB id is no message
# Control characters, bidirectional marks and overrides and the line and paragraph
# separators in text from a plan, a file name or a config would act on the reader's
# terminal, start a new line of a log (a forged CI command) or reorder what they see:
# every message shows them as escapes, and each message stays one line.
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with each invisible or line-breaking character written as `\\uXXXX`."""
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Listed(str):
    """A list of names already cut to size (`name_list`): not cut again as one value."""


def _quoted(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Listed) and len(value) > MAX_QUOTED:
        value = value[:MAX_QUOTED] + "…"
    return visible(value) if isinstance(value, str) else value


def fill(templates: Mapping[str, str], **args: Any) -> Text:
    """A rule's message: `fill({"en": "...{plan}...", "zh": "..."}, plan=plan_id)`."""
    return Text(templates, args)


@dataclass(frozen=True)
class Problem:
    """A rule's verdict on one node. `at="key"` points at the key of `path`."""

    path: DataPath
    message: Union[str, Text]
    at: str = "value"
    # Only the loader knows positions that no data path reaches (a parse error).
    position: Optional[Tuple[int, int, Optional[int], Optional[int]]] = None
    fix: Optional[Fix] = None  # what would mend it (planlint.fixes)

    def render(self, lang: str = "en") -> str:
        """The message in `lang` ("en" or "zh"), as `Text.render` gives it; a plain string as is."""
        return self.message if isinstance(self.message, str) else self.message.render(lang)


@dataclass(frozen=True)
class Deadline:
    """A finding a time-aware rule reports from `fires_on` on if nothing in the plan
    changes: a check run on `fires_on` reports `problem` (same node, same message),
    one on the day before does not. `fires_on` on or before `doc.today` means it
    fires already (overdue since then). `todo` says in plain words what to do
    before then; `key` tells apart deadlines of one node (PL702's quarters)."""

    problem: Problem
    fires_on: _dt.date
    todo: Union[str, Text]
    key: str = ""


@dataclass(frozen=True)
class FileFacts:
    """What a cross-file rule's `summarize` kept of one file: (data path, value) facts.
    `check_run` sees these for every file of the run and yields (FileFacts, Problem);
    a problem's path is one of the file's fact paths (or a parent of one).
    `reported` is False for a file read only as context (the config's `paths:`
    around one changed plan): problems in it are dropped, so a rule need not
    work them out, and one changed plan among 10,000 costs little more than itself."""

    path: str
    account_id: Optional[str]
    facts: Tuple[Tuple[DataPath, Any], ...]
    reported: bool = True


@dataclass(frozen=True)
class KeyRepeat:
    """A key written again in the same mapping, as the reader found it: YAML keeps
    the last value, so rules see only that one (PL003 reports the repeat)."""

    path: DataPath  # the mapping's
    key: str
    first_line: int
    position: Tuple[int, int, int, int]  # the repeated key: line, column, end line, end column


class Positions(Protocol):
    """Where each node of a file sits (the reader's `parse.positions.PositionIndex`,
    which this module, below the reader, cannot name). Rules never need it."""

    root: Any

    def locate(self, path: DataPath, at: str = "value") -> Any: ...

    def has_key(self, path: DataPath) -> bool: ...

    def source_text(self, path: DataPath) -> Optional[str]: ...


@dataclass
class Document:
    """One plan file as rules see it: `data` holds only schema-valid values."""

    path: str
    text: str
    data: dict
    positions: Positions
    invalid: Set[DataPath] = field(default_factory=set)  # values PL002 reported and removed
    today: _dt.date = field(default_factory=_dt.date.today)
    key_repeats: Tuple[KeyRepeat, ...] = ()  # what the reader found written twice
    _plans: Optional[Dict[Any, List[Tuple[int, dict]]]] = field(default=None, repr=False, compare=False)

    @property
    def account(self) -> dict:
        account = self.data.get("account")
        return account if isinstance(account, dict) else {}

    @property
    def account_id(self) -> Optional[str]:
        return self.account.get("id")

    def plans(self, type_: Optional[str] = None) -> List[Tuple[int, dict]]:
        """(index, plan) for each usable plan, optionally only of one type."""
        if self._plans is None:  # every rule asks; the lists are made once per file
            every = list(entries(self.data.get("plans")))
            self._plans = {"": every}  # "" is no plan type, so it keys the whole list
            for item in every:
                plan_type = item[1].get("type")
                if isinstance(plan_type, str) and plan_type:
                    self._plans.setdefault(plan_type, []).append(item)
        return self._plans.get(type_ or "", [])

    def all_plans_usable(self, key: str) -> bool:
        """True when every plan entry is a mapping with a valid `key`."""
        plans = self.data.get("plans")
        return isinstance(plans, list) and all(
            isinstance(p, dict) and key in p for p in plans)

    def is_unreadable(self, path: DataPath) -> bool:
        """True when PL002 removed the value at `path`, something inside it, or the
        section that holds it (a misspelled `acount:` leaves no contacts to check)."""
        if not self.invalid:
            return False
        size = len(path)
        return self._removed_at_or_above(path) or any(p[:size] == path for p in self.invalid)

    def _removed_at_or_above(self, path: DataPath) -> bool:
        """True when PL002 removed the value at `path` or a section that holds it."""
        return any(path[:n] in self.invalid for n in range(1, len(path) + 1))

    def lacks(self, path: DataPath) -> bool:
        """True when the plan leaves the value at `path` out (absent, or an empty list)
        and PL002 did not remove it: the test of every "has no X" rule, which must stay
        silent where the user wrote something unreadable."""
        return value_at(self.data, path) in (None, []) and not self.is_unreadable(path)

    def lacks_entry(self, path: DataPath, test: Callable[[dict], bool]) -> bool:
        """True when no entry of the list at `path` passes `test` (the list may be
        absent) and PL002 removed nothing there: the test of a "has no X that …" rule
        (no risk with a mitigation), which must stay silent when the entry it
        looks for might be the unreadable one."""
        found = any(test(item) for _, item in entries(value_at(self.data, path)))
        return not found and not self.is_unreadable(path)

    def index_by_id(self, list_path: DataPath) -> Optional[Dict[str, dict]]:
        """id -> entry for a list of entries; None when some entry or id is unreadable,
        since a rule about references must then stay silent rather than guess."""
        if self._removed_at_or_above(list_path):
            return None
        items = value_at(self.data, list_path)
        found: Dict[str, dict] = {}
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or "id" not in item:
                return None
            found.setdefault(item["id"], item)
        return found

    def tiers(self) -> Optional[List[str]]:
        """account.tiers when every tier is readable, else None."""
        tiers = self.account.get("tiers")
        if not isinstance(tiers, list) or not all(isinstance(t, str) for t in tiers):
            return None
        return tiers


def value_at(data: Any, path: DataPath) -> Any:
    """The value at `path` inside plain data, or None where the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def entries(value: Any) -> Iterator[Tuple[int, dict]]:
    """(index, item) for the mapping items of a list; skips invalid items."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def plan_id(plan: Mapping[str, Any]) -> str:
    """A plan's id for a message; `?` when the plan has none."""
    return plan.get("id", "?")


_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


def split_items(text: str) -> List[str]:
    """The items meant by a list written without brackets: `a, b`, `a，b`, `a、b`."""
    return [item for item in _SEPARATORS.split(text.strip()) if item]


def as_list(value: Any) -> list:
    """Keys like `tier` and `with` take one value or a list of values. `with: a, b`
    is PL004's finding; the rules read the two contacts meant."""
    if value is None:
        return []
    # None marks a list item that PL002 reported and removed.
    if isinstance(value, list):
        return [item for item in value if item is not None]
    return split_items(value) if isinstance(value, str) and _SEPARATORS.search(value) else [value]


def list_paths(base: DataPath, value: Any) -> Iterator[Tuple[DataPath, Any]]:
    """(path, item) for a one-or-many value: the item's own path in a list."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if item is not None:
                yield base + (index,), item
    elif value is not None:
        yield base, value


def to_date(value: Any) -> Optional[_dt.date]:
    """A schema-valid `YYYY-MM-DD` string as a date; None when absent."""
    return _parse_date(value) if isinstance(value, str) else None


def days_after(day: _dt.date, days: int) -> Optional[_dt.date]:
    """`day` + `days` (negative: before); None past 9999-12-31 or before 0001-01-01,
    a date no run can reach."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


def add_days(day: _dt.date, days: int) -> _dt.date:
    """`day` + `days`, held to the calendar's first and last day: a plan may say
    `end: 9999-12-31`, and a date 14 days before `0001-01-05` is before everything."""
    moved = days_after(day, days)
    return moved if moved is not None else _dt.date.max if days > 0 else _dt.date.min


@functools.lru_cache(maxsize=4096)
def _parse_date(value: str) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def format_path(path: DataPath) -> str:
    """`("plans", 2, "finalized")` -> `plans[2].finalized`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += f".{part}" if out else part
        else:
            out += "[" + repr(part) + "]"
    return out or "(document)"


MAX_SUGGESTION_CANDIDATES = 1000
MAX_GUESS_LENGTH = 100
SHORTLIST = 12  # candidates difflib compares for one guess, at most
RARE = 64  # a two-letter piece shared by more candidates tells them apart too little to index


def closest(word: str, candidates: Iterable[str]) -> Optional[str]:
    """The candidate a typo most likely meant, for "did you mean …?" hints.
    None among more than a thousand: the hint would be a guess. One guess
    compares at most `SHORTLIST` candidates (those sharing the rarest letter
    pairs with `word`): a file of 20,000 typos is not 20 million comparisons."""
    if isinstance(candidates, Sized) and len(candidates) > MAX_SUGGESTION_CANDIDATES:
        return None
    options = tuple(c for c in candidates if isinstance(c, str))
    if len(options) > MAX_SUGGESTION_CANDIDATES:
        return None
    return _guesses(options).guess(word)


@functools.lru_cache(maxsize=16)
def _guesses(options: Tuple[str, ...]) -> "_Guesses":
    return _Guesses(options)


class _Guesses:
    """One candidate list, indexed once: its spellings apart from case, its letter
    pairs, and the guesses made so far (a run asks the same questions often)."""

    def __init__(self, options: Tuple[str, ...]) -> None:
        self.by_case = {c.lower(): c for c in options}
        # Comparing two texts costs the product of their lengths: ids and keys are
        # short, so a guess about a longer one is skipped rather than paid for.
        self.options = [c for c in options if len(c) <= MAX_GUESS_LENGTH]
        self.pairs: Optional[Dict[str, List[int]]] = None
        self.known: Dict[str, Optional[str]] = {}

    def guess(self, word: Any) -> Optional[str]:
        if isinstance(word, str) and word.lower() in self.by_case:
            return self.by_case[word.lower()]
        word = str(word)
        if len(word) > MAX_GUESS_LENGTH:
            return None
        if word not in self.known:
            import difflib

            matches = difflib.get_close_matches(word, self._shortlist(word), n=1, cutoff=0.6)
            if len(self.known) < 10_000:
                self.known[word] = matches[0] if matches else None
            else:
                return matches[0] if matches else None
        return self.known[word]

    def _shortlist(self, word: str) -> List[str]:
        """Every candidate when there are few; else those sharing the most rare letter
        pairs with `word` (difflib keeps the best of these, highest ratio first)."""
        if len(self.options) <= SHORTLIST:
            return self.options
        if self.pairs is None:
            self.pairs = {}
            for number, option in enumerate(self.options):
                for pair in _letter_pairs(option):
                    self.pairs.setdefault(pair, []).append(number)
        shared: Dict[int, int] = {}
        for pair in _letter_pairs(word):
            holders = self.pairs.get(pair, ())
            if len(holders) <= RARE:
                for number in holders:
                    shared[number] = shared.get(number, 0) + 1
        best = sorted(shared, key=lambda n: (-shared[n], n))[:SHORTLIST]
        return [self.options[n] for n in best]


def _letter_pairs(text: str) -> Set[str]:
    padded = f" {text.lower()} "
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


# The best-practice pack compares numbers as written and names as people write them.
_NUMERIC = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?%?")


def numeric(value: Any) -> Optional[Tuple[Any, bool]]:
    """(exact decimal, written with `%`) for a numeric objective value: a YAML number
    (never a boolean) or a string that is wholly `[+-]?digits[.digits]%?`; else None."""
    if isinstance(value, str) and _NUMERIC.fullmatch(value):
        return decimal_of(value.rstrip("%")), value.endswith("%")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = decimal_of(value)
        return (number, False) if number is not None else None
    return None


def decimal_of(value: Union[int, float, str]) -> Any:
    """A number as the exact decimal it was written as (0.1 + 0.2 is 0.3 here); None
    for NaN or infinity. decimal is imported only by the plans that need it."""
    import decimal

    number = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    return number if number.is_finite() else None


def plain_number(number: Any) -> str:
    """A decimal written plainly: 180000, 1800.5, never 1.8E+5 or 1800.50."""
    text = format(number + 0, "f")  # + 0: no "-0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount(number: Any) -> str:
    """An amount as a budget is read: 148,000 and 1,800.5, thousands grouped."""
    whole, dot, fraction = plain_number(number).partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + format(int(whole.lstrip("-")), ",") + dot + fraction


def objectives(doc: "Document", type_: Optional[str] = None) -> Iterator[Tuple[DataPath, dict, dict]]:
    """(path, objective, plan) for each readable objective of the plans (of one type)."""
    for index, plan in doc.plans(type_):
        for k, objective in entries(plan.get("objectives")):
            yield ("plans", index, "objectives", k), objective, plan


def entry_dates(doc: "Document", path: DataPath) -> Optional[List[_dt.date]]:
    """The `date` of each entry of the list at `path` ([] when there is none); None when
    an entry or its date is missing or malformed: PL002 speaks first, and a rule that
    counts dates must not guess what the unreadable one said."""
    dates = [to_date(item.get("date")) for _, item in entries(value_at(doc.data, path))]
    if doc.is_unreadable(path) or any(when is None for when in dates):
        return None
    return [when for when in dates if when is not None]


def at_section(index: int, plan: dict, key: str) -> Tuple[DataPath, str]:
    """(path, at) of a finding about a plan's section: the key `key`, or the plan
    start when the plan has no such section."""
    return (("plans", index, key), "key") if key in plan else (("plans", index), "value")


def same_text(text: str) -> str:
    """Text as compared by name: case-insensitive, trimmed, whitespace collapsed."""
    return " ".join(text.split()).casefold()


def __getattr__(name: str) -> Any:
    # The fix types load when a rule or a fixer asks for them: most runs never fix.
    if name in ("Edit", "Fix"):
        from planlint import fixes

        return getattr(fixes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Words for messages: rules and planlint's own messages share them.
# A list entry by its name and one-based number, as a person counts them in the file.
_ENTRIES = {"consultations": ("consultation {n}", "第 {n} 次沟通"), "materials": ("material {n}", "第 {n} 项物料"),
            "objectives": ("objective {n}", "第 {n} 个目标"), "exclusive": ("exclusive offer {n}", "第 {n} 项独家权益"),
            "actions": ("review action {n}", "复盘第 {n} 项改进措施"), "risks": ("risk {n}", "第 {n} 条风险"),
            "training": ("training {n}", "第 {n} 次培训"), "lines": ("budget line {n}", "预算第 {n} 行"),
            "visits": ("visit {n}", "第 {n} 次高层拜访"), "surveys": ("survey {n}", "第 {n} 次满意度调查"),
            "tiers": ("tier {n}", "第 {n} 个层级"), "contacts": ("contact {n}", "第 {n} 个联系人")}
# Entries named by what they hold where it is written: `material `Demo handsets``.
_NAMED_BY = {"materials": ("item", "material `{id}`", "物料 `{id}`"), "contacts": ("id", "contact `{id}`", "联系人 `{id}`"),
             "tiers": ("name", "tier `{id}`", "层级 `{id}`")}


def _entry(data: Any, base: DataPath, key: str, index: int, last: bool) -> Text:
    """One list entry in words: `material `Demo handsets``, "visit 1", "预算第 2 行"."""
    named = _NAMED_BY.get(key)
    if named is not None and not last:
        written = value_at(data, base + (key, index, named[0]))
        if isinstance(written, str):
            return fill({"en": named[1], "zh": named[2]}, id=written)
    english, chinese = _ENTRIES[key]
    return fill({"en": english, "zh": chinese}, n=index + 1)


def path_in_words(data: Any, path: DataPath) -> Text:
    """Where `path` is, in words a person can find without counting list items:
    `plans[1].consultations[0].with` -> "plan `mid-autumn`, consultation 1: `with`";
    `account.visits[0].with` -> "visit 1: `with`"."""
    parts: List[Text] = []
    rest = list(path)
    base: DataPath = ()
    if rest[:1] == ["plans"] and len(rest) > 1 and isinstance(rest[1], int):
        plan = value_at(data, tuple(rest[:2]))
        written_id = plan.get("id") if isinstance(plan, dict) else None
        parts.append(fill({"en": "plan `{id}`", "zh": "计划 `{id}`"}, id=written_id) if isinstance(written_id, str)
                     else fill({"en": "plan {n}", "zh": "第 {n} 个计划"}, n=rest[1] + 1))
        base, rest = tuple(rest[:2]), rest[2:]
        if rest[:1] == ["review"]:
            if rest[1:2] != ["actions"] or len(rest) < 3:
                parts.append(fill({"en": "review", "zh": "复盘"}))
            base, rest = base + ("review",), rest[1:]
    elif rest[:1] == ["account"]:
        base, rest = ("account",), rest[1:]
    while len(rest) > 1 and rest[0] in _ENTRIES and isinstance(rest[1], int):
        # the id names the entry, unless the id itself is what is wrong
        parts.append(_entry(data, base, str(rest[0]), rest[1], rest[2:] == [_NAMED_BY.get(str(rest[0]), ("",))[0]]))
        base, rest = base + tuple(rest[:2]), rest[2:]
        if rest[:1] == ["budget"] and rest[1:2] == ["lines"]:
            base, rest = base + ("budget",), rest[1:]
    if rest[:2] == ["budget", "lines"] and len(rest) > 2 and isinstance(rest[2], int):
        parts.append(_entry(data, base + ("budget",), "lines", rest[2], False))
        rest = rest[3:]
    if not parts and base == ("account",):
        rest = ["account", *rest]
    while len(rest) > 1 and isinstance(rest[-1], int) or rest and parts and isinstance(rest[-1], int):
        # an item of `with: [...]` is shown by its value
        rest.pop()
    field_ = fill({"en": "`{f}`", "zh": "`{f}`"}, f=format_path(tuple(rest))) if rest else None
    if not parts:
        return field_ or fill({"en": "the file", "zh": "文件"})
    chinese = "{p0}"
    for i in range(1, len(parts)):  # 计划 `a` 的第 1 次沟通: a space only beside a code span
        chinese += (" 的" if parts[i - 1].templates["zh"].endswith("`") else "的") + f"{{p{i}}}"
    joined = Text({"en": ", ".join(f"{{p{i}}}" for i in range(len(parts))), "zh": chinese},
                  {f"p{i}": p for i, p in enumerate(parts)})
    if field_ is None:
        return joined
    zh = "{where} 的 {field}" if parts[-1].templates["zh"].endswith("`") else "{where}的 {field}"
    return Text({"en": "{where}: {field}", "zh": zh}, {"where": joined, "field": field_})


def with_article(word: str) -> str:
    """"a promotion", "an event": the article for `word`, in English."""
    return ("an " if str(word)[:1].lower() in "aeiou" else "a ") + str(word)


MAX_LISTED = 10


def name_list(names: Iterable[Any], either: bool = False) -> Text:
    """At most ten names, then "and N more" (a list of 999 ids is no message); `either`: the
    choices one of which is meant, in Chinese "a、b 或 c"."""
    items = [f"`{_quoted(str(n))}`" for n in names]  # each name quoted short, the list kept whole
    shown, chinese = Listed(", ".join(items[:MAX_LISTED])), Listed("、".join(items[:MAX_LISTED]))
    if either and 1 < len(items) <= MAX_LISTED:
        chinese = Listed("、".join(items[:-1]) + " 或 " + items[-1])
    if len(items) <= MAX_LISTED:
        return fill({"en": "{shown}", "zh": "{chinese}"}, shown=shown, chinese=chinese)
    return fill({"en": "{shown} and {more} more", "zh": "{chinese} 等 {total} 个"},
               shown=shown, chinese=chinese, more=len(items) - MAX_LISTED, total=len(items))
