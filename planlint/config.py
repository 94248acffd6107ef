"""Configuration -> Settings: defaults, then the config file, then the command line.

`load_settings` is the one way to a run's Settings (the CLI and the language
server call it); `prepare` turns Settings into the enabled rules, severities
and options of a run. Every mistake is a ConfigError that says where.
Validation runs twice: the static schema (`schemas/config.schema.json`) before
plugins load, then the rule-dependent parts (codes, names, each rule's
options) once the registry knows every rule.
"""
from __future__ import annotations

import copy
import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field, replace
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

from planlint.api import Document, Problem, Text, closest, format_path
from planlint.discover import CONFIG_FILES
from planlint.errors import ConfigError, os_reason, reason_of, toml_reason
from planlint.parse.loader import Limits, load
from planlint.messages import builtin_message
from planlint.model import LANGUAGES, Rule, Severity
from planlint.parse.positions import PositionIndex
from planlint.registry import Registry, builtin_rule, load_registry

CACHE_FOLDER = ".planlint_cache"  # in the config's folder
PYPROJECT_SECTION = " [tool.planlint]"  # how messages name a config inside pyproject.toml
MAX_OPTION = 100_000  # days and counts: more would overflow date arithmetic


@dataclass
class Settings:
    """Everything a run is checked with: the config file, then the command line, over defaults."""

    # Two layers, as in ruff: the config file's select/ignore, then the command line's.
    select: Optional[List[str]] = None  # codes, names or prefixes; None keeps the default rules
    ignore: List[str] = field(default_factory=list)
    cli_select: Optional[List[str]] = None
    cli_ignore: List[str] = field(default_factory=list)
    extend_select: List[str] = field(default_factory=list)  # added to the selection (opt-in rules)
    cli_extend_select: List[str] = field(default_factory=list)
    per_file_ignores: List[Tuple[str, List[str]]] = field(default_factory=list)
    config_root: str = "."
    severity: Dict[str, str] = field(default_factory=dict)
    rule_options: Dict[str, dict] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    limits: Limits = field(default_factory=Limits)
    lang: str = "en"
    baseline: Optional[str] = None  # a baseline file: its findings are not reported
    plugins: List[str] = field(default_factory=list)  # rule modules or files named in config
    fail_on: Severity = Severity.ERROR  # the lowest severity that makes the exit status 1
    exclude: List[str] = field(default_factory=list)  # globs, relative to config_root
    respect_gitignore: bool = True  # a walked folder skips what git ignores (ruff's `respect-gitignore`)
    paths: List[str] = field(default_factory=list)  # folders whose plans are cross-file context
    config_file: Optional[str] = None  # the file the settings came from (planlint never writes over it)
    cache_folder: Optional[str] = None  # per-file outcomes of unchanged files; None: no cache
    score: Dict[str, int] = field(default_factory=dict)  # health-score weights by severity (config `score:`)


def load_settings(config_path: Optional[str] = None, isolated: bool = False, start: Optional[str] = None, *,
                  select: Optional[List[str]] = None, ignore: Optional[List[str]] = None,
                  extend_select: Optional[List[str]] = None, today: Optional[dt.date] = None, lang: Optional[str] = None, fail_on: Optional[str] = None,
                  baseline: Optional[str] = None, use_baseline: bool = True, respect_gitignore: Optional[bool] = None,
                  use_cache: bool = True, load_plugins: bool = True) -> Tuple[Settings, Registry]:
    """The settings of a run and its rules: the config file (`config_path`, else the
    nearest one from `start`, default the working folder; none when `isolated`),
    overridden by the command line's values. `use_baseline=False` ignores every
    baseline (a run that writes one); `load_plugins=False` imports none of the
    config's `plugins` (an editor's untrusted workspace), and then a rule the
    config names may be one of theirs, so names are not checked."""
    config = load_config(config_path, isolated, start)
    plugins = [plugin_reference(config, p) for p in config.get("plugins", [])] if load_plugins else []
    registry = load_registry(plugins)
    if load_plugins or not config.get("plugins"):
        check_rule_references(config, registry)
    limits, defaults = config.get("limits", {}), Limits()
    if baseline is None and config.get("baseline"):
        baseline = config.resolve_path(config.get("baseline"))
    settings = Settings(
        select=config.get("select"), ignore=config.get("ignore", []), cli_select=select, cli_ignore=ignore or [],
        extend_select=config.get("extend-select", []), cli_extend_select=extend_select or [],
        severity=config.get("severity", {}), rule_options=config.get("rules", {}),
        per_file_ignores=list(config.get("per-file-ignores", {}).items()), config_root=config.root,
        today=today or (dt.date.fromisoformat(config.get("today")) if config.get("today") else dt.date.today()),
        limits=Limits(*(int(limits.get(key, default)) for key, default in (  # int(): the schema lets 100.0 by
            ("max-file-size", defaults.max_bytes), ("max-nodes", defaults.max_nodes),
            ("max-aliases", defaults.max_aliases), ("max-depth", defaults.max_depth)))),
        lang=choose_language(lang, config), baseline=baseline if use_baseline else None, plugins=plugins,
        fail_on=Severity(fail_on or config.get("fail-on", "error")), exclude=config.get("exclude", []),
        respect_gitignore=config.get("respect-gitignore", True) if respect_gitignore is None else respect_gitignore,
        paths=[config.resolve_path(p) for p in config.get("paths", [])],
        config_file=config.path.split(PYPROJECT_SECTION)[0] if config.path else None,
        # As ruff's RUFF_CACHE_DIR: CI and test runs keep the cache out of the checkout.
        cache_folder=(os.environ.get("PLANLINT_CACHE_DIR") or os.path.join(config.root, CACHE_FOLDER))
        if use_cache else None, score=dict(config.get("score", {})))
    if not load_plugins and config.get("plugins"):
        settings = _without_unknown_rules(settings, registry)
    return settings, registry


def _without_unknown_rules(settings: Settings, registry: Registry) -> Settings:
    """The settings without the rule names no loaded rule answers to: with the
    plugins left out, those are the plugins' rules."""
    def keep(tokens: Iterable[str]) -> List[str]:
        return [token for token in tokens if registry.codes_for(token)]

    return replace(settings, select=None if settings.select is None else keep(settings.select),
                   extend_select=keep(settings.extend_select), ignore=keep(settings.ignore),
                   per_file_ignores=[(pattern, keep(tokens)) for pattern, tokens in settings.per_file_ignores],
                   severity={t: v for t, v in settings.severity.items() if registry.codes_for(t)},
                   rule_options={t: v for t, v in settings.rule_options.items() if registry.codes_for(t)})


@dataclass
class Prepared:
    """What a run's Settings mean for its rules, resolved once per run."""

    enabled: Dict[str, Rule]
    severity: Dict[str, Severity]
    options: Dict[str, dict]
    file_ignores: List[Tuple[str, Set[str]]]


def prepare(registry: Registry, settings: Settings) -> Prepared:
    def codes(tokens: Iterable[str], what: str) -> Set[str]:
        found: Set[str] = set()
        for token in tokens:
            matched = registry.codes_for(token)
            if not matched:
                raise ConfigError(builtin_message("unknown_rule_token", what=what, token=token))
            found.update(matched)
        return found

    # As in ruff: the default rules, then per layer (config, command line) `select`
    # replaces the set, `extend-select` adds to it and `ignore` removes from it.
    selected = {code for code, rule in registry.rules.items() if rule.on_by_default}
    for select, extend, ignore in ((settings.select, settings.extend_select, settings.ignore),
                                   (settings.cli_select, settings.cli_extend_select, settings.cli_ignore)):
        if select is not None:
            selected = codes(select, "select")
        selected |= codes(extend, "extend-select")
        selected -= codes(ignore, "ignore")
    enabled = {c: registry.rules[c] for c in sorted(selected)}
    file_ignores = [(pattern, codes(tokens, "per-file-ignores")) for pattern, tokens in settings.per_file_ignores]
    severity = {code: rule.severity for code, rule in registry.rules.items()}
    for token, level in settings.severity.items():
        severity[next(iter(codes([token], "severity")))] = Severity(level)
    options = {code: copy.deepcopy(rule.options) for code, rule in registry.rules.items()}
    for token, overrides in settings.rule_options.items():
        code = next(iter(codes([token], "rules")))
        options[code] = _merge(options[code], overrides)
    return Prepared(enabled, severity, options, file_ignores)


def _merge(base: dict, overrides: dict) -> dict:
    merged = dict(base)
    for key, value in overrides.items():
        merged[key] = _merge(base[key], value) if isinstance(base.get(key), dict) and isinstance(value, dict) else value
    return merged


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
            lines.append(builtin_message("config_at", where=where, problem=problem.message))
        names = [f"{{l{i}}}" for i in range(len(lines))]
        return ConfigError(Text({"en": "\n  ".join(["{head}", *names]), "zh": "\n  ".join(["{head}", *names])},
                                {"head": builtin_message("invalid_config"), **{f"l{i}": line for i, line in enumerate(lines)}}))


def find_config(start: str) -> Optional[str]:
    """The nearest config file from `start` upwards; planlint's own files before pyproject.
    The search stops at the repository root (the folder holding `.git`) or the user's
    home, whichever comes first: a config above them, in a shared `/tmp`
    say, belongs to someone else."""
    folder = os.path.abspath(start)
    home = os.path.realpath(os.path.expanduser("~"))
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and _stays_in_repository(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if (os.path.isfile(pyproject) and _stays_in_repository(pyproject)
                and _pyproject_section(pyproject) is not None):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder or os.path.lexists(os.path.join(folder, ".git")) or os.path.realpath(folder) == home:
            return None
        folder = parent


def _stays_in_repository(candidate: str) -> bool:
    """A config found by discovery that is a link must point inside its repository
    (or its own folder, outside one): `planlint.yaml -> ~/.aws/credentials` in a
    pull request would print bits of that file in the config's error messages."""
    if not os.path.islink(candidate):
        return True
    root = folder = os.path.dirname(os.path.abspath(candidate))
    while not os.path.lexists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            folder = root  # no repository: the link's own folder is the limit
            break
        folder = parent
    limit = os.path.realpath(folder).rstrip(os.sep) + os.sep
    return os.path.realpath(candidate).startswith(limit)


def load_config(explicit: Optional[str] = None, isolated: bool = False,
                start: Optional[str] = None) -> Config:
    if isolated:
        return Config()
    path = explicit or find_config(start or os.getcwd())
    if path is None:
        return Config()
    if not os.path.isfile(path):
        raise ConfigError(builtin_message("config_missing", path=path))
    config = _read(path)
    from planlint.schema.validate import validate

    problems, _ = validate(config.data, config.positions, "config.schema.json")
    if problems:
        raise config.error(problems)
    return config


def plugin_reference(config: Config, plugin: str) -> str:
    """What `plugins:` names, checked before any of it runs: a file lies inside the
    config's folder, and neither the config nor the file could have been written by
    someone else (as git's safe.directory reasons). A module name stays as is."""
    is_file = plugin.endswith(".py") or "/" in plugin
    config_file = (config.path or "").split(PYPROJECT_SECTION)[0]
    reason = _not_trusted(config_file) if config_file else None
    reference = config.resolve_path(plugin) if is_file else plugin
    if reason is None and is_file:
        real, folder = os.path.realpath(reference), os.path.realpath(config.root)
        if not real.startswith(folder.rstrip(os.sep) + os.sep):
            reason = builtin_message("plugin_outside", folder=folder)
        elif os.path.exists(real):
            reason = _not_trusted(real)
    if reason is not None:
        raise ConfigError(builtin_message("plugin_not_loaded", path=config.path, plugin=plugin, reason=reason))
    return reference


def _not_trusted(path: str) -> Optional[Text]:
    """Why code named by or in `path` must not run, or None."""
    try:
        info, folder = os.stat(path), os.stat(os.path.dirname(os.path.abspath(path)))
    except OSError as exc:
        return builtin_message("untrusted_stat", path=path, reason=os_reason(exc))
    if info.st_uid != os.geteuid():
        return builtin_message("untrusted_owner", path=path, uid=info.st_uid)
    if info.st_mode & stat.S_IWOTH:
        return builtin_message("untrusted_writable", path=path)
    shared = folder.st_mode & stat.S_IWOTH
    if shared and not (folder.st_mode & stat.S_ISVTX and folder.st_uid in (os.geteuid(), 0)):
        return builtin_message("untrusted_folder", path=path)
    return None


def _read(path: str) -> Config:
    root = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "pyproject.toml":
        section = _pyproject_section(path)
        return Config(f"{path}{PYPROJECT_SECTION}", root, section or {})
    with open(path, "rb") as handle:
        loaded = load(handle.read())
    if loaded.data is None and not loaded.empty:
        problem = loaded.problems[0][1]
        line, column = problem.position[:2] if problem.position else (1, 1)
        raise ConfigError(builtin_message("config_at", where=f"{path}:{line}:{column}", problem=problem.message))
    problems = [p for _, p in loaded.problems]
    if loaded.key_repeats:
        doc = Document(path, loaded.text, loaded.data or {}, loaded.positions, key_repeats=loaded.key_repeats)
        check = builtin_rule("PL003").check
        problems += check(doc, {}) if check is not None else []
    if problems:
        raise Config(path, root, {}, loaded.positions).error(problems)
    return Config(path, root, loaded.data or {}, loaded.positions)


def _pyproject_section(path: str) -> Optional[dict]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: TOMLDecodeError, not UTF-8, huge ints
        reason = builtin_message("json_too_deep") if isinstance(exc, RecursionError) else \
            os_reason(exc) if isinstance(exc, OSError) else reason_of(exc) if isinstance(exc, UnicodeDecodeError) \
            else toml_reason(exc)
        raise ConfigError(builtin_message("bad_toml", path=path, reason=reason)) from None
    tool = document.get("tool")
    section = tool.get("planlint") if isinstance(tool, dict) else None
    return _toml_dates_as_text(section) if isinstance(section, dict) else None


def _toml_dates_as_text(section: dict) -> dict:
    """TOML has dates of its own (`today = 2027-01-01`); the config schema reads text."""
    return {key: value.isoformat() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else value
            for key, value in section.items()}


def check_rule_references(config: Config, registry: Registry) -> None:
    """Every rule code, name and option in the config must exist and fit."""
    problems = []
    for key in ("select", "extend-select", "ignore"):
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
    hint = builtin_message("did_you_mean", guess=guess) if guess else builtin_message("rules_lists_them")
    return Problem(path, builtin_message("config_not_a_rule", path=setting_path(path), token=token, hint=hint), at=at)


def setting_path(path: tuple) -> str:
    """Where in the config, as its keys: `per-file-ignores."plans/*.yaml"`, never a zero-based `[0]`
    (the position already points at the item)."""
    keys = [str(part) for part in path if not isinstance(part, int)]
    return ".".join(key if format_path((key,)) == key else f'"{key}"' for key in keys)


def _bad_options(config: Config, registry: Registry) -> List[Problem]:
    rules = config.get("rules", {})
    if not rules:
        return []
    from planlint.schema.validate import validate_against

    known = {token: registry.rules[code] for token in rules
             if (code := registry.resolve(token)) is not None}
    by_rule = {token: option_schema(rule.options, "the options of a rule") for token, rule in known.items()}
    schema = {"type": "object", "properties": {"rules": {"type": "object", "properties": by_rule}}}
    problems, _ = validate_against(schema, {"rules": rules}, config.positions)
    return problems


def option_schema(default: Any, description: str = "") -> dict:
    """A rule's option schema, read off its defaults so they are written once."""
    if isinstance(default, bool):
        return {"type": "boolean", "description": "true or false"}
    if isinstance(default, int):  # days and counts: a huge one would overflow date arithmetic
        return {"type": "integer", "minimum": 0, "maximum": MAX_OPTION, "description": "a whole number from 0 to 100,000"}
    if isinstance(default, float):  # PL705's min_similarity
        return {"type": "number", "minimum": 0, "maximum": MAX_OPTION, "description": "a number from 0 to 100,000"}
    if isinstance(default, dict):
        return {"type": "object", "additionalProperties": False, "description": description,
                "properties": {k: option_schema(v) for k, v in default.items()}}
    if isinstance(default, list):
        return {"type": "array", "description": "a list"}
    return {"type": "string", "description": "text"}


def choose_language(cli_value: Optional[str], config: Config) -> str:
    """The one rule for a run's language: --lang (or an editor's setting), then the
    config's `lang`, then LC_ALL / LC_MESSAGES / LANG; English otherwise."""
    if cli_value:
        return cli_value
    if config.get("lang"):
        return str(config.get("lang"))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def language_before_settings(lang: Optional[str], explicit: Optional[str] = None, isolated: bool = False,
                             start: Optional[str] = None) -> str:
    """The language to speak before a run's settings exist, or when they cannot: a usage
    error on the command line, a broken config in the editor. The order of
    choose_language, with a config that has a mistake elsewhere still read for its
    `lang` (a Chinese team hears of that mistake in Chinese)."""
    if lang in LANGUAGES:
        return str(lang)
    try:
        config = load_config(explicit, isolated, start)
    except ConfigError:
        config = _config_for_its_language(explicit, start)
    return choose_language(None, config)


def _config_for_its_language(explicit: Optional[str], start: Optional[str]) -> Config:
    """The config file as written, when its `lang` is a language planlint speaks; a
    config that cannot be read (a tab, a repeated key, broken YAML or TOML) by its
    `lang` line as written (`lang: ZH` too)."""
    path: Optional[str] = None
    try:
        path = explicit or find_config(start or os.getcwd())
        # As load_config: a regular file only (a link to /dev/zero or a FIFO would never end), and no
        # bigger than a plan may be.
        if not path or not os.path.isfile(path) or os.path.getsize(path) > Limits.max_bytes:
            return Config()
        config = _read(path)
    except (ConfigError, OSError) as exc:
        config = Config()
        said = getattr(getattr(exc, "message", None), "args", None) or {}  # a broken pyproject.toml names itself
        path = path or said.get("path")
    if config.get("lang") not in LANGUAGES and path:
        config = Config(data={"lang": _lang_as_written(path)})
    return config if config.get("lang") in LANGUAGES else Config()


# A `lang` line at the top level of planlint.yaml (`lang: zh`, `lang: "ZH"  # 中文`) or in pyproject.toml
# (`lang = "zh"`): read leniently, so that a config that cannot be read is reported in its team's language.
_LANG_LINE = re.compile(r"""^lang[ \t]*[:=][ \t]*["']?([A-Za-z]{2})["']?[ \t]*(?:#.*)?$""", re.M)


def _lang_as_written(path: str) -> Optional[str]:
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return None
    if os.path.basename(path) == "pyproject.toml":
        start = text.find("[tool.planlint]")
        text = text[start:] if start >= 0 else ""
        text = text[:text.find("\n[", 1)] if "\n[" in text[1:] else text
    found = _LANG_LINE.findall(text)
    return found[-1].lower() if found else None  # a repeated key: the last value counts, as YAML reads it
