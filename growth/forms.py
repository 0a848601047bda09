import re

from django import forms

from accounts.bands import Band
from growth.models import Goal, Plan
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
    goal_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Goal
        fields = ["title", "actions", "evidence", "target_date", "done"]
        labels = {
            "title": "Goal",
            "actions": "Actions (one per line)",
            "evidence": "Evidence to collect (one per line)",
            "target_date": "Target date",
            "done": "Done",
        }
        help_texts = {"actions": "", "evidence": ""}
        widgets = {
            "actions": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


GoalFormSet = forms.formset_factory(
    GoalForm, extra=1, can_delete=True, max_num=20, validate_max=True
)
