"""Messages of the foundation: database, catalog, KPIs, sources, CLI basics."""

MESSAGES = {
    "text.quoted": ("「{name}」", "“{name}”"),  # a name from a file (a column, a sheet) inside a message
    # database
    "db.busy": (
        "数据库 {path} 正被另一个程序占用（{holder}）。请稍后重试，或先关闭该程序。",
        "The database {path} is in use by another program ({holder}). Try again shortly, or close that program first.",
    ),
    "db.open_failed": (
        "无法打开数据库 {path}：{detail}。请检查文件路径和权限。",
        "Cannot open the database {path}: {detail}. Check the path and its permissions.",
    ),
    "db.busy_visitor": ("数据正在更新，请几秒钟后再试。", "The data is being updated. Please try again in a few seconds."),
    "db.restoring": (
        "数据库 {path} 正在从备份恢复。请等恢复完成后再启动看板。",
        "The database {path} is being restored from a backup. Start the dashboard once the restore has finished.",
    ),
    "db.missing": (
        "数据库 {path} 不存在。请先运行：python -m museum init",
        "The database {path} does not exist. Run first: python -m museum init",
    ),
    "db.restore_interrupted": (
        "数据库 {path} 不存在，但留有未完成的恢复文件 {staging}：上一次恢复被中断了。为免用一个没有任何账号的空数据库顶替，本次没有创建数据库。"
        "请重新运行恢复：python -m museum restore 备份目录 --db {path}；如确实要从空数据库开始，请先删除 {staging}。",
        "The database {path} is missing, but {staging} is there: a restore was interrupted. Nothing was created, so that an empty "
        "database without any accounts does not take its place. Run the restore again: python -m museum restore BACKUP_DIR --db {path}; "
        "to start from an empty database instead, delete {staging} first.",
    ),
    "db.restore_kept_only": (
        "数据库 {path} 不存在，但有恢复时保留的旧数据库 {kept}：可能有一次恢复被中断，或数据库被移走了。为免用一个没有任何账号的空数据库顶替，"
        "本次没有创建数据库。要撤销恢复，请把它改回原名：mv {kept} {path}；或重新运行恢复：python -m museum restore 备份目录 --db {path}。",
        "The database {path} is missing, but {kept}, which a restore set aside, is there: a restore may have been interrupted, or the "
        "database was moved. Nothing was created, so that an empty database without any accounts does not take its place. To undo "
        "the restore, rename it back: mv {kept} {path}; or run the restore again: python -m museum restore BACKUP_DIR --db {path}.",
    ),
    "db.disk_full": (
        "无法写入 {file}：磁盘已满。本次更改没有保存，数据库 {path} 保持原样。请清理 {directory} 所在磁盘的空间后重试。",
        "Could not write {file}: the disk is full. This change was not saved; the database {path} is as it was. "
        "Free space on the disk that holds {directory} and try again.",
    ),
    "db.file_too_large": (
        "无法写入 {file}：文件大小超过了本程序允许写入的上限（ulimit -f）。本次更改没有保存，数据库 {path} 保持原样。"
        "请提高该上限（ulimit -f unlimited，或服务配置中的 LimitFSIZE）后重试。",
        "Could not write {file}: it would exceed the file-size limit set for this program (ulimit -f). This change was not saved; "
        "the database {path} is as it was. Raise the limit (ulimit -f unlimited, or LimitFSIZE in the service) and try again.",
    ),
    "db.pg_connect_failed": (
        "无法连接 PostgreSQL 数据库 {path}：{detail}。请检查：数据库服务器是否在运行；地址中的角色（用户）名和数据库名是否正确；"
        "在 Debian 上经本机套接字连接时，命令须以与该角色同名的系统用户运行（如 runuser -u museum -- …），或在 ~/.pgpass 中给出密码"
        "（见 docs/deployment.md 第 9 节）。",
        "Cannot connect to the PostgreSQL database {path}: {detail}. Check that the database server is running and that the role "
        "(user) and database names in the address are right; over the local socket on Debian, run the command as the system user "
        "of the same name as the role (e.g. runuser -u museum -- …), or give the password in ~/.pgpass (docs/deployment.md §9).",
    ),
    "db.read_only": (
        "无法写入 {file}：目录 {directory} 或该文件是只读的。本次更改没有保存，数据库 {path} 保持原样。"
        "请让运行本程序的用户可以写入该目录（数据库旁需要创建锁文件和日志文件），或用 --db 指定可写的位置。",
        "Could not write {file}: the directory {directory} or the file is read-only. This change was not saved; the database {path} "
        "is as it was. Let the user running this program write to that directory (lock and log files are created beside the "
        "database), or give a writable location with --db.",
    ),
    "db.institution_unset": (
        "数据库 {path} 拒绝了这次写入：本次事务没有指明要写哪个单位的数据（museum.institution，行级安全）。本次更改没有保存，"
        "数据库保持原样。这是程序的缺陷，请把这条信息（{detail}）告诉维护人员。",
        "The database {path} refused this write: the transaction did not name the unit whose data it writes "
        "(museum.institution, row-level security). This change was not saved; the database is as it was. This is a defect "
        "of the program: please pass this message ({detail}) to its maintainers.",
    ),
    "db.institution_refused": (
        "数据库 {path} 拒绝了这次写入：要写的行属于本次事务所指明单位以外的单位（行级安全：{detail}）。本次更改没有保存，"
        "数据库保持原样。这是程序的缺陷，请把这条信息告诉维护人员。",
        "The database {path} refused this write: the rows belong to another unit than the one this transaction named "
        "(row-level security: {detail}). This change was not saved; the database is as it was. This is a defect of the "
        "program: please pass this message to its maintainers.",
    ),
    "db.role_refused": (
        "数据库 {path} 拒绝了这次操作：连接所用的数据库角色没有这项权限（{detail}）。本次更改没有保存。"
        "写入请用 MUSEUM_DB（museum_writer 角色），MUSEUM_DB_READER（museum_reader）只能查看；建表和迁移由管理员运行 "
        "python -m museum db roles（见 docs/deployment.md 第 5b 节）。",
        "The database {path} refused this: the role of the connection lacks the privilege ({detail}). Nothing was saved. "
        "Writes go through MUSEUM_DB (the museum_writer role); MUSEUM_DB_READER (museum_reader) may only read; creating "
        "tables and migrating is the admin's step python -m museum db roles (docs/deployment.md §5b).",
    ),
    "db.corrupt": (
        "数据库文件 {path} 已损坏（数据块校验和不符）。请不要再向它写入：停止看板服务，从最近的备份恢复："
        "python -m museum restore 备份目录 --db {path}（损坏的文件会保留在旁边）。",
        "The database file {path} is damaged (a block checksum does not match). Do not write to it any more: stop the dashboard "
        "and restore the latest backup: python -m museum restore BACKUP_DIR --db {path} (the damaged file is kept beside it).",
    ),
    "db.not_a_database": (
        "文件 {path} 不是 DuckDB 数据库（或文件头已损坏）。请检查 --db / MUSEUM_DB 指向的文件；如它本应是看板的数据库，请从备份恢复。",
        "The file {path} is not a DuckDB database (or its header is damaged). Check the file that --db / MUSEUM_DB names; "
        "if it should be the dashboard's database, restore a backup.",
    ),
    "db.invalidated": (
        "数据库 {path} 在一次写入失败后停止了工作。本次更改没有保存。请再试一次；如果仍然出现，请重启看板服务。",
        "The database {path} stopped working after a failed write. This change was not saved. Try once more; if it happens "
        "again, restart the dashboard service.",
    ),
    "db.write_failed_visitor": (
        "服务器暂时无法保存数据（磁盘空间或权限问题）。本次操作没有保存，已有数据不受影响。请联系管理员。",
        "The server cannot save data at the moment (disk space or permissions). Nothing was saved and the existing data is "
        "unaffected. Please tell an administrator.",
    ),
    "db.corrupt_visitor": (
        "数据库文件已损坏，暂时无法使用。请联系管理员从备份恢复。",
        "The database file is damaged and cannot be used for now. Please ask an administrator to restore a backup.",
    ),
    "db.failed_visitor": (
        "读取或保存数据时出错，请稍后再试；如果一直出现，请联系管理员。",
        "Reading or saving data failed. Please try again shortly, and tell an administrator if it keeps happening.",
    ),
    "db.unknown_query": ("没有名为 {name} 的查询（queries/{name}.sql）。", "There is no query named {name} (queries/{name}.sql)."),
    "db.missing_parameter": ("查询 {name} 缺少参数：{parameters}。", "Query {name} is missing parameters: {parameters}."),
    "db.query_timeout": ("查询 {name} 超过 {seconds} 秒，已中止。", "Query {name} ran longer than {seconds} s and was stopped."),
    "db.query_failed": ("查询 {name} 失败：{detail}", "Query {name} failed: {detail}"),
    "db.bad_migration_name": (
        "迁移文件名 {name} 不符合 NNNN_name.sql 格式。",
        "Migration file {name} is not named NNNN_name.sql.",
    ),
    "db.not_initialised": (
        "数据库 {path} 尚未初始化。请先运行：python -m museum init",
        "The database {path} is not initialised. Run: python -m museum init",
    ),
    # batches
    "batch.kind.seed": ("内置数据", "embedded data"),
    "batch.kind.upload": ("上传", "upload"),
    "batch.kind.report": ("年度报告导入", "report import"),
    "batch.kind.correction": ("手工更正", "correction"),
    "batch.kind.rollback": ("回滚", "rollback"),
    "batch.kind.demo": ("示例数据", "demo data"),
    "batches.unknown": ("没有编号为 #{batch_id} 的批次。", "There is no batch #{batch_id}."),
    "batches.already_rolled_back": (
        "批次 #{batch_id} 已被批次 #{by} 回滚，无需再次回滚。",
        "Batch #{batch_id} was already rolled back by batch #{by}.",
    ),
    "batches.rollback_of_rollback": (
        "批次 #{batch_id} 本身是一次回滚，不能再回滚。如需恢复，请重新上传原文件。",
        "Batch #{batch_id} is itself a rollback and cannot be rolled back. Upload the file again instead.",
    ),
    "batches.rollback_conflict": (
        "不能回滚批次 #{batch_id}：之后的批次 {later} 修改了它写入的数值。请先回滚这些较新的批次。",
        "Cannot roll back batch #{batch_id}: later batches {later} changed values it wrote. Roll those back first.",
    ),
    "batches.stored_file_damaged": (
        "保存的原始文件已损坏（记录的大小为 {size} 字节，但内容与之不符），无法下载。数据库中的数值不受影响；"
        "如需原文件，请从备份恢复或重新上传。",
        "The stored original file is damaged (its recorded size is {size} bytes but its content does not match) and "
        "cannot be downloaded. The values in the database are not affected; restore a backup or upload the file again "
        "if you need it.",
    ),
    "batches.unknown_metric": (
        "写入被拒绝：指标 {metrics} 不在指标目录中，未作任何修改。",
        "Write refused: metric(s) {metrics} are not in the catalog; nothing was changed.",
    ),
    # sources
    "source.batch": (
        "批次 #{batch_id}（{kind}，文件 {file}，{user}，{time}）",
        "batch #{batch_id} ({kind}, file {file}, {user}, {time})",
    ),
    "source.sentence": ("原文：“{sentence}”——{batch}", "Report text: “{sentence}” — {batch}"),
    # levels, grades, roles, stages, research types
    "level.national": ("国家级", "National"),
    "level.provincial": ("省级", "Provincial"),
    "level.municipal": ("市级", "Municipal"),
    "grade.first": ("一等奖", "First prize"),
    "grade.second": ("二等奖", "Second prize"),
    "grade.third": ("三等奖", "Third prize"),
    "grade.excellence": ("优秀奖", "Excellence award"),
    "role.lead": ("主持", "Lead"),
    "role.participant": ("参与", "Participant"),
    "role.none": ("未注明", "Not stated"),
    "stage.applied": ("申报", "Applied"),
    "stage.approved": ("立项", "Approved"),
    "stage.concluded": ("结题", "Concluded"),
    "stage.published": ("发表", "Published"),
    "item_type.project": ("课题项目", "Project"),
    "item_type.local_standard": ("地方标准", "Local standard"),
    "item_type.national_standard": ("国家标准", "National standard"),
    "item_type.paper": ("学术论文", "Paper"),
    "qualifier.exact": ("精确值", "exact"),
    "qualifier.at_least": ("下限（超/余/多）", "at least (超/余/多)"),
    "qualifier.approx": ("约数（约/近/左右）", "approximate (约/近/左右)"),
    # categories
    "category.online_media": ("线上传播", "Online media"),
    "category.outreach": ("科普活动", "Outreach"),
    "category.exchange": ("交流合作", "Exchange & partnerships"),
    "category.staff": ("人员", "Staff"),
    "category.volunteers": ("志愿者", "Volunteers"),
    "category.awards": ("获奖与荣誉", "Awards & honours"),
    "category.research": ("科研", "Research"),
    "category.assets": ("资产", "Assets"),
    "category.venue": ("场馆运行", "Venue"),
    "category.funding": ("经费与绩效", "Funding & performance"),
    # profile fields
    "time.with_zone": ("{zone} {time}", "{time} {zone}"),  # 北京时间 2024-05-01 20:00, no nested brackets
    "time.zone.beijing": ("北京时间", "Beijing time"),
    "profile.name": ("单位名称", "Name"),
    "profile.purpose": ("宗旨和业务范围", "Purpose and scope"),
    "profile.address": ("住所", "Address"),
    "profile.legal_representative": ("法定代表人", "Legal representative"),
    "profile.startup_capital": ("开办资金", "Start-up capital"),
    "profile.funding_source": ("经费来源", "Funding source"),
    "profile.sponsor": ("举办单位", "Sponsor"),
    "profile.website": ("网上名称", "Online name"),
    "profile.headcount": ("从业人数", "Headcount"),
    "profile.assets_year_start": ("资产年初数", "Assets at year start"),
    "profile.assets_year_end": ("资产年末数", "Assets at year end"),
    "profile.compliance_statement": ("执行《条例》情况", "Compliance with the Regulations"),
    "profile.activities": ("开展业务活动情况", "Activities"),
    "profile.qualifications": ("相关资质认可或执业许可", "Qualifications and licences"),
    "profile.performance_and_litigation": ("绩效和受奖惩及诉讼投诉情况", "Performance, sanctions and litigation"),
    "profile.donations": ("接收捐赠资助及使用情况", "Donations received and their use"),
    # CLI
    "cli.init.done": (
        "数据库 {path} 已就绪：应用迁移 {migrations} 个，载入内置数据批次 {batches} 个。",
        "Database {path} is ready: {migrations} migrations applied, {batches} embedded batches loaded.",
    ),
    "cli.db_roles.done": (
        "数据库 {path} 的角色已就绪（新建角色：{created}）：{owner_changes} 个对象改归 museum_owner 所有，"
        "以 museum_owner 应用迁移 {migrations} 个，载入内置数据批次 {batches} 个，museum_writer 与 museum_reader 已授权。"
        "看板与命令行用 MUSEUM_DB=museum_writer 的地址，查看用 MUSEUM_DB_READER=museum_reader 的地址；升级后请再运行本命令。",
        "The roles of database {path} are ready (roles created: {created}): {owner_changes} objects now owned by museum_owner, "
        "{migrations} migrations applied as museum_owner, {batches} embedded batches loaded, museum_writer and museum_reader "
        "granted. The dashboard and the CLI use MUSEUM_DB = museum_writer's URL, reads MUSEUM_DB_READER = museum_reader's; "
        "run this command again after each upgrade.",
    ),
    "cli.db_roles.not_postgresql": (
        "{path} 不是 PostgreSQL 数据库地址：角色只用于 PostgreSQL 存储。请用 --db postgresql://管理员@主机/数据库 指定。",
        "{path} is not a PostgreSQL database URL: roles exist only on the PostgreSQL store. Give --db "
        "postgresql://ADMIN@HOST/DATABASE.",
    ),
    "cli.no_institution": (
        "数据库中没有机构数据。请先运行：python -m museum init",
        "The database holds no institution. Run: python -m museum init",
    ),
    "cli.unknown_institution": ("没有名为“{name}”的机构。现有：{known}", "No institution named “{name}”. Known: {known}"),
    "cli.unknown_user": (
        "没有名为“{name}”的账号：--user 只能写已有账号（python -m museum users list）；不写则记为当前系统用户。",
        "There is no account named “{name}”: --user must name an existing account (python -m museum users list); "
        "without it the change is recorded as the operating-system user.",
    ),
    "cli.no_data_for_year": ("{year}年没有任何数据。有数据的年份：{years}", "There is no data for {year}. Years with data: {years}"),
    "cli.column.metric": ("指标", "Metric"),
    "cli.column.value": ("数值", "Value"),
    "cli.column.prior": ("上年", "Prior year"),
    "cli.column.change": ("同比", "YoY"),
    "cli.interrupted": ("已中断。", "Interrupted."),
    "cli.demo.loaded": (
        "已载入示例数据（批次 #{batch_id}，{rows} 个数值）。这些是虚构数据，页面会标注“示例数据，非真实统计”。",
        "Demo data loaded (batch #{batch_id}, {rows} values). It is synthetic; every page says so.",
    ),
    "cli.demo.already": ("示例数据已在库中（批次 #{batch_id}）。", "Demo data is already loaded (batch #{batch_id})."),
    "cli.demo.removed": (
        "已移除示例数据：回滚记录为批次 #{batch_id}（可在“上传记录”中查看）。",
        "Demo data removed; the rollback is recorded as batch #{batch_id} (see the upload history).",
    ),
    "cli.demo.none": ("库中没有示例数据。", "There is no demo data to remove."),
    "demo.banner": ("示例数据，非真实统计", "Demo data, not real statistics"),
}
