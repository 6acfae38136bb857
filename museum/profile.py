"""The registration fields of the 事业单位法人年度报告, in the order the form lists them."""

FIELDS = (
    "name", "purpose", "address", "legal_representative", "startup_capital", "funding_source",
    "sponsor", "assets_year_start", "assets_year_end", "website", "headcount",
    "compliance_statement", "activities", "qualifications", "performance_and_litigation", "donations",
)
# Fields that are prose rather than a short value.
LONG_TEXT = ("purpose", "compliance_statement", "activities")


def ordered(fields: dict[str, str]) -> list[tuple[str, str]]:
    """(field, value) pairs in form order; unknown fields last, alphabetically."""
    known = [(f, fields[f]) for f in FIELDS if f in fields]
    return known + sorted((f, v) for f, v in fields.items() if f not in FIELDS)
