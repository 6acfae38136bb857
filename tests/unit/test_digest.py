"""The digest (issue 21): its text, and its delivery to a local SMTP server and a local HTTP receiver on
127.0.0.1 — the exact payloads, 钉钉's signature, the rate limit, the audit lines, a failed channel
that stops nothing else, and no second sending for one period unless forced."""

import base64
import email
import email.policy
import hashlib
import hmac
import json
import urllib.parse

import pytest

from museum.cli import main
from museum.export import deliver, push
from museum.export.deliver import Channel, RateLimit
from museum.export.digest import digest_text
from museum.export.exceptions import Finding
from museum.store import audit, db
from tests.local_servers import Receiver, smtp_server
from tests.unit.test_monthly_report import corpus_db, monthly_of  # noqa: F401 (fixture)

SECRET = "SEC000000000000000000000000000000000000000000000000000000000000000"


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.stop()


@pytest.fixture
def smtp():
    controller, inbox, _ = smtp_server()
    yield controller, inbox
    controller.stop()


def audit_lines(path):
    with db.session(path) as con:
        return list(reversed(audit.entries(con, action="digest_sent")["detail"]))


def email_channel(controller, recipients, **extra):
    config = {"host": "127.0.0.1", "port": controller.port, "security": "none", "sender": "kanban@museum.example.cn",
              "recipients": recipients, **extra}
    return deliver.channels({"museum_digest": {"email": config}})[0]


# --- the text ------------------------------------------------------------------------------------

def test_the_digest_text_of_the_corpus_month(corpus_db):
    text = digest_text(monthly_of(corpus_db, "2023-04"))
    assert text.splitlines() == [
        "### 西安市科学技术馆 2023年4月运营简报",
        "**主要数据**",
        "- 科普图文 **60篇**，同比 −40.0%，环比 −40.0%",
        "- 科普短视频 **30条**，同比 +50.0%，环比 +50.0%",
        "- 粉丝增长 **1000人**，同比 +0.0%，环比 +0.0%",
        "**例外事项（3项）**",
        "- 科普图文60篇，4月同比−40.0%，请核实原因。",
        "- 总访问量前 3 个月均有填报，2023年4月尚无数据，请补报。",
        "- 科普短视频30条，4月同比+50.0%，请核实是否口径变化。",
    ]


def test_the_digest_never_exceeds_20_lines_and_counts_what_it_leaves_out(corpus_db):
    monthly = monthly_of(corpus_db, "2023-04")
    monthly.findings = [Finding("implausible", "posts", f"第{i}项") for i in range(30)]
    monthly.score = ["2023年绩效自评得分 60 分。"]
    lines = digest_text(monthly).splitlines()
    assert len(lines) == 20
    assert lines[-2] == "- 另有 18 项，见报告" and lines[-1].startswith("**绩效自评**")


# --- the robots ----------------------------------------------------------------------------------

def test_dingtalk_signature_on_a_fixed_timestamp_and_secret():
    stamp = 1700000000000
    # the literal was computed independently: printf "$stamp\n$secret" | openssl dgst -sha256 -hmac "$secret" -binary | base64
    assert deliver.dingtalk_sign(SECRET, stamp) == "mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D"
    expected = base64.b64encode(hmac.new(SECRET.encode(), f"{stamp}\n{SECRET}".encode(), hashlib.sha256).digest())
    assert urllib.parse.unquote_plus(deliver.dingtalk_sign(SECRET, stamp)) == expected.decode()
    assert deliver.dingtalk_url("https://x/robot/send?access_token=T", SECRET, stamp) == (
        "https://x/robot/send?access_token=T&timestamp=1700000000000&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D")
    assert deliver.dingtalk_url("https://x/robot/send?access_token=T", None) == "https://x/robot/send?access_token=T"


def test_robot_payloads_are_exact(receiver, db_path):
    secrets = {"museum_digest": {
        "wecom": [{"name": "馆领导群", "webhook": receiver.url("/cgi-bin/webhook/send?key=K1")}],
        "dingtalk": [{"name": "钉钉馆务群", "webhook": receiver.url("/robot/send?access_token=T1"), "secret": SECRET}],
    }}
    found = deliver.channels(secrets)
    results = push.push(db_path, "tester", "2023-04", "主题", "### 正文\n- 一行", found)
    assert [(d.channel, d.recipient, d.result) for d in results] == [("wecom", "馆领导群", "ok"), ("dingtalk", "钉钉馆务群", "ok")]
    (wecom_path, wecom_body), (ding_path, ding_body) = receiver.requests
    assert wecom_path == "/cgi-bin/webhook/send?key=K1"
    assert wecom_body == {"msgtype": "markdown", "markdown": {"content": "### 正文\n- 一行"}}
    assert ding_body == {"msgtype": "markdown", "markdown": {"title": "主题", "text": "### 正文\n- 一行"}}
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(ding_path).query)
    assert query["access_token"] == ["T1"]
    assert query["sign"] == [urllib.parse.unquote_plus(deliver.dingtalk_sign(SECRET, int(query["timestamp"][0])))]


def test_at_most_20_messages_a_minute_per_robot():
    now, slept = [1000.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    limit = RateLimit(clock=lambda: now[0], sleep=sleep)
    for _ in range(20):
        limit.wait("robot-a")
        now[0] += 1
    limit.wait("robot-b")  # another robot has its own 20
    assert slept == []
    limit.wait("robot-a")  # the 21st within the minute waits until the first is a minute old
    assert slept == [40.0]
    limit.wait("robot-a")
    assert slept == [40.0, 1.0]


# --- e-mail ----------------------------------------------------------------------------------------

def test_email_to_several_recipients_with_the_pdf_and_one_audit_line_each(smtp, db_path):
    controller, inbox = smtp
    channel = email_channel(controller, ["director@museum.example.cn", "deputy@museum.example.cn"], attach_pdf=True)
    results = push.push(db_path, "tester", "2023-04", "简报主题", "正文", [channel], pdf=("运营月报-2023年4月.pdf", b"%PDF-1.7 x"))
    assert [d.result for d in results] == ["ok", "ok"]
    (sender, recipients, raw), = inbox.messages
    assert sender == "kanban@museum.example.cn"
    assert recipients == ["director@museum.example.cn", "deputy@museum.example.cn"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "简报主题"
    assert message.get_body(("plain",)).get_content().strip() == "正文"
    (attachment,) = list(message.iter_attachments())
    assert (attachment.get_filename(), attachment.get_content()) == ("运营月报-2023年4月.pdf", b"%PDF-1.7 x")
    lines = audit_lines(db_path)
    assert lines == [f"digest 2023-04 email {d.recipient} ok" for d in results]
    assert not any("@" in line for line in lines)  # addresses are personal data: never in the trail


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_email_over_starttls_and_ssl(tmp_path, db_path, mode):
    controller, inbox, cert = smtp_server(mode, tmp_path)
    try:
        channel = email_channel(controller, ["director@museum.example.cn"], security=mode, ca_file=str(cert))
        assert [d.result for d in push.push(db_path, "tester", "2023-04", "s", "body", [channel])] == ["ok"]
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


# --- failures and repeats --------------------------------------------------------------------------

def test_a_failed_channel_is_named_and_the_others_still_go(smtp, db_path):
    controller, inbox = smtp
    failing = Receiver(lambda path: (200, {"errcode": 310000, "errmsg": "sign not match"}))
    down = Receiver(lambda path: (500, {}))
    try:
        found = [Channel.robot("dingtalk", {"name": "钉钉", "webhook": failing.url("/robot/send?access_token=T")}),
                 Channel.robot("wecom", {"webhook": down.url("/cgi-bin/webhook/send?key=SECRETKEY")}),
                 email_channel(controller, ["director@museum.example.cn"])]
        results = push.push(db_path, "tester", "2023-04", "s", "body", found)
    finally:
        failing.stop()
        down.stop()
    assert [(d.channel, d.result, d.reason) for d in results] == [
        ("dingtalk", "failed", "errcode 310000"), ("wecom", "failed", "HTTP 500"), ("email", "ok", "")]
    assert len(inbox.messages) == 1
    assert results[0].message("zh") == "钉钉 → 钉钉：发送失败（errcode 310000），其他渠道照常发送"
    lines = audit_lines(db_path)
    assert lines[0] == "digest 2023-04 dingtalk 钉钉 failed errcode 310000"
    assert lines[1].startswith("digest 2023-04 wecom wecom#") and lines[1].endswith(" failed HTTP 500")
    assert not any("SECRETKEY" in line for line in lines)  # a webhook key is a secret: never in the trail


def test_nothing_is_sent_twice_for_one_period_unless_forced(receiver, db_path):
    found = [Channel.robot("wecom", {"name": "群", "webhook": receiver.url("/send?key=K")})]
    assert [d.result for d in push.push(db_path, "t", "2023-04", "s", "a", found)] == ["ok"]
    assert [d.result for d in push.push(db_path, "t", "2023-04", "s", "a", found)] == ["skipped"]
    assert [d.result for d in push.push(db_path, "t", "2023-05", "s", "a", found)] == ["ok"]
    assert [d.result for d in push.push(db_path, "t", "2023-04", "s", "a", found, force=True)] == ["ok"]
    assert len(receiver.requests) == 3
    assert audit_lines(db_path) == ["digest 2023-04 wecom 群 ok", "digest 2023-05 wecom 群 ok", "digest 2023-04 wecom 群 ok"]


def test_a_channel_without_what_it_needs_is_refused_by_name():
    with pytest.raises(Exception) as refused:
        deliver.channels({"museum_digest": {"email": {"host": "h", "recipients": ["a@b"]}}}, "/srv/secrets.toml")
    assert "museum_digest.email" in refused.value.detail("zh") and "sender" in refused.value.detail("zh")


# --- the command -----------------------------------------------------------------------------------

def test_cli_digest_prints_by_default_and_sends_with_send(corpus_db, receiver, smtp, tmp_path, monkeypatch, capsys):
    controller, inbox = smtp
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[museum_digest.email]\n"
        f'host = "127.0.0.1"\nport = {controller.port}\nsecurity = "none"\n'
        'sender = "kanban@museum.example.cn"\nrecipients = ["director@museum.example.cn"]\nattach_pdf = true\n'
        "[[museum_digest.wecom]]\n"
        f'name = "馆领导群"\nwebhook = "{receiver.url("/send?key=K")}"\n', encoding="utf-8")
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(secrets))
    assert main(["digest", "--period", "2023-04", "--db", str(corpus_db)]) == 0
    assert capsys.readouterr().out.startswith("### 西安市科学技术馆 2023年4月运营简报\n")
    assert receiver.requests == [] and inbox.messages == []
    assert main(["digest", "--period", "2023-04", "--db", str(corpus_db), "--send", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [(d["channel"], d["result"]) for d in payload["deliveries"]] == [("email", "ok"), ("wecom", "ok")]
    assert receiver.requests[0][1] == {"msgtype": "markdown", "markdown": {"content": payload["text"]}}
    message = email.message_from_bytes(inbox.messages[0][2], policy=email.policy.default)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "运营月报-2023年4月.pdf" and attachment.get_content().startswith(b"%PDF")
    assert main(["digest", "--period", "2023-04", "--db", str(corpus_db), "--send"]) == 0
    assert "本期已发送过" in capsys.readouterr().out and len(receiver.requests) == 1


def test_cli_send_without_channels_is_a_message(corpus_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path / "missing.toml"))
    assert main(["digest", "--period", "2023-04", "--db", str(corpus_db), "--send"]) == 2
    assert "没有配置任何简报渠道" in capsys.readouterr().err


def test_the_example_secrets_file_configures_every_channel():
    import tomllib

    from museum import settings

    example = tomllib.loads((settings.ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
    found = deliver.channels(example)
    assert [(c.kind, len(c.recipients)) for c in found] == [("email", 2), ("wecom", 1), ("dingtalk", 1)]
