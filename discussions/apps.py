from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussions"
    verbose_name = "Diskussion (Mitgliederbereich)"

    def ready(self):
        from members.export import register
        from portability.parts import register as register_export_part

        from .export import discussion_section
        from .portability import DiscussionsPart

        register("diskussion", discussion_section)
        register_export_part(DiscussionsPart)
