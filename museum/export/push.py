"""Sending a period's digest to every configured channel: one audit line per delivery, a failed
channel reported without stopping the others, nothing sent twice for a period unless forced."""

from __future__ import annotations

from dataclasses import dataclass

from museum import settings
from museum.errors import UsageError
from museum.export import deliver
from museum.export.deliver import Channel, DeliveryFailed, RateLimit
from museum.export.monthly import Monthly
from museum.export.monthly_files import file_name, render_files
from museum.i18n import t
from museum.store import audit, db

RESULTS = ("ok", "failed", "skipped")


@dataclass(frozen=True)
class Delivery:
    channel: str      # email | wecom | dingtalk
    recipient: str    # its audit name (a hash or the robot's name: no address, no key)
    result: str       # ok | failed | skipped
    reason: str = ""

    def message(self, lang: str) -> str:
        key = {"ok": "digest.sent", "failed": "digest.failed", "skipped": "digest.skipped"}[self.result]
        return t(key, lang, channel=t(f"digest.channel.{self.channel}", lang), recipient=self.recipient, reason=self.reason)

    def json(self) -> dict:
        return {"channel": self.channel, "recipient": self.recipient, "result": self.result, "reason": self.reason}


def audit_detail(period: str, channel: str, recipient: str, result: str, reason: str = "") -> str:
    return " ".join(part for part in ("digest", period, channel, recipient, result, reason) if part)


def already_sent(con, period: str, channel: str, recipient: str) -> bool:
    wanted = audit_detail(period, channel, recipient, "ok")
    found = audit.entries(con, action="digest_sent", text=wanted)
    return any(detail == wanted for detail in found["detail"])


def _record(db_path, actor: str, delivery: Delivery, period: str) -> None:
    with db.session(db_path) as con, db.transaction(con):
        audit.record(con, "digest_sent", actor,
                     audit_detail(period, delivery.channel, delivery.recipient, delivery.result, delivery.reason))


def _send(channel: Channel, subject: str, text: str, pdf: tuple[str, bytes] | None, limit: RateLimit) -> dict[str, str]:
    """Recipient -> failure reason ('' when delivered) for one channel."""
    try:
        if channel.kind == "email":
            refused = deliver.send_email(channel, subject, text, pdf if channel.config.get("attach_pdf") else None)
            return {name: refused.get(name, "") for name in channel.recipients}
        deliver.send_robot(channel, subject, text, limit)
        return {name: "" for name in channel.recipients}
    except DeliveryFailed as failed:
        return {name: failed.reason for name in channel.recipients}


def push(db_path, actor: str, period: str, subject: str, text: str, found: list[Channel], *,
         pdf: tuple[str, bytes] | None = None, force: bool = False, limit: RateLimit | None = None) -> list[Delivery]:
    """Deliver to every channel; returns one Delivery per recipient (skipped ones included, not audited)."""
    limit = limit or deliver.LIMIT
    results: list[Delivery] = []
    for channel in found:
        with db.session(db_path) as con:
            due = [name for name in channel.recipients if force or not already_sent(con, period, channel.kind, name)]
        results += [Delivery(channel.kind, name, "skipped") for name in channel.recipients if name not in due]
        if not due:
            continue
        if len(due) < len(channel.recipients):  # send only to those who have not had it yet
            channel = _only(channel, due)
        for name, reason in _send(channel, subject, text, pdf, limit).items():
            delivery = Delivery(channel.kind, name, "failed" if reason else "ok", reason)
            _record(db_path, actor, delivery, period)
            results.append(delivery)
    return results


def _only(channel: Channel, names: list[str]) -> Channel:
    if channel.kind != "email":
        return channel
    addresses = [a for a, n in zip(channel.config["recipients"], channel.recipients) if n in names]
    return Channel("email", {**channel.config, "recipients": addresses}, names)


def send_digest(monthly: Monthly, text: str, db_path, actor: str, *, force: bool = False) -> list[Delivery]:
    """Push the digest to every channel of the secrets file (the command and the page's 立即推送); the
    report's PDF is rendered only when an e-mail attaches it. UsageError when no channel is configured."""
    path = str(settings.SECRETS_FILE.get())
    found = deliver.channels(settings.secrets(), path)
    if not found:
        raise UsageError("digest.no_channels", path=path)
    pdf = None
    if any(c.kind == "email" and c.config.get("attach_pdf") for c in found):
        name = file_name("pdf", monthly.period, monthly.lang)
        pdf = (name, render_files(monthly).files[name])
    subject = t("digest.subject", monthly.lang, institution=monthly.report.institution, period=monthly.period.label(monthly.lang))
    return push(db_path, actor, monthly.period.text, subject, text, found, pdf=pdf, force=force)
