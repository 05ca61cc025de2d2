from django.apps import AppConfig


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = "Mitglieder und Rollen"

    def ready(self):
        from portability.parts import register as register_export_part

        from . import export, signals
        from .portability import OrganisationsPart

        signals.connect()
        export.register_core_sections()
        register_export_part(OrganisationsPart)
