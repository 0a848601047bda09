import re

from django import forms

from accounts.bands import Band
from growth.models import Goal, Plan, PlanAction
from growth.services import checked_goal_date
from ladder.models import Level, Track


class StartForm(forms.Form):
    """Parses the choice; which pairs of levels make sense is assessment_start's rule."""

    track = forms.ModelChoiceField(
        label="Track",
        queryset=Track.objects.order_by("order"),
        to_field_name="slug",
        empty_label=None,
        widget=forms.RadioSelect,
    )
    current = forms.ModelChoiceField(
        label="Your level now",
        queryset=Level.objects.order_by("order"),
        to_field_name="slug",
        empty_label=None,
    )
    target = forms.ModelChoiceField(
        label="The level you are aiming for",
        queryset=Level.objects.order_by("order"),
        to_field_name="slug",
        empty_label=None,
        help_text="Usually the next one. Choose your own level to check how consistent you are.",
    )

    @staticmethod
    def initial_for(user) -> dict:
        """Start from the person's band and role; aim one level higher where there is one."""
        infra = re.search(
            r"\b(sre|site reliability|infra\w*|devops|platform|ops)\b", user.headline, re.I
        )
        levels = list(Level.objects.order_by("order"))
        slugs = [level.slug for level in levels]
        current = user.band if user.band in slugs else Band.MID.value
        if user.band == Band.STAFF:
            current = slugs[-1]
        index = slugs.index(current) if current in slugs else 0
        return {
            "track": "infrastructure" if infra else "backend",
            "current": current,
            "target": slugs[min(index + 1, len(slugs) - 1)],
        }


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "discuss"]
        labels = {"title": "Plan title", "discuss": "To discuss with my manager (one per line)"}
        help_texts = {"discuss": ""}
        widgets = {"discuss": forms.Textarea(attrs={"rows": 5})}


class GoalForm(forms.ModelForm):
    """A goal's own words and date; its actions are rows of their own (ActionForm)."""

    goal_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Goal
        fields = ["title", "target_date", "why", "support", "evidence", "done"]
        labels = {
            "title": "Goal",
            "target_date": "Target date",
            "why": "Why it matters",
            "support": "Who can help (one per line)",
            "evidence": "Evidence to collect (one per line)",
            "done": "Reached",
        }
        help_texts = {"why": "", "support": "", "evidence": ""}
        widgets = {
            "why": forms.Textarea(attrs={"rows": 2}),
            "support": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_target_date(self):
        value = self.cleaned_data.get("target_date")
        checked_goal_date(value)  # the service's own rule and words
        return value


GoalFormSet = forms.formset_factory(
    GoalForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


class ActionForm(forms.ModelForm):
    """One action: its words and, if wanted, the date to have it done by. Parsing only: what
    makes an action fit is plan_action_add/_update's rule, whose errors the view puts here."""

    class Meta:
        model = PlanAction
        fields = ["text", "due"]
        labels = {"text": "Action", "due": "Due"}
        widgets = {
            "due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class ActionDoneForm(forms.Form):
    done = forms.TypedChoiceField(
        choices=[("1", "done"), ("0", "not done")], coerce=lambda v: v == "1"
    )
