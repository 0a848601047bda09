"""A person's notifications."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from core.http import login_required
from forum.selectors.notifications import notification_list as notifications_of
from forum.services.notifications import notifications_mark_read as mark_read


@require_safe
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = notifications_of(recipient=request.user)
    response = render(request, "forum/notifications.html", {"notifications": notifications})
    # Seeing the list is reading it: the unread badge clears on the next page.
    mark_read(recipient=request.user, ids=[n.pk for n in notifications if n.read_at is None])
    return response


@require_POST
@login_required
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    mark_read(recipient=request.user)
    return redirect("forum:notifications")
