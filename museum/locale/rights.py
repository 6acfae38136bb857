"""Messages of rights per institution: refusals, grants, the institution commands and the admin page's unit tab."""

MESSAGES = {
    "rights.admin.set_sponsor": ("设置已有单位的举办单位", "Set an existing unit's sponsor (举办单位)"),
    "rights.admin.save_sponsor": ("保存举办单位", "Save the sponsor"),
    "institutions.sponsor_set": ("“{name}”的举办单位现为“{sponsor}”。", "“{sponsor}” is now the sponsor (举办单位) of “{name}”."),
    "institutions.own_sponsor": ("一家单位不能是自己的举办单位。", "A unit cannot be its own sponsor."),
    "rights.admin.new_account_units": ("在这些单位担任此角色", "Takes this role in these units"),
    "cli.users.institution_needed": (
        "这里有多家单位：请用 --institution 指明“{name}”在哪家单位担任此角色（可重复），例如 --institution 1。单位：{known}",
        "There are several units here: name the unit(s) where “{name}” takes this role with --institution (repeatable), "
        "e.g. --institution 1. Units: {known}",
    ),
    "auth.role.sponsor": ("举办单位（只读）", "sponsor (view only)"),
    "audit.action.access_refused": ("越权被拒绝", "access refused"),
    "audit.action.institution_add": ("添加单位", "unit added"),
    "rights.refused": (
        "账号“{user}”在“{institution}”没有{action_zh}的权限，未做任何更改。如确需操作，请管理员在该单位授予相应角色"
        "（系统管理 → 单位权限，或 python -m museum users grant）。",
        "The account “{user}” may not {action_en} in “{institution}”; nothing was changed. If it should, an admin grants it "
        "a role in that unit (Administration → Unit rights, or python -m museum users grant).",
    ),
    "rights.hidden_unit": (
        "所请求的单位不在您可查看的范围内，已记录；现显示您可查看的单位。",
        "The unit asked for is not one you may see (this was recorded); showing a unit you may see instead.",
    ),
    "rights.no_membership": (
        "账号“{user}”在“{institution}”没有角色，无需撤销。请用 python -m museum users list 查看各账号的单位角色。",
        "The account “{user}” holds no role in “{institution}”, so there is nothing to revoke. "
        "See each account's units with python -m museum users list.",
    ),
    "rights.action.view": ("查看数据", "view the data"),
    "rights.action.export": ("导出", "export"),
    "rights.action.upload": ("上传数据", "upload data"),
    "rights.action.import_report": ("导入年度报告", "import a report"),
    "rights.action.correct": ("修改数据", "change data"),
    "rights.action.rollback": ("撤销批次", "roll a batch back"),
    "rights.action.view_history": ("查看上传记录", "see the upload history"),
    "rights.action.manage_accounts": ("管理账号", "manage accounts"),
    "rights.action.view_audit": ("查看审计记录", "read the audit trail"),
    "rights.action.backup": ("备份", "back up"),
    "rights.action.receive": ("接收报送包", "receive a return"),
    "rights.action.approve": ("审核数据", "approve figures"),
    # choosing an institution on the command line
    "cli.choose_institution": (
        "这个数据库有 {count} 个单位，请用 --institution 指定其一（名称或编号）：{known}",
        "This database holds {count} units; name one with --institution (its name or number): {known}",
    ),
    "cli.unknown_institution_id": (
        "没有编号为 {number} 的单位，也没有叫这个名称的单位。现有：{known}",
        "There is no unit numbered {number} and none of that name. Known: {known}",
    ),
    "cli.institution_mismatch": (
        "报告的单位名称是“{report}”，而 --institution 指定的是“{chosen}”，未导入。请检查文件是否选错，或去掉 --institution。",
        "The report is of “{report}”, but --institution names “{chosen}”; nothing was imported. Check the file, "
        "or leave --institution out.",
    ),
    "cli.batch_elsewhere": (
        "批次 #{batch_id} 属于“{actual}”，不属于 --institution 指定的“{chosen}”，未撤销。",
        "Batch #{batch_id} belongs to “{actual}”, not to “{chosen}” named by --institution; nothing was rolled back.",
    ),
    # users grant / revoke
    "cli.users.granted": ("已授予“{name}”在“{institution}”的角色：{role}。", "Gave “{name}” the role {role} in “{institution}”."),
    "cli.users.revoked": ("已撤销“{name}”在“{institution}”的角色。", "Took “{name}”'s role in “{institution}” away."),
    "cli.users.column.units": ("单位角色", "Units"),
    "cli.users.all_units": ("全部单位（管理员）", "every unit (admin)"),
    # institutions add / list
    "institutions.bad_name": (
        "单位名称不能为空，也不能超过 {maximum} 个字符（现为 {length} 个）。请填写单位的全称。",
        "A unit's name may be neither empty nor longer than {maximum} characters (it has {length}). Give the unit's full name.",
    ),
    "institutions.exists": ("已有名为“{name}”的单位（编号 {number}）。", "There is already a unit named “{name}” (number {number})."),
    "institutions.added": ("已添加单位“{name}”（编号 {number}）。", "Added the unit “{name}” (number {number})."),
    "institutions.added_sponsor": ("举办单位：{sponsor}。", "Sponsored by {sponsor}."),
    "institutions.column.number": ("编号", "Number"),
    "institutions.column.name": ("单位名称", "Unit"),
    "institutions.column.sponsor": ("举办单位", "Sponsor"),
    "institutions.none_sponsor": ("—", "—"),
    # a report of a unit not yet registered
    "report.new_institution_refused": (
        "报告的单位“{name}”在数据库中还没有，未导入。若确是新单位，请加上 --new-institution 再导入"
        "（或先用 python -m museum institutions add 添加）；若是已有单位的别名，请改正报告中的单位名称。",
        "The report's unit “{name}” is not in the database yet; nothing was imported. If it is a new unit, import again "
        "with --new-institution (or add it first with python -m museum institutions add); if it is another name of a "
        "known unit, correct the unit's name in the report.",
    ),
    "report.ui.new_institution_confirm": (
        "新建单位“{name}”并导入（数据库中还没有这个单位）",
        "Create the new unit “{name}” and import (the database has no such unit yet)",
    ),
    # the admin page's unit rights
    "rights.admin.tab": ("单位权限", "Unit rights"),
    "rights.admin.intro": (
        "每个账号在每个单位的角色：浏览者只能查看，编辑者可上传和修改，管理员另可管理；举办单位（只读）可查看本单位及其举办的各单位。"
        "管理员账号在所有单位都是管理员。",
        "Each account's role in each unit: a viewer only views, an editor uploads and changes data, an admin also manages; "
        "a sponsor (view only) sees its own unit and every unit it sponsors. Admin accounts are admins in every unit.",
    ),
    "rights.admin.account": ("账号", "Account"),
    "rights.admin.unit": ("单位", "Unit"),
    "rights.admin.role": ("角色", "Role"),
    "rights.admin.grant": ("授予", "Grant"),
    "rights.admin.revoke": ("撤销该单位的角色", "Revoke the role in this unit"),
    "rights.admin.granted": ("已授予。", "Granted."),
    "rights.admin.revoked": ("已撤销。", "Revoked."),
    "rights.admin.none": ("还没有单位角色。", "No unit roles yet."),
    "rights.admin.new_unit": ("新建单位", "New unit"),
    "rights.admin.unit_name": ("单位名称", "Unit name"),
    "rights.admin.sponsor": ("举办单位（可不选）", "Sponsor (optional)"),
    "rights.admin.no_sponsor": ("无", "none"),
    "rights.admin.create": ("新建", "Create"),
    "rights.admin.created": ("已新建单位“{name}”。", "Created the unit “{name}”."),
}
