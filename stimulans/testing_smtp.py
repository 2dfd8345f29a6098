"""A real SMTP server on loopback for tests and benchmarks (aiosmtpd), keeping what it receives.

    with smtp_server(refuse={"x@example.org"}, delay=0.05) as server:
        ...  # settings EMAIL_HOST="127.0.0.1", EMAIL_PORT=server.port
        server.messages  # [Received(sender, recipients, subject, body)]

`refuse` makes the server answer 550 to those recipients; `delay` (seconds) slows every
accepted message down, as a busy mail server would.
"""

import asyncio
import email
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from email import policy

from aiosmtpd.controller import Controller


@dataclass
class Received:
    sender: str
    recipients: list
    subject: str
    body: str


class _Handler:
    def __init__(self, refuse, delay):
        self.refuse = {address.lower() for address in refuse}
        self.delay = delay
        self.messages = []
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append(
                Received(
                    envelope.mail_from,
                    list(envelope.rcpt_tos),
                    str(message["Subject"]),
                    message.get_body(("plain",)).get_content(),
                )
            )
        return "250 Message accepted for delivery"


class _Server:
    def __init__(self, controller, handler):
        self.controller = controller
        self.handler = handler
        self.port = controller.port

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(refuse=(), delay=0.0):
    handler = _Handler(refuse, delay)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield _Server(controller, handler)
    finally:
        controller.stop()


def smtp_settings(server):
    """Settings for `override_settings` that send through `server` with Django's SMTP backend."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": server.port,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
    }
