from django.contrib.admin.apps import AdminConfig


class CoopnetAdminConfig(AdminConfig):
    """Django's admin with coopnet's site (`coopnet.admin_site.CoopnetAdminSite`) as the default one."""

    default_site = "coopnet.admin_site.CoopnetAdminSite"
