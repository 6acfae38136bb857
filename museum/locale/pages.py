"""Texts of the data pages that belong to no package of their own (history details)."""

MESSAGES = {
    "access.first_run_short": ("尚未设置账号：所有人可查看，修改数据的页面暂不开放。", "No accounts yet: everyone may view; pages that change data are closed."),
    "history.column.current": ("仍有效", "Still in effect"),
    "history.changes": ("该批次写入的数值（{count} 个，原值 → 新值）", "The {count} values this batch wrote (old → new)"),
    "history.no_values": ("该批次没有写入数值（如年度报告的获奖、荣誉、科研记录，或账号与目标的修改）。",
                          "This batch wrote no values (e.g. only a report's award, honour and research records, or targets)."),
}
