"""Data path -> line and column, in one place.

The index keeps libyaml's composed nodes and walks them along a path only when
a finding needs a position: most plans have few findings, so no per-node
bookkeeping is paid while loading.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional, Tuple

import yaml

from planlint.api import DataPath


@dataclass(frozen=True)
class Span:
    """1-based start; the end is the column after the scalar, None for collections."""

    line: int
    column: int
    end_line: Optional[int] = None
    end_column: Optional[int] = None


def node_span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    if isinstance(node, yaml.ScalarNode):
        return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
    return Span(start.line + 1, start.column + 1)


class PositionIndex:
    def __init__(self, root: Any = None) -> None:
        self.root = root

    def _walk(self, path: DataPath) -> Tuple[Any, Any, int]:
        """(key node of the last step or None, deepest node reached, steps taken)."""
        node, key_node = self.root, None
        for steps, part in enumerate(path):
            child = _child(node, part)
            if child is None:
                return key_node, node, steps
            key_node, node = child
        return key_node, node, len(path)

    def locate(self, path: DataPath, at: str = "value") -> Span:
        """The span for `path`; a path that no node holds falls back to its parent."""
        if self.root is None:
            return Span(1, 1)
        key_node, node, steps = self._walk(path)
        if steps == len(path) and at == "key" and key_node is not None:
            return node_span(key_node)
        return node_span(node)

    def has_key(self, path: DataPath) -> bool:
        """True when the file writes the key `path[-1]`, even with an empty value."""
        return self.root is not None and self._walk(path)[2] == len(path)

    def source_text(self, path: DataPath) -> Optional[str]:
        node = self._scalar(path)
        return node.value if node is not None else None

    def is_plain(self, path: DataPath) -> bool:
        node = self._scalar(path)
        return node is not None and not node.style

    def _scalar(self, path: DataPath) -> Any:
        if self.root is None:
            return None
        _, node, steps = self._walk(path)
        return node if steps == len(path) and isinstance(node, yaml.ScalarNode) else None

    def inside_scalar(self, line: int, column: int) -> bool:
        """True when (line, column) lies within a scalar, e.g. a `#` inside quotes."""
        for node in _scalars(self.root):
            span = node_span(node)
            if (span.line, span.column) <= (line, column) < (span.end_line or 0, span.end_column or 0):
                return True
        return False


def _child(node: Any, part: Any) -> Optional[Tuple[Any, Any]]:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        # When a key repeats, the last one is the one that counts (SPEC §2).
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _scalars(root: Any) -> Iterator[Any]:
    stack, seen = ([root] if root is not None else []), set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
