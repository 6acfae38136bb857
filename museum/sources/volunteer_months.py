"""Volunteer records -> the catalog's monthly volunteer metrics, and the records kept (as keyed hashes).

An export's rows become keyed records: a service is one person on one day at one activity (its
hours summed within the export: a sign-in repeated is one 人次), a member is one person on a
roster. The stored records of earlier exports with the same keys are replaced by the newest
(museum.sources.volunteer_store), and the months the export touches are computed from all current
records, so two overlapping exports never count a person or a service twice:

- volunteer_hours: the services' hours; volunteer_person_times: the services (person, day, activity);
- volunteers_active: the distinct people who served in the month (a stock: never summed over months);
- volunteers_registered and volunteer_teams: the roster's members registered by the month's end
  (a member without a date is on the roster now, so counted throughout) and their distinct teams,
  at the end of each month served, or, for a roster alone, of the month of its latest registration.
"""

from __future__ import annotations

import pandas as pd

from museum.sources.volunteers import Record

KEY = ["kind", "person", "service_day", "activity"]
COLUMNS = [*KEY, "team", "hours", "registered", "row"]
OBSERVATION_COLUMNS = ["metric_id", "year", "month", "platform", "value", "qualifier", "note", "sentence", "row"]


def keyed(records: list[Record], roster: bool) -> pd.DataFrame:
    """The export's records by key; members only when the export is a roster (has registration dates)."""
    services = [(r.person, r.day, r.activity or "", r.team, r.hours, r.row) for r in records if r.day is not None]
    service = pd.DataFrame(services, columns=["person", "service_day", "activity", "team", "hours", "row"])
    service = service.groupby(["person", "service_day", "activity"], as_index=False, sort=True).agg(
        team=("team", "last"), hours=("hours", "sum"), row=("row", "min")).assign(kind="service", registered=None)
    members = pd.DataFrame([(r.person, r.team, r.registered, r.row) for r in records] if roster else [],
                           columns=["person", "team", "registered", "row"])
    members = members.groupby("person", as_index=False, sort=True).agg(
        team=("team", "last"), registered=("registered", "min"), row=("row", "min")).assign(kind="member", service_day=None, activity=None, hours=None)
    frames = [f[COLUMNS] for f in (service, members) if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def current(stored: pd.DataFrame, staged: pd.DataFrame) -> pd.DataFrame:
    """The stored records with the staged ones in place of those of the same key."""
    if stored.empty:
        return staged
    stored = stored.assign(row=None)[COLUMNS]
    kept = stored.merge(staged[KEY].drop_duplicates(), on=KEY, how="left", indicator=True)
    kept = kept[kept["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([staged, kept[COLUMNS]], ignore_index=True)


def replaced(stored: pd.DataFrame, staged: pd.DataFrame) -> int:
    """How many of the staged records are stored already (they will be replaced)."""
    if stored.empty or staged.empty:
        return 0
    return len(stored[KEY].merge(staged[KEY].drop_duplicates(), on=KEY))


def touched(staged: pd.DataFrame) -> dict[tuple[int, int], int]:
    """(year, month) -> the first file row of the export's services in that month; a roster alone
    touches the month of its latest registration."""
    services = staged[staged["kind"] == "service"]
    found: dict[tuple[int, int], int] = {}
    for day, row in zip(services["service_day"], services["row"]):
        key = (day.year, day.month)
        found[key] = min(found.get(key, row), row)
    dated = staged[(staged["kind"] == "member") & staged["registered"].notna()]
    if not found and not dated.empty:
        latest = max(dated["registered"])
        found[(latest.year, latest.month)] = int(staged["row"].min())
    return found


def monthly(records: pd.DataFrame, months: dict[tuple[int, int], int]) -> pd.DataFrame:
    """The metrics of `months` (with the file row a warning about each points at) from `records`."""
    services = records[records["kind"] == "service"]
    members = records[records["kind"] == "member"]
    found = []
    for (year, month), row in sorted(months.items()):
        served = services[[d.year == year and d.month == month for d in services["service_day"]]]
        if not served.empty:
            found += [_value("volunteer_hours", year, month, round(float(served["hours"].sum()), 2), row),
                      _value("volunteer_person_times", year, month, len(served), row),
                      _value("volunteers_active", year, month, served["person"].nunique(), row)]
        if not members.empty:
            end = (pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)).date()
            on_roster = members[[day is None or pd.isna(day) or day <= end for day in members["registered"]]]
            found.append(_value("volunteers_registered", year, month, on_roster["person"].nunique(), row))
            teams = on_roster["team"].dropna()
            if not teams.empty:
                found.append(_value("volunteer_teams", year, month, teams.nunique(), row))
    return pd.DataFrame(found, columns=OBSERVATION_COLUMNS)


def _value(metric_id: str, year: int, month: int, value, row: int) -> dict:
    return {"metric_id": metric_id, "year": int(year), "month": int(month), "platform": None, "value": float(value),
            "qualifier": "exact", "note": None, "sentence": None, "row": int(row)}
