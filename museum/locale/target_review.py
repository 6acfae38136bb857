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
    "targets.cli.wrote_open": ("已写入 {path}：{indicators} 个指标，已评 {assessed} 分，得分 {score}，暂不评等级。",
                               "Wrote {path}: {indicators} indicators, {assessed} points assessed, score {score}, no grade yet."),
}
