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
        connect_cache_renewal()


def connect_cache_renewal() -> None:
    """Public pages name rounds (overview, home page, text pages): a round opened, moved
    or deleted in the admin renews them; time passing is ``renew_round_listings``'s."""
    from django.db.models.signals import post_delete, post_save

    from portal import content_cache

    from .models import CommentRound

    for signal in (post_save, post_delete):
        signal.connect(
            content_cache.bump, sender=CommentRound, dispatch_uid=f"rounds-cache-{id(signal)}"
        )
