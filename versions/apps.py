from django.apps import AppConfig


class VersionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "versions"
    verbose_name = "Fassungen und Freigabe"

    def ready(self):
        from portability.parts import register as register_export_part

        from . import signals
        from .portability import VersionsPart

        signals.connect()
        register_export_part(VersionsPart)
