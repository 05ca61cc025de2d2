"""Strand editors run comment rounds in the admin (the views limit them to their strand)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ["Redaktion Leitbild", "Redaktion Handlungshilfen"]
CODENAMES = ["add_commentround", "change_commentround", "view_commentround"]


def grant(apps, schema_editor):
    # Permissions of a new model appear only after migrate; create them now.
    app_config = apps.get_app_config("rounds")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="rounds", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("rounds", "0001_initial"), ("members", "0001_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
