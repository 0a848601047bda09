"""The forum's part of the welcome step (accounts.slots.WELCOME_PARTS): the levels and the
popular tags a newcomer cares about, followed once the step is saved."""

from django import forms
from django.http import HttpRequest, QueryDict

from accounts.models import User
from accounts.slots import WelcomePart
from forum.selectors.tags import tags_popular
from forum.services.follows import follow_create
from ladder.models import Level

TAGS_OFFERED = 12


class WelcomeFollowsForm(forms.Form):
    levels = forms.ModelMultipleChoiceField(
        queryset=Level.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Levels you care about",
        help_text="New questions at these levels appear in your Following tab.",
    )
    tags = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics you care about",
        help_text="You can follow or stop following any tag from its page later.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = {tag.name: tag for tag in tags_popular(limit=TAGS_OFFERED)}
        self.fields["tags"].choices = [
            (tag.name, f"{tag.name} ({tag.n})") for tag in self.offered.values()
        ]


def welcome_follows(request: HttpRequest, data: QueryDict | None) -> WelcomePart:
    form = WelcomeFollowsForm(data, prefix="follow")

    def save(user: User) -> None:
        for level in form.cleaned_data["levels"]:
            follow_create(follower=user, target=level)
        for name in form.cleaned_data["tags"]:
            follow_create(follower=user, target=form.offered[name])

    return WelcomePart(form=form, template="forum/_welcome_follows.html", save=save)
