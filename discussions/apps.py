from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussions"
    verbose_name = "Diskussion (Mitgliederbereich)"

    def ready(self):
        from members.export import register

        from .export import discussion_section

        register("diskussion", discussion_section)
