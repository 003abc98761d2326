"""The visitor's "report a problem" form: short, no account, a honeypot against bots."""

from __future__ import annotations

from django import forms

MAX_MESSAGE = 1000
MAX_FACT_KEY = 400


class ReportForm(forms.Form):
    fact = forms.CharField(required=False, max_length=MAX_FACT_KEY, widget=forms.HiddenInput)
    message = forms.CharField(
        label="What is wrong?",
        min_length=5,
        max_length=MAX_MESSAGE,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_MESSAGE}),
        help_text=f"At most {MAX_MESSAGE} characters. Please don't include personal details: only our team reads this.",
    )
    # Hidden from people (CSS and aria-hidden); a bot that fills every field gives itself away.
    website = forms.CharField(required=False, max_length=200, label="Leave this field empty")

    def __init__(self, *args, fact_keys: frozenset[str] = frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fact_keys = fact_keys

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("This report looks automated, so it was not sent.")
        return ""

    def clean_fact(self) -> str:
        fact = self.cleaned_data.get("fact") or ""
        if fact and fact not in self.fact_keys:
            raise forms.ValidationError(
                "That fact is not on this card any more; your report will be about the whole card."
            )
        return fact
