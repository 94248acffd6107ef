"""Every rule, built-in or third-party, loads through the `planlint.rules` entry points.

An entry point (or a module named under `plugins:` in config) names a module
that declares one rule, or an object with a `RULES` list of such modules or
`Rule` objects. A plugin that fails to load is recorded, never fatal.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from planlint.api import Text
from planlint.messages import builtin_message

from planlint.model import Rule

GROUP = "planlint.rules"


@dataclass
class Registry:
    rules: Dict[str, Rule] = field(default_factory=dict)
    errors: List[Text] = field(default_factory=list)  # in the run's language when it is reported

    def resolve(self, token: str) -> Optional[str]:
        """A rule code for a code or name, case-insensitive; None if unknown."""
        wanted = token.strip().lower()
        for code, rule in self.rules.items():
            if wanted in (code.lower(), rule.name.lower()):
                return code
        return None

    def codes_for(self, token: str) -> List[str]:
        """The codes a select/ignore token means: one rule by code or name, or, as in
        ruff, every code that starts with it (`PL2` is every timeliness rule)."""
        code = self.resolve(token)
        if code is not None:
            return [code]
        prefix = token.strip().upper()
        return sorted(c for c in self.rules if prefix and c.startswith(prefix))

    def add(self, rule: Rule, origin: Text) -> None:
        clash = self.rules.get(rule.code)
        if clash is not None and clash != rule:
            self.errors.append(builtin_message("plugin_code_taken", origin=origin, code=rule.code, taken=clash.name,
                                    name=rule.name))
            return
        self.rules[rule.code] = rule

    def title(self, code: str, name: str, lang: str = "en") -> str:
        """A finding's rule as a person reads it in `lang`: its title, else the slug it carries."""
        rule = self.rules.get(code)
        return rule.title(lang) if rule is not None else name

    def ordered(self) -> List[Rule]:
        return [self.rules[code] for code in sorted(self.rules)]


def _rules_from(obj: object) -> List[Rule]:
    if isinstance(obj, Rule):
        return [obj]
    if isinstance(obj, ModuleType) and hasattr(obj, "CODE"):
        return [Rule.from_module(obj)]
    found = getattr(obj, "RULES", None)
    if found is None:
        raise TypeError("it declares neither CODE nor RULES")
    return [r for item in found for r in _rules_from(item)]


def load_registry(plugins: Iterable[str] = ()) -> Registry:
    registry = Registry()
    for name, value in _entry_points():
        _load_one(registry, builtin_message("origin_entry_point", name=name, value=value),
                  functools.partial(_load_entry_point, value))
    for plugin in plugins:
        _load_one(registry, builtin_message("origin_plugin", plugin=plugin), lambda: _import_plugin(plugin))
    return registry


def _entry_points() -> List[Tuple[str, str]]:
    """(name, value) of the `planlint.rules` entry points. Scanning every installed
    package's metadata costs more than linting a plan, so the list is kept in the
    user's cache and scanned again only when a folder on sys.path changes. One file
    per interpreter: the stamp names every folder on sys.path, so a run started
    from another folder (`python -m planlint`) rescans and replaces it instead of
    leaving one more file behind."""
    stamp = _path_stamp()
    cache_file = os.path.join(_cache_home(), f"entry-points-{zlib.crc32(sys.executable.encode()):08x}.json")
    try:
        with open(cache_file, encoding="utf-8") as handle:
            cached = json.load(handle)
        if cached["stamp"] == stamp:
            return [tuple(pair) for pair in cached["entry_points"]]  # type: ignore[misc]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from importlib.metadata import entry_points

    found = sorted({(point.name, point.value) for point in entry_points(group=GROUP)})
    try:
        from planlint.atomic import write_atomically

        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        write_atomically(cache_file, json.dumps({"stamp": stamp, "entry_points": found}))
    except OSError:
        pass  # no writable cache: scan every time
    return found


def _path_stamp() -> List[Any]:
    """Each sys.path folder's modification time: installing or removing a package
    changes its folder. The current folder ('') changes all the time and is no
    place to install rule packs, so it is left out."""
    stamp: List[Any] = []
    for entry in sys.path:
        if not entry:
            continue
        try:
            stamp.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            stamp.append([entry, None])
    return stamp


def _cache_home() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "planlint")


def _load_entry_point(value: str) -> Any:
    module_name, _, attribute = value.partition(":")
    loaded: Any = importlib.import_module(module_name.strip())
    for part in attribute.split("[")[0].strip().split(".") if attribute else []:
        loaded = getattr(loaded, part)
    return loaded


def _import_plugin(plugin: str) -> ModuleType:
    """A module name, or the path of a `.py` file beside the plans."""
    if not plugin.endswith(".py"):
        return importlib.import_module(plugin)
    name = "planlint_local_" + re.sub(r"\W", "_", os.path.splitext(os.path.basename(plugin))[0])
    spec = importlib.util.spec_from_file_location(name, plugin)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {plugin}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_one(registry: Registry, origin: Text, loader: Callable[[], Any]) -> None:
    try:
        rules = _rules_from(loader())
    except Exception as exc:  # a broken plugin must not take the run down with it
        registry.errors.append(builtin_message("plugin_failed", origin=origin, error=f"{type(exc).__name__}: {exc}"))
        return
    for rule in rules:
        registry.add(rule, origin)
