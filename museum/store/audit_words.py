"""Audit details in Chinese for the 系统管理 page: the trail stores them in fixed English forms."""

from __future__ import annotations

import re
from typing import Callable

from museum.i18n import has, t


def _role(code: str) -> str:
    if code == "none":  # no role in that unit
        return "（无）"
    return t(f"auth.role.{code}", "zh") if has(f"auth.role.{code}") else code


def _action(code: str) -> str:
    return t(f"rights.action.{code}", "zh") if has(f"rights.action.{code}") else code


# (pattern, replacement) in order: whole forms first, then the words they are made of. Each form is
# written once in the code that records it (access.auth, intake.ingest, targets.edit …).
RULES: list[tuple[re.Pattern, str | Callable]] = [(re.compile(p), r) for p, r in [
    (r"batch #(\d+) rolled back by batch #(\d+)", r"批次 #\1 已由批次 #\2 撤销"),
    (r"^role (.+) (\w+)->(\w+)$", lambda m: f"更改 {m[1]} 的角色：{_role(m[2])} → {_role(m[3])}"),
    (r"^grant (.+) (\w+) in (.+)$", lambda m: f"授予 {m[1]} 在“{m[3]}”的角色：{_role(m[2])}"),
    (r"^revoke (.+) in (.+)$", r"撤销 \1 在“\2”的角色"),
    (r"^refused (\w+) in institution #(\w+)$", lambda m: f"拒绝越权操作：{_action(m[1])}（单位 #{m[2]}）"),
    (r"^institution (.+) added$", r"添加单位 \1"),
    (r"^institution #(\d+) sponsored by #(\d+)$", r"单位 #\1 的举办单位设为单位 #\2"),
    (r"^add (.+) role=(\w+)$", lambda m: f"添加账号 {m[1]}（{_role(m[2])}）"),
    (r"^remove (.+) role=(\w+)$", lambda m: f"删除账号 {m[1]}（{_role(m[2])}）"),
    (r"^role=(\w+)", lambda m: f"角色：{_role(m[1])}"),
    (r"^password ", "重设密码："),
    (r"^disable ", "停用账号："),
    (r"^enable ", "启用账号："),
    (r"^unlock client ", "解锁地址："),
    (r"^unlock ", "解锁账号："),
    (r"^wrong password", "密码错误"),
    (r"^unknown user", "用户名不存在"),
    (r"^client locked", "该地址已暂停登录"),
    (r"^locked", "用户名已锁定"),
    (r"^disabled", "账号已停用"),
    (r" from (\S+)$", r"（来自 \1）"),
    (r"^demo data loaded", "载入示例数据"),
    (r"^demo data removed by batch", "示例数据已撤销，批次"),
    (r"^self-evaluation ", "绩效自评表 "),
    (r"^return ", "报送包 "),
    (r"^signing key (\S+) made for institution (\d+)", r"为单位 #\2 生成报送签名密钥 \1"),
    (r"^key (\S+) trusted for institution (\d+)", r"信任单位 #\2 的报送密钥 \1"),
    (r", key ", "，密钥 "),
    (r" refused: ", " 被拒绝："),
    (r"^pack ", "年度素材包 "),
    (r"^report ", "年度报告 "),
    (r"^targets ", "绩效目标表 "),
    (r"^budget (\d+)", r"\1年预算"),
    (r"^event added: ", "添加事件："),
    (r"^event removed: ", "删除事件："),
    (r"(\d+) events added", r"添加事件 \1 个"),
    (r"task added", "添加重点任务"),
    (r"\btask (\d+)", r"重点任务 \1"),
    (r": deviation(?= →|$)", "：偏差原因"),
    (r": reworded(?= →|$)", "：改写"),
    (r": removed(?= →|$)", "：已删除"),
    (r": added \(", "：已添加（"),
    (r": changed \(", "：已修改（"),
    (r"\bstatus (\w+)", lambda m: "状态：" + (t(f"tasks.status.{m[1]}", "zh") if has(f"tasks.status.{m[1]}") else m[1])),
    (r"^rights ended: ", "权限已结束："),
    (r"^timeout$", "闲置超时，已退出登录"),
    (r"\bactual = ", "实际值 = "),
    (r"\bresult = ", "结果 = "),
    (r"\bscore = ", "得分 = "),
    # review before figures are official (museum.intake.review)
    (r"^review (on|off) for institution #(\d+)$", lambda m: f"{'开启' if m[1] == 'on' else '关闭'}审核（机构 #{m[2]}）"),
    (r"^review setting of institution #(\d+): role (\w+)$", lambda m: f"更改机构 #{m[1]} 的审核设置：角色{_role(m[2])}无权操作"),
    (r"^(approve|reject) batch #(\d+): ", lambda m: f"{'审核' if m[1] == 'approve' else '退回'}批次 #{m[2]}："),
    (r"：submitted by the same account$", "：提交人不能审核自己的批次"),
    (r"：role (\w+)$", lambda m: f"：角色{_role(m[1])}无权审核"),
    (r"：(approved|rejected) already$", lambda m: f"：已{'审核通过' if m[1] == 'approved' else '退回'}"),
    (r"：values changed since submission \(conflict\)$", "：提交后数值已被修改（冲突）"),
    (r"：([a-z_]+\.[a-z_.]+)$", r"：被拒绝（\1）"),
    (r" pending \((\d+) changes\)$", r" 待审核（\1 项变更）"),
    (r" approved \(", " 审核通过 ("),
    (r", applied over (\d+) conflicts", r", 覆盖冲突 \1 项"),
    (r" rejected: ", " 已退回："),
    (r"^entry (\d{4})-(\d{2})", r"数据填报 \1-\2"),
    (r"batch #", "批次 #"),
    (r"(\d+) new\b", r"新增 \1"),
    (r"(\d+) changed\b", r"修改 \1"),
    (r"(\d+) problems\b", r"\1 个问题"),
    (r"(\d+) platform rows", r"平台数据 \1 行"),
    (r"(\d+) column aliases", r"记住列名 \1 个"),
    (r"(\d+) values\b", r"\1 个数值"),
    (r"(\d+) rows\b", r"\1 行"),
]]


def readable(detail: str | None, lang: str = "zh") -> str:
    """'batch #24 rolled back by batch #29' -> '批次 #24 已由批次 #29 撤销'; English as stored."""
    if not detail or lang != "zh":
        return detail or ""
    for pattern, replacement in RULES:
        detail = pattern.sub(replacement, detail)
    return detail
