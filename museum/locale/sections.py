"""Texts of the section model: headings, table columns and notices shared by pages and the pack."""

MESSAGES = {
    "overview.headline": ("重点指标", "Headline figures"),
    "overview.only_year": (
        "库中只有{year}年数据：导入{prior_year}年的年度报告或上传上年数据后即可显示同比。",
        "Only {year} is in the database: import the {prior_year} annual report or upload last year's figures to see "
        "year-over-year changes.",
    ),
    "col.unit": ("单位", "Unit"),
    "col.basis": ("口径", "Basis"),
    "data.basis.year": ("全年", "whole year"),
    "tabular.yes": ("是", "Yes"),
    "tabular.no": ("否", "No"),
}
