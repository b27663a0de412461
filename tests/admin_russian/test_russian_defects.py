"""Each Russian defect found in the admin and the portal, with the words that replace it (the language walk,
test_language_walk.py, keeps all of them away from every page)."""

import datetime
import importlib
import json

import pytest
from axes.models import AccessLog
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from adminkit.grammar import NOUNS
from agreements.models import Direction
from agreements.timeline import agreement_timeline
from core.models import Profile
from core.people import Gender, guess_gender
from portal.invitations import invite
from tests import factories
from tests.conftest import ensure_staff_groups

KEMEROVO = datetime.timezone(datetime.timedelta(hours=7))


def url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def staff_client(client, gender=Gender.UNKNOWN, **kwargs):
    user = factories.UserFactory(is_superuser=True, **kwargs)
    Profile.objects.create(user=user, gender=gender)
    client.force_login(user)
    return client


@pytest.fixture
def staff(client, db):
    return staff_client(client)


def page(client, address, **params) -> str:
    response = client.get(address, params)
    assert response.status_code == 200, address
    return response.content.decode()


# Related fields: «…выбранный объект типа » with the type missing.


def test_related_field_icons_name_the_related_model_in_the_accusative(staff):
    html = page(staff, url("agreements.contact", "add"))
    assert 'title="Изменить выбранную библиотеку"' in html
    assert 'title="Добавить ещё одну библиотеку"' in html
    assert 'title="Просмотреть выбранную библиотеку"' in html
    assert "объект типа" not in html


def test_related_field_icons_of_an_inline_name_the_related_model_too(staff):
    event = factories.EventFactory()
    html = page(staff, url("events.event", "change", event.pk))
    assert 'title="Изменить выбранную библиотеку"' in html
    assert "объект типа" not in html


def test_related_field_icons_agree_with_gender_and_animacy():
    assert NOUNS["agreements.agreement"].selected == "выбранное соглашение"
    assert NOUNS["events.person"].selected == "выбранного гостя"
    assert NOUNS["contests.contest"].selected == "выбранный конкурс"


# Django's jargon: «Сохранить и добавить другой объект», «связанные объекты», «Выбрано 0 объектов из 5».


def test_save_and_add_another_names_the_model(staff):
    html = page(staff, url("agreements.library", "add"))
    assert 'value="Сохранить и добавить ещё одну библиотеку"' in html
    assert "другой объект" not in html


def test_the_selection_counter_says_no_objects(staff):
    factories.LibraryFactory()
    assert "Выбрано: 0 из 1" in page(staff, url("agreements.library", "changelist"))
    catalogue = page(staff, reverse("admin:jsi18n"))
    assert json.dumps("Выбрано: %(sel)s из %(cnt)s")[1:-1] in catalogue


def test_a_record_without_history_says_so_without_jargon(staff):
    group = Group.objects.create(name="Волонтёры")
    html = page(staff, url("auth.group", "history", group.pk))
    assert "объект" not in html.lower().replace("object-history", "")


# Case: «7 Декабрь» in the date drill-downs.


def test_date_drilldown_days_take_the_genitive(staff):
    factories.EventFactory(starts_at=datetime.datetime(2030, 3, 10, 14, tzinfo=KEMEROVO))
    html = page(staff, url("events.event", "changelist"), starts_at__year=2030, starts_at__month=3)
    assert "10 марта" in html
    assert "10 Март" not in html


# Gender: «Да, я уверен» said to a woman; «Удалено вместе с ней» said of an event.


@pytest.mark.parametrize(
    ("gender", "button"),
    [(Gender.FEMALE, "Да, я уверена"), (Gender.MALE, "Да, я уверен"), (Gender.UNKNOWN, "Да, удалить")],
)
def test_the_delete_button_addresses_the_user(client, db, gender, button):
    staff_client(client, gender)
    library = factories.LibraryFactory()
    assert f'value="{button}"' in page(client, url("agreements.library", "delete", library.pk))
    bulk = client.post(
        url("agreements.library", "changelist"), {"action": "delete_selected", "_selected_action": [library.pk]}
    )
    assert f'value="{button}"' in bulk.content.decode()


def test_the_delete_page_agrees_with_the_records_gender(staff):
    event = factories.EventFactory(title="Читаем вместе")
    factories.ParticipationFactory(event=event)
    html = page(staff, url("events.event", "delete", event.pk))
    assert "удалить мероприятие «Читаем вместе»? Вместе с ним будут удалены и записи, которые от него зависят." in html
    assert "связанные объекты" not in html
    library = factories.LibraryFactory(short_name="ЦГДБ")
    factories.ContactFactory(library=library)
    html = page(staff, url("agreements.library", "delete", library.pk))
    assert "Вместе с ней будут удалены и записи, которые от неё зависят." in html


def test_the_delete_page_of_a_record_alone_names_nothing_else(staff):
    library = factories.LibraryFactory(short_name="ЦГДБ")
    html = page(staff, url("agreements.library", "delete", library.pk))
    assert "Вы уверены, что хотите удалить библиотеку «ЦГДБ»?</p>" in html
    assert "Вместе с" not in html


def test_the_delete_summary_counts_with_each_nouns_forms(staff):
    event = factories.EventFactory()
    for _ in range(3):
        factories.ParticipationFactory(event=event)
    html = page(staff, url("events.event", "delete", event.pk))
    assert "<li>1 мероприятие</li>" in html
    assert f"<li>{NOUNS['events.participation'].count(3)}</li>" in html
    assert "Краткая статистика" not in html


def test_deleted_records_agree_with_the_records_gender(staff):
    event = factories.EventFactory()
    factories.ParticipationFactory(event=event)
    library = factories.LibraryFactory()
    factories.ContactFactory(library=library)
    for label, obj in [("events.event", event), ("agreements.library", library)]:
        assert staff.post(url(label, "delete", obj.pk), {"post": "yes"}).status_code == 302
    html = page(staff, url("history.deletedrecord", "changelist"))
    assert "Удалено вместе с ним:" in html  # the event
    assert "Удалено вместе с ней:" in html  # the library


# Two wordings of one refusal: «Не удается удалить» / «Нельзя удалить».


def test_a_refused_delete_says_nelzya_on_both_delete_pages(staff):
    project = factories.ProjectFactory()
    factories.EpisodeFactory(project=project)
    one = page(staff, url("events.project", "delete", project.pk))
    assert "<title>Нельзя удалить просветительский проект |" in one
    bulk = staff.post(
        url("events.project", "changelist"), {"action": "delete_selected", "_selected_action": [project.pk]}
    )
    html = bulk.content.decode()
    assert "<title>Нельзя удалить выбранные просветительские проекты |" in html
    assert "Не удается" not in html + one


# Rows of Django's many-to-many tables and English permission names on the user's and group's pages.


def test_deleting_a_group_lists_no_rows_of_many_to_many_tables(staff):
    group = Group.objects.create(name="Волонтёры")
    group.permissions.set(Permission.objects.filter(codename__startswith="view_")[:3])
    html = page(staff, url("auth.group", "delete", group.pk))
    assert "Group_permissions object" not in html
    assert "Связь" not in html


def test_permissions_read_as_russian_phrases(staff, db):
    ensure_staff_groups()
    html = page(staff, url("auth.group", "change", Group.objects.get(name="Методисты").pk))
    assert "Партнёры и соглашения | изменять библиотеки" in html
    assert "Мероприятия и проекты | просматривать гостей" in html
    assert "Can view" not in html and "Can change" not in html


# English in django-axes' records and in Django's yes/no icons.


def test_login_records_are_named_in_russian(db):
    log = AccessLog.objects.create(user_agent="Mozilla/5.0", ip_address="192.0.2.1", username="root", path_info="/")
    assert str(log).startswith("Вход «root», ")
    assert "Access Log" not in str(log)


def test_yes_no_icons_and_the_search_icon_are_said_in_russian(staff):
    factories.LibraryFactory()
    html = page(staff, url("agreements.library", "changelist"))
    assert 'alt="нет"' in html
    assert 'alt="True"' not in html and 'alt="False"' not in html
    assert 'alt="Поиск"' in html and 'alt="Search"' not in html


# Number: «добавлены направления: Просветительские проекты» for one.


def direction(name):
    return Direction.objects.filter(name=name).first() or factories.DirectionFactory(name=name)


def test_an_amendment_names_one_direction_in_the_singular(db):
    agreement = factories.AgreementFactory()
    one = agreement.amendments.create(number="1", signed_on=datetime.date(2021, 1, 15))
    one.directions_added.add(direction("Просветительские проекты"))
    two = agreement.amendments.create(number="2", signed_on=datetime.date(2022, 1, 15))
    two.directions_removed.add(direction("Конкурсы"), direction("Выставки"))
    details = " ".join(str(item.details) for item in agreement_timeline(agreement))
    assert "добавлено направление: Просветительские проекты" in details
    assert "исключены направления: " in details
    assert "добавлены направления: Просветительские проекты" not in details


# How the site knows a user's gender.


@pytest.mark.parametrize(
    ("names", "gender"),
    [
        (("Наталья Семёновна Матвеева",), Gender.FEMALE),
        (("Мария", "Иванова"), Gender.FEMALE),
        (("Иван", "Петров"), Gender.MALE),
        (("Асель Нурлановна",), Gender.FEMALE),
        (("Ержан Асанұлы",), Gender.MALE),
        (("Лиля Калаус",), Gender.FEMALE),
        (("Методист библиотеки (демонстрационный контакт)",), Gender.UNKNOWN),
        (("alice", ""), Gender.UNKNOWN),
        (("",), Gender.UNKNOWN),
    ],
)
def test_a_name_suggests_how_to_address_a_person(names, gender):
    assert guess_gender(*names) == gender


def test_users_who_existed_before_profiles_get_one_from_their_names(db):
    migration = importlib.import_module("core.migrations.0002_profiles_of_existing_users")
    woman = factories.UserFactory(first_name="Мария", last_name="Иванова")
    nobody = factories.UserFactory(first_name="", last_name="")
    migration.create_profiles(apps, None)
    assert Profile.objects.get(user=woman).gender == Gender.FEMALE
    assert Profile.objects.get(user=nobody).gender == Gender.UNKNOWN


def test_an_invited_partner_is_addressed_as_the_contacts_name_says(db, host, mailoutbox):
    contact = factories.ContactFactory(full_name="Асель Нурлановна Сагинтаева", email="asel@example.org")
    membership = invite(contact)
    assert membership.user.profile.gender == Gender.FEMALE


def test_the_users_page_lets_staff_say_how_to_address_them(staff):
    user = factories.UserFactory()
    html = page(staff, url("auth.user", "change", user.pk))
    assert "в женском роде" in html and "в мужском роде" in html


def test_deleting_selected_agreements_is_said_in_russian_too(staff):
    agreement = factories.AgreementFactory(status="draft")
    changelist = url("agreements.agreement", "changelist")
    html = staff.post(changelist, {"action": "delete_selected", "_selected_action": [agreement.pk]}).content.decode()
    assert "Выбрано для удаления: 1 соглашение." in html
    assert "объект" not in html.lower()


def test_a_refused_delete_leads_back_to_the_record_and_its_list(staff):
    project = factories.ProjectFactory()
    factories.EpisodeFactory(project=project)

    html = page(staff, url("events.project", "delete", project.pk))

    back = url("events.project", "change", project.pk)
    assert f'<a href="{back}">← Вернуться к записи</a>' in html
    assert f'<a href="{url("events.project", "changelist")}">К списку</a>' in html
