"""The partner portal under /partner/: a part of the public site for partner libraries' own staff."""

from django.urls import path

from ops.ratelimit import rate_limited
from portal import accounts, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement"),
    path("agreements/<int:pk>/scan/", views.agreement_scan, name="agreement_scan"),
    path("amendments/<int:pk>/scan/", views.amendment_scan, name="amendment_scan"),
    path("activities/", views.activities, name="activities"),
    path("events/<int:pk>/", views.participation_detail, name="participation"),
    path("stops/<int:pk>/", views.stop_detail, name="stop"),
    path("contests/<int:pk>/", views.curatorship_detail, name="curatorship"),
    path("rows/<slug:key>/<int:pk>/", views.row_detail, name="row"),
    path("proposals/", views.proposals, name="proposals"),
    # Each proposal sent becomes a draft in the admin: RATE_LIMITS["proposals"] an hour per client.
    path(
        "proposals/new/",
        rate_limited("proposals", window=3600, methods=["POST"])(views.proposal_new),
        name="proposal_new",
    ),
    path("report/", views.report, name="report"),
    path("report/<int:year>.<str:fmt>", views.report_download, name="report_download"),
    # Accounts: invitation, login, logout, password reset (portal/accounts.py).
    path("login/", accounts.PortalLoginView.as_view(), name="login"),
    path("logout/", accounts.PortalLogoutView.as_view(), name="logout"),
    path("invitation/<uidb64>/<token>/", accounts.InvitationView.as_view(), name="invitation"),
    path(
        "password_reset/",
        rate_limited("password_reset")(accounts.PortalPasswordResetView.as_view()),
        name="password_reset",
    ),
    path("password_reset/done/", accounts.PortalPasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", accounts.PortalPasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", accounts.PortalPasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
