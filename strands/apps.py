from django.apps import AppConfig


class StrandsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "strands"
    verbose_name = "Stränge: Leitbild und Handlungshilfen"
