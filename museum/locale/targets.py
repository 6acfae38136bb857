"""Texts of plans and targets: the 绩效目标表 import, scoring, key tasks, events and the 绩效自评表."""

MESSAGES = {
    # batch kinds and audit actions (museum.batches.KINDS, museum.audit.ACTIONS)
    "batch.kind.targets": ("绩效目标导入", "targets import"),
    "batch.kind.target_edit": ("绩效目标修改", "target edit"),
    "batch.kind.task_edit": ("重点任务修改", "key task edit"),
    "batch.kind.timeline": ("大事记修改", "timeline edit"),
    "audit.action.targets_import": ("绩效目标导入", "targets import"),
    "audit.action.target_edit": ("绩效目标修改", "target edit"),
    "audit.action.task_edit": ("重点任务修改", "key task edit"),
    "audit.action.event_edit": ("大事记修改", "event edit"),
    # reading the file
    "targets.file.empty": ("文件是空的：请选择填好的绩效目标表。", "The file is empty: choose a filled-in performance target sheet."),
    "targets.file.too_large": (
        "文件有 {size_mb} MB，超过 {limit_mb} MB 的上限：绩效目标表通常只有几十 KB，请检查是否选错了文件。",
        "The file is {size_mb} MB, over the {limit_mb} MB limit: a target sheet is usually a few dozen KB; check the file.",
    ),
    "targets.file.unreadable": (
        "无法读取这个 {kind} 文件（{detail}）：请在 Excel 中打开后另存为 .xlsx 再上传。",
        "Cannot read this {kind} file ({detail}): open it in Excel, save it as .xlsx and upload again.",
    ),
    "targets.file.not_a_sheet": (
        "这不是表格文件：请上传 .xlsx、.xls 或 .csv 格式的绩效目标表。",
        "This is not a spreadsheet: upload the target sheet as .xlsx, .xls or .csv.",
    ),
    "targets.file.no_header": (
        "前 20 行中没有找到表头（需要“三级指标”“指标值”“分值”三列）：请使用绩效目标表的标准表头，或下载空白模板填写。",
        "No header in the first 20 rows (the columns 三级指标, 指标值 and 分值 are needed): use the standard headings or fill in the blank template.",
    ),
    "targets.file.no_rows": ("表头下面没有指标行：请填写至少一个三级指标。", "There are no indicator rows under the header: fill in at least one indicator."),
    # checking rows
    "targets.value.empty": ("年度指标值为空：请填写目标，如 ≥6000篇，定性指标写“达到预期”。", "The annual target is empty: write one, e.g. ≥6000篇, or 达到预期 for a qualitative target."),
    "targets.value.relative": (
        "“{value}”是与上年相比的说法，无法计算完成率：请写出具体数值（如 ≥5600篇），定性指标写“达到预期”。",
        "“{value}” compares with last year without a figure, so completion cannot be computed: write the figure (e.g. ≥5600篇), or 达到预期 for a qualitative target.",
    ),
    "targets.value.unreadable": (
        "“{value}”不是可读的指标值：请写成 ≥6000篇、不少于400条、≤120万元、=300天 或 100%，定性指标写“达到预期”。",
        "“{value}” is not a target that can be read: write it as ≥6000篇, 不少于400条, ≤120万元, =300天 or 100%, or 达到预期 for a qualitative target.",
    ),
    "targets.value.approx": (
        "“{value}”是约数，不能作为目标：请写明比较方式和数值，如 ≥300天。",
        "“{value}” is approximate and cannot be a target: write a comparison and a figure, e.g. ≥300天.",
    ),
    "targets.error.indicator_empty": ("三级指标为空：请填写指标名称，或删除这一行。", "The indicator name is empty: fill it in or delete the row."),
    "targets.error.duplicate": (
        "三级指标“{indicator}”与第 {first} 行重复：每个指标只能出现一次，请改名或合并。",
        "The indicator “{indicator}” repeats row {first}: each indicator may appear once; rename or merge them.",
    ),
    "targets.error.weight_empty": ("分值为空：请填写这一指标的分值（各指标合计 80 分）。", "The points are empty: fill in this indicator's points (80 in all)."),
    "targets.error.weight_not_number": ("分值“{value}”不是数字：请填写如 10 或 7.5。", "The points “{value}” are not a number: write e.g. 10 or 7.5."),
    "targets.error.weight_range": ("分值“{value}”不在 0–100 之间：请改正。", "The points “{value}” are not between 0 and 100: correct them."),
    "targets.error.unknown_metric": (
        "“{value}”不是指标目录中的指标：请填写指标代码或名称（如 posts、科普图文），不关联请留空。",
        "“{value}” is not a metric of the catalog: write a metric id or name (e.g. posts, 科普图文), or leave it empty.",
    ),
    "targets.error.unit_mismatch": (
        "关联指标“{metric}”以“{metric_unit}”计，与目标的单位“{unit}”不符：请改正目标的单位，或关联其他指标、留空不关联。",
        "The linked metric “{metric_en}” counts in “{metric_unit}”, which does not fit the target's unit “{unit}”: correct the unit, link another metric or leave it unlinked.",
    ),
    "targets.error.qualitative_link": (
        "定性指标“{value}”不能关联统计指标：请清空关联指标，或写出数值目标。",
        "A qualitative target cannot be linked to the metric “{value}”: clear the link or write a numeric target.",
    ),
    "targets.error.operator_needs_value": (
        "比较方式需要数值目标，而“{value}”没有数值：请写出数值（如 ≥300天），或选择“定性”。",
        "The comparison needs a figure, and “{value}” has none: write one (e.g. ≥300天) or choose qualitative.",
    ),
    "targets.warn.weight_total": (
        "各指标分值合计 {total} 分，应为 80 分（预算执行率另计 20 分）：请核对分值。",
        "The indicators' points add up to {total}, not 80 (budget execution counts another 20): check the points.",
    ),
    "targets.warn.bare_operator": (
        "{count} 个指标值未写比较方式，按“≥”（不少于）处理（第 {rows} 行）；如不对请在审核中修改。",
        "{count} targets have no comparison written and are read as ≥ (at least) (rows {rows}); change them in the review if that is wrong.",
    ),
    "targets.warn.title_year": (
        "表头写的是 {title_year} 年，将作为 {year} 年的目标导入：如年份不对请改选年份。",
        "The title says {title_year}; the sheet is imported as the targets of {year}: choose another year if that is wrong.",
    ),
    "targets.warn.duplicate_file": (
        "这个文件已由批次 #{batch_id} 导入为 {year} 年的目标，未作修改。",
        "This file was already imported as the {year} targets by batch #{batch_id}; nothing was changed.",
    ),
    "targets.warn.nothing_changes": (
        "库中 {year} 年的目标与这张表完全相同，未作修改。",
        "The stored {year} targets are exactly this sheet; nothing was changed.",
    ),
    "targets.commit_rejected": ("这张表有 {errors} 个问题，不能导入：请先改正。", "The sheet has {errors} problems and cannot be imported: correct them first."),
    "targets.problem": ("第 {row} 行「{column}」列：“{value}” — {message}", "row {row}, column “{column}”: “{value}” — {message}"),
    "targets.problem_row": ("第 {row} 行：{message}", "row {row}: {message}"),
    # columns of a sheet (when a file's own heading is missing)
    "targets.column.level1": ("一级指标", "Level 1"),
    "targets.column.level2": ("二级指标", "Level 2"),
    "targets.column.indicator": ("三级指标", "Indicator"),
    "targets.column.target": ("年度指标值", "Annual target"),
    "targets.column.weight": ("分值", "Points"),
    "targets.column.metric": ("关联指标", "Linked metric"),
    # the review table
    "targets.review.row": ("行", "Row"),
    "targets.review.level1": ("一级指标", "Level 1"),
    "targets.review.level2": ("二级指标", "Level 2"),
    "targets.review.indicator": ("三级指标", "Indicator"),
    "targets.review.target": ("年度指标值", "Annual target"),
    "targets.review.operator": ("比较方式", "Comparison"),
    "targets.review.value": ("读作", "Read as"),
    "targets.review.weight": ("分值", "Points"),
    "targets.review.metric": ("关联指标", "Linked metric"),
    "targets.review.suggestion": ("关联依据", "Why linked"),
    "targets.review.suggested": ("名称含“{name}”，单位 {unit} 相符（建议，可修改）", "name contains “{name}”, unit {unit} fits (suggested; change it if wrong)"),
    "targets.operator.>=": ("≥ 不少于", "≥ at least"),
    "targets.operator.<=": ("≤ 不超过", "≤ at most"),
    "targets.operator.=": ("= 等于", "= exactly"),
    "targets.operator.qualitative": ("定性", "qualitative"),
    # budget figures
    "targets.budget.initial_budget": ("年初预算数", "Initial budget"),
    "targets.budget.full_year_budget": ("全年预算数", "Full-year budget"),
    "targets.budget.executed": ("全年执行数", "Full-year spending"),
    "targets.budget.rate": ("执行率", "Execution rate"),
}
