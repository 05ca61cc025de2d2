import re
import uuid

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .choices import ReportReason
from .models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH

# Control characters other than tab and line breaks have no place in plain text.
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e]")


def clean_plain_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n")).strip()


def number(value: int) -> str:
    """German thousands separator: 10000 → 10.000."""
    return f"{value:,}".replace(",", ".")


class PlainTextField(forms.CharField):
    """Plain text with clear German messages when it is empty or too long.

    Text areas get no ``maxlength`` attribute: a browser would cut pasted text
    silently, while the server says what is too long and keeps the text.
    """

    def __init__(self, *, required_message, too_long_noun, max_length: int, **kwargs):
        super().__init__(max_length=max_length, strip=False, **kwargs)
        self.error_messages["required"] = required_message
        self.too_long_noun = too_long_noun

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.Textarea):
            attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        return clean_plain_text(super().to_python(value) or "")

    def run_validators(self, value):
        if value and len(value) > self.max_length:
            raise forms.ValidationError(
                _(
                    "%(noun)s ist zu lang: höchstens %(max)s Zeichen, Ihr Text hat %(length)s. "
                    "Bitte kürzen Sie ihn."
                ),
                code="max_length",
                params={
                    "noun": self.too_long_noun,
                    "max": number(self.max_length),
                    "length": number(len(value)),
                },
            )
        super().run_validators(value)


def post_text_field(label) -> PlainTextField:
    return PlainTextField(
        label=label,
        required_message=_("Bitte schreiben Sie einen Text."),
        too_long_noun=_("Ihr Text"),
        max_length=TEXT_MAX_LENGTH,
        help_text=format_lazy(
            _(
                "Reiner Text, höchstens {max} Zeichen. Leerzeilen trennen Absätze, Zeilen mit "
                "> am Anfang sind ein Zitat, Webadressen werden zu Links."
            ),
            max=number(TEXT_MAX_LENGTH),
        ),
        widget=forms.Textarea({"rows": 8}),
    )


def submission_token_field() -> forms.UUIDField:
    """A new token for every form shown: the same form sent twice is stored once."""
    return forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)


class ThreadForm(forms.Form):
    title = PlainTextField(
        label=_("Titel des Themas"),
        required_message=_("Bitte geben Sie einen Titel ein."),
        too_long_noun=_("Der Titel"),
        max_length=TITLE_MAX_LENGTH,
        help_text=format_lazy(_("Worum geht es? Höchstens {max} Zeichen."), max=TITLE_MAX_LENGTH),
    )
    text = post_text_field(_("Ihr Beitrag"))
    submission_token = submission_token_field()

    def clean_title(self) -> str:
        # A title is one line.
        return " ".join(self.cleaned_data["title"].split())


class ReplyForm(forms.Form):
    text = post_text_field(_("Ihre Antwort"))
    follow = forms.BooleanField(
        required=False,
        label=_("Bei neuen Antworten in diesem Thema per E-Mail benachrichtigen"),
    )
    submission_token = submission_token_field()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Warum soll das Moderationsteam diesen Beitrag prüfen?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    details = PlainTextField(
        label=_("Erläuterung (freiwillig)"),
        required=False,
        required_message="",
        too_long_noun=_("Die Erläuterung"),
        max_length=1000,
        help_text=_("Was genau ist das Problem? Höchstens 1.000 Zeichen."),
        widget=forms.Textarea({"rows": 4}),
    )
