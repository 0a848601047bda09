import uuid

from django import forms
from django.urls import reverse_lazy

from core.fields import OneLineField
from forum.edits import base_revision_field
from forum.models import BODY_MAX_LENGTH, COMMENT_MAX_LENGTH
from forum.models.tagwiki import EXCERPT_MAX_LENGTH, WIKI_MAX_LENGTH
from forum.selectors.search import ANSWER_FILTERS
from forum.tags import MAX_TAGS, TagError, parse_tags
from ladder.models import Level

MARKDOWN_HELP = "Markdown works: **bold**, _italic_, `code`, lists, tables and ``` fenced code."


def _token_field() -> forms.UUIDField:
    """A per-form token: a second submit of the same form returns the first post, not a copy."""
    return forms.UUIDField(
        widget=forms.HiddenInput,
        required=False,
        initial=uuid.uuid4,
        error_messages={
            "invalid": "This form was damaged on its way; please reload and try again."
        },
    )


class QuestionForm(forms.Form):
    title = OneLineField(
        label="Title",
        min_length=15,
        max_length=150,
        help_text="The question in one line, as you would ask a mentor (15–150 characters).",
    )
    body = forms.CharField(
        label="Body",
        widget=forms.Textarea(
            attrs={
                "rows": 12,
                # The preview beside the field follows the typing (htmx; the Preview button
                # does the same without JavaScript), and a draft brought back (draft.js).
                "hx-post": reverse_lazy("forum:preview"),
                "hx-trigger": "input changed delay:600ms, draft-restored",
                "hx-target": "#preview",
                "hx-swap": "outerHTML",
                "hx-sync": "this:replace",
            }
        ),
        min_length=30,
        max_length=BODY_MAX_LENGTH,
        help_text=f"Your situation, what you tried, what you want to know. {MARKDOWN_HELP}",
    )
    level = forms.ModelChoiceField(
        label="Level",
        queryset=Level.objects.order_by("order"),
        to_field_name="slug",
        empty_label="Choose the level this is about",
        help_text="The level the question is about, usually your own.",
    )
    TAGS_MAX_LENGTH = 200
    tags = forms.CharField(
        label="Tags",
        max_length=TAGS_MAX_LENGTH,
        help_text=f"1–{MAX_TAGS} topics, separated by commas or spaces: pip, promotion, burnout…",
        widget=forms.TextInput(
            attrs={
                "list": "tag-suggestions",
                "autocomplete": "off",
                # Tags that complete the one being typed, with their question counts (htmx).
                "hx-get": reverse_lazy("forum:ask_tags"),
                "hx-trigger": "input changed delay:250ms, focus once",
                "hx-target": "#tag-suggest",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        ),
    )
    is_anonymous = forms.BooleanField(
        label="Ask anonymously",
        required=False,
        help_text="Others see “Anonymous” and your band, never your name. You can still edit it.",
    )
    client_token = _token_field()

    def look_up_similar(self, url: str) -> None:
        """Typing a title asks `url` (htmx) for similar questions, shown in #similar."""
        self.fields["title"].widget.attrs |= {
            "hx-get": url,
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#similar",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
            "autocomplete": "off",
        }

    def clean_tags(self) -> list[str]:
        try:
            return parse_tags(self.cleaned_data["tags"])
        except TagError as error:
            raise forms.ValidationError(str(error)) from None


def _edit_summary_field() -> forms.CharField:
    return forms.CharField(
        label="Edit summary",
        max_length=300,
        required=False,
        help_text="What you changed and why; it shows in the revision history.",
    )


class QuestionEditForm(QuestionForm):
    """Editing keeps the question's anonymity as it was posted."""

    is_anonymous = None
    client_token = None
    reason = _edit_summary_field()
    base_revision = base_revision_field()


class AnswerForm(forms.Form):
    body = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 10}),
        min_length=30,
        max_length=BODY_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
    )
    is_anonymous = forms.BooleanField(
        label="Answer anonymously",
        required=False,
        help_text="Others see “Anonymous” and your band, never your name.",
    )
    client_token = _token_field()


class AnswerEditForm(AnswerForm):
    is_anonymous = None
    client_token = None
    reason = _edit_summary_field()
    base_revision = base_revision_field()


class ReasonForm(forms.Form):
    """The reason a person gives for an action (rolling back, deleting)."""

    reason = forms.CharField(label="Reason", max_length=300, required=False)


class CommentForm(forms.Form):
    body = OneLineField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 2}),
        min_length=5,
        max_length=COMMENT_MAX_LENGTH,
        help_text="Plain text and links; ask for clarification or suggest an improvement.",
    )
    client_token = _token_field()


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False)
    level = forms.ModelChoiceField(
        label="Level",
        queryset=Level.objects.order_by("order"),
        to_field_name="slug",
        required=False,
        empty_label="Any level",
    )
    tag = forms.CharField(label="Tag", max_length=40, required=False)
    answers = forms.ChoiceField(
        label="Answers",
        choices=[("", "Any"), *ANSWER_FILTERS.items()],
        required=False,
    )


class TagWikiForm(forms.Form):
    """A tag's description and wiki, as a moderator edits them (forum.services.tagwiki)."""

    excerpt = OneLineField(
        label="Short description",
        max_length=EXCERPT_MAX_LENGTH,
        required=False,
        help_text="One sentence, plain text: shown in the tag index and while asking.",
    )
    body = forms.CharField(
        label="Wiki",
        max_length=WIKI_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown: what the tag is for, what belongs under another tag.",
    )
    reason = forms.CharField(label="Edit summary (optional)", max_length=300, required=False)
    base_revision = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1, required=False
    )


def _suggestion_reason_field() -> forms.CharField:
    return OneLineField(
        label="Why this edit",
        max_length=300,
        help_text="A line for the author and reviewers: what you fixed, and why it helps.",
    )


class QuestionSuggestionForm(QuestionEditForm):
    """A suggested edit to someone else's question: title, body and tags (the level is the
    author's choice), with a reason."""

    level = None
    reason = _suggestion_reason_field()


class AnswerSuggestionForm(AnswerEditForm):
    reason = _suggestion_reason_field()


class RejectForm(forms.Form):
    reason = OneLineField(
        label="Why reject it",
        max_length=300,
        help_text="The person who suggested it reads this.",
    )
