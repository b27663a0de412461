"""Every model's admin derives from CoopnetModelAdmin: what they share is written in their bases, not added behind
their back, and a system check refuses one that forgets it."""

from django.contrib import admin
from django.contrib.auth.models import User

from adminkit.checks import every_admin_is_coopnets
from adminkit.site import SHARED_MIXINS, CoopnetModelAdmin


def test_every_registered_admin_has_the_shared_mixins():
    for model_admin in admin.site._registry.values():
        assert isinstance(model_admin, CoopnetModelAdmin) or all(isinstance(model_admin, m) for m in SHARED_MIXINS)
    assert every_admin_is_coopnets() == []


def test_djangos_user_admin_is_registered_again_as_coopnets():
    assert all(isinstance(admin.site._registry[User], mixin) for mixin in SHARED_MIXINS)


def test_the_check_refuses_a_plain_model_admin():
    registered = admin.site._registry[User]
    admin.site._registry[User] = admin.ModelAdmin(User, admin.site)
    try:
        errors = every_admin_is_coopnets()
    finally:
        admin.site._registry[User] = registered

    assert [error.id for error in errors] == ["adminkit.E001"]
    assert "auth.User" in errors[0].msg


def test_the_check_refuses_an_inline_without_the_related_links_rule():
    from django.contrib.auth.models import Group

    class PlainInline(admin.TabularInline):
        model = User.groups.through

    registered = admin.site._registry[Group]
    admin.site._registry[Group] = type("GroupAdmin", (CoopnetModelAdmin,), {"inlines": [PlainInline]})(
        Group, admin.site
    )
    try:
        errors = every_admin_is_coopnets()
    finally:
        admin.site._registry[Group] = registered

    assert [error.id for error in errors] == ["adminkit.E002"]
    assert "PlainInline" in errors[0].msg


def test_an_events_row_of_libraries_links_to_the_library_only(client, methodologist):
    """No red ✖ (it deleted the library itself), no «+» or ✎ on a row: the chosen library's view link only."""
    from django.urls import reverse

    from tests.factories import EventFactory, LibraryFactory, ParticipationFactory

    event = EventFactory()
    ParticipationFactory(event=event, library=LibraryFactory())
    client.force_login(methodologist)

    page = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()

    assert "delete-related" not in page
    assert 'id="change_id_participations-0-library"' not in page
    assert 'id="add_id_participations-0-library"' not in page
    assert 'id="view_id_participations-0-library"' in page
    assert 'id="add_id_organiser"' in page  # the event's own organiser may still be added from here
