"""Messages of access control, the audit trail, backups and upload safety checks."""

MESSAGES = {
    # accounts
    "auth.bad_name": (
        "用户名“{name}”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。",
        "The user name “{name}” is not allowed: use Chinese characters, Latin letters, digits and . _ - @ only, 1–64 characters.",
    ),
    "auth.name_foreign_letters": (
        "用户名“{name}”不可用：其中的 {letters} 不是汉字或拉丁字母，只是看起来相像，容易被用来冒充别人的账号。请只用汉字、拉丁字母、数字和 . _ - @。",
        "The user name “{name}” is not allowed: {letters} is neither a Chinese character nor a Latin letter, only looks like one, "
        "and could be used to pass for someone else's account. Use Chinese characters, Latin letters, digits and . _ - @ only.",
    ),
    "auth.user_exists_other_case": (
        "已有账号“{existing}”，与“{name}”只差大小写，容易混淆。请换一个名称。",
        "There is already an account “{existing}”, which differs from “{name}” only in letter case and is easily confused. Choose another name.",
    ),
    "auth.bad_address": (
        "“{address}”不是 IP 地址。请写成 192.168.1.20 或 2001:db8::1 的形式。",
        "“{address}” is not an IP address. Write it like 192.168.1.20 or 2001:db8::1.",
    ),
    "auth.client_locked": (
        "来自此地址（{client}）的登录在短时间内失败了 {failures} 次，已暂停登录，请约 {minutes} 分钟后（{zone_zh} {until} 之后）再试。"
        "如需立即解除，请联系管理员解锁（系统管理 → 账号 → 解锁）。",
        "Sign-ins from this address ({client}) failed {failures} times in a short while, so sign-in is paused here. Try again in "
        "about {minutes} minutes (after {until} {zone_en}), or ask an administrator to unlock it (Administration → Accounts → Unlock).",
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
        "用户名或密码不正确。再失败 {remaining} 次，该用户名在此地址将被锁定 {minutes} 分钟（其他地址不受影响）。",
        "Wrong user name or password. After {remaining} more failed tries this user name is locked for {minutes} minutes at this address (other addresses are not affected).",
    ),
    "auth.locked": (
        "用户名“{name}”在此地址因连续 {failures} 次登录失败已被锁定，请约 {minutes} 分钟后（{zone_zh} {until} 之后）再试，"
        "或请联系管理员解锁（系统管理 → 账号 → 解锁）；如忘记密码，也可请管理员重设密码（重设后立即解锁）。",
        "The user name “{name}” is locked at this address after {failures} failed sign-ins. Try again in about {minutes} minutes (after {until} {zone_en}), "
        "or ask an administrator to unlock it (Administration → Accounts → Unlock) or to reset the password (which lifts it too).",
    ),
    "access.session_ended.removed": (
        "您的账号已被删除，已自动退出登录。",
        "Your account has been removed; you have been signed out.",
    ),
    "access.session_ended.disabled": (
        "您的账号已被停用，已自动退出登录。",
        "Your account has been disabled; you have been signed out.",
    ),
    "access.session_ended.role_changed": (
        "您的账号角色已被更改，请重新登录。",
        "Your account's role has changed. Please sign in again.",
    ),
    "access.session_ended.credentials_changed": (
        "您的密码已被重设（或数据库已从备份恢复），请重新登录。",
        "Your password was reset (or the database was restored from a backup). Please sign in again.",
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
    "audit.action.demo": ("示例数据", "demo data"),
    "audit.column.occurred_at": ("时间", "Time"),
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
    "backup.old_format": (
        "备份 {path} 是旧版本写出的（格式 1：没有签名，也没有记录数据库结构版本）。本版本不会执行备份中的 SQL，因此不能从它恢复，未做任何更改。"
        "请用写出它的版本恢复，再用本版本重新备份。",
        "The backup {path} was written by an earlier version (format 1: unsigned, without the schema version). This version never "
        "runs SQL from a backup, so it cannot restore it; nothing was changed. Restore it with the version that wrote it, then back up again with this one.",
    ),
    "backup.newer_schema": (
        "备份 {path} 来自更新的版本（含本程序不认识的数据库迁移 {versions}）。请先升级本程序再恢复，未做任何更改。",
        "The backup {path} comes from a newer version (it has database migrations this program does not know: {versions}). "
        "Upgrade this program first; nothing was changed.",
    ),
    "backup.extra_file": (
        "备份目录 {path} 中有清单没有列出的文件“{name}”：备份可能被改动过，未做任何更改。请使用原始的备份目录。",
        "The backup directory {path} holds “{name}”, which its manifest does not list: the backup may have been altered; "
        "nothing was changed. Use the original backup directory.",
    ),
    "backup.unknown_file": (
        "备份清单（{path}）列出了不属于任何数据表的文件“{name}”：备份可能被改动过，未做任何更改。",
        "The backup manifest ({path}) lists “{name}”, which belongs to no table: the backup may have been altered; nothing was changed.",
    ),
    "backup.not_regular_file": (
        "备份中的 {path} 不是普通文件（是链接或目录）：备份可能被改动过，未做任何更改。",
        "{path} in the backup is not a plain file (it is a link or a directory): the backup may have been altered; nothing was changed.",
    ),
    "backup.tables_differ": (
        "备份 {path} 的数据表与它记录的数据库结构版本不符（多出：{extra}；缺少：{missing}），未做任何更改。",
        "The tables of the backup {path} do not match the schema version it records (extra: {extra}; missing: {missing}); nothing was changed.",
    ),
    "backup.other_engine": (
        "{path} 是 {found} 数据库的备份，不能恢复到 {expected} 数据库。请指定同一种数据库写出的备份。",
        "{path} is a backup of a {found} database and cannot be restored into a {expected} database. Give a backup written by the same kind of database.",
    ),
    "backup.pg_tool_missing": (
        "找不到 PostgreSQL 的 {tool} 程序，无法备份或恢复。请安装 PostgreSQL 客户端（Debian：apt-get install -y postgresql-client）。",
        "PostgreSQL's {tool} program was not found, so the backup or restore cannot run. Install the PostgreSQL client (Debian: apt-get install -y postgresql-client).",
    ),
    "backup.columns_differ": (
        "备份文件 {file} 的列与数据表 {table} 不符（应为：{expected}；实为：{found}），未做任何更改。",
        "The columns of the backup file {file} do not match the table {table} (expected: {expected}; found: {found}); nothing was changed.",
    ),
    "backup.load_failed": (
        "无法把备份文件 {file} 载入数据表 {table}：{detail}。未做任何更改。",
        "Could not load the backup file {file} into the table {table}: {detail}. Nothing was changed.",
    ),
    "backup.migrations_differ": (
        "备份 {path} 的 schema_migrations 数据与清单记录的数据库结构版本不符，未做任何更改。",
        "The schema_migrations rows of the backup {path} differ from the schema version in its manifest; nothing was changed.",
    ),
    "backup.unsigned_refused": (
        "备份 {path} 没有签名，而本服务器配置了备份密钥：无法确认它没有被改动，未做任何更改。"
        "如确认该备份可信（例如是配置密钥之前写出的），请加 --allow-unsigned 再运行一次。",
        "The backup {path} is not signed, and this server has a backup key: there is no way to tell that it was not altered, so "
        "nothing was changed. If you trust it (e.g. it was written before the key was set), run again with --allow-unsigned.",
    ),
    "backup.bad_signature": (
        "备份 {path} 的签名不正确：清单在签名后被改动过，或签名是伪造的。未做任何更改。",
        "The signature of the backup {path} is wrong: its manifest was altered after signing, or the signature is forged. Nothing was changed.",
    ),
    "backup.other_key": (
        "备份 {path} 是用另一把密钥签名的（密钥编号 {found}，本服务器的是 {expected}），无法校验，未做任何更改。"
        "请配置签名时所用的密钥（MUSEUM_BACKUP_KEY 或 secrets.toml 中的 [museum_backup] key）。",
        "The backup {path} was signed with another key (key id {found}; this server's is {expected}) and cannot be verified; "
        "nothing was changed. Configure the key it was signed with (MUSEUM_BACKUP_KEY or [museum_backup] key in secrets.toml).",
    ),
    "backup.key_too_short": (
        "备份密钥太短（{length} 个字符），至少需要 {minimum} 个字符。生成一个：python -c \"import secrets; print(secrets.token_hex(32))\"",
        "The backup key is too short ({length} characters); it needs at least {minimum}. Make one: python -c \"import secrets; print(secrets.token_hex(32))\"",
    ),
    "backup.dashboard_serving": (
        "看板服务正在使用数据库 {path}，恢复已取消，未做任何更改。请先停止看板服务（如 systemctl stop museum-dashboard；多进程部署为 systemctl stop 'museum-dashboard@*'），恢复完成后再启动。",
        "The dashboard is serving the database {path}, so the restore was cancelled and nothing was changed. Stop the dashboard "
        "first (e.g. systemctl stop museum-dashboard; with several processes, systemctl stop 'museum-dashboard@*') and start it again after the restore.",
    ),
    "backup.changed_during_restore": (
        "恢复开始之后，数据库 {path} 又写入了 {changes} 条记录（最早在 UTC {first}）。为免丢掉这些更改，恢复已取消，未做任何更改。"
        "如仍要用备份替换它，请再运行一次恢复。",
        "After the restore started, {changes} changes were written to the database {path} (the first at {first} UTC). So "
        "that they are not lost, the restore was cancelled and nothing was changed. To replace the database with the "
        "backup all the same, run the restore again.",
    ),
    "backup.export_disk_full": (
        "无法写入备份 {path}：磁盘已满。未留下不完整的备份，数据库没有变化。请清理空间或换一个磁盘后重试。",
        "Could not write the backup {path}: the disk is full. No incomplete backup was left and the database is unchanged. "
        "Free some space or use another disk, then try again.",
    ),
    "backup.export_too_large": (
        "无法写入备份 {path}：文件超过了本程序允许写入的大小上限（ulimit -f）。未留下不完整的备份，数据库没有变化。",
        "Could not write the backup {path}: a file would exceed this program's file-size limit (ulimit -f). No incomplete "
        "backup was left and the database is unchanged.",
    ),
    "backup.export_read_only": (
        "无法写入备份 {path}：该位置是只读的。数据库没有变化。请指定一个可写的目录。",
        "Could not write the backup {path}: the location is read-only. The database is unchanged. Give a writable directory.",
    ),
    "backup.signature.signed": ("已签名并校验", "signed and verified"),
    "backup.signature.unsigned": ("未签名（已按 --allow-unsigned 接受）", "unsigned (accepted with --allow-unsigned)"),
    "backup.signature.unverified": ("未校验签名（本服务器没有配置备份密钥）", "signature not checked (no backup key on this server)"),
    # upload safety
    "safety.upload_too_large": (
        "文件太大（{size_mb} MB），上限为 {limit_mb} MB。请拆分后再上传。",
        "The file is too large ({size_mb} MB); the limit is {limit_mb} MB. Split it and upload the parts.",
    ),
    "safety.xlsx_not_zip": (
        "这不是有效的 {kind} 文件（无法打开其压缩结构）。请用 Office/WPS 重新另存为 {kind} 后再上传。",
        "This is not a valid {kind} file (its zip structure cannot be read). Save it again as {kind} in Office/WPS and upload that.",
    ),
    "safety.xlsx_too_many_entries": (
        "该 {kind} 文件包含 {entries} 个内部部件，超过上限 {limit}，已拒绝。",
        "This {kind} file has {entries} internal parts, more than the limit of {limit}; refused.",
    ),
    "safety.xlsx_too_big_unpacked": (
        "该 {kind} 文件解压后为 {size_mb} MB，超过上限 {limit_mb} MB，已拒绝（可能是压缩炸弹）。",
        "This {kind} file unpacks to {size_mb} MB, more than the limit of {limit_mb} MB; refused (possibly a zip bomb).",
    ),
    "safety.xlsx_ratio": (
        "该 {kind} 文件的部件 {entry} 压缩比为 {ratio}:1，超过上限 {limit}:1，已拒绝（可能是压缩炸弹）。",
        "The part {entry} of this {kind} file is compressed {ratio}:1, beyond the limit of {limit}:1; refused (possibly a zip bomb).",
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
    "cli.backup.unsigned": (
        "注意：备份没有签名（未配置备份密钥：MUSEUM_BACKUP_KEY 或 secrets.toml 中的 [museum_backup] key），恢复时无法确认它没有被改动。",
        "Note: the backup is not signed (no backup key is configured: MUSEUM_BACKUP_KEY or [museum_backup] key in secrets.toml), "
        "so a restore cannot tell whether it was altered.",
    ),
    "cli.backup.signed": ("备份清单已签名（密钥编号 {key_id}）。", "The backup's manifest is signed (key id {key_id})."),
    "cli.restore.signature": ("备份签名：{status}。", "Backup signature: {status}."),
    "cli.restore.replaced_batches": (
        "被替换的数据库中有 {count} 个批次不在备份里（{batches}），它们保留在 {kept} 中。",
        "The replaced database had {count} batches that the backup does not have ({batches}); they are kept in {kept}.",
    ),
    "cli.users.unlocked": ("已解除“{name}”的登录锁定。", "Lifted the sign-in lock of “{name}”."),
    "cli.users.client_unlocked": ("已解除地址 {client} 的登录锁定。", "Lifted the sign-in lock of the address {client}."),
    "cli.users.no_locked_clients": ("目前没有被锁定的地址。", "No address is locked at the moment."),
    "cli.users.column.client": ("地址", "Address"),
    "cli.users.column.failures": ("失败次数", "Failures"),
    "cli.users.column.locked_until": ("锁定至 (UTC)", "Locked until (UTC)"),
    "cli.users.unlock_needs_target": (
        "请指定要解锁的用户名，或用 --client 地址 / --list。",
        "Name the user to unlock, or use --client ADDRESS / --list.",
    ),
    "cli.restore.kept": ("原数据库已保留为 {kept}。", "The previous database is kept as {kept}."),
    "cli.file_error": ("无法读写 {file}：{reason}。", "Could not read or write {file}: {reason}."),
    "cli.file_reason.disk_full": ("磁盘已满，请清理空间后重试", "the disk is full; free some space and try again"),
    "cli.file_reason.too_large": (
        "文件超过了本程序允许写入的大小上限（ulimit -f）",
        "the file would exceed this program's file-size limit (ulimit -f)",
    ),
    "cli.file_reason.read_only": ("所在的文件系统是只读的", "the file system is read-only"),
    "cli.file_reason.denied": ("没有权限，请检查文件和目录的权限", "permission denied; check the permissions of the file and its directory"),
    "cli.file_reason.missing": ("文件或目录不存在", "no such file or directory"),
    "cli.file_reason.is_dir": ("这是一个目录，不是文件", "it is a directory, not a file"),
    "settings.bad_secrets": (
        "无法读取密钥文件 {path}：{detail}。请检查其 TOML 格式。",
        "Cannot read the secrets file {path}: {detail}. Check its TOML syntax.",
    ),
    # pages and navigation
    "access.section.account": ("账号", "Account"),
    "access.page.sign_in": ("登录", "Sign in"),
    "access.page.admin": ("系统管理", "Administration"),
    "access.user_name": ("用户名", "User name"),
    "access.password": ("密码", "Password"),
    "access.role": ("角色", "Role"),
    "access.sign_in": ("登录", "Sign in"),
    "access.sign_out": ("退出登录", "Sign out"),
    "access.sso_button": ("使用单位统一身份认证登录", "Sign in with your organisation account"),
    "access.signed_in_as": ("已登录：{name}（{role}）", "Signed in as {name} ({role})"),
    "access.go_overview": ("前往总览", "Go to the overview"),
    "access.go_sign_in": ("前往登录", "Go to sign-in"),
    "access.first_run": (
        "尚未创建任何账号：目前所有人都可以查看看板；上传、导入、更正等修改数据的页面在创建账号之前保持关闭。请在服务器上创建第一位管理员：python -m museum users add 名称 --role admin",
        "No accounts exist yet: everyone can view the dashboard, and the pages that change data (upload, import, corrections) stay closed until an account exists. Create the first admin on the server: python -m museum users add NAME --role admin",
    ),
    "access.sign_in_first": ("请先登录后再查看此页面。", "Please sign in to see this page."),
    "access.closed_until_accounts": (
        "修改数据的页面在创建账号之前保持关闭。请在服务器上创建第一位管理员：python -m museum users add 名称 --role admin，然后登录。",
        "Pages that change data stay closed until an account exists. Create the first admin on the server: python -m museum users add NAME --role admin, then sign in.",
    ),
    "access.refused": (
        "您当前的角色（{role}）无权使用此页面，需要：{allowed}。如需权限，请联系管理员。",
        "Your role ({role}) may not use this page; it needs: {allowed}. Ask an admin if you need access.",
    ),
    "access.timed_out": (
        "由于长时间无操作，您已自动退出登录。请重新登录。",
        "You were signed out after a period of inactivity. Please sign in again.",
    ),
    "access.sso_unmapped": (
        "单点登录账号 {email} 未被授权使用本看板。请联系管理员在 secrets.toml 的 [museum_sso.roles] 中添加该地址。",
        "The single sign-on account {email} is not allowed to use this dashboard. Ask an admin to add it under [museum_sso.roles] in secrets.toml.",
    ),
    # administration page
    "access.admin.accounts": ("账号", "Accounts"),
    "access.admin.audit": ("审计记录", "Audit trail"),
    "access.admin.backup": ("备份", "Backup"),
    "access.admin.add_user": ("添加账号", "Add an account"),
    "access.admin.add": ("添加", "Add"),
    "access.admin.change_user": ("修改账号", "Change an account"),
    "access.admin.new_password": ("新密码（重设时填写）", "New password (for a reset)"),
    "access.admin.set_role": ("更改角色", "Change role"),
    "access.admin.set_password": ("重设密码", "Reset password"),
    "access.admin.disable": ("停用", "Disable"),
    "access.admin.enable": ("启用", "Enable"),
    "access.admin.remove": ("删除", "Remove"),
    "access.admin.confirm_remove": ("确认删除账号“{name}”", "Yes, remove the account “{name}”"),
    "access.admin.done": ("已更新账号“{name}”。", "Updated the account “{name}”."),
    "access.admin.column.user_name": ("用户", "User"),
    "access.admin.column.role": ("角色", "Role"),
    "access.admin.column.created_at": ("创建时间", "Created"),
    "access.admin.column.disabled": ("已停用", "Disabled"),
    "access.admin.column.failures": ("连续失败次数", "Failed sign-ins"),
    "access.admin.column.locked_until": ("锁定至", "Locked until"),
    "access.admin.unlock": ("解锁", "Unlock"),
    "access.admin.unlock_help": (
        "解除该用户名的登录锁定，并清零连续失败次数。", "Lift this user name's sign-in lock and reset its failed sign-ins."),
    "access.admin.unlocked": ("已解除“{name}”的登录锁定。", "Lifted the sign-in lock of “{name}”."),
    "access.admin.locked_clients": ("被锁定的地址", "Locked addresses"),
    "access.admin.unlock_client": ("解锁地址 {client}", "Unlock the address {client}"),
    "access.admin.client_unlocked": ("已解除地址 {client} 的登录锁定。", "Lifted the sign-in lock of the address {client}."),
    "access.admin.column.client": ("地址", "Address"),
    "access.admin.all": ("全部", "All"),
    "access.admin.period": ("日期范围", "Dates"),
    "access.admin.detail_contains": ("详情包含", "Detail contains"),
    "access.admin.audit_count": ("共 {count} 条记录", "{count} lines"),
    "access.admin.download_csv": ("下载 CSV", "Download CSV"),
    "access.admin.backup_help": (
        "备份写入 {path} 下以时间命名的新目录。恢复须在停止看板服务后于服务器上运行：python -m museum restore 目录",
        "A backup goes into a new, time-stamped directory under {path}. To restore, stop the dashboard and run on the server: python -m museum restore DIR",
    ),
    "access.admin.backup_now": ("立即备份", "Back up now"),
}
