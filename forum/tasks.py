"""Background work. In production `manage.py db_worker` runs these; tests run them at once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.unsubscribe import unsubscribe_headers, unsubscribe_url
from core.mail import send_once
from core.text import one_line
from forum import digests, related
from forum.identity import actor_name, notification_line
from forum.models import Notification


@task()
def send_notification_email(notification_id: int) -> bool:
    notification = (
        Notification.objects.select_related(
            "recipient", "actor", "question", "answer", "comment", "original"
        )
        .filter(pk=notification_id)
        .first()
    )
    # Checked again when it runs: the person may have chosen a digest, or none, since.
    if notification is None or not notification.recipient.wants_email_at_once:
        return False
    recipient = notification.recipient
    actor = actor_name(notification)
    original = notification.original
    context = {
        "notification": notification,
        "actor": actor,
        "link": settings.SITE_URL + notification.get_absolute_url(),
        "original_link": settings.SITE_URL + original.get_absolute_url() if original else "",
        "settings_link": settings.SITE_URL + reverse("accounts:profile_edit"),
        "unsubscribe_link": unsubscribe_url(recipient),
    }
    message = EmailMessage(
        subject=one_line(f"[Rungs] {notification_line(notification)}")[:200],
        body=render_to_string("forum/email/notification.txt", context),
        to=[recipient.email],
        headers=unsubscribe_headers(recipient),
    )
    # Once per notification, however often the task runs (a retry, a worker killed halfway).
    return send_once(f"notification:{notification.pk}", message)


@task()
def refresh_related(question_id: int) -> list[int] | None:
    """Recompute a question's related questions (after it is asked or retagged)."""
    return related.refresh(question_id)


@task()
def send_digest(user_id: int) -> bool:
    """One person's daily or weekly digest, if still due (forum/digests.py)."""
    return digests.digest_send(user_id=user_id)
