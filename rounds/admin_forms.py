from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .choices import Decision
from .models import CommentRound
from .permissions import pages_for_rounds


def pages_editable_by(user):
    """Texts ``user`` may open a round on, by their page permissions (all texts for staff)."""
    return pages_for_rounds(user)


class CommentRoundAdminForm(WagtailAdminModelForm):
    """Opening a round freezes the page's current draft; later edits change only the frame."""

    page_choice = forms.TypedChoiceField(
        label=_("Text"),
        coerce=int,
        help_text=_("Der aktuelle Entwurf dieses Textes wird für die Runde eingefroren."),
    )

    class Meta:
        model = CommentRound
        fields = [
            "opens_at",
            "closes_at",
            "instructions",
            "visibility",
            "audience_all_members",
            "audience_organisations",
            "audience_groups",
        ]
        widgets = {
            "audience_organisations": forms.CheckboxSelectMultiple,
            "audience_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["page_choice"]
        else:
            self.fields["page_choice"].choices = [
                (page.pk, page.title) for page in pages_editable_by(self.for_user)
            ]

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Das Ende muss nach dem Beginn liegen."))
        if not cleaned.get("audience_all_members") and not (
            cleaned.get("audience_organisations") or cleaned.get("audience_groups")
        ):
            self.add_error(
                "audience_all_members",
                _("Bitte wählen Sie, an wen sich die Runde richtet."),
            )
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            page = next(
                p
                for p in pages_editable_by(self.for_user)
                if p.pk == self.cleaned_data["page_choice"]
            )
            frozen = CommentRound.freeze(page)
            for field in ("page", "revision", "title", "summary", "body"):
                setattr(self.instance, field, getattr(frozen, field))
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class BulkDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Entscheidung"), choices=Decision.choices)
    answer = forms.CharField(
        label=_("Antwort der Redaktion"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
