"""Hand edits of the targets: add, change or remove one indicator, enter an actual or a 偏差原因,
set the budget figures. Each is one batch of kind "target_edit" with its audit line, in one
transaction; an edit writes a new version of the row (the old one is retired, so it can be
rolled back).
"""

from __future__ import annotations


from museum import catalog, numbers
from museum.store import batches
from museum.catalog import normalize_name
from museum.errors import InputRejected
from museum.intake import controls, review
from museum.i18n import t
from museum.targets import store
from museum.targets.checks import RowInput, check_rows
from museum.targets.values import OPERATORS

MAX_TEXT_CHARS = 2000


def _columns() -> dict[str, str]:
    return {key: t(f"targets.review.{key}", "zh") for key in ("level1", "level2", "indicator", "target", "operator", "weight", "metric")}


def _checked_record(con, institution: int, year: int, fields: dict, *, exclude: int | None) -> dict:
    """One indicator's fields checked like a sheet row; refused (first problem) when wrong or a duplicate."""
    cat = catalog.load()
    operator = fields.get("operator")
    if operator is not None and operator not in OPERATORS:
        raise InputRejected("targets.edit.bad_operator", value=str(operator))
    weight = fields.get("weight")
    item = RowInput(1, fields.get("level1"), fields.get("level2"), fields.get("indicator"), fields.get("target_text"),
                    None if weight is None else str(weight), fields.get("metric_id"), metric_given=True, operator=operator)
    checked = check_rows([item], cat, _columns(), expect_total=False)
    if checked.errors:
        # the message of the first problem names what is wrong; it renders in the reader's language
        problem = checked.errors[0]
        raise InputRejected(problem.key, **problem.params)
    record = checked.records[0]
    others = [row for row in store.year_targets(con, institution, year) if row["target_id"] != exclude]
    twin = next((row for row in others if normalize_name(row["indicator"]) == normalize_name(record["indicator"])), None)
    if twin is not None:
        raise InputRejected("targets.edit.duplicate", indicator=record["indicator"], year=year)
    return record


def _target_or_refuse(con, institution: int, target_id: int) -> dict:
    row = store.current_target(con, institution, target_id)
    if row is None:
        raise InputRejected("targets.edit.unknown", target_id=target_id)
    return row


def _new_version(con, institution: int, row: dict, changes: dict, *, actor: str, detail: str) -> int:
    """Retire `row`, insert it with `changes`, one batch and audit line; returns the new target_id."""
    with batches.one_batch(con, "target_edit", institution=institution, actor=actor, action="target_edit",
                           note=f"target:{row['year']}:{row['indicator']}") as opened:
        if not store.retire_target(con, institution, row["target_id"], opened.batch_id):
            raise InputRejected("targets.edit.unknown", target_id=row["target_id"])
        new_id = store.insert_target(con, institution, row["year"], opened.batch_id, {**row, **changes})
        opened.counts.updated, opened.detail = 1, f"{row['year']} {row['indicator']}: {detail}"
    return new_id


def add_target(con, institution: int, year: int, fields: dict, *, actor: str) -> int:
    """Add one indicator to a year by hand (fields: level1, level2, indicator, target_text, operator?,
    weight, metric_id?); returns its target_id. A link is never suggested here: the editor chooses."""
    record = _checked_record(con, institution, year, fields, exclude=None)
    positions = [row["position"] for row in store.year_targets(con, institution, year)]
    record["position"] = max(positions, default=0) + 1
    with batches.one_batch(con, "target_edit", institution=institution, actor=actor, action="target_edit",
                           note=f"target:{year}:{record['indicator']}") as opened:
        new_id = store.insert_target(con, institution, year, opened.batch_id, record)
        opened.counts.inserted, opened.detail = 1, f"{year} {record['indicator']}: added ({record['target_text']})"
    return new_id


def edit_target(con, institution: int, target_id: int, fields: dict, *, actor: str) -> int:
    """Change an indicator's definition (any of level1, level2, indicator, target_text, operator,
    weight, metric_id); what was entered against it stays. Returns the new version's target_id."""
    row = _target_or_refuse(con, institution, target_id)
    merged = {key: row.get(key) for key in ("level1", "level2", "indicator", "target_text", "operator", "weight", "metric_id")}
    merged.update(fields)
    record = _checked_record(con, institution, row["year"], merged, exclude=row["target_id"])
    changes = {key: record[key] for key in store.DEFINITION_FIELDS if key != "position"}
    if store.same_definition(row, {**changes, "position": row["position"]}):
        raise InputRejected("targets.edit.unchanged")
    return _new_version(con, institution, row, changes, actor=actor, detail=f"changed ({record['target_text']})")


def remove_target(con, institution: int, target_id: int, *, actor: str) -> int:
    """Retire one indicator (a rollback of the returned batch brings it back)."""
    row = _target_or_refuse(con, institution, target_id)
    with batches.one_batch(con, "target_edit", institution=institution, actor=actor, action="target_edit",
                           note=f"target:{row['year']}:{row['indicator']}") as opened:
        store.retire_target(con, institution, row["target_id"], opened.batch_id)
        opened.counts.updated, opened.detail = 1, f"{row['year']} {row['indicator']}: removed"
    return opened.batch_id


def clean_text(text, key: str) -> str | None:
    if text is None:
        return None
    cleaned = str(text).strip()
    controls.refuse_in_typed(cleaned, key, key)
    if len(cleaned) > MAX_TEXT_CHARS:
        raise InputRejected("targets.edit.too_long", field=key, limit=MAX_TEXT_CHARS)
    return cleaned or None


def parsed_actual(row: dict, text: str | None) -> tuple[float | None, str | None]:
    """The value and qualifier of an entered 实际完成值 for `row` ("5,600", "超50", "约3000", "98%",
    "1,080万元"); (None, None) for an empty text; refused when `row` is linked, qualitative or the
    text is not a figure in its unit."""
    if row["metric_id"]:
        raise InputRejected("targets.actual.linked", metric=catalog.load()[row["metric_id"]].name_zh if row["metric_id"] in catalog.load() else row["metric_id"])
    if row["operator"] == "qualitative":
        raise InputRejected("targets.actual.qualitative")
    unit = row["unit"] or ""
    if numbers.is_missing(text):
        return None, None
    money = unit == "万元"
    try:
        quantity = numbers.parse_quantity(text, unit=unit if money or unit == "%" else "")
    except numbers.NotANumber:
        quantity = None
    fits = quantity is not None and (quantity.unit in ("", unit) or (unit == "万元" and quantity.unit == "元"))
    if not fits:
        raise InputRejected("targets.actual.not_a_number", value=str(text), unit=unit or "—")
    value = quantity.value
    if unit == "万元" and quantity.unit == "元":
        value = round(value / 10_000, 6)
    return value, quantity.qualifier


def set_actual(con, institution: int, target_id: int, text: str | None, *, note: str | None = None, actor: str) -> int:
    """Enter the 实际完成值 of an unlinked numeric indicator ("5,600", "超50", "约3000", "98%"),
    with where it comes from; an empty text clears it. Returns the new target_id (with review on,
    the pending batch's id)."""
    row = _target_or_refuse(con, institution, target_id)
    value, qualifier = parsed_actual(row, text)
    changes = {"actual_value": value, "actual_qualifier": qualifier, "actual_note": clean_text(note, "note")}
    if review.required(con, institution):  # with review on: a pending batch (its id), applied once approved
        from museum.targets import pending  # it reads the targets' store, as this module does

        return pending.submit(con, institution, int(row["year"]), [(row, changes)], actor=actor,
                              what=f"{row['year']} {row['indicator']}: actual = {text or '—'}")
    return _new_version(con, institution, row, changes, actor=actor, detail=f"actual = {text or '—'}")


def set_qualitative(con, institution: int, target_id: int, result: str | None, score: float | None, *,
                    note: str | None = None, actor: str) -> int:
    """Enter the result (达到预期) and 得分 (0–分值) of a qualitative indicator. Returns the new target_id."""
    row = _target_or_refuse(con, institution, target_id)
    if row["operator"] != "qualitative":
        raise InputRejected("targets.actual.not_qualitative")
    if score is not None and not 0 <= float(score) <= float(row["weight"]):
        raise InputRejected("targets.actual.score_range", score=numbers.format_plain(float(score), "en"),
                            weight=numbers.format_plain(float(row["weight"]), "en"))
    changes = {"actual_text": clean_text(result, "result"), "actual_score": None if score is None else float(score),
               "actual_note": clean_text(note, "note")}
    return _new_version(con, institution, row, changes, actor=actor, detail=f"result = {result or '—'}, score = {score}")


def set_deviation(con, institution: int, target_id: int, text: str | None, *, actor: str) -> int:
    """Store the 偏差原因分析及改进措施 of one indicator (empty clears it). Returns the new target_id."""
    row = _target_or_refuse(con, institution, target_id)
    cleaned = clean_text(text, "deviation")
    if cleaned == row.get("deviation"):
        raise InputRejected("targets.edit.unchanged")
    return _new_version(con, institution, row, {"deviation": cleaned}, actor=actor, detail="deviation")


def set_budget(con, institution: int, year: int, *, initial_budget: float | None, full_year_budget: float | None,
               executed: float | None, note: str | None = None, actor: str) -> int:
    """年初预算数 / 全年预算数 / 全年执行数 (万元) of a year, one batch; returns the batch id (with review on, the
    pending batch's, applied once another account approves it)."""
    figures = {"initial_budget": initial_budget, "full_year_budget": full_year_budget, "executed": executed}
    for key, value in figures.items():
        if value is not None and (not isinstance(value, (int, float)) or value < 0 or value != value):
            raise InputRejected("targets.budget.bad_value", field=t(f"targets.budget.{key}", "zh"), value=str(value))
    if all(value is None for value in figures.values()):
        raise InputRejected("targets.budget.empty")
    if store.same_budget(store.year_budget(con, institution, year), figures):
        raise InputRejected("targets.edit.unchanged")
    if review.required(con, institution):  # with review on: a pending batch (its id), applied once approved
        from museum.targets import pending  # it reads the targets' store, as this module does

        return pending.submit_budget(con, institution, year, figures, note=clean_text(note, "note"), actor=actor)
    with batches.one_batch(con, "target_edit", institution=institution, actor=actor, action="target_edit",
                           note=f"budget:{year}") as opened:
        store.write_budget(con, institution, year, opened.batch_id, figures, note=clean_text(note, "note"))
        opened.counts.updated, opened.detail = 1, f"budget {year}: {figures}"
    return opened.batch_id
