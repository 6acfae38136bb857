"""Review before figures are official (issue 23): pending → approved / rejected, conflicts, four eyes, refusals audited."""

import pytest

from museum import institutions
from museum.errors import InputRejected
from museum.intake import entry, ingest, review
from museum.store import db

APRIL = {"onsite_visitors": "12,000", "outreach_events": "超50"}


def institution(con) -> int:
    return institutions.choose(institutions.table(con), None)[0]


def current(con, metric_id, year, month):
    found = con.execute("select value, qualifier, batch_id from observation where metric_id = ? and year = ? and month = ? "
                        "and platform is null and retired_by_batch is null", [metric_id, year, month]).fetchall()
    return found[0] if found else None


def audit_lines(con, since: int = 0):
    return [tuple(r) for r in con.execute("select user_name, action, detail from audit where audit_id > ? order by audit_id",
                                          [since]).fetchall()]


def last_audit(con) -> int:
    return con.execute("select coalesce(max(audit_id), 0) from audit").fetchone()[0]


@pytest.fixture
def reviewed(con):
    inst = institution(con)
    review.set_required(con, inst, True, actor="boss", role="admin")
    return inst


def test_review_is_off_by_default_and_a_typed_month_is_applied_at_once(con):
    inst = institution(con)
    assert not review.required(con, inst)
    result = entry.submit(con, inst, 2025, 4, APRIL, actor="li")
    assert (result.status, result.counts.inserted) == ("committed", 2)
    assert current(con, "outreach_events", 2025, 4) == (50.0, "at_least", result.batch_id)
    assert audit_lines(con)[-1] == ("li", "entry", f"entry 2025-04 (2 new, 0 changed) → batch #{result.batch_id}")


def test_only_an_admin_switches_review_and_the_switch_is_audited(con):
    inst = institution(con)
    mark = last_audit(con)
    with pytest.raises(InputRejected) as refused:
        review.set_required(con, inst, True, actor="li", role="editor")
    assert refused.value.key == "review.setting_not_allowed" and not review.required(con, inst)
    review.set_required(con, inst, True, actor="boss", role="admin")
    assert review.required(con, inst)
    assert audit_lines(con, mark) == [("li", "review_refused", f"review setting of institution #{inst}: role editor"),
                                      ("boss", "review_setting", f"review on for institution #{inst}")]


def test_a_pending_batch_writes_no_row_and_approval_applies_it_under_its_own_id(con, reviewed):
    before = con.execute("select count(*) from observation").fetchone()[0]
    result = entry.submit(con, reviewed, 2025, 4, APRIL, actor="li")
    assert result.status == "pending" and result.to_json()["status"] == "pending"
    assert con.execute("select count(*) from observation").fetchone()[0] == before
    assert current(con, "onsite_visitors", 2025, 4) is None
    [pending] = review.listed(con)
    assert (pending.batch_id, pending.kind, pending.submitted_by) == (result.batch_id, "entry", "li")
    assert [(c["metric_id"], c["old_value"], c["new_value"], c["new_qualifier"]) for c in pending.changes] == [
        ("onsite_visitors", None, 12000.0, "exact"), ("outreach_events", None, 50.0, "at_least")]
    with pytest.raises(InputRejected) as refused:  # nothing was written: nothing to roll back
        ingest.rollback(con, result.batch_id, actor="li")
    assert refused.value.key == "batches.rollback_pending"
    mark = last_audit(con)
    counts = review.approve(con, result.batch_id, actor="boss", role="admin")
    assert (counts.inserted, counts.updated) == (2, 0)
    assert current(con, "onsite_visitors", 2025, 4) == (12000.0, "exact", result.batch_id)
    assert review.get(con, result.batch_id).status == "approved" and review.listed(con) == []
    assert audit_lines(con, mark) == [("boss", "review_approved", f"batch #{result.batch_id} approved (2 new, 0 changed)")]
    ingest.rollback(con, result.batch_id, actor="boss")  # approved: reversible like every batch
    assert current(con, "onsite_visitors", 2025, 4) is None


def test_four_eyes_and_the_role_are_checked_and_every_refusal_is_audited(con, reviewed):
    result = entry.submit(con, reviewed, 2025, 4, APRIL, actor="boss")
    mark = last_audit(con)
    for actor, role, key in [("boss", "admin", "review.same_account"), ("li", "editor", "review.not_allowed"),
                             ("li", None, "review.not_allowed")]:
        with pytest.raises(InputRejected) as refused:
            review.approve(con, result.batch_id, actor=actor, role=role)
        assert refused.value.key == key
    with pytest.raises(InputRejected) as refused:
        review.reject(con, result.batch_id, actor="boss", role="admin", reason="typo")
    assert refused.value.key == "review.same_account"
    assert [line[:2] for line in audit_lines(con, mark)] == [("boss", "review_refused"), ("li", "review_refused"),
                                                             ("li", "review_refused"), ("boss", "review_refused")]
    assert audit_lines(con, mark)[0][2] == f"approve batch #{result.batch_id}: submitted by the same account"
    assert current(con, "onsite_visitors", 2025, 4) is None and review.get(con, result.batch_id).status == "pending"


def test_rejection_keeps_the_batch_and_its_reason_and_a_decided_batch_is_not_decided_again(con, reviewed):
    result = entry.submit(con, reviewed, 2025, 4, APRIL, actor="li")
    with pytest.raises(InputRejected) as refused:
        review.reject(con, result.batch_id, actor="boss", role="admin", reason="  ")
    assert refused.value.key == "review.reason_needed"
    review.reject(con, result.batch_id, actor="boss", role="admin", reason="4月人次请按闸机数填写")
    stored = review.get(con, result.batch_id)
    assert (stored.status, stored.decided_by, stored.reason) == ("rejected", "boss", "4月人次请按闸机数填写")
    assert db.query(con, "batch_by_id", batch_id=result.batch_id).iloc[0]["kind"] == "entry"  # the batch stays
    assert current(con, "onsite_visitors", 2025, 4) is None
    assert audit_lines(con)[-1] == ("boss", "review_rejected", f"batch #{result.batch_id} rejected: 4月人次请按闸机数填写")
    for decide in (lambda: review.approve(con, result.batch_id, actor="wang", role="admin"),
                   lambda: review.reject(con, result.batch_id, actor="wang", role="admin", reason="again")):
        with pytest.raises(InputRejected) as refused:
            decide()
        assert refused.value.key == "review.already_rejected"
    with pytest.raises(InputRejected) as refused:
        ingest.rollback(con, result.batch_id, actor="boss")
    assert refused.value.key == "batches.rollback_rejected"


def test_a_value_changed_since_submission_is_a_conflict_applied_only_when_asked(con, reviewed):
    first = entry.submit(con, reviewed, 2025, 4, {"onsite_visitors": "12,000"}, actor="li")
    second = entry.submit(con, reviewed, 2025, 4, {"onsite_visitors": "13,000"}, actor="zhao")
    review.approve(con, second.batch_id, actor="boss", role="admin")  # meanwhile another batch set the value
    mark = last_audit(con)
    with pytest.raises(review.ReviewRefused) as refused:
        review.approve(con, first.batch_id, actor="boss", role="admin")
    assert refused.value.key == "review.conflict"
    assert [(c["metric_id"], c["submitted_value"], c["current_value"], c["new_value"]) for c in refused.value.conflicts] == [
        ("onsite_visitors", None, 13000.0, 12000.0)]
    assert current(con, "onsite_visitors", 2025, 4)[0] == 13000.0  # never silently overwritten
    assert review.get(con, first.batch_id).status == "pending"
    assert audit_lines(con, mark) == [("boss", "review_refused", f"approve batch #{first.batch_id}: values changed since submission (conflict)")]
    counts = review.approve(con, first.batch_id, actor="boss", role="admin", over_conflicts=True)
    assert counts.updated == 1 and current(con, "onsite_visitors", 2025, 4)[0] == 12000.0
    assert audit_lines(con)[-1][2] == f"batch #{first.batch_id} approved (0 new, 1 changed, applied over 1 conflicts)"


def test_an_upload_goes_pending_and_its_stored_file_is_applied_on_approval(con, reviewed):
    content = "年份,月份,指标,数值\r\n2025,4,posts,321\r\n".encode("utf-8")
    result = ingest.ingest(con, reviewed, content, "april.csv", actor="li")
    assert (result.status, result.to_json()["status"]) == ("pending", "pending")
    assert current(con, "posts", 2025, 4) is None
    assert ingest.stored_file(con, result.sha256) == content  # the file is kept with the pending batch
    again = ingest.ingest(con, reviewed, content, "april.csv", actor="li")
    assert (again.status, again.duplicate_of) == ("duplicate", result.batch_id)
    review.approve(con, result.batch_id, actor="boss", role="admin")
    assert current(con, "posts", 2025, 4) == (321.0, "exact", result.batch_id)


def test_a_rejected_upload_may_be_submitted_again(con, reviewed):
    content = "年份,月份,指标,数值\r\n2025,4,posts,321\r\n".encode("utf-8")
    first = ingest.ingest(con, reviewed, content, "april.csv", actor="li")
    review.reject(con, first.batch_id, actor="boss", role="admin", reason="wrong month")
    assert ingest.ingest(con, reviewed, content, "april.csv", actor="li").status == "pending"


def test_a_correction_goes_pending_and_is_applied_on_approval(con, reviewed):
    from museum.intake import corrections

    batch_id, counts = corrections.correct_value(con, reviewed, "posts", 2025, 4, "约300", actor="li")
    assert counts.inserted == 0 and current(con, "posts", 2025, 4) is None
    [pending] = review.listed(con)
    assert (pending.batch_id, pending.kind, pending.changes[0]["new_qualifier"]) == (batch_id, "correction", "approx")
    review.approve(con, batch_id, actor="boss", role="admin")
    assert current(con, "posts", 2025, 4) == (300.0, "approx", batch_id)


def test_the_review_lines_read_in_chinese_on_the_admin_page():
    from museum.store.audit_words import readable

    assert [readable(d) for d in ("review on for institution #1", "approve batch #3: submitted by the same account",
                                  "entry 2025-05 → batch #3 pending (2 changes)",
                                  "batch #3 approved (0 new, 1 changed, applied over 1 conflicts)",
                                  "batch #3 rejected: 月份有误", "approve batch #3: values changed since submission (conflict)",
                                  "approve batch #3: role none")] == [
        "开启审核（机构 #1）", "审核批次 #3：提交人不能审核自己的批次", "数据填报 2025-05 → 批次 #3 待审核（2 项变更）",
        "批次 #3 审核通过 (新增 0, 修改 1, 覆盖冲突 1 项)", "批次 #3 已退回：月份有误", "审核批次 #3：提交后数值已被修改（冲突）",
        "审核批次 #3：角色（无）无权审核"]
