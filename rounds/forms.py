import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from strands.body.text import number_blocks, plain_text

from .models import COMMENT_MAX_LENGTH, QUOTE_MAX_LENGTH, Comment, CommentRound


class CommentForm(forms.ModelForm):
    """A comment on one paragraph (``block_id``) or, without it, on the whole text."""

    block_id = forms.CharField(required=False, widget=forms.HiddenInput)
    # A new one for every form shown; see ``services.submit_comment``.
    submission_token = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = Comment
        fields = ["block_id", "quote", "text", "show_author_name"]
        labels = {
            "quote": _("Zitierte Stelle (optional)"),
            "text": _("Ihr Kommentar"),
            "show_author_name": _("Meinen Namen in der Abwägungstabelle nennen"),
        }
        help_texts = {
            "quote": _("Kopieren Sie die Stelle aus dem Absatz, auf die Sie sich beziehen."),
            "text": _("Höchstens 5.000 Zeichen."),
            "show_author_name": _("Sonst erscheint nur Ihre Organisation."),
        }
        widgets = {
            "quote": forms.Textarea(attrs={"rows": 2, "maxlength": QUOTE_MAX_LENGTH}),
            "text": forms.Textarea(attrs={"rows": 5, "maxlength": COMMENT_MAX_LENGTH}),
        }
        error_messages = {
            "text": {
                "required": _("Bitte schreiben Sie Ihren Kommentar."),
                "max_length": _("Der Kommentar ist zu lang: höchstens %(limit_value)d Zeichen."),
            },
            "quote": {
                "max_length": _(
                    "Die zitierte Stelle ist zu lang: höchstens %(limit_value)d Zeichen."
                )
            },
        }

    def __init__(self, *args, round: CommentRound, **kwargs):
        self.round = round
        super().__init__(*args, **kwargs)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreiben Sie Ihren Kommentar."))
        return text

    def clean(self):
        cleaned = super().clean()
        block_id = cleaned.get("block_id") or ""
        quote = " ".join((cleaned.get("quote") or "").split())
        blocks = {item.id: item for item in number_blocks(self.round.body)}
        if block_id and block_id not in blocks:
            raise forms.ValidationError(
                _("Diesen Absatz gibt es in der kommentierten Fassung nicht.")
            )
        if quote:
            if not block_id:
                self.add_error("quote", _("Eine Stelle lässt sich nur aus einem Absatz zitieren."))
            elif quote not in plain_text(blocks[block_id].block):
                self.add_error(
                    "quote",
                    _("Diese Stelle steht so nicht in Absatz %(number)s.")
                    % {"number": blocks[block_id].number},
                )
        cleaned["block_id"], cleaned["quote"] = block_id, quote
        return cleaned
