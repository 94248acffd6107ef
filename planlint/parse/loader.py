"""Bytes -> plan data with the position of every key and value, or PL001/PL003.

libyaml composes the node graph (fast, and it keeps line marks); this module
walks it once to build plain data under planlint's reading rules
instead of PyYAML's YAML 1.1 constructors: dates stay `YYYY-MM-DD` strings,
only decimal integers become numbers, and aliases are expanded under a budget.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

import yaml

from planlint.api import DataPath, KeyRepeat, Problem, Text
from planlint.messages import builtin_message
from planlint.parse.positions import PositionIndex, Span, node_span
from planlint.parse.decode import decode_plan_bytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = "tag:yaml.org,2002:"
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
# A YAML 1.1 float (a dot, a signed exponent) without `_` separators.
_FLOAT = re.compile(r"^([-+]?[0-9]+\.[0-9]*|\.[0-9]+)([eE][-+][0-9]+)?$")
# Python refuses to read an integer of more than 4,300 digits; such a number stays
# text, and the schema reports it where a number is expected.
_MAX_DIGITS = 4_000
_PLAIN_WORDS = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
                **{w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
                **{w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")}}
_ANY_CASE = {w.lower(): v for w, v in _PLAIN_WORDS.items() if isinstance(v, bool)}
_WIDE_SEPARATOR = re.compile(r"\s*[，、；]\s*")  # typed on a Chinese keyboard where YAML needs `,`
_IMPLICIT = "?"  # the tag of a plain, untagged scalar: planlint reads it itself
# What YAML 1.2 does not allow in a stream (decoded text holds no surrogates):
# control characters but tab, newline, CR and NEL, and U+FFFE/U+FFFF. The class is
# written as what is banned: the complement compiles 15 times slower, at every start.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# libyaml's composer recurses per nesting level and overflows the C stack long
# before Python would notice, so deep documents are measured on events first.
_COMPOSE_SAFE_DEPTH = 1000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5_000_000
    max_nodes: int = 200_000
    max_aliases: int = 1_000
    max_depth: int = 64


@dataclass
class Loaded:
    text: str
    data: Optional[dict]
    positions: PositionIndex
    problems: List[Tuple[str, Problem]]  # (code, problem)
    empty: bool = False  # the file holds no YAML node at all (a config may be empty; a plan may not)
    key_repeats: Tuple[KeyRepeat, ...] = ()  # keys written twice in one mapping (PL003 reports them)


class _LimitExceeded(Exception):
    def __init__(self, where: Span, message: Text) -> None:
        super().__init__(message.render())
        self.where, self.message = where, message


def _at(line: int, column: int, message: Text) -> Tuple[str, Problem]:
    return "PL001", Problem((), message, position=(line, column, None, None))


def load(raw: bytes, limits: Limits = Limits()) -> Loaded:
    empty = PositionIndex()
    if len(raw) > limits.max_bytes:
        return Loaded("", None, empty, [_at(1, 1, builtin_message("too_big", limit=f"{limits.max_bytes:,}"))])
    source, decode_error = decode_plan_bytes(raw)
    if decode_error:
        return Loaded("", None, empty, [_at(*decode_error)])
    bad = _NOT_PRINTABLE.search(source)
    if bad:
        line, column = _line_column(source, bad.start())
        return Loaded(source, None, empty, [_at(line, column, builtin_message("control_char", code=f"{ord(bad.group()):04X}"))])
    try:
        _check_depth(source, limits)
        root = yaml.compose(source, Loader=_Composer)
    except _LimitExceeded as exc:
        return Loaded(source, None, empty, [_at(exc.where.line, exc.where.column, exc.message)])
    except yaml.YAMLError as exc:
        return Loaded(source, None, empty, [_yaml_error(exc, source)])
    except RecursionError:
        return Loaded(source, None, empty, [_at(1, 1, builtin_message("too_deep_to_read"))])
    if root is None:
        return Loaded(source, None, empty, [_at(1, 1, builtin_message("empty"))], empty=True)
    if not isinstance(root, yaml.MappingNode):
        kind = "not_mapping_list" if isinstance(root, yaml.SequenceNode) else "not_mapping_value"
        span = node_span(root)
        return Loaded(source, None, empty, [_at(span.line, span.column, builtin_message(kind))])
    builder = _Builder(limits)
    positions = PositionIndex(root, _alias_marks(source) if "&" in source and "*" in source else None)
    try:
        data = builder.build(root, (), 0)
    except _LimitExceeded as exc:
        where = positions.locate(builder.blamed_path) if builder.blamed_path is not None else exc.where
        return Loaded(source, None, empty, [_at(where.line, where.column, exc.message)])
    return Loaded(source, data, positions, builder.problems, key_repeats=tuple(builder.key_repeats))


def _line_column(source: str, offset: int) -> Tuple[int, int]:
    """1-based line and column of `offset`; lines end with LF, CRLF or a lone CR."""
    line = source.count("\n", 0, offset) + source.count("\r", 0, offset) - source.count("\r\n", 0, offset) + 1
    return line, offset - max(source.rfind("\n", 0, offset), source.rfind("\r", 0, offset))


def _check_depth(source: str, limits: Limits) -> None:
    """Depth and node count measured on parser events, before libyaml composes
    anything: a 5 MB list of 2.5 million items would cost 760 MB as nodes."""
    # Nesting is bounded by the brackets plus the longest line (block nesting needs
    # indentation); every node takes at least one character, so only a document
    # longer than the node limit could hold too many.
    brackets = source.count("[") + source.count("{")
    could_be_deep = brackets + (len(source) if len(source) < _COMPOSE_SAFE_DEPTH else
                                max(map(len, source.split("\n")))) >= _COMPOSE_SAFE_DEPTH
    if not could_be_deep and len(source) < limits.max_nodes:
        return
    # Every node but the first is brought in by one of these characters, and none
    # brings in more than two (a key and its empty value): a long file of long
    # texts, or of 80,000 tiers, needs no second parse to be counted.
    if not could_be_deep and 2 * sum(map(source.count, _INTRODUCERS)) + 2 <= limits.max_nodes:
        return
    try:
        _measure(source, limits, _Loader)
    except yaml.YAMLError as exc:
        # libyaml 0.2.6 (PyYAML 6.0.4) stops at 1,000 levels on its own, sometimes
        # before our limit is reached on the events it gave: the pure-Python parser
        # has no such limit and finds the node that broke ours.
        if not _is_nesting_error(exc) or _Loader is yaml.SafeLoader:
            raise
        _measure(source, limits, yaml.SafeLoader)


def _alias_marks(source: str) -> Dict[DataPath, Span]:
    """data path -> where an `*alias` is written. Runs only on files with anchors;
    the document already composed, so the events are known to be well formed."""
    marks: Dict[DataPath, Span] = {}
    frames: List[list] = []  # [path, next index] for a list; [path, key or None] for a mapping
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frames.pop()
            _advance(frames)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path = _event_path(frames, event)
        if isinstance(event, yaml.AliasEvent) and path is not None:
            start, end = event.start_mark, event.end_mark
            marks.setdefault(path, Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1))
        if isinstance(event, yaml.CollectionStartEvent):
            frames.append([path, 0 if isinstance(event, yaml.SequenceStartEvent) else None, "key"])
        else:
            _advance(frames)
    return marks


def _event_path(frames: List[list], event: Any) -> Optional[DataPath]:
    """The data path of the node an event starts; None for a mapping key (or inside one)."""
    if not frames:
        return ()
    parent, slot, expecting = frames[-1]
    if parent is None:
        return None
    if isinstance(slot, int):
        return parent + (slot,)
    if expecting == "key":
        if isinstance(event, yaml.ScalarEvent):
            frames[-1][1] = event.value
        return None
    return parent + (slot,) if isinstance(slot, str) else None


def _advance(frames: List[list]) -> None:
    """A node of the top collection is complete: the next index, or key <-> value."""
    if not frames:
        return
    frame = frames[-1]
    if isinstance(frame[1], int) and frame[2] == "key":
        frame[1] += 1
    else:
        frame[2] = "value" if frame[2] == "key" else "key"
        if frame[2] == "key":
            frame[1] = None


def _is_nesting_error(exc: yaml.YAMLError) -> bool:
    return "maximum nesting depth" in str(getattr(exc, "problem", "") or "")


_INTRODUCERS = (",", "[", "{", ":", "-", "?", "\n", "\r")
_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODE = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _measure(source: str, limits: Limits, loader: Any) -> None:
    depth = nodes = 0
    for event in yaml.parse(source, Loader=loader):
        if isinstance(event, _NODE):
            nodes += 1  # keys too, complex ones included: `? []` 400,000 times is 800,000 nodes
            if nodes > limits.max_nodes:
                raise _LimitExceeded(Span(event.start_mark.line + 1, event.start_mark.column + 1),
                                     builtin_message("too_many_nodes", limit=f"{limits.max_nodes:,}"))
        if isinstance(event, _COLLECTION_START):
            depth += 1
            if depth > limits.max_depth:
                raise _LimitExceeded(Span(event.start_mark.line + 1, event.start_mark.column + 1),
                                     builtin_message("too_deep", limit=limits.max_depth))
        elif isinstance(event, _COLLECTION_END):
            depth -= 1


def _char_at(source: str, line: int, column: int) -> str:
    lines = source.split("\n", line + 1)
    return lines[line][column:column + 1] if line < len(lines) else ""


def _yaml_error(exc: yaml.YAMLError, source: str) -> Tuple[str, Problem]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if "single document" in f"{problem} {context}":
        message = builtin_message("two_documents")
    elif _is_nesting_error(exc):  # only when max-depth is set above libyaml's own 1,000
        message = builtin_message("too_deep", limit=1000)
    elif mark is not None and _char_at(source, mark.line, mark.column) == "\t":
        message = builtin_message("tab_indent", line=mark.line + 1)
    else:
        from planlint.parse import yaml_errors  # only a file that YAML cannot read needs the explanations

        explained = yaml_errors.explain(exc, source)
        if explained is not None:
            return _at(*explained)
        message = builtin_message("invalid_yaml", line=mark.line + 1 if mark else 1,
                       problem=problem + (f" ({context})" if context else ""))
    if mark is None:
        return _at(1, 1, message)
    return _at(mark.line + 1, mark.column + 1, message)


class _Resolver(yaml.resolver.BaseResolver):
    """Leaves plain scalars untyped: PyYAML's YAML 1.1 resolution would run a regex
    per scalar only for `_plain` to read the value again, planlint's way."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _IMPLICIT if implicit[0] else _YAML + "str"
        return _YAML + ("seq" if kind is yaml.SequenceNode else "map")


try:
    from yaml._yaml import CParser as _LibYAMLParser
except ImportError:  # PyYAML without libyaml: slower, same results
    _LibYAMLParser = None

if _LibYAMLParser is not None:
    class _Composer(_LibYAMLParser, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: Any) -> None:
            _LibYAMLParser.__init__(self, stream)
            _Resolver.__init__(self)
else:
    class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,  # type: ignore[no-redef]
                    yaml.composer.Composer, _Resolver):
        def __init__(self, stream: Any) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


def _plain(value: str) -> Any:
    """A plain scalar as planlint reads it: YAML 1.1 null and booleans, decimal
    integers and floats; everything else, dates and `010` included, stays text
    (YAML 1.1 would read 010 as 8: the schema reports it with a hint instead)."""
    if value in _PLAIN_WORDS:
        return _PLAIN_WORDS[value]
    if len(value) <= 5 and value.lower() in _ANY_CASE:  # `yEs`, `oN`: booleans in any case, as people type them
        return _ANY_CASE[value.lower()]
    if value[0] in "0123456789+-.":
        if _DECIMAL.match(value) and len(value) <= _MAX_DIGITS:
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    return value


_TAG_STR, _TAG_NULL, _TAG_BOOL, _TAG_INT, _TAG_FLOAT, _TAG_TIMESTAMP, _TAG_SEQ, _TAG_MAP = (
    _YAML + name for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map"))
_SCALAR, _SEQUENCE = yaml.ScalarNode, yaml.SequenceNode


class _Builder:
    """Walks composed nodes once; counts nodes and aliases against the limits.

    libyaml hands back an aliased node as the very anchored node object, so a
    collection met again is an alias use. The uses met outside any expansion
    are the aliases written in the file; everything inside counts as nodes.
    This walk runs for every node of every plan, so it does as little as it can.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.problems: List[Tuple[str, Problem]] = []
        self.key_repeats: List[KeyRepeat] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set = set()
        self.active: set = set()
        self.expansion: Optional[DataPath] = None  # holder of the alias being expanded
        self.blamed_path: Optional[DataPath] = None

    def build(self, node: Any, path: DataPath, depth: int) -> Any:
        self.nodes += 1
        if node.__class__ is _SCALAR:
            if self.nodes > self.limits.max_nodes:
                self._limit(node, builtin_message("too_many_nodes", limit=f"{self.limits.max_nodes:,}"))
            tag = node.tag
            if tag == _IMPLICIT:
                return _plain(node.value)
            return node.value if tag == _TAG_STR else self._scalar(node, path)
        key = id(node)
        outermost_alias = key in self.seen and self.expansion is None
        if outermost_alias:
            self.expansion = path[:-1]
            self.aliases += 1
        self._check(node, key, depth)
        self.seen.add(key)
        self.active.add(key)
        try:
            if node.__class__ is _SEQUENCE:
                if node.tag not in (_TAG_SEQ, "!"):
                    self._unsupported_tag(node, path)
                if node.flow_style and self._wide_separators(node):
                    return self._split_flow_list(node, path, depth)
                return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            if node.tag not in (_TAG_MAP, "!"):
                self._unsupported_tag(node, path)
            return self._mapping(node, path, depth)
        finally:
            self.active.discard(key)
            if outermost_alias:
                self.expansion = None

    def _check(self, node: Any, key: int, depth: int) -> None:
        limits = self.limits
        if depth > limits.max_depth:
            self._limit(node, builtin_message("too_deep", limit=limits.max_depth))
        if key in self.active:
            self._limit(node, builtin_message("recursive_alias"))
        if self.aliases > limits.max_aliases:
            self._limit(node, builtin_message("too_many_aliases", limit=f"{limits.max_aliases:,}"))
        if self.nodes > limits.max_nodes:
            self._limit(node, builtin_message("too_many_nodes", limit=f"{limits.max_nodes:,}"))

    def _limit(self, node: Any, message: Text) -> None:
        # Blame the collection that holds the alias being expanded: libyaml keeps
        # no mark of the alias itself, only of the anchored node.
        self.blamed_path = self.expansion
        raise _LimitExceeded(node_span(node), message)

    def _mapping(self, node: Any, path: DataPath, depth: int) -> dict:
        result: Dict[str, Any] = {}
        pairs = node.value
        for key_node, value_node in pairs:
            if key_node.__class__ is not _SCALAR:
                self.nodes += 1  # a complex key is a node too: it counts against the limit
                if self.nodes > self.limits.max_nodes:
                    self._limit(key_node, builtin_message("too_many_nodes", limit=f"{self.limits.max_nodes:,}"))
                span = node_span(key_node)
                self.problems.append(("PL002", Problem(path, builtin_message("key_not_text"),
                                                       position=(span.line, span.column, None, None))))
                continue
            key = key_node.value
            if value_node.__class__ is _SCALAR and value_node.tag == _IMPLICIT:
                # Most values are plain scalars: the same as build(), without the call and the path.
                self.nodes += 1
                if self.nodes > self.limits.max_nodes:
                    self._limit(value_node, builtin_message("too_many_nodes", limit=f"{self.limits.max_nodes:,}"))
                value = _plain(value_node.value)
            else:
                value = self.build(value_node, path + (key,), depth + 1)
            # An empty key means the same as a missing one: `date:` with nothing after it.
            if value is None:
                result.pop(key, None)
            else:
                result[key] = value
        if len(result) != len(pairs):  # rare: an empty value, a complex key or a repeated key
            self._repeated_keys(pairs, path)
        return result

    def _repeated_keys(self, pairs: list, path: DataPath) -> None:
        first_line: Dict[str, int] = {}
        for key_node, _ in pairs:
            if key_node.__class__ is _SCALAR:
                span = node_span(key_node)
                if key_node.value in first_line:
                    self.key_repeats.append(KeyRepeat(path, key_node.value, first_line[key_node.value],
                                                      (span.line, span.column, span.end_line, span.end_column)))
                first_line.setdefault(key_node.value, span.line)

    def _scalar(self, node: Any, path: DataPath) -> Any:
        raw, tag = node.value, node.tag
        if tag == "!":
            return raw
        if tag == _TAG_NULL:
            return None
        if tag == _TAG_BOOL:
            return raw.lower() in ("true", "yes", "on")
        if tag == _TAG_INT:
            # YAML 1.1 reads 010 as 8 and 0x10 as 16; a plan keeps them as text so
            # the schema reports them with a hint instead of a silent surprise.
            return int(raw) if _DECIMAL.match(raw) and len(raw) <= _MAX_DIGITS else raw
        if tag == _TAG_FLOAT:
            return float(raw) if _FLOAT.match(raw) else raw
        if tag != _TAG_TIMESTAMP:
            self._unsupported_tag(node, path)
        return raw

    @staticmethod
    def _wide_separators(node: Any) -> bool:
        return any(item.__class__ is _SCALAR and item.tag == _IMPLICIT and _WIDE_SEPARATOR.search(item.value)
                   for item in node.value)

    def _split_flow_list(self, node: Any, path: DataPath, depth: int) -> list:
        """`[总部，分部，门店]` reads as one item: it is one finding (PL001), and the rules
        see the three items that were meant, so none of them reports a knock-on."""
        items: list = []
        for item in node.value:
            if item.__class__ is _SCALAR and item.tag == _IMPLICIT and _WIDE_SEPARATOR.search(item.value):
                items.extend(_plain(part) for part in _WIDE_SEPARATOR.split(item.value) if part)
            else:
                items.append(self.build(item, path + (len(items),), depth + 1))
        first = next(i for i in node.value if i.__class__ is _SCALAR and _WIDE_SEPARATOR.search(i.value))
        mark = _WIDE_SEPARATOR.search(first.value).group().strip()  # type: ignore[union-attr]
        span = node_span(first)
        column = span.column + first.value.index(mark) if span.line == (span.end_line or span.line) else span.column
        written = "[" + ", ".join(i.value for i in node.value if i.__class__ is _SCALAR) + "]"
        meant = "[" + ", ".join(str(i) for i in items) + "]"
        from planlint.parse.yaml_errors import FULL_WIDTH

        name, name_zh, _ = FULL_WIDTH[mark]
        self.problems.append(("PL001", Problem(path, builtin_message("wide_list", line=span.line, written=written, mark=mark,
                                                          name=name, name_zh=name_zh, meant=meant),
                                               position=(span.line, column, span.line, column + 1))))
        return items

    def _unsupported_tag(self, node: Any, path: DataPath) -> None:
        span = node_span(node)
        self.problems.append(("PL001", Problem(path, builtin_message("unsupported_tag", tag=node.tag),
                                               position=(span.line, span.column, None, None))))
