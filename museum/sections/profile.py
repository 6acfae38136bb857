"""机构概况: the registration fields of the year's annual report, and its long passages as written."""

from __future__ import annotations

import pandas as pd

from museum import profile
from museum.sections.blocks import LongText, Section, Table
from museum.sections.scope import Scope


def profile_section(scope: Scope) -> Section:
    section = Section("profile", scope.t("page.profile"))
    fields = scope.frame("profile")
    fields = fields[fields["year"] == scope.year]
    if fields.empty:
        return section
    by_field = dict(profile.ordered(dict(zip(fields["field"], fields["value"]))))
    table = pd.DataFrame([
        {scope.t("col.field"): scope.t(f"profile.{field}"), scope.t("col.value"): value}
        for field, value in by_field.items() if field not in profile.LONG_TEXT
    ])
    section.blocks.append(Table(scope.name("profile"), scope.t("profile.registration"), table))
    for field in profile.LONG_TEXT:
        if by_field.get(field):
            section.blocks.append(LongText(scope.t(f"profile.{field}"), by_field[field], expanded=field == "purpose"))
    return section
