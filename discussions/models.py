"""The member-only discussion area: rooms are Wagtail pages, threads and posts are rows.

``/diskussion/`` (DiscussionIndexPage) is restricted by Wagtail page privacy to the
member and moderator role groups; rooms below it inherit the restriction, so
search, API, sitemap and menus (all filtered with ``.public()``) never list them.
Threads and posts are not pages and are in no search index.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.compat import HTTPMethod
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from members.roles import Role

from .choices import ReportReason, ReportStatus

TITLE_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 10_000
PAGE_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]


class MemberOnlyPage(Page):
    """Shared rules of the discussion pages: never in the sitemap, GET and POST only."""

    allowed_http_methods = PAGE_METHODS

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        # The page privacy keeps these pages out already; this holds even if an
        # administrator removes the privacy setting by mistake.
        return []


class DiscussionIndexPage(MemberOnlyPage):
    """``/diskussion/``: the rooms, with their latest activity."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("Einleitung"),
        help_text=_("Begrüßung und Regeln für den Mitgliederbereich, über der Liste der Räume."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["discussions.DiscussionRoomPage"]

    class Meta:
        verbose_name = _("Diskussionsbereich")
        verbose_name_plural = _("Diskussionsbereiche")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rooms"] = rooms_overview(self, request.user)
        return context


class DiscussionRoomPage(RoutablePageMixin, MemberOnlyPage):
    """A room for one topic; members open threads in it. Optionally about one text."""

    description = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Beschreibung"),
        help_text=_("Worüber wird in diesem Raum gesprochen? Zwei bis drei Sätze."),
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_rooms",
        verbose_name=_("Text zu diesem Raum"),
        help_text=_(
            "Optional: ein Kapitel des Leitbilds oder eine Handlungshilfe. Mitglieder sehen "
            "dort dann den Link „Diskussion zu diesem Text“."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        PageChooserPanel(
            "related_page",
            page_type=["strands.MissionPage", "strands.GuidancePage"],
        ),
    ]

    parent_page_types = ["discussions.DiscussionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Diskussionsraum")
        verbose_name_plural = _("Diskussionsräume")

    # The views import these models, so each route imports them when it is served.

    @path("", name="threads")
    def thread_list(self, request):
        from . import views

        return views.thread_list(request, self)

    @path("thema-anlegen/", name="new_thread")
    def new_thread(self, request):
        from . import views

        return views.new_thread(request, self)

    @path("<int:thread_id>-<slug:slug>/", name="thread")
    def thread(self, request, thread_id, slug):
        from . import views

        return views.thread_detail(request, self, thread_id, slug)

    @path("<int:thread_id>-<slug:slug>/folgen/", name="follow")
    def follow(self, request, thread_id, slug):
        from . import views

        return views.follow(request, self, thread_id)

    @path("<int:thread_id>-<slug:slug>/sperren/", name="lock")
    def lock(self, request, thread_id, slug):
        from . import views

        return views.lock(request, self, thread_id)

    @path("beitrag/<int:post_id>/melden/", name="report")
    def report(self, request, post_id):
        from . import views

        return views.report(request, self, post_id)

    @path("beitrag/<int:post_id>/moderieren/", name="moderate")
    def moderate(self, request, post_id):
        from . import views

        return views.moderate_post(request, self, post_id)

    def thread_url(self, thread: "Thread") -> str:
        return self.url + self.reverse_subpage(
            "thread", kwargs={"thread_id": thread.pk, "slug": thread.slug}
        )


def rooms_overview(index: DiscussionIndexPage, user) -> list[DiscussionRoomPage]:
    """Live rooms with thread count, latest activity and whether something is new."""
    threads = Thread.objects.filter(room=OuterRef("pk"))
    rooms = (
        DiscussionRoomPage.objects.child_of(index)
        .live()
        .annotate(
            thread_count=Count("threads", distinct=True),
            last_activity_at=Subquery(
                threads.order_by("-last_activity_at").values("last_activity_at")[:1]
            ),
        )
        .order_by("path")
    )
    if user.is_authenticated:
        unread = Thread.objects.filter(room=OuterRef("pk")).unread_for(user)
        rooms = rooms.annotate(has_unread=models.Exists(unread))
    return list(rooms)


# --- Threads and posts ---------------------------------------------------------------


class ThreadQuerySet(models.QuerySet):
    def for_listing(self, user):
        """Newest activity first, with reply counts and the reader's last visit."""
        queryset = self.select_related("author", "organisation").annotate(
            visible_posts=Count("posts", filter=Q(posts__hidden=False))
        )
        if user.is_authenticated:
            queryset = queryset.annotate(
                last_read_at=Subquery(
                    ReadMarker.objects.filter(thread=OuterRef("pk"), user=user).values(
                        "last_read_at"
                    )[:1]
                )
            )
        return queryset.order_by("-last_activity_at", "-pk")

    def unread_for(self, user):
        """Threads with activity since ``user`` last read them (or never read)."""
        markers = ReadMarker.objects.filter(
            thread=OuterRef("pk"), user=user, last_read_at__gte=OuterRef("last_activity_at")
        )
        return self.exclude(models.Exists(markers))


class Thread(models.Model):
    """A topic in a room; its first post is the opening contribution."""

    room = models.ForeignKey(
        DiscussionRoomPage,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("Raum"),
    )
    title = models.CharField(_("Titel"), max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(_("Kurzname"), max_length=80, allow_unicode=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
        verbose_name=_("eröffnet von"),
    )
    # Kept on the row: the organisation still shows after the author's account is gone.
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Organisation"),
    )
    created_at = models.DateTimeField(_("eröffnet am"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("letzte Aktivität"), default=timezone.now)
    locked = models.BooleanField(_("gesperrt"), default=False)
    # Drawn when the form is shown: the same form sent twice opens one thread.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at"]
        indexes = [models.Index(fields=["room", "-last_activity_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="discussions_thread_once_per_form"
            )
        ]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:80].strip("-") or "thema"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.room.thread_url(self)

    def is_unread(self) -> bool:
        """Needs ``for_listing()``'s annotation."""
        last_read = getattr(self, "last_read_at", None)
        return last_read is None or last_read < self.last_activity_at


class Post(models.Model):
    """A contribution: plain text, rendered safely (see ``rendering.py``)."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("Thema")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
        verbose_name=_("verfasst von"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Organisation"),
    )
    text = models.TextField(_("Text"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("geschrieben am"), default=timezone.now)
    hidden = models.BooleanField(_("ausgeblendet"), default=False)
    hidden_at = models.DateTimeField(_("ausgeblendet am"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ausgeblendet von"),
    )
    # Drawn when the reply form is shown: the same form sent twice is one reply.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="discussions_post_once_per_form"
            )
        ]
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")

    def __str__(self) -> str:
        # No text and no name: this label lands in the audit log.
        return f"Beitrag Nr. {self.pk} in „{self.thread.title}“"

    @property
    def anchor(self) -> str:
        return f"beitrag-{self.pk}"

    @cached_property
    def author_is_moderator(self) -> bool:
        """Needs ``author__groups`` prefetched to stay free of queries."""
        if self.author is None:
            return False
        return any(group.name == Role.MODERATOR for group in self.author.groups.all())


class Subscription(models.Model):
    """Someone follows a thread and gets an e-mail for every new reply."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_subscriptions"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="discussions_one_subscription")
        ]
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")

    def __str__(self) -> str:
        return f"Abonnement Nr. {self.pk} für Thema Nr. {self.thread_id}"


class ReadMarker(models.Model):
    """When someone last read a thread: posts after it are marked as new."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="discussions_one_read_marker")
        ]

    def __str__(self) -> str:
        return f"Gelesen bis {self.last_read_at:%Y-%m-%d %H:%M} (Thema Nr. {self.thread_id})"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)


class Report(models.Model):
    """A member asks the moderators to look at a post."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Beitrag")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemeldet von"),
    )
    reason = models.CharField(_("Grund"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("Erläuterung"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("gemeldet am"), default=timezone.now)
    status = models.CharField(
        _("Status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bearbeitet von"),
    )
    handled_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status=ReportStatus.OPEN),
                name="discussions_one_open_report_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Meldung Nr. {self.pk} zu Beitrag Nr. {self.post_id}"
