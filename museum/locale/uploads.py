"""Messages of several files in one upload, stale previews, files that are no sheet, the year option."""

MESSAGES = {
    "uploads.files_help": (
        "可一次选择多个文件（如本月各平台的下载文件）：每个文件单独预览，最后一次确认全部导入，每个文件各记为一个批次。",
        "Choose several files at once (e.g. this month's platform downloads): each is previewed on its own, then one "
        "click imports them all, one batch per file.",
    ),
    "uploads.commit_all": ("确认导入（{count} 个文件）", "Import ({count} files)"),
    "uploads.counts": (
        "新增 **{inserted}** · 修改 **{updated}** · 不变 **{unchanged}** · 跳过 **{skipped}**",
        "New **{inserted}** · changed **{updated}** · unchanged **{unchanged}** · skipped **{skipped}**",
    ),
    "uploads.months_unchanged": (
        "另有 {count} 个期间的数值与现有数据相同，未列出（见“逐项变化”）。",
        "{count} more periods equal the stored values and are not listed (see “Every value”).",
    ),
    "uploads.year_help": (
        "在这里选择的年份优先于文件标题、工作表名和文件名中的年份（例如沿用了去年模板的标题）；"
        "文件的行中已写明年份（年份列、月份单元格写有年份）时，以行中所写为准，这里不可更改。",
        "A year chosen here wins over a year in the title, the sheet name or the file name (e.g. a title copied from "
        "last year's template); when the rows themselves name the year (a year column, month cells with a year), "
        "those stand and this cannot be changed.",
    ),
    "uploads.year_in_rows": (
        "年份取自文件的{source}，逐行写明，不能在这里更改；如有错误请修改文件。",
        "The year is read from {source}, row by row, and cannot be changed here; correct the file if it is wrong.",
    ),
    "intake.error.stale_preview": (
        "“{file}”的预览已过期：预览之后，这些月份的数据已被另一次提交或回滚修改（可能在另一个标签页或由同事完成），"
        "未写入任何数据。请查看刷新后的预览（原值 → 新值），确认无误后再提交。",
        "The preview of “{file}” is out of date: since it was made, another commit or rollback (perhaps in another tab "
        "or by a colleague) changed these months; nothing was written. Check the refreshed preview (old → new) and "
        "import again if it is right.",
    ),
    "intake.error.personal_number": (
        # row and column stand in the problem list's own columns: the text leads with what and what to do
        "有手机号码或身份证号码（工作表“{sheet}”）：看板不保存个人信息，文件未导入。请删除它（如封面上的联系人手机、表下的联系电话）后重新上传。",
        "Holds a mobile or ID number (sheet “{sheet}”): the dashboard keeps no personal data, so the file was not "
        "imported. Delete it (a contact's mobile on a cover sheet, a phone line under the table) and upload again.",
    ),
    "intake.error.kind_word": (
        "“{file}”是一份 Word 文档（{format}），不是数据表格。年度报告请到“导入年度报告”页面导入；"
        "其他数据请整理成 Excel 或 CSV 表格（可先下载上方模板）后在这里上传。",
        "“{file}” is a Word document ({format}), not a data sheet. Import an annual report on “Import annual report”; "
        "put other figures into an Excel or CSV sheet (the templates above help) and upload that here.",
    ),
    "intake.error.kind_pdf": (
        "“{file}”是 PDF 文件，看板无法从中读取表格。年度报告请从填报网站复制全文（或另存为 Word/网页），"
        "到“导入年度报告”页面导入；数据表格请上传 Excel 或 CSV 原文件。",
        "“{file}” is a PDF; no table can be read from it. For an annual report copy its text from the registration "
        "site (or save it as Word/HTML) and use “Import annual report”; for figures upload the Excel or CSV file.",
    ),
    "intake.error.kind_image": (
        "“{file}”是一张图片（{format}），看板无法识别其中的数字。请上传平台后台下载的数据文件或办公室的 Excel/CSV 表格；"
        "截图上的个别数字可在下方“更正单个数值”中录入。",
        "“{file}” is a picture ({format}); the dashboard cannot read numbers from it. Upload the platform's download "
        "or the office's Excel/CSV sheet; a few figures from a screenshot can be typed in under the correction below.",
    ),
    "intake.error.kind_slides": (
        "“{file}”是一份演示文稿（{format}），不是数据表格。请上传其中数据所在的 Excel 或 CSV 表格。",
        "“{file}” is a presentation ({format}), not a data sheet. Upload the Excel or CSV sheet its figures come from.",
    ),
    "intake.error.kind_media": (
        "“{file}”是音视频文件（{format}），不是数据表格。请上传平台后台“数据”页面下载的表格文件。",
        "“{file}” is an audio or video file ({format}), not a data sheet. Upload the table downloaded from the "
        "platform's data page.",
    ),
    "intake.error.kind_archive": (
        "“{file}”是一个压缩包，看板不解压上传的文件。请解压后逐个选择其中的表格文件（可一次选择多个）。",
        "“{file}” is an archive; uploads are not unpacked. Unpack it and choose its sheets (several at once is fine).",
    ),
    "intake.correction.implausible": (
        "“{value}”超过该指标的合理上限（{bound}），很可能多打了几位或单位不对。如确认无误，请勾选“数值确实超出合理范围”后再检查。",
        "“{value}” is beyond this metric's plausible bound ({bound}); probably extra digits or a wrong unit. If it is "
        "right, tick “The value really is beyond the plausible range” and check again.",
    ),
    "intake.correction.stale": (
        "确认之后，该数值已被另一次保存或导入修改（可能在另一个标签页或由同事完成），本次更正未保存。请查看当前数值后重新检查。",
        "Since you confirmed, another save or import changed this value (perhaps in another tab or by a colleague); "
        "the correction was not saved. Look at the current value and check again.",
    ),
    "uploads.correction.check": ("检查更正", "Check the correction"),
    "uploads.correction.allow": ("数值确实超出合理范围", "The value really is beyond the plausible range"),
    "uploads.correction.confirm": (
        "请确认更正：{metric}，{period}：{old} → {new}。确认后写入一个新批次，可在“上传记录”中回滚。",
        "Please confirm: {metric}, {period}: {old} → {new}. It is saved as a new batch, which can be rolled back under "
        "“Upload history”.",
    ),
    "uploads.correction.none": ("无", "none"),
    "uploads.correction.save": ("确认保存", "Confirm and save"),
    "uploads.correction.cancel": ("取消", "Cancel"),
    "uploads.report_counts": (
        "导入后将写入：新增 {inserted}（数值 {values} 个，机构信息、获奖、荣誉、科研等记录 {records} 条），修改 {updated}，不变 {unchanged}，未归类 {skipped}。",
        "Importing writes: {inserted} new ({values} values, {records} profile, award, honour and research records), "
        "{updated} changed, {unchanged} unchanged, {skipped} unplaced.",
    ),
    "uploads.column.what": ("文件或内容", "File or content"),
    "uploads.describe.rollback": ("回滚批次 #{target}", "rolls back batch #{target}"),
    "uploads.describe.target": ("绩效目标 {year}：{what}", "Targets {year}: {what}"),
    "uploads.describe.budget": ("{year}年预算数", "Budget figures {year}"),
    "uploads.describe.task": ("{year}年重点任务", "Key tasks {year}"),
    "uploads.describe.report": ("{year}年度报告", "Annual report {year}"),
    "uploads.describe.event": ("大事记 {year}", "Timeline {year}"),
    "completeness.title": ("{year}年数据完整性（按月 × 来源）", "Completeness of {year} (month × source)"),
    "completeness.help": (
        "每格为该来源当月已有数值的指标数；“缺”表示应已报送而看板中没有该来源的数值（本年度只计到上个月）。"
        "办公室表格指按全矩阵合计上传的表格，各平台指平台后台下载的文件，手工录入指“更正单个数值”。",
        "Each cell is the number of metrics that source has for the month; “missing” marks a month due with nothing "
        "from that source (this year counts up to last month). Office sheets are uploads of the whole matrix, a "
        "platform its back-office downloads, typed values the one-value corrections.",
    ),
    "completeness.column.source": ("来源", "Source"),
    "completeness.month": ("{month}月", "{month:02d}"),
    "completeness.in": ("✓ {count}", "✓ {count}"),
    "completeness.missing": ("缺", "missing"),
    "completeness.source.office": ("办公室表格", "Office sheets"),
    "completeness.source.typed": ("手工录入", "Typed by hand"),
    "completeness.source.demo": ("示例数据", "Demo data"),
    "completeness.none_missing": ("已到期的月份各来源均有数据。", "Every source has data for every month due."),
    "completeness.some_missing": ("尚缺：{items}。", "Missing: {items}."),
    "completeness.gap": ("{source} {count} 个月", "{source} {count} months"),
    "completeness.join": ("、", ", "),
}
