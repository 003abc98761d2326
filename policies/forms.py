"""The admin's "Add a policy" form: one uploaded file or pasted text, never both."""

from __future__ import annotations

from django import forms
from django.conf import settings

from policies.ingest import Extracted, IngestError, from_text
from policies.sandbox import extract_untrusted

ACCEPTED = ".txt,.html,.htm,.pdf,.docx,.md,.markdown"


# Django drops a multipart file part whose name is not valid UTF-8 without a word, so the form
# would see "nothing uploaded". A request this large with nothing in it carried a lost file.
LOST_UPLOAD_BYTES = 4096
LOST_UPLOAD = (
    "The file did not arrive: its name is probably not valid UTF-8 text (some older systems save names in "
    "another encoding). Rename the file using plain letters and digits, and upload it again."
)


class AddPolicyForm(forms.Form):
    file = forms.FileField(
        required=False,
        label="Upload a policy",
        help_text="A .txt, .html, .pdf, .docx or .md (Markdown) file of at most 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )
    text = forms.CharField(
        required=False,
        label="…or paste its text",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
    )
    markdown = forms.BooleanField(required=False, label="The pasted text is Markdown")

    def __init__(self, *args, body_size: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.body_size = body_size  # the request's Content-Length, to tell a lost file from none

    def clean(self) -> dict:
        cleaned = super().clean()
        upload, pasted = cleaned.get("file"), cleaned.get("text") or ""
        if upload and pasted.strip():
            raise forms.ValidationError("Upload a file or paste text, not both.")
        if not upload and not pasted.strip():
            if self.body_size > LOST_UPLOAD_BYTES:
                raise forms.ValidationError(LOST_UPLOAD)
            raise forms.ValidationError("Upload a file or paste the policy's text.")
        try:
            if upload:
                if upload.size > settings.MAX_UPLOAD_BYTES:
                    raise IngestError("The file is larger than 10 MB.")
                data = upload.read()
                cleaned["extracted"], cleaned["original"] = extract_untrusted(data, upload.name), data
            else:
                extracted = from_text(pasted, markdown=cleaned.get("markdown", False))
                cleaned["extracted"], cleaned["original"] = extracted, pasted.encode("utf-8")
        except IngestError as exc:
            raise forms.ValidationError(str(exc), code="ingest") from None
        return cleaned

    @property
    def extracted(self) -> Extracted:
        return self.cleaned_data["extracted"]

    @property
    def source(self) -> str:
        return "upload" if self.cleaned_data.get("file") else "paste"
