"""Every rule, built-in or third-party, loads through the `planlint.rules` entry points.

An entry point (or a module named under `plugins:` in config) names a module
that declares one rule, or an object with a `RULES` list of such modules or
`Rule` objects. A plugin that fails to load is recorded, never fatal.
"""
from __future__ import annotations

import dataclasses
import functools
import importlib
import importlib.util
import json
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from planlint.api import Text, visible
from planlint.errors import code_error
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
        rule = _shown_safely(rule)
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


def _shown_safely(rule: Rule) -> Rule:
    """A plugin's code, name, summary and titles as every report and `planlint rules`
    print them: an ESC or a newline in them would drive the terminal or forge a line."""
    named = {"code": visible(rule.code), "name": visible(rule.name), "summary": visible(rule.summary),
             "titles": {lang: visible(str(title)) for lang, title in rule.titles.items()}}
    if all(getattr(rule, key) == value for key, value in named.items()):
        return rule
    return dataclasses.replace(rule, **named)


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


def builtin_rule(code: str) -> Rule:
    """One rule, loaded alone by its entry-point name (a config file's repeated keys
    are told in PL003's words)."""
    return Rule.from_module(_load_entry_point(dict(_entry_points())[code]))


def _entry_points() -> List[Tuple[str, str]]:
    """(name, value) of the `planlint.rules` entry points. Scanning every installed
    package's metadata costs more than linting a plan, so the list is kept in the
    user's cache and scanned again only when a folder on sys.path changes. One file
    per interpreter. The cache names modules to import: it is read only when the
    user owns it and its folder and nobody else may write either (as a config
    with plugins); and neither the scan nor the import looks in the current
    folder, which `python -m planlint` puts first on sys.path and which, in a
    checkout, a pull request fills (`evil-1.0.dist-info`, `evilmod.py`)."""
    stamp = _path_stamp()
    cache_file = os.path.join(_cache_home(), f"entry-points-{zlib.crc32(sys.executable.encode()):08x}.json")
    cached = _read_own_cache(cache_file)
    if isinstance(cached, dict) and cached.get("stamp") == stamp:
        try:
            return [(str(name), str(value)) for name, value in cached["entry_points"]]
        except (KeyError, TypeError, ValueError):
            pass
    from importlib.metadata import distributions

    found = sorted({(point.name, point.value) for dist in distributions(path=installed_path())
                    for point in dist.entry_points if point.group == GROUP})
    try:
        from planlint.atomic import write_atomically

        os.makedirs(os.path.dirname(cache_file), mode=0o700, exist_ok=True)
        write_atomically(cache_file, json.dumps({"stamp": stamp, "entry_points": found}), mode=0o600)
    except OSError:
        pass  # no writable cache: scan every time
    return found


def installed_path() -> List[str]:
    """sys.path without the current folder: where installed packages live."""
    here = os.path.realpath(os.getcwd())
    return [entry for entry in sys.path if entry and os.path.realpath(entry) != here]


def _read_own_cache(path: str) -> Any:
    """The JSON in `path` when the user owns it and its folder and no one else may write
    either (a link, FIFO or shared file is never read), else None."""
    try:
        folder = os.lstat(os.path.dirname(path))
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not all((stat.S_ISDIR(folder.st_mode), stat.S_ISREG(info.st_mode),
                    folder.st_uid == info.st_uid == os.geteuid(), not (folder.st_mode | info.st_mode) & 0o022)):
            return None
        try:
            return json.loads(handle.read(1 << 20))
        except (OSError, ValueError, RecursionError):
            return None


def _path_stamp() -> List[Any]:
    """Each installed folder's modification time: installing or removing a package
    changes its folder."""
    stamp: List[Any] = []
    for entry in installed_path():
        try:
            stamp.append([entry, os.stat(entry).st_mtime_ns])
        except OSError:
            stamp.append([entry, None])
    return stamp


def _cache_home() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "planlint")


def _load_entry_point(value: str) -> Any:
    module_name, _, attribute = value.partition(":")
    saved = sys.path[:]
    sys.path[:] = installed_path()  # an installed pack, never a module of the current folder
    try:
        loaded: Any = importlib.import_module(module_name.strip())
    finally:
        sys.path[:] = saved
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
        registry.errors.append(builtin_message("plugin_failed", origin=origin, error=code_error(exc)))
        return
    for rule in rules:
        registry.add(rule, origin)
