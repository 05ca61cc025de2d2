"""Wagtail admin: organisations, memberships and membership requests under "Mitglieder"."""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from . import services
from .choices import MembershipSource
from .identity import admin_label, admin_name
from .models import Membership, MembershipEnding, MembershipRequest, Organisation


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """For records that people create in the front end; staff only handle them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class RestoreOnlyPermissionPolicy(ModelPermissionPolicy):
    """Endings come from ending a membership and go by restoring it, never by hand:
    deleting one would quietly let the e-mail domain grant the membership again."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


# --- Organisations -------------------------------------------------------------------


class OrganisationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related("domains")
            .annotate(member_count=Count("memberships", distinct=True))
        )

    def search_queryset(self, queryset):
        # Searching across domains joins a many-side table: one row per organisation.
        return super().search_queryset(queryset).distinct()


member_count = Column(
    "member_count",
    label=_("Mitglieder"),
    accessor=lambda organisation: organisation.member_count,
    sort_key="member_count",
)


class YesNoColumn(BooleanColumn):
    """Wagtail's tick/cross column, read out as "Ja"/"Nein" instead of "True"/"False"."""

    cell_template_name = "members/admin/boolean_cell.html"


active = YesNoColumn("active", label=_("Aktiv"), sort_key="active")


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "organisationen"
    index_view_class = OrganisationIndexView
    icon = "site"
    menu_label = _("Organisationen")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["name", "kind", "ags", "domain_list", member_count, active]
    list_filter = ["kind", "active"]
    list_export = ["name", "kind", "ags", "domain_list", "active"]
    export_filename = "organisationen"
    search_fields = ["name", "ags", "domains__domain"]
    ordering = ["name"]


# --- Memberships ---------------------------------------------------------------------


class MembershipForm(WagtailAdminModelForm):
    def save(self, commit=True):
        if self.instance._state.adding:
            self.instance.source = MembershipSource.STAFF
        return super().save(commit)


person = Column(
    "person",
    label=_("Person"),
    accessor=lambda membership: admin_label(membership.user),
    sort_key="user__last_name",
)


class MembershipIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "organisation")


class EndMembershipView(generic.DeleteView):
    """Deleting a membership in the admin ends it: recorded, so no login undoes it."""

    page_title = _("Mitgliedschaft beenden")
    success_message = _("Mitgliedschaft beendet: %(object)s.")

    @property
    def confirmation_message(self):
        return _(
            "Die Person bleibt registriert, ist aber kein Mitglied mehr und wird es auch über "
            "ihre E-Mail-Adresse nicht wieder. Auf „Mein Konto“ sieht sie, dass die "
            "Verwaltung die Mitgliedschaft beendet hat. Wiederherstellen können Sie sie unter "
            "„Beendete Mitgliedschaften“."
        )

    def delete_action(self):
        services.end_membership(self.object, ended_by=self.request.user)


class MembershipViewSet(ModelViewSet):
    model = Membership
    name = "mitgliedschaften"
    index_view_class = MembershipIndexView
    delete_view_class = EndMembershipView
    icon = "user"
    menu_label = _("Mitgliedschaften")
    add_to_admin_menu = False
    copy_view_enabled = False
    panels = [FieldPanel("user"), FieldPanel("organisation")]
    list_display = ["__str__", person, "organisation", "source", "created_at"]
    list_filter = ["organisation", "source"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    ordering = ["organisation__name", "user__last_name"]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=MembershipForm).bind_to_model(self.model)


# --- Ended memberships ---------------------------------------------------------------


class RestoreForm(WagtailAdminModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
        help_text=_("Die Person wird wieder Mitglied dieser Organisation."),
    )

    class Meta:
        model = MembershipEnding
        fields = ["organisation"]


class RestoreMembershipView(generic.EditView):
    page_title = _("Mitgliedschaft wiederherstellen")
    submit_button_label = _("Mitgliedschaft wiederherstellen")
    success_message = None

    def save_instance(self):
        ending = self.object
        membership = services.restore_membership(
            ending, self.form.cleaned_data["organisation"], restored_by=self.request.user
        )
        messages.success(
            self.request,
            _("%(name)s ist wieder Mitglied von %(org)s.")
            % {"name": admin_label(membership.user), "org": membership.organisation},
        )
        return ending


class MembershipEndingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "organisation", "ended_by")


def ended_by_label(item) -> str:
    if item.ended_by is None:
        return "–"
    return admin_name(item.ended_by)


ended_by = Column("ended_by", label=_("beendet von"), accessor=ended_by_label)


class MembershipEndingViewSet(ModelViewSet):
    model = MembershipEnding
    name = "beendete_mitgliedschaften"
    index_view_class = MembershipEndingIndexView
    edit_view_class = RestoreMembershipView
    icon = "user"
    menu_label = _("Beendete Mitgliedschaften")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["__str__", person, "organisation", "ended_at", ended_by]
    list_filter = ["organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    ordering = ["-ended_at"]

    def get_edit_handler(self):
        panels = [
            HelpPanel(template="members/admin/ending_summary.html", heading=_("Beendet")),
            FieldPanel("organisation"),
        ]
        return ObjectList(panels, base_form_class=RestoreForm).bind_to_model(self.model)


# --- Membership requests -------------------------------------------------------------


class DecisionForm(WagtailAdminModelForm):
    decision = forms.TypedChoiceField(
        label=_("Entscheidung"),
        choices=[(True, _("Annehmen: Person wird Mitglied")), (False, _("Ablehnen"))],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MembershipRequest
        fields = ["decision_note"]


class DecideRequestView(generic.EditView):
    page_title = _("Antrag entscheiden")
    submit_button_label = _("Entscheidung speichern und Person benachrichtigen")
    success_message = None

    def dispatch(self, request, *args, **kwargs):
        membership_request = self.get_object()
        if not membership_request.is_pending:
            messages.info(request, _("Über diesen Antrag ist bereits entschieden."))
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        approve = self.form.cleaned_data["decision"]
        decided = services.decide_request(
            self.object,
            approve=approve,
            decided_by=self.request.user,
            note=self.form.cleaned_data["decision_note"],
        )
        name = admin_name(decided.user)
        if approve:
            message = _("Antrag angenommen: %(name)s ist jetzt Mitglied von %(org)s.")
        else:
            message = _("Antrag von %(name)s abgelehnt.")
        messages.success(self.request, message % {"name": name, "org": decided.organisation})
        return decided


class MembershipRequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "organisation")


class MembershipRequestViewSet(ModelViewSet):
    model = MembershipRequest
    name = "mitgliedsantraege"
    index_view_class = MembershipRequestIndexView
    edit_view_class = DecideRequestView
    icon = "mail"
    menu_label = _("Mitgliedsanträge")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "organisation",
        "message",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
        "decision_note",
    ]
    list_display = ["__str__", person, "status", "created_at", "decided_at"]
    list_filter = ["status", "organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    ordering = ["-created_at"]

    def get_edit_handler(self):
        panels = [
            HelpPanel(template="members/admin/request_summary.html", heading=_("Antrag")),
            FieldPanel("decision"),
            FieldPanel("decision_note"),
        ]
        return ObjectList(panels, base_form_class=DecisionForm).bind_to_model(self.model)


class MembersGroup(ModelViewSetGroup):
    menu_label = _("Mitglieder")
    menu_icon = "group"
    menu_order = 250
    items = [
        OrganisationViewSet,
        MembershipViewSet,
        MembershipEndingViewSet,
        MembershipRequestViewSet,
    ]


def pending_requests_url() -> str:
    return reverse("mitgliedsantraege:index") + "?status=offen"
