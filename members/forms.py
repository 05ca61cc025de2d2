from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth import password_validation as validation
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import MembershipRequest, Organisation

NAME_HELP = _(
    "Erscheint im Mitgliederbereich neben Ihren Beiträgen, zusammen mit Ihrer Organisation."
)


def password_hint() -> str:
    """The rules of ``AUTH_PASSWORD_VALIDATORS`` in one German sentence, instead of
    Django's list with a line per validator."""
    rules = []
    for validator in validation.get_default_password_validators():
        if isinstance(validator, validation.MinimumLengthValidator):
            length = gettext("mindestens %(count)d Zeichen") % {"count": validator.min_length}
            rules.insert(0, length)
        elif isinstance(validator, validation.NumericPasswordValidator):
            rules.append(gettext("nicht nur aus Ziffern"))
        elif isinstance(validator, validation.CommonPasswordValidator):
            rules.append(gettext("kein gängiges Passwort"))
        elif isinstance(validator, validation.UserAttributeSimilarityValidator):
            rules.append(gettext("nicht ähnlich zu Ihrem Namen oder Ihrer E-Mail-Adresse"))
    if not rules:
        return ""
    return gettext("Ihr Passwort: %(rules)s.") % {"rules": ", ".join(rules)}


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form (``ACCOUNT_SIGNUP_FORM_CLASS``).

    allauth's adapter copies ``first_name`` and ``last_name`` onto the new user.
    """

    first_name = forms.CharField(
        label=_("Vorname"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nachname"),
        max_length=150,
        help_text=NAME_HELP,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )

    def signup(self, request, user) -> None:
        """Nothing beyond what allauth saves already."""

    def _post_clean(self) -> None:
        super()._post_clean()
        # allauth's sign-up form inherits from this class and has set
        # ``account_already_exists`` by now. A known address gets the same answer as a
        # new one, but only the new one hashes the password (to store it): hash it
        # here too, once the form is valid, so the response time does not tell.
        if not self.errors and getattr(self, "account_already_exists", False):
            make_password(self.cleaned_data.get("password1"))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Vorname"), "last_name": _("Nachname")}
        help_texts = {"last_name": NAME_HELP}
        widgets = {
            "first_name": forms.TextInput({"autocomplete": "given-name"}),
            "last_name": forms.TextInput({"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class MembershipRequestForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.active(),
        label=_("Ihre Organisation"),
        empty_label=_("Bitte wählen"),
        help_text=_("Die Stadt, die Gemeinde, der Kreis oder der Verband, für den Sie arbeiten."),
        error_messages={
            "required": _("Bitte wählen Sie Ihre Organisation."),
            "invalid_choice": _("Bitte wählen Sie eine Organisation aus der Liste."),
        },
    )

    class Meta:
        model = MembershipRequest
        fields = ["organisation", "message"]
        widgets = {"message": forms.Textarea({"rows": 4, "maxlength": 1000})}


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Ich möchte mein Konto endgültig löschen. Meine Beiträge bleiben stehen und "
            "zeigen danach nur noch meine Organisation."
        )
    )
    password = forms.CharField(
        label=_("Ihr Passwort"),
        widget=forms.PasswordInput({"autocomplete": "current-password"}),
        help_text=_("Zur Sicherheit: Bestätigen Sie die Löschung mit Ihrem Passwort."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            # Accounts from single sign-on have no password here; the checkbox suffices.
            del self.fields["password"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password
