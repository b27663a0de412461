from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The staff side above the apps: the admin home's «Что требует внимания» (`staff.dashboard`)."""

    name = "staff"
    verbose_name = "coopnet"

    def ready(self):
        from django.contrib import admin

        from staff.dashboard import index_context

        admin.site.index_context = index_context
