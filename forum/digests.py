"""Daily and weekly digests: one e-mail with a person's unread notifications since their last
digest, for those who chose one (accounts.User.email_frequency).

`manage.py send_digests`, run every hour by cron (docs/operations.md), queues one task per
person whose digest is due; the worker sends each (forum.tasks.send_digest). A person is due
when their period has passed since the last digest (an hour early is close enough, so an hourly
cron a few minutes late does not slip a whole day).

Sending twice is harmless: `digest_send` locks the person's row, checks again that they are
due, moves `digest_sent_at` and hands the e-mail to core.mail.send_once in one transaction; a
second run, or a second worker, finds them not due any more, and a retry after a crash finds
the e-mail's key taken.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import EmailFrequency, User
from accounts.unsubscribe import unsubscribe_headers, unsubscribe_url
from core.mail import send_once
from forum.identity import notification_line
from forum.selectors.notifications import inbox

PERIODS = {
    EmailFrequency.DAILY: timedelta(days=1),
    EmailFrequency.WEEKLY: timedelta(days=7),
}
EARLY = timedelta(hours=1)
SHOWN = 30  # lines in one digest; "and N more" after that


def due_people(*, now: datetime | None = None) -> QuerySet[User]:
    """Everyone with an e-mail address whose digest period has passed."""
    now = now or timezone.now()
    due = Q()
    for frequency, period in PERIODS.items():
        due |= Q(email_frequency=frequency) & (
            Q(digest_sent_at__isnull=True) | Q(digest_sent_at__lte=now - period + EARLY)
        )
    return User.objects.filter(due, is_active=True).exclude(email="").order_by("pk")


@transaction.atomic
def digest_send(*, user_id: int, now: datetime | None = None) -> bool:
    """Send one person their digest if it is due; True when an e-mail went. Nothing new to
    tell: no e-mail, and the next digest starts from now."""
    now = now or timezone.now()
    user = due_people(now=now).select_for_update().filter(pk=user_id).first()
    if user is None:
        return False
    unread = inbox(user).filter(read_at__isnull=True, created_at__lte=now)
    if user.digest_sent_at is not None:
        unread = unread.filter(created_at__gt=user.digest_sent_at)
    notifications = list(
        unread.select_related("actor", "question", "original").order_by("-created_at", "-id")[
            : SHOWN + 1
        ]
    )
    since = user.digest_sent_at
    User.objects.filter(pk=user.pk).update(digest_sent_at=now)
    if not notifications:
        return False
    total = unread.count() if len(notifications) > SHOWN else len(notifications)
    shown = notifications[:SHOWN]
    period = "weekly" if user.email_frequency == EmailFrequency.WEEKLY else "daily"
    context = {
        "user": user,
        "period": period,
        "since": since,
        "lines": [
            {
                "text": notification_line(n),
                "link": settings.SITE_URL + n.get_absolute_url(),
                "original": settings.SITE_URL + n.original.get_absolute_url()
                if n.original_id
                else "",
                "message": n.message,
            }
            for n in shown
        ],
        "more": total - len(shown),
        "inbox_link": settings.SITE_URL + reverse("forum:notifications"),
        "settings_link": settings.SITE_URL + reverse("accounts:profile_edit"),
        "unsubscribe_link": unsubscribe_url(user),
    }
    message = EmailMessage(
        subject=f"[Rungs] Your {period} digest: {total} new notification{pluralize(total)}",
        body=render_to_string("forum/email/digest.txt", context),
        to=[user.email],
        headers=unsubscribe_headers(user),
    )
    # Keyed on the newest notification it tells of: a retry of the same digest sends nothing.
    return send_once(f"digest:{user.pk}:{notifications[0].pk}", message)
