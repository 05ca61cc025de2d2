from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "portability"
    verbose_name = "Ausstieg und Datenübernahme"

    def ready(self):
        from .media import MediaPart
        from .pages import PagesPart
        from .parts import register

        # The core parts; the apps register theirs in their own ready().
        register(MediaPart)
        register(PagesPart)
