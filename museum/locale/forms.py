"""Messages of the forms the museum files: the report draft, the statistics sheets and the calendar."""

MESSAGES = {
    "forms.cli.cannot_write": ("无法写入 {path}：{detail}。请换一个可写的目录后重试。",
                               "Cannot write {path}: {detail}. Choose a writable directory and try again."),
    "forms.cli.draft_wrote": ("已写出 {paths}：{figures} 个数据来自数据库，{missing} 项待填写或待核对：",
                              "Wrote {paths}: {figures} figures from the database, {missing} items to fill in or check:"),
    "forms.cli.sheet_wrote": ("已写出 {path}：{lines} 行中 {filled} 行有数，{collect} 项需另行收集（见“待收集”表）。",
                              "Wrote {path}: {filled} of {lines} lines filled, {collect} to collect (see the “待收集” sheet)."),
    "forms.cli.missing_item": ("  · {item}", "  · {item}"),
    "forms.edit.empty": ("“{field}”不能为空：请填写内容，或保留草稿生成的文字。",
                         "“{field}” must not be empty: write its text, or keep the drafted one."),
    "forms.edit.too_long": ("“{field}”有 {chars} 个字，超过 {limit} 字的上限：请精简后再保存。",
                            "“{field}” has {chars} characters, more than the limit of {limit}: shorten it and save again."),
    "forms.edit.unknown_field": ("没有名为“{field}”的登记事项；可修改的有：{known}。",
                                 "There is no field “{field}”; the fields are: {known}."),
    "batch.kind.draft_edit": ("年报草稿修改", "report draft edit"),
    "audit.action.draft_edit": ("年报草稿修改", "report draft edit"),
}
