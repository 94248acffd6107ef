"""Find, load and validate configuration; every mistake is a ConfigError that says where.

Validation runs twice: the static schema (`schemas/config.schema.json`) before
plugins load, then the rule-dependent parts (codes, names, each rule's
options) once the registry knows every rule.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from planlint.api import Problem, closest, format_path
from planlint.errors import ConfigError
from planlint.loader import Limits, load
from planlint.positions import PositionIndex
from planlint.registry import Registry

CONFIG_FILES = ("planlint.yaml", ".planlint.yaml", "planlint.yml", ".planlint.yml")


@dataclass
class Settings:
    """Everything a run is checked with: the config file, then the command line, over defaults."""

    # Two layers, as in ruff: the config file's select/ignore, then the command line's.
    select: Optional[List[str]] = None  # codes, names or prefixes; None selects every rule
    ignore: List[str] = field(default_factory=list)
    cli_select: Optional[List[str]] = None
    cli_ignore: List[str] = field(default_factory=list)
    per_file_ignores: List[Tuple[str, List[str]]] = field(default_factory=list)
    config_root: str = "."
    severity: Dict[str, str] = field(default_factory=dict)
    rule_options: Dict[str, dict] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    limits: Limits = field(default_factory=Limits)
    lang: str = "en"
    baseline: Optional[str] = None  # a baseline file: its findings are not reported
    plugins: List[str] = field(default_factory=list)  # rule modules or files named in config


@dataclass
class Config:
    path: Optional[str] = None  # None when no file was found or --isolated
    root: str = "."             # relative paths in the file resolve from here
    data: Dict[str, Any] = field(default_factory=dict)
    positions: PositionIndex = field(default_factory=PositionIndex)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def resolve_path(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.root, path))

    def error(self, problems: List[Problem]) -> ConfigError:
        lines = []
        for problem in problems:
            span = self.positions.locate(problem.path, problem.at)
            where = f"{self.path}:{span.line}:{span.column}" if self.positions.root is not None else str(self.path)
            lines.append(f"{where}: {problem.text()}")
        return ConfigError("invalid configuration\n  " + "\n  ".join(lines))


def find_config(start: str) -> Optional[str]:
    """The nearest config file from `start` upwards; planlint's own files before pyproject."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _pyproject_section(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(explicit: Optional[str] = None, isolated: bool = False,
                start: Optional[str] = None) -> Config:
    if isolated:
        return Config()
    path = explicit or find_config(start or os.getcwd())
    if path is None:
        return Config()
    if not os.path.isfile(path):
        raise ConfigError(f"config file {path} does not exist")
    config = _read(path)
    from planlint.schema import validate

    problems, _ = validate(config.data, config.positions, "config.schema.json")
    if problems:
        raise config.error(problems)
    return config


def _read(path: str) -> Config:
    root = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "pyproject.toml":
        section = _pyproject_section(path)
        return Config(f"{path} [tool.planlint]", root, section or {})
    with open(path, "rb") as handle:
        loaded = load(handle.read())
    if loaded.data is None and not loaded.problems[0][1].text().startswith("the file is empty"):
        problem = loaded.problems[0][1]
        line, column = problem.position[:2] if problem.position else (1, 1)
        raise ConfigError(f"{path}:{line}:{column}: {problem.text()}")
    if loaded.problems:
        raise Config(path, root, {}, loaded.positions).error([p for _, p in loaded.problems])
    return Config(path, root, loaded.data or {}, loaded.positions)


def _pyproject_section(path: str) -> Optional[dict]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    section = document.get("tool", {}).get("planlint")
    return section if isinstance(section, dict) else None


def check_rule_references(config: Config, registry: Registry) -> None:
    """Every rule code, name and option in the config must exist and fit."""
    problems = []
    for key in ("select", "ignore"):
        problems += _unknown_tokens(config.get(key, []), (key,), registry)
    for pattern, tokens in config.get("per-file-ignores", {}).items():
        problems += _unknown_tokens(tokens, ("per-file-ignores", pattern), registry)
    for key in ("severity", "rules"):
        for token in config.get(key, {}):
            if registry.resolve(token) is None:
                problems.append(_unknown_rule(token, (key, token), registry, at="key"))
    problems += _bad_options(config, registry)
    if problems:
        raise config.error(problems)


def _unknown_tokens(tokens: List[str], path: tuple, registry: Registry) -> List[Problem]:
    return [_unknown_rule(token, path + (i,), registry) for i, token in enumerate(tokens)
            if not registry.codes_for(token)]


def _unknown_rule(token: str, path: tuple, registry: Registry, at: str = "value") -> Problem:
    names = [*registry.rules, *(r.name for r in registry.rules.values())]
    guess = closest(token, names)
    hint = f"; did you mean `{guess}`?" if guess else "; `planlint rules` lists them"
    return Problem(path, f"`{format_path(path)}`: `{token}` is not a rule code or name{hint}", at=at)


def _bad_options(config: Config, registry: Registry) -> List[Problem]:
    rules = config.get("rules", {})
    if not rules:
        return []
    from planlint.schema import validate_against

    known = {token: registry.rules[code] for token in rules
             if (code := registry.resolve(token)) is not None}
    by_rule = {token: option_schema(rule.options, f"an option of {rule.code}") for token, rule in known.items()}
    schema = {"type": "object", "properties": {"rules": {"type": "object", "properties": by_rule}}}
    problems, _ = validate_against(schema, {"rules": rules}, config.positions)
    return problems


def option_schema(default: Any, description: str = "") -> dict:
    """A rule's option schema, read off its defaults so they are written once."""
    if isinstance(default, bool):
        return {"type": "boolean", "description": "true or false"}
    if isinstance(default, int):
        return {"type": "integer", "minimum": 0, "description": "a whole number >= 0"}
    if isinstance(default, dict):
        return {"type": "object", "additionalProperties": False, "description": description,
                "properties": {k: option_schema(v) for k, v in default.items()}}
    if isinstance(default, list):
        return {"type": "array", "description": "a list"}
    return {"type": "string", "description": "text"}


def choose_language(cli_value: Optional[str], config: Config) -> str:
    """--lang, then the config's `lang`, then LC_ALL / LC_MESSAGES / LANG; English otherwise."""
    if cli_value:
        return cli_value
    if config.get("lang"):
        return str(config.get("lang"))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
