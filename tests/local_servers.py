"""Local receivers for delivery tests, on 127.0.0.1 only: an SMTP server (aiosmtpd, plain, STARTTLS or
implicit TLS with a throw-away certificate) and an HTTP receiver that records each robot request."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made per test run, never committed)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


class Inbox:
    """aiosmtpd handler: keeps every envelope (sender, recipients, raw message)."""

    def __init__(self):
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 OK"


def smtp_server(mode: str = "none", folder: Path | None = None) -> tuple[Controller, Inbox, Path | None]:
    """Start a local SMTP server: mode none | starttls | ssl; returns (controller, inbox, ca file)."""
    inbox, port, options, cert = Inbox(), free_port(), {}, None
    if mode != "none":
        cert, key = certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options = {"tls_context": context, "require_starttls": True} if mode == "starttls" else {"ssl_context": context}
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return controller, inbox, cert


class Receiver:
    """An HTTP server on 127.0.0.1 that records (path with query, JSON body) and answers `answer(path)`."""

    def __init__(self, answer=lambda path: (200, {"errcode": 0, "errmsg": "ok"})):
        self.requests: list[tuple[str, dict]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append((self.path, json.loads(body.decode("utf-8"))))
                status, payload = answer(self.path)
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
