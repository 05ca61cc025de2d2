"""The publication workflows of both strands: editorial review, then approval.

Assigning them to the strand index pages happens in ``home.site_tree`` (the pages
do not exist yet when a fresh database is migrated).
"""

from django.db import migrations

from versions.workflows import ensure_workflow_definitions


def create_workflows(apps, schema_editor):
    ensure_workflow_definitions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("versions", "0001_initial"),
        ("members", "0001_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflows, migrations.RunPython.noop)]
