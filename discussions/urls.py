from django.urls import path

from . import views

app_name = "discussions"

urlpatterns = [
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
