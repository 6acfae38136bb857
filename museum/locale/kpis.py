"""KPI texts: 同比 reasons and bases, card notes, and the sentences the annual pack is written in."""

MESSAGES = {
    "kpi.reason.no_prior": ("无上年数据", "no data for the prior year"),
    "kpi.reason.prior_zero": ("上年为 0，无法计算百分比", "prior year is 0; no percentage"),
    "kpi.reason.prior_no_months": (
        "{prior_year}年无月度数据，无法同期比较",
        "{prior_year} has no monthly data to compare the same months",
    ),
    "kpi.reason.prior_partial": (
        "{prior_year}年只有部分月份，不与全年比较",
        "{prior_year} covers only part of the year; not compared with a full year",
    ),
    "kpi.basis.ytd": ("{first}–{last}月累计，与上年同期比", "months {first}–{last}, vs the same months last year"),
    "kpi.basis.as_of": ("截至{month}月", "as of month {month}"),
    "kpi.vs_prior": ("同比", "YoY"),
    "kpi.prior_value": ("上年 {value}", "prior {value}"),
    "kpi.approx_note": ("含“超/余/近”等约数，变化为近似值", "involves an approximate figure; the change is approximate"),
    # sentences of the annual pack (museum.present.sentence)
    "doc.sentence.up": ("{year}年{metric}{value}，同比增长{pct}", "{metric} in {year}: {value}, up {pct} on {prior_year}"),
    "doc.sentence.down": ("{year}年{metric}{value}，同比下降{pct}", "{metric} in {year}: {value}, down {pct} on {prior_year}"),
    "doc.sentence.flat": ("{year}年{metric}{value}，与上年持平", "{metric} in {year}: {value}, unchanged on {prior_year}"),
    "doc.sentence.approx": ("约", "about "),
    "doc.sentence.points": (
        "{year}年{metric}{value}，比上年{change}",
        "{metric} in {year}: {value}, {change} on {prior_year}",
    ),
    "doc.sentence.count_change": (
        "{year}年{metric}{value}，比上年{change}",
        "{metric} in {year}: {value}, {change} on {prior_year}",
    ),
    "doc.sentence.no_prior": (
        "{year}年{metric}{value}；库中没有{prior_year}年数据，不作同比",
        "{metric} in {year}: {value}; there is no {prior_year} figure to compare with",
    ),
    "doc.sentence.no_pct": ("{year}年{metric}{value}（{reason}）", "{metric} in {year}: {value} ({reason})"),
    "doc.sentence.basis": ("（{basis}）", " ({basis})"),
}
