"""Texts of the section model: headings, table columns and notices shared by pages and the pack."""

MESSAGES = {
    "overview.headline": ("重点指标", "Headline figures"),
    "col.unit": ("单位", "Unit"),
    "col.basis": ("口径", "Basis"),
    "data.basis.year": ("全年", "whole year"),
    "tabular.yes": ("是", "Yes"),
    "tabular.no": ("否", "No"),
}
