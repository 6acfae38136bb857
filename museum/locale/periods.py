"""Period texts: names of periods and their choices, 环比 labels and reasons, period notices."""

MESSAGES = {
    "period.label.year": ("{year}年", "{year}"),
    "period.label.quarter": ("{year}年{quarter}", "{year} {quarter}"),
    "period.label.month": ("{year}年{month}月", "{month} {year}"),
    "period.label.range": ("{year}年{first}–{last}月", "{first}–{last} {year}"),
    "period.choice.year": ("全年", "Whole year"),
    "period.choice.month": ("{month}月", "{month}"),
    "period.choice.range": ("{first}–{last}月", "{first}–{last}"),
    "period.quarter.1": ("第一季度", "Q1"),
    "period.quarter.2": ("第二季度", "Q2"),
    "period.quarter.3": ("第三季度", "Q3"),
    "period.quarter.4": ("第四季度", "Q4"),
    "period.month.1": ("1", "Jan"),
    "period.month.2": ("2", "Feb"),
    "period.month.3": ("3", "Mar"),
    "period.month.4": ("4", "Apr"),
    "period.month.5": ("5", "May"),
    "period.month.6": ("6", "Jun"),
    "period.month.7": ("7", "Jul"),
    "period.month.8": ("8", "Aug"),
    "period.month.9": ("9", "Sep"),
    "period.month.10": ("10", "Oct"),
    "period.month.11": ("11", "Nov"),
    "period.month.12": ("12", "Dec"),
    "period.error.bad": (
        "“{text}” 不是一个期间。可写：2025（全年）、2025-Q2（季度）、2025-04（月份）、2025-01..2025-04（同一年内的几个月）。",
        "“{text}” is not a period. Write 2025 (a year), 2025-Q2 (a quarter), 2025-04 (a month) or "
        "2025-01..2025-04 (months of one year).",
    ),
    "period.error.no_data": (
        "{period}没有数据。有数据的年份：{years}。",
        "No data for {period}. Years with data: {years}.",
    ),
    "ui.period": ("期间", "Period"),
    # 环比: against the previous period of the same length
    "kpi.previous.label": ("环比", "vs prior period"),
    "kpi.previous.line": ("环比 {change}", "vs {previous}: {change}"),
    "kpi.previous.value": ("上期（{previous}）{value}", "{previous}: {value}"),
    "kpi.previous_reason.period_year": ("全年不作环比", "a whole year has no prior period"),
    "kpi.previous_reason.period_to_date": ("年初至今不作环比", "a year to date has no prior period"),
    "kpi.previous_reason.previous_crosses_year": ("上期跨年，不作环比", "the prior period spans two years"),
    "kpi.previous_reason.no_previous": ("上期无数据", "no data for the prior period"),
    "kpi.previous_reason.previous_zero": ("上期为0", "prior period was 0"),
    "kpi.previous_reason.period_partial": ("本期月份不全", "this period is incomplete"),
    "kpi.previous_reason.previous_partial": ("上期月份不全", "prior period incomplete"),
    "kpi.previous_reason.platforms_differ": ("两期统计口径不同", "platforms differ between periods"),
    "kpi.previous_reason.ratio": ("按百分点比较", "compared in points"),
    "kpi.previous_reason.events": ("记录只有年份，不作环比", "records have only a year"),
    "kpi.reason.prior_annual_only": ("上年只有全年数", "{prior_year} has a whole-year figure only"),
    # sections in a period shorter than a year
    "period.notice.records_by_year": (
        "获奖、荣誉和科研记录只登记了年份，不能按{period}统计：在侧栏“期间”选“全年”查看{year}年的记录。",
        "Awards, honours and research are recorded by year only, so they cannot be counted for {period}: "
        "choose “Whole year” under Period in the sidebar to see {year}.",
    ),
    "period.notice.assets_by_year": (
        "资产按年度登记（年初数、年末数），不能按{period}统计：在侧栏“期间”选“全年”查看。",
        "Assets are recorded per year (start and end of year), not for {period}: choose “Whole year” under Period.",
    ),
    "period.notice.no_data": (
        "{period}没有数据：在侧栏选择其他期间，或在“数据上传”导入这几个月的数据。",
        "No data for {period}: choose another period in the sidebar, or upload these months on “Upload”.",
    ),
}
