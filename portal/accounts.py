"""Partner accounts: logging in and out of the portal (invitations and password reset join them here)."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class PortalLoginView(auth_views.LoginView):
    template_name = "portal/accounts/login.html"
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return str(reverse_lazy("portal:home"))


class PortalLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:login")
