"""Messages of typed monthly entry (数据填报) and review before figures are official (待审核)."""

MESSAGES = {
    "batch.kind.entry": ("数据填报", "typed entry"),
    "audit.action.entry": ("数据填报", "typed entry"),
    "audit.action.review_submitted": ("提交待审核", "submitted for review"),
    "audit.action.review_approved": ("审核通过", "review approved"),
    "audit.action.review_rejected": ("审核退回", "review returned"),
    "audit.action.review_refused": ("审核被拒绝", "review refused"),
    "audit.action.review_setting": ("审核设置", "review setting"),
    "page.entry": ("数据填报", "Data entry"),
    "page.review": ("待审核", "Pending review"),
    # refusals of the store and the review
    "batches.rollback_pending": (
        "批次 #{batch_id} 尚在待审核，未写入任何数据，无需撤销。请在“待审核”页面退回它。",
        "Batch #{batch_id} is pending review and has written nothing, so there is nothing to roll back. Return it on the "
        "Pending review page instead."),
    "batches.rollback_rejected": (
        "批次 #{batch_id} 已被审核退回，未写入任何数据，无需撤销。",
        "Batch #{batch_id} was returned in review and wrote nothing, so there is nothing to roll back."),
    "review.setting_not_allowed": (
        "只有管理员可以开启或关闭审核。请用管理员账号操作（--user 管理员名称）。",
        "Only an admin may switch review on or off. Act as an admin account (--user ADMIN)."),
    "review.unknown": (
        "没有待审核记录的批次 #{batch_id}。请用 python -m museum pending 查看待审核的批次。",
        "Batch #{batch_id} has no review record. See the pending batches with python -m museum pending."),
    "review.already_approved": ("批次 #{batch_id} 已审核通过，不能再次审核。", "Batch #{batch_id} is approved already."),
    "review.already_rejected": ("批次 #{batch_id} 已被退回，不能再次审核。", "Batch #{batch_id} was returned already."),
    "review.already_decided": ("批次 #{batch_id} 已由他人审核，请刷新后查看。",
                               "Batch #{batch_id} was decided by someone else meanwhile; reload to see how."),
    "review.not_allowed": (
        "您的角色不能审核批次 #{batch_id}。请由管理员审核。",
        "Your role may not review batch #{batch_id}. Ask an admin to review it."),
    "review.same_account": (
        "批次 #{batch_id} 由 {user} 提交，须由另一个账号审核（双人复核）。请由其他管理员审核。",
        "Batch #{batch_id} was submitted by {user}: another account must review it (four eyes). Ask another admin."),
    "review.conflict": (
        "批次 #{batch_id} 提交后，有 {count} 个数值已被其他批次修改（见下方：提交时的值、当前值、拟写入值）。"
        "请核对；确需覆盖时勾选“覆盖当前值”（命令行加 --over-conflicts）后再审核通过。",
        "Since batch #{batch_id} was submitted, {count} values were changed by other batches (below: as seen at "
        "submission, current, proposed). Check them; to write over them tick “Apply over current values” "
        "(--over-conflicts on the command line) and approve again."),
    "review.no_longer_valid": (
        "批次 #{batch_id} 的文件按今天的数据已无法通过校验，不能审核通过。请退回并重新上传。",
        "Batch #{batch_id}'s file no longer passes the checks against today's data. Return it and upload again."),
    "review.reason_needed": ("退回批次 #{batch_id} 须填写原因。", "Returning batch #{batch_id} needs a reason."),
    "review.reason_too_long": ("退回原因最多 {maximum} 个字符。", "A reason has at most {maximum} characters."),
    # typed entry
    "entry.bad_period": (
        "期间 {period} 不是 {first}–{last} 年间的月份。请写成 2025-04 的形式。",
        "The period {period} is not a month of the years {first}–{last}. Write it as 2025-04."),
    "entry.nothing_typed": ("没有填写任何数值，未保存。", "No value was typed; nothing was saved."),
    "entry.error.not_a_number": (
        "第 {row} 行“{metric}”：无法识别为数值（单位 {unit}）。请填写如 1,234、约3000、超50、2万余。",
        "Row {row} “{metric}”: not a number (unit {unit}). Type e.g. 1,234, 约3000, 超50, 2万余."),
    "entry.error.negative": ("第 {row} 行“{metric}”：不能为负数。", "Row {row} “{metric}”: cannot be negative."),
    "entry.error.unknown_metric": (
        "第 {row} 行：指标目录中没有“{metric}”。请从目录中选择指标。",
        "Row {row}: the catalog has no metric “{metric}”. Choose a metric from the catalog."),
    "entry.warning.beyond_bound": (
        "第 {row} 行“{metric}”：超过合理上限 {bound}，请核对后逐项确认。",
        "Row {row} “{metric}”: beyond the plausible bound {bound}; check it and confirm it."),
    "entry.warning.jump": (
        "第 {row} 行“{metric}”：是上年同月（{last_year}）的 {ratio} 倍，请核对后逐项确认。",
        "Row {row} “{metric}”: {ratio}× last year's same month ({last_year}); check it and confirm it."),
    # command line
    "entry.cli.bad_pair": (
        "“{pair}” 不是 指标=数值 的形式（如 visitors=1,234）。",
        "“{pair}” is not METRIC=VALUE (e.g. visitors=1,234)."),
    "entry.cli.rejected": ("{period} 的填报未保存：", "The entry of {period} was not saved:"),
    "entry.cli.problem": ("  {pair}：{message}", "  {pair}: {message}"),
    "entry.cli.confirm_hint": (
        "核对后加 --allow-implausible 确认以上提示。", "After checking, add --allow-implausible to confirm the warnings above."),
    "entry.cli.committed": (
        "{period} 的填报已保存为批次 #{batch_id}：新增 {inserted}，修改 {updated}，未变 {unchanged}。",
        "The entry of {period} was saved as batch #{batch_id}: {inserted} new, {updated} changed, {unchanged} unchanged."),
    "review.submitted": ("已提交待审核（批次 #{batch_id}）。", "Submitted for review (batch #{batch_id})."),
    "report.cli.pending": ("已提交待审核（批次 #{batch_id}）。", "Submitted for review (batch #{batch_id})."),
    "review.cli.none": ("没有待审核的批次。", "No batch is pending review."),
    "review.cli.line": ("批次 #{batch_id}  {kind}  {what}  {user}  {time}  {count} 项变更",
                        "batch #{batch_id}  {kind}  {what}  {user}  {time}  {count} changes"),
    "review.cli.change": ("  {metric} {period}{platform}：{old} → {new}", "  {metric} {period}{platform}: {old} → {new}"),
    "review.cli.conflict": ("  {metric} {period}{platform}：提交时 {submitted}，当前 {current}，拟写入 {new}",
                            "  {metric} {period}{platform}: at submission {submitted}, current {current}, proposed {new}"),
    "review.approved": ("批次 #{batch_id} 已审核通过：新增 {inserted}，修改 {updated}。",
                        "Batch #{batch_id} approved: {inserted} new, {updated} changed."),
    "review.rejected": ("批次 #{batch_id} 已退回：{reason}", "Batch #{batch_id} returned: {reason}"),
    "review.setting_on": ("{institution} 已开启审核：此后的数据变更须经审核通过才生效。",
                          "Review is on for {institution}: from now on, changed figures count once approved."),
    "review.setting_off": ("{institution} 已关闭审核：数据变更立即生效。",
                           "Review is off for {institution}: changed figures count at once."),
    # pages
    "entry.intro": (
        "按月填报没有文件来源的数字（如三探五进场次、活跃志愿者、竞赛参赛数）。可填写 1,234、约3000、超50、2万余；"
        "与上年同月相差 3 倍以上或超过合理上限的数值须逐项确认。",
        "Type a month's figures that no file holds (events held, active volunteers, competitions entered). "
        "1,234, 约3000, 超50, 2万余 all work; a value over 3× or under a third of last year's same month, or beyond "
        "its bound, must be confirmed cell by cell."),
    "entry.pick_month": ("请在侧栏“期间”中选择一个月份后填报。", "Choose a month as the period in the sidebar to enter figures."),
    "entry.month": ("填报月份：{period}", "Month entered: {period}"),
    "entry.column.month": ("月份", "Month"),
    "entry.column.metric": ("指标", "Metric"),
    "entry.column.unit": ("单位", "Unit"),
    "entry.column.previous": ("上月", "Last month"),
    "entry.column.last_year": ("上年同月", "Same month last year"),
    "entry.column.current": ("当前值", "Current value"),
    "entry.column.typed": ("填报值", "Value typed"),
    "entry.column.confirm": ("确认", "Confirm"),
    "entry.add": ("从指标目录添加指标", "Add metrics from the catalog"),
    "entry.add_placeholder": ("按名称选择指标", "Choose metrics by name"),
    "entry.empty": ("近 12 个月没有按月填报的指标，请从目录中添加。",
                    "No metric was reported monthly in the last 12 months; add some from the catalog."),
    "entry.check": ("校验", "Check"),
    "entry.save_draft": ("保存草稿", "Save draft"),
    "entry.submit": ("提交", "Submit"),
    "entry.draft_saved": ("草稿已保存（{time}），下次打开本月即可继续。", "Draft saved ({time}); open this month again to go on."),
    "entry.draft_resumed": ("已载入 {time} 保存的草稿。", "The draft saved {time} is loaded."),
    "entry.to_confirm": ("以下数值须在“确认”列勾选后才能提交：", "Tick “Confirm” for these values before submitting:"),
    "entry.valid": ("校验通过：{count} 个数值可提交。", "Checked: values ready to submit: {count}."),
    "entry.committed": ("已保存为批次 #{batch_id}：新增 {inserted}，修改 {updated}，未变 {unchanged}。",
                        "Saved as batch #{batch_id}: {inserted} new, {updated} changed, {unchanged} unchanged."),
    "review.intro": (
        "开启审核后，数据变更先进入此列表；由提交人以外的管理员审核通过后才计入看板、导出和报表。",
        "With review on, changed figures wait here; they count in the dashboard, exports and reports once an "
        "admin other than the submitter approves them."),
    "review.empty": ("没有待审核的批次。", "No batch is pending review."),
    "review.own_only": ("您提交的待审核批次（只读；由管理员审核）：", "Your batches pending review (read-only; an admin reviews them):"),
    "review.batch_title": ("批次 #{batch_id} · {kind} · {what}", "Batch #{batch_id} · {kind} · {what}"),
    "review.batch_meta": ("{user} 于 {time} 提交，{count} 项变更", "Submitted by {user} at {time}, {count} changes"),
    "review.column.metric": ("指标", "Metric"),
    "review.column.period": ("期间", "Period"),
    "review.column.platform": ("平台", "Platform"),
    "review.column.old": ("原值", "Old"),
    "review.column.new": ("新值", "New"),
    "review.column.submitted": ("提交时", "At submission"),
    "review.column.current": ("当前值", "Current"),
    "review.approve": ("审核通过", "Approve"),
    "review.return": ("退回", "Return"),
    "review.reason": ("退回原因", "Reason for returning"),
    "review.over_conflicts": ("覆盖当前值（已核对冲突）", "Apply over current values (conflicts checked)"),
    "review.state.pending": ("待审核：由 {user} 提交，尚未写入任何数据；审核通过后才生效。",
                             "Pending review: submitted by {user}, nothing written yet; it counts once approved."),
    "review.state.rejected": ("已被 {user} 退回（{reason}），未写入任何数据。", "Returned by {user} ({reason}); nothing was written."),
    "review.state.approved": ("已由 {user} 审核通过。", "Approved by {user}."),
    "review.returned": ("已退回的批次（{count}）", "Returned batches ({count})"),
    "review.returned_line": ("批次 #{batch_id} · {what} · {user} 退回：{reason}", "Batch #{batch_id} · {what} · returned by {user}: {reason}"),
    "review.setting_label": ("数据变更须经审核（{institution}）", "Changed figures need review ({institution})"),
    "review.setting_help": (
        "开启后，上传、填报等数据变更须由另一位管理员在“待审核”页面审核通过后才生效。单人办公请保持关闭。",
        "When on, uploads, typed entries and other changes count only once another admin approves them on "
        "Pending review. Keep it off for a one-person office."),
}
