"""The admin form of versioned pages: the "Fassung" fields know the next version number."""

from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm

from .choices import ChangeKind
from .publication import change_note_problem, latest_version, next_labels, published_on

# Buttons of Wagtail's page editor that send the text towards publication.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class VersionedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "change_kind" in self.fields:
            # Optional in the form: a missing choice means the default, a minor change.
            self.fields["change_kind"].required = False
        page = self.instance
        self.latest_version = latest_version(page)
        if self.latest_version is None:
            return
        latest = self.latest_version
        labels = next_labels(latest)
        if "change_kind" in self.fields:
            self.fields["change_kind"].help_text = gettext(
                "Zuletzt veröffentlicht: Fassung %(label)s vom %(date)s. Eine kleine Änderung "
                "wird Fassung %(minor)s, eine grundlegende Fassung %(major)s."
            ) % {
                "label": latest.label,
                "date": published_on(latest.published_at),
                "minor": labels[ChangeKind.MINOR],
                "major": labels[ChangeKind.MAJOR],
            }
        # After a publication the page still carries that version's note; a new
        # change starts with an empty note instead of silently reusing it.
        if not self.is_bound and (page.change_note or "").strip() == latest.change_note.strip():
            self.initial["change_note"] = ""
            self.initial["change_kind"] = ChangeKind.MINOR

    def publication_requested(self) -> bool:
        """Whether this save sends the text towards publication (or is part of an approval)."""
        data = self.data
        if data.get("action-workflow-action"):
            return data.get("workflow-action-name") != "reject"
        if data.get("action-cancel-workflow"):
            return False
        if any(data.get(name) for name in PUBLISHING_ACTIONS):
            return True
        # What is saved during an approval is what the approvers will publish.
        return bool(self.instance.pk and self.instance.workflow_in_progress)

    def clean_change_kind(self):
        return self.cleaned_data.get("change_kind") or ChangeKind.MINOR

    def clean(self):
        cleaned_data = super().clean()
        if self.latest_version and "change_note" in self.fields and self.publication_requested():
            problem = change_note_problem(cleaned_data.get("change_note", ""), self.latest_version)
            if problem:
                self.add_error("change_note", problem)
        return cleaned_data
