"""Messages of platform exports: platform and format names, export problems, the 线上传播 section."""

MESSAGES = {
    "platform.wechat": ("微信公众号", "WeChat official account"),
    "platform.douyin": ("抖音", "Douyin"),
    "platform.channels": ("微信视频号", "WeChat Channels"),
    "platform.toutiao": ("头条号", "Toutiao"),
    "platform.xiaohongshu": ("小红书", "Xiaohongshu (RED)"),
    "platform.weibo": ("微博", "Weibo"),
    "platform.bilibili": ("B站", "Bilibili"),
    "platform.total": ("全矩阵合计", "whole matrix (total)"),
    "sources.format.office_long": ("办公表格（长表）", "office sheet (long)"),
    "sources.format.office_wide": ("办公表格（宽表）", "office sheet (wide)"),
    "sources.format.office_month_rows": ("办公表格（按月）", "office sheet (month rows)"),
    "sources.format.wechat_tendency": ("微信公众号 内容分析·数据趋势", "WeChat content analysis: trends"),
    "sources.format.wechat_tendency_legacy": ("微信公众号 数据趋势（旧版）", "WeChat trends (older layout)"),
    "sources.format.wechat_user_growth": ("微信公众号 用户分析·用户增长", "WeChat user analysis: growth"),
    "sources.format.douyin_works": ("抖音 投稿作品数据", "Douyin works export"),
    "sources.format.channels_videos": ("微信视频号 视频数据", "WeChat Channels videos export"),
    "sources.format.toutiao_works": ("头条号 作品数据", "Toutiao works export"),
    "sources.format.xiaohongshu_notes": ("小红书 笔记列表明细", "Xiaohongshu notes export"),
    "sources.format.weibo_posts": ("微博 博文数据", "Weibo posts export"),
    "sources.format.bilibili_videos": ("B站 稿件数据", "Bilibili videos export"),
    "sources.error.missing_columns": (
        "这个文件像是{format_zh}导出，但缺少列：{columns}（可能被改名或删除了）。请从平台重新导出原始文件后上传，不要修改表头。",
        "This looks like a {format_en} file but lacks the columns {columns} (renamed or deleted?). Export it from the platform again and upload it unchanged.",
    ),
    "sources.error.unsupported": (
        "这是{platform_zh}的导出文件，目前还不能读取。请把需要的数字填入办公表格（按月表）上传。",
        "This is a {platform_en} export, which cannot be read yet. Put the figures you need into an office sheet (month rows) and upload that.",
    ),
    "sources.error.unfamiliar": (
        "这个文件像是一份逐条作品的明细（表头有{columns}），但不是本系统能读取的平台导出，也无法判断来自哪个平台（可能是第三方数据工具的导出）。"
        "能读取的是这些平台创作者后台的原始导出：{known_zh}。请从平台后台重新导出后上传；或把需要的月度数字填入办公表格（按月表）上传。",
        "This file looks like a list of works (its header has {columns}) but is no platform export this product reads, and its platform "
        "cannot be told (perhaps a third-party data tool's export). The exports read are those of the creator centres of {known_en}. "
        "Export the file from the platform itself and upload that, or put the monthly figures you need into an office sheet (month rows).",
    ),
    "sources.list_separator": ("、", ", "),
    "sources.error.no_rows": ("{format_zh}导出中表头下面没有数据行。", "The {format_en} export has no data rows below its header."),
    "sources.error.not_a_figure": (
        "不是数字（平台导出中应为数字、“-”或留空）。表头可能与数据不符（例如把另一个平台的表头贴在了上面）。",
        "Not a figure (a platform export holds numbers, - or nothing here). The header may not belong to the data (e.g. another platform's header pasted over it).",
    ),
    "sources.error.not_a_time": (
        "不是日期或时间（如 2025-03-27 14:47:18、2025/03/25、2025年06月10日、20250301）。",
        "Not a date or time (like 2025-03-27 14:47:18, 2025/03/25, 2025年06月10日 or 20250301).",
    ),
    "sources.error.no_time": ("缺少发布时间或日期。", "The publish time or date is missing."),
    "sources.error.no_title": ("缺少标题。", "The title is missing."),
    "sources.error.no_key": ("缺少作品 ID。", "The work's ID is missing."),
    "sources.error.key_rounded": (
        "作品 ID 被表格当作数字保存（第 {rows} 行），超过 15 位的部分已丢失，无法区分作品：请上传平台导出的原文件，"
        "不要用 Excel 打开后另存（或先把 ID 列设为文本）。",
        "The work ID was kept as a number (rows {rows_en}) and its digits beyond the 15th are lost, so works cannot be "
        "told apart: upload the file as the platform exported it, without opening and saving it in Excel (or set the "
        "ID column to text first).",
    ),
    "sources.error.key_twice": (
        "同一作品 ID 出现在第 {rows} 行：合并会丢失作品，分开会重复计数。请检查是否把两份导出拼在了一起，或重新从平台导出。",
        "The same work ID is on rows {rows_en}: merging them would lose a work and keeping both would count one twice. "
        "Check whether two exports were pasted together, or export again from the platform.",
    ),
    "sources.warning.partial_months": (
        "以下月份的日数据不完整（只有部分天数），月度数字只含这些天：{months}",
        "The daily figures of these months are incomplete (some days only); their monthly figures cover those days only: {months}",
    ),
    "sources.item.partial_month": ("{month}（{days}/{of}）", "{month} ({days}/{of} days)"),
    "sources.item.over_total": ("{metric} {period}：{platforms} / {total}", "{metric} {period}: {platforms} / {total}"),
    "sources.warning.over_total": (
        "{count} 个月份里，各平台数字相加比全矩阵合计（办公室报表或年度报告的数）还大（指标 期间：平台之和 / 合计）：{items}。"
        "常见原因：同一内容在几个平台各算一次、平台统计口径不同，或合计填在了别的月份。请先核对合计；合计无误时可照常确认导入："
        "看板的指标以合计为准，平台数字只用于分平台图表。",
        "In {count} months the platforms add up to more than the whole-matrix total (from the office sheet or the annual "
        "report) (metric period: platforms / total): {items}. Usual causes: the same item counted once per platform, "
        "platforms counting differently, or the total entered in another month. Check the total first; if it is right, confirm "
        "the import as usual: the dashboard's figures use the total, and platform figures feed only the by-platform charts.",
    ),
    "sources.warning.not_public": (
        "{count} 条作品不是公开状态（{states}），没有计入发布的图文/短视频条数；它们的播放、点赞等数字照常保留。",
        "{count} works are not public ({states}) and are left out of the posts / short videos published; their plays, likes and other figures are kept.",
    ),
    "sources.warning.replaced_items": (
        "本次导出中有 {count} 条作品/日数据此前已导入，以本次（最新）数据为准，不重复计算。",
        "{count} works or days of this export were imported before; this (newest) export replaces them and nothing is counted twice.",
    ),
    "sources.column.title": ("标题", "Title"),
    "sources.column.platform": ("平台", "Platform"),
    "sources.column.date": ("发布日期", "Published"),
    "sources.column.figure": ("阅读/播放", "Reads / plays"),
    "sources.column.kind": ("类型", "Type"),
    "sources.item_type.post": ("图文", "post"),
    "sources.item_type.video": ("视频", "video"),
    "sources.section.title": ("线上传播（分平台）", "Online reach by platform"),
    "sources.section.monthly": ("{metric}：各平台月度数据（{year}年）", "{metric}: monthly by platform ({year})"),
    "sources.section.table": ("{year}年各平台指标", "Platforms × metrics, {year}"),
    "sources.section.top": ("{period}阅读/播放最多的 {count} 条内容", "The {count} most-read or most-played items of {period}"),
    "sources.section.views_note": (
        "各平台对“阅读”“播放”的定义不同（如公众号按人数、抖音按次数），表中按平台分列，不相加。",
        "Platforms define a read or a play differently (WeChat counts readers, Douyin counts plays), so they are listed per platform and not added up.",
    ),
    "sources.section.no_data": ("{year}年还没有分平台的数据。上传平台导出文件后在此显示。", "There are no per-platform figures for {year} yet. Upload a platform export to see them here."),
    "sources.section.month_axis": ("月份", "Month"),
    "sources.section.rest": ("其他/未拆分", "Other / not broken down"),
    "sources.section.rest_note": (
        "{metric}：“其他/未拆分”是全矩阵合计减去已上传平台之和（{months}），柱高即合计。",
        "{metric}: “Other / not broken down” is the whole-matrix total less the platforms uploaded ({months}); each bar's height is the total.",
    ),
    "sources.section.over_note": (
        "{metric}：{months}各平台之和大于全矩阵合计（平台口径不同或有重复计算），这些月份的平台数字不能与合计相比；指标以合计为准。",
        "{metric}: in {months} the platforms add up to more than the whole-matrix total (platforms count differently or count "
        "items twice), so their figures cannot be set against the total; the dashboard's figures use the total.",
    ),
    "sources.section.annual_only_note": (
        "{metric}：全矩阵只有{year}年全年合计（{total}），没有月度合计；图中只是已上传平台的数字，不是全部。",
        "{metric}: the whole matrix has only a {year} total ({total}), no monthly totals; the chart shows the platforms uploaded only, not the whole.",
    ),
    "sources.section.annual_total": ("全矩阵{year}年全年合计", "Whole matrix, {year} total"),
    "sources.section.platforms_only_note": (
        "{metric}：没有全矩阵合计，图中只是已上传平台的数字，不是全部。",
        "{metric}: there is no whole-matrix total; the chart shows the platforms uploaded only, not the whole.",
    ),
    "sources.section.month": ("{month}月", "{month}"),
}
