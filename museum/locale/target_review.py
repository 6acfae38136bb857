"""Texts of the targets' review: the score on what is assessed, the pace against 序时进度, the bulk entry table, the Word 自评报告."""

MESSAGES = {
    "targets.assessed.line": ("{year}年绩效自评：已评 {assessed} 分，得 {score} 分（得分率 {rate}）",
                              "{year} self-evaluation: {assessed} points assessed, {score} earned ({rate})"),
    "targets.assessed.open": ("；待评 {open} 分，未评部分不计为零", "; {open} points still open, not counted as zero"),
    "targets.assessed.none": ("{year}年绩效自评：尚无已评部分（待评 {open} 分）", "{year} self-evaluation: nothing assessed yet ({open} points open)"),
    "targets.assessed.graded": ("总分 {score} 分（满分 {full}），等级：{grade}", "Total {score} of {full}, grade: {grade}"),
    "targets.assessed.no_grade_open": ("尚有部分未评，全部评定后给出等级。", "Some parts are not assessed yet: the grade is given once all are."),
    "targets.assessed.no_grade_running": ("年度尚未结束，实际值为年内累计，暂不评定等级。",
                                          "The year is not over and the actuals are year to date: no grade yet."),
    "targets.assessed.note": ("已评 {assessed} 分，得分率 {rate}", "{assessed} points assessed, {rate} earned"),
    "targets.assessed.note_open": ("；待评 {open} 分", "; {open} points open"),
    "targets.assessed.note_no_grade": ("；暂不评等级", "; no grade yet"),
    "targets.pace.line": ("按序时进度 {pct}：{parts}。", "Against {pct} of the year elapsed: {parts}."),
    "targets.pace.ahead": ("{count} 项领先或持平（{names}）", "{count} ahead or level ({names})"),
    "targets.pace.behind": ("{count} 项落后（{names}）", "{count} behind ({names})"),
    "targets.review.no_link": ("不关联", "not linked"),
    "targets.entries.column.indicator": ("三级指标", "Indicator"),
    "targets.entries.column.target": ("年度指标值", "Annual target"),
    "targets.entries.column.source": ("实际值来源", "Actual from"),
    "targets.entries.column.actual": ("实际完成值", "Actual"),
    "targets.entries.column.score": ("得分（定性）", "Score (qualitative)"),
    "targets.entries.column.note": ("来源说明", "Source note"),
    "targets.entries.column.deviation": ("偏差原因分析及改进措施", "Reasons for deviation and improvements"),
    "targets.entries.source.metric": ("数据：{metric}", "data: {metric}"),
    "targets.entries.source.budget": ("预算执行数（可在此录入覆盖）", "budget execution (enter here to override)"),
    "targets.entries.source.entered": ("在此录入", "entered here"),
    "targets.entries.source.qualitative": ("定性：录入完成情况和得分", "qualitative: enter the result and score"),
    "targets.entries.stale": (
        "未保存：{names} 在本表打开后已被修改（可能在另一个窗口或由他人）。表中仍是您的输入，下方列出现在保存的内容；"
        "核对后再次点击“保存”将以您的输入为准。",
        "Not saved: {names_en} changed after this table was opened (in another window or by someone else). Your entries are "
        "still in the table and what is stored now is listed below; check, then press Save again to keep yours.",
    ),
    "targets.entries.problem": ("未保存：第 {row} 行“{indicator}”的“{column_zh}”：{problem_zh}",
                                "Not saved: row {row} “{indicator}”, {column_en}: {problem_en}"),
    "targets.entries.score_not_qualitative": ("得分只用于定性指标；其他指标的得分按实际完成值计算。",
                                              "A score is entered for qualitative indicators only; the others are scored from their actual."),
    "targets.entries.title": ("完成值与偏差原因", "Actuals and reasons for deviation"),
    "targets.entries.help": (
        "在表中直接填写：未关联数据的指标填实际完成值（如 5600、超50、约3000），定性指标填完成情况和得分，每项都可填偏差原因；"
        "关联了数据的指标实际值取自数据，不在此填写。改完后点一次“保存”，所有修改记为一个批次。",
        "Fill in the table: the actual of each indicator not linked to data (e.g. 5600, 超50, 约3000), the result and score "
        "of a qualitative one, and any reason for deviation; a linked indicator's actual comes from the data. Press Save "
        "once: all changes are one batch.",
    ),
    "targets.entries.save": ("保存全部修改", "Save all changes"),
    "targets.entries.saved": ("已保存 {count} 项指标的修改（批次 #{batch_id}）。", "Saved changes to {count} indicators (batch #{batch_id})."),
    "targets.entries.stored_now": ("“{indicator}”现在保存的内容：实际完成值 {actual}；偏差原因 {deviation}",
                                   "“{indicator}” as stored now: actual {actual}; reason {deviation}"),
    "targets.chart.status.ahead": ("领先或持平序时进度", "ahead of or level with the year"),
    "targets.chart.status.behind": ("落后于序时进度", "behind the year"),
    "targets.chart.status.met": ("已达成", "met"),
    "targets.chart.status.missed": ("未达成", "not met"),
    "targets.chart.status.pending": ("待评", "pending"),
    "targets.cli.wrote_open": ("已写入 {path}：{indicators} 个指标，已评 {assessed} 分，得分 {score}，暂不评等级。",
                               "Wrote {path}: {indicators} indicators, {assessed} points assessed, score {score}, no grade yet."),
}
