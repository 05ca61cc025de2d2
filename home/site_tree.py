"""The skeleton every installation needs, as DESIGN.md draws it; created idempotently."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from discussions.site import ensure_discussion_area
from legal.models import AccessibilityPage, FeedbackField, LegalPage
from members.roles import ensure_roles
from portal.page_tree import ensure_child, publish_child
from strands.choices import Strand
from strands.models import PracticeExampleIndexPage
from strands.registry import STRANDS
from versions.workflows import ensure_publication_workflows

from .models import HomePage

TO_BE_WRITTEN = "<p>Dieser Text wird von der Redaktion ergänzt.</p>"


def remove_default_welcome_page(root: Page) -> None:
    """Wagtail's migrations create a plain 'Welcome' page; it has no place in our tree."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.child_of(root).filter(content_type=plain_page, numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def public_host() -> tuple[str, int]:
    """Hostname and port of the portal's public address (``PORTAL_BASE_URL``)."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)


def ensure_default_site(home: HomePage) -> Site:
    """The default site serves ``home`` at the public address: Wagtail builds absolute
    URLs (API ``html_url``, feeds, sitemap) from it, not from the settings."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    hostname, port = public_host()
    if site.pk is None or (site.root_page_id, site.hostname, site.port) != (
        home.pk,
        hostname,
        port,
    ):
        site.hostname, site.port, site.root_page = hostname, port, home
        site.site_name = site.site_name or "Kommunal souverän"
        site.save()
    return site


@transaction.atomic
def ensure_site_tree() -> HomePage:
    # Wagtail's migrations create the locale and root page; an emptied database
    # (a flush, a restore of content tables only) lacks them.
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("de"))
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        remove_default_welcome_page(root)
        home = publish_child(
            root,
            HomePage(title="Kommunal souverän", slug="start", intro=TO_BE_WRITTEN),
        )
    ensure_default_site(home)

    strand_roots = {
        entry.strand: ensure_child(
            home, entry.index_model, entry.slug, title=entry.title, show_in_menus=True
        )
        for entry in STRANDS
    }
    ensure_child(
        strand_roots[Strand.GUIDANCE], PracticeExampleIndexPage, "beispiele", title="Gute Beispiele"
    )
    for slug, title in [
        ("impressum", "Impressum"),
        ("datenschutz", "Datenschutzerklärung"),
        ("leichte-sprache", "Leichte Sprache"),
    ]:
        ensure_child(home, LegalPage, slug, title=title, body=TO_BE_WRITTEN)
    ensure_child(
        home,
        AccessibilityPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        body=TO_BE_WRITTEN,
        # BITV 2.0 requires a way to report barriers from day one.
        form_fields=[
            FeedbackField(label="Ihr Name", field_type="singleline", required=False),
            FeedbackField(label="Ihre E-Mail-Adresse", field_type="email", required=False),
            FeedbackField(label="Ihre Nachricht", field_type="multiline", required=True),
        ],
    )
    ensure_roles({entry.editor_role: strand_roots[entry.strand] for entry in STRANDS})
    ensure_publication_workflows(*strand_roots.values())
    ensure_discussion_area(home)
    return home
