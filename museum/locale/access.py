"""Messages of access control, the audit trail, backups and upload safety checks."""

MESSAGES = {
    # accounts
    "auth.bad_name": (
        "用户名“{name}”不可用：只能包含字母、汉字、数字和 . _ - @，长度 1–64。",
        "The user name “{name}” is not allowed: use letters, digits and . _ - @ only, 1–64 characters.",
    ),
    "auth.bad_role": ("角色“{role}”不存在，可选：{roles}。", "There is no role “{role}”. Choose one of: {roles}."),
    "auth.password_too_short": (
        "密码太短：至少需要 {minimum} 个字符。",
        "The password is too short: use at least {minimum} characters.",
    ),
    "auth.password_too_long": (
        "密码太长：最多 {maximum} 字节（一个汉字占 3 字节）。",
        "The password is too long: at most {maximum} bytes (a Chinese character takes 3).",
    ),
    "auth.passwords_differ": ("两次输入的密码不一致，未做任何更改。", "The two passwords differ; nothing was changed."),
    "auth.empty_password_stdin": (
        "标准输入中没有密码。用法：echo 密码 | python -m museum users add 名称 --role 角色 --password-stdin",
        "No password on standard input. Usage: echo PASSWORD | python -m museum users add NAME --role ROLE --password-stdin",
    ),
    "auth.user_exists": ("用户“{name}”已存在。如需改密码：python -m museum users passwd {name}", "The user “{name}” already exists. To change the password: python -m museum users passwd {name}"),
    "auth.unknown_user": ("没有名为“{name}”的用户。查看现有用户：python -m museum users list", "There is no user “{name}”. List the users: python -m museum users list"),
    "auth.last_admin": (
        "“{name}”是唯一可用的管理员，不能删除、停用或降级。请先添加另一位管理员。",
        "“{name}” is the only active admin and cannot be removed, disabled or demoted. Add another admin first.",
    ),
    "auth.sign_in_failed": (
        "用户名或密码不正确。再失败 {remaining} 次，该用户名将被锁定 {minutes} 分钟。",
        "Wrong user name or password. After {remaining} more failed tries this user name is locked for {minutes} minutes.",
    ),
    "auth.locked": (
        "用户名“{name}”因连续 {failures} 次登录失败已被锁定，请约 {minutes} 分钟后（UTC {until} 之后）再试；如忘记密码，请管理员重设密码（重设后立即解锁）。",
        "The user name “{name}” is locked after {failures} failed sign-ins. Try again in about {minutes} minutes (after {until} UTC), or ask an admin to reset the password (which lifts the lock).",
    ),
    "auth.disabled": ("账号“{name}”已停用。请联系管理员。", "The account “{name}” is disabled. Ask an admin."),
    "auth.role.viewer": ("浏览者", "viewer"),
    "auth.role.editor": ("编辑者", "editor"),
    "auth.role.admin": ("管理员", "admin"),
    # audit
    "audit.action.sign_in_ok": ("登录成功", "signed in"),
    "audit.action.sign_in_failed": ("登录失败", "sign-in failed"),
    "audit.action.sign_out": ("退出登录", "signed out"),
    "audit.action.upload_accepted": ("上传已接受", "upload accepted"),
    "audit.action.upload_rejected": ("上传被拒绝", "upload rejected"),
    "audit.action.report_import": ("年度报告导入", "report import"),
    "audit.action.correction": ("手工更正", "correction"),
    "audit.action.rollback": ("回滚", "rollback"),
    "audit.action.export": ("导出", "export"),
    "audit.action.account_change": ("账号变更", "account change"),
    "audit.action.backup": ("备份", "backup"),
    "audit.action.restore": ("恢复", "restore"),
    "audit.column.occurred_at": ("时间 (UTC)", "Time (UTC)"),
    "audit.column.user_name": ("用户", "User"),
    "audit.column.action": ("操作", "Action"),
    "audit.column.detail": ("详情", "Detail"),
    "audit.column.file_sha256": ("文件哈希 (SHA-256)", "File hash (SHA-256)"),
    # backups
    "backup.unsafe_path": (
        "备份目录路径“{path}”含有不允许的字符（引号、反斜杠、分号等）。请换一个只含字母、汉字、数字和 . _ - / 的路径。",
        "The backup path “{path}” contains characters that are not allowed (quotes, backslashes, semicolons …). Use a path of letters, digits and . _ - / only.",
    ),
    "backup.dir_not_empty": (
        "备份目录 {path} 已存在且不为空。请指定一个新的或空的目录，以免覆盖旧备份。",
        "The backup directory {path} exists and is not empty. Give a new or empty directory so no earlier backup is overwritten.",
    ),
    "backup.export_failed": ("无法写入备份到 {path}：{detail}", "Could not write the backup to {path}: {detail}"),
    "backup.import_failed": ("无法从 {path} 恢复：{detail}", "Could not restore from {path}: {detail}"),
    "backup.no_manifest": (
        "{path} 不是本系统的备份（缺少 manifest.json）。请指定 python -m museum backup 写出的目录。",
        "{path} is not a backup of this dashboard (no manifest.json). Give a directory written by python -m museum backup.",
    ),
    "backup.bad_manifest": ("备份清单 {path} 无法读取或版本不符。", "The backup manifest {path} cannot be read or has an unknown format."),
    "backup.file_missing": ("备份文件 {path} 缺失。备份不完整，未做任何更改。", "The backup file {path} is missing. The backup is incomplete; nothing was changed."),
    "backup.file_changed": (
        "备份文件 {path} 与备份时的校验值不符（已损坏或被改动）。未做任何更改。",
        "The backup file {path} does not match its recorded checksum (damaged or altered). Nothing was changed.",
    ),
    "backup.counts_differ": (
        "从 {path} 恢复后的行数与备份清单不符。未做任何更改。",
        "The row counts restored from {path} differ from the backup's manifest. Nothing was changed.",
    ),
    # upload safety
    "safety.upload_too_large": (
        "文件太大（{size_mb} MB），上限为 {limit_mb} MB。请拆分后再上传。",
        "The file is too large ({size_mb} MB); the limit is {limit_mb} MB. Split it and upload the parts.",
    ),
    "safety.xlsx_not_zip": (
        "这不是有效的 .xlsx 文件（无法作为 Excel 工作簿打开）。请在 Excel 中另存为 .xlsx 或 CSV 后再上传。",
        "This is not a valid .xlsx file (it cannot be opened as an Excel workbook). Save it again as .xlsx or CSV in Excel and upload that.",
    ),
    "safety.xlsx_too_many_entries": (
        "该 .xlsx 文件包含 {entries} 个内部部件，超过上限 {limit}，已拒绝。",
        "This .xlsx file has {entries} internal parts, more than the limit of {limit}; refused.",
    ),
    "safety.xlsx_too_big_unpacked": (
        "该 .xlsx 文件解压后为 {size_mb} MB，超过上限 {limit_mb} MB，已拒绝（可能是压缩炸弹）。",
        "This .xlsx file unpacks to {size_mb} MB, more than the limit of {limit_mb} MB; refused (possibly a zip bomb).",
    ),
    "safety.xlsx_ratio": (
        "该 .xlsx 文件的部件 {entry} 压缩比为 {ratio}:1，超过上限 {limit}:1，已拒绝（可能是压缩炸弹）。",
        "The part {entry} of this .xlsx file is compressed {ratio}:1, beyond the limit of {limit}:1; refused (possibly a zip bomb).",
    ),
    # command line
    "cli.users.added": ("已添加用户“{name}”（{role}）。", "Added the user “{name}” ({role})."),
    "cli.users.removed": ("已删除用户“{name}”。", "Removed the user “{name}”."),
    "cli.users.password_set": ("已为“{name}”设置新密码。", "Set a new password for “{name}”."),
    "cli.users.none": (
        "还没有任何账号。创建第一位管理员：python -m museum users add 名称 --role admin",
        "There are no accounts yet. Create the first admin: python -m museum users add NAME --role admin",
    ),
    "cli.users.prompt": ("{name} 的密码：", "Password for {name}: "),
    "cli.users.prompt_again": ("再次输入密码：", "Repeat the password: "),
    "cli.users.column.name": ("用户", "User"),
    "cli.users.column.role": ("角色", "Role"),
    "cli.users.column.created": ("创建时间 (UTC)", "Created (UTC)"),
    "cli.users.column.status": ("状态", "Status"),
    "cli.users.status.active": ("正常", "active"),
    "cli.users.status.disabled": ("已停用", "disabled"),
    "cli.users.status.locked": ("锁定至 {until} UTC", "locked until {until} UTC"),
    "cli.audit.empty": ("审计记录为空。", "The audit trail is empty."),
    "cli.backup.done": (
        "已备份到 {path}：{tables} 张表，{rows} 行。恢复：python -m museum restore {path}",
        "Backed up to {path}: {tables} tables, {rows} rows. To restore: python -m museum restore {path}",
    ),
    "cli.restore.done": ("已从备份恢复数据库 {path}（{rows} 行）。", "Restored the database {path} from the backup ({rows} rows)."),
    "cli.restore.kept": ("原数据库已保留为 {kept}。", "The previous database is kept as {kept}."),
}
