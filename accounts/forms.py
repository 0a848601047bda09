from django import forms
from django.urls import reverse

from accounts import names
from accounts.bands import LEVEL_CODE_EXAMPLES, Band, band_for_level_code
from accounts.models import User
from accounts.selectors import name_looks_taken

AUTO_BAND = ""


class ProfileForm(forms.ModelForm):
    band_override = forms.ChoiceField(
        label="Band",
        required=False,
        choices=[
            (AUTO_BAND, "Work it out from my level code"),
            *(
                (band.value, f"{band.label} ({band.note})" if band.note else band.label)
                for band in Band
            ),
        ],
        help_text="Rungs groups levels into bands. Pick one if the guess from your code is off, "
        "or if Rungs cannot read your code.",
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "headline",
            "company",
            "level_code",
            "email_frequency",
            "show_readiness",
        ]
        labels = {
            "headline": "Headline role",
            "level_code": "Level code",
            "email_frequency": "E-mail me about my notifications",
        }
        widgets = {"email_frequency": forms.RadioSelect}
        error_messages = {
            field: {
                "max_length": "Keep it to %(limit_value)d characters or fewer "
                "(this has %(show_value)d)."
            }
            for field in ("display_name", "headline", "company", "level_code")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.band_overridden:
            self.initial["band_override"] = self.instance.band
        for field in self.fields.values():
            # A browser cuts what is typed or pasted at `maxlength` without a word; the length is
            # checked here instead, with an error by the field.
            field.widget.attrs.pop("maxlength", None)
        if "email_frequency" in self.fields:  # the welcome step leaves it out
            self.fields["email_frequency"].required = False
        code = self.fields["level_code"]
        code.widget.attrs.update(
            {
                "hx-get": reverse("accounts:level_band"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#level-band",
                "hx-swap": "innerHTML",
            }
        )

    def clean_email_frequency(self) -> str:
        """Left out of a submission (an older form, a script): keep the saved choice."""
        return self.cleaned_data.get("email_frequency") or self.instance.email_frequency

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

    def clean(self) -> dict:
        """A level code the mapper cannot read is refused unless the person picks the band
        themselves: otherwise their posts would silently carry no band at all."""
        data = super().clean()
        code = (data.get("level_code") or "").strip()
        if code and not data.get("band_override") and band_for_level_code(code) is None:
            self.add_error(
                "level_code",
                forms.ValidationError(
                    "Rungs cannot tell the band from this code. It understands codes like "
                    f"{LEVEL_CODE_EXAMPLES}. Write one of those, or choose your band below.",
                    code="unmapped",
                ),
            )
        return data

    def cleaned_band_override(self) -> Band | None:
        value = self.cleaned_data.get("band_override")
        return Band(value) if value else None


class WelcomeForm(ProfileForm):
    """The welcome step after the first log-in: the part of the profile that tells people who
    is asking (the same checks and band preview as the edit page)."""

    class Meta(ProfileForm.Meta):
        fields = ["display_name", "headline", "level_code"]
