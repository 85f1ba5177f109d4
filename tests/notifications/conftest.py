"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what arrives, and the portal's mail pointed at it."""
import email
import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content)
        body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
        subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
        self.messages.append({"to": envelope.rcpt_tos, "subject": subject, "body": body})
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", controller.port, False
    try:
        yield inbox
    finally:
        controller.stop()
