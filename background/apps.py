from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "background"
    verbose_name = "Hintergrundarbeit"
