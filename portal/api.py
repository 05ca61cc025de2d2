"""Open-data API (Wagtail API v2): live, public pages only.

Wagtail passes some parameters unchecked to the search engine and the database;
the checks here turn what those cannot take into a 400 with a German message."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from search.query import MAX_QUERY_LENGTH, breaks_search

# Far beyond any listing of this portal, and far inside every database's integer range
# (an offset the database cannot hold fails in the query, not in Wagtail's checks).
MAX_OFFSET = 1_000_000
SEARCH_OPERATORS = ("and", "or")


def whole_number(params, name: str, default: int, maximum: int) -> int:
    """The parameter ``name`` as an integer from 0 to ``maximum``, else a 400."""
    try:
        value = int(params.get(name, default))
    except ValueError:
        value = -1
    if not 0 <= value <= maximum:
        raise BadRequestError(
            _("Der Parameter „%(name)s“ muss eine ganze Zahl von 0 bis %(maximum)d sein.")
            % {"name": name, "maximum": maximum}
        )
    return value


class PublicPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        whole_number(request.GET, "offset", 0, MAX_OFFSET)
        whole_number(request.GET, "limit", min(20, limit_max), limit_max)
        return super().paginate_queryset(queryset, request, view)


class CheckedSearchFilter(SearchFilter):
    """Search terms follow the search page's rule (search/query.py): a quote or NUL
    would reach the full-text engine and fail there."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            check_search_terms(request.GET["search"])
            check_search_operator(request.GET.get("search_operator"))
        return super().filter_queryset(request, queryset, view)


def check_search_terms(terms: str) -> None:
    if len(terms) > MAX_QUERY_LENGTH:
        raise BadRequestError(
            _("Der Suchbegriff darf höchstens %(maximum)d Zeichen lang sein.")
            % {"maximum": MAX_QUERY_LENGTH}
        )
    if breaks_search(terms):
        raise BadRequestError(
            _("Der Suchbegriff darf keine Anführungszeichen und keine Steuerzeichen enthalten.")
        )


def check_search_operator(operator: str | None) -> None:
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError(_("Der Parameter „search_operator“ kennt nur „and“ und „or“."))


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail converts booleans and integers itself; any other value a field cannot
    hold (``?first_published_at=abc``) would only fail inside the database query."""

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name in filterable.intersection(request.GET):
            check_filter_value(queryset.model, name, request.GET[name])
        return super().filter_queryset(request, queryset, view)


def check_filter_value(model: type[models.Model], name: str, value: str) -> None:
    field = model._meta.get_field(name)
    # Booleans: Wagtail accepts "true"/"false", which Django's to_python() does not.
    if not isinstance(field, models.Field) or isinstance(field, models.BooleanField):
        return
    try:
        field.to_python(value)
    except ValidationError as error:
        raise BadRequestError(
            _("Ungültiger Wert für den Filter „%(name)s“: %(reason)s")
            % {"name": name, "reason": " ".join(error.messages)}
        ) from error


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Open data is the same for everyone: Wagtail's stock endpoint would add the
    restricted pages a session may see (e.g. the member area for members)."""

    pagination_class = PublicPagination
    filter_backends = [
        {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def find_object(self, queryset, request):
        # A NUL byte names no page, and PostgreSQL refuses it in the slug lookup.
        if "\x00" in request.GET.get("html_path", ""):
            return None
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError):  # ?id=abc names no page
            return None

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": _("Nicht gefunden.")}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
