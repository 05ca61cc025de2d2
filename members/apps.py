from django.apps import AppConfig


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = "Mitglieder und Rollen"

    def ready(self):
        from . import export, signals

        signals.connect()
        export.register_core_sections()
