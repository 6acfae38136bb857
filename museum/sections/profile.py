"""机构概况: the registration fields of the year's annual report, and its long passages as written."""

from __future__ import annotations

import re

import pandas as pd

from museum import numbers, profile
from museum.sections.blocks import LongText, Section, Table
from museum.sections.scope import Scope


# Fields whose value the report writes as a bare number of a metric's unit ("从业人数 31").
COUNTED_AS = {"headcount": "headcount"}


def _shown(scope: Scope, field: str, value: str) -> str:
    """'31' -> '31人' / '31 people' for a counted field; any other value as the report wrote it."""
    metric_id = COUNTED_AS.get(field)
    if metric_id is None or not re.fullmatch(r"\d+", value.strip()):
        return value
    return numbers.format_value(float(value), "exact", scope.lang, scope.catalog[metric_id].unit(scope.lang))


def profile_section(scope: Scope) -> Section:
    section = Section("profile", scope.t("page.profile"))
    fields = scope.frame("profile")
    fields = fields[fields["year"] == scope.year]
    if fields.empty:
        return section
    by_field = dict(profile.ordered(dict(zip(fields["field"], fields["value"]))))
    table = pd.DataFrame([
        {scope.t("col.field"): scope.t(f"profile.{field}"), scope.t("col.value"): _shown(scope, field, value)}
        for field, value in by_field.items() if field not in profile.LONG_TEXT
    ])
    section.blocks.append(Table(scope.name("profile"), scope.t("profile.registration"), table))
    for field in profile.LONG_TEXT:
        if by_field.get(field):
            section.blocks.append(LongText(scope.t(f"profile.{field}"), by_field[field], expanded=field == "purpose"))
    return section
