"""Bytes -> plan data with the position of every key and value, or PL001/PL003.

libyaml composes the node graph (fast, and it keeps line marks); this module
walks it once to build plain data under planlint's reading rules (SPEC §2)
instead of PyYAML's YAML 1.1 constructors: dates stay `YYYY-MM-DD` strings,
only decimal integers become numbers, and aliases are expanded under a budget.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import yaml

from planlint.api import DataPath, Problem, Text
from planlint.messages import text
from planlint.decode import decode_plan_bytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = "tag:yaml.org,2002:"
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
# What YAML 1.2 allows in a stream; anything else is binary or a broken encoding.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# libyaml's composer recurses per nesting level and overflows the C stack long
# before Python would notice, so deep documents are measured on events first.
_COMPOSE_SAFE_DEPTH = 1000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5_000_000
    max_nodes: int = 200_000
    max_aliases: int = 1_000
    max_depth: int = 64


@dataclass(frozen=True)
class Span:
    """1-based start; the end is the column after the scalar, None for collections."""

    line: int
    column: int
    end_line: Optional[int] = None
    end_column: Optional[int] = None


@dataclass
class PositionIndex:
    """Data path -> span of its value, of its key, and the scalar's source text."""

    values: Dict[DataPath, Span] = field(default_factory=dict)
    keys: Dict[DataPath, Span] = field(default_factory=dict)
    scalars: Dict[DataPath, Tuple[str, bool]] = field(default_factory=dict)

    def locate(self, path: DataPath, at: str = "value") -> Span:
        """The span for `path`; a path that no node holds falls back to its parent."""
        while True:
            table = self.keys if at == "key" and path in self.keys else self.values
            if path in table:
                return table[path]
            if not path:
                return Span(1, 1)
            path, at = path[:-1], "value"

    def inside_scalar(self, line: int, column: int) -> bool:
        """True when (line, column) lies within a scalar, e.g. a `#` inside quotes."""
        for path in self.scalars:
            span = self.values[path]
            if (span.line, span.column) <= (line, column) < (span.end_line or 0, span.end_column or 0):
                return True
        return False

    def source_text(self, path: DataPath) -> Optional[str]:
        found = self.scalars.get(path)
        return found[0] if found else None

    def is_plain(self, path: DataPath) -> bool:
        return self.scalars.get(path, ("", False))[1]


@dataclass
class Loaded:
    text: str
    data: Optional[dict]
    positions: PositionIndex
    problems: List[Tuple[str, Problem]]  # (code, problem)


class _LimitExceeded(Exception):
    def __init__(self, where: Span, message: Text) -> None:
        super().__init__(message.render())
        self.where, self.message = where, message


def _span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    if isinstance(node, yaml.ScalarNode):
        return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
    return Span(start.line + 1, start.column + 1)


def _at(line: int, column: int, message: Text) -> Tuple[str, Problem]:
    return "PL001", Problem((), message, position=(line, column, None, None))


def load(raw: bytes, limits: Limits = Limits()) -> Loaded:
    empty = PositionIndex()
    if len(raw) > limits.max_bytes:
        return Loaded("", None, empty, [_at(1, 1, text("too_big", limit=f"{limits.max_bytes:,}"))])
    source, decode_error = decode_plan_bytes(raw)
    if decode_error:
        return Loaded("", None, empty, [_at(*decode_error)])
    bad = _NOT_PRINTABLE.search(source)
    if bad:
        line = source.count("\n", 0, bad.start()) + 1
        column = bad.start() - (source.rfind("\n", 0, bad.start()) + 1) + 1
        return Loaded(source, None, empty, [_at(line, column, text("control_char", code=f"{ord(bad.group()):04X}"))])
    try:
        _check_depth(source, limits.max_depth)
        root = yaml.compose(source, Loader=_Loader)
    except _LimitExceeded as exc:
        return Loaded(source, None, empty, [_at(exc.where.line, exc.where.column, exc.message)])
    except yaml.YAMLError as exc:
        return Loaded(source, None, empty, [_yaml_error(exc)])
    except RecursionError:
        return Loaded(source, None, empty, [_at(1, 1, text("too_deep_to_read"))])
    if root is None:
        return Loaded(source, None, empty, [_at(1, 1, text("empty"))])
    if not isinstance(root, yaml.MappingNode):
        kind = "not_mapping_list" if isinstance(root, yaml.SequenceNode) else "not_mapping_value"
        span = _span(root)
        return Loaded(source, None, empty, [_at(span.line, span.column, text(kind))])
    builder = _Builder(limits)
    try:
        data = builder.build(root, (), 0)
    except _LimitExceeded as exc:
        return Loaded(source, None, empty, [_at(exc.where.line, exc.where.column, exc.message)])
    return Loaded(source, data, builder.positions, builder.problems)


def _check_depth(source: str, max_depth: int) -> None:
    rough_depth = source.count("[") + source.count("{") + max(map(len, source.splitlines()), default=0)
    if rough_depth <= _COMPOSE_SAFE_DEPTH:
        return
    depth = 0
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > max_depth:
                raise _LimitExceeded(Span(event.start_mark.line + 1, event.start_mark.column + 1),
                                     text("too_deep", limit=max_depth))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _yaml_error(exc: yaml.YAMLError) -> Tuple[str, Problem]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if "single document" in f"{problem} {context}":
        message = text("two_documents")
    else:
        message = text("invalid_yaml", problem=problem + (f" ({context})" if context else ""))
    if mark is None:
        return _at(1, 1, message)
    return _at(mark.line + 1, mark.column + 1, message)


class _Builder:
    """Walks composed nodes once; counts nodes and aliases against the limits.

    libyaml hands back an aliased node as the very anchored node object, so a
    node met again is an alias use. The uses met outside any expansion are the
    aliases written in the file; everything inside an expansion counts as nodes.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.positions = PositionIndex()
        self.problems: List[Tuple[str, Problem]] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set = set()
        self.active: set = set()
        self.expansion: Optional[DataPath] = None  # holder of the alias being expanded

    def build(self, node: Any, path: DataPath, depth: int) -> Any:
        outermost_alias = id(node) in self.seen and self.expansion is None
        if outermost_alias:
            self.expansion = path[:-1]
            self.aliases += 1
        try:
            self._count(node, path, depth)
            self.positions.values[path] = _span(node)
            if isinstance(node, yaml.ScalarNode):
                return self._scalar(node, path)
            self.active.add(id(node))
            try:
                self._check_collection_tag(node, path)
                if isinstance(node, yaml.SequenceNode):
                    return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
                return self._mapping(node, path, depth)
            finally:
                self.active.discard(id(node))
        finally:
            if outermost_alias:
                self.expansion = None

    def _count(self, node: Any, path: DataPath, depth: int) -> None:
        limits = self.limits
        problem = None
        if depth > limits.max_depth:
            problem = text("too_deep", limit=limits.max_depth)
        elif id(node) in self.active:
            problem = text("recursive_alias")
        elif self.aliases > limits.max_aliases:
            problem = text("too_many_aliases", limit=f"{limits.max_aliases:,}")
        elif self.nodes >= limits.max_nodes:
            problem = text("too_many_nodes", limit=f"{limits.max_nodes:,}")
        if problem:
            # Blame the collection that holds the alias being expanded: libyaml
            # keeps no mark of the alias itself, only of the anchored node.
            blamed = self.positions.values.get(self.expansion) if self.expansion is not None else None
            raise _LimitExceeded(blamed or _span(node), problem)
        self.seen.add(id(node))
        self.nodes += 1

    def _mapping(self, node: Any, path: DataPath, depth: int) -> dict:
        result: Dict[str, Any] = {}
        first_line: Dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                span = _span(key_node)
                self.problems.append(("PL002", Problem(path, text("key_not_text"),
                                                       position=(span.line, span.column, None, None))))
                continue
            key = key_node.value
            key_path = path + (key,)
            key_span = _span(key_node)
            if key in first_line:
                self.problems.append(("PL003", Problem(key_path, text("duplicate_key", key=key,
                                                                      line=first_line[key]), at="key")))
            first_line.setdefault(key, key_span.line)
            self.positions.keys[key_path] = key_span
            value = self.build(value_node, key_path, depth + 1)
            # An empty key means the same as a missing one (SPEC §2).
            if value is None:
                result.pop(key, None)
            else:
                result[key] = value
        return result

    def _scalar(self, node: Any, path: DataPath) -> Any:
        raw, tag = node.value, node.tag
        plain = not node.style
        self.positions.scalars[path] = (raw, plain)
        if tag in (_YAML + "str", "!"):
            return raw
        if tag == _YAML + "null":
            return None
        if tag == _YAML + "bool":
            return raw.lower() in ("true", "yes", "on")
        if tag == _YAML + "int":
            # YAML 1.1 reads 010 as 8 and 0x10 as 16; a plan keeps them as text so
            # the schema reports them with a hint instead of a silent surprise.
            return int(raw) if _DECIMAL.match(raw) else raw
        if tag == _YAML + "float":
            return float(raw) if _FLOAT.match(raw) else raw
        if tag != _YAML + "timestamp":
            self._unsupported_tag(node, path)
        return raw

    def _check_collection_tag(self, node: Any, path: DataPath) -> None:
        expected = _YAML + ("seq" if isinstance(node, yaml.SequenceNode) else "map")
        if node.tag not in (expected, "!"):
            self._unsupported_tag(node, path)

    def _unsupported_tag(self, node: Any, path: DataPath) -> None:
        span = _span(node)
        self.problems.append(("PL001", Problem(path, text("unsupported_tag", tag=node.tag),
                                               position=(span.line, span.column, None, None))))
