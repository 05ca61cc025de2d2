from django.apps import AppConfig


class RoundsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rounds"
    verbose_name = "Kommentierungsrunden"

    def ready(self):
        from members.export import register
        from portability.parts import register as register_export_part

        from .export import comment_section
        from .portability import RoundsPart

        register("kommentierung", comment_section)
        register_export_part(RoundsPart)
