"""Texts of the section model: headings, table columns and notices shared by pages and the pack."""

MESSAGES = {
    "overview.headline": ("重点指标", "Headline figures"),
    "col.unit": ("单位", "Unit"),
    "col.basis": ("口径", "Basis"),
    "data.basis.year": ("全年", "whole year"),
    "tabular.yes": ("是", "Yes"),
    "tabular.no": ("否", "No"),
    # how a file was read, in words (the codes utf-8, xls/html, cell_per_line mean nothing to staff)
    "read_as.utf-8": ("UTF-8 文本", "UTF-8 text"),
    "read_as.utf-8-sig": ("UTF-8 文本", "UTF-8 text"),
    "read_as.gbk": ("中文 Windows 文本（GBK）", "Chinese Windows text (GBK)"),
    "read_as.gb18030": ("中文 Windows 文本（GB18030）", "Chinese Windows text (GB18030)"),
    "read_as.utf-16": ("Unicode 文本（UTF-16，如 Excel 另存的文本）", "Unicode text (UTF-16, as Excel saves text)"),
    "read_as.xlsx": ("Excel 工作簿（.xlsx）", "Excel workbook (.xlsx)"),
    "read_as.xls": ("Excel 97–2003 工作簿（.xls）", "Excel 97–2003 workbook (.xls)"),
    "read_as.ods": ("OpenDocument 表格（.ods）", "OpenDocument spreadsheet (.ods)"),
    "read_as.html": ("网页格式（HTML）", "web page (HTML)"),
    "read_as.docx": ("Word 文档（.docx）", "Word document (.docx)"),
    "read_as.text": ("粘贴的文字", "pasted text"),
    "report.layout.pipe_table": ("表格（单元格以 | 或制表符分隔）", "table (cells separated by | or tabs)"),
    "report.layout.cell_per_line": ("逐格复制的网页表格（每行一格）", "table copied cell by cell (one cell per line)"),
    "report.layout.label_value": ("“项目：内容”式文字", "“field: value” text"),
}
