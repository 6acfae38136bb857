"""Personal data in volunteer exports worded another way (a tester's finding): a header such as
身份证号/护照号, 手机号码（+86）, 紧急联系人电话 or 监护人手机, or a number typed into 备注, never reaches
the stored copy, the database, the output or the notices; the figures are those of the plainly headed file,
and the stored copy read again (a pending upload approved) gives them too."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest

from museum.cli import main
from museum.errors import InputRejected
from museum.intake import analysis as intake_analysis
from museum.intake import ingest, people
from museum.sources import volunteers
from museum.store import batches, db

IDS = ["610102199203154417", "61011319880808123X", "610103200101017777", "610104197512316541"]
PHONES = ["13812340001", "15987650002", "18611110003", "17722220004"]
LANDLINE = "029-87654321"
# every planted number as it may be written, and as digits alone; a spreadsheet's shortening of an ID
NEEDLES = sorted({*IDS, *(i.lower() for i in IDS), *PHONES, "87654321", "6.1010219920315", "6101021992031544",
                  "+86 159 8765 0002", "159 8765 0002", "159-8765-0002"})


def _digits(text: str) -> str:
    return re.sub(r"[^0-9Xx]", "", text)


def _bare(text: str) -> str:
    """`text` without the separators a number is written with (spaces, dashes, +, brackets)."""
    return re.sub(r"[\s\-+()（）]", "", text).upper()


def leaks(texts: list[str]) -> list[str]:
    """The planted numbers found in `texts`, as written or with their separators dropped."""
    return sorted({needle for text in texts for needle in NEEDLES
                   if needle in text or (len(_digits(needle)) >= 11 and _digits(needle).upper() in _bare(text))})


def _blob_texts(blob: bytes) -> list[str]:
    return [blob.decode(encoding, errors="ignore") for encoding in ("utf-8", "gbk", "utf-16-le")]


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(rows: list[list], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def plain_service() -> bytes:
    """The service records with the headers every reader knows."""
    rows = [["姓名", "身份证号", "手机号", "所属组织", "活动名称", "服务日期", "服务时长"]]
    for day in (5, 12):
        rows += [[f"赵{p}", IDS[p], PHONES[p], "科普讲解队", "展厅讲解", f"2025-04-{day:02d}", 2.5 + p] for p in range(4)]
    return _xlsx(rows)


def odd_service() -> bytes:
    """The same records as a platform exports them with other wordings, third parties' numbers and notes."""
    rows = [["志愿汇·服务时长明细（2025年4月）"],
            ["序号", "志愿者姓名", "身份证号/护照号", "手机号码（+86）", "所属组织", "活动名称", "服务日期", "服务时长",
             "紧急联系人电话", "监护人手机", "微信号", "电子邮箱（E-mail）", "证件类型", "备注"]]
    notes = ["紧急联系人15987650002", f"家里电话 {LANDLINE}", "+86 159 8765 0002 (父亲)", f"身份证 {IDS[3]}"]
    n = 0
    for day in (5, 12):
        for p in range(4):
            n += 1
            rows.append([n, f"赵{p}", IDS[p], int(PHONES[p]), "科普讲解队", "展厅讲解", f"2025-04-{day:02d}", 2.5 + p,
                         PHONES[(p + 1) % 4], f"{PHONES[(p + 2) % 4][:3]}-{PHONES[(p + 2) % 4][3:7]}-{PHONES[(p + 2) % 4][7:]}",
                         f"wx{PHONES[p]}", f"{PHONES[p]}@qq.com", "居民身份证", notes[p] if day == 5 else None])
    return _xlsx(rows)


def odd_roster() -> bytes:
    """An i志愿-style roster, GBK CSV: the ID under 证件号码（身份证/护照）, the phone under 联系方式, a parent's too."""
    rows = [["序号", "姓名", "性别", "证件号码（身份证/护照）", "联系方式", "注册日期", "所属团体", "家长姓名", "家长电话", "备注"]]
    rows += [[p + 1, f"李{p}", "男", IDS[p], PHONES[p], f"2025-0{p + 1}-10", "周末亲子队", f"李父{p}", PHONES[(p + 1) % 4],
              "6.10102199203154E+17" if p == 0 else "(029)8765 4321"] for p in range(4)]
    return _csv(rows, "gbk")


def figures(result) -> list:
    return sorted(result.observations[["metric_id", "year", "month", "value"]].values.tolist())


EXPECTED = [["volunteer_hours", 2025, 4, 32.0], ["volunteer_person_times", 2025, 4, 8.0], ["volunteers_active", 2025, 4, 4.0]]


def test_headers_that_name_an_identity_document_or_a_contact_are_personal_however_worded():
    assert {h: volunteers.personal_header(h) for h in (
        "身份证号/护照号", "证件号码（身份证/护照）", "护照号码", "手机号码（+86）", "手机号(必填)", "联系方式", "Mobile",
        "紧急联系人电话", "监护人手机", "家长电话", "紧急联系人", "证件类型", "微信号", "电子邮箱（E-mail）", "QQ号",
        "联系地址", "家长姓名", "志愿者姓名（实名）")} == {
        "身份证号/护照号": "id_number", "证件号码（身份证/护照）": "id_number", "护照号码": "id_number",
        "手机号码（+86）": "phone", "手机号(必填)": "phone", "联系方式": "phone", "Mobile": "phone",
        "紧急联系人电话": "other", "监护人手机": "other", "家长电话": "other", "紧急联系人": "other", "证件类型": "other",
        "微信号": "other", "电子邮箱（E-mail）": "other", "QQ号": "other", "联系地址": "other", "家长姓名": "other",
        "志愿者姓名（实名）": "name"}
    assert [h for h in ("所属组织", "活动名称", "服务日期", "服务时长", "备注", "性别", "志愿者编号", "注册日期")
            if volunteers.personal_header(h)] == []


@pytest.mark.parametrize("text", [
    "紧急联系人15987650002", "+86 159 8765 0002", "(+86)15987650002", "159-8765-0002", "８６１５９８７６５０００２",
    "610102199203154417", "61011319880808123x", "身份证:610102 19920315 4417", "6.10102199203154E+17",
    "610102920315441", "029-87654321", "(0571)8765 4321", "029-8765432转801", "6222021234567890123",
    "邮箱 zhao.san1998@163.com"])
def test_a_number_that_looks_personal_is_masked_in_any_cell(text):
    masked = people.scrub(text)
    assert people.MASK in masked and not re.search(r"[0-9]{7}", _digits(masked)) and "@" not in masked


@pytest.mark.parametrize("text", ["2025-04-05", "2025/04/05 09:00", "2021-03-06 09:00-11:00", "20250301", "2.5",
                                  "90分钟", "V2020000", "科普讲解队", "第13期", "45000.5", "1381234000"])
def test_dates_hours_and_plain_text_are_kept_as_they_are(text):
    assert people.scrub(text) == text


def test_a_column_told_only_by_its_wording_never_makes_a_sheet_a_volunteer_list_alone():
    assert not volunteers.is_volunteer_header({"phone": 3}, {"phone"})
    assert volunteers.is_volunteer_header({"phone": 3})  # a known header, as before
    assert volunteers.is_volunteer_header({"id_number": 0, "date": 1, "hours": 2}, {"id_number"})


@pytest.mark.parametrize("make, name", [(odd_service, "odd.xlsx"), (odd_roster, "odd_roster.csv")])
def test_the_stored_copy_has_no_personal_column_or_number_and_reads_back_to_the_same_figures(make, name):
    result = ingest.analyse(make(), name)
    assert result.status == "valid", [p.as_json("en") for p in result.errors]
    copy = result.content
    assert leaks(_blob_texts(copy)) == []
    header = copy.decode("utf-8-sig").splitlines()[0].split(",")
    assert [h for h in header if volunteers.personal_header(h)] == []
    assert people.MASK in copy.decode("utf-8-sig")
    again = ingest.analyse(copy, "copy.csv", stored_copy=True)  # a pending upload approved reads this copy
    assert (again.content, figures(again)) == (copy, figures(result))


def test_figures_are_those_of_the_plainly_headed_file():
    plain, odd = ingest.analyse(plain_service(), "plain.xlsx"), ingest.analyse(odd_service(), "odd.xlsx")
    assert figures(plain) == figures(odd) == EXPECTED
    roster = ingest.analyse(odd_roster(), "r.csv")
    assert figures(roster) == [["volunteer_teams", 2025, 4, 1.0], ["volunteers_registered", 2025, 4, 4.0]]


def _everything_in(con) -> list[str]:
    tables = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                        "where table_schema = current_schema()").fetchall()]
    texts = [str(row) for t in tables for row in con.table(t).fetchall()]
    for row in con.execute("select content, size, compression from stored_file").fetchall():
        texts += _blob_texts(batches.stored_file_bytes(*row))
    return texts


def test_no_planted_number_reaches_the_database_the_output_or_the_notices(db_path, tmp_path, capsys):
    output = []
    for make, name in ((odd_service, "odd.xlsx"), (odd_roster, "odd_roster.csv")):
        path = tmp_path / name
        path.write_bytes(make())
        for extra in (["--dry-run", "--json"], ["--json"], []):
            main(["ingest", str(path), "--db", str(db_path), *extra])
            captured = capsys.readouterr()
            output += [captured.out, captured.err]
        for lang in ("zh", "en"):
            output += [n.message(lang) for n in ingest.analyse(make(), name).notices]
    for command in (["values", "--year", "2025", "--json"], ["batches", "--json"], ["audit", "--json"]):
        main([*command, "--db", str(db_path)])
        output.append(capsys.readouterr().out)
    assert leaks(output) == []
    with db.session(db_path) as con:
        assert con.execute("select count(*) from stored_file").fetchall()[0][0] >= 2
        assert leaks(_everything_in(con)) == []
        got = con.execute("select metric_id, month, value from observation where retired_by_batch is null "
                          "and metric_id like 'volunteer%' and year = 2025 order by 1, 2").fetchall()
    assert got == [("volunteer_hours", 4, 32.0), ("volunteer_person_times", 4, 8.0), ("volunteer_teams", 4, 1.0),
                   ("volunteers_active", 4, 4.0), ("volunteers_registered", 4, 4.0)]
    if not isinstance(db_path, str):  # the DuckDB file and its WAL themselves
        files = [p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
        assert leaks([text for blob in files for text in _blob_texts(blob)]) == []


def test_with_review_the_pending_upload_keeps_nothing_personal_and_approving_it_gives_the_same_figures(con):
    from museum.intake import review

    review.set_required(con, 1, True, actor="boss", role="admin")
    pending = ingest.ingest(con, 1, odd_service(), "odd.xlsx", actor="li")
    assert pending.status == "pending" and leaks(_everything_in(con)) == []
    review.approve(con, pending.batch_id, actor="boss", role="admin")
    got = con.execute("select metric_id, year, month, value from observation where retired_by_batch is null "
                      "and metric_id like 'volunteer%' and year = 2025 order by 1, 2, 3").fetchall()
    assert [list(r) for r in got] == EXPECTED and leaks(_everything_in(con)) == []


def test_the_volunteer_module_tells_the_columns_left_out_and_the_cells_masked():
    found = volunteers.recognise(intake_analysis.read_book(odd_service(), None).sheets)
    records = volunteers.read(found).records
    said = volunteers.notices(found, records)
    zh, en = [n.message("zh") for n in said], [n.message("en") for n in said]
    for header in ("志愿者姓名", "身份证号/护照号", "手机号码（+86）", "紧急联系人电话", "监护人手机", "微信号", "电子邮箱（E-mail）", "证件类型"):
        assert f"「{header}」" in zh[0] and f"“{header}”" in en[0]
    # the four notes with a number, and nothing else
    assert volunteers.masked_cells(found, records) == 4
    assert zh[1] == "另有 4 个保留的单元格中含有像证件号码、电话号码或电子邮箱的内容，保存的副本中已替换为 ***。"
    assert en[1] == "4 kept cells held what looks like an ID number, a phone number or an e-mail address; the stored copy has *** in its place."
    assert not re.search(r"[，。；：、（）！？]", en[1]) and leaks(zh + en) == []


def test_the_upload_notice_names_every_column_left_out_and_the_cells_masked():
    result = ingest.analyse(odd_service(), "odd.xlsx")
    zh = [n.message("zh") for n in result.notices]
    assert "「紧急联系人电话」" in zh[0] and "「监护人手机」" in zh[0] and "「身份证号/护照号」" in zh[0]
    assert zh[1].startswith("另有 4 个保留的单元格") and leaks(zh) == []
    en = [n.message("en") for n in result.notices]
    assert en[1].startswith("4 kept cells") and json.dumps(en, ensure_ascii=False).find("，") == -1


@pytest.mark.parametrize("header, cell", [("志愿服务时长（小时）", 2.5), ("服务时长(小时)", "2.5"), ("服务时长（分钟）", 150),
                                          ("志愿时长（min）", "150")])
def test_an_hours_column_with_its_unit_in_brackets_is_read_in_that_unit(header, cell):
    rows = [["姓名", "身份证号", "服务日期", header]] + [[f"赵{p}", IDS[p], "2025-04-05", cell] for p in range(4)]
    result = ingest.analyse(_xlsx(rows), "hours.xlsx")
    assert result.status == "valid", [e.message("zh") for e in result.errors]
    assert ["volunteer_hours", 2025, 4, 10.0] in figures(result)


def cover_and_data(contact: str) -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "封面"
    for row in (["2025年1-3月科普工作统计"], ["填报单位", "示例科技馆"], ["联系人", "王老师"], ["联系电话", contact]):
        cover.append(row)
    data = book.create_sheet("数据")
    for row in (["月份", "科普图文（篇）", "接待观众人次"], ["1月", 40, 30000], ["2月", 41, 20000], ["3月", 42, 15000]):
        data.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_cover_sheet_with_an_office_phone_is_no_volunteer_list():
    result = ingest.analyse(cover_and_data("029-88886666"), "2025年一季度.xlsx")
    assert (result.status, result.layout) == ("valid", "month_rows"), [e.message("zh") for e in result.errors]
    assert len(result.observations) == 6


def test_an_office_sheet_holding_a_mobile_number_is_refused_saying_where_and_nothing_is_stored(con):
    result = ingest.analyse(cover_and_data(PHONES[0]), "2025年一季度.xlsx")
    assert result.status == "rejected"
    [first] = [e for e in result.errors if e.key == "intake.error.personal_number"]
    assert (first.row, first.column) == (4, "B")  # the problem list's own columns
    assert first.message("zh").startswith("有手机号码或身份证号码（工作表“封面”）：看板不保存个人信息，文件未导入。")
    assert first.message("en").startswith("Holds a mobile or ID number (sheet “封面”): the dashboard keeps no personal data")
    assert leaks([e.message("zh") for e in result.errors] + [json.dumps(e.as_json(), ensure_ascii=False) for e in result.errors]) == []
    before = _everything_in(con)
    with pytest.raises(InputRejected):
        ingest.commit(con, 1, result, actor="test")
    assert _everything_in(con) == before


@pytest.mark.parametrize("label, cell, refused", [
    ("统一社会信用代码", "12610100435200123X", False),  # an organisation's code, not a person's ID
    ("说明", "全年经费13900000000.00元", False),          # an amount, not a mobile
    ("联系电话", "029-88886666", False),                 # the office's landline
    ("联系电话", "１３９１２３４５６７８", True),           # a mobile in full-width digits
    ("联系人身份证", 6.10102199203154e17, True),           # an ID a spreadsheet kept as a number
])
def test_what_makes_an_office_workbook_personal(label, cell, refused):
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append([label, cell])
    data = book.create_sheet("数据")
    for row in (["月份", "接待观众人次"], ["1月", 30000]):
        data.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = ingest.analyse(buffer.getvalue(), "2025年1月.xlsx")
    assert ("intake.error.personal_number" in [e.key for e in result.errors]) is refused


@pytest.mark.parametrize("note", ["9f13912345678ab0c", "https://example.cn/item/13912345678x", "编号A610102199203154417B"])
def test_digits_inside_a_code_or_a_hash_are_no_personal_number(note):
    book = openpyxl.Workbook()
    for row in (["月份", "接待观众人次", "备注"], ["1月", 30000, note]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = ingest.analyse(buffer.getvalue(), "2025年1月.xlsx")
    assert "intake.error.personal_number" not in [e.key for e in result.errors]
