"""Complete Chinese: every user-facing string has a Chinese version, written as a
Chinese sales professional would say it (五大误区, 复盘, 到位日期, 独家权益, full-width
punctuation, no programmer words). A new message without Chinese fails here."""
from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import click
import pytest
from click.testing import CliRunner

from planlint import messages
from planlint.cli.main import cli
from planlint.explain import doc_sections
from planlint.registry import load_registry
from planlint.reporters.html.page import LABELS

from helpers import DATA, HERE, lint_paths

CJK = re.compile("[\u4e00-\u9fff]")
PROGRAMMER_WORDS = ("映射", "键", "标识符", "布尔值")
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]")
RULES = load_registry().ordered()
SOURCES = sorted((HERE.parent / "planlint").rglob("*.py"))
# Calls whose first argument reaches a person: it must be a message with a Chinese version.
SPEAKING_CALLS = {"ConfigError", "_fail", "UsageError", "BadParameter", "PathError"}


def _rule_messages(rule) -> Iterator[Tuple[str, dict]]:
    function = rule.check or rule.check_run or rule.summarize or rule.check_directives
    if function is None:
        return
    module = importlib.import_module(function.__module__)
    for name, value in vars(module).items():
        if isinstance(value, dict) and "en" in value:
            yield name, value
        elif isinstance(value, dict) and value and all(isinstance(v, dict) and "en" in v for v in value.values()):
            yield from ((f"{name}.{k}", v) for k, v in value.items())


def _chinese_strings() -> Iterator[Tuple[str, str]]:
    for key, (_, chinese) in messages.MESSAGES.items():
        yield f"messages.{key}", chinese
    for english, chinese in messages._DESCRIPTIONS_ZH.items():
        yield f"description {english!r}", chinese
    for rule in RULES:
        for name, templates in _rule_messages(rule):
            yield f"{rule.code} {name}", templates["zh"]
        yield f"{rule.code} DOC_ZH", rule.doc_zh
    yield from _labels("html", LABELS["zh"])
    for command in [cli, *cli.commands.values()]:  # --help
        yield f"help of {command.name}", command.help_zh
        yield from ((f"help of {command.name} {p.name}", p.help_zh) for p in command.params
                    if getattr(p, "help_zh", None))
    from planlint.cli.language import CLICK_ZH  # click's own texts

    yield from ((f"click {english!r}", chinese) for english, chinese in CLICK_ZH.items())


def _labels(where: str, value) -> Iterator[Tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _labels(f"{where}.{key}", item)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _labels(f"{where}[{index}]", item)
    else:
        yield where, value


def _prose(text: str) -> str:
    """Chinese text without code spans and YAML examples, where ASCII punctuation belongs."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`]*`", "", text)


def _speaks_chinese(chinese: str) -> bool:
    """Chinese words, or nothing in English words (`{path}：{detail}` only joins other messages)."""
    return bool(CJK.search(chinese)) or not re.search("[A-Za-z]{2,}", re.sub(r"{\w+}", "", _prose(chinese)))


def test_every_planlint_message_has_a_chinese_version() -> None:
    for key, (english, chinese) in messages.MESSAGES.items():
        assert _speaks_chinese(chinese), key


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_message_has_a_chinese_version(rule) -> None:
    for name, templates in _rule_messages(rule):  # PL001 speaks through planlint.messages
        assert "zh" in templates and _speaks_chinese(templates["zh"]), f"{rule.code} {name} lacks Chinese"


def test_every_html_label_has_a_chinese_version() -> None:
    english, chinese = dict(_labels("html", LABELS["en"])), dict(_labels("html", LABELS["zh"]))
    assert english.keys() == chinese.keys()
    for key, value in chinese.items():
        assert _speaks_chinese(value) or value == english[key] and "." in value, key  # a file name stays


def test_no_user_facing_string_is_written_in_english_only() -> None:
    """Errors for people go through planlint.messages (`text(...)`), never a bare string."""
    bare = []
    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SPEAKING_CALLS and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                bare.append(f"{source.name}:{node.lineno} {name}")
    assert bare == []


def test_chinese_uses_the_words_of_the_trade() -> None:
    for where, chinese in _chinese_strings():
        prose = _prose(chinese)
        assert not any(word in prose for word in PROGRAMMER_WORDS), (where, chinese)
        assert "五大错误" not in prose and not re.search(r"错误 \d", prose), (where, chinese)
        assert not HALF_WIDTH_IN_CHINESE.search(prose), (where, chinese)
    reviews = " ".join(rule.doc_zh for rule in RULES if rule.code in ("PL401", "PL402", "PL403", "PL404"))
    assert "复盘" in reviews
    assert "五大误区" in LABELS["zh"]["five"]


# What planlint prints besides findings (status lines, notices, refusals) reaches a person too.
PRINTING_CALLS = {"echo", "secho", "print", "progressbar"}
# Lists whose lines the CLI prints: `notices.append(f"... skipped ...")` is a printed line.
PRINTED_LISTS = re.compile(r"(errors|notices|problems|skipped)$")


def _english_literal(node: ast.AST) -> bool:
    """A string literal (or the fixed parts of an f-string) with English words in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, (ast.Tuple, ast.List)):
        return any(_english_literal(item) for item in node.elts)
    elif isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return _english_literal(node.elt)
    elif isinstance(node, ast.BinOp):
        return _english_literal(node.left) or _english_literal(node.right)
    else:
        return False
    return any(re.search("[A-Za-z]{2,}", re.sub(r"planlint|PL\d+|`[^`]*`|\{[^}]*\}", "", part)) for part in parts)


def _printed_literals(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            receiver_name = getattr(receiver, "attr", None) or getattr(receiver, "id", "")
            if name in PRINTING_CALLS:
                yield from node.args
                yield from (k.value for k in node.keywords if k.arg in ("message", "label"))
            elif name in ("append", "extend") and PRINTED_LISTS.search(receiver_name or ""):
                yield from node.args
            elif name == "Fix":  # an editor's quick fix, SARIF's fix description
                yield from node.args[:1]
            elif name == "Problem":  # a finding's or a config error's message
                yield from node.args[1:2]
                yield from (k.value for k in node.keywords if k.arg == "message")
        elif isinstance(node, ast.AugAssign) and PRINTED_LISTS.search(getattr(node.target, "id", "")):
            yield node.value
        elif isinstance(node, ast.Assign) and any(getattr(t, "attr", "") == "failure" for t in node.targets):
            yield node.value


def test_no_printed_line_is_written_in_english_only() -> None:
    """Status lines, notices and refusals (`wrote N findings to the baseline`, `skipped: …`,
    `Fixed N findings`) go through planlint.messages as well, never a bare English string."""
    bare = []
    assert len(SOURCES) > 20  # the scan reads planlint's own modules
    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        bare += [f"{source.relative_to(HERE.parent)}:{node.lineno}" for node in _printed_literals(tree)
                 if _english_literal(node)]
    assert bare == []


# --- what a Chinese user sees on the terminal besides findings, command by command --------------
STATUS_PLAN = DATA / "chinese" / "status.yaml"  # one finding, which --fix rewrites
IN_CHINESE = ["--lang", "zh", "--no-cache", "--today", "2026-11-23"]


def _run_zh(tmp_path: Path, monkeypatch, *args: str):
    monkeypatch.chdir(tmp_path)
    if not (tmp_path / "plan.yaml").exists():
        shutil.copy(STATUS_PLAN, tmp_path / "plan.yaml")
    return CliRunner().invoke(cli, [*args, *IN_CHINESE])


def _lines(output: str) -> List[str]:
    lines = output.splitlines()
    assert all(CJK.search(line) for line in lines), lines  # no line in English only
    return lines


@pytest.mark.parametrize("args, status, stdout_end", [
    (["plan.yaml", "--write-baseline", "baseline.json"], ["planlint：已把 1 个问题写入基线文件 baseline.json"], None),
    (["plan.yaml", "--fix"], ["planlint：已修复 plan.yaml（1 个问题）"], "已修复 1 个问题（还剩 0 个）"),
    (["plan.yaml", "--diff"], ["可以修复 1 个问题（还剩 0 个）"], None),
    (["plan.yaml", "--add-suppressions", "年底前改"],
     ["planlint：已在 plan.yaml 中添加 1 条屏蔽注释", "planlint：已为 1 个问题添加屏蔽注释"],
     "已添加 1 条屏蔽注释（还剩 0 个问题）"),
], ids=["write-baseline", "fix", "diff", "add-suppressions"])
def test_status_lines_speak_chinese(tmp_path: Path, monkeypatch, args: List[str], status: List[str],
                                   stdout_end: str) -> None:
    result = _run_zh(tmp_path, monkeypatch, *args, "--isolated")
    assert _lines(result.stderr) == status
    if stdout_end is not None:
        assert _lines(result.stdout)[-1] == stdout_end


def test_baseline_notes_speak_chinese(tmp_path: Path, monkeypatch) -> None:
    _run_zh(tmp_path, monkeypatch, "plan.yaml", "--isolated", "--write-baseline", "baseline.json")
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2027/1/1", "2027-01-01"), encoding="utf-8")
    stale = _run_zh(tmp_path, monkeypatch, "plan.yaml", "--isolated", "--baseline", "baseline.json")
    assert _lines(stale.stderr) == ["planlint：基线文件 baseline.json 中有 1 个问题已经修复；可用 --prune-baseline 把它们删除"]
    pruned = _run_zh(tmp_path, monkeypatch, "plan.yaml", "--isolated", "--baseline", "baseline.json",
                     "--prune-baseline")
    assert _lines(pruned.stderr) == ["planlint：已从 baseline.json 删除 1 个已修复的问题"]


def test_skipped_files_are_noticed_in_chinese(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(STATUS_PLAN, tmp_path / "plans" / "plan.yaml")
    (tmp_path / "secret.yaml").write_text("token: hunter2\n", encoding="utf-8")
    os.symlink("../secret.yaml", tmp_path / "plans" / "link.yaml")
    os.mkfifo(tmp_path / "plans" / "pipe.yaml")
    result = _run_zh(tmp_path, monkeypatch, "plans", "--isolated")
    assert _lines(result.stderr) == ["planlint：提示：plans/link.yaml：已跳过，因为它是符号链接，指向检查范围以外的文件",
                                     "planlint：提示：plans/pipe.yaml：已跳过，因为它不是普通文件（而是管道、设备或套接字）"]


@pytest.mark.parametrize("case, line", [
    ("broken_import", "planlint：插件 `{folder}/broken.py` 加载失败："
                      "找不到模块 `planlint_no_such_module`（请先安装它，或检查名字是否写错）"),
    ("clash", "planlint：插件 `{folder}/clash.py`：规则代码 PL201 已被 `short-lead-time` 占用；"
              "插件的规则 `my-lead-time` 没有加载"),
    ("crashing", "planlint：内部错误：规则 TEAM002（crashes）检查 plan.yaml 时出错：`RuntimeError: the plugin broke`"),
])
def test_plugin_refusals_speak_chinese(case: str, line: str, monkeypatch) -> None:
    folder = DATA / "plugins" / case
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["plan.yaml", "--format", "json", *IN_CHINESE])
    assert (result.exit_code, _lines(result.stderr)) == (2, [line.format(folder=folder)])


def test_init_says_what_it_wrote_in_chinese(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "new.yaml", "--lang", "zh"])
    assert (result.exit_code, _lines(result.stdout)) == (0, ["已生成 new.yaml；请把示例内容换成你们的实际情况，然后运行：planlint new.yaml"])
    assert "tiers: [总部, 分部, 门店]" in (tmp_path / "new.yaml").read_text(encoding="utf-8")


# One word for each concept, as a Chinese key-account team says it (the native reader's pass):
# the word on the left is never used, the one on the right is.
ONE_TERM = {"方案": "计划", "就绪": "到位 (a material's ready date)", "联合回顾": "联合复盘 (a project's review)",
            "复盘行动": "改进措施 (review actions)", "回顾的措施": "改进措施", "回顾措施": "复盘改进措施",
            "是否指": "是不是要写 (did you mean)", "目标值": "最优目标 (the middle tier, target)", "标识符": "编号",
            "文档": "文件", "解析器": "planlint/YAML", "演示人员": "导购、促销员 (demo staff)", "失败示例": "错误写法", "修正": "正确写法 (the Fix section)"}
ASCII_ID = re.compile(r"(?<![A-Za-z_-])ids?(?![A-Za-z_-])")  # "联系人 id": a Chinese reader says 编号
ZH_TEMPLATE = HERE.parent / "planlint" / "templates" / "plan-template.zh.yaml"


def _template_comments() -> Iterator[Tuple[str, str]]:
    for number, line in enumerate(ZH_TEMPLATE.read_text(encoding="utf-8").splitlines(), 1):
        if "#" in line and not line.lstrip().startswith("# `# yaml-language-server"):
            yield f"init template line {number}", line[line.index("#") + 1:]


def test_one_word_for_each_concept() -> None:
    from planlint.model import SECTION_TITLES  # explain's and the LSP hover's headings

    sections = [(f"section {english!r}", chinese) for english, chinese in SECTION_TITLES["zh"].items()]
    for where, chinese in [*_chinese_strings(), *_template_comments(), *sections]:
        prose = _prose(chinese)
        for wrong, right in ONE_TERM.items():
            assert wrong not in prose, f"{where}: write {right}, not {wrong}: {chinese}"
        assert not ASCII_ID.search(prose), f"{where}: write 编号, not id: {chinese}"
        assert not any(word in prose for word in PROGRAMMER_WORDS), (where, chinese)
        assert not HALF_WIDTH_IN_CHINESE.search(prose), (where, chinese)


def test_the_chinese_html_report_puts_no_ascii_punctuation_after_chinese(monkeypatch) -> None:
    """The page's own words (labels and the headings of the rule docs), not quoted plans or code."""
    monkeypatch.chdir(HERE.parent)
    page = CliRunner().invoke(cli, ["examples/plans", "--format", "html", "--lang", "zh",
                                    "--today", "2027-06-01"]).stdout
    page = re.sub(r"<(style|script|pre|title)\b.*?</\1>", "", page, flags=re.S)
    words = _prose(re.sub(r"<[^>]+>", "\n", page))
    assert "关于这条规则：" in words and "检查内容：" in words
    assert re.findall(r"[\u4e00-\u9fff][,;:!?.]", words) == []
    assert "2027年1月" in page and "1月 2027" not in page


def test_the_chinese_timeline_labels_do_not_run_into_each_other(monkeypatch) -> None:
    """"2026年10月" is wider than a month on a 15-month axis: the next month's label gives way."""
    def width(label: str) -> float:  # at the axis' 10.5px: a CJK character is a full em, a digit about 6
        return sum(10.5 if CJK.match(c) else 6.0 for c in label)

    monkeypatch.chdir(HERE.parent)
    page = CliRunner().invoke(cli, ["examples/plans", "--format", "html", "--lang", "zh",
                                    "--today", "2027-06-01"]).stdout
    for svg in re.findall(r"<svg class=\"timeline\".*?</svg>", page, flags=re.S):
        labels = [(float(x), label) for x, label in re.findall(r'<text class="month" x="([\d.]+)"[^>]*>([^<]+)<', svg)]
        assert any("年" in label for _, label in labels)
        for (x, label), (next_x, _) in zip(labels, labels[1:]):
            assert x + width(label) + 4 <= next_x, (label, x, next_x)  # a gap of a space at least


def test_rules_speak_chinese_in_columns_that_line_up() -> None:
    lines = CliRunner().invoke(cli, ["rules", "--lang", "zh"]).stdout.splitlines()
    assert "PL001  YAML 语法错误          错误     默认开启  文件无法读成一份 YAML 计划。" in lines
    assert "PL601  目标无法衡量           警告     默认关闭  目标没有写衡量指标或数字目标。" in lines  # 2 columns a character


# --- click's own texts (usage errors, --help) under --lang zh / config `lang` / a zh locale ---------
def _usage(*args: str, env: Optional[dict] = None):
    return CliRunner().invoke(cli, list(args), env=env, prog_name="planlint")


def test_a_usage_error_speaks_the_language_given_after_the_bad_option() -> None:
    chinese = _usage("--bogus", "plan.yaml", "--lang", "zh")
    assert (chinese.exit_code, chinese.stderr) == (2, "用法：planlint check [选项] [路径]...\n"
                                                      "运行 `planlint check --help` 查看帮助。\n\n"
                                                      "错误：没有 `--bogus` 这个选项（是否应为 `--jobs`？）\n")
    english = _usage("--bogus", "plan.yaml")
    assert (english.exit_code, english.stderr) == (2, "Usage: planlint check [OPTIONS] [PATHS]...\n"
                                                      "Try 'planlint check --help' for help.\n\n"
                                                      "Error: No such option '--bogus'. Did you mean '--jobs'?\n")


def test_a_usage_error_speaks_the_locale_and_the_configured_language(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = _usage("explain", env={"LC_ALL": "zh_CN.UTF-8"})
    assert missing.stderr.splitlines()[-1] == "错误：缺少参数 `规则`。"
    (tmp_path / "planlint.yaml").write_text("lang: zh\n", encoding="utf-8")
    bad = _usage("--fail-on", "bad", "--jobs", "0")
    assert bad.stderr.splitlines()[-1] == "错误：`--fail-on` 的值无效：`bad` 不是 `error`、`warning`、`info` 之一。"
    assert _usage("--jobs", "0").stderr.splitlines()[-1] == "错误：`--jobs` / `-j` 的值无效：0 不在允许的范围内（至少为 1）。"
    assert _usage("--selct", "PL1").stderr.splitlines()[-1] == "错误：没有 `--selct` 这个选项（是否应为 " \
        "`--extend-select`、`--help`、`--select` 之一？）"
    assert _usage("--lang", "en", "--selct", "PL1").stderr.splitlines()[-1] == \
        "Error: No such option '--selct'. (Did you mean one of: '--extend-select', '--help', '--select'?)"


def test_help_speaks_chinese_and_keeps_the_option_names() -> None:
    for _ in range(2):  # click keeps each command's --help option: the second run must not inherit the first's
        chinese = _usage("check", "--help", "--lang", "zh").stdout.splitlines()
        assert chinese[0] == "用法：planlint check [选项] [路径]..."
        assert "  检查计划文件和文件夹。" in chinese and "选项：" in chinese
        assert any(re.fullmatch(r"  --isolated +不读取任何配置文件。", line) for line in chinese)
        assert any(re.fullmatch(r"  -h, --help +显示本帮助并退出。", line) for line in chinese)
        english = _usage("check", "--help").stdout.splitlines()
        assert "  --isolated                      Ignore every config file." in english
        assert "  -h, --help                      Show this message and exit." in english
    top = _usage("--help", "--lang", "zh").stdout.splitlines()
    assert "命令：" in top and "  init     生成一份带注释、能通过所有规则的计划模板（--lang zh 时为中文）。" in top


def test_every_command_and_option_has_chinese_help() -> None:
    for command in [cli, *cli.commands.values()]:
        assert _speaks_chinese(command.help_zh or ""), command.name
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                assert _speaks_chinese(getattr(param, "help_zh", None) or ""), (command.name, param.name)


# --- `planlint explain --lang zh`: the English examples with Chinese values and comments ---------
HUMAN_TEXT = re.compile(r"^\s*(?:- )?(name|exec|owner|checker|item|text|offer|risk|mitigation|action|findings|"
                        r"audience|metric|role|title): (?P<value>.+?)\s*$")


def _examples(rule, lang: str) -> List[str]:
    sections = doc_sections(rule, lang)
    return [re.sub(r"```(yaml)?", "", sections[s]) for s in ("Example that fails", "Fix")]


def _parsed(example: str):
    import textwrap

    import yaml

    lines = [line for line in example.splitlines() if line.strip() != "..." and not line.startswith("# ")]
    try:
        return yaml.safe_load(textwrap.dedent("\n".join(lines)))
    except yaml.YAMLError:
        return "does not parse"


def _renamed(value, words: dict):
    if isinstance(value, dict):
        return {_renamed(k, words): _renamed(v, words) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, words) for v in value]
    return words.get(value, value) if isinstance(value, str) else value


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_chinese_examples_are_the_english_ones_with_chinese_values(rule) -> None:
    """The same YAML, each value renamed one to one (a rule reads the same plan), and no
    comment or person-written text left in English."""
    from planlint.explain import EXAMPLE_WORDS_ZH, WHOLE_VALUE

    for english, chinese in zip(_examples(rule, "en"), _examples(rule, "zh")):
        assert _parsed(chinese) == _renamed(_parsed(english), EXAMPLE_WORDS_ZH)
        used = {w for w in EXAMPLE_WORDS_ZH if re.search(WHOLE_VALUE.format(re.escape(w)), english, re.M)}
        assert len({EXAMPLE_WORDS_ZH[w] for w in used}) == len({w.casefold() for w in used})  # one to one
        for line in chinese.splitlines():
            comment = line.split("#", 1)[1] if "#" in line and "planlint:" not in line else ""
            human = HUMAN_TEXT.match(line.split("  #")[0])
            for text in (comment.strip(), human and human["value"].strip('"')):
                assert not text or CJK.search(text) or not re.search("[a-z]{3,}", re.sub(r"[\w.-]+\.yaml", "", text)), \
                    (rule.code, line)


def test_every_chinese_example_word_is_used() -> None:
    from planlint.explain import EXAMPLE_WORDS_ZH

    english = "\n".join(text for rule in RULES for text in _examples(rule, "en"))
    chinese = "\n".join(text for rule in RULES for text in _examples(rule, "zh"))
    assert [w for w, zh in EXAMPLE_WORDS_ZH.items() if w not in english or zh not in chinese] == []


def test_explain_shows_chinese_examples_and_keeps_the_english_ones() -> None:
    chinese = CliRunner().invoke(cli, ["explain", "PL101", "--lang", "zh"]).stdout.splitlines()
    assert chinese[0] == "PL101 层级没有计划（tier-without-plan）[错误]" and "  tiers: [总部, 分部, 门店]" in chinese
    assert "    tier: 分部" in chinese[chinese.index("正确写法"):]
    english = CliRunner().invoke(cli, ["explain", "PL101", "--lang", "en"]).stdout.splitlines()
    assert "  tiers: [headquarters, branch, store]" in english
    late = CliRunner().invoke(cli, ["explain", "PL702", "--lang", "zh"]).stdout.splitlines()
    assert "# 今天是 2027-07-01：2027 年第 2 季度没有高层拜访" in late and "      exec: 陈辉（销售副总裁）" in late


def test_a_broken_config_that_says_lang_zh_is_reported_in_chinese(tmp_path: Path, monkeypatch) -> None:
    shutil.copy(STATUS_PLAN, tmp_path / "plan.yaml")
    (tmp_path / "planlint.yaml").write_text("lang: zh\nfail-on: bad\nselect: [PL999]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plan.yaml"])
    assert (result.exit_code, result.stderr.splitlines()) == (2, [
        "planlint：错误：配置有误",
        f"  {tmp_path / 'planlint.yaml'}:2:10：`fail-on` 只能写 `error`、`warning` 或 `info`，现在写的是 `bad`"])
    (tmp_path / "planlint.yaml").write_text("lang: zh\nselect: [PL999]\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["plan.yaml"]).stderr.splitlines()[1] == \
        f"  {tmp_path / 'planlint.yaml'}:2:10：`select`：`PL999` 不是规则代码或名称；是不是要写 `PL609`？"


def test_server_without_its_extra_and_help_extras_speak_chinese(monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pygls", None)  # as if the `lsp` extra were not installed
    server = _usage("server", env={"LC_ALL": "zh_CN.UTF-8"})
    assert (server.exit_code, server.stderr) == (2, "planlint：错误：`planlint server` 需要 pygls 和 lsprotocol；"
                                                    "请用 `pip install 'planlint[lsp]'` 安装（或 `pip install pygls lsprotocol`）\n")
    helped = "".join(line.strip() for line in _usage("check", "--help", "--lang", "zh").stdout.splitlines())
    assert "`never`（默认：`auto`）。" in helped and "否则为 1；至少为 1）。" in helped


@pytest.mark.parametrize("lang, title", [("en", "Write the date as `2027-01-01`"), ("zh", "把日期写成 `2027-01-01`")])
def test_a_fix_is_titled_in_the_run_language(tmp_path: Path, monkeypatch, lang: str, title: str) -> None:
    import json

    shutil.copy(STATUS_PLAN, tmp_path / "plan.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plan.yaml", "--isolated", "--no-cache", "--format", "json", "--lang", lang])
    assert [f["fix"]["title"] for f in json.loads(result.stdout)] == [title]


def test_the_github_step_summary_speaks_chinese(tmp_path: Path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _run_zh(tmp_path, monkeypatch, "plan.yaml", "--isolated", "--format", "github")
    assert summary.read_text(encoding="utf-8") == (
        "## planlint\n\n检查了 1 个文件，共 1 个问题（1 个错误、0 个警告、0 个提示）。\n\n"
        "| 规则 | 名称 | 严重程度 | 问题数 |\n| --- | --- | --- | ---: |\n| PL002 | 不符合计划格式 | 错误 | 1 |\n\n"
        "| 客户 | 问题数 |\n| --- | ---: |\n| hualian | 1 |\n\n")


def test_review_of_the_chinese_command_line(tmp_path: Path, monkeypatch) -> None:
    """click's own words for a folder and a repr'd value, click's gettext given back after a run,
    a plugin's examples left as written, and one suppression comment in the singular."""
    import gettext
    import types

    from planlint.model import Rule

    folder = _usage("--lang", "zh", "-o", str(tmp_path), "x.yaml").stderr.splitlines()[-1]
    assert folder == f"错误：`--output` / `-o` 的值无效：`{tmp_path}` 是文件夹，不是文件。"
    assert _usage("--fail-on", "it's", "--lang", "zh").stderr.splitlines()[-1] == \
        "错误：`--fail-on` 的值无效：`it's` 不是 `error`、`warning`、`info` 之一。"
    assert click.core._ is gettext.gettext and click.exceptions.ngettext is gettext.ngettext
    plugin = types.ModuleType("team_rules")
    plugin.__doc__ = "A team rule.\n\n## Example that fails\n```yaml\n    tier: store\n```\n"
    plugin.CODE, plugin.NAME, plugin.SEVERITY = "TEAM001", "team-rule", "info"
    plugin.check = lambda doc, options: iter(())  # its __module__ is this test's, not planlint.rules
    assert doc_sections(Rule.from_module(plugin), "zh")["Example that fails"] == "```yaml\n    tier: store\n```"
    shutil.copy(STATUS_PLAN, tmp_path / "plan.yaml")
    monkeypatch.chdir(tmp_path)
    one = CliRunner().invoke(cli, ["plan.yaml", "--isolated", "--no-cache", "--add-suppressions", "later"])
    assert "planlint: added suppression comments for 1 finding" in one.stderr.splitlines()


def test_an_offer_given_to_another_account_of_the_run_names_that_account() -> None:
    folder = HERE / "rules" / "PL503" / "fail_also_offered_to_an_account_of_the_run"
    found = [f.message for f in lint_paths([str(folder)], lang="zh").findings if f.code == "PL503"]
    assert found == ["独家权益 `Model X only for Acme` 并不独家：也给了 Acme Stores（`rival-mart`）"]
