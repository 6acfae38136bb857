"""Volunteer rosters and service-hour exports (issue 19): monthly volunteer metrics, people counted by
a keyed hash, and no ID number or phone number in the database, the output or the exports."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from museum import catalog, kpis, settings
from museum.intake import ingest
from museum.store import batches, db
from museum.cli import main
from museum.intake import people

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
sys.path.insert(0, str(SOURCES))
from make_sources import PLANTED_ID, PLANTED_PHONE  # noqa: E402  (the generator's planted numbers)

KEY = "tests-people-key-0123456789"  # tests/conftest.py sets it for every test
PLANTED = [PLANTED_ID, PLANTED_ID.lower(), PLANTED_PHONE, "139-1234-5678", "139 1234 5678"]


def read(name: str) -> bytes:
    return (SOURCES / name).read_bytes()


def values(con) -> dict:
    rows = con.execute("select metric_id, year, month, value from observation where retired_by_batch is null "
                       "and metric_id like 'volunteer%' and year = 2021 order by 1, 2, 3, 4").fetchall()
    return {(m, y, mo): v for m, y, mo, v in rows}


def test_service_records_become_monthly_hours_person_times_and_people(con):
    header = "姓名,身份证号,所属队伍,活动名称,服务日期,服务时长\r\n"
    rows = ["甲,610102199001011230,讲解队,展厅讲解,2021-03-06,2", "甲,610102199001011230,讲解队,展厅讲解,2021-03-06,1.5",
            "甲,610102199001011230,讲解队,科普进校园,2021-03-06,90分钟", "乙,610102199001021231,讲解队,展厅讲解,2021-03-13,3",
            "乙,610102199001021231,讲解队,展厅讲解,2021-04-03,2.5", "合计,,,,,10.5"]
    result = ingest.ingest(con, 1, (header + "\r\n".join(rows) + "\r\n").encode(), "v.csv", actor="test")
    assert (result.status, result.layout, result.source_format) == ("committed", "volunteers", "volunteer_records")
    # 甲 twice at the same activity on the same day is one 人次; at another activity, another
    assert values(con) == {
        ("volunteer_hours", 2021, 3): 8.0, ("volunteer_hours", 2021, 4): 2.5,
        ("volunteer_person_times", 2021, 3): 3.0, ("volunteer_person_times", 2021, 4): 1.0,
        ("volunteers_active", 2021, 3): 2.0, ("volunteers_active", 2021, 4): 1.0}


def test_numbered_empty_rows_and_a_total_under_the_name_are_not_people():
    content = "序号,姓名,身份证号,服务日期,服务时长\r\n1,甲,610102199001011230,2021-03-06,2\r\n2,,,,\r\n3,,,,\r\n4,合计,,,2\r\n".encode()
    result = ingest.analyse(content, "v.csv")
    assert (result.errors, result.observations[["metric_id", "value"]].values.tolist()) == (
        [], [["volunteer_hours", 2.0], ["volunteer_person_times", 1.0], ["volunteers_active", 1.0]])


def test_service_time_as_a_span_is_its_day_and_headers_in_other_spellings_are_known():
    content = ("姓名,手机号,证件号,服务时长(小时),活动名称,活动时间,所属组织\r\n"
               "甲,13800000001,610102199001011230,2.0小时,讲解,2021.03.06 09:00-11:00,讲解队\r\n").encode("gbk")
    result = ingest.analyse(content, "v.csv")
    assert (result.errors, result.observations[["metric_id", "year", "month", "value"]].values.tolist()) == (
        [], [["volunteer_hours", 2021, 3, 2.0], ["volunteer_person_times", 2021, 3, 1.0], ["volunteers_active", 2021, 3, 1.0]])


def test_a_real_shaped_service_export_and_roster(con):
    assert ingest.ingest(con, 1, read("volunteer_service_2021.xlsx"), "s.xlsx", actor="test").status == "committed"
    roster = ingest.ingest(con, 1, read("volunteer_roster_2021.csv"), "r.csv", actor="test")
    assert roster.notices[0].message("zh") == (
        "已按 10 名志愿者计算月度数字。个人信息不保存：保存的文件是去掉了「姓名」、「身份证号」、「手机号码」列的副本，"
        "每人以加密哈希代替（原文件不保存）。")
    assert values(con) == {
        ("volunteer_hours", 2021, 3): 45.0, ("volunteer_hours", 2021, 4): 24.5,
        ("volunteer_person_times", 2021, 3): 16.0, ("volunteer_person_times", 2021, 4): 9.0,
        ("volunteers_active", 2021, 3): 8.0, ("volunteers_active", 2021, 4): 8.0,
        ("volunteers_registered", 2021, 5): 10.0, ("volunteer_teams", 2021, 5): 4.0}


def test_people_active_in_a_month_are_never_summed_over_months(con):
    ingest.ingest(con, 1, read("volunteer_service_2021.xlsx"), "s.xlsx", actor="test")
    found = {k.metric.metric_id: k.current for k in kpis.kpis_for_year(kpis.load_values(con, 1), catalog.load(), 2021)
             if k.metric.metric_id.startswith("volunteer")}
    assert (found["volunteers_active"].value, found["volunteers_active"].months) == (8.0, (4,))
    assert (found["volunteer_hours"].value, found["volunteer_person_times"].value) == (69.5, 25.0)


def test_registered_counts_people_registered_by_each_month_served():
    header = "志愿者编号,姓名,手机号,所属队伍,注册时间,活动名称,服务日期,服务时长\r\n"
    rows = ["V1,甲,13800000001,讲解队,2021-01-05,讲解,2021-03-06,2", "V2,乙,13800000002,亲子队,2021-04-02,讲解,2021-04-03,2",
            "V3,丙,13800000003,亲子队,,讲解,2021-04-03,1"]
    result = ingest.analyse((header + "\r\n".join(rows) + "\r\n").encode(), "v.csv")
    got = {(r.metric_id, r.month): r.value for r in result.observations.itertuples() if r.metric_id in ("volunteers_registered", "volunteer_teams")}
    # 乙 registered in April; 丙 has no date: on the roster now, so counted throughout
    assert got == {("volunteers_registered", 3): 2.0, ("volunteer_teams", 3): 2.0,
                   ("volunteers_registered", 4): 3.0, ("volunteer_teams", 4): 2.0}


def test_a_person_is_a_keyed_hash(monkeypatch):
    first = people.person_key("id_number:61010219850314002x")
    assert first == people.person_key("id_number:61010219850314002X ") and len(first) == 16
    monkeypatch.setenv("MUSEUM_PEOPLE_KEY", "another-install-key-0000")
    assert people.person_key("id_number:61010219850314002X") != first


def test_without_a_configured_key_one_is_generated_once_beside_the_secrets_file(monkeypatch, tmp_path):
    monkeypatch.delenv("MUSEUM_PEOPLE_KEY")
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    first = people.person_key("name:甲")
    assert (tmp_path / "people.key").stat().st_mode & 0o777 == 0o600
    assert people.person_key("name:甲") == first


def test_bad_cells_are_listed_without_echoing_an_id_or_phone_number(con):
    result = ingest.ingest(con, 1, read("bad_volunteer_cells.csv"), "b.csv", actor="test")
    assert [(p.row, p.column, p.value) for p in result.errors] == [
        (4, "服务时长（小时）", "***********"), (5, "服务日期", "下周六"), (6, None, None)]
    assert result.errors[0].message("en") == (
        "One service of more than 24 hours: probably another column's number (a phone, an ID) landed in the hours column. "
        "Check the row and export again.")
    undated = ingest.analyse(read("bad_volunteer_undated.csv"), "u.csv")
    assert [(p.row, p.key) for p in undated.errors] == [(1, "volunteers.error.undated")]
    # an office sheet that holds an ID number where a value belongs does not echo it either
    office = ingest.analyse(f"年份,指标,数值\r\n2021,科普图文,{PLANTED_ID}\r\n".encode(), "o.csv")
    assert office.status == "rejected" and all(PLANTED_ID not in str(p.as_json("zh")) for p in office.errors)


def _texts_in(path: Path) -> list[bytes]:
    """The file's bytes, and each member's when it is a zip (xlsx, docx, the pack)."""
    data = path.read_bytes()
    found = [data]
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found += [archive.read(name) for name in archive.namelist()]
    return found


def _leaks(blobs: list[bytes]) -> list[str]:
    return [p for p in PLANTED for blob in blobs if p.encode("utf-8") in blob or p.encode("utf-16-le") in blob]


def test_no_id_or_phone_number_reaches_the_database_the_output_or_the_exports(db_path, tmp_path, capsys):
    output = []
    for name in ("volunteer_service_2021.xlsx", "volunteer_roster_2021.csv", "bad_volunteer_cells.csv", "bad_volunteer_undated.csv"):
        for extra in ([], ["--json"], ["--dry-run", "--json"]):
            main(["ingest", str(SOURCES / name), "--db", str(db_path), *extra])
            captured = capsys.readouterr()
            output += [captured.out, captured.err]
    for command in (["values", "--year", "2021", "--json"], ["batches", "--json"], ["audit", "--json"]):
        main([*command, "--db", str(db_path)])
        output.append(capsys.readouterr().out)
    assert _leaks([text.encode("utf-8") for text in output]) == []
    pack = tmp_path / "pack"
    env = {**os.environ, "MUSEUM_PEOPLE_KEY": KEY}
    env.pop("MUSEUM_DB", None)
    exported = subprocess.run([sys.executable, "-m", "museum", "export", "--year", "2021", "--out", str(pack), "--db", str(db_path)],
                              capture_output=True, text=True, cwd=settings.ROOT, env=env, timeout=300)
    assert exported.returncode == 0, exported.stderr
    blobs = [blob for p in pack.rglob("*") if p.is_file() for blob in _texts_in(p)]
    assert any("志愿服务时长".encode() in blob for blob in blobs)  # the pack holds the volunteer figures
    assert _leaks(blobs + [exported.stdout.encode(), exported.stderr.encode()]) == []
    with db.session(db_path) as con:
        stored = [batches.stored_file_bytes(*row) for row in con.execute("select content, size, compression from stored_file").fetchall()]
        assert len(stored) >= 3 and _leaks(stored) == []
        tables = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = current_schema()").fetchall()]
        cells = [str(row).encode("utf-8") for t in tables for row in con.table(t).fetchall()]
        assert _leaks(cells) == []
    if not isinstance(db_path, str):  # the DuckDB file and its WAL (a PostgreSQL store has its tables, read above)
        assert _leaks([p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]) == []


def test_a_key_file_that_cannot_be_made_or_a_short_key_is_said_with_what_to_do(monkeypatch, tmp_path):
    from museum.errors import UsageError

    monkeypatch.setenv("MUSEUM_PEOPLE_KEY", "short")
    with pytest.raises(UsageError) as short:
        people.person_key("name:甲")
    assert short.value.message("zh") == "保护个人信息的密钥（MUSEUM_PEOPLE_KEY 或 [museum_people] key）只有 5 个字符，至少需要 16 个。请换一个更长的随机密钥。"

    monkeypatch.delenv("MUSEUM_PEOPLE_KEY")
    (tmp_path / "people.key").mkdir()  # a folder where the key file should be
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    with pytest.raises(UsageError) as refused:
        people.person_key("name:甲")
    assert refused.value.message("en") == (
        f"The key file that protects personal data, {tmp_path / 'people.key'}, cannot be created (Is a directory). Set "
        "MUSEUM_PEOPLE_KEY on the server (16 characters or more), or a key under [museum_people] in the secrets file, and try again.")


def service_csv(rows: list[str]) -> bytes:
    return ("姓名,身份证号,所属队伍,活动名称,服务日期,服务时长\r\n" + "\r\n".join(rows) + "\r\n").encode()


def test_overlapping_exports_never_count_a_person_or_a_service_twice_and_roll_back(con):
    first = ingest.ingest(con, 1, service_csv(["甲,610102199001011230,讲解队,讲解,2021-03-06,2",
                                               "乙,610102199001021231,讲解队,讲解,2021-03-13,3"]), "a.csv", actor="test")
    before = values(con)
    assert (before[("volunteers_active", 2021, 3)], before[("volunteer_hours", 2021, 3)]) == (2.0, 5.0)
    # a later export of the second half of March repeats 乙's service (hours corrected) and adds 丙's
    second = ingest.ingest(con, 1, service_csv(["乙,610102199001021231,讲解队,讲解,2021-03-13,2.5",
                                                "丙,610102199001031232,亲子队,讲解,2021-03-20,4"]), "b.csv", actor="test")
    assert second.notices[-1].message("zh") == "本文件中有 1 条服务记录或名册人员此前已导入，以本文件（最新）为准，不重复计算。"
    after = values(con)
    assert (after[("volunteers_active", 2021, 3)], after[("volunteer_person_times", 2021, 3)], after[("volunteer_hours", 2021, 3)]) == (
        3.0, 3.0, 8.5)
    assert con.execute("select count(*) from volunteer_record where retired_by_batch is null").fetchall() == [(3,)]
    ingest.rollback(con, second.batch_id, actor="test")
    assert values(con) == before
    assert first.batch_id is not None


def test_a_service_export_after_a_roster_counts_the_roster_at_each_month_end(con):
    roster = ("志愿者编号,姓名,所属团体,注册时间\r\nV1,甲,讲解队,2021-01-05\r\nV2,乙,亲子队,2021-04-02\r\n").encode()
    assert ingest.ingest(con, 1, roster, "r.csv", actor="test").status == "committed"
    assert values(con) == {("volunteers_registered", 2021, 4): 2.0, ("volunteer_teams", 2021, 4): 2.0}
    service = ("志愿者编号,姓名,活动名称,服务日期,服务时长\r\nV1,甲,讲解,2021-03-06,2\r\nV2,乙,讲解,2021-04-03,1\r\n").encode()
    assert ingest.ingest(con, 1, service, "s.csv", actor="test").status == "committed"
    got = values(con)
    assert (got[("volunteers_registered", 2021, 3)], got[("volunteer_teams", 2021, 3)], got[("volunteers_active", 2021, 4)]) == (1.0, 1.0, 1.0)


def test_with_review_on_a_roster_waits_without_personal_data_and_approving_it_reads_the_stored_copy(con):
    """A pending volunteer upload keeps only the copy without names, ID or phone numbers; approving it re-reads that
    copy and gives the figures a direct commit gives (issue 23)."""
    from museum.intake import review

    review.set_required(con, 1, True, actor="boss", role="admin")
    pending = [ingest.ingest(con, 1, read(name), name, actor="li")
               for name in ("volunteer_service_2021.xlsx", "volunteer_roster_2021.csv")]
    assert [r.status for r in pending] == ["pending", "pending"] and values(con) == {}
    tables = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                        "where table_schema = current_schema()").fetchall()]
    cells = [str(row).encode("utf-8") for t in tables for row in con.table(t).fetchall()]
    stored = [batches.stored_file_bytes(*row) for row in con.execute("select content, size, compression from stored_file").fetchall()]
    assert _leaks(cells + stored) == []  # the proposal and the stored copy alike
    for copy in stored:  # read again as the stored copy it is: the same people, the same bytes
        assert ingest.analyse(copy, "copy.csv", stored_copy=True).content == copy
    for result in pending:
        review.approve(con, result.batch_id, actor="boss", role="admin")
    assert values(con) == {
        ("volunteer_hours", 2021, 3): 45.0, ("volunteer_hours", 2021, 4): 24.5,
        ("volunteer_person_times", 2021, 3): 16.0, ("volunteer_person_times", 2021, 4): 9.0,
        ("volunteers_active", 2021, 3): 8.0, ("volunteers_active", 2021, 4): 8.0,
        ("volunteers_registered", 2021, 5): 10.0, ("volunteer_teams", 2021, 5): 4.0}


def test_an_uploaded_column_headed_like_the_stored_key_is_hashed_never_kept(con):
    """Only this install's own stored copy has its keys read as they are: a 16-digit card number typed under
    志愿者（密钥哈希） in an upload is hashed like any identity, and not stored."""
    card = "6222021234567890"
    content = ("志愿者（密钥哈希）,服务日期,服务时长\r\n" + f"{card},2021-03-06,2\r\n").encode()
    result = ingest.ingest(con, 1, content, "v.csv", actor="test")
    assert result.status == "committed" and card.encode() not in result.content
    stored = [batches.stored_file_bytes(*row) for row in con.execute("select content, size, compression from stored_file").fetchall()]
    assert stored and all(card.encode() not in blob for blob in stored)
    assert "志愿者（密钥哈希）" in result.notices[0].message("zh")  # named among the columns replaced
