"""The per-strand facts, in one table: page types, editor role, publication workflow.

Rounds, versions, members and the site skeleton read them from here instead of
restating them. Page types are named as ``"app_label.ModelName"`` and resolved on
use, so this module imports no models and every app may import it.

Who may *edit* a strand is deliberately not in this table: that is Wagtail's page
permissions on the strand's pages (Einstellungen → Gruppen). The editor role gets
them when the site is set up, and an administrator may change them there; every
check of "may edit this page" asks Wagtail, never the group's name.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps

from members.roles import Role

from .choices import Strand

# The last step of every publication workflow; both strands share it.
APPROVAL_TASK = "Freigabe"
APPROVER_ROLE = Role.APPROVER


@dataclass(frozen=True)
class StrandEntry:
    strand: Strand
    index_model_name: str
    text_model_names: tuple[str, ...]
    editor_role: Role
    workflow: str
    review_task: str

    @property
    def slug(self) -> str:
        """The index page's slug, which is also the strand's key in URLs and feeds."""
        return self.strand.value

    @property
    def title(self) -> str:
        return str(self.strand.label)

    @property
    def index_model(self) -> type:
        return apps.get_model(self.index_model_name)

    @property
    def text_models(self) -> tuple[type, ...]:
        """The versioned text page types of the strand (comment rounds run on them)."""
        return tuple(apps.get_model(name) for name in self.text_model_names)


STRANDS: tuple[StrandEntry, ...] = (
    StrandEntry(
        strand=Strand.MISSION,
        index_model_name="strands.MissionIndexPage",
        text_model_names=("strands.MissionPage",),
        editor_role=Role.MISSION_EDITOR,
        workflow="Veröffentlichung Leitbild",
        review_task="Redaktionelle Prüfung Leitbild",
    ),
    StrandEntry(
        strand=Strand.GUIDANCE,
        index_model_name="strands.GuidanceIndexPage",
        text_model_names=("strands.GuidancePage",),
        editor_role=Role.GUIDANCE_EDITOR,
        workflow="Veröffentlichung Handlungshilfen",
        review_task="Redaktionelle Prüfung Handlungshilfen",
    ),
)

_BY_STRAND = {entry.strand: entry for entry in STRANDS}


def entry_for(strand: str) -> StrandEntry | None:
    """The entry of ``strand`` (a Strand or its value, e.g. ``"leitbild"``), if there is one."""
    try:
        return _BY_STRAND.get(Strand(strand))
    except ValueError:
        return None


def entry_of_page(page) -> StrandEntry | None:
    """The entry of the strand ``page`` belongs to, by its page type's ``strand``."""
    return entry_for(getattr(page.specific_class, "strand", ""))


def text_models(entries: Iterable[StrandEntry] = STRANDS) -> list[type]:
    """The versioned text page types of ``entries`` (default: all strands), in table order."""
    return [model for entry in entries for model in entry.text_models]
