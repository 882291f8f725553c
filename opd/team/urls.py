"""Public pages of the team capability: setting a password from an invitation or a password link."""

from django.urls import path

from . import views

urlpatterns = [
    path("undangan/<uidb64>/<token>/", views.AcceptInvitationView.as_view(), name="team_invitation"),
    path("kata-sandi/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="team_password_link"),
    path("kata-sandi/selesai/", views.password_done, name="team_password_done"),
]
