"""The one-value correction (issue 18, item 11): the upload's plausibility bound, a confirm step
showing old → new with every digit, and a save refused when the value moved since (AppTest)."""

from __future__ import annotations

from museum.intake import ingest
from museum.store import db
from tests.app.conftest import open_page as open_app, signed_in, texts, unescaped

UPLOAD = "app_pages/upload.py"


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def corrections(path) -> int:
    with db.session(path) as con:
        return con.execute("select count(*) from batch where kind = 'correction'").fetchone()[0]


def with_posts(app_db, value: int):
    with db.session(app_db) as con:
        ingest.ingest(con, 1, f"年份,指标,数值\r\n2023,posts,{value}\r\n".encode(), f"posts-{value}.csv", actor="test")


def opened(lang: str = "zh"):
    at = open_app(UPLOAD, lang, session=signed_in("editor"))
    metric = at.selectbox(key="correction_metric")
    metric.select(next(o for o in metric.options if o.startswith(("科普图文", "Science posts"))))
    at.number_input(key="correction_year").set_value(2023)
    return run(at)


def check(at, text: str):
    at.text_input(key="correction_value").input(text)
    next(b for b in at.button if b.label in ("检查更正", "Check the correction")).click()
    return run(at)


def test_a_value_beyond_the_bound_is_refused_then_confirmed_with_every_digit(app_db):
    with_posts(app_db, 4870)
    at = check(opened("zh"), "99,999,999")
    assert [unescaped(e.value) for e in at.error] == [
        "“99,999,999”超过该指标的合理上限（200,000篇），很可能多打了几位或单位不对。如确认无误，请勾选“数值确实超出合理范围”后再检查。"]
    assert [b.key for b in at.button if b.key == "correction_save"] == []
    at.checkbox(key="correction_allow").check()
    check(at, "99,999,999")
    assert "请确认更正：科普图文，2023年：4870篇 → 1亿篇（99,999,999篇）。确认后写入一个新批次，可在“上传记录”中回滚。" in texts(at)
    assert "10000万" not in texts(at)
    assert corrections(app_db) == 0
    at.button(key="correction_save").click()
    run(at)
    assert corrections(app_db) == 1


def test_cancel_writes_nothing_en(app_db):
    at = check(opened("en"), "5,000")
    assert "Please confirm: Science posts, 2023: none → 5,000 posts." in texts(at)
    at.button(key="correction_cancel").click()
    run(at)
    assert [b.key for b in at.button if b.key == "correction_save"] == [] and corrections(app_db) == 0


def test_a_save_after_the_value_changed_elsewhere_is_refused(app_db):
    with_posts(app_db, 4870)
    at = check(opened("zh"), "4,900")
    assert "4870篇 → 4900篇" in texts(at)
    with_posts(app_db, 5000)  # another tab imports a new 科普图文 for 2023 meanwhile
    at.button(key="correction_save").click()
    run(at)
    assert [unescaped(e.value) for e in at.error] == [
        "确认之后，该数值已被另一次保存或导入修改（可能在另一个标签页或由同事完成），本次更正未保存。请查看当前数值后重新检查。"]
    assert corrections(app_db) == 0
