"""Every publication of a versioned page records a version (also at scheduled go-live)."""

from wagtail.signals import page_published

from .mixins import VersionedPage
from .publication import record_publication


def create_version_on_publish(sender, instance, revision, **kwargs) -> None:
    if isinstance(instance, VersionedPage):
        record_publication(instance, revision)


def connect() -> None:
    page_published.connect(create_version_on_publish, dispatch_uid="versions-record-publication")
