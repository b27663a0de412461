"""Partners' proposals in the admin: the methodologists read them, complete the draft event and publish it, or
decline the proposal with a comment the partner sees. Registered by `PortalConfig.ready()` beside the accounts'
admin (portal/admin.py)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from adminkit.site import CoopnetModelAdmin


class ProposalAdmin(CoopnetModelAdmin):
    list_display = ["title", "library", "kind", "starts_on", "fate_now", "created_at"]
    list_filter = ["decision", "kind", "library"]
    search_fields = ["title", "description", "library__short_name"]
    list_select_related = ["library", "event", "exhibition", "contest"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "library",
        "author_shown",
        "title",
        "kind",
        "format",
        "audience",
        "starts_on",
        "ends_on",
        "description",
        "draft_event",
        "created_at",
    ]
    fieldsets = [
        (
            _("Что предложено"),
            {"fields": ["library", "author_shown", "title", "kind", "format", "audience", "starts_on", "ends_on"]},
        ),
        (None, {"fields": ["description", "draft_event", "created_at"]}),
        (_("Решение"), {"fields": ["decision", "decision_comment"]}),
    ]

    def has_add_permission(self, request):
        return False  # proposals come from the portal

    @admin.display(description=_("автор"))
    def author_shown(self, proposal):
        """Who sent it: the name and email, linked to the partner's portal account (whoever may see proposals may
        see the accounts: portal/migrations/0002), not to the user's own page, which only a superuser may open."""
        author = proposal.author
        if author is None:
            return "—"
        name = author.get_full_name() or author.get_username()
        shown = format_html("{} ({})", name, author.email) if author.email else name
        membership = getattr(author, "partner_membership", None)
        if membership is None:
            return shown
        account = reverse("admin:portal_membership_change", args=[membership.pk])
        return format_html('<a href="{}">{}</a>', account, shown)

    @admin.display(description=_("судьба"))
    def fate_now(self, proposal):
        return proposal.fate()

    @admin.display(description=_("черновик"))
    def draft_event(self, proposal):
        draft = proposal.draft
        if draft is None:
            return "—"
        opts = draft._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[draft.pk])
        return format_html(
            '<a href="{}">{} «{}»: {}</a>', url, opts.verbose_name, draft, _("открыть, дополнить и опубликовать")
        )
