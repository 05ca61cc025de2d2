"""Comment rounds (Kommentierungsrunden) on frozen drafts, their comments and the
workflow task that opens a round when a page reaches it."""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.models import Page, Revision, Task, TaskState

from members.identity import comment_attribution
from members.models import Organisation
from strands.body.blocks import BodyBlock
from strands.body.text import NumberedBlock, number_blocks

from .choices import Decision, RoundState, Visibility

COMMENT_MAX_LENGTH = 5000
QUOTE_MAX_LENGTH = 1000


class CommentRoundQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def released(self):
        return self.filter(released_at__isnull=False)

    def addressed_to(self, user):
        """Rounds whose audience includes ``user`` (a member); nothing for anyone else."""
        from .permissions import audience_q

        return self.filter(audience_q(user)).distinct()


class CommentRound(models.Model):
    """Members comment on exactly one frozen revision of a page for a time window."""

    page = models.ForeignKey(
        Page,
        on_delete=models.PROTECT,
        related_name="comment_rounds",
        verbose_name=_("Seite"),
        help_text=_("Der Leitbild- oder Handlungshilfe-Text, der kommentiert wird."),
    )
    # PROTECT: purge_revisions must not delete the revision a round refers to.
    revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eingefrorene Überarbeitung"),
    )
    # A copy of exactly the text that is commented on; autosave may rewrite revisions.
    title = models.CharField(_("Titel des Textes"), max_length=255)
    summary = models.TextField(_("Kurzfassung des Textes"), blank=True)
    body = models.JSONField(_("eingefrorener Text"), default=list)

    opens_at = models.DateTimeField(
        _("beginnt am"), help_text=_("Datum und Uhrzeit (Europe/Berlin), ab der kommentiert wird.")
    )
    closes_at = models.DateTimeField(
        _("endet am"),
        help_text=_("Datum und Uhrzeit (Europe/Berlin), bis zu der kommentiert wird."),
    )
    instructions = models.TextField(
        _("Hinweise für die Kommentierenden"),
        blank=True,
        max_length=4000,
        help_text=_("Worauf sollen die Mitglieder achten? Erscheint über dem Text."),
    )
    visibility = models.CharField(
        _("Sichtbarkeit der Kommentare"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.CLOSED,
        help_text=_("Sehen Mitglieder während der Runde die Kommentare anderer Organisationen?"),
    )
    audience_all_members = models.BooleanField(
        _("alle Mitglieder"),
        default=True,
        help_text=_("An alle Mitglieder gerichtet. Sonst nur an die unten gewählten."),
    )
    audience_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        verbose_name=_("Organisationen"),
        help_text=_("Mitglieder dieser Organisationen dürfen kommentieren."),
    )
    audience_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        verbose_name=_("Gruppen"),
        help_text=_("Mitglieder in diesen Gruppen dürfen kommentieren."),
    )

    released_at = models.DateTimeField(_("Abwägung veröffentlicht am"), null=True, blank=True)
    evaluated_at = models.DateTimeField(_("Auswertung abgeschlossen am"), null=True, blank=True)
    opening_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommentRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("Kommentierungsrunde")
        verbose_name_plural = _("Kommentierungsrunden")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="rounds_closes_after_opening",
                violation_error_message=_("Das Ende muss nach dem Beginn liegen."),
            )
        ]

    def __str__(self) -> str:
        return _("Kommentierung „%(title)s“ (%(opens)s–%(closes)s)") % {
            "title": self.title,
            "opens": timezone.localtime(self.opens_at).strftime("%d.%m.%Y"),
            "closes": timezone.localtime(self.closes_at).strftime("%d.%m.%Y"),
        }

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Das Ende muss nach dem Beginn liegen.")})

    @classmethod
    def freeze(cls, page: Page, revision: Revision | None = None, **fields) -> "CommentRound":
        """A round on ``revision`` (default: the page's latest draft), with its text copied."""
        revision = revision or page.get_latest_revision()
        content = revision.content
        return cls(
            page=page,
            revision=revision,
            title=content.get("title", page.title),
            summary=content.get("summary", ""),
            body=_raw_body(content.get("body")),
            **fields,
        )

    def state(self, now=None) -> RoundState:
        now = now or timezone.now()
        if now < self.opens_at:
            return RoundState.UPCOMING
        return RoundState.OPEN if now < self.closes_at else RoundState.CLOSED

    def is_open(self, now=None) -> bool:
        return self.state(now) == RoundState.OPEN

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    @cached_property
    def numbered_body(self) -> list[NumberedBlock]:
        return number_blocks(StreamValue(BodyBlock(), self.body, is_lazy=True))

    @cached_property
    def paragraph_numbers(self) -> dict[str, str]:
        """Block id → visible number in the frozen text."""
        return {item.block.id: item.number for item in self.numbered_body}

    def get_url(self) -> str:
        return f"{self.page.url}kommentierung/{self.pk}/"


def _raw_body(body) -> list:
    """Revision content stores the body as JSON text or as a list, by version."""
    if isinstance(body, str):
        return json.loads(body) if body else []
    return body or []


class CommentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)

    def for_table(self):
        return self.active().select_related("organisation", "author")


class Comment(models.Model):
    """A member's comment on one paragraph (or the whole text) of a round."""

    round = models.ForeignKey(
        CommentRound, on_delete=models.CASCADE, related_name="comments", verbose_name=_("Runde")
    )
    block_id = models.CharField(
        _("Absatz"), max_length=64, blank=True, help_text=_("Leer: Kommentar zum ganzen Text.")
    )
    quote = models.TextField(_("zitierte Stelle"), blank=True, max_length=QUOTE_MAX_LENGTH)
    text = models.TextField(_("Kommentar"), max_length=COMMENT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="round_comments",
        verbose_name=_("verfasst von"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="round_comments",
        verbose_name=_("Organisation"),
    )
    show_author_name = models.BooleanField(
        _("Namen in der Abwägungstabelle nennen"),
        default=False,
        help_text=_("Sonst erscheint nur die Organisation."),
    )
    created_at = models.DateTimeField(_("eingereicht am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    # Drawn when the comment form is shown: the same form sent twice is stored once.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    decision = models.CharField(
        _("Entscheidung"), max_length=20, choices=Decision.choices, default=Decision.OPEN
    )
    answer = models.TextField(_("Antwort der Redaktion"), blank=True, max_length=COMMENT_MAX_LENGTH)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    # The author rewrote the comment after the editors had decided or answered it: the
    # decision went back to "offen", and this stays until the editors decide again.
    changed_after_answer_at = models.DateTimeField(
        _("nach der Entscheidung geändert am"), null=True, blank=True
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        indexes = [models.Index(fields=["round", "block_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="rounds_comment_once_per_form"
            )
        ]

    def __str__(self) -> str:
        return _("Kommentar von %(organisation)s zu %(where)s") % {
            "organisation": self.organisation,
            "where": self.paragraph_label,
        }

    @property
    def paragraph_number(self) -> str:
        return self.round.paragraph_numbers.get(self.block_id, "") if self.block_id else ""

    @property
    def paragraph_label(self) -> str:
        if not self.block_id:
            return _("den ganzen Text")
        number = self.paragraph_number
        return _("Absatz %(number)s") % {"number": number} if number else _("einen Absatz")

    @property
    def content_key(self) -> str:
        """Short fingerprint of what the comment says and where: an answer given to one
        text must not be saved onto another."""
        content = "\x1f".join([self.block_id, self.quote, self.text])
        return hashlib.sha256(content.encode()).hexdigest()[:16]

    @property
    def is_answered(self) -> bool:
        return self.decision != Decision.OPEN or bool(self.answer)

    @property
    def attribution(self) -> str:
        """Organisation, and the person only where they agreed to be named."""
        return comment_attribution(self.show_author_name, self.author, self.organisation)


class CommentRoundTask(Task):
    """Workflow step "Kommentierungsrunde": reaching it opens a round on that revision;
    the step completes when the editors mark the round as evaluated."""

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("Redaktionsgruppen"),
        help_text=_("Diese Gruppen führen die Runde durch und werten sie aus."),
    )
    duration_days = models.PositiveSmallIntegerField(
        _("Dauer in Tagen"),
        default=28,
        help_text=_(
            "So lange läuft die Runde ab Erreichen dieses Schritts; änderbar in der Runde."
        ),
    )

    admin_form_fields = [*Task.admin_form_fields, "groups", "duration_days"]

    class Meta:
        verbose_name = _("Kommentierungsrunde")
        verbose_name_plural = _("Kommentierungsrunden (Workflow-Schritt)")

    def _in_groups(self, user) -> bool:
        return user.is_superuser or self.groups.filter(pk__in=user.groups.all()).exists()

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object
        pending = CommentRound.objects.filter(page=page, evaluated_at__isnull=True)
        if not pending.exists():
            now = timezone.now()
            CommentRound.freeze(
                page,
                task_state.revision,
                opens_at=now,
                closes_at=now + timedelta(days=self.duration_days),
                created_by=user,
            ).save()
        return task_state

    def get_actions(self, obj, user):
        if not self._in_groups(user):
            return []
        actions = [("reject", _("Änderungen anfordern"), True)]
        if CommentRound.objects.filter(page=obj, evaluated_at__isnull=False).exists():
            actions.append(("approve", _("Auswertung abgeschlossen – weiter"), False))
        return actions

    def user_can_access_editor(self, obj, user):
        return self._in_groups(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self._in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _(
            "Öffnet eine Kommentierungsrunde auf dem eingereichten Stand; weiter geht es, "
            "wenn die Redaktion die Runde ausgewertet hat."
        )
