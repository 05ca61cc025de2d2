from django.apps import AppConfig


class RoundsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rounds"
    verbose_name = "Kommentierungsrunden"

    def ready(self):
        from members.export import register

        from .export import comment_section

        register("kommentierung", comment_section)
