"""The words of `planlint due` in English and Chinese: what to do for each kind of
dated entry, and the labels of its reports. Plan text (titles, names, items) is
quoted as written; everything else is in the run's language."""
from __future__ import annotations

from typing import Any

from planlint.api import Text, fill

WORDS = {
    # what to do, for each dated entry a plan states
    "finalized": ("finalize plan `{plan}`", "计划 `{plan}` 定稿"),
    "start": ("plan `{plan}` starts", "计划 `{plan}` 开始"),
    "end": ("plan `{plan}` ends", "计划 `{plan}` 结束"),
    "ready": ("have material `{item}` of plan `{plan}` ready", "计划 `{plan}` 的物料 `{item}` 到位"),
    "consultation": ("consult the customer on plan `{plan}` (consultation {n})",
                     "计划 `{plan}`：与客户第 {n} 次沟通"),
    "review": ("hold the joint review of plan `{plan}` with the customer", "与客户联合复盘计划 `{plan}`"),
    "training": ("train the customer's staff for plan `{plan}` (training {n})",
                 "为计划 `{plan}` 培训门店一线人员（第 {n} 次培训）"),
    "visit": ("executive visit to the customer (visit {n})", "高层拜访客户（第 {n} 次）"),
    "survey": ("customer satisfaction survey (survey {n})", "客户满意度调查（第 {n} 次）"),
    "review_day_weekly": ("review last week of plan `{plan}` and set this week's priorities",
                          "运营计划 `{plan}` 周回顾（回顾上周，定下本周重点）"),
    "review_day_monthly": ("review last month of plan `{plan}` and set this month's priorities",
                           "运营计划 `{plan}` 月度回顾（回顾上月，定下本月重点）"),
    "review_day_quarterly": ("review last quarter of plan `{plan}` and set this quarter's priorities",
                             "运营计划 `{plan}` 季度回顾（回顾上季度，定下本季度重点）"),
    # the reports
    "milestone": ("milestone", "里程碑"),
    "deadline": ("deadline", "即将到期"),
    "overdue": ("overdue", "已逾期"),
    "today": ("today", "今天"),
    "tomorrow": ("tomorrow", "明天"),
    "yesterday": ("yesterday", "昨天"),
    "in_days": ("in {n} days", "{n} 天后"),
    "days_ago": ("{n} days ago", "{n} 天前"),
    "since": ("since {date}", "自 {date} 起"),
    "owner": ("owner {owner}", "负责人：{owner}"),
    "plan": ("plan {plan}", "计划 {plan}"),
    "by": ("by {date}", "最晚 {date}"),
    "nothing_due": ("Nothing due within {within} days of {today}.", "{today} 起 {within} 天内没有待办事项。"),
    "summary": ("{count} item{s} within {within} days of {today}: {overdue} overdue, {deadline} deadline{ds}, "
                "{milestone} milestone{ms}.",
                "{today} 起 {within} 天内共 {count} 项：已逾期 {overdue} 项，即将到期 {deadline} 项，里程碑 {milestone} 项。"),
    "due_in": ("due {when}: {what}", "{when}到期：{what}"),
    "overdue_since": ("overdue since {date} ({rule}): {what}", "自 {date} 起已逾期（{rule}）：{what}"),
    "rule": ("rule {code}", "规则 {code}"),
}


def word(name: str, /, **args: Any) -> Text:
    english, chinese = WORDS[name]
    return fill({"en": english, "zh": chinese}, **args)


def when(days: int, lang: str) -> str:
    """"in 3 days", "today", "2 days ago" (3 天后, 今天, 2 天前)."""
    if days == 0:
        return word("today").render(lang)
    if days == 1:
        return word("tomorrow").render(lang)
    if days == -1:
        return word("yesterday").render(lang)
    return word("in_days" if days > 0 else "days_ago", n=abs(days)).render(lang)
