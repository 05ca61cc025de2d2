from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    # In front of allauth's own route of the same path (portal/urls.py includes ours first).
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("konto/", views.account, name="account"),
    path("konto/name/", views.update_profile, name="profile"),
    path("konto/mitgliedschaft/", views.request_membership, name="request"),
    path("konto/datenexport/", views.export_data, name="export"),
    path("konto/loeschen/", views.delete_account, name="delete"),
]
