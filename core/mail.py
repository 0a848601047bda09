"""Sending an e-mail at most once per key, from the task worker.

`send_once(key, message)` claims the key (a SentEmail row) and hands the message to the mail
server inside one transaction, which commits as soon as the server has accepted the message,
before the SMTP session is closed:

- the server refuses or cannot be reached: the transaction rolls back, the key stays free and
  the task fails; the worker runs it again later (core/worker.py) until the server is back;
- the worker is killed before the server accepted the message: the database rolls the claim
  back, and the task, run again, sends it;
- the worker is killed after that (while closing the session, or before the task is marked
  done): the claim is committed, and the task, run again, sends nothing;
- two runs at once (two workers): the second waits on the first one's claim and then finds the
  key taken.

What is left is the moment between the server's "250 accepted" and the commit, one local round
trip: a worker killed exactly then sends the message again. The message's Message-ID is derived
from the key, so even that copy is recognisable as the same message (mail clients fold two
messages with one Message-ID into one).
"""

import hashlib
import logging
import smtplib
from contextlib import suppress

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction

from core.models import SentEmail

logger = logging.getLogger(__name__)


class NotSent(Exception):
    """The mail server accepted no recipient of the message."""


def message_id(key: str) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "rungs.localhost"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def send_once(key: str, message: EmailMessage) -> bool:
    """Send `message` unless an e-mail with this key was sent before; True if it went now."""
    message.extra_headers["Message-ID"] = message_id(key)
    mailer = mailers.default
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    SentEmail.objects.create(key=key)
            except IntegrityError:
                logger.info("E-mail %s was sent before; not sending it again", key)
                return False
            mailer.open()
            if not mailer.send_messages([message]):
                raise NotSent(key)
        return True
    finally:
        # After the commit: a server slow to say goodbye must not undo a sent e-mail's claim.
        with suppress(OSError, smtplib.SMTPException):
            mailer.close()


def to_dict(message: EmailMessage) -> dict:
    """A message as the task queue can store it (JSON)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def from_dict(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data.get("cc") or None,
        bcc=data.get("bcc") or None,
        reply_to=data.get("reply_to") or None,
        headers=data.get("headers") or None,
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    return message
