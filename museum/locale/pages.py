"""Texts of the data pages that belong to no package of their own (history details)."""

MESSAGES = {
    "upload.mapping.title": ("未识别的列", "Columns not recognised"),
    "upload.mapping.help": (
        "为每一列选择对应的指标，或选择“忽略此列”。确认导入后，本馆会记住这些对应关系，下次同样的表格可直接导入。",
        "Choose the metric each column holds, or ignore it. Once imported, the museum remembers these choices, so the "
        "same sheet goes straight through next time.",
    ),
    "upload.mapping.column": ("列「{column}」（工作表 {sheet}）", "Column “{column}” (sheet {sheet})"),
    "upload.mapping.looks_like": ("看起来像：{metrics}", "Looks like: {metrics}"),
    "upload.only_sheet": ("只读取工作表", "Read only the sheet"),
    "upload.all_sheets": ("全部工作表", "all sheets"),
    "upload.year": ("年份", "Year"),
    "upload.year_from_file": ("按文件所写", "as the file says"),
    "upload.year_help": (
        "文件的年份依次取自：年份列、月份单元格、标题行、工作表名、文件名；都没有写明时请在这里选择。",
        "The year comes from a year column, the month cells, the title rows, the sheet name or the file name; choose "
        "it here when the file names none.",
    ),
    "upload.allow_implausible": ("允许超出合理范围的数值", "Allow values beyond the plausible range"),
    "upload.tab.months": ("按月对照（原值 → 新值）", "Month by month (old → new)"),
    "upload.tab.values": ("逐项变化", "Every value"),
    "upload.next_file": ("如需继续，请选择下一个文件。", "Choose the next file to go on."),
    "access.first_run_short": ("尚未设置账号：所有人可查看，修改数据的页面暂不开放。", "No accounts yet: everyone may view; pages that change data are closed."),
    "history.column.current": ("仍有效", "Still in effect"),
    "history.changes": ("该批次写入的数值（{count} 个，原值 → 新值）", "The {count} values this batch wrote (old → new)"),
    "history.no_values": ("该批次没有写入数值（如年度报告的获奖、荣誉、科研记录，或账号与目标的修改）。",
                          "This batch wrote no values (e.g. only a report's award, honour and research records, or targets)."),
}
