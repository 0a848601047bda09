from urllib.parse import urlsplit

from django import forms
from django.urls import Resolver404, resolve, reverse

from core.http import whole_number
from forum.models import Question
from moderation.models import AuditEntry, Flag, Suspension
from moderation.queue_items import Item, parse_item
from moderation.selectors import duplicate_candidates
from moderation.services.bulk import MAX_ITEMS

# The question pages whose address names a question by number.
_QUESTION_VIEWS = {"forum:question", "forum:question_short"}


def question_number(pasted: str) -> int | None:
    """The question a pasted address (full or site-relative) or bare number points at; None for
    anything else, including what no address parser can read ("http://[::1")."""
    pasted = pasted.strip()
    if (number := whole_number(pasted)) is not None:
        return number
    try:
        match = resolve(urlsplit(pasted).path)
    except (Resolver404, ValueError):
        return None
    return match.kwargs["pk"] if match.view_name in _QUESTION_VIEWS else None


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong?", choices=Flag.Reason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label="Tell the moderators more",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required for “Needs a moderator”; optional otherwise.",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", max_length=300)


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label="Reason (optional)", max_length=300, required=False)


class CloseForm(forms.Form):
    """Why a question should close; for a duplicate, which question it repeats. The original is
    picked from a search (the `original` radio buttons, listed under the field as the person
    types, or on a results step without JavaScript), or pasted as an address or number."""

    reason = forms.ChoiceField(
        label="Close as", choices=[("", "Choose a reason"), *Question.CloseReason.choices]
    )
    duplicate_of = forms.CharField(
        label="Original question",
        required=False,
        max_length=300,
        help_text="For duplicates: type words from its title and pick it, or paste its address "
        "or number.",
    )
    original = forms.IntegerField(
        label="Pick the original", required=False, min_value=1, max_value=2**63 - 1
    )
    note = forms.CharField(label="Note to the asker", max_length=300, required=False)

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.candidates: list[Question] | None = None  # what a search for the original found
        self.fields["duplicate_of"].widget.attrs |= {
            "hx-get": reverse("moderation:duplicate_search", args=[question.pk]),
            "hx-trigger": "input changed delay:350ms",
            "hx-target": "next .dup-picker",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
            "autocomplete": "off",
        }

    def clean(self):
        data = super().clean()
        if data.get("reason") != Question.CloseReason.DUPLICATE:
            data["original"] = None
            return data
        # Which question it is; whether it may be linked is question_close's rule.
        typed = (data.get("duplicate_of") or "").strip()
        number = data.get("original") or question_number(typed)
        if number:
            original = Question.objects.filter(pk=number).first()
            if original is None:
                self.add_error("duplicate_of", "There is no question with that number.")
            data["original"] = original
            return data
        data["original"] = None
        if not typed:
            self.add_error(
                "duplicate_of", "Type words from the original's title, or paste its address."
            )
            return data
        self.candidates = duplicate_candidates(term=typed, question=self.question)
        if self.candidates:
            self.add_error("duplicate_of", "Pick the original from the questions found below.")
        else:
            self.add_error("duplicate_of", f"No question matches “{typed[:60]}”: try other words.")
        return data


class CloseVoteForm(CloseForm):
    """A member's vote to close: the same reasons and picker, without a note (the banner says
    the members' votes closed it)."""

    note = None


class FeatureForm(forms.Form):
    """Where a question is featured: the home page, or one level's page (by its slug)."""

    where = forms.SlugField(max_length=50, required=False)

    def clean_where(self) -> str:
        return self.cleaned_data["where"] or "home"


class CurateForm(forms.Form):
    note = forms.CharField(
        label="Why it is worth reading",
        max_length=280,
        help_text="One or two sentences, shown above the answer.",
    )


class WarnForm(forms.Form):
    message = forms.CharField(
        label="Warning to the author",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent privately as a notification.",
    )


class SuspendForm(forms.Form):
    days = forms.IntegerField(label="Days", min_value=1, max_value=Suspension.MAX_DAYS, initial=7)
    reason = forms.CharField(
        label="Reason",
        max_length=300,
        help_text="The person sees this, with the end date, whenever they try to post.",
    )


class RevealForm(forms.Form):
    reason = forms.CharField(
        label="Why you need to know",
        max_length=300,
        help_text="Logged with your name; other moderators see it.",
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *AuditEntry.Action.choices]
    )
    actor = forms.ChoiceField(label="Moderator", required=False)
    kind = forms.ChoiceField(
        label="Target",
        required=False,
        choices=[
            ("", "Anything"),
            ("question", "Questions"),
            ("answer", "Answers"),
            ("comment", "Comments"),
            ("user", "People"),
        ],
    )

    def __init__(self, *args, moderators: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [
            ("", "Anyone"),
            *((name, f"@{name}") for name in moderators),
        ]


class _Items(forms.Field):
    """Several values under one name (the checked queue items), each a state token."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list:
        return list(value or [])


# The flag queue's tabs: its kinds of items, "" for all of them.
QUEUE_KINDS = (
    ("", "Everything"),
    ("question", "Questions"),
    ("answer", "Answers"),
    ("comment", "Comments"),
)


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", required=False, choices=QUEUE_KINDS)
    reason = forms.ChoiceField(
        label="Flagged as", required=False, choices=[("", "Any reason"), *Flag.Reason.choices]
    )


class BulkForm(forms.Form):
    """The checked items of the flag queue, what to do with them, and one reason."""

    action = forms.ChoiceField(
        choices=[("dismiss", "Dismiss flags"), ("hide", "Hide"), ("restore", "Restore")]
    )
    reason = forms.CharField(label="Reason for all checked items", max_length=300, required=False)
    items = _Items(required=True, error_messages={"required": "Check at least one item."})

    def clean_items(self) -> list[Item]:
        tokens = self.cleaned_data["items"]
        if len(tokens) > MAX_ITEMS:
            raise forms.ValidationError(f"Check at most {MAX_ITEMS} items at a time.")
        items = [parse_item(token) for token in tokens]
        if None in items:
            raise forms.ValidationError("Some checked items are not queue items.")
        return items

    def clean(self):
        data = super().clean()
        if data.get("action") == "hide" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give a reason for hiding them.")
        return data
