"""The operations report (运营月报) of a period, its 例外事项, the 工作简报 and the digest pushed to leadership."""

MESSAGES = {
    # 例外事项: the kind as a label, then one sentence each
    "monthly.kind.yoy_drop": ("同比大幅下降", "Sharp fall YoY"),
    "monthly.kind.yoy_jump": ("同比大幅上升", "Sharp rise YoY"),
    "monthly.kind.behind_schedule": ("落后序时进度", "Behind schedule"),
    "monthly.kind.missing_month": ("本期缺报", "Month not reported"),
    "monthly.kind.stale_source": ("平台数据未更新", "Platform data out of date"),
    "monthly.kind.implausible": ("数值超出合理范围", "Implausible value"),
    "monthly.exception.yoy_drop": ("{metric}{value}，{basis}{change}，请核实原因。",
                                   "{metric} {value}, {change} ({basis}); please check why."),
    "monthly.exception.yoy_jump": ("{metric}{value}，{basis}{change}，请核实是否口径变化。",
                                   "{metric} {value}, {change} ({basis}); please check whether the definition changed."),
    "monthly.exception.behind_schedule": (
        "{indicator}完成 {done}%，序时进度 {progress}%，落后 {gap} 个百分点。",
        "{indicator}: {done}% done against {progress}% of the year elapsed, {gap} points behind."),
    "monthly.exception.missing_month": (
        "{metric}前 {count} 个月均有填报，{month}尚无数据，请补报。",
        "{metric} was reported in each of the previous {count} months but not for {month}; please report it."),
    "monthly.exception.stale_source": (
        "{platform}导出数据截至 {last}，距期末 {end} 已 {days} 天，请重新导出。",
        "{platform} exports end on {last}, {days} days before the period end {end}; please export again."),
    "monthly.exception.implausible": (
        "{metric}{when}为 {value}，超出合理范围（{bound}），请核对。",
        "{metric} for {when} is {value}, outside its plausible range ({bound}); please check it."),
    # the report's sections and title
    "monthly.section.exceptions": ("例外事项（需决策）", "Exceptions (need a decision)"),
    "monthly.no_exceptions": ("本期无例外事项。", "No exceptions this period."),
    "monthly.section.tasks": ("重点工作", "Key tasks"),
    "monthly.section.events": ("本期活动与事件", "Events of the period"),
    "monthly.unit.month": ("月", "month"),
    "monthly.unit.quarter": ("季度", "quarter"),
    "monthly.unit.range": ("期", "period"),
    "monthly.unit.year": ("年", "year"),
    "monthly.tasks.done": ("本{unit}重点工作完成情况（{count}项）", "Key tasks done this {unit} ({count})"),
    "monthly.tasks.next": ("下{unit}重点工作计划（{count}项）", "Key tasks planned for next {unit} ({count})"),
    "monthly.tasks.none": ("无", "None"),
    "monthly.title.month": ("{institution}\n{period}运营月报", "{institution}\nOperations report {period}"),
    "monthly.title.quarter": ("{institution}\n{period}运营季报", "{institution}\nQuarterly operations report {period}"),
    "monthly.title.range": ("{institution}\n{period}运营报告", "{institution}\nOperations report {period}"),
    "monthly.title.year": ("{institution}\n{period}运营报告", "{institution}\nOperations report {period}"),
    # file names: what and when
    "monthly.file.month": ("运营月报", "operations-report"),
    "monthly.file.quarter": ("运营季报", "operations-report"),
    "monthly.file.range": ("运营报告", "operations-report"),
    "monthly.file.year": ("运营报告", "operations-report"),
    "monthly.file.brief": ("工作简报", "work-brief"),
    # the 工作简报 (plain text for the 科协 monthly return)
    "monthly.brief.title": ("{institution}{period}工作简报", "{institution}: work brief, {period}"),
    "monthly.brief.done": ("一、本{unit}重点工作完成情况（{count}项）", "1. Key tasks done this {unit} ({count})"),
    "monthly.brief.next": ("二、下{unit}重点工作计划（{count}项）", "2. Key tasks planned for next {unit} ({count})"),
    "monthly.brief.none": ("（无）", "(none)"),
    # command line
    "monthly.cli.done": ("{period}运营报告已写入 {out}（{files} 个文件，{charts} 张图表）。",
                         "The operations report for {period} is in {out} ({files} files, {charts} charts)."),
}

MESSAGES.update({
    # the digest (markdown, at most 20 lines)
    "digest.title": ("### {institution} {period}运营简报", "### {institution}: operations digest, {period}"),
    "digest.figures": ("**主要数据**", "**Headline figures**"),
    "digest.yoy": ("同比 {change}", "YoY {change}"),
    "digest.mom": ("环比 {change}", "vs previous {change}"),
    "digest.exceptions": ("**例外事项（{count}项）**", "**Exceptions ({count})**"),
    "digest.no_exceptions": ("- 无", "- none"),
    "digest.more": ("- 另有 {count} 项，见报告", "- {count} more in the report"),
    "digest.score": ("**绩效自评**：{text}", "**Performance score**: {text}"),
    "digest.demo": ("（示例数据，非真实统计）", "(demo data, not real statistics)"),
    "digest.subject": ("{institution} {period}运营简报", "{institution}: operations digest, {period}"),
    # delivery
    "digest.sent": ("{channel} → {recipient}：已发送", "{channel} → {recipient}: sent"),
    "digest.skipped": ("{channel} → {recipient}：本期已发送过，未重发（要重发请加 --force）",
                       "{channel} → {recipient}: already sent for this period, not sent again (add --force to resend)"),
    "digest.failed": ("{channel} → {recipient}：发送失败（{reason}），其他渠道照常发送",
                      "{channel} → {recipient}: failed ({reason}); the other channels still go out"),
    "digest.no_channels": (
        "密钥文件 {path} 中没有配置任何简报渠道（[museum_digest.email]、[[museum_digest.wecom]]、[[museum_digest.dingtalk]]），未发送。请参照 .streamlit/secrets.example.toml 配置。",
        "No digest channel is configured in the secrets file {path} ([museum_digest.email], [[museum_digest.wecom]], [[museum_digest.dingtalk]]); nothing was sent. See .streamlit/secrets.example.toml."),
    "digest.bad_channel": (
        "密钥文件 {path} 的 [{section}] 配置有误：{problem}。请按 .streamlit/secrets.example.toml 修改。",
        "The secrets file {path} has a problem in [{section}]: {problem}. Fix it as .streamlit/secrets.example.toml shows."),
    "digest.channel.email": ("邮件", "email"),
    "digest.channel.wecom": ("企业微信", "WeCom"),
    "digest.channel.dingtalk": ("钉钉", "DingTalk"),
    "audit.action.digest_sent": ("推送简报", "digest sent"),
})

MESSAGES.update({
    # the 报告 page
    "page.report": ("报告", "Report"),
    "monthly.page.intro": (
        "所选期间的运营报告：例外事项、主要数据（同比、环比）、绩效目标与序时进度、重点工作、活动与图表，内容与各页面一致。可下载 Word、PDF 和工作简报，或把简报推送给馆领导。",
        "The operations report of the chosen period: exceptions, headline figures (YoY and vs the previous period), targets against the schedule, key tasks, events and charts, the same as the pages show. Download it as Word, PDF and a work brief, or push the digest to leadership."),
    "monthly.page.language": ("文件语言", "Language of the files"),
    "monthly.page.build": ("生成报告文件", "Build the report files"),
    "monthly.page.building": ("正在生成{period}报告…", "Building the report for {period}…"),
    "monthly.page.built": ("已生成{period}报告：{files} 个文件，{charts} 张图表，用时 {seconds} 秒。",
                           "Built the report for {period}: {files} files, {charts} charts, {seconds} s."),
    "monthly.page.download": ("下载 {name}", "Download {name}"),
    "monthly.page.brief": ("工作简报（可直接粘贴）", "Work brief (ready to paste)"),
    "monthly.page.digest": ("推送给馆领导的简报", "The digest for leadership"),
    "monthly.page.send": ("立即推送", "Send now"),
    "monthly.page.force": ("已推送过的也重新推送", "Send again to those who already had it"),
    "monthly.page.send_admin_only": ("推送由管理员操作；定时推送见部署文档（cron 或 systemd 定时器）。",
                                     "An admin sends the digest; scheduled sending is set up with cron or a systemd timer (see the deployment notes)."),
})
