"""Background work every app shares."""

from django.tasks import task

from core import mail


@task()
def send_email(key: str, message: dict) -> bool:
    """Send a message rendered in a request (core.mail.to_dict) at most once per key. A mail
    server that cannot be reached fails the task; the worker runs it again later."""
    return mail.send_once(key, mail.from_dict(message))
