from django import forms

from accounts import names
from accounts.bands import Band
from accounts.models import User
from accounts.selectors import name_looks_taken

AUTO_BAND = ""


class ProfileForm(forms.ModelForm):
    band_override = forms.ChoiceField(
        label="Band",
        required=False,
        choices=[(AUTO_BAND, "Work it out from my level code"), *Band.choices],
        help_text="Rungs groups levels into bands. Pick one if the guess from your code is off.",
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "headline",
            "company",
            "level_code",
            "email_notifications",
            "show_readiness",
        ]
        labels = {"headline": "Headline role", "level_code": "Level code"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.band_overridden:
            self.initial["band_override"] = self.instance.band

    def clean_display_name(self) -> str:
        """Stored in NFKC; no invisible or direction-changing characters; not another member's
        name or username, however it is spelt (the model's validators refuse reserved names)."""
        value = names.normalise(self.cleaned_data["display_name"])
        names.validate_characters(value)
        if value and name_looks_taken(value, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                "Another member goes by this name, or one that looks just like it. Choose another.",
                code="taken",
            )
        return value

    def cleaned_band_override(self) -> Band | None:
        value = self.cleaned_data.get("band_override")
        return Band(value) if value else None
