"""数据上传 and 上传记录 pages in zh and en (AppTest): preview, every error, commit, history, rollback."""

from __future__ import annotations

from pathlib import Path

from museum.intake import ingest
from museum.store import db
from tests.app.conftest import open_page as open_app, signed_in, texts, unescaped

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
UPLOAD, HISTORY = "app_pages/upload.py", "app_pages/history.py"


def open_page(page: str, lang: str):
    """The page as a signed-in editor (data pages are closed to viewers and before any account)."""
    return open_app(page, lang, session=signed_in("editor"))


def upload(at, name: str):
    at.file_uploader(key="intake_file").upload(name, (CORPUS / name).read_bytes(), "text/csv")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def batch_rows(path):
    with db.session(path) as con:
        return con.execute("select batch_id, kind, file_name, inserted, rolled_back_by from batch order by batch_id").fetchall()


def source(at) -> dict:
    """What the page says the upload was read as (its first table)."""
    table = at.dataframe[0].value
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1]))


def counts(at) -> dict:
    """The preview's one line of counts ("新增 **5** · 修改 **0** …") as {label: number}."""
    line = next(m.value for m in at.markdown if m.value.startswith(("新增 **", "New **")))
    return {part.split(" **")[0]: part.split("**")[1] for part in line.split(" · ")}


def frame_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_upload_gbk_preview_then_commit_zh(app_db):
    at = upload(open_page(UPLOAD, "zh"), "good_long_gbk.csv")
    assert source(at) == {"识别的格式": "办公表格（长表）", "平台": "全矩阵合计", "覆盖期间": "2023-01-01 – 2023-12-31",
                          "年份来自": "年份列", "读取为": "中文 Windows 文本（GBK）"}
    assert counts(at) == {"新增": "5", "修改": "0", "不变": "0", "跳过": "0"}
    assert not at.metric  # one line, not four boxes that fill a phone's screen
    preview = frame_with(at, "变化")
    assert list(preview.columns) == ["变化", "指标", "期间", "原值", "新值"]
    assert preview.values.tolist() == [
        ["新增", "科普图文", "2023年", "", "4870篇"],
        ["新增", "科普短视频", "2023年", "", "312条"],
        ["新增", "直播活动", "2023年1月", "", "1场次"],
        ["新增", "直播活动", "2023年2月", "", "2场次"],
        ["新增", "总访问量", "2023年", "", "400万+次"],
    ]
    assert len(batch_rows(app_db)) == 1  # nothing written by the preview
    at.button(key="intake_commit").click()
    at.run()
    # after the commit the preview, its "valid" box and the button are gone; the outcome stays
    assert "已导入：批次 #2，新增 5，修改 0，不变 0。" in texts(at)
    assert "校验通过。请检查下面的变化，确认无误后点击“确认导入”。" not in texts(at)
    assert [b.key for b in at.button if b.key == "intake_commit"] == []
    assert batch_rows(app_db)[-1] == (2, "upload", "good_long_gbk.csv", 5, None)
    at.run()
    assert "已导入：批次 #2，新增 5，修改 0，不变 0。" in texts(at)


def test_rejected_file_lists_every_problem_en(app_db):
    at = upload(open_page(UPLOAD, "en"), "bad_many_errors.csv")
    assert "The file has 5 problems and nothing was written." in texts(at)
    problems = frame_with(at, "Problem")
    assert list(problems.columns) == ["Row", "Column", "Value", "Problem"]
    assert problems[["Row", "Column", "Value"]].values.tolist() == [
        ["3", "指标", "科普图问"], ["4", "数值", "很多"], ["5", "月份", "14"], ["6", "年份", "1990"], ["7", "数值", "-1"],
    ]
    assert problems["Problem"].iloc[4] == "This metric cannot be negative."
    assert [b.key for b in at.button if b.key == "intake_commit"] == []
    assert len(batch_rows(app_db)) == 1


def test_a_whole_file_problem_has_no_row(app_db):
    at = upload(open_page(UPLOAD, "zh"), "bad_empty.csv")
    problems = frame_with(at, "问题")
    assert problems["行"].tolist() == [""]
    assert "None" not in " ".join(str(v) for v in problems.values.ravel())


def test_every_sheet_is_read_and_the_skipped_one_says_why(app_db):
    at = open_page(UPLOAD, "zh")
    at.file_uploader(key="intake_file").upload("good_multi_sheet.xlsx", (CORPUS / "good_multi_sheet.xlsx").read_bytes(), "application/octet-stream")
    at.run()
    sheets = frame_with(at, "工作表")
    assert sheets[["工作表", "结果", "数值个数"]].values.tolist() == [["说明", "已跳过", 0], ["数据", "已读取", 1]]
    assert sheets["说明"].iloc[0].startswith("前 20 行中找不到表头。")
    assert counts(at)["新增"] == "1"


def test_a_month_row_sheet_with_an_unknown_column_maps_it_and_remembers(app_db):
    at = open_page(UPLOAD, "zh")
    name = "good_month_rows_title.xlsx"
    at.file_uploader(key="intake_file").upload(name, (CORPUS / name).read_bytes(), "application/octet-stream")
    at.run()
    assert source(at)["识别的格式"] == "办公表格（按月）" and source(at)["年份来自"] == "表头上方的标题"
    mapping = next(s for s in at.selectbox if s.label.startswith("列「图文发布量」"))
    assert mapping.value == ""  # never mapped on a guess
    months = frame_with(at, "2023年1月")
    assert months.iloc[0].tolist()[:3] == ["科普图文", "全矩阵合计", "— → 403篇"]
    mapping.select("douyin_hot_list").run()
    assert "抖音热榜全国榜top50上榜" in frame_with(at, "2023年1月")["指标"].tolist()
    at.button(key="intake_commit").click().run()
    with db.session(app_db) as con:
        assert ingest.load_aliases(con, 1) == {"图文发布量": "douyin_hot_list"}


def test_a_douyin_export_is_read_as_the_platforms_breakdown(app_db):
    at = open_page(UPLOAD, "zh")
    name = "douyin_works_20210415.xlsx"
    content = (CORPUS.parent / "sources" / name).read_bytes()
    at.file_uploader(key="intake_file").upload(name, content, "application/octet-stream")
    at.run()
    assert source(at) == {"识别的格式": "抖音 投稿作品数据", "平台": "抖音", "覆盖期间": "2021-03-02 – 2021-04-04",
                          "年份来自": "—", "读取为": "Excel 工作簿（.xlsx）"}
    months = frame_with(at, "2021年3月")
    assert months.iloc[1].tolist() == ["科普短视频", "抖音", "— → 8条", "— → 1条"]


def test_history_rollback_and_refusal_zh(app_db):
    with db.session(app_db) as con:
        first = ingest.ingest(con, 1, (CORPUS / "good_long_utf8.csv").read_bytes(), "a.csv", actor="test")
        second = ingest.ingest(con, 1, b"\xef\xbb\xbf\xe5\xb9\xb4\xe4\xbb\xbd,\xe6\x8c\x87\xe6\xa0\x87,\xe6\x95\xb0\xe5\x80\xbc\r\n2023,posts,5000\r\n", "b.csv", actor="test")
    assert (first.batch_id, second.batch_id) == (2, 3)
    at = open_page(HISTORY, "zh")
    table = frame_with(at, "批次")
    assert table[["批次", "类型", "文件或内容", "新增", "修改", "状态"]].values.tolist()[:3] == [
        [3, "上传", "b.csv", 0, 1, "有效"], [2, "上传", "a.csv", 5, 0, "有效"], [1, "内置数据", "report.txt", 61, 0, "有效"],
    ]
    # the newest batch is chosen first: what it would change back is there before anyone rolls it back
    changes = next(d.value for d in at.dataframe if "仍有效" in d.value.columns)
    assert changes.values.tolist() == [["科普图文", "2023年", "4870篇", "5000篇", "是"]]
    at.selectbox(key="history_batch").select(2)
    at.run()
    assert at.button(key="history_rollback_2").disabled
    at.checkbox(key="history_confirm_2").check()
    at.run()
    at.button(key="history_rollback_2").click()
    at.run()
    assert "不能回滚批次 #2：之后的批次 #3 修改了它写入的数值。请先回滚这些较新的批次。" in [unescaped(e.value) for e in at.error]
    at.selectbox(key="history_batch").select(3)
    at.run()
    at.checkbox(key="history_confirm_3").check()
    at.run()
    at.button(key="history_rollback_3").click()
    at.run()
    assert "已回滚批次 #3（记录为批次 #4），看板已恢复到该批次之前的数值。" in [unescaped(s.value) for s in at.success]
    assert batch_rows(app_db)[2][4] == 4


def test_history_en_download_button(app_db):
    with db.session(app_db) as con:
        ingest.ingest(con, 1, (CORPUS / "good_script_note.csv").read_bytes(), "notes.csv", actor="test")
    at = open_page(HISTORY, "en")
    table = frame_with(at, "Batch")
    assert list(table.columns) == ["Batch", "Kind", "Time", "User", "File or content", "New", "Changed", "Unchanged", "Skipped", "State"]
    assert table["Kind"].tolist() == ["upload", "embedded data"]
    downloads = at.get("download_button")
    assert len(downloads) == 1
    assert "Download the original file" in str(downloads[0].proto.label)


def submit(at):
    """The correction form's submit button (it checks; a second step saves)."""
    return next(b for b in at.button if b.label == "检查更正")


def test_correction_form(app_db):
    at = open_page(UPLOAD, "zh")
    metric = at.selectbox(key="correction_metric")
    metric.select(next(o for o in metric.options if o.startswith("科普图文")))
    at.number_input(key="correction_year").set_value(2023)
    at.run()
    assert "当前没有数值。" in texts(at)
    at.text_input(key="correction_value").input("很多")
    submit(at).click()
    at.run()
    assert [e.value for e in at.error] == ["“很多”不是该指标（单位：篇）的数值。可写 5528、5,528、500万、超500万、约3000。"]
    at.text_input(key="correction_value").input("4,870")
    at.text_input(key="correction_note").input("补录")
    submit(at).click()
    at.run()
    assert len(batch_rows(app_db)) == 1  # checked, shown, not yet saved
    assert "请确认更正：科普图文，2023年：无 → 4870篇。确认后写入一个新批次，可在“上传记录”中回滚。" in texts(at)
    at.button(key="correction_save").click()
    at.run()
    assert "已保存：批次 #2。" in [unescaped(s.value) for s in at.success]
    assert "当前数值：4870篇（批次 #2）" in texts(at)
    assert batch_rows(app_db)[-1] == (2, "correction", None, 1, None)


def test_a_volunteer_export_says_what_is_not_kept_and_stores_the_copy_without_it(app_db):
    at = open_page(UPLOAD, "zh")
    name = "volunteer_service_2021.xlsx"
    at.file_uploader(key="intake_file").upload(name, (CORPUS.parent / "sources" / name).read_bytes(), "application/octet-stream")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert source(at)["识别的格式"] == "志愿者名册 / 服务时长记录"
    assert [w.value for w in at.warning] == [
        "已按 8 名志愿者计算月度数字。个人信息不保存：保存的文件是去掉了「姓名」、「证件号码」、「手机号」列的副本，每人以加密哈希代替（原文件不保存）。"]
    at.button(key="intake_commit").click()
    at.run()
    with db.session(app_db) as con:
        sha = con.execute("select file_sha256 from batch order by batch_id desc limit 1").fetchall()[0][0]
        kept = ingest.stored_file(con, sha).decode("utf-8-sig")
    assert kept.splitlines()[0] == "志愿者（密钥哈希）,序号,性别,所属队伍,活动名称,服务日期,服务时长（小时）"
    assert "61010219850314002X" not in kept and "13912345678" not in kept
