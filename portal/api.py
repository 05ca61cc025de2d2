"""Open-data API (Wagtail API v2): live, public pages only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Open data is the same for everyone: Wagtail's stock endpoint would add the
    restricted pages a session may see (e.g. the member area for members)."""

    def get_base_queryset(self):
        return super().get_base_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
