"""绩效目标表 import: parse a file -> review tables -> validated records -> one audited batch.

parse (no database; suggests metric links) -> review_table (what the editor checks and changes)
-> validate_review (the edited table back into records) -> commit (one transaction, one batch of
kind "targets", the file's bytes kept, its audit line). A file with any error changes nothing.
Re-importing a year replaces its targets: unchanged indicators stay as they are, changed ones get
a new version that keeps what was entered against them (actual, 偏差原因), missing ones are
retired. The result's keys follow `ingest --json`, plus `links` (indicator -> metric id or null).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from museum import catalog, numbers
from museum.store import audit, batches, db
from museum.catalog import Catalog, normalize_name
from museum.errors import InputRejected
from museum.i18n import t
from museum.intake import review
from museum.intake.problems import Notice, Problem
from museum.targets import links, pending, store
from museum.targets.checks import Checked, RowInput, check_rows
from museum.targets.sheet import Sheet, read_sheet
from museum.targets.values import OPERATORS, operator_text

# the link beside the indicator it belongs to: at 1366 px the editor sees both without scrolling
REVIEW_COLUMNS = ["row", "indicator", "metric", "suggestion", "target", "operator", "value", "weight", "level1", "level2"]
REVIEW_EDITABLE = ["level1", "level2", "indicator", "target", "operator", "weight", "metric"]
BUDGET_KEYS = ("initial_budget", "full_year_budget", "executed")


@dataclass
class Parsed:
    file_name: str
    content: bytes = field(repr=False)
    sha256: str
    year: int
    sheet: Sheet | None = None
    records: list[dict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    budget: dict[str, float] = field(default_factory=dict)
    status: str = "valid"            # valid | rejected | committed | duplicate | pending (only budget figures, awaiting review)
    batch_id: int | None = None
    duplicate_of: int | None = None
    counts: batches.Counts = field(default_factory=batches.Counts)
    removed: int = 0

    @property
    def skipped(self) -> int:
        return self.sheet.skipped if self.sheet else 0

    @property
    def links(self) -> dict[str, str | None]:
        return {r["indicator"]: r["metric_id"] for r in self.records}

    @property
    def weight_total(self) -> float:
        return float(sum(r["weight"] for r in self.records))

    def to_json(self, lang: str = "zh") -> dict:
        """`targets import --json`: the keys of `ingest --json`, plus links, year, removed, budget."""
        return {
            "status": self.status,
            "batch_id": self.batch_id,
            "inserted": self.counts.inserted,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            "skipped": self.skipped,
            "removed": self.removed,
            "encoding": self.sheet.encoding if self.sheet else None,
            "layout": "performance_targets" if self.sheet else None,
            "sheet": self.sheet.sheet if self.sheet else None,
            "year": self.year,
            "indicators": len(self.records),
            "weight_total": _plain_number(self.weight_total) if self.records else None,
            "budget": {key: _plain_number(self.budget.get(key)) for key in BUDGET_KEYS},
            "warnings": [notice.message(lang) for notice in self.notices],
            "errors": [problem.as_json(lang) for problem in self.errors],
            "links": self.links,
        }


def _plain_number(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def _row_inputs(sheet: Sheet) -> list[RowInput]:
    return [
        RowInput(row.row, row.cells.get("level1"), row.cells.get("level2"), row.cells.get("indicator"),
                 row.cells.get("target"), row.cells.get("weight"), row.cells.get("metric"))
        for row in sheet.rows
    ]


def parse(content: bytes, file_name: str, year: int, *, cat: Catalog | None = None) -> Parsed:
    """Read and check a 绩效目标表 without touching the database."""
    cat = cat or catalog.load()
    parsed = Parsed(file_name=file_name, content=content, sha256=batches.sha256(content), year=int(year))
    try:
        sheet = read_sheet(content)
    except InputRejected as exc:
        parsed.errors = [Problem(exc.key, params=exc.params)]
        parsed.status = "rejected"
        return parsed
    parsed.sheet, parsed.budget = sheet, dict(sheet.budget)
    if not sheet.rows:
        parsed.errors = [Problem("targets.file.no_rows", sheet.header_row)]
        parsed.status = "rejected"
        return parsed
    columns = {key: text or t(f"targets.column.{key}", "zh") for key, text in sheet.columns.items()}
    for key in ("indicator", "target", "weight", "metric", "level1", "level2"):
        columns.setdefault(key, t(f"targets.column.{key}", "zh"))
    checked = check_rows(_row_inputs(sheet), cat, columns)
    _take(parsed, checked)
    if sheet.title_year is not None and sheet.title_year != parsed.year:
        parsed.notices.insert(0, Notice("targets.warn.title_year", {"title_year": sheet.title_year, "year": parsed.year}))
    return parsed


def _take(parsed: Parsed, checked: Checked) -> None:
    parsed.records, parsed.errors = checked.records, sorted(checked.errors, key=lambda p: (p.row or 0))
    parsed.notices = [n for n in parsed.notices if n.key == "targets.warn.title_year"] + checked.notices
    parsed.status = "rejected" if parsed.errors else "valid"


# ---------------------------------------------------------------------------------------------
# The review: a table the editor corrects (translated headings and labels), read back the same way


def operator_label(operator: str, lang: str = "zh") -> str:
    return t(f"targets.operator.{operator}", lang)


def operator_options(lang: str = "zh") -> list[str]:
    """The review's 比较方式 choices (translated), in OPERATORS order."""
    return [operator_label(op, lang) for op in OPERATORS]


def metric_options(lang: str = "zh") -> list[str]:
    """The review's 关联指标 choices: 不关联 (not linked) then every metric by its name."""
    return links.options(catalog.load(), lang)


def review_headers(lang: str = "zh") -> dict[str, str]:
    return {key: t(f"targets.review.{key}", lang) for key in REVIEW_COLUMNS}


def review_table(parsed: Parsed, lang: str = "zh") -> pd.DataFrame:
    """One row per indicator as read: levels, text, operator, the value read, 分值, suggested link and why."""
    cat = catalog.load()
    rows = []
    for record in parsed.records:
        suggestion = ""
        if record.get("matched"):
            suggestion = t("targets.review.suggested", lang, name=record["matched"], unit=cat[record["metric_id"]].unit(lang))
        rows.append({
            "row": record["row"], "level1": record["level1"] or "", "level2": record["level2"] or "",
            "indicator": record["indicator"], "target": record["target_text"] or "",
            "operator": operator_label(record["operator"], lang),
            "value": operator_text(record["operator"], record["target_value"], record["unit"] or "", lang) or record["target_text"],
            "weight": float(record["weight"]),
            "metric": links.label(record["metric_id"], cat, lang) if record["metric_id"] else links.no_link_label(lang),
            "suggestion": suggestion,
        })
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    return frame.rename(columns=review_headers(lang))


def validate_review(parsed: Parsed, edited: pd.DataFrame, lang: str = "zh") -> Parsed:
    """The edited review table as the records to commit (every problem listed, by table row and
    heading), in a new Parsed: `parsed` itself stays as read, for the next edit of the table."""
    parsed = dataclasses.replace(parsed)
    cat = catalog.load()
    headers = review_headers(lang)
    frame = edited.rename(columns={text: key for key, text in headers.items()})
    by_label = {operator_label(op, lang): op for op in OPERATORS}
    inputs = []
    for index, row in enumerate(frame.to_dict("records"), start=1):
        operator_text_ = row.get("operator")
        inputs.append(RowInput(
            index, row.get("level1"), row.get("level2"), row.get("indicator"), row.get("target"),
            None if row.get("weight") is None else str(row.get("weight")), row.get("metric"), metric_given=True,
            operator=by_label.get(operator_text_, operator_text_ if operator_text_ in OPERATORS else None),
        ))
    columns = {key: headers[key] for key in REVIEW_COLUMNS}
    # rows are the review table's rows (1, 2, …), columns its headings
    _take(parsed, check_rows(inputs, cat, columns))
    for record in parsed.records:
        record["matched"] = None  # the editor's choice now, not a suggestion
    return parsed


# ---------------------------------------------------------------------------------------------
# Commit


def _plan(stored: list[dict], records: list[dict]) -> tuple[list[tuple[dict | None, dict]], list[dict], int]:
    """(old version or None, new record) for every record that changes, the stored rows to retire, unchanged count."""
    by_name = {normalize_name(row["indicator"]): row for row in stored}
    changes, unchanged = [], 0
    for record in records:
        old = by_name.pop(normalize_name(record["indicator"]), None)
        if old is not None and store.same_definition(old, record):
            unchanged += 1
            continue
        changes.append((old, record))
    return changes, list(by_name.values()), unchanged


def preview(con, institution: int, parsed: Parsed) -> Parsed:
    """Counts of what a commit would do (new / changed / unchanged / removed), writing nothing."""
    if parsed.status == "rejected":
        return parsed
    changes, removed, unchanged = _plan(store.year_targets(con, institution, parsed.year), parsed.records)
    parsed.counts = batches.Counts(inserted=sum(1 for old, _ in changes if old is None),
                                   updated=sum(1 for old, _ in changes if old is not None), unchanged=unchanged)
    parsed.removed = len(removed)
    return parsed


def commit(con, institution: int, parsed: Parsed, *, actor: str) -> Parsed:
    """Write the year's targets as one batch with its audit line, in one transaction.

    The same file already imported for this year (and not rolled back), or a sheet identical to
    what is stored, is reported as `duplicate` and nothing is written. With review on, changed budget
    figures become a pending batch of their own (a notice names it); when they are all the sheet
    changes, the import's status is `pending` and its batch_id that batch's.
    """
    if parsed.status == "rejected":
        raise InputRejected("targets.commit_rejected", errors=len(parsed.errors))
    note = f"targets:{parsed.year}"
    with db.transaction(con, institution=institution):
        existing = db.scalar(con, "targets_import_by_sha256", sha256=parsed.sha256, institution_id=institution, note=note) \
            if parsed.content else None
        stored = store.year_targets(con, institution, parsed.year)
        changes, removed, unchanged = _plan(stored, parsed.records)
        budget_changes = bool(parsed.budget) and not store.same_budget(store.year_budget(con, institution, parsed.year), parsed.budget)
        if existing is not None or (not changes and not removed and not budget_changes):
            parsed.status, parsed.duplicate_of = "duplicate", None if existing is None else int(existing)
            parsed.counts = batches.Counts(unchanged=unchanged)
            parsed.notices.append(Notice("targets.warn.duplicate_file" if existing is not None else "targets.warn.nothing_changes",
                                         {"batch_id": existing, "year": parsed.year}))
            return parsed
        # with review on, the budget figures (全年执行数 scores 预算执行率) wait for a second account as typed ones
        # do; the indicators are definitions, not figures, and are written now
        budget_pending = budget_changes and review.required(con, institution)
        written = None
        if changes or removed or not budget_pending:
            written = _write(con, institution, parsed, changes, removed, unchanged, budget=budget_changes and not budget_pending,
                             note=note, actor=actor)
    if written is not None:
        parsed.status, parsed.batch_id, parsed.counts, parsed.removed = "committed", *written, len(removed)
    else:
        parsed.counts = batches.Counts(unchanged=unchanged)
    if budget_pending:  # after the indicators' batch: a crash between the two leaves the figures for the next import
        _submit_budget(con, institution, parsed, actor=actor, status="pending" if written is None else "committed")
    return parsed


def _write(con, institution: int, parsed: Parsed, changes: list, removed: list, unchanged: int, *, budget: bool,
           note: str, actor: str) -> tuple[int, batches.Counts]:
    """The indicators' batch (and the budget figures when `budget`) with its audit line, in the caller's transaction."""
    batch_id = batches.create_batch(con, "targets", institution=institution, user=actor, file_name=parsed.file_name,
                                    content=parsed.content or None, note=note)
    counts = batches.Counts(unchanged=unchanged, skipped=parsed.skipped)
    for old, record in changes:
        kept = {key: old.get(key) for key in store.ENTERED_FIELDS} if old is not None else {}
        if old is not None:
            store.retire_target(con, institution, old["target_id"], batch_id)
            counts.updated += 1
        else:
            counts.inserted += 1
        store.insert_target(con, institution, parsed.year, batch_id, {**record, **kept})
    for old in removed:
        store.retire_target(con, institution, old["target_id"], batch_id)
    if budget:
        store.write_budget(con, institution, parsed.year, batch_id, parsed.budget, note=parsed.file_name)
    batches.finish_batch(con, batch_id, counts)
    audit.record(con, "targets_import", actor,
                 f"{parsed.file_name} → batch #{batch_id} ({parsed.year}: {counts.inserted} new, {counts.updated} changed, "
                 f"{len(removed)} removed)", parsed.sha256 if parsed.content else None)
    return batch_id, counts


def _submit_budget(con, institution: int, parsed: Parsed, *, actor: str, status: str) -> Parsed:
    """The sheet's budget figures as a pending batch (museum.targets.pending; the one already waiting with the
    same figures, if any), named in a notice; `status` is the import's: "pending" when the figures were all it changed (then batch_id is the pending batch's)."""
    pending_id = pending.waiting_budget(con, institution, parsed.year, parsed.budget)
    if pending_id is not None:
        parsed.notices.append(Notice("targets.notice.budget_already_pending", {"batch_id": pending_id, "year": parsed.year}))
    else:
        pending_id = pending.submit_budget(con, institution, parsed.year, parsed.budget, note=parsed.file_name, actor=actor)
        parsed.notices.append(Notice("targets.notice.budget_pending", {"batch_id": pending_id, "year": parsed.year}))
    parsed.status = status
    if status == "pending":
        parsed.batch_id = pending_id
    return parsed


def record_rejection(con, parsed: Parsed, *, actor: str) -> None:
    """The audit line for a refused sheet (nothing else is written)."""
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"targets {parsed.file_name}: {len(parsed.errors)} problems", parsed.sha256)


def import_file(con, institution: int, content: bytes, file_name: str, year: int, *, actor: str,
                dry_run: bool = False) -> Parsed:
    """parse + (preview when dry_run, else commit): what the CLI runs; a refused file is audited."""
    parsed = parse(content, file_name, year)
    if parsed.status == "rejected":
        if not dry_run:
            record_rejection(con, parsed, actor=actor)
        return parsed
    return preview(con, institution, parsed) if dry_run else commit(con, institution, parsed, actor=actor)


def problem_lines(problems: list[Problem], lang: str = "zh") -> list[str]:
    """Every problem (of a target sheet, its review or an events sheet) as one line: where (row,
    column, value) and what to do."""
    lines = []
    for problem in problems:
        if problem.row is None:
            lines.append(problem.message(lang))
        elif problem.column is None:
            lines.append(t("targets.problem_row", lang, row=problem.row, message=problem.message(lang)))
        else:
            lines.append(t("targets.problem", lang, row=problem.row, column=problem.column,
                           value=problem.value or "", message=problem.message(lang)))
    return lines


def format_budget(parsed: Parsed, lang: str = "zh") -> str:
    return "；".join(f"{t(f'targets.budget.{key}', lang)} {numbers.format_value(parsed.budget[key], 'exact', lang, t('unit.wan_yuan', lang))}"
                    for key in BUDGET_KEYS if key in parsed.budget)
