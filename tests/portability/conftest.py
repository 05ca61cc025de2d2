import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import models
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from discussions.models import Thread
from home.models import HomePage
from members.models import Organisation
from rounds.models import CommentRound
from versions.models import Version


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run(*args: str) -> str:
    """A management command, quietly; returns what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def wipe_content() -> None:
    """Remove every kind of content the export carries, as a fresh database lacks it."""
    CommentRound.objects.all().delete()
    # Versions refuse deletion by design; a new database simply does not have them.
    models.QuerySet(Version).delete()
    Thread.objects.all().delete()
    for home in HomePage.objects.all():
        home.delete()
    Organisation.objects.all().delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    Collection.objects.exclude(depth=1).delete()
    Tag.objects.all().delete()


def read_tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def all_text(folder: Path) -> str:
    return "\n".join(
        content.decode("utf-8")
        for name, content in read_tree(folder).items()
        if name.endswith((".json", ".md"))
    )
