"""The task queue in the admin (Einstellungen → Hintergrundaufgaben), read only.

Failed attempts stay here with their traceback; a retry shows as a new entry with
the next attempt number.
"""

import json

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .retries import MAX_ATTEMPTS
from .schedule import JOBS

STATUS_LABELS = {
    TaskResultStatus.READY: _("wartet"),
    TaskResultStatus.RUNNING: _("läuft"),
    TaskResultStatus.FAILED: _("fehlgeschlagen"),
    TaskResultStatus.SUCCESSFUL: _("erledigt"),
}
TASK_LABELS = {
    "members.tasks.send_email": _("E-Mails versenden"),
    "discussions.tasks.notify_followers": _("Neue Antwort: Benachrichtigungen versenden"),
    "background.tasks.run_job": _("Zeitplan"),
    "modelsearch.tasks.insert_or_update_object_task": _("Suchindex aktualisieren"),
    "wagtail.tasks.update_reference_index_task": _("Verweisindex aktualisieren"),
    "wagtail.tasks.delete_file_from_storage_task": _("Datei aus dem Speicher löschen"),
    "wagtail.images.tasks.set_image_focal_point_task": _("Bildausschnitt bestimmen"),
}
# Tasks with an attempt number (background.retries).
RETRIED_TASKS = {"members.tasks.send_email", "discussions.tasks.notify_followers"}
FIELD_LABELS = {
    "task": _("Aufgabe"),
    "task_path": _("Funktion"),
    "status": _("Status"),
    "attempt": _("Versuch"),
    "arguments": _("Argumente"),
    "enqueued_at": _("eingereiht am"),
    "run_after": _("frühestens ab"),
    "started_at": _("begonnen am"),
    "finished_at": _("beendet am"),
    "worker_ids": _("Worker"),
    "return_value": _("Ergebnis"),
    "exception_class_path": _("Fehler"),
    "traceback": _("Ablauf des Fehlers (Traceback)"),
}


def task_label(result: DBTaskResult) -> str:
    label = TASK_LABELS.get(result.task_path, result.task_path)
    if result.task_path == "background.tasks.run_job":
        command = (result.args_kwargs.get("args") or [""])[0]
        job = JOBS.get(command)
        return f"{label}: {job.description if job else command}"
    return str(label)


def status_label(result: DBTaskResult) -> str:
    return str(STATUS_LABELS.get(result.status, result.status))


def attempt_label(result: DBTaskResult) -> str:
    attempt = result.args_kwargs.get("kwargs", {}).get("attempt")
    if attempt is None and result.task_path not in RETRIED_TASKS:
        return "–"
    return _("%(attempt)s von %(max)s") % {"attempt": attempt or 1, "max": MAX_ATTEMPTS}


def error_label(result: DBTaskResult) -> str:
    return result.exception_class_path.rsplit(".", 1)[-1] if result.exception_class_path else ""


def run_after(result: DBTaskResult):
    return None if result.run_after == get_date_max() else result.run_after


class TaskResultFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=list(STATUS_LABELS.items()))

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class TaskResultPaginator(WagtailPaginator):
    verbose_name = _("Hintergrundaufgabe")
    verbose_name_plural = _("Hintergrundaufgaben")


class TaskResultIndexView(generic.IndexView):
    default_ordering = "-enqueued_at"
    filterset_class = TaskResultFilterSet
    paginator_class = TaskResultPaginator
    # django-tasks-db names its model in English only.
    page_title = _("Hintergrundaufgaben")
    verbose_name = _("Hintergrundaufgabe")
    verbose_name_plural = _("Hintergrundaufgaben")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "task", label=_("Aufgabe"), accessor=task_label, get_url=self.get_inspect_url
            ),
            Column("status", label=_("Status"), accessor=status_label, sort_key="status"),
            Column("attempt", label=_("Versuch"), accessor=attempt_label),
            Column("error", label=_("Fehler"), accessor=error_label),
            DateColumn("enqueued_at", label=_("eingereiht"), sort_key="enqueued_at"),
            DateColumn("run_after", label=_("frühestens ab"), accessor=run_after),
            DateColumn("finished_at", label=_("beendet"), sort_key="finished_at"),
        ]


class TaskResultInspectView(generic.InspectView):
    def get_page_subtitle(self):
        return task_label(self.object)

    def get_breadcrumbs_items(self):
        listing = reverse(self.index_url_name)
        return [
            {**item, "label": _("Hintergrundaufgaben")} if item["url"] == listing else item
            for item in super().get_breadcrumbs_items()
        ]

    def get_field_label(self, field_name, field):
        return FIELD_LABELS[field_name]

    def get_task_display_value(self):
        return task_label(self.object)

    def get_status_display_value(self):
        return status_label(self.object)

    def get_attempt_display_value(self):
        return attempt_label(self.object)

    def get_arguments_display_value(self):
        return self._pre(json.dumps(self.object.args_kwargs, ensure_ascii=False, indent=2))

    def get_run_after_display_value(self):
        return run_after(self.object) or "–"

    def get_worker_ids_display_value(self):
        return ", ".join(self.object.worker_ids) or "–"

    def get_return_value_display_value(self):
        value = self.object.return_value
        if value is None:
            return "–"
        return self._pre(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))

    def get_exception_class_path_display_value(self):
        return self.object.exception_class_path or "–"

    def get_traceback_display_value(self):
        return self._pre(self.object.traceback) if self.object.traceback else "–"

    @staticmethod
    def _pre(text: str):
        return format_html('<pre class="task-result">{}</pre>', text)


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    name = "hintergrundaufgaben"
    icon = "cogs"
    menu_label = _("Hintergrundaufgaben")
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = TaskResultIndexView
    inspect_view_class = TaskResultInspectView
    inspect_view_enabled = True
    inspect_view_fields = list(FIELD_LABELS)
    copy_view_enabled = False
    list_per_page = 50

    def get_urlpatterns(self):
        # Index and inspect only: results are records of what the worker did.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
        ]
