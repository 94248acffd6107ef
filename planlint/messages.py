"""planlint's own messages (reading, schema, suppressions) in English and Chinese.

Rule messages live in their rule modules; these are the ones the engine's
steps write before and after the rules.
"""
from __future__ import annotations

from typing import Any

from planlint.api import Text, fill

MESSAGES = {
    # reading a file (PL001, PL003)
    "too_big": ("the file is larger than the {limit}-byte limit for a plan",
                "文件超过了计划文件 {limit} 字节的上限"),
    "cannot_read": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "utf16_broken": ("the file starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8",
                     "文件以 UTF-16 字节序标记开头，但内容不是有效的 UTF-16；请另存为 UTF-8"),
    "binary": ("this is a binary file, not a YAML plan", "这是二进制文件，不是 YAML 计划"),
    "not_utf8": ("the file is not UTF-8 text (byte 0x{byte} at line {line}); save it as UTF-8",
                 "文件不是 UTF-8 文本（第 {line} 行的字节 0x{byte}）；请另存为 UTF-8"),
    "lone_surrogate": ("line {line} holds a lone surrogate (U+{code}), half of a character that cannot be saved as "
                       "text: delete it or type the character again",
                       "第 {line} 行有一个孤立的代理码位（U+{code}），只是半个字符，无法保存为文本：请删除它或重新输入该字符"),
    "not_utf8_gbk": ("the file is not UTF-8 text (byte 0x{byte} at line {line}); it looks like GBK/GB18030, "
                     "common for Chinese text: re-save it as UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`)",
                     "文件不是 UTF-8 文本（第 {line} 行的字节 0x{byte}）；看起来是 GBK/GB18030 编码："
                     "请另存为 UTF-8（例如 `iconv -f GB18030 -t UTF-8`）"),
    "control_char": ("control character U+{code} is not allowed in YAML (is this a binary file?)",
                     "文件里有 YAML 不允许的控制字符 U+{code}（这是不是二进制文件？）"),
    "too_deep_to_read": ("the document is nested too deeply to read", "文件的层次嵌套太深，无法读取"),
    "empty": ("the file is empty; a plan starts with `version: 1`, then `account:`, `period:` and `plans:`",
              "文件是空的；计划以 `version: 1` 开头，然后是 `account:`、`period:` 和 `plans:`"),
    "not_mapping_list": ("a plan is a set of fields (`version: 1`, `account:` …), not a list; remove the `- ` "
                         "in front of the first line",
                         "计划应由 `version: 1`、`account:` 等各项组成，不能是列表；请去掉第一行前面的 `- `"),
    "not_mapping_value": ("a plan is a set of fields (`version: 1`, `account:` …), found a single value",
                          "计划应由 `version: 1`、`account:` 等各项组成，这里却只写了一个单独的内容"),
    "two_documents": ("the file holds more than one YAML document (a `---` line in the middle); "
                      "a plan file holds exactly one",
                      "文件里有多份 YAML 内容（中间有一行 `---`）；一个计划文件只能写一份计划"),
    # YAML that does not parse, in plain words (planlint.parse.yaml_errors)
    "invalid_yaml": ("YAML cannot read line {line}: check its indentation, quotes and brackets, and those of "
                     "the line above (the YAML reader says: {problem})",
                     "planlint 读不懂第 {line} 行：请检查这一行和上一行的缩进、引号和括号"),
    # `*x` with no `&x`: the English stays the general one, the Chinese names the cause
    "undefined_alias": ("YAML cannot read line {line}: check its indentation, quotes and brackets, and those of "
                        "the line above (the YAML reader says: {problem})",
                        "第 {line} 行的 `*{name}` 引用的 `&{name}` 在文件里找不到；请直接写出内容，或先用 `&{name}` 定义"),
    "tab_indent": ("line {line} is indented with a tab; YAML needs spaces: replace the tab with spaces",
                   "第 {line} 行用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格"),
    "indented": ("line {line} is indented {spaces} space{s}, but the keys above it (line {above}) use "
                 "{above_spaces}; line them up",
                 "第 {line} 行缩进了 {spaces} 个空格，但上面同一层的内容（第 {above} 行）缩进 {above_spaces} 个空格；请对齐"),
    "indented_first": ("line {line} is indented {spaces} space{s}, but the keys after it (line {below}) use "
                       "{below_spaces}; line them up",
                       "第 {line} 行缩进了 {spaces} 个空格，但下面同一层的内容（第 {below} 行）缩进 {below_spaces} 个空格；请对齐"),
    "first_item_without_dash": ("line {line} (`{item}`) is the first item of the list `{key}` but has no `- `, "
                                "while the next item (line {next}) has one; write `- {item}`, its `- ` in line "
                                "with the next item's",
                                "第 {line} 行（`{item}`）是列表 `{key}` 的第一项，但前面没有 `- `，而下一项（第 {next} 行）有；"
                                "请写成 `- {item}`，并与下一项的 `- ` 对齐"),
    "missing_dash": ("line {line} (`{item}`) lines up with the list items that start on line {list_line} but has "
                     "no `- `; write `- {item}` to start a new item, or indent it under the item above",
                     "第 {line} 行（`{item}`）与第 {list_line} 行开始的列表项对齐，但前面没有 `- `；"
                     "若是新的一项，请写成 `- {item}`，否则请缩进到上一项下面"),
    "missing_colon": ("line {line} (`{written}`) has no `: ` between the key and its value; write `{meant}`",
                      "第 {line} 行（`{written}`）的项名和内容之间缺少 `: `（半角冒号加空格）；请写成 `{meant}`"),
    "colon_in_value": ("line {line}: the value of `{key}` contains `: `, which YAML reads as a new key; "
                       "put the value in quotes: `{key}: \"{value}\"`",
                       "第 {line} 行：`{key}` 填写的内容里有 `: `，YAML 会把它当成新的一项；请给内容加上引号："
                       "`{key}: \"{value}\"`"),
    "unclosed_quote": ("the quote `{quote}` opened on line {line} is never closed; end the text with `{quote}` "
                       "on the same line",
                       "第 {line} 行开始的引号 `{quote}` 没有结束；请在同一行用 `{quote}` 结束这段文字"),
    "unclosed_bracket": ("the `{bracket}` opened on line {line} is never closed; end it with `{closing}` and "
                         "separate the items with `, `",
                         "第 {line} 行的 `{bracket}` 没有对应的 `{closing}`；请用 `{closing}` 结束，各项之间用 `, ` 分隔"),
    "wide_colon": ("line {line}: `{written}` uses the full-width colon `：` from a Chinese keyboard; YAML needs "
                   "an ASCII colon and a space: `{meant}`",
                   "第 {line} 行：`{written}` 用了中文输入法的全角冒号 `：`；YAML 要用半角冒号加空格：`{meant}`"),
    "wide_space": ("line {line} has a full-width space from a Chinese keyboard where YAML needs an ordinary "
                   "space; retype the space in English input mode",
                   "第 {line} 行有一个中文输入法的全角空格，YAML 这里要用半角空格；请切换到英文输入法重新输入空格"),
    "wide_space_hint": ("; the space after `{key}:` is a full-width space from a Chinese keyboard, so YAML reads "
                        "the whole line as text: write `- {meant}`",
                        "；`{key}:` 后面是中文输入法的全角空格，YAML 会把整行当成一段文字：请写成 `- {meant}`"),
    "wide_list": ("line {line}: the list `{written}` is separated with `{mark}` ({name}) from a Chinese "
                  "keyboard; YAML separates list items with an ASCII comma: write `{meant}`",
                  "第 {line} 行：列表 `{written}` 用了中文输入法的{name_zh} `{mark}` 来分隔；"
                  "YAML 列表要用半角逗号 `,` 分隔：请写成 `{meant}`"),
    "too_deep": ("the document nests deeper than {limit} levels", "文件的层次嵌套超过 {limit} 层"),
    "recursive_alias": ("recursive alias: an anchor refers to itself", "`*` 引用指向了它自己（循环引用）；请直接写出内容"),
    "too_many_aliases": ("more than {limit} aliases", "`*` 引用超过 {limit} 个；请直接写出内容"),
    "too_many_nodes": ("the document expands to more than {limit} nodes (alias bomb?)",
                       "用 `*` 引用的内容太多，展开后超过 {limit} 项；请直接写出内容"),
    "unsupported_tag": ("unsupported tag `{tag}`; plans use plain YAML values",
                        "不支持 YAML 标签 `{tag}`；计划里只写普通内容（文字、数字、日期、是/否）"),
    "key_not_text": ("a field name must be plain text, not a list or a set of fields",
                     "项名必须是普通文字，不能是列表或若干项"),
    # the schema (PL002); {path} is a place (api.place): "plan `mid-autumn`: `start`"
    "empty_required": ("{path} is empty; a value is required", "{path} 是空的；必须填写"),
    "missing_key": ("{path} is missing the required key `{key}`", "{path} 缺少必填项 `{key}`"),
    "missing_top_key": ("the file is missing the required key `{key}`", "文件缺少必填项 `{key}`"),
    "merge_key": ("merge keys (`<<`) are not supported{where}; write the keys out",
                  "不支持合并写法（`<<`）{where}；请把各项逐一写出"),
    "in_path": (" in {path}", "（{path} 中）"),
    "unknown_key": ("unknown key `{key}` {where}{hint}", "{where}没有 `{key}` 这一项{hint}"),
    "where_path": ("in {path}", "{path} 中"),
    "where_inside": ("in {path}", "{path} 里"),
    # a key of the config file or of a rule's options (no `x-` keys there): a setting, not a plan's field
    "unknown_setting": ("unknown key `{key}` {where}{hint}", "没有 `{key}` 这个设置项（{where}）{hint}"),
    "expected_settings": ("; expected one of {keys}", "；可用的设置项有 {keys}"),
    "no_settings": ("{path} takes no options; remove `{key}`", "{path} 没有可设置的选项，请删除 `{key}`"),
    "where_top": ("at the top level", "文件最外层"),
    "did_you_mean": ("; did you mean `{guess}`?", "；是不是要写 `{guess}`？"),
    "expected_keys": ("; expected one of {keys} (or a key starting with `x-`)",
                      "；这里能写的项有 {keys}（以及以 `x-` 开头的自定义项）"),
    "other_type_key": ("{path}: `{key}` is {owner}; {article} {type} plan does not take it",
                       "{path}：`{key}` 是{owner}，{type_zh}计划不能使用"),
    "must_be": ("{path} must be {expected}, got {got}{hint}", "{path} 要写{expected}，现在写的是 {got}{hint}"),
    "must_be_one_of": ("{path} must be one of {options}, got {got}{hint}",
                       "{path} 只能写 {options}，现在写的是 {got}{hint}"),
    "must_equal": ("{path} must be {value}, got {got}", "{path} 只能写 {value}，现在写的是 {got}"),
    "must_be_date": ("{path} must be a real date written YYYY-MM-DD, got {got}",
                     "{path} 要写 YYYY-MM-DD 格式的真实日期，现在写的是 {got}"),
    "date_spelling": ("{path} must be a date written YYYY-MM-DD, got {got}; write `{date}`",
                      "{path} 要写 YYYY-MM-DD 格式的日期，现在写的是 {got}；请写成 `{date}`"),
    "at_least": ("{path} must be at least {bound}, got {got}", "{path} 不能小于 {bound}，现在写的是 {got}"),
    "at_most": ("{path} must be at most {bound}, got {got}", "{path} 不能大于 {bound}，现在写的是 {got}"),
    "greater_than": ("{path} must be greater than {bound}, got {got}", "{path} 必须大于 {bound}，现在写的是 {got}"),
    "review_day_max": ("{path} must be at most {bound}, got {got}: with `cadence: {cadence}` the cycle has "
                       "{bound} days",
                       "{path} 不能大于 {bound}，现在写的是 {got}：`cadence: {cadence}`（{cycle}）的周期只有 {bound} 天"),
    "min_items": ("{path} must list at least {count} item(s)", "{path} 至少要有 {count} 项"),
    "not_empty": ("{path} must not be empty", "{path} 不能为空"),
    "repeated_item": ("{path} lists `{item}` more than once", "{path} 重复列出了 `{item}`"),
    "invalid": ("{path}: {detail}", "{path}：{detail}"),
    "got_value": ("`{value}`", "`{value}`"),
    "got_empty": ("an empty value", "空白"),
    "got_list": ("a list", "列表"),
    "got_mapping": ("a set of fields", "若干项（`名称: 内容`）"),
    "bool_hint": ("; YAML reads a bare `{source}` as yes/no", "；YAML 会把不加引号的 `{source}` 当作“是/否”"),
    "bool_quote_hint": ("; YAML reads a bare `{source}` as yes/no: write it in quotes, `{quoted}`",
                        "；YAML 会把不加引号的 `{source}` 当作“是/否”：请加上引号，写成 `{quoted}`"),
    "quote_hint": ("; YAML reads a bare `{source}` as a number: write it in quotes, `{quoted}`",
                   "；YAML 会把不加引号的 `{source}` 当作数字：请加上引号，写成 `{quoted}`"),
    "unquote_hint": ("; remove the quotes: write `{value}`", "；请去掉引号，写成 `{value}`"),
    "list_hint": ("; write a list in brackets: `{listed}`", "；列表要用方括号括起来，写成 `{listed}`"),
    "decimal_hint": ("; write `{number}` (plain digits: no leading zeros, separators, decimals or exponents)",
                     "；请写成 `{number}`（只写数字：不要前导零、分隔符、小数点或科学计数法）"),
    # the command line and configuration (exit status 2)
    "baseline_unwritable": ("cannot write the baseline {path}: {reason}", "无法写入基线文件 {path}：{reason}"),
    "baseline_missing": ("baseline {path} does not exist; create it with --write-baseline {path}",
                         "基线文件 {path} 不存在；请先用 `--write-baseline {path}` 生成"),
    "baseline_unreadable": ("baseline {path} cannot be read: {reason}", "无法读取基线文件 {path}：{reason}"),
    "json_too_big": ("larger than {limit} bytes", "文件超过 {limit} 字节"),
    "json_too_deep": ("nested too deeply", "括号嵌套太深"),
    "not_a_baseline": ("not a planlint baseline (version 1)", "不是 planlint 的基线文件（格式版本 1）"),
    "baseline_bad_findings": ("`findings` must be a list of {{path, code, account, plan, node}} entries of text",
                              "`findings` 应为问题列表，每一项都要有 `path`、`code`、`account`、`plan`、`node`，而且都是文字"),
    "bad_today": ("`{value}` is not a real date written YYYY-MM-DD", "`{value}` 不是 YYYY-MM-DD 格式的真实日期"),
    "today_spelling": ("`{value}` is not written YYYY-MM-DD; write `{date}`", "`{value}` 不是 YYYY-MM-DD 格式；请写成 `{date}`"),
    "bad_format": ("--format: `{name}` is not a format; choose from {formats}",
                   "--format：没有 `{name}` 这种格式；可选 {formats}"),
    "output_taken": ("--output: every --format already names its file", "--output：每个 --format 都已指定了输出文件"),
    "two_stdout": ("--format: only one report can go to standard output; give the others a FILE",
                   "--format：只能有一份报告输出到屏幕；其他报告请写成 `格式:文件`，输出到文件"),
    "protected_target": ("{option}: {target} is {what}; planlint never writes over it (choose another file)",
                         "{option}：{target} 是{what_zh}；planlint 不会覆盖它（请换一个文件）"),
    "shared_target": ("{option}: {target} is also the file of {other}; give each report its own file",
                      "{option}：{target} 也是 {other} 的输出文件；每份报告请用各自的文件"),
    "no_plans": ("no plan files (*.yaml, *.yml) found under {paths}", "在 {paths} 下没有找到计划文件（*.yaml、*.yml）"),
    "no_such_path": ("{path}: no such file or directory", "{path}：没有这个文件或文件夹"),
    "not_a_git_work_tree": ("--changed-since needs a git work tree, and {folder} is not in one",
                            "--changed-since 需要在 git 工作区中运行，而 {folder} 不在 git 工作区中"),
    "unknown_git_ref": ("--changed-since {ref}: git knows no commit by that name",
                        "--changed-since {ref}：git 中没有这个名字的提交"),
    "nothing_changed": ("no plan differs from {ref}: nothing to lint", "没有与 {ref} 不同的计划：无需检查"),
    "git_failed": ("--changed-since {ref}: git failed: {reason}", "--changed-since {ref}：git 运行失败：{reason}"),
    "report_unwritable": ("cannot write the {name} report to {target}: {reason}",
                          "无法把 `{name}` 格式的报告写入 {target}：{reason}"),
    "output_link_folder": ("{folder} is a symbolic link inside the repository, and planlint writes nothing "
                           "through one; name a real folder, or an absolute path outside the repository",
                           "{folder} 是仓库里的符号链接，planlint 不会通过符号链接写文件；"
                           "请指定真实的文件夹，或仓库以外的绝对路径"),
    "not_a_rule": ("`{rule}` is not a rule code or name; `planlint rules` lists them",
                   "`{rule}` 不是规则代码或名称；`planlint rules` 会列出所有规则"),
    "folder_uncreatable": ("cannot create the folder {folder}: {reason}", "无法创建文件夹 {folder}：{reason}"),
    "init_exists": ("{file} already exists; planlint init never overwrites a file",
                    "{file} 已存在；`planlint init` 不会覆盖已有文件"),
    "init_unwritable": ("cannot write {file}: {reason}", "无法写入 {file}：{reason}"),
    "previous_missing": ("{what}: the file does not exist; write it with --format json:{path}",
                         "{what}：文件不存在；请先用 `--format json:{path}` 生成"),
    "previous_unreadable": ("{what}: not a planlint JSON report ({reason})",
                            "{what}：不是 planlint 的 JSON 报告：{reason}"),
    "previous_not_list": ("{what}: not a planlint JSON report (expected a list of findings, as `--format json` "
                          "writes)", "{what}：不是 planlint 的 JSON 报告（应为 `--format json` 写出的问题列表）"),
    "previous_bad_entry": ("{what}: finding {index} is not a planlint finding (it needs {fields})",
                           "{what}：第 {index} 个问题不是 planlint 的格式（需要 {fields}）"),
    "unknown_rule_token": ("{what}: `{token}` is not a rule code, name or code prefix (see `planlint rules`)",
                           "`{what}`：`{token}` 不是规则代码、名称或代码前缀（见 `planlint rules`）"),
    "invalid_config": ("invalid configuration", "配置有误"),
    "config_missing": ("config file {path} does not exist", "配置文件 {path} 不存在"),
    "config_at": ("{where}: {problem}", "{where}：{problem}"),
    "select_empty": ("--select names no rule (an empty value: an unset CI variable?); name the rules, or leave "
                     "--select out to run the configured ones",
                     "--select 没有写任何规则（值为空：也许 CI 变量没有设置？）；请写上规则，或去掉 --select 以运行配置的规则"),
    "stdin_filename_alone": ("--stdin-filename names the plan read from standard input: add `-` to read it",
                             "--stdin-filename 用来给从标准输入读入的计划命名；请同时写上 `-`，planlint 才会从标准输入读取"),
    "stdout_closed": ("standard output is closed: write the {name} report to a file with --output FILE",
                      "标准输出已关闭：请用 `--output 文件名` 把 `{name}` 格式的报告写入文件"),
    "step_summary_unwritable": ("cannot append the step summary to GITHUB_STEP_SUMMARY ({path}): {reason}",
                                "无法把概要追加到 GITHUB_STEP_SUMMARY（{path}）：{reason}"),
    "plugin_not_loaded": ("{path}: plugin `{plugin}` was not loaded: {reason}", "{path}：插件 `{plugin}` 没有加载：{reason}"),
    "plugin_outside": ("the file is outside {folder}, the folder of the config that names it",
                       "插件文件不在配置文件所在的文件夹 {folder} 之内"),
    "untrusted_stat": ("{path}: {reason}", "{path}：{reason}"),
    "untrusted_owner": ("{path} belongs to another user (uid {uid})", "{path} 属于另一个用户（uid {uid}）"),
    "untrusted_writable": ("everyone may write {path}", "所有人都能修改 {path}"),
    "untrusted_folder": ("everyone may replace files in the folder of {path}", "所有人都能替换 {path} 所在文件夹里的文件"),
    "reason_one_line": ("--add-suppressions: the reason must fit on one line",
                        "--add-suppressions：原因必须写在一行之内"),
    "config_not_a_rule": ("`{path}`: `{token}` is not a rule code or name{hint}",
                          "`{path}`：`{token}` 不是规则代码或名称{hint}"),
    "rules_lists_them": ("; `planlint rules` lists them", "；`planlint rules` 会列出所有规则"),
    "bad_toml": ("{path}: not valid TOML: {reason}", "{path}：不是有效的 TOML 文件：{reason}"),
    "no_such_command": ("`{word}` is neither a command nor a file or folder; did you mean `planlint {guess}`?",
                        "`{word}` 既不是命令，也不是文件或文件夹；是不是要写 `planlint {guess}`？"),
    # what the CLI prints besides findings: status lines, notices, refusals ({s}: the English plural)
    "notice": ("notice: {notice}", "提示：{notice}"),
    "internal_error": ("internal error: {error}", "内部错误：{error}"),
    "more_findings": ("{count} more {code} finding{s} in this file; planlint reports the first {limit} of a rule "
                      "in a file one by one", "本文件还有 {count} 个 {code} 问题；每条规则在一个文件中只逐一报告前 {limit} 个"),
    "more_findings_uncounted": ("more {code} findings in this file are not shown; planlint reports the first {limit} "
                                "of a rule in a file one by one",
                                "本文件还有更多 {code} 问题未列出；每条规则在一个文件中只逐一报告前 {limit} 个"),
    "progress": ("Linting plans", "正在检查计划"),
    "baseline_written": ("wrote {count} finding{s} to the baseline {path}", "已把 {count} 个问题写入基线文件 {path}"),
    "baseline_pruned": ("removed {count} fixed finding{s} from {path}", "已从 {path} 删除 {count} 个已修复的问题"),
    "baseline_stale": ("{count} finding{s} in the baseline {path} {are} fixed; remove {them} with --prune-baseline",
                       "基线文件 {path} 中有 {count} 个问题已经修复；可用 --prune-baseline 把它们删除"),
    "init_written": ("Wrote {file}; edit it, then run: planlint {file}",
                     "已生成 {file}；请把示例内容换成你们的实际情况，然后运行：planlint {file}"),
    "skipped_link": ("{path}: skipped: it is a symbolic link to a file outside the linted paths",
                     "{path}：已跳过，因为它是符号链接，指向检查范围以外的文件"),
    "skipped_outside_repository": ("{path}: skipped: it leads outside the repository (through a symbolic link, "
                                   "or as a path the config names)",
                                   "{path}：已跳过，因为它指向仓库以外（经由符号链接，或是配置文件里写的路径）"),
    "skipped_special": ("{path}: skipped: not a regular file (a FIFO, device or socket)",
                        "{path}：已跳过，因为它不是普通文件（而是管道、设备或套接字）"),
    # git could not say which files it ignores: the walk goes on without it (--no-respect-gitignore: not asked)
    "gitignore_no_git": ("files git ignores in {folder} are linted too: git was not found",
                         "{folder} 中被 git 忽略的文件也会检查：找不到 git 程序"),
    "gitignore_slow": ("files git ignores in {folder} are linted too: git gave no answer in {seconds} seconds",
                       "{folder} 中被 git 忽略的文件也会检查：git 在 {seconds} 秒内没有回应"),
    "gitignore_failed": ("files git ignores in {folder} are linted too: git failed: {reason}",
                         "{folder} 中被 git 忽略的文件也会检查：git 运行失败：{reason}"),
    "folder_unreadable": ("{path}: cannot read the folder: {reason}", "{path}：无法读取文件夹：{reason}"),
    "worker_died": ("a worker process died (killed, or out of memory) while linting one of {files}; "
                    "{count} files were not linted",
                    "检查 {files} 时有一个工作进程意外退出（被终止或内存不足）；{count} 个文件没有检查"),
    "origin_entry_point": ("entry point `{name}` ({value})", "入口点 `{name}`（{value}）"),
    "origin_plugin": ("plugin `{plugin}`", "插件 `{plugin}`"),
    "plugin_failed": ("{origin} failed to load: {error}", "{origin} 加载失败：{error}"),
    "plugin_code_taken": ("{origin}: rule code {code} is already taken by `{taken}`; the plugin's rule `{name}` "
                          "was not loaded",
                          "{origin}：规则代码 {code} 已被 `{taken}` 占用；插件的规则 `{name}` 没有加载"),
    "fixed_file": ("fixed {path} ({count} finding{s}{added})", "已修复 {path}（{count} 个问题{added}）"),
    # --add-suppressions only: nothing was fixed, so the line does not say so
    "suppressed_file": ("added {count} suppression comment{s} to {path}", "已在 {path} 中添加 {count} 条屏蔽注释"),
    "suppressions_in_file": (", {count} suppression{s} added", "，添加了 {count} 条屏蔽注释"),
    "fixed_summary": ("Fixed {count} finding{s} ({remaining} remaining)", "已修复 {count} 个问题（还剩 {remaining} 个）"),
    "suppressed_summary": ("Added {count} suppression comment{s} ({remaining} remaining)",
                           "已添加 {count} 条屏蔽注释（还剩 {remaining} 个问题）"),
    "would_fix_summary": ("Would fix {count} finding{s} ({remaining} remaining)",
                          "可以修复 {count} 个问题（还剩 {remaining} 个）"),
    "suppressions_added": ("added suppression comments for {count} finding{s}", "已为 {count} 个问题添加屏蔽注释"),
    "fix_failed": ("could not fix {path}: {reason}; the file was left as it was",
                   "无法修复 {path}：{reason}；文件保持原样"),
    "fix_unparsable": ("the fixed text would not parse ({problem})", "修复后的内容无法作为 YAML 读取（{problem}）"),
    "fix_unparsable_at": ("the fixed text would not parse ({problem}, line {line})",
                          "修复后的内容无法作为 YAML 读取（第 {line} 行：{problem}）"),
    "fix_new_finding": ("the fixed text would have a new finding: {code} {problem} (line {line})",
                        "修复后的内容会出现新问题：{code} {problem}（第 {line} 行）"),
    "fix_not_removed": ("a fix did not remove {code} {problem} (line {line})",
                        "修复没有消除 {code} {problem}（第 {line} 行）"),
    "fix_outside": ("{path} lies outside the linted paths; not written", "{path} 在检查范围之外；没有写入"),
    "fix_not_written": ("{path} was not written: {reason}", "{path} 没有写入，因为{reason}"),
    "fix_not_regular": ("it is not a regular file", "它不是普通文件"),
    "fix_cannot_write": ("cannot write it: {reason}", "无法写入：{reason}"),
    "fix_changed_on_disk": ("it changed on disk after planlint read it", "在 planlint 读取之后，文件又被修改过了"),
    "no_suppression_added": ("{path}:{line}: no suppression comment added: {reason}",
                             "{path}:{line}：没有添加屏蔽注释，因为{reason}"),
    "comment_full": ("its planlint comment cannot take more codes", "这一行的 planlint 注释不能再添加规则代码"),
    "ends_inside_text": ("the line ends inside a text value", "这一行处在一段跨行文字的中间"),
    # the titles of fixes (an editor's quick fix, SARIF, JSON)
    "fix_write": ("Write `{value}`", "写成 `{value}`"),
    "fix_write_guess": ("Write `{value}` (a guess)", "写成 `{value}`（推测）"),
    "fix_write_meant": ("Write `{value}` ({written})", "写成 `{value}`（{written}）"),
    "fix_quote": ("Quote `{value}` as text", "给 `{value}` 加上引号，作为文字"),
    "fix_date": ("Write the date as `{date}`", "把日期写成 `{date}`"),
    "fix_rename": ("Rename `{key}` to `{meant}`", "把 `{key}` 改成 `{meant}`"),
    "fix_rename_guess": ("Rename `{key}` to `{meant}` (a guess)", "把 `{key}` 改成 `{meant}`（推测）"),
    "fix_remove_comment": ("Remove the unused suppression comment", "删除多余的屏蔽注释"),
    "fix_remove_codes": ("Remove {names} from the suppression comment", "从屏蔽注释中删除 {names}"),
    "fix_suppress_line": ("Suppress the findings of this line", "屏蔽这一行的问题"),
    "suppress_on_line": ("Suppress {code} ({rule}) on this line", "在这一行屏蔽 {code}（{rule}）"),
    "suppress_for_plan": ("Suppress {code} ({rule}) for plan {plan}", "在计划 {plan} 中屏蔽 {code}（{rule}）"),
    "suppress_in_file": ("Suppress {code} ({rule}) in this file", "在整个文件中屏蔽 {code}（{rule}）"),
    "fix_all_safe": ("Fix all safe problems in this file", "修复这个文件中所有可安全修复的问题"),
    "plugins_not_trusted": ("planlint: the plugins of {config} ({plugins}) were not loaded because the editor "
                            "does not trust this workspace (a plugin is code the repository's authors wrote); "
                            "the built-in rules ran. Trust the workspace to run them.",
                            "planlint：编辑器未信任此工作区，所以没有加载 {config} 中的插件（{plugins}）"
                            "（插件是仓库作者写的代码）；只运行了内置规则。信任此工作区后即可运行这些插件。"),
    # malformed suppressions (PL007; unused ones are in rules/pl007) and crashes
    "directive_missing_equals": ("`{directive}` is not a suppression comment planlint can read: "
                                 "write `{fixed}`",
                                 "`{directive}` 不是 planlint 能识别的屏蔽注释；请写成 `{fixed}`"),
    "directive_unknown_verb": ("`{directive}`: planlint knows no `{verb}`; write "
                               "`# planlint: disable=CODE` or `# planlint: disable-file=CODE`",
                               "`{directive}`：planlint 不认识 `{verb}`；请写成 "
                               "`# planlint: disable=规则代码` 或 `# planlint: disable-file=规则代码`"),
    "directive_no_codes": ("`{directive}` names no rule after `=`; write `# planlint: {verb}=PL201` "
                           "or, to suppress every rule, `# planlint: {verb}`",
                           "`{directive}` 的 `=` 后面没有规则代码；请写成 `# planlint: {verb}=PL201`，"
                           "要屏蔽所有规则则写 `# planlint: {verb}`"),
    "the_run": ("the run", "本次运行的全部计划"),
    "crash": ("internal error: rule {code} ({name}) crashed on {where}: {error}",
              "内部错误：规则 {code}（{name}）检查 {where} 时出错：{error}"),
}

# The schema's descriptions of expected values, as the Chinese messages say them.
_DESCRIPTIONS_ZH = {
    "text": "文字", "a whole number": "整数", "a number": "数字", "true or false": "`true` 或 `false`（是/否）",
    "a list": "列表", "a mapping of keys": "若干项（每行 `名称: 内容`）", "a date written YYYY-MM-DD": "YYYY-MM-DD 格式的日期",
    "a whole number >= 0": "不小于 0 的整数", "a whole number (the day of the cycle)": "整数（周期中的第几天）",
    "a slug (lowercase letters, digits and `-`, starting with a letter or digit)":
        "编号（小写字母、数字和 `-`，以字母或数字开头）",
    "a tier name or a list of tier names": "层级名称或层级名称列表",
    "a contact id or a list of contact ids": "联系人编号或联系人编号列表",
    "a plan id or a list of plan ids": "计划编号或计划编号列表",
    "an account id or a list of account ids": "客户编号或客户编号列表",
    "text or a number": "文字或数字", "a key of project plans": "项目计划才有的项",
    "a key of operational plans": "运营计划才有的项", "a valid value": "有效的写法",
    "the format version 1": "1（格式版本）", "the plan type": "计划类型", "the review cadence": "回顾周期",
    "the project kind": "项目类型", "the account's value class": "客户分级（A 类为重点客户）", "the material kind": "物料类型",
    "the offer type": "独家权益类型",
    # the best-practice pack (opt-in rules)
    "a number >= 0": "不小于 0 的数字", "a number > 0": "大于 0 的数字",
    "three capital letters (a currency code such as CNY)": "货币代码（三个大写字母，人民币写 CNY）",
    "an executive visit: `date`, `exec` and optional `with`": "高层拜访：`date`、`exec`，可选 `with`",
    "a satisfaction survey: `date`, `score` and optional `scale`": "满意度调查：`date`、`score`，可选 `scale`",
    "a budget: `total`, optional `currency` and its `lines`": "费用预算：`total`、可选 `currency` 和分项 `lines`",
    "a budget line: `item` and `amount`": "预算分项：`item` 和 `amount`",
    "a risk: `risk`, optional `mitigation` and `owner`": "风险：`risk`，可选 `mitigation` 和 `owner`",
    "a training session: `date`, `audience` and optional `tier`": "培训：`date`、`audience`，可选 `tier`",
    "a list of risks": "风险列表", "a list of training sessions for the customer's staff": "客户人员培训列表",
    "a list of executive visits": "高层拜访列表", "a list of satisfaction surveys": "满意度调查列表",
    "One key account's plan: the account, its period, and its operational and project plans.":
        "一个大客户的计划：客户信息、计划期间，以及运营计划和项目计划。",
    "planlint key-account plan, format version 1": "planlint 大客户计划（格式版本 1）",
    # the config file (schemas/config.schema.json) and a rule's options (config.option_schema)
    "planlint configuration": "planlint 配置",
    "planlint.yaml, .planlint.yaml, or [tool.planlint] in pyproject.toml.":
        "planlint.yaml、.planlint.yaml，或 pyproject.toml 中的 `[tool.planlint]` 一节。",
    "a file path": "文件路径", "a list of text": "文字列表", "a message language": "消息语言",
    "a rule code or name": "规则代码或名称", "a list of rule codes or names": "规则代码或名称的列表",
    "a severity": "严重程度",
    "a mapping of rule code or name to error, warning or info":
        "按规则设置的严重程度（如 `PL201: warning`；可选 `error`、`warning`、`info`）",
    "a mapping of rule code or name to that rule's options": "按规则设置的选项（如 `PL202: {buffer_days: 14}`）",
    "a mapping of option names to values": "该规则的选项（如 `buffer_days: 14`）",
    "a mapping of file glob to the rules ignored in matching files":
        '按文件设置的要跳过的规则（如 `"plans/old/*.yaml": [PL201]`）',
    "the points each open finding costs an account's health score (of 100), by severity":
        "按严重程度设置的扣分（每个未解决的问题从客户健康分 100 分中扣掉几分）",
    "a whole number of bytes from 1 to 1,000,000,000": "1 到 1,000,000,000 之间的整数（字节数）",
    "a whole number from 1 to 100,000,000": "1 到 100,000,000 之间的整数",
    "a whole number from 0 to 10,000,000": "0 到 10,000,000 之间的整数",
    "a whole number from 1 to 10,000": "1 到 10,000 之间的整数",
    "a whole number from 0 to 100,000": "0 到 100,000 之间的整数", "a number from 0 to 100,000": "0 到 100,000 之间的数字",
    "the options of a rule": "该规则的选项",
}


def builtin_message(name: str, /, **args: Any) -> Text:
    """One of planlint's own messages, by its name in MESSAGES, with `args` filled in."""
    english, chinese = MESSAGES[name]
    return fill({"en": english, "zh": chinese}, **args)


def plural(count: int) -> dict:
    """The English words that follow a count, for `{s}`, `{are}`, `{them}` (Chinese needs none)."""
    one = count == 1
    return {"s": "" if one else "s", "are": "is" if one else "are", "them": "it" if one else "them"}


def description(english: str) -> Text:
    """A schema description in the run's language (it stays English where untranslated)."""
    chinese = _DESCRIPTIONS_ZH.get(english, english)
    # `应为{expected}`: a space before Latin letters or digits (`应为 YYYY-MM-DD 格式的日期`), none before Chinese
    return fill({"en": english, "zh": (" " if chinese[:1].isascii() else "") + chinese})
