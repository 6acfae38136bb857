"""Target actuals under review (issue 23): an edit of targets as a pending batch, applied on approval as a new version of each row,
and the year's budget figures (年初预算数, 全年预算数, 全年执行数), which score the 预算执行率 indicator.

The proposal keeps each row's target_id (the version seen) and the fields to write. Approving finds
each row still current; a row replaced meanwhile (another approved edit, a re-import) is a conflict,
applied only over an explicit choice, onto the row's current version of the same indicator.
"""

from __future__ import annotations

import json

from museum.catalog import normalize_name
from museum.intake import review
from museum.store import batches
from museum.targets import store

KIND = "target_edit"
BUDGET_KEYS = ("initial_budget", "full_year_budget", "executed")


def _plain(value):
    """A field value as JSON keeps it (numbers, texts, None)."""
    return json.loads(json.dumps(value, default=str))


def _change(row: dict, fields: dict) -> dict:
    """A row's change as the 待审核 list shows it: the actual old → new, under the indicator's name."""
    new_value = fields.get("actual_value", row.get("actual_value"))
    new_text = fields.get("actual_text")
    return {"metric_id": row.get("metric_id"), "indicator": row["indicator"], "target_id": int(row["target_id"]),
            "year": int(row["year"]), "month": None, "platform": None,
            "old_value": _plain(row.get("actual_value")), "old_qualifier": row.get("actual_qualifier"),
            "new_value": _plain(new_value if new_text is None else None),
            "new_qualifier": fields.get("actual_qualifier", row.get("actual_qualifier")),
            "fields": sorted(fields)}


def submit(con, institution: int, year: int, plans: list[tuple[dict, dict]], *, actor: str, what: str) -> int:
    """The edits (row as seen, fields to write) as a pending batch of kind target_edit; its id."""
    inputs = {"year": int(year), "targets": [{"target_id": int(row["target_id"]), "indicator": row["indicator"],
                                             "fields": _plain(fields)} for row, fields in plans]}
    return review.submit(con, KIND, institution, actor=actor, inputs=inputs,
                         changes=[_change(row, fields) for row, fields in plans], warnings=[], what=what)


def _budget_change(key: str, year: int, old, new) -> dict:
    """A budget figure's change as the 待审核 list shows it, named by its key (museum.intake.review.change_name)."""
    return {"metric_id": None, "indicator": None, "budget": key, "year": int(year), "month": None, "platform": None,
            "old_value": _plain(old), "old_qualifier": None if old is None else "exact",
            "new_value": _plain(new), "new_qualifier": None if new is None else "exact", "fields": [key]}


def submit_budget(con, institution: int, year: int, figures: dict, *, note: str | None, actor: str) -> int:
    """The year's budget figures as a pending batch (its id): one change per figure that differs from the stored one."""
    stored = store.year_budget(con, institution, year) or {}
    seen = {key: _plain(stored.get(key)) for key in BUDGET_KEYS}
    changes = [_budget_change(key, year, seen[key], figures.get(key)) for key in BUDGET_KEYS
               if not store.same_value(seen[key], figures.get(key))]
    inputs = {"year": int(year), "targets": [],
              "budget": {"figures": _plain(figures), "note": note, "seen": seen}}
    return review.submit(con, KIND, institution, actor=actor, inputs=inputs, changes=changes, warnings=[],
                         what=f"budget {int(year)}: {_plain(figures)}")


def waiting_budget(con, institution: int, year: int, figures: dict) -> int | None:
    """The pending batch that already proposes exactly these budget figures for the year (a sheet imported
    twice before anyone reviewed it), else None."""
    for proposal in review.listed(con, review.PENDING, institution):
        planned = proposal.inputs.get("budget") if proposal.kind == KIND else None
        if planned and int(proposal.inputs["year"]) == int(year) and \
                all(store.same_value(planned["figures"].get(key), figures.get(key)) for key in BUDGET_KEYS):
            return proposal.batch_id
    return None


def _budget_changed(proposal: review.Proposal) -> list[str]:
    """The budget figures the submitter changed (the others are written as they are stored at approval)."""
    return [change["budget"] for change in proposal.changes if change.get("budget")]


def _budget_conflicts(con, proposal: review.Proposal) -> list[dict]:
    """The figures the proposal changes whose stored value is not the one seen at submission (another approved
    batch, a re-import); a figure it leaves alone may have changed meanwhile without a conflict."""
    planned = proposal.inputs.get("budget")
    if not planned:
        return []
    year = int(proposal.inputs["year"])
    now = store.year_budget(con, proposal.institution_id, year) or {}
    found = []
    for key in _budget_changed(proposal):
        seen, current = planned["seen"].get(key), _plain(now.get(key))
        if not store.same_value(seen, current):
            change = _budget_change(key, year, current, planned["figures"].get(key))
            found.append({**change, "submitted_value": seen, "submitted_qualifier": None if seen is None else "exact",
                          "current_value": change["old_value"], "current_qualifier": change["old_qualifier"]})
    return found


def replan(con, proposal: review.Proposal) -> tuple[list[tuple[dict, dict]], list[dict]]:
    """(rows to write with their fields, conflicts): a row no longer current is a conflict, planned
    onto the current version of the same indicator (or dropped when the indicator is gone)."""
    year = int(proposal.inputs["year"])
    current = {int(row["target_id"]): row for row in store.year_targets(con, proposal.institution_id, year)}
    by_name = {normalize_name(row["indicator"]): row for row in current.values()}
    planned, conflicts = [], []
    for item in proposal.inputs["targets"]:
        row = current.get(int(item["target_id"]))
        if row is None:
            now = by_name.get(normalize_name(item["indicator"]))
            seen = next((c for c in proposal.changes if c.get("target_id") == int(item["target_id"])), {})
            conflicts.append({"metric_id": seen.get("metric_id"), "indicator": item["indicator"], "year": year,
                              "month": None, "platform": None, "submitted_value": seen.get("old_value"),
                              "submitted_qualifier": seen.get("old_qualifier"),
                              "current_value": None if now is None else now.get("actual_value"),
                              "current_qualifier": None if now is None else now.get("actual_qualifier"),
                              "new_value": seen.get("new_value"), "new_qualifier": seen.get("new_qualifier")})
            row = now
        if row is not None:
            planned.append((row, item["fields"]))
    return planned, conflicts + _budget_conflicts(con, proposal)


def write(con, proposal: review.Proposal, planned: list[tuple[dict, dict]]) -> batches.Counts:
    """Each row retired and written again with its fields under the pending batch's id; the budget figures it
    changes written over the year's stored ones (retired by the same batch, so a rollback brings them back)."""
    year = int(proposal.inputs["year"])
    for row, fields in planned:
        store.retire_target(con, proposal.institution_id, row["target_id"], proposal.batch_id)
        store.insert_target(con, proposal.institution_id, year, proposal.batch_id, {**row, **fields})
    budget = proposal.inputs.get("budget")
    if budget:  # the figures changed, over the stored ones as they are now: another approved change stands
        figures = {key: _plain(value) for key, value in (store.year_budget(con, proposal.institution_id, year) or {}).items()
                   if key in BUDGET_KEYS}
        figures.update({key: budget["figures"].get(key) for key in _budget_changed(proposal)})
        store.write_budget(con, proposal.institution_id, year, proposal.batch_id, figures, note=budget["note"])
    counts = batches.Counts(updated=len(planned) + (1 if budget else 0))
    batches.finish_batch(con, proposal.batch_id, counts)
    return counts
