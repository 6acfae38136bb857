"""The 报告 page (issue 21), both languages: the period's report previewed section by section (例外事项 first),
the 工作简报 and the digest as copyable text, the files built and offered, and 立即推送 for admins only."""

import pytest

from museum.cli import main
from tests.app.conftest import open_page, signed_in, texts
from tests.local_servers import Receiver

CORPUS_FILE = "tests/data/monthly/months_2022_2023.csv"
APRIL = {"year_1": 2023, "period_1_2023": "2023-04"}
BUILD_TIMEOUT = 240  # the files: kaleido start, the charts, a Chromium PDF print


@pytest.fixture
def corpus_app_db(app_db):
    from museum import settings

    assert main(["ingest", str(settings.ROOT / CORPUS_FILE), "--db", str(app_db)]) == 0
    return app_db


def expander_labels(at) -> list[str]:
    """The section expanders (a KPI block's own 数据来源 expander left out)."""
    return [e.label for e in at.expander if not e.label.startswith(("数据来源", "Sources", "Where"))]


def test_report_page_zh_previews_the_month_and_builds_the_files(corpus_app_db):
    at = open_page("app_pages/report.py", "zh", timeout=BUILD_TIMEOUT, session={**APRIL, **signed_in("viewer")})
    assert at.title[0].value == "报告"
    assert expander_labels(at)[:3] == ["例外事项（需决策）", "重点指标", "重点工作"]
    shown = texts(at)
    assert "落后序时进度" not in shown and "同比大幅下降：科普图文60篇，4月同比−40.0%，请核实原因。" in shown
    brief, digest = (c.value for c in at.code)
    assert brief.startswith("西安市科学技术馆2023年4月工作简报\n\n一、本月重点工作完成情况（0项）")
    assert digest.startswith("### 西安市科学技术馆 2023年4月运营简报")
    assert "立即推送" not in [b.label for b in at.button]  # a viewer cannot send the digest
    assert "推送由管理员操作" in shown
    next(b for b in at.button if b.label == "生成报告文件").click().run()
    assert not at.exception
    assert [d.proto.label for d in at.get("download_button") if d.proto.label.startswith("下载 ")] == [
        "下载 运营月报-2023年4月.docx", "下载 运营月报-2023年4月.pdf", "下载 工作简报-2023年4月.txt"]


def test_report_page_en_and_an_admin_sends_the_digest_now(corpus_app_db, tmp_path, monkeypatch):
    receiver = Receiver()
    try:
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(f'[[museum_digest.wecom]]\nname = "Leaders"\nwebhook = "{receiver.url("/send?key=K")}"\n',
                           encoding="utf-8")
        monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(secrets))
        at = open_page("app_pages/report.py", "en", session={**APRIL, **signed_in("admin")})
        assert at.title[0].value == "Report"
        assert expander_labels(at)[0] == "Exceptions (need a decision)"
        send = next(b for b in at.button if b.label == "Send now")
        send.click().run()
        assert not at.exception
        assert [s.value for s in at.success] == ["WeCom → Leaders: sent"]
        assert receiver.requests[0][1]["markdown"]["content"].startswith("### 西安市科学技术馆: operations digest, Apr 2023")
        next(b for b in at.button if b.label == "Send now").click().run()
        assert "already sent for this period" in at.info[-1].value and len(receiver.requests) == 1
    finally:
        receiver.stop()
