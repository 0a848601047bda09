"""Background work. In production `manage.py db_worker` runs these; tests run them at once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from core.mail import send_once
from core.text import one_line
from forum import related
from forum.identity import actor_name
from forum.models import Notification


@task()
def send_notification_email(notification_id: int) -> bool:
    notification = (
        Notification.objects.select_related("recipient", "actor", "question", "answer", "comment")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or not notification.recipient.email_notifications:
        return False
    actor = actor_name(notification)
    context = {
        "notification": notification,
        "actor": actor,
        "link": settings.SITE_URL + notification.get_absolute_url(),
        "settings_link": settings.SITE_URL + reverse("accounts:profile_edit"),
    }
    message = EmailMessage(
        subject=one_line(
            f"[Rungs] {actor} {notification.get_kind_display()}: {notification.question.title}"
        )[:200],
        body=render_to_string("forum/email/notification.txt", context),
        to=[notification.recipient.email],
    )
    # Once per notification, however often the task runs (a retry, a worker killed halfway).
    return send_once(f"notification:{notification.pk}", message)


@task()
def refresh_related(question_id: int) -> list[int] | None:
    """Recompute a question's related questions (after it is asked or retagged)."""
    return related.refresh(question_id)
