"""Messages of returns between installs (报送包, issue 24): package, receive, their page and refusals."""

MESSAGES = {
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
