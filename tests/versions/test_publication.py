"""Every publication of a text is one numbered, frozen, immutable version."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import ProtectedError
from django.utils import timezone
from wagtail.models import Page, Revision

from demo.content import para
from strands.models import PracticeExamplePage
from tests import factories
from versions.choices import ChangeKind
from versions.models import ImmutableVersionError, Version

from .helpers import paragraph, publish, raw_body, reload


@pytest.mark.django_db
def test_first_publication_is_version_1_0_with_a_frozen_copy(text_page):
    version = Version.objects.of_page(text_page).get()
    assert version.label == "1.0"
    assert version.revision_id == text_page.live_revision_id
    assert version.title == "Offene Standards"
    assert version.summary == "Warum offene Standards zählen."
    assert version.body == text_page.body.get_prep_value()
    assert version.published_at == text_page.last_published_at
    assert version.change_note == ""


@pytest.mark.django_db
def test_minor_and_major_changes_number_the_versions(text_page):
    labels = [
        publish(text_page, "Absatz 1.2 präzisiert.").label,
        publish(text_page, "Tippfehler in 2.1 behoben.", ChangeKind.MINOR).label,
        publish(text_page, "Neuer Abschnitt nach der Kommentierung.", ChangeKind.MAJOR).label,
        publish(text_page, "Abschnitt 3 gekürzt.").label,
        publish(text_page, "Zweite grundlegende Überarbeitung.", ChangeKind.MAJOR).label,
    ]
    assert labels == ["1.1", "1.2", "2.0", "2.1", "3.0"]
    assert Version.objects.of_page(text_page).count() == 6


@pytest.mark.django_db
def test_each_publication_creates_exactly_one_version(text_page):
    revision = reload(text_page).live_revision
    revision.publish()  # publishing the same revision again is no new version
    assert Version.objects.of_page(text_page).count() == 1
    reload(text_page).save_revision()  # a draft is no version either
    assert Version.objects.of_page(text_page).count() == 1


@pytest.mark.django_db
def test_later_versions_need_their_own_change_note(text_page):
    publish(text_page, "Absatz 1.2 präzisiert.")
    with pytest.raises(ValidationError) as missing:
        publish(text_page, "")
    assert "Änderungshinweis" in str(missing.value)
    with pytest.raises(ValidationError) as repeated:
        publish(text_page, "Absatz 1.2 präzisiert.")
    assert "gehört noch zu Fassung 1.1" in str(repeated.value)
    assert [v.label for v in Version.objects.of_page(text_page).newest_first()] == ["1.1", "1.0"]
    assert reload(text_page).live_revision.version.label == "1.1"


@pytest.mark.django_db
def test_a_scheduled_publication_becomes_a_version_at_go_live(text_page):
    page = reload(text_page)
    page.body = [*raw_body(page), paragraph("Ab Januar gilt die neue Regel.")]
    page.change_note = "Neue Regel ab Januar."
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision().publish()
    assert Version.objects.of_page(page).count() == 1  # only scheduled so far

    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        call_command("publish_scheduled", verbosity=0)

    version = Version.objects.of_page(page).newest_first().first()
    assert version.label == "1.1"
    assert version.change_note == "Neue Regel ab Januar."
    assert "Ab Januar gilt die neue Regel." in version.canonical_text


@pytest.mark.django_db
def test_a_text_scheduled_before_its_first_publication_gets_1_0_at_go_live(mission_index):
    page = factories.draft_child(
        mission_index,
        factories.MissionPage(title="Geplant", body=factories.body(1, 1)),
    )
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    assert not Version.objects.of_page(page).exists()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        call_command("publish_scheduled", verbosity=0)
    assert Version.objects.of_page(page).get().label == "1.0"


@pytest.mark.django_db
def test_canonical_text_is_markdown_and_its_hash_is_sha256(text_page):
    version = publish(
        text_page,
        "Zitat und Hinweis ergänzt.",
        easy_language_summary="Städte wollen selbst bestimmen.\nDas ist wichtig.",
        body=[*raw_body(text_page), para("Städte prüfen Verträge mit <Augenmaß> & Sorgfalt.")],
    )
    text = version.canonical_text
    assert text.startswith("# Offene Standards\n\nFassung 1.1 vom ")
    assert "Änderungshinweis: Zitat und Hinweis ergänzt." in text
    assert "## In Leichter Sprache\n\nStädte wollen selbst bestimmen.\n\nDas ist wichtig." in text
    assert "## 1 Abschnitt 1" in text and "**1.1** Absatz 1.1 über offene Standards." in text
    assert "**2.4** Städte prüfen Verträge mit \\<Augenmaß\\> & Sorgfalt." in text
    assert version.content_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.django_db
def test_the_frozen_copy_survives_changes_to_the_revision(text_page):
    version = Version.objects.of_page(text_page).get()
    revision = version.revision
    revision.content = {**revision.content, "title": "Nachträglich verändert"}
    revision.save()  # what autosave overwriting a revision in place amounts to
    version.refresh_from_db()
    assert version.title == "Offene Standards"


@pytest.mark.django_db
def test_versions_cannot_be_changed_or_deleted(text_page):
    version = Version.objects.of_page(text_page).get()
    version.change_note = "nachträglich geschönt"
    with pytest.raises(ImmutableVersionError, match="unveränderlich"):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=version.pk).update(major=9)
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert (version.label, version.change_note) == ("1.0", "")


@pytest.mark.django_db
def test_published_revisions_survive_purge_revisions(text_page):
    first = Version.objects.of_page(text_page).get()
    publish(text_page, "Zweite Fassung.")
    publish(text_page, "Dritte Fassung.")
    reload(text_page).save_revision()  # a draft that may be purged

    call_command("purge_revisions", verbosity=0)

    assert Revision.objects.filter(pk=first.revision_id).exists()
    assert Version.objects.of_page(text_page).count() == 3
    with pytest.raises(ProtectedError):
        Revision.objects.get(pk=first.revision_id).delete()


@pytest.mark.django_db
def test_a_page_with_versions_cannot_be_deleted(text_page):
    with pytest.raises(ProtectedError):
        Page.objects.get(pk=text_page.pk).delete()
    assert Page.objects.filter(pk=text_page.pk).exists()


@pytest.mark.django_db
def test_practice_examples_are_not_versioned(examples_index):
    factories.practice_example(examples_index)
    assert not Version.objects.exists()
    assert not hasattr(PracticeExamplePage, "change_note")


@pytest.mark.django_db
def test_a_copy_starts_at_1_0_without_the_originals_note(text_page):
    publish(text_page, "Abschnitt 2 ergänzt.")
    copy = reload(text_page).copy(update_attrs={"slug": "kopie", "title": "Kopie"}, keep_live=True)
    version = Version.objects.of_page(copy).get()  # a live copy is published at once
    assert (version.label, version.change_note) == ("1.0", "")
