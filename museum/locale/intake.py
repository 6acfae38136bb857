"""Messages of the data intake: upload errors and warnings, corrections, batch states (its CLI and pages:
intake_pages.py)."""

MESSAGES = {
    # whole-file problems
    "intake.error.too_large": (
        "文件大小 {size_mb} MB，超过上限 {limit_mb} MB。请拆分成几个文件后分别上传。",
        "The file is {size_mb} MB, over the {limit_mb} MB limit. Split it into smaller files.",
    ),
    "intake.error.empty_file": ("文件是空的。请选择填好数据的文件。", "The file is empty. Choose a file that holds data."),
    "intake.error.bad_encoding": (
        "文件声明为 {encoding} 编码，但第 {position} 个字节处内容损坏。请重新导出文件。",
        "The file says it is {encoding} but is damaged at byte {position}. Export it again.",
    ),
    "intake.error.not_text": (
        "无法识别文件内容：它不是 CSV/文本文件，也不是 Excel（.xlsx/.xls）、WPS/LibreOffice（.ods）表格或网页表格。请在 Excel 中“另存为”CSV 或 .xlsx 后上传。",
        "This file is not a CSV/text file, an Excel (.xlsx/.xls) or OpenDocument (.ods) workbook, nor an HTML table. Save it from Excel as CSV or .xlsx and upload that.",
    ),
    "intake.error.mixed_encoding": (
        "文件的编码前后不一致：开头是 UTF-8，到第 {position} 个字节（约第 {line} 行）起不再是 UTF-8（可能粘贴了 GBK 文本）。请在 Excel 或记事本中用同一种编码（如 UTF-8）重新保存后上传。",
        "The file mixes two encodings: it is UTF-8 at the start but not from byte {position} (about line {line}) on (perhaps GBK text was pasted in). Save it again in one encoding (e.g. UTF-8) and upload that.",
    ),
    "intake.error.bad_workbook": (
        "{kind} 工作簿已损坏或不完整（可能未下载完或被截断），无法读取。请重新下载，或在 Excel/WPS 中打开后另存，再上传。",
        "The {kind} workbook is damaged or incomplete (perhaps truncated) and cannot be read. Download it again, or open and save it in Excel/WPS, then upload that.",
    ),
    "intake.error.encrypted": (
        "工作簿设有打开密码，无法读取。请在 Excel 中取消密码后另存再上传。",
        "The workbook is password-protected. Remove the password in Excel, save and upload again.",
    ),
    "intake.error.xml_entities": (
        "Excel 文件的部件 {part} 声明了 XML 实体（DTD），正常的工作簿不会这样，已拒绝（疑似“实体膨胀”攻击文件）。请在 Excel 中另存后上传。",
        "The part {part} of the workbook declares XML entities (a DTD), which no real workbook does; refused (possibly an entity-expansion bomb). Save it again in Excel and upload that.",
    ),
    "intake.error.too_many_columns": (
        "工作表“{sheet}”有 {columns} 列，超过上限 {limit} 列，已拒绝。请只保留需要上传的列。",
        "The sheet “{sheet}” has {columns} columns, over the limit of {limit}; refused. Keep only the columns to upload.",
    ),
    "intake.error.too_many_rows": (
        "工作表“{sheet}”有 {rows} 行，超过上限 {limit} 行，已拒绝。请拆分成几个文件。",
        "The sheet “{sheet}” has {rows} rows, over the limit of {limit}; refused. Split it into several files.",
    ),
    "intake.error.too_many_cells": (
        "工作表“{sheet}”的范围达 {cells} 个单元格，超过上限 {limit}，已拒绝（可能有一个单元格远在表格之外）。请删除多余的行列后另存再上传。",
        "The sheet “{sheet}” spans {cells} cells, over the limit of {limit}; refused (perhaps one cell lies far outside the table). Delete the extra rows and columns, save and upload again.",
    ),
    "intake.error.quote_spans_lines": (
        "第 {row} 行（文件第 {line} 行）有一个引号（\"）开始的单元格跨越了 {lines} 行：很可能少了一个闭合引号，后面的行会被并入这一格。请检查该行的引号后重新保存。",
        "Row {row} (line {line} of the file) has a cell that opens a quote (\") and runs over {lines} lines: probably a closing quote is missing, and the rows after it would be swallowed into one cell. Check the quotes on that row and save again.",
    ),
    "intake.error.quote_spans_lines_width": (
        "第 {row} 行（文件第 {line} 行）有一个引号（\"）开始的单元格跨越了 {lines} 行，合并后的这一行有 {cells} 格，而表头有 {header} 格：很可能少了一个闭合引号，几行被并成了一行。请检查该行的引号后重新保存。",
        "Row {row} (line {line} of the file) has a cell that opens a quote (\") and runs over {lines} lines; the merged row has {cells} cells where the header has {header}: probably a closing quote is missing and several rows were merged into one. Check the quotes on that row and save again.",
    ),
    "intake.error.field_too_long": (
        "第 {row} 行有一个单元格长达 {chars} 个字符，超过 Excel 单元格的上限 {limit}：可能少了一个闭合引号，或文件没有换行。请检查该行后重新保存。",
        "Row {row} has a cell of {chars} characters, beyond Excel's cell limit of {limit}: perhaps a closing quote is missing, or the file has no line breaks. Check that row and save again.",
    ),
    "intake.error.html_no_table": (
        "这是一个网页（HTML）文件，但其中没有表格，无法读取数据。请从平台重新下载“导出数据”表格，或另存为 Excel/CSV 后上传。",
        "This is a web page (HTML) without any table, so there is no data to read. Download the platform's data export again, or save it as Excel/CSV, and upload that.",
    ),
    "intake.error.no_visible_sheet": (
        "工作簿中没有可见的工作表（隐藏的工作表不读取：{hidden}）。请在 Excel 中取消隐藏需要上传的工作表。",
        "The workbook has no visible sheet (hidden sheets are not read: {hidden}). Unhide the sheet to upload in Excel.",
    ),
    "intake.error.no_sheet_read": (
        "工作簿中没有可读取的工作表：{reasons}",
        "No sheet of the workbook could be read: {reasons_en}",
    ),
    "intake.error.header_unit": (
        "表头单位“{unit}”不可能是该指标的单位“{expected}”。请核对这一列是否填错，或改正表头单位。",
        "The unit “{unit}” in the header cannot be this metric's unit “{expected}”. Check whether the column is the right one, or correct the unit.",
    ),
    "intake.error.no_year_anywhere": (
        "无法确定年份：没有年份列，月份里没有年份，表头上方的标题、工作表名、文件名里也没有。请在月份中写明年份（如 2025年3月），或上传时指定年份（--year）。",
        "The year is unknown: there is no year column, and neither the month, the title above the header, the sheet name nor the file name names one. Write the month with its year (2025年3月) or give the year when uploading (--year).",
    ),
    "intake.error.no_matched_columns": (
        "表中没有一列能对应到指标目录：{columns}。请在上传页面为这些列选择对应的指标（会按本单位记住），或用 --map \"列名=指标编号\" 指定。",
        "No column of the sheet matches a metric of the catalog: {columns}. Choose a metric for these columns on the upload page (remembered for your institution) or give --map \"column=metric_id\".",
    ),
    "intake.error.imprecise": (
        "数值超过 2^53（约 9007 万亿），无法精确保存，已拒绝。请核对是否多打了数字。",
        "The value is beyond 2^53 (about 9.007e15) and cannot be stored exactly; refused. Check for extra digits.",
    ),
    "intake.error.implausible": (
        "数值超过该指标的合理上限（{bound}），很可能填错（如多了几位数或单位不对）。如确认无误，请勾选“允许超出合理范围的数值”（命令行：--allow-implausible）后重新导入。",
        "The value is beyond this metric's plausible bound ({bound}); probably a mistake (extra digits or a wrong unit). If it is right, tick “allow values beyond the plausible range” (CLI: --allow-implausible) and import again.",
    ),
    "intake.error.more_problems": (
        "还有 {count} 个问题未列出（只列出前 {shown} 个）。请先改正上面的问题后重新上传。",
        "{count} more problems are not listed (only the first {shown} are). Fix the ones above and upload again.",
    ),
    "intake.error.commit_failed": (
        "写入数据库失败（{detail}），数据库未作任何修改。请检查磁盘空间和文件权限后重试。",
        "Writing to the database failed ({detail}); nothing in the database changed. Check the disk space and file permissions, then try again.",
    ),
    "intake.error.bad_mapping": (
        "无法理解列映射“{text}”：应写成“列名=指标编号”（如 图文发布量=posts），或“列名=”表示忽略该列。",
        "Cannot read the column mapping “{text}”: write “column=metric_id” (e.g. 图文发布量=posts), or “column=” to ignore that column.",
    ),
    "intake.error.mapping_unknown_metric": (
        "列映射“{column}={metric}”中没有编号为 {metric} 的指标。您是不是要找：{suggestions}？",
        "The mapping “{column}={metric}” names no metric {metric}. Did you mean: {suggestions}?",
    ),
    "intake.error.bad_xlsx": (
        "Excel 文件已损坏或不完整（可能未下载完或被截断）。请在 Excel 中打开并重新保存后上传。",
        "The Excel file is damaged or incomplete (perhaps truncated). Open it in Excel, save it again and upload that.",
    ),
    "intake.error.unknown_sheet": (
        "工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}",
        "The workbook has no sheet named “{sheet}”. Its sheets: {sheets}",
    ),
    "intake.error.no_header": (
        "前 {rows} 行中找不到表头。长表需要“年份、指标、数值”列；按月表第一列为月份（1月…12月），其余列为指标；宽表第一列为指标，其余列为期间（如 2024年、2024年3月）。可下载模板对照。",
        "No header row in the first {rows} rows. A long table needs year, metric and value columns; a month table has the month first (1月 … 12月) and one column per metric; a wide table has the metric first and one column per period (2024, 2024-03). Download a template to compare.",
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
    "intake.error.month_columns_no_year": (
        "表头的月份列（如 1月、2月）没有写年份，标题、工作表名、文件名里也没有。请在上传时指定年份（--year 或页面上的“年份”），或把表头写成 2025年1月 这样的形式。",
        "The month columns of the header have no year, and neither the title, the sheet name nor the file name names one. Give the year when uploading (--year or the year on the page), or write the headers with their year, like 2025-01.",
    ),
    "intake.error.decimal_month": (
        "工作表“{sheet}”第 {row} 行“{column}”列的月份 {text} 无法确定：它可能是 {year}年1月，也可能是 {year}年10月（在 Excel 中把 {year}.10 输入为数字时，末尾的 0 会被去掉）。请把这个月份改为文本，如 {year}-10 或 10月（若是 1 月则写 {year}-01 或 1月），再上传。",
        "Sheet “{sheet}”, row {row}, column “{column}”: the month “{text}” is ambiguous: it may be January {year} or October {year} (Excel drops the final 0 when {year}.10 is typed as a number). Type the month as text, e.g. {year}-10 for October ({year}-01 for January), and upload again.",
    ),
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
    "intake.error.conflict_columns": (
        "同一行的 {columns} 列对应同一个指标、同一期间，但数值不同。请把其中一列改为别的指标或“忽略此列”。",
        "The columns {columns} of this row hold the same metric and period with different values. Map one of them to "
        "another metric or ignore it.",
    ),
    # warnings
    "intake.warning.ignored_columns": ("以下列不是已知的列，已忽略：{columns}", "These columns are not recognised and were ignored: {columns}"),
    "intake.warning.total_column": ("「{column}」列是合计列，已跳过。", "The column “{column}” is a total column and was skipped."),
    "intake.warning.total_differs": (
        "第 {row} 行「{column}」的合计为 {stated}，而各月之和为 {summed}，两者不一致，请核对。",
        "Row {row}, “{column}”: the total says {stated} but the months add up to {summed}; please check.",
    ),
    "intake.warning.note_rows": ("第 {rows} 行是表格下方的说明（如“填表人：”“注：”），已忽略。", "Notes under the table (such as “filled in by” or “note”) were ignored; row numbers: {rows}."),
    "intake.warning.unmatched_columns": (
        "以下列未对应到指标，未导入：{columns}。可在上传页面为它们选择指标（会记住），或用 --map 指定。",
        "These columns match no metric and were not imported: {columns}. Choose a metric for them on the upload page (remembered) or give --map.",
    ),
    "intake.warning.implausible_allowed": (
        "{count} 个数值超过指标的合理上限，已按您的确认导入（第 {rows} 行）。",
        "{count} values are beyond their metric's plausible bound and were imported as you confirmed (rows {rows}).",
    ),
    "intake.warning.hidden_sheets": ("隐藏的工作表未读取：{sheets}", "Hidden sheets were not read: {sheets}"),
    "intake.warning.skipped_sheet": ("工作表“{sheet}”已跳过：{reason}", "Sheet “{sheet}” skipped: {reason_en}"),
    "intake.warning.subtotal_rows": (
        "第 {rows} 行是季度/半年/多月小计行（如 一季度、1-6月、上半年合计），已跳过（看板按月份自动汇总）。",
        "Quarter, half-year and multi-month subtotal rows (first quarter, January to June, first half total) were skipped (the dashboard adds up the months); row numbers: {rows}.",
    ),
    "intake.warning.decimal_month": (
        "工作表“{sheet}”第 {row} 行“{column}”列的月份 {text} 按表内其他月份或标题读作 {month} 月（Excel 会把数字 2025.10 存成 2025.1）。如不对，请把月份改为文本（如 2025-10 或 10月）后重新上传。",
        "Sheet “{sheet}”, row {row}, column “{column}”: the month “{text}” was read as month {month} from the other months or the title of the sheet (Excel stores the number 2025.10 as 2025.1). If that is wrong, type the month as text (e.g. 2025-10) and upload again.",
    ),
    "intake.warning.excel_error": (
        "工作表“{sheet}”第 {row} 行“{column}”列是 Excel 错误值 {error}（公式出错），这个数没有导入。请在 Excel 中修正公式（或填入数值）后重新上传。",
        "Sheet “{sheet}”, row {row}, column “{column}” holds the Excel error {error} (a broken formula); this figure was not imported. Fix the formula in Excel (or type the value) and upload again.",
    ),
    "intake.warning.excel_error_more": (
        "另有 {count} 个单元格是 Excel 错误值（如 #REF!、#DIV/0!），同样没有导入，请一并修正。",
        "{count} more cells hold Excel errors (such as #REF! or #DIV/0!) and were not imported either; fix them too.",
    ),
    "intake.warning.total_rows": ("第 {rows} 行是合计/小计行，已跳过（合计由看板自动计算）。", "Total and subtotal rows were skipped (the dashboard computes totals); row numbers: {rows}."),
    "intake.warning.duplicate_rows": ("有 {count} 个数值在文件中重复出现（数值相同），只导入一次。", "{count} values appear twice with the same figure; each is imported once."),
    # items of the lists inside the warnings above and below, each in the reader's language
    "intake.item.jump": ("{row}:{metric} {period} {value} / {prior}", "{row}: {metric} {period} {value} / {prior}"),
    "intake.item.month_sum": ("{metric} {year}: Σ{months}={total} ≠ {annual}", "{metric} {year}: Σ{months}={total} ≠ {annual}"),
    "intake.item.unmatched": ("「{name}」（{guesses}？）", "“{name}” ({guesses}?)"),
    "intake.item.map_suggestion": ("{id}（{name}）", "{id} ({name})"),
    "intake.item.suggestion": ("{name} ({id})", "{name} ({id})"),
    "intake.warning.jump": (
        "{count} 个数值与上年同期相差超过 {factor} 倍，请核对（行:指标 期间 本期 / 上年）：{items}",
        "{count} values differ from the same period last year by more than {factor}x; please check (row:metric period value / last year): {items}",
    ),
    "intake.warning.month_sum": (
        "{count} 个指标的月度数据之和与全年数不一致：{items}",
        "{count} metrics have monthly values that do not add up to the stated annual value: {items}",
    ),
    "intake.error.conflict_sheets": (
        "同一指标、同一期间在几个工作表中的数值不同（{places}）。请只保留一个。",
        "The same metric and period has different values on several sheets ({places}). Keep only one.",
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
    "intake.layout.month_rows": ("按月表（每行一个月，每列一个指标）", "month rows (one row per month, one column per metric)"),
    "intake.layout.platform": ("平台导出", "platform export"),
    "intake.year_from.column": ("年份列", "the year column"),
    "intake.year_from.month": ("月份单元格", "the month cells"),
    "intake.year_from.title": ("表头上方的标题", "the title above the header"),
    "intake.year_from.sheet": ("工作表名", "the sheet name"),
    "intake.year_from.file_name": ("文件名", "the file name"),
    "intake.year_from.option": ("指定的年份", "the year given"),
    "intake.sheet.read": ("已读取", "read"),
    "intake.sheet.skipped": ("已跳过", "skipped"),
    "intake.sheet.hidden": ("隐藏，未读取", "hidden, not read"),
    "intake.sheet.rejected": ("有错误", "has errors"),
    "intake.column.sheet": ("工作表", "Sheet"),
    "intake.column.item": ("项目", "Item"),
    "intake.source.format": ("识别的格式", "Detected format"),
    "intake.source.platform": ("平台", "Platform"),
    "intake.source.period": ("覆盖期间", "Period covered"),
    "intake.source.year_from": ("年份来自", "Year taken from"),
    "intake.source.encoding": ("读取为", "Read as"),
    "intake.column.status": ("结果", "Result"),
    "intake.column.values": ("数值个数", "Values"),
    "intake.column.reason": ("说明", "Note"),
    "intake.column.suggestions": ("建议的指标", "Suggested metrics"),
    "intake.column.platform": ("平台", "Platform"),
    "intake.mapping.ignore": ("忽略此列", "ignore this column"),
    "batch.kind.column_alias": ("列名映射", "column mapping"),
    "audit.action.column_alias": ("列名映射", "column mapping"),
}
