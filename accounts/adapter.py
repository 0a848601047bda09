"""allauth, fitted to Rungs: account e-mails leave through the task worker."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from core import mail
from core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered here, where the templates have the request; sent by the task worker. A mail
        server that is slow or down then never fails a sign-up or a password reset: the worker
        retries until it is back (core/worker.py), and sends each e-mail once (core/mail.py)."""
        request = allauth_context.request
        values = {"request": request, "email": email, "current_site": get_current_site(request)}
        values.update(context)
        message = self.render_mail(template_prefix, email, values)
        send_email.enqueue(key=f"account:{uuid.uuid4()}", message=mail.to_dict(message))
