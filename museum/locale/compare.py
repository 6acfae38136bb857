"""单位对比: the comparison of several units (page, CLI, table and charts)."""

MESSAGES = {
    "page.compare": ("单位对比", "Compare units"),
    "compare.title": ("单位对比", "Units compared"),
    "compare.table_title": ("{period}主要指标对比", "Headline figures compared, {period}"),
    "compare.chart_title": ("{metric}：{period}各单位", "{metric}: units, {period}"),
    "compare.column.metric": ("指标", "Metric"),
    "compare.column.institution": ("单位", "Unit"),
    "compare.column.value": ("数值", "Value"),
    "compare.column.change": ("同比", "YoY"),
    "compare.column.completion": ("目标完成", "Target done"),
    "compare.column.progress": ("序时进度", "Time elapsed"),
    "compare.column.per_staff": ("人均（按从业人数）", "Per staff member"),
    "compare.column.rank": ("排名", "Rank"),
    "compare.column.qualifier": ("数值性质", "Value is"),
    "compare.column.shown": ("显示为", "Shown as"),
    "compare.qualifier.exact": ("确数", "precise"),
    "compare.qualifier.at_least": ("下限（超/余）", "a lower bound (more than)"),
    "compare.qualifier.approx": ("约数", "approximate"),
    "compare.not_reported": ("未报送", "Not reported"),
    "compare.coverage": ("（{coverage}）", " ({coverage})"),
    "compare.per_staff": ("{amount}/人", "{amount} per person"),
    "compare.rank": ("{rank}/{count}", "{rank} of {count}"),
    "compare.rank_tied": ("{rank}/{count}（并列）", "{rank} of {count} (tied)"),
    "compare.whole_year": ("全年", "full year"),
    "compare.year_end": ("年末", "year-end"),
    "compare.rank_other_months": ("不排名", "not ranked"),  # why: the value cell's months and the notice
    "compare.other_months": (
        "{metric}：{names}报送的月份与其他单位不同，数值仅供参考，不参与排名（排名只比较月份相同的单位）。",
        "{metric}: {names} reported other months than the other units; the value is shown for reference and not "
        "ranked (ranks compare units over the same months only).",
    ),
    "compare.name_separator": ("、", ", "),
    "compare.missing": ("{metric}未报送：{names}（不按0计，不参与排名）",
                        "{metric} not reported by: {names} (not counted as 0, not ranked)"),
    "compare.units": ("参与对比的单位", "Units to compare"),
    "compare.download.csv": ("下载对比表（CSV）", "Download the table (CSV)"),
    "compare.download.xlsx": ("下载对比表（XLSX）", "Download the table (XLSX)"),
    "compare.as_of_updating": (
        "数据截至{time}（正在更新）：此后导入或修改的数据稍后在此显示，各单位自己的页面已是最新数据。",
        "Figures as of {time} (being updated): data imported or changed since then appears here shortly; each "
        "unit's own pages already show the latest data.",
    ),
    "compare.subtitle": ("{period} · {count}家单位", "{period} · {count} units"),
    "compare.rules": (
        "同比、目标完成与序时进度同各单位总览卡片的口径；人均按期末从业人数计算（本期无则取此前最近一次报送）；"
        "排名1为最好，数值相同并列，只比较月份相同的单位；未报送的单位不计为0、不参与排名。",
        "YoY, target completion and time elapsed follow each unit's own overview cards; per staff divides by the "
        "staff count at the period's end (else the latest reported before it); rank 1 is best, equal values share a "
        "rank, and only units over the same months are ranked; a unit that did not report is not counted as 0 and "
        "not ranked.",
    ),
    "compare.needs_units": (
        "单位对比需要至少两家单位的数据，库中目前只有“{name}”。添加其他单位：在“导入年度报告”中导入另一家单位的"
        "事业单位法人年度报告，或接收下属单位的报送包（python -m museum receive 文件.zip）。",
        "Comparing units needs data of at least two units; the database holds only “{name}”. To add one: import "
        "another unit's annual report on “Import annual report”, or receive a unit's return "
        "(python -m museum receive FILE.zip).",
    ),
    "compare.choose_more": ("请至少选择两家单位进行对比。", "Choose at least two units to compare."),
    "compare.no_data": (
        "所选单位在{period}均无主要指标数据。",
        "None of the chosen units has headline figures for {period}.",
    ),
    "compare.unknown_unit": (
        "没有名为或编号为“{name}”的单位。现有：{known}",
        "No unit named or numbered “{name}”. Known: {known}",
    ),
    "demo.units.invalid": ("--units 取 1 到 {most} 之间的整数（默认 1）。", "--units takes a whole number from 1 to {most} (default 1)."),
    "cli.demo.units_loaded": (
        "已添加示例单位：{names}（批次 {batches}）。",
        "Demo units added: {names} (batches {batches}).",
    ),
}
