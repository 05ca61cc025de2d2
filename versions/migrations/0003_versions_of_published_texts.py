"""Record version 1.0 for texts that were already live before versions existed."""

import json

from django.db import migrations
from django.utils import timezone

from versions.canonical import CanonicalSource, canonical_markdown, content_hash
from versions.publication import published_on

TEXT_PAGE_MODELS = [("strands", "MissionPage"), ("strands", "GuidancePage")]


def record_first_versions(apps, schema_editor):
    Version = apps.get_model("versions", "Version")
    Revision = apps.get_model("wagtailcore", "Revision")
    for app_label, model_name in TEXT_PAGE_MODELS:
        model = apps.get_model(app_label, model_name)
        pages = model.objects.filter(live=True, live_revision__isnull=False).exclude(
            pk__in=Version.objects.values("page_id")
        )
        for page in pages:
            revision = Revision.objects.get(pk=page.live_revision_id)
            content = revision.content
            body = content.get("body") or []
            if isinstance(body, str):
                body = json.loads(body)
            published_at = page.last_published_at or timezone.now()
            fields = {
                "title": content.get("title", page.title),
                "summary": content.get("summary", "") or "",
                "easy_language_summary": "",
                "change_note": "",
            }
            text = canonical_markdown(
                CanonicalSource(
                    label="1.0", published_on=published_on(published_at), body=body, **fields
                )
            )
            Version.objects.create(
                page_id=page.pk,
                revision_id=revision.pk,
                major=1,
                minor=0,
                change_kind="minor",
                published_at=published_at,
                approver_id=revision.user_id,
                body=body,
                canonical_text=text,
                content_hash=content_hash(text),
                **fields,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("versions", "0002_publication_workflows"),
        ("strands", "0002_versioned_text_pages"),
    ]

    operations = [migrations.RunPython(record_first_versions, migrations.RunPython.noop)]
