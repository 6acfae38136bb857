"""Messages of volunteer rosters and service-hour exports."""

MESSAGES = {
    "sources.format.volunteer_records": ("志愿者名册 / 服务时长记录", "volunteer roster / service hours"),
    "intake.layout.volunteers": ("志愿者名册或服务记录（每行一人或一次服务）", "volunteer roster or service records (a person or a service per row)"),
    "volunteers.notice.stored_copy": (
        "已按 {people} 名志愿者计算月度数字。个人信息不保存：保存的文件是去掉了{columns}列的副本，每人以加密哈希代替（原文件不保存）。",
        "Monthly figures were computed for {people} volunteers. Personal data is not kept: the file stored is a copy without the "
        "columns {columns}, each person replaced by a keyed hash (the uploaded file itself is not stored).",
    ),
    "volunteers.notice.masked_cells": (
        "另有 {count} 个保留的单元格中含有像证件号码、电话号码或电子邮箱的内容，保存的副本中已替换为 {mark}。",
        "{count} kept cells held what looks like an ID number, a phone number or an e-mail address; the stored copy has {mark} in its place.",
    ),
    "volunteers.notice.replaced": (
        "本文件中有 {count} 条服务记录或名册人员此前已导入，以本文件（最新）为准，不重复计算。",
        "{count} services or roster members of this file were imported before; this (newest) file replaces them and nothing is counted twice.",
    ),
    "volunteers.error.no_person": (
        "这一行没有姓名、证件号码、手机号或志愿者编号，无法知道是谁。请补上后重新导出。",
        "This row has no name, ID number, phone number or volunteer number, so it names nobody. Fill one in and export again.",
    ),
    "volunteers.error.no_date": ("缺少服务日期。", "The service date is missing."),
    "volunteers.error.not_a_date": (
        "不是 {first}–{last} 年之间的日期（如 2025-03-27、2025/3/27、2025年3月27日）。",
        "Not a date between {first} and {last} (like 2025-03-27, 2025/3/27 or 2025年3月27日).",
    ),
    "volunteers.error.no_hours": ("缺少服务时长。", "The service hours are missing."),
    "volunteers.error.not_hours": (
        "不是服务时长（应为小时数，如 2、2.5、2.5小时，或写明分钟，如 90分钟）。",
        "Not service hours (hours such as 2, 2.5 or 2.5小时, or minutes written as such, like 90分钟).",
    ),
    "volunteers.error.undated": (
        "这是一份人员名单，但既没有“服务日期”和“服务时长”列，也没有“注册时间”列，无法算出哪个月的数字。"
        "请导出含服务日期和服务时长的服务记录，或含注册时间的志愿者花名册后上传。",
        "This is a list of people, but it has neither service dates with hours nor registration dates, so no month's figures "
        "can be computed. Export the service records (with dates and hours) or the roster with registration dates and upload that.",
    ),
    "volunteers.error.hours_over_day": (
        "一次服务超过 {limit} 小时，很可能是别的列的数字（如电话、编号）落在了时长列。请检查该行后重新导出。",
        "One service of more than {limit} hours: probably another column's number (a phone, an ID) landed in the hours column. Check the row and export again.",
    ),
    "settings.people_key_unwritable": (
        "无法创建保护个人信息所需的密钥文件 {path}（{detail}）。请在服务器上设置 MUSEUM_PEOPLE_KEY（至少 16 个字符），"
        "或在 secrets 文件的 [museum_people] 中写入 key，然后重试。",
        "The key file that protects personal data, {path}, cannot be created ({detail}). Set MUSEUM_PEOPLE_KEY on the server "
        "(16 characters or more), or a key under [museum_people] in the secrets file, and try again.",
    ),
    "settings.people_key_short": (
        "保护个人信息的密钥（MUSEUM_PEOPLE_KEY 或 [museum_people] key）只有 {length} 个字符，至少需要 16 个。请换一个更长的随机密钥。",
        "The key that protects personal data (MUSEUM_PEOPLE_KEY or [museum_people] key) has {length} characters; 16 or more are needed. Use a longer random key.",
    ),
    "volunteers.error.no_rows": ("志愿者表的表头下面没有数据行。", "The volunteer sheet has no data rows below its header."),
}
