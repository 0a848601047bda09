"""What the whole site shares in the database."""

from django.db import models
from django.utils import timezone


class SentEmail(models.Model):
    """One row per e-mail handed to the mail server, keyed by what the e-mail is about
    ("notification:42", "account:<uuid>"). Written in the same transaction that sends it
    (core/mail.py), so a task that runs again, after a retry or a worker killed halfway, never
    sends the same e-mail twice."""

    key = models.CharField(max_length=120, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index("sent_at", name="core_sentemail_sent_at")]

    def __str__(self) -> str:
        return self.key
