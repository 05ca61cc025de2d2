"""Create the role groups so a fresh install has them; page rights follow in setup_site."""


from django.db import migrations

ROLE_NAMES = [
    "Mitglieder",
    "Moderation",
    "Redaktion Leitbild",
    "Redaktion Handlungshilfen",
    "Freigabe",
]


# Wagtail's own starter groups have rights on the whole tree; our roles replace them.
WAGTAIL_STARTER_GROUPS = ["Editors", "Moderators"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)
    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
