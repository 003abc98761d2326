"""The visitor's "report a problem" form: short, no account, a honeypot against bots."""

from __future__ import annotations

from django import forms

from reviews.facts import LIST_SECTIONS

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


class DecisionForm(forms.Form):
    """One admin decision on one fact. The quote comes from a text selection (start/end) or, without
    JavaScript, from pasting it: it must then occur exactly once in the policy text."""

    fact_key = forms.CharField(max_length=MAX_FACT_KEY, widget=forms.HiddenInput, required=False)
    section = forms.ChoiceField(required=False, choices=[(s, s) for s in LIST_SECTIONS], help_text="Adding: where.")
    action = forms.ChoiceField(choices=())
    code = forms.CharField(
        required=False, max_length=64, help_text="Another code (correct) or the new fact's code (add)."
    )
    value = forms.CharField(required=False, max_length=500, help_text="A new value: yes/no/not_stated, an age, a date.")
    how_kind = forms.CharField(required=False, max_length=32, label="How (kind)")
    how_value = forms.CharField(required=False, max_length=500, label="How (address, link or number)")
    start = forms.IntegerField(required=False, min_value=0, widget=forms.NumberInput(attrs={"class": "sel-start"}))
    end = forms.IntegerField(required=False, min_value=0, widget=forms.NumberInput(attrs={"class": "sel-end"}))
    quote = forms.CharField(required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, actions: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = actions

    def span(self, text: str) -> tuple[int, int] | None:
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start is not None and end is not None:
            return start, end
        quote = self.cleaned_data.get("quote") or ""
        if not quote:
            return None
        at = text.find(quote)
        if at < 0:
            raise forms.ValidationError("The pasted quote is not in the policy text; copy it exactly.")
        if text.find(quote, at + 1) >= 0:
            raise forms.ValidationError("The pasted quote occurs more than once; select it in the text instead.")
        return at, at + len(quote)
