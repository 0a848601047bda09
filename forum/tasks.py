"""Background work. In production `manage.py db_worker` runs these; tests run them at once."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

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
    send_mail(
        subject=one_line(
            f"[Rungs] {actor} {notification.get_kind_display()}: {notification.question.title}"
        )[:200],
        message=render_to_string("forum/email/notification.txt", context),
        from_email=None,
        recipient_list=[notification.recipient.email],
    )
    return True


@task()
def refresh_related(question_id: int) -> list[int] | None:
    """Recompute a question's related questions (after it is asked or retagged)."""
    return related.refresh(question_id)
