"""Review before figures are official: with review on, a write is a pending batch that another account approves or rejects.

A pending batch writes no row into any data table, so nothing official (cards, charts, exports,
`kpis`, `values`) needs a filter: its batch row (and stored file) plus a proposal (batch_review,
migration 0014) say what to apply and which changes old → new were seen at submission. Approving
re-plans the batch on today's data exactly as a commit would now and writes it under the same batch
id; an old value changed meanwhile is a conflict, refused unless the approver applies over it
explicitly. Every state change is one audit line in its own transaction (a refusal too).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd

from museum import catalog
from museum.access import auth
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.i18n import t
from museum.intake import controls, ingest
from museum.intake.present import period_text
from museum.intake.problems import Notice
from museum.store import audit, batches, db

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
MAX_REASON_CHARS = 500
KEY = ("metric_id", "year", "month", "platform")


class ReviewRefused(InputRejected):
    """An approval refused because old values changed since submission; carries the conflicts."""

    def __init__(self, key: str, conflicts: list[dict] | None = None, **params):
        super().__init__(key, **params)
        self.conflicts = conflicts or []


@dataclass
class Proposal:
    """A reviewed batch: who submitted what, its changes old → new and its warnings (Notice)."""

    batch_id: int
    institution_id: int
    institution: str | None
    kind: str
    status: str
    submitted_by: str
    submitted_at: datetime
    file_name: str | None
    inputs: dict
    changes: list[dict]
    warnings: list[Notice] = field(default_factory=list)
    decided_by: str | None = None
    reason: str | None = None
    what: str | None = None        # the file, the month typed or the value corrected


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# --- the setting ---------------------------------------------------------------------------------


def required(con, institution: int | None) -> bool:
    """Whether writes for `institution` go pending (off unless an admin switched it on)."""
    return institution is not None and bool(db.scalar(con, "review_setting_get", institution_id=institution))


def set_required(con, institution: int, on: bool, *, actor: str, role: str | None) -> None:
    """Switch review on or off for an institution (admins only), audited in the same transaction."""
    if not auth.can(role, "manage_accounts"):
        _refuse(con, actor, f"review setting of institution #{institution}: role {role or 'none'}",
                InputRejected("review.setting_not_allowed"))
    with db.transaction(con, institution=institution):
        db.execute(con, "review_setting_delete", institution_id=institution)
        db.execute(con, "review_setting_insert", institution_id=institution, review_on=bool(on), changed_by=actor,
                   changed_at=_now())
        audit.record(con, "review_setting", actor, f"review {'on' if on else 'off'} for institution #{institution}")


# --- submitting ------------------------------------------------------------------------------------


def _plain(value):
    """A value as JSON keeps it: NaN/NA as None, numpy numbers as Python ones."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def changes_of(compared: pd.DataFrame) -> list[dict]:
    """The new and changed values of a comparison (batches.compare_observations) as plain records."""
    rows = compared[compared["status"] != "unchanged"] if compared is not None and not compared.empty else []
    return [{"metric_id": str(r["metric_id"]), "year": int(r["year"]), "month": _plain(r["month"]),
             "platform": _plain(r["platform"]), "old_value": _plain(r["old_value"]),
             "old_qualifier": _plain(r["old_qualifier"]), "new_value": _plain(r["value"]),
             "new_qualifier": _plain(r["qualifier"])} for _, r in (rows.iterrows() if len(rows) else [])]


def submit(con, kind: str, institution: int, *, actor: str, inputs: dict, changes: list[dict],
           warnings: list[Notice], what: str, file_name: str | None = None, content: bytes | None = None,
           digest: str | None = None) -> int:
    """A pending batch of `kind` with its proposal and audit line, in one transaction; its id."""
    proposal = json.dumps({"inputs": inputs, "changes": changes,
                           # written in both languages now: a warning's parameters may be names and lists
                           # that read per language (museum.i18n), which JSON cannot hold
                           "warnings": [{"key": n.key, "zh": n.message("zh"), "en": n.message("en")} for n in warnings]},
                          ensure_ascii=False, default=str)
    with db.transaction(con, institution=institution):
        batch_id = batches.create_batch(con, kind, institution=institution, user=actor, file_name=file_name,
                                        content=content, digest=digest, note=what)
        db.execute(con, "batch_review_insert", batch_id=batch_id, institution_id=institution, submitted_by=actor,
                   submitted_at=_now(), proposal=proposal)
        audit.record(con, "review_submitted", actor, f"{what} → batch #{batch_id} pending ({len(changes)} changes)",
                     digest)
    return batch_id


def submit_upload(con, institution: int, analysis: ingest.Analysis, *, actor: str, cat: Catalog | None = None):
    """A checked file kept as a pending upload batch: previewed as a commit would be, nothing written."""
    analysis = ingest.preview(con, institution, analysis, cat=cat)
    if analysis.status in ("rejected", "duplicate"):  # a refusal is audited by the caller, as for a commit
        return analysis
    inputs = {"sheet": analysis.options.get("sheet"), "year": analysis.options.get("year"),
              "mapping": analysis.mapping, "allow_implausible": analysis.allow_implausible}
    analysis.batch_id = submit(con, "upload", institution, actor=actor, inputs=inputs,
                               changes=changes_of(analysis.compared), warnings=analysis.notices,
                               what=analysis.file_name, file_name=analysis.file_name, content=analysis.content,
                               digest=analysis.sha256)
    analysis.status = PENDING
    return analysis


# --- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenNotice:
    """A warning of a pending batch as it was written at submission, in both languages."""

    key: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def _warning(stored: dict) -> WrittenNotice | Notice:
    return WrittenNotice(stored["key"], stored["zh"], stored["en"]) if "zh" in stored else Notice(stored["key"], stored["params"])


def _proposal(row: dict) -> Proposal:
    stored = json.loads(row["proposal"])
    return Proposal(
        batch_id=int(row["batch_id"]), institution_id=int(row["institution_id"]), institution=row.get("institution"),
        kind=row["kind"], status=row["status"], submitted_by=row["submitted_by"], submitted_at=row["submitted_at"],
        file_name=row["file_name"] if isinstance(row["file_name"], str) else None, inputs=stored["inputs"],
        changes=stored["changes"], warnings=[_warning(w) for w in stored["warnings"]],
        decided_by=_plain(row["decided_by"]), reason=_plain(row["reason"]), what=_plain(row["note"]))


def described(proposal: Proposal, lang: str, cat: Catalog) -> str:
    """What a batch holds in words: the file, or the month typed, or the metric's name and period
    (never a metric id), for the 待审核 list and `pending`."""
    if proposal.file_name:
        return proposal.file_name
    first = proposal.changes[0] if proposal.changes else None
    if first is None:
        return "—"
    when = period_text(first["year"], first["month"], lang)
    if proposal.kind == "entry":
        return when
    several_figures = first.get("budget") and len(proposal.changes) > 1  # 预算执行: more than one budget figure
    return f"{t('targets.ui.tab.budget', lang) if several_figures else change_name(first, lang, cat)} {when}"


def change_name(change: dict, lang: str, cat: Catalog) -> str:
    """What a change is of, for every list of changes: a target's indicator (the 绩效目标表's words), a budget
    figure (全年执行数), or a metric's name — never an id."""
    if change.get("indicator"):
        return change["indicator"]
    if change.get("budget"):
        return t(f"targets.budget.{change['budget']}", lang)
    return cat[change["metric_id"]].name(lang) if change.get("metric_id") in cat else "—"


def change_unit(change: dict, lang: str, cat: Catalog) -> str:
    """The unit a change's values are in: the metric's, 万元 for a budget figure, none for a target's actual."""
    if change.get("budget"):
        return t("unit.wan_yuan", lang)
    return cat[change["metric_id"]].unit(lang) if change.get("metric_id") in cat else ""


def listed(con, status: str = PENDING, institution: int | None = None) -> list[Proposal]:
    """Reviewed batches of one status, oldest first (every institution without `institution`)."""
    frame = db.query(con, "batch_review_list", status=status, institution_id=institution)
    return [_proposal(row) for row in frame.to_dict("records")]


def get(con, batch_id: int) -> Proposal:
    frame = db.query(con, "batch_review_get", batch_id=batch_id)
    if frame.empty:
        raise InputRejected("review.unknown", batch_id=batch_id)
    return _proposal(frame.iloc[0].to_dict())


# --- deciding --------------------------------------------------------------------------------------


def _refuse(con, actor: str, detail: str, refusal: InputRejected):
    """Audit a refused decision in its own transaction, then raise it."""
    with db.transaction(con):
        audit.record(con, "review_refused", actor, detail)
    raise refusal


def _check_decider(con, proposal: Proposal, actor: str, role: str | None, verb: str) -> None:
    """Pending, a role that may approve, and another account than the submitter (four eyes)."""
    where = f"{verb} batch #{proposal.batch_id}"
    if proposal.status != PENDING:
        _refuse(con, actor, f"{where}: {proposal.status} already",
                InputRejected(f"review.already_{proposal.status}", batch_id=proposal.batch_id))
    if not auth.can(role, "approve"):
        _refuse(con, actor, f"{where}: role {role or 'none'}", InputRejected("review.not_allowed", batch_id=proposal.batch_id))
    if actor == proposal.submitted_by:
        _refuse(con, actor, f"{where}: submitted by the same account",
                InputRejected("review.same_account", batch_id=proposal.batch_id, user=actor))


def _same(a_value, a_qualifier, b_value, b_qualifier) -> bool:
    if a_value is None or b_value is None:
        return a_value is None and b_value is None
    return float(a_value) == float(b_value) and (a_qualifier or "exact") == (b_qualifier or "exact")


def conflicts(submitted: list[dict], replanned: list[dict]) -> list[dict]:
    """Each value to write whose stored value is not the one seen at submission: submitted old,
    current old and proposed. A key unchanged at submission was seen holding the proposed value."""
    seen = {tuple(c[k] for k in KEY): c for c in submitted}
    found = []
    for change in replanned:
        before = seen.get(tuple(change[k] for k in KEY))
        old, old_q = (before["old_value"], before["old_qualifier"]) if before else (change["new_value"], change["new_qualifier"])
        if not _same(old, old_q, change["old_value"], change["old_qualifier"]):
            found.append({**{k: change[k] for k in KEY}, "submitted_value": old, "submitted_qualifier": old_q,
                          "current_value": change["old_value"], "current_qualifier": change["old_qualifier"],
                          "new_value": change["new_value"], "new_qualifier": change["new_qualifier"]})
    return found


def _replan(con, proposal: Proposal, cat: Catalog):
    """(what to write, its conflicts with today's values): the stored file read again with the
    options chosen, the typed records, or the target rows edited."""
    inputs = proposal.inputs
    if proposal.kind == "target_edit":
        from museum.targets import pending as target_pending  # it submits through this module

        return target_pending.replan(con, proposal)
    if proposal.kind == "report":
        dataset = inputs["dataset"]
        frame = batches.observation_frame(dataset["observations"])
        compared = batches.compare_observations(con, proposal.institution_id, frame)
        return None, conflicts(proposal.changes, changes_of(compared[compared["status"] != "unchanged"]))
    if proposal.kind == "upload":
        sha = db.query(con, "batch_by_id", batch_id=proposal.batch_id).iloc[0]["file_sha256"]
        content = ingest.stored_file(con, sha)
        analysis = ingest.analyse(content, proposal.file_name or "", sheet=inputs.get("sheet"), year=inputs.get("year"),
                                  cat=cat, mapping=inputs.get("mapping") or {},
                                  aliases=ingest.load_aliases(con, proposal.institution_id),
                                  allow_implausible=bool(inputs.get("allow_implausible")), stored_copy=True)
        analysis = ingest.preview(con, proposal.institution_id, analysis, cat=cat, duplicates=False)
        if analysis.status == "rejected":
            raise InputRejected("review.no_longer_valid", batch_id=proposal.batch_id)
        return analysis, conflicts(proposal.changes, changes_of(analysis.compared))
    frame = batches.observation_frame(inputs["records"])
    return frame, conflicts(proposal.changes, changes_of(batches.compare_observations(con, proposal.institution_id, frame)))


def _write(con, proposal: Proposal, planned) -> batches.Counts:
    if proposal.kind == "target_edit":
        from museum.targets import pending as target_pending

        return target_pending.write(con, proposal, planned)
    if proposal.kind == "report":
        from museum.report import importer  # it submits through this module

        return importer.apply_pending(con, proposal.batch_id, proposal.institution_id, proposal.inputs)[0]
    if proposal.kind == "upload":
        counts, _ = ingest.write(con, proposal.batch_id, proposal.institution_id, planned)
        return counts
    counts = batches.write_observations(con, proposal.batch_id, proposal.institution_id, planned,
                                        allow_implausible=bool(proposal.inputs.get("allow_implausible")))
    batches.finish_batch(con, proposal.batch_id, counts)
    return counts


def approve(con, batch_id: int, *, actor: str, role: str | None, over_conflicts: bool = False,
            cat: Catalog | None = None) -> batches.Counts:
    """Apply a pending batch as a commit would now, under its own id, and mark it approved (one
    transaction with its audit line). Refused (audited) when decided already, when the role may not
    approve, when the approver submitted it, or on conflicts unless `over_conflicts`."""
    cat = cat or catalog.load()
    proposal = get(con, batch_id)
    _check_decider(con, proposal, actor, role, "approve")
    try:
        with db.transaction(con, institution=proposal.institution_id):
            proposal = get(con, batch_id)  # inside the transaction: a concurrent decision wins once
            if proposal.status != PENDING:
                raise InputRejected(f"review.already_{proposal.status}", batch_id=batch_id)
            planned, found = _replan(con, proposal, cat)
            if found and not over_conflicts:
                raise ReviewRefused("review.conflict", found, batch_id=batch_id, count=len(found))
            counts = _write(con, proposal, planned)
            db.execute(con, "batch_review_decide", batch_id=batch_id, status=APPROVED, decided_by=actor,
                       decided_at=_now(), reason=None)
            over = f", applied over {len(found)} conflicts" if found else ""
            audit.record(con, "review_approved", actor,
                         f"batch #{batch_id} approved ({counts.inserted} new, {counts.updated} changed{over})")
    except InputRejected as refusal:
        # the audit trail is read by people: a conflict in words (museum.store.audit_words has its Chinese)
        why = "values changed since submission (conflict)" if refusal.key == "review.conflict" else refusal.key
        _refuse(con, actor, f"approve batch #{batch_id}: {why}", refusal)
    return counts


def reject(con, batch_id: int, *, actor: str, role: str | None, reason: str) -> None:
    """Return a pending batch with a reason: its batch, file and reason stay for the record."""
    reason = (reason or "").strip()
    controls.refuse_in_typed(reason, "退回原因", "reason")
    if not reason:
        raise InputRejected("review.reason_needed", batch_id=batch_id)
    if len(reason) > MAX_REASON_CHARS:
        raise InputRejected("review.reason_too_long", maximum=MAX_REASON_CHARS)
    proposal = get(con, batch_id)
    _check_decider(con, proposal, actor, role, "reject")
    with db.transaction(con, institution=proposal.institution_id):
        changed = db.rows(con, "batch_review_decide", batch_id=batch_id, status=REJECTED, decided_by=actor,
                          decided_at=_now(), reason=reason)
        if not changed or not changed[0][0]:
            raise InputRejected("review.already_decided", batch_id=batch_id)
        audit.record(con, "review_rejected", actor, f"batch #{batch_id} rejected: {reason}")
