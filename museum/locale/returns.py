"""Messages of returns between installs (报送包, issue 24): package, receive, their page and refusals."""

MESSAGES = {
    "returns.older_than_received": (
        "{name} 是单位于 {made} 制作的报送包，而批次 #{batch_id} 已接收了其后（{received_made}）制作的 {received} 报送包："
        "接收它会用较旧的数字覆盖较新的数字，未做任何更改。如旧包中的数字才是正确的，请单位重新制作一个报送包再发送。",
        "{name} was made by the unit at {made}, but batch #{batch_id} already holds its return of {received} made later "
        "({received_made}): receiving it would put older figures over newer ones; nothing was changed. If the older figures "
        "are the right ones, ask the unit to make a new package and send that.",
    ),
    "batch.kind.return": ("报送包接收", "return received"),
    "audit.action.return_package": ("生成报送包", "return packaged"),
    "audit.action.return_receive": ("接收报送包", "return received"),
    "audit.action.return_key": ("报送密钥", "return key"),
    "page.returns": ("报送包", "Returns"),
    # refusals: what, where, what to do
    "returns.not_zip": (
        "报送包 {name} 不是完整的 .zip 文件（无法打开或内容已损坏、被截断），未接收，数据库未改动。请报送单位重新生成报送包后再发送。",
        "The return {name} is not a complete .zip file (it cannot be opened, or it is damaged or cut short); nothing was "
        "received and the database is unchanged. Ask the unit to make the package again and send it again.",
    ),
    "returns.duplicate_part": (
        "报送包 {name} 中部件 {part} 出现了不止一次，正常的报送包不会这样，已拒绝，数据库未改动。请报送单位重新生成报送包。",
        "The return {name} holds the part {part} more than once, which no real package does; refused, the database is "
        "unchanged. Ask the unit to make the package again.",
    ),
    "returns.unexpected_part": (
        "报送包 {name} 含有不应有的部件“{part}”（报送包只含 manifest.json 与各数据部件），已拒绝，数据库未改动。请报送单位用本系统的“报送包”功能重新生成。",
        "The return {name} holds a part “{part}” that a return never has (only manifest.json and the data parts); refused, "
        "the database is unchanged. Ask the unit to make it again with this system's package command.",
    ),
    "returns.missing_part": (
        "报送包 {name} 缺少部件 {part}，已拒绝，数据库未改动。请报送单位重新生成报送包。",
        "The return {name} lacks the part {part}; refused, the database is unchanged. Ask the unit to make the package again.",
    ),
    "returns.bad_manifest": (
        "报送包 {name} 的清单 manifest.json 无法读取或格式不对（格式版本、单位、期间、部件、密钥、签名），已拒绝，数据库未改动。请报送单位用本系统重新生成报送包。",
        "The manifest (manifest.json) of the return {name} cannot be read or has the wrong shape (format version, "
        "institution, period, parts, key, signature); refused, the database is unchanged. Ask the unit to make the package again with this system.",
    ),
    "returns.bad_signature": (
        "报送包 {name} 的签名无法验证：清单在签名后被改动过，或签名不是用包内公钥做的。已拒绝，数据库未改动。请报送单位重新生成并直接发送，中途不要改动。",
        "The signature of the return {name} does not verify: the manifest was changed after signing, or the signature was "
        "not made with the package's key. Refused, the database is unchanged. Ask the unit to make the package again and send it unaltered.",
    ),
    "returns.part_changed": (
        "报送包 {name} 的部件 {part} 与签名清单中的 SHA-256 不符（生成后被改动过），已拒绝，数据库未改动。请报送单位重新生成并直接发送。",
        "The part {part} of the return {name} does not match the SHA-256 in its signed manifest (it was changed after "
        "packaging); refused, the database is unchanged. Ask the unit to make the package again and send it unaltered.",
    ),
    "returns.wrong_count": (
        "报送包 {name} 的部件 {part} 有 {found} 行，清单记载为 {listed} 行，已拒绝，数据库未改动。请报送单位重新生成报送包。",
        "The part {part} of the return {name} has {found} rows where its manifest says {listed}; refused, the database is "
        "unchanged. Ask the unit to make the package again.",
    ),
    "returns.bad_part": (
        "无法读取报送包部件 {name}（不是 UTF-8 的 JSON 列表），已拒绝，数据库未改动。请报送单位重新生成报送包。",
        "Cannot read the return's part {name} (not a UTF-8 JSON list); refused, the database is unchanged. Ask the unit "
        "to make the package again.",
    ),
    "returns.bad_row": (
        "报送包部件 {name} 第 {row} 行的“{column}”缺失、多余或取值不允许，已拒绝，数据库未改动。请报送单位核对该行后重新生成报送包。",
        "Row {row} of the return's part {name}: the column “{column}” is missing, extra or has a value not allowed; "
        "refused, the database is unchanged. Ask the unit to check that row and make the package again.",
    ),
    "returns.out_of_period": (
        "报送包 {name} 的 observations.json 第 {row} 行不属于报送期间 {period}，已拒绝，数据库未改动。请报送单位按该期间重新生成报送包。",
        "Row {row} of observations.json in the return {name} is outside its period {period}; refused, the database is "
        "unchanged. Ask the unit to make the package for that period again.",
    ),
    "returns.unknown_metric": (
        "报送包 {name} 的 observations.json 第 {row} 行的指标“{metric}”不在本系统的指标目录中，已拒绝，数据库未改动。请先将两边系统升级到同一版本。",
        "Row {row} of observations.json in the return {name} has the metric “{metric}”, which this install's catalog does "
        "not have; refused, the database is unchanged. Bring both installs to the same version first.",
    ),
    "returns.duplicate_value": (
        "报送包 {name} 的 observations.json 第 {row} 行重复了指标“{metric}”同一月份、同一平台的数值，已拒绝，数据库未改动。请报送单位重新生成报送包。",
        "Row {row} of observations.json in the return {name} repeats a value of “{metric}” for the same month and "
        "platform; refused, the database is unchanged. Ask the unit to make the package again.",
    ),
    "returns.unknown_key": (
        "报送包 {name} 来自“{institution}”，但本系统尚未登记该单位的报送密钥（指纹 {fingerprint}），未接收，数据库未改动。"
        "请先通过电话等其他渠道与该单位核对指纹；核对一致后，由管理员确认信任此密钥（命令行：--trust-new-key）。",
        "The return {name} comes from “{institution}”, whose return key this install has not registered (fingerprint "
        "{fingerprint}); nothing was received, the database is unchanged. Check the fingerprint with the unit by another "
        "channel (e.g. telephone); if it matches, an admin trusts the key (command line: --trust-new-key).",
    ),
    "returns.other_key": (
        "报送包 {name} 自称来自“{institution}”，但签名密钥（指纹 {found}）不是该单位已登记的密钥（指纹 {registered}），已拒绝，数据库未改动。"
        "这可能是伪造或冒用的报送包；如该单位确实更换了密钥，请联系系统管理员处理，不能在此直接接收。",
        "The return {name} claims to come from “{institution}” but is signed with a key (fingerprint {found}) other than "
        "the one registered for that unit (fingerprint {registered}); refused, the database is unchanged. It may be forged "
        "or replayed for another unit; if the unit really changed its key, ask the system administrator: it cannot be received here.",
    ),
    "returns.trust_needs_admin": (
        "只有管理员可以信任新的报送密钥（账号 {user} 不是管理员），未接收，数据库未改动。请由管理员接收此报送包。",
        "Only an admin may trust a new return key (the account {user} is not an admin); nothing was received, the "
        "database is unchanged. Ask an admin to receive this return.",
    ),
    "returns.output_exists": (
        "文件 {path} 已存在，未覆盖。请换一个文件名，或先移走旧文件。",
        "The file {path} exists already and was not overwritten. Choose another name, or move the old file first.",
    ),
    # command line
    "cli.returns.packaged": (
        "已生成报送包 {path}：{institution} {period}，{rows} 行；密钥指纹 {fingerprint}（首次报送时请告知举办单位）。",
        "Return written to {path}: {institution} {period}, {rows} rows; key fingerprint {fingerprint} (tell the sponsor "
        "with the first return).",
    ),
    "cli.returns.received": (
        "已接收 {institution} {period} 的报送包：新增 {inserted}，修改 {updated}，不变 {unchanged} → 批次 #{batch_id}。",
        "Received the return of {institution} for {period}: {inserted} new, {updated} changed, {unchanged} unchanged → batch #{batch_id}.",
    ),
    "cli.returns.valid": (
        "报送包有效（试运行，未写入）：{institution} {period}，将新增 {inserted}，修改 {updated}，不变 {unchanged}。",
        "The return is valid (dry run, nothing written): {institution} {period}, would add {inserted}, change {updated}, "
        "leave {unchanged} unchanged.",
    ),
    "cli.returns.duplicate": (
        "这个报送包已由批次 #{batch_id} 接收，未重复写入。",
        "This return was already received as batch #{batch_id}; nothing was written again.",
    ),
    "cli.returns.new_institution": ("将新建单位“{institution}”。", "The unit “{institution}” will be created."),
    "cli.returns.trusted": (
        "已登记“{institution}”的报送密钥，指纹 {fingerprint}。",
        "Registered the return key of “{institution}”, fingerprint {fingerprint}.",
    ),
}
MESSAGES.update({
    "returns.ui.intro": (
        "下属单位在本单位系统中生成某一期间的报送包（已签名的 .zip），发给举办单位；举办单位的管理员在此上传、核对变化后接收。同一期间再次报送会替换上一次，不会重复计数。",
        "A unit makes its return of a period here (a signed .zip) and sends it to its sponsor; the sponsor's admin uploads "
        "it here, checks what changes and receives it. A later return of the same period replaces the earlier one; nothing is counted twice.",
    ),
    "returns.ui.package_title": ("生成本单位报送包", "Make this unit's return"),
    "returns.ui.package_help": (
        "{institution} {period}：该期间各月的数值（含限定词、备注和出处原句），以及当年的荣誉获奖、科研、绩效目标和机构概况。期间在左侧栏选择。",
        "{institution}, {period}: the period's monthly values (with qualifiers, notes and source sentences), and the "
        "year's awards, honours, research, targets and profile. Choose the period in the sidebar.",
    ),
    "returns.ui.no_data": ("还没有可报送的数据。", "There is no data to return yet."),
    "returns.ui.make": ("生成报送包", "Make the return"),
    "returns.ui.made": (
        "报送包已生成：{rows} 行，密钥指纹 {fingerprint}。首次报送时，请通过电话等渠道把指纹告诉举办单位。",
        "The return is ready: {rows} rows, key fingerprint {fingerprint}. With the first return, tell the sponsor this "
        "fingerprint by another channel (e.g. telephone).",
    ),
    "returns.ui.download": ("下载报送包", "Download the return"),
    "returns.ui.file_name": ("报送包-{period}.zip", "return-{period}.zip"),
    "returns.ui.receive_title": ("接收下属单位报送包", "Receive a unit's return"),
    "returns.ui.receive_admins": ("接收报送包仅限管理员。", "Only admins receive returns."),
    "returns.ui.upload": ("上传报送包（.zip）", "Upload a return (.zip)"),
    "returns.ui.waiting": ("请上传下属单位发来的报送包。", "Upload the return a unit sent."),
    "returns.ui.institution": ("报送单位", "Unit"),
    "returns.ui.period": ("期间", "Period"),
    "returns.ui.created": ("生成人 · 时间（UTC）", "Made by · at (UTC)"),
    "returns.ui.fingerprint": ("密钥指纹", "Key fingerprint"),
    "returns.ui.data": ("数据", "Data"),
    "returns.ui.demo": ("示例数据，非真实统计", "Demo data, not real statistics"),
    "returns.ui.new_institution": (
        "本系统中还没有“{institution}”，接收时将新建该单位。",
        "This install has no unit “{institution}” yet; receiving creates it.",
    ),
    "returns.ui.new_key": (
        "本系统尚未登记“{institution}”的报送密钥。请先通过电话等其他渠道与该单位核对指纹：{fingerprint}。指纹不一致时不要接收。",
        "This install has not registered a return key for “{institution}”. Check the fingerprint with the unit by "
        "another channel (e.g. telephone) first: {fingerprint}. Do not receive it if they differ.",
    ),
    "returns.ui.trust": (
        "我已与该单位核对指纹 {fingerprint}，信任此密钥（以后该单位的报送包必须用它签名）",
        "I checked the fingerprint {fingerprint} with the unit and trust this key (the unit's returns must be signed with it from now on)",
    ),
    "returns.ui.receive": ("接收", "Receive"),
    "returns.ui.column.part": ("内容", "Part"),
    "returns.ui.column.new": ("新增", "New"),
    "returns.ui.column.changed": ("修改", "Changed"),
    "returns.ui.column.unchanged": ("不变", "Unchanged"),
    "returns.ui.column.withdrawn": ("撤回/替换", "Withdrawn or replaced"),
    "returns.part.observations": ("数值", "Values"),
    "returns.part.profile": ("机构概况", "Profile"),
    "returns.part.awards": ("获奖", "Awards"),
    "returns.part.honors": ("集体荣誉", "Honours"),
    "returns.part.research": ("科研", "Research"),
    "returns.part.targets": ("绩效目标", "Targets"),
})
