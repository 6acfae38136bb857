"""Pushing the digest where leadership read: e-mail over SMTP, 企业微信 and 钉钉 group robots.

Channels come from the secrets file ([museum_digest.email], [[museum_digest.wecom]],
[[museum_digest.dingtalk]]). Each delivery is one audit line `digest PERIOD CHANNEL RECIPIENT RESULT`;
a recipient is named without personal data or secrets (an address or a webhook key is shown as a
short hash, a robot by the name it is given), a failed channel is reported and the others still
go out, and a recipient that already got the period's digest is skipped unless `force`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import smtplib
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Callable

from museum.errors import UsageError

HTTP_TIMEOUT_SECONDS = 10
ROBOT_PER_MINUTE = 20   # 企业微信 and 钉钉 both allow 20 messages a minute per robot
SECTION = "museum_digest"


class DeliveryFailed(Exception):
    """One channel could not deliver; `reason` is short and holds no address or key."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _tag(kind: str, secret_text: str) -> str:
    return f"{kind}#{hashlib.sha256(secret_text.strip().lower().encode('utf-8')).hexdigest()[:10]}"


@dataclass
class Channel:
    kind: str                       # email | wecom | dingtalk
    config: dict = field(repr=False)
    recipients: list[str] = field(default_factory=list)   # audit names, one per recipient

    @classmethod
    def robot(cls, kind: str, config: dict) -> "Channel":
        name = str(config.get("name") or "").strip() or _tag(kind, config["webhook"])
        return cls(kind, config, [name])


def _bad(path: str, section: str, problem: str) -> UsageError:
    return UsageError("digest.bad_channel", path=path, section=section, problem=problem)


def channels(secrets: dict, path: str = "") -> list[Channel]:
    """The configured channels; a section that lacks what it needs is refused with its name."""
    section = secrets.get(SECTION) or {}
    found = []
    email = section.get("email")
    if email:
        for key in ("host", "sender", "recipients"):
            if not email.get(key):
                raise _bad(path, f"{SECTION}.email", f"{key} missing")
        if email.get("security", "starttls") not in ("ssl", "starttls", "none"):
            raise _bad(path, f"{SECTION}.email", "security must be ssl, starttls or none")
        found.append(Channel("email", email, [_tag("email", address) for address in email["recipients"]]))
    for kind in ("wecom", "dingtalk"):
        for index, robot in enumerate(section.get(kind) or []):
            if not str(robot.get("webhook") or "").startswith(("https://", "http://")):
                raise _bad(path, f"{SECTION}.{kind} #{index + 1}", "webhook must be an http(s) address")
            found.append(Channel.robot(kind, robot))
    return found


class RateLimit:
    """At most `per_minute` messages in any 60 seconds per robot (waits, never drops)."""

    def __init__(self, per_minute: int = ROBOT_PER_MINUTE, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.per_minute, self.clock, self.sleep = per_minute, clock, sleep
        self.sent: dict[str, deque] = {}
        self.lock = threading.Lock()

    def wait(self, key: str) -> None:
        with self.lock:
            times = self.sent.setdefault(key, deque())
            now = self.clock()
            while times and now - times[0] >= 60:
                times.popleft()
            if len(times) >= self.per_minute:
                self.sleep(60 - (now - times[0]))
                now = self.clock()
                times.popleft()
            times.append(now)


LIMIT = RateLimit()


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """钉钉's signature: HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, base64, URL-encoded."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode("utf-8"), hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))


def dingtalk_url(webhook: str, secret: str | None, timestamp_ms: int | None = None) -> str:
    if not secret:
        return webhook
    stamp = timestamp_ms if timestamp_ms is not None else int(time.time() * 1000)
    joiner = "&" if "?" in webhook else "?"
    return f"{webhook}{joiner}timestamp={stamp}&sign={dingtalk_sign(secret, stamp)}"


def robot_payload(kind: str, subject: str, text: str) -> dict:
    if kind == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": text}}
    return {"msgtype": "markdown", "markdown": {"title": subject, "text": text}}


def post_json(url: str, payload: dict) -> None:
    """POST the payload; a robot answers {"errcode": 0} when it accepted the message."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, body, {"Content-Type": "application/json; charset=utf-8"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:  # the URL holds the robot's key: never in the reason
        raise DeliveryFailed(type(getattr(exc, "reason", exc)).__name__) from None
    except ValueError:
        raise DeliveryFailed("not JSON") from None
    if answer.get("errcode", 0) != 0:
        raise DeliveryFailed(f"errcode {answer.get('errcode')}")


def send_robot(channel: Channel, subject: str, text: str, limit: RateLimit = LIMIT) -> None:
    webhook = channel.config["webhook"]
    url = dingtalk_url(webhook, channel.config.get("secret")) if channel.kind == "dingtalk" else webhook
    limit.wait(webhook)
    post_json(url, robot_payload(channel.kind, subject, text))


def email_message(config: dict, subject: str, text: str, attachment: tuple[str, bytes] | None) -> EmailMessage:
    message = EmailMessage()
    message["Subject"], message["From"] = subject, config["sender"]
    message["To"] = ", ".join(config["recipients"])
    message.set_content(text)
    if attachment is not None:
        message.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
    return message


def send_email(channel: Channel, subject: str, text: str, attachment: tuple[str, bytes] | None = None) -> dict[str, str]:
    """One message to every recipient; returns audit name -> refusal reason for those refused."""
    config = channel.config
    security, port = config.get("security", "starttls"), int(config.get("port") or 0)
    context = ssl.create_default_context(cafile=config.get("ca_file") or None)
    try:
        if security == "ssl":
            server = smtplib.SMTP_SSL(config["host"], port or 465, timeout=HTTP_TIMEOUT_SECONDS, context=context)
        else:
            server = smtplib.SMTP(config["host"], port or 587, timeout=HTTP_TIMEOUT_SECONDS)
        with server:
            if security == "starttls":
                server.starttls(context=context)
            if config.get("user"):
                server.login(config["user"], config.get("password", ""))
            refused = server.send_message(email_message(config, subject, text, attachment))
    except smtplib.SMTPRecipientsRefused:
        raise DeliveryFailed("SMTP recipients refused") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryFailed(f"SMTP {exc.smtp_code}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryFailed(type(exc).__name__) from None
    by_address = {address.lower(): _tag("email", address) for address in config["recipients"]}
    return {by_address.get(address.lower(), _tag("email", address)): f"SMTP {code}" for address, (code, _) in refused.items()}
