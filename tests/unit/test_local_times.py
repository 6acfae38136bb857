"""Times a person reads are in the institution's time zone (MUSEUM_TIME_ZONE, Asia/Shanghai by default), named."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from museum import clock, present
from museum.export.content import build_report
from museum.intake import present as intake_present
from museum.sections import Scope

NOON_UTC = datetime(2024, 5, 1, 12, 0)


def test_a_stored_utc_time_is_shown_in_beijing_time_by_default():
    assert clock.format_time(NOON_UTC, "zh") == "北京时间 2024-05-01 20:00"
    assert clock.format_time(pd.Timestamp("2024-12-31 20:30"), "en") == "2025-01-01 04:30 Beijing time"
    assert clock.format_time(None) == "—" and clock.format_time(pd.NaT) == "—"


def test_another_zone_is_a_setting_and_named_by_its_offset(monkeypatch):
    monkeypatch.setenv("MUSEUM_TIME_ZONE", "Asia/Tokyo")
    assert clock.format_time(NOON_UTC, "zh") == "UTC+9 2024-05-01 21:00"
    monkeypatch.setenv("MUSEUM_TIME_ZONE", "Nowhere/Atlantis")
    with pytest.raises(ValueError, match="MUSEUM_TIME_ZONE"):
        clock.format_time(NOON_UTC)


def test_upload_history_and_sources_name_the_zone(con):
    batches = pd.DataFrame([{"batch_id": 1, "kind": "upload", "created_at": NOON_UTC, "user_name": "ed", "file_name": "a.csv",
                             "inserted": 1, "updated": 0, "unchanged": 0, "skipped": 0, "rolled_back_by": None,
                             "rolls_back": None, "is_demo": False, "note": None}])
    shown = intake_present.history_table(batches, "zh")
    assert shown["时间"].tolist() == ["北京时间 2024-05-01 20:00"]
    found = Scope.from_connection(con, 1, "馆", 2024, "zh").kpis
    described = present.describe_source(found[0].current.sources[0], "zh")
    assert "北京时间 " in described


def test_the_pack_says_when_it_was_made_in_the_institutions_zone(con):
    report = build_report(con, 2024, "zh")
    assert report.generated.startswith("北京时间 ")
    assert build_report(con, 2024, "en").generated.endswith(" Beijing time")
