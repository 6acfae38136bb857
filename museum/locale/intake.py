"""Messages of the data intake: upload errors and warnings, corrections, history, the CLI."""

MESSAGES = {
    # whole-file problems
    "intake.error.too_large": (
        "文件大小 {size_mb} MB，超过上限 {limit_mb} MB。请拆分成几个文件后分别上传。",
        "The file is {size_mb} MB, over the {limit_mb} MB limit. Split it into smaller files.",
    ),
    "intake.error.empty_file": ("文件是空的。请选择填好数据的文件。", "The file is empty. Choose a file that holds data."),
    "intake.error.not_text": (
        "无法识别文件内容：它既不是 CSV/文本文件，也不是 Excel .xlsx 文件。请在 Excel 中“另存为”CSV 或 .xlsx 后上传。",
        "This file is neither a CSV/text file nor an Excel .xlsx workbook. Save it from Excel as CSV or .xlsx and upload that.",
    ),
    "intake.error.bad_encoding": (
        "文件声明为 {encoding} 编码，但第 {position} 个字节处内容损坏。请重新导出文件。",
        "The file says it is {encoding} but is damaged at byte {position}. Export it again.",
    ),
    "intake.error.legacy_xls": (
        "这是旧版 Excel 97-2003（.xls）文件，无法读取。请在 Excel 中“另存为” .xlsx 或 CSV 后上传。",
        "This is an old Excel 97-2003 (.xls) file. Save it as .xlsx or CSV in Excel and upload that.",
    ),
    "intake.error.bad_xlsx": (
        "Excel 文件已损坏或不完整（可能未下载完或被截断）。请在 Excel 中打开并重新保存后上传。",
        "The Excel file is damaged or incomplete (perhaps truncated). Open it in Excel, save it again and upload that.",
    ),
    "intake.error.zip_bomb": (
        "Excel 文件解压后约 {expanded_mb} MB，远超正常表格，已拒绝（疑似压缩炸弹）。",
        "The Excel file would unpack to about {expanded_mb} MB, far beyond a normal sheet; refused (possible zip bomb).",
    ),
    "intake.error.unknown_sheet": (
        "工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}",
        "The workbook has no sheet named “{sheet}”. Its sheets: {sheets}",
    ),
    "intake.error.no_header": (
        "前 {rows} 行中找不到表头。长表需要“年份、指标、数值”列；宽表第一列为指标，其余列为期间（如 2024年、2024年3月）。可下载模板对照。",
        "No header row in the first {rows} rows. A long table needs year, metric and value columns; a wide table has the metric first and one column per period (2024, 2024-03). Download a template to compare.",
    ),
    "intake.error.missing_column": (
        "表头缺少必需的列（{role}）。长表需要“年份、指标、数值”三列；可下载模板对照。",
        "The header lacks a required column ({role}). A long table needs year, metric and value; download a template to compare.",
    ),
    "intake.error.no_data_rows": (
        "表头下面没有任何数据行（空行、“合计”行和未填报的值不计）。",
        "There are no data rows below the header (blank rows, total rows and unreported values do not count).",
    ),
    # cell problems
    "intake.error.bad_year": ("年份无法识别，应为如 2024 或 2024年。", "Not a year; write it like 2024."),
    "intake.error.no_year": ("缺少年份。", "The year is missing."),
    "intake.error.bad_month": ("月份无法识别，应为 1–12 或如 3月。", "Not a month; write 1–12 or like 3月."),
    "intake.error.month_range": ("月份必须在 1–12 之间。", "The month must be between 1 and 12."),
    "intake.error.year_range": ("年份必须在 {first}–{last} 之间。", "The year must be between {first} and {last}."),
    "intake.error.no_metric": ("有数值但缺少指标名称。", "There is a value but no metric name."),
    "intake.error.unknown_metric": (
        "未知指标。您是不是要找：{suggestions}？指标可写编号、中文名或别名，见模板中的指标目录。",
        "Unknown metric. Did you mean: {suggestions}? Use the id, the Chinese name or an alias (see the catalog in the template).",
    ),
    "intake.error.unknown_metric_plain": (
        "未知指标。指标可写编号、中文名或别名，见模板中的指标目录。",
        "Unknown metric. Use the id, the Chinese name or an alias (see the catalog in the template).",
    ),
    "intake.error.formula": (
        "单元格是公式，不是数值。请在 Excel 中复制后“选择性粘贴 → 数值”再上传。",
        "The cell is a formula, not a value. In Excel, copy and “Paste Special → Values”, then upload again.",
    ),
    "intake.error.not_a_number": (
        "不是数字。可写 5528、5,528、500万、超500万、约3000；未填报请留空或写“-”。",
        "Not a number. Write 5528, 5,528, 500万, 超500万 or 约3000; leave it empty or write - when not reported.",
    ),
    "intake.error.unit_mismatch": (
        "单位“{unit}”与该指标的单位“{expected}”不符。",
        "The unit “{unit}” does not match this metric's unit “{expected}”.",
    ),
    "intake.error.negative": ("该指标不能为负数。", "This metric cannot be negative."),
    "intake.error.conflict": (
        "同一指标、同一期间在第 {rows} 行有不同的数值。请只保留一个。",
        "The same metric and period has a different value in row(s) {rows}. Keep only one.",
    ),
    # warnings
    "intake.warning.ignored_columns": ("以下列不是已知的列，已忽略：{columns}", "These columns are not recognised and were ignored: {columns}"),
    "intake.warning.total_rows": ("第 {rows} 行是合计/小计行，已跳过（合计由看板自动计算）。", "Rows {rows} are total/subtotal rows and were skipped (the dashboard computes totals)."),
    "intake.warning.duplicate_rows": ("有 {count} 个数值在文件中重复出现（数值相同），只导入一次。", "{count} values appear twice with the same figure; each is imported once."),
    "intake.warning.jump": (
        "{count} 个数值与上年同期相差超过 {factor} 倍，请核对（行:指标 期间 本期 / 上年）：{items}",
        "{count} values differ from the same period last year by more than {factor}x; please check (row:metric period value / last year): {items}",
    ),
    "intake.warning.month_sum": (
        "{count} 个指标的月度数据之和与全年数不一致：{items}",
        "{count} metrics have monthly values that do not add up to the stated annual value: {items}",
    ),
    "intake.commit_rejected": (
        "文件有 {errors} 个问题，未写入任何数据。请修改后重新上传。",
        "The file has {errors} problems; nothing was written. Fix them and upload again.",
    ),
    # manual correction
    "intake.correction.unknown_metric": ("没有编号为 {metric} 的指标。", "There is no metric {metric}."),
    "intake.correction.year_range": ("年份 {year} 不在 {first}–{last} 之间。", "The year {year} is not between {first} and {last}."),
    "intake.correction.month_range": ("月份 {month} 不在 1–12 之间。", "The month {month} is not between 1 and 12."),
    "intake.correction.empty": ("请填写数值。", "Enter a value."),
    "intake.correction.not_a_number": (
        "“{value}”不是该指标（单位：{unit}）的数值。可写 5528、5,528、500万、超500万、约3000。",
        "“{value}” is not a value for this metric (unit: {unit}). Write 5528, 5,528, 500万, 超500万 or 约3000.",
    ),
    "intake.correction.negative": ("“{value}”为负数，该指标不能为负。", "“{value}” is negative; this metric cannot be."),
    "intake.correction.unchanged": ("该数值与当前数值相同，无需更正。", "That is already the current value; nothing to correct."),
    # status words
    "intake.status.committed": ("已导入", "committed"),
    "intake.status.valid": ("校验通过", "valid"),
    "intake.status.rejected": ("已拒绝", "rejected"),
    "intake.status.duplicate": ("重复文件", "duplicate"),
    "intake.change.new": ("新增", "new"),
    "intake.change.changed": ("修改", "changed"),
    "intake.change.unchanged": ("不变", "unchanged"),
    "intake.layout.long": ("长表（每行一个数值）", "long (one value per row)"),
    "intake.layout.wide": ("宽表（每列一个期间）", "wide (one column per period)"),
    # CLI
    "intake.cli.committed": (
        "已导入 {file}：批次 #{batch_id}，新增 {inserted}，修改 {updated}，不变 {unchanged}，跳过 {skipped}（编码 {encoding}，{layout}）。",
        "Imported {file}: batch #{batch_id}, {inserted} new, {updated} changed, {unchanged} unchanged, {skipped} skipped (encoding {encoding}, {layout}).",
    ),
    "intake.cli.valid": (
        "{file} 校验通过（未写入）：将新增 {inserted}，修改 {updated}，不变 {unchanged}，跳过 {skipped}（编码 {encoding}，{layout}）。",
        "{file} is valid (nothing written): {inserted} new, {updated} changed, {unchanged} unchanged, {skipped} skipped (encoding {encoding}, {layout}).",
    ),
    "intake.cli.duplicate": (
        "{file} 与批次 #{batch_id} 的文件完全相同，已导入过，未做任何修改。",
        "{file} is identical to the file of batch #{batch_id}; it is already imported and nothing changed.",
    ),
    "intake.cli.rejected": ("{file} 有 {count} 个问题，未写入任何数据：", "{file} has {count} problems; nothing was written:"),
    "intake.cli.problem": ("第 {row} 行「{column}」列：“{value}” {message}", "Row {row}, column “{column}”: “{value}” {message}"),
    "intake.cli.problem_row": ("第 {row} 行「{column}」列：{message}", "Row {row}, column “{column}”: {message}"),
    "intake.cli.problem_file": ("{message}", "{message}"),
    "intake.cli.warning": ("提醒：{message}", "Warning: {message}"),
    "intake.cli.cannot_read": ("无法读取文件 {path}：{detail}", "Cannot read the file {path}: {detail}"),
    "intake.cli.rolled_back": (
        "已回滚批次 #{batch_id}（回滚记录为批次 #{rollback_id}），数值已恢复到该批次之前。",
        "Batch #{batch_id} rolled back (recorded as batch #{rollback_id}); values are as they were before it.",
    ),
    "intake.cli.no_batches": ("还没有任何批次。", "There are no batches yet."),
    "intake.column.batch": ("批次", "Batch"),
    "intake.column.kind": ("类型", "Kind"),
    "intake.column.time": ("时间", "Time"),
    "intake.column.user": ("用户", "User"),
    "intake.column.file": ("文件", "File"),
    "intake.column.inserted": ("新增", "New"),
    "intake.column.updated": ("修改", "Changed"),
    "intake.column.unchanged": ("不变", "Unchanged"),
    "intake.column.skipped": ("跳过", "Skipped"),
    "intake.column.state": ("状态", "State"),
    "intake.column.row": ("行", "Row"),
    "intake.column.column": ("列", "Column"),
    "intake.column.value": ("内容", "Value"),
    "intake.column.message": ("问题", "Problem"),
    "intake.column.metric": ("指标", "Metric"),
    "intake.column.period": ("期间", "Period"),
    "intake.column.old": ("原值", "Old value"),
    "intake.column.new": ("新值", "New value"),
    "intake.column.change": ("变化", "Change"),
    "intake.state.active": ("有效", "active"),
    "intake.state.rolled_back": ("已被 #{by} 回滚", "rolled back by #{by}"),
    "intake.state.rollback_of": ("回滚了 #{target}", "rolls back #{target}"),
    "intake.period.year": ("{year}年", "{year}"),
    "intake.period.month": ("{year}年{month}月", "{year}-{month:02d}"),
}
