"""Routes of comment rounds below every text page: ``<page>/kommentierung/<id>/``."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path


class CommentRoundRoutes(RoutablePageMixin):
    @path("kommentierung/", name="comment_rounds")
    def comment_rounds(self, request):
        """Without a number: the overview of all rounds."""
        return redirect(reverse("rounds:overview"))

    @path("kommentierung/<int:round_id>/", name="comment_round")
    def comment_round(self, request, round_id):
        from .views import round_view

        return round_view(request, self, round_id)

    # Served through rounds/urls.py: Wagtail's own serve URL refuses the dot.
    @re_path(r"^kommentierung/(?P<round_id>\d+)/termin\.ics/$", name="comment_round_calendar")
    def comment_round_calendar(self, request, round_id):
        from .calendar_views import round_calendar_view

        return round_calendar_view(request, self, int(round_id))

    @path(
        "kommentierung/<int:round_id>/kommentar/<int:comment_id>/bearbeiten/",
        name="comment_edit",
    )
    def comment_edit(self, request, round_id, comment_id):
        from .views import comment_edit_view

        return comment_edit_view(request, self, round_id, comment_id)

    @path(
        "kommentierung/<int:round_id>/kommentar/<int:comment_id>/zurueckziehen/",
        name="comment_withdraw",
    )
    def comment_withdraw(self, request, round_id, comment_id):
        from .views import comment_withdraw_view

        return comment_withdraw_view(request, self, round_id, comment_id)
