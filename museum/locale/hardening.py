"""Messages of issue 20's hardening: report limits, plausibility on every path, intake text, restore differences."""

MESSAGES = {
    "report.too_large": (
        "报告文件 {name} 有 {size_mb} MB，超过上限 {limit_mb} MB（真实的年度报告不到 0.1 MB），未读取。请确认选对了文件，或只复制报告正文后粘贴。",
        "The report file {name} is {size_mb} MB, more than the limit of {limit_mb} MB (a real annual report is under 0.1 MB); it was not read. "
        "Check that this is the right file, or paste just the report's text.",
    ),
    "report.docx_dtd": (
        "Word 文件 {name} 的部件 {part} 声明了 XML 实体（DTD），正常的 Word 文件不会这样，已拒绝（疑似“实体膨胀”攻击文件）。请在 Word/WPS 中另存为 .docx 后重试。",
        "The part {part} of the Word file {name} declares XML entities (a DTD), which no real Word file does; refused "
        "(possibly an entity-expansion bomb). Save it again as .docx in Word/WPS and try again.",
    ),
    "report.bad_docx_xml": (
        "无法读取 Word 文件 {name}：其内容（XML）已损坏、嵌套过深或单段过长。请在 Word/WPS 中打开它并另存为 .docx 后重试，或复制报告正文后粘贴。",
        "Cannot read the Word file {name}: its content (XML) is damaged, nested too deep or has a paragraph too long. "
        "Open it in Word/WPS, save it again as .docx and try again, or paste the report's text.",
    ),
    "report.bad_docx": (
        "无法读取 Word 文件 {name}：它不是完整的 .docx（缺少正文部件或结构损坏）。请在 Word/WPS 中打开它并另存为 .docx 后重试，或复制报告正文后粘贴。",
        "Cannot read the Word file {name}: it is not a complete .docx (the main part is missing or its structure is damaged). "
        "Open it in Word/WPS, save it again as .docx and try again, or paste the report's text.",
    ),
}
MESSAGES.update({
    "bounds.implausible": (
        "{metric} {period} 的数值 {value} 超过该指标的合理上限（{bound}），很可能填错（多了几位数或单位不对）；共 {count} 个这样的数值，未写入任何数据。"
        "如确认无误，请勾选“允许超出合理范围的数值”（命令行：--allow-implausible）后重试。",
        "The value {value} of {metric_en} for {period} is beyond the metric's plausible bound ({bound}), probably a mistake "
        "(extra digits or a wrong unit); {count} such values, nothing was written. If it is right, tick “allow values beyond "
        "the plausible range” (CLI: --allow-implausible) and try again.",
    ),
})
MESSAGES.update({
    "intake.warning.control_chars": (
        "文件中有 {count} 个不可见的控制字符（如 NUL），已删除后读取（它们会让导出的 Word/Excel 文件损坏）。",
        "The file held {count} invisible control characters (such as NUL); they were removed before reading (they break exported Word/Excel files).",
    ),
    "report.warn.control_chars": (
        "报告中有 {count} 个不可见的控制字符（如 NUL），已删除后读取。",
        "The report held {count} invisible control characters (such as NUL); they were removed before reading.",
    ),
    "intake.control_chars_typed": (
        "“{field_zh}”中含有不可见的控制字符（如 NUL），未保存。请删除后重新输入（可从记事本中复制纯文本）。",
        "“{field_en}” holds invisible control characters (such as NUL); nothing was saved. Remove them and type it again "
        "(copying plain text through Notepad removes them).",
    ),
})
MESSAGES.update({
    "backup.older_snapshot": (
        "备份 {path} 的序号为 {serial}，比这个数据库最近一次备份的序号 {latest} 旧：恢复它会丢掉之后的所有变化，并恢复当时的账号和密码，未作任何修改。"
        "如确实要恢复这个较旧的备份，请加 --allow-older 重新运行。",
        "The backup {path} has serial {serial}, older than this database's latest backup ({latest}): restoring it would drop "
        "everything since and bring back the accounts and passwords of then; nothing was changed. To restore this older "
        "backup all the same, run again with --allow-older.",
    ),
    "backup.account_changes": (
        "恢复备份 {path} 会改变账号（其中 {count} 项会恢复访问权限）：{changes}。未作任何修改。"
        "请核对这些账号；确认无误后加 --allow-account-changes 重新运行，恢复后再删除或重设不应有的账号和密码。",
        "Restoring the backup {path} would change accounts ({count} of them give access back): {changes}. Nothing was changed. "
        "Check these accounts; if that is right, run again with --allow-account-changes, then remove or reset what should not be there.",
    ),
    "cli.restore.account_changes": (
        "账号变化（共 {count} 项）：{changes}",
        "Account changes ({count}): {changes}",
    ),
})
