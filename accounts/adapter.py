"""allauth, fitted to Rungs (ACCOUNT_ADAPTER): usernames that pass for someone else are refused,
account e-mails leave through the task worker, and the first log-in opens the welcome step."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django import forms
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts import names
from accounts.selectors import name_looks_taken, welcome_due
from core import mail
from core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username: str, shallow: bool = False) -> str:
        """Usernames are stored in NFKC, carry no invisible or direction-changing characters,
        are not reserved words nor look like them, and do not look like another member's
        username or display name (Cyrillic "аlice" when "alice" exists)."""
        username = names.normalise(username)
        names.validate_not_reserved(username)
        username = super().clean_username(username, shallow=shallow)
        if not shallow and name_looks_taken(username):
            raise forms.ValidationError(
                "This username looks just like another member's name. Choose another.",
                code="username_look_alike",
            )
        return username

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered here, where the templates have the request; sent by the task worker. A mail
        server that is slow or down then never fails a sign-up or a password reset: the worker
        retries until it is back (core/worker.py), and sends each e-mail once (core/mail.py)."""
        request = allauth_context.request
        values = {"request": request, "email": email, "current_site": get_current_site(request)}
        values.update(context)
        message = self.render_mail(template_prefix, email, values)
        send_email.enqueue(key=f"account:{uuid.uuid4()}", message=mail.to_dict(message))

    def post_login(self, request: HttpRequest, user, **kwargs) -> HttpResponse:
        """Every log-in (the password form, or the one right after confirming the e-mail
        address) ends here. Until the person has seen the welcome step, it comes first; the
        page they were going to waits in `next`."""
        response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect) and welcome_due(user):
            going_to = urlencode({"next": response["Location"]})
            response["Location"] = f"{reverse('welcome')}?{going_to}"
        return response
