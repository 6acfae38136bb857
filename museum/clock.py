"""Times as a person reads them: a stored UTC time in the institution's zone (MUSEUM_TIME_ZONE), named."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

from museum import settings
from museum.i18n import t
from museum.numbers import MINUS

# Zones people know by a name rather than an offset.
ZONE_NAMES = {"Asia/Shanghai": "time.zone.beijing", "Asia/Chongqing": "time.zone.beijing", "PRC": "time.zone.beijing"}


def zone_label(lang: str = "zh", at: datetime | None = None) -> str:
    """'北京时间' / 'Beijing time' for the default zone, else its offset at `at` ('UTC+9', 'UTC−2:30')."""
    zone = settings.time_zone()
    if str(zone) in ZONE_NAMES:
        return t(ZONE_NAMES[str(zone)], lang)
    offset = (at.astimezone(zone) if at else datetime.now(zone)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else MINUS
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def local_time(moment) -> datetime | None:
    """A stored time (naive means UTC, as the database keeps it) in the institution's time zone."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)) or str(moment) == "NaT":
        return None
    if isinstance(moment, str):  # a time already written out ('2024-05-01 12:00'), as stored
        moment = datetime.fromisoformat(moment)
    moment = moment.to_pydatetime() if hasattr(moment, "to_pydatetime") else moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(settings.time_zone())


def format_time(moment, lang: str = "zh", *, seconds: bool = False, label: bool = True) -> str:
    """'北京时间 2024-05-01 20:00' for a stored 12:00 UTC; '—' without a time."""
    local = local_time(moment)
    if local is None:
        return "—"
    text = local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return t("time.with_zone", lang, time=text, zone=zone_label(lang, local)) if label else text
