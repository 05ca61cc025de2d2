"""Wagtail admin: reported posts for the moderators."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .choices import ReportStatus
from .models import Report

HIDE, DISMISS = "ausblenden", "zurueckweisen"


class ReportDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            (HIDE, _("Beitrag ausblenden: er erscheint als „vom Moderationsteam ausgeblendet“")),
            (DISMISS, _("Kein Verstoß: Meldung zurückweisen, Beitrag bleibt sichtbar")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Report
        fields = []


class HandleReportView(generic.EditView):
    page_title = _("Meldung bearbeiten")
    submit_button_label = _("Entscheidung speichern")
    success_message = None

    def dispatch(self, request, *args, **kwargs):
        if self.get_object().status != ReportStatus.OPEN:
            messages.info(request, _("Diese Meldung ist bereits bearbeitet."))
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        post = self.object.post
        if self.form.cleaned_data["decision"] == HIDE:
            services.hide_post(post, self.request.user)
            messages.success(self.request, _("Der Beitrag ist ausgeblendet."))
        else:
            services.dismiss_reports(post, self.request.user)
            messages.success(self.request, _("Die Meldung ist zurückgewiesen."))
        self.object.refresh_from_db()
        return self.object


class ReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("post__thread__room", "reporter", "post__author")
        )


thread_title = Column("thread", label=_("Thema"), accessor=lambda report: report.post.thread.title)


class ReportViewSet(ModelViewSet):
    model = Report
    name = "meldungen"
    index_view_class = ReportIndexView
    edit_view_class = HandleReportView
    icon = "warning"
    menu_label = _("Meldungen")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", thread_title, "reason", "created_at", "status"]
    list_filter = ["status", "reason"]
    search_fields = ["post__text", "details", "post__thread__title"]
    ordering = ["-created_at"]

    def get_edit_handler(self):
        panels = [
            HelpPanel(
                template="discussions/admin/report_summary.html", heading=_("Gemeldeter Beitrag")
            ),
            FieldPanel("decision"),
        ]
        return ObjectList(panels, base_form_class=ReportDecisionForm).bind_to_model(self.model)
