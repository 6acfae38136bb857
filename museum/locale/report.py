"""Messages of the annual-report import: parser, CLI and the review page."""

MESSAGES = {
    "report.empty": ("文件 {name} 是空的，没有可读取的报告内容。", "The file {name} is empty; there is no report to read."),
    "report.undecodable": (
        "无法识别文件的文字编码（已尝试 UTF-8、GB18030、UTF-16）。请另存为 UTF-8 文本后重试。",
        "Cannot tell the file's text encoding (tried UTF-8, GB18030, UTF-16). Save it as UTF-8 text and try again.",
    ),
    "report.not_text_file": (
        "{name} 不是可读取的报告文件（旧版 Word .doc/.wps、PDF、RTF 或图片）：请在 Word 或 WPS 中打开，另存为 .docx 或 .txt 后重试，"
        "或把报告文字复制粘贴到页面上。",
        "{name} is not a report file that can be read (an old Word .doc/.wps, a PDF, an RTF or a picture): open it in Word "
        "or WPS, save it as .docx or .txt and try again, or paste the report's text on the page.",
    ),
    "report.not_a_report": (
        "{name} 不像事业单位法人年度报告：只找到 {found} 个登记事项（至少需要 {needed} 个，如 单位名称、住所、法定代表人、开办资金）。",
        "{name} does not look like a 事业单位法人年度报告: only {found} registration fields were found (at least {needed} are needed, e.g. 单位名称, 住所, 法定代表人, 开办资金).",
    ),
    "report.no_year": (
        "{name} 中找不到报告年度（如“( 2023 年度)”“2023年度”，或业务活动情况中的“2023年”）。请在文本开头补上“2023年度”后重试。",
        "No report year was found in {name} (such as “( 2023 年度)”, “2023年度”, or “2023年” in the activities). Add “2023年度” at the top and try again.",
    ),
}
MESSAGES.update({
    "report.table.figures": ("字段与指标表第", "fields and metrics, row"),
    "report.table.awards": ("获奖表第", "awards, row"),
    "report.table.honors": ("荣誉表第", "honours, row"),
    "report.table.research": ("科研表第", "research, row"),
    "report.error.not_a_number": ("不是数字（可写 5528、超500万、约3000）", "is not a number (write 5528, 超500万 or 约3000)"),
    "report.error.bad_code": ("不是允许的取值：{allowed}", "is not one of: {allowed}"),
    "report.error.twice": ("该指标已在第 {first} 行出现，请删除其中一行或取消勾选", "this metric is already on row {first}; remove one row or untick it"),
    "report.error.unknown_key": ("不是已知的登记事项或指标（请从列表中选择）", "is not a known field or metric (pick one from the list)"),
    "report.error.bad_count": ("数量须为正整数", "the count must be a positive whole number"),
    "report.error.required": ("不能为空", "must not be empty"),
    "report.error.no_name": ("缺少单位名称：请在审核表中填写“单位名称”后再导入。", "The unit's name is missing: fill in “Name” in the review table, then import."),
})
MESSAGES.update({
    "report.status.new": ("新增", "new"),
    "report.status.changed": ("修改", "changed"),
    "report.status.unchanged": ("不变", "unchanged"),
    "report.records.awards": ("获奖记录", "award records"),
    "report.records.honors": ("荣誉记录", "honour records"),
    "report.records.research": ("科研记录", "research records"),
    "report.records.profile": ("登记事项", "registration fields"),
    "report.warn.new_institution": ("将新建机构“{name}”。", "A new institution “{name}” will be created."),
    "report.warn.year_clash": (
        "报告标明{year}年度，而业务活动情况从“{other}年”写起：数据按{year}年导入，如年度不对请改正报告后重新导入。",
        "The report names the year {year}, but its activities open with the year {other}: the figures are imported as "
        "{year}; if that is wrong, correct the report and import it again.",
    ),
    "report.warn.unplaced": (
        "{count} 个数字未能归类，不会导入：{texts}。请在审核表中补录。",
        "{count} figures could not be placed and will not be imported: {texts}. Add them in the review table.",
    ),
    "report.warn.replaces": ("将替换 {year} 年已有的 {count} 条{table}。", "Replaces the {count} {table} already stored for {year}."),
    "report.warn.assets_mismatch": (
        "{year} 年年初数 {start} 万元与 {prior_year} 年年末数 {prior_end} 万元不一致，请核对。",
        "Assets at the start of {year} ({start} 10k CNY) differ from the end of {prior_year} ({prior_end} 10k CNY); please check.",
    ),
    "report.warn.duplicate": ("同一文件已由批次 #{batch_id} 导入，未做任何修改。", "This exact file was already imported by batch #{batch_id}; nothing changed."),
})
MESSAGES.update({
    "report.cli.no_file": ("找不到文件 {path}。请检查路径。", "There is no file {path}. Check the path."),
    "report.cli.parsed": (
        "{name}（{year} 年度，版式 {layout}）：指标 {metrics} 个，获奖 {awards} 条，荣誉 {honors} 条，科研 {research} 条，未归类数字 {unplaced} 个。",
        "{name} ({year}, layout {layout}): {metrics} metrics, {awards} awards, {honors} honours, {research} research items, {unplaced} unplaced figures.",
    ),
    "report.cli.error": ("{row} {column} “{value}”：{message}", "{row} {column} “{value}”: {message}"),
    "report.cli.committed": (
        "已导入为批次 #{batch_id}：新增 {inserted}，修改 {updated}，不变 {unchanged}，未归类 {skipped}。",
        "Imported as batch #{batch_id}: {inserted} inserted, {updated} updated, {unchanged} unchanged, {skipped} unplaced.",
    ),
    "report.cli.valid": (
        "检查通过（未写入）：将新增 {inserted}，修改 {updated}，不变 {unchanged}，未归类 {skipped}。",
        "Valid (nothing written): would insert {inserted}, update {updated}, leave {unchanged} unchanged; {skipped} unplaced.",
    ),
    "report.cli.duplicate": ("该文件已导入过，未做任何修改。", "This file was already imported; nothing changed."),
    "report.cli.rejected": ("未导入：请修正以上问题后重试。", "Not imported: fix the problems above and try again."),
})
MESSAGES.update({
    "page.report_import": ("导入年度报告", "Import annual report"),
    "report.ui.intro": (
        "粘贴登记管理网站上的事业单位法人年度报告全文，或上传 .txt / .html / .docx 文件；核对每个数字及其原文后，作为一个批次导入（可在上传记录中回滚）。",
        "Paste the full text of a 事业单位法人年度报告 from the registration portal, or upload it as .txt / .html / .docx; check every figure against its sentence, then import it as one batch (it can be rolled back).",
    ),
    "report.ui.paste": ("粘贴文字", "Paste text"),
    "report.ui.upload": ("上传文件", "Upload a file"),
    "report.ui.paste_label": ("年度报告全文", "Full text of the report"),
    "report.ui.upload_label": ("年度报告文件（.txt、.html、.docx）", "Report file (.txt, .html, .docx)"),
    "report.ui.waiting": ("请粘贴报告文字或上传文件。", "Paste the report's text or upload a file."),
    "report.ui.year": ("报告年度", "Report year"),
    "report.ui.layout": ("版式", "Layout"),
    "report.ui.encoding": ("读取方式", "Read as"),
    "report.ui.review": ("审核识别结果", "Review what was read"),
    "report.ui.review_help": (
        "可直接修改数值（如 超500万、约3000）、限定和级别；取消勾选“保留”即不导入该行；可在表尾添加行补录未归类的数字。",
        "Edit values (e.g. 超500万, 约3000), qualifiers and codes in place; untick “keep” to leave a row out; add a row at the end for an unplaced figure.",
    ),
    "report.ui.key": ("字段/指标编号", "Field / metric id"),
    "report.ui.field_or_metric": ("字段/指标", "Field / metric"),
    "report.ui.unit": ("单位", "Unit"),
    "report.ui.confidence": ("识别把握", "How sure"),
    "report.ui.keep": ("保留", "Keep"),
    "report.ui.awards": ("职工获奖（{count} 条）", "Staff awards ({count})"),
    "report.ui.honors": ("集体荣誉（{count} 条）", "Unit honours ({count})"),
    "report.ui.research": ("科研（{count} 条）", "Research ({count})"),
    "report.ui.unplaced": ("未归类的数字（{count} 个）", "Unplaced figures ({count})"),
    "report.ui.unplaced_help": (
        "这些数字出现在报告中，但无法确定对应的指标（或属于下一步计划），不会自动导入。如需导入，请在上表添加一行。",
        "These figures are in the report but could not be matched to a metric (or belong to next year's plans); they are not imported. Add a row above to import one.",
    ),
    "report.ui.none_unplaced": ("没有未归类的数字。", "No unplaced figures."),
    "report.ui.figure": ("数字", "Figure"),
    "report.ui.has_errors": ("审核表中有 {count} 处问题，修正后才能导入：", "The review tables have {count} problems to fix before importing:"),
    "report.ui.changes": ("与库中数据比较", "Compared with the stored figures"),
    "report.ui.change_counts": ("新增 {new} 个，修改 {changed} 个，不变 {unchanged} 个。", "{new} new, {changed} changed, {unchanged} unchanged."),
    "report.ui.old": ("原值", "Stored"),
    "report.ui.new": ("新值", "New"),
    "report.ui.status": ("变化", "Change"),
    "report.ui.commit": ("导入 {year} 年度报告", "Import the {year} report"),
})
MESSAGES.update({
    # the review tables in words: qualifiers, column headers, problems
    "report.qualifier.exact": ("精确值", "Exact"),
    "report.qualifier.at_least": ("下限（超/余/多）", "At least (超/余/多)"),
    "report.qualifier.approx": ("约数（约/近/左右）", "Approximate (约/近/左右)"),
    "report.column.key": ("字段/指标", "Field / metric"),
    "report.column.name": ("单位名称", "Name"),
    "report.column.value": ("数值", "Value"),
    "report.column.qualifier": ("限定", "Qualifier"),
    "report.column.unit": ("单位", "Unit"),
    "report.column.sentence": ("原文", "Report text"),
    "report.column.competition": ("竞赛", "Competition"),
    "report.column.level": ("级别", "Level"),
    "report.column.grade": ("等次", "Grade"),
    "report.column.count": ("数量", "Count"),
    "report.column.title": ("荣誉", "Honour"),
    "report.column.subject": ("获评对象", "Honoured"),
    "report.column.awarded_by": ("评选活动", "Programme"),
    "report.column.item_type": ("类型", "Type"),
    "report.column.role": ("角色", "Role"),
    "report.column.stage": ("阶段", "Stage"),
    "report.column.description": ("说明", "Description"),
    "report.errors.row": ("位置", "Where"),
    "report.errors.column": ("列", "Column"),
    "report.errors.value": ("内容", "Value"),
    "report.errors.message": ("问题", "Problem"),
    # comparing with the stored figures
    "report.status.source_updated": ("不变（来源更新）", "unchanged (source updated)"),
    "report.ui.change_counts_sources": (
        "新增 {new} 个，修改 {changed} 个，不变 {unchanged} 个（其中 {source_updated} 个仅更新来源原文）。",
        "{new} new, {changed} changed, {unchanged} unchanged ({source_updated} of them with a new source sentence).",
    ),
})
