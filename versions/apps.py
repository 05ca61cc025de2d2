from django.apps import AppConfig


class VersionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "versions"
    verbose_name = "Fassungen und Freigabe"

    def ready(self):
        from . import signals

        signals.connect()
