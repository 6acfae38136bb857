"""Rights per institution: an account's role in each unit, and `can_in`, the one decision every write path asks.

The model (migration 0016):

- `membership` gives an account a role in one institution: viewer, editor or admin (as in
  `auth.PERMISSIONS`), or `sponsor` on a 举办单位 — view, never write, of that institution and of
  every institution whose 举办单位 it is (`institution_sponsor`, one sponsor per institution).
- An account whose own role (`app_user.role`) is admin manages the install: it may add accounts and
  grant itself any unit anyway, so it acts as admin in every institution, including ones created
  later. Nobody else gains a new institution without an explicit grant (`users grant`), except the
  account that creates it by importing its report, which is granted its own role there.
- `app_user.role` still decides which pages the menu offers and what is not about one unit
  (accounts, the audit trail, whole-database backups: INSTALL_ACTIONS), and caps every unit role: a
  viewer account acts as a viewer everywhere (so demoting an account takes its write rights away
  everywhere at once). An editor account may be a unit's own admin: it approves that unit's pending
  batches, switches its review and receives its returns, and manages nothing of the install (a grant
  raises its menu role to the highest unit role short of admin). `auth.can(role, action)` is unchanged
  and this module adds the per-unit layer on top of it: `can_in(con, user, action, institution)`.
- The migration gave every account of an older install its role in every institution then
  existing, so a one-museum install behaves exactly as before.

A refusal is an InputRejected naming the account, the unit and what to do, and an `access_refused`
audit line written in its own transaction (`refuse`); the refused change writes nothing.
"""

from __future__ import annotations

import pandas as pd

from museum.access import auth
from museum.errors import InputRejected
from museum.i18n import t
from museum.store import audit, db

UNIT_ROLES = ("viewer", "editor", "admin", "sponsor")
SPONSOR = "sponsor"
# the order of the roles that write, for the account's menu role (museum.access.auth.ROLES)
_RANK = {"viewer": 0, "sponsor": 0, "editor": 1, "admin": 2}
# what is about the whole install, never one unit: only an admin account may, whatever its unit roles
INSTALL_ACTIONS = frozenset({"manage_accounts", "view_audit", "backup"})
# the highest unit role an account acts with, by its own role: an editor account may be a unit's admin
_CEILING = {"viewer": "viewer", "editor": "admin", "admin": "admin"}


def validate_unit_role(role: str) -> str:
    if role not in UNIT_ROLES:
        raise InputRejected("auth.bad_role", role=role, roles=", ".join(UNIT_ROLES))
    return role


def role_in(con, user_name: str | None, institution_id: int | None) -> str | None:
    """The role `user_name` acts with in `institution_id` (viewer / editor / admin), or None.

    A sponsor acts as a viewer of its own institution and of those it sponsors; a disabled or
    unknown account has no role anywhere; an admin account is admin everywhere."""
    account = auth.get_user(con, user_name) if user_name else None
    if account is None or account.disabled or institution_id is None:
        return None
    if account.role == "admin":
        return "admin"
    direct = db.scalar(con, "membership_role", user_name=account.name, institution_id=int(institution_id))
    if direct in auth.ROLES:
        # never above what the account's own role allows: demoting an account to viewer (the admin
        # page's 更改角色) takes its write rights away in every unit at once
        ceiling = _CEILING.get(account.role, "viewer")
        return direct if _RANK[direct] <= _RANK[ceiling] else ceiling
    if direct == SPONSOR or db.scalar(con, "membership_sponsored", user_name=account.name, institution_id=int(institution_id)):
        return "viewer"
    return None


def can_in(con, user_name: str | None, action: str, institution_id: int | None) -> bool:
    """Whether the account `user_name` may do `action` (auth.ACTIONS) in institution `institution_id`.
    What is about the whole install (INSTALL_ACTIONS) needs an admin account, whatever its unit roles."""
    if action in INSTALL_ACTIONS:
        account = auth.get_user(con, user_name) if user_name else None
        return account is not None and not account.disabled and auth.can(account.role, action)
    return auth.can(role_in(con, user_name, institution_id), action)


def visible(con, user_name: str | None) -> set[int] | None:
    """The institutions `user_name` may see; None when every one (an admin account)."""
    account = auth.get_user(con, user_name) if user_name else None
    if account is None or account.disabled:
        return set()
    if account.role == "admin":
        return None
    return {int(i) for (i,) in db.rows(con, "membership_visible", user_name=account.name)}


def keep_visible(table: pd.DataFrame, seen: set[int] | None) -> pd.DataFrame:
    """The rows of an institution table (institution_id, …) among `seen` (`visible`; None: every one)."""
    return table if seen is None else table[table["institution_id"].astype(int).isin(seen)]


def institution_name(con, institution_id: int | None) -> str:
    found = db.scalar(con, "institution_name", institution_id=int(institution_id)) if institution_id is not None else None
    return found or f"#{institution_id}"


def refuse(con, user_name: str, action: str, institution_id: int | None, *, record: bool = True,
           name: str | None = None) -> InputRejected:
    """The refusal of `action` in `institution_id` (or in the unit `name` not yet registered) for
    `user_name`, its audit line written first in its own transaction (unless `record` is false: the
    caller writes it on a writable connection)."""
    name = name or institution_name(con, institution_id)
    if record:
        record_refusal(con, user_name, action, institution_id)
    return InputRejected("rights.refused", user=user_name, institution=name,
                         action_zh=t(f"rights.action.{action}", "zh"), action_en=t(f"rights.action.{action}", "en"))


def record_refusal(con, user_name: str, action: str, institution_id: int | None) -> None:
    with db.transaction(con):
        audit.record(con, "access_refused", user_name, f"refused {action} in institution #{institution_id}")


def check(con, user_name: str, action: str, institution_id: int | None) -> None:
    """Nothing when `user_name` may do `action` in `institution_id`; else the refusal, audited."""
    if not can_in(con, user_name, action, institution_id):
        raise refuse(con, user_name, action, institution_id)


# --- grants -----------------------------------------------------------------------------------


def menu_role(con, user_name: str) -> str:
    """The role an account's menu follows after a grant or revoke: admin stays admin (it manages
    the install); otherwise the highest role it holds in any unit, a sponsor or no unit a viewer."""
    account = auth.require_user(con, user_name)
    if account.role == "admin":
        return "admin"
    held = [r for (n, _i, _name, r) in db.rows(con, "memberships") if n == account.name]
    best = max((_RANK[r] for r in held), default=0)
    return "editor" if best >= 1 else "viewer"


def grant(con, user_name: str, institution_id: int, role: str, *, actor: str) -> None:
    """Give `user_name` `role` in `institution_id` (replacing its former role there), audited."""
    validate_unit_role(role)
    with db.transaction(con):
        account = auth.require_user(con, user_name)
        name = institution_name(con, institution_id)
        db.execute(con, "membership_set", user_name=account.name, institution_id=int(institution_id), role=role)
        audit.record(con, "account_change", actor, f"grant {account.name} {role} in {name}")
        _follow_menu(con, account, actor)


def revoke(con, user_name: str, institution_id: int, *, actor: str) -> None:
    """Take `user_name`'s role in `institution_id` away, audited (refused when it holds none)."""
    with db.transaction(con):
        account = auth.require_user(con, user_name)
        name = institution_name(con, institution_id)
        if db.scalar(con, "membership_role", user_name=account.name, institution_id=int(institution_id)) is None:
            raise InputRejected("rights.no_membership", user=account.name, institution=name)
        db.execute(con, "membership_delete", user_name=account.name, institution_id=int(institution_id))
        audit.record(con, "account_change", actor, f"revoke {account.name} in {name}")
        _follow_menu(con, account, actor)


def _follow_menu(con, account: auth.User, actor: str) -> None:
    """Keep the account's own role (its menu) at the highest role it holds, inside the grant's
    transaction; its sessions then end (a new credential version) and sign in to the new menu."""
    wanted = menu_role(con, account.name)
    if wanted != account.role:
        db.execute(con, "auth_user_set_role", user_name=account.name, role=wanted)
        db.execute(con, "auth_user_set_credential_version", user_name=account.name,
                   credential_version=auth.new_credential_version())
        audit.record(con, "account_change", actor, f"role {account.name} {account.role}->{wanted}")


def memberships(con) -> pd.DataFrame:
    """Every membership: user_name, institution_id, institution, role."""
    return db.query(con, "memberships")




def grant_creator(con, actor: str, institution_id: int) -> None:
    """Inside the transaction that creates `institution_id` from a report: the importing account
    (not an admin, who sees every unit anyway; not `cli:…`, no account) gets its own role there."""
    account = auth.get_user(con, actor)
    if account is None or account.role == "admin":
        return
    db.execute(con, "membership_set", user_name=account.name, institution_id=int(institution_id), role=account.role)
    audit.record(con, "account_change", actor, f"grant {account.name} {account.role} in {institution_name(con, institution_id)}")
