"""Titles, buttons, messages and counts for models of each gender, through the admin pages staff use."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import strip_tags

from agreements.models import Direction, Library
from events.models import Person
from tests import factories

from .html_forms import form_data
from .walk import inline_add_links


def url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def said(response) -> list[str]:
    """The messages shown after the redirect, as text (the object's name is a link to it)."""
    return [strip_tags(str(message)) for message in get_messages(response.wsgi_request)]


def submit(client, address, form_id, button="_save", **values):
    """Open the form, change the given fields and press the button, as staff would."""
    page = client.get(address)
    assert page.status_code == 200
    data = form_data(page, form_id)
    data.update({name: [value] for name, value in values.items()})
    data[button] = ["1"]
    return client.post(address, data)


def library_values(**overrides):
    values = {
        "name": "Центральная городская детская библиотека им. А.П. Гайдара",
        "short_name": "ЦГДБ им. Гайдара",
        "slug": "cgdb-gaidar",
        "country": "RU",
        "region": "Хабаровский край",
        "city": "Хабаровск",
        "timezone": "Asia/Vladivostok",
    }
    return {**values, **overrides}


@pytest.fixture
def staff(client, methodologist):
    client.force_login(methodologist)
    return client


def test_add_page_titles_and_button_take_the_accusative(staff):
    page = staff.get(url("agreements.library", "add")).content.decode()
    assert "<title>Добавить библиотеку |" in page
    assert "Добавить библиотека" not in page
    listing = staff.get(url("exhibitions.exhibition", "changelist")).content.decode()
    assert "Выберите выставку для изменения" in listing
    assert "Добавить выставку" in listing


def test_manager_sees_view_titles_in_the_accusative(client, manager):
    library = factories.LibraryFactory()
    client.force_login(manager)
    assert "Выберите библиотеку для просмотра" in client.get(url("agreements.library", "changelist")).content.decode()
    page = client.get(url("agreements.library", "change", library.pk)).content.decode()
    assert "| Просмотреть библиотеку |" in page


def test_popup_to_choose_a_related_row_takes_the_accusative(staff):
    page = staff.get(url("agreements.library", "changelist"), {"_popup": "1"}).content.decode()
    assert "<h1>Выберите библиотеку</h1>" in page


def test_change_page_title_takes_the_accusative(staff):
    entry = factories.EntryFactory()
    page = staff.get(url("contests.entry", "change", entry.pk)).content.decode()
    assert "| Изменить работу участника |" in page


def test_inline_add_link_says_add_one_more_in_the_accusative(staff):
    library = factories.LibraryFactory()
    page = staff.get(url("agreements.library", "change", library.pk)).content.decode()
    assert inline_add_links(page) == ["Добавить ещё контактное лицо"]
    contest = factories.ContestFactory()
    page = staff.get(url("contests.contest", "change", contest.pk)).content.decode()
    assert "Добавить ещё работу участника" in inline_add_links(page)
    assert "Добавить ещё регионального куратора" in inline_add_links(page)


def test_feminine_model_added(staff):
    response = submit(staff, url("agreements.library", "add"), "library_form", **library_values())
    assert response.status_code == 302, response.content.decode()[:3000]
    library = Library.objects.get(slug="cgdb-gaidar")
    assert said(response) == [f"Библиотека «{library}» добавлена."]


def test_neuter_model_added_then_added_another(staff):
    response = submit(
        staff,
        url("agreements.direction", "add"),
        "direction_form",
        "_addanother",
        name="Летние чтения",
        slug="letnie-chteniya",
    )
    assert response.status_code == 302
    assert said(response) == [
        "Направление сотрудничества «Летние чтения» добавлено. Ниже можно добавить ещё одно направление сотрудничества."
    ]


def test_masculine_animate_model_added_and_kept_open(staff):
    response = submit(
        staff, url("events.person", "add"), "person_form", "_continue", full_name="А.И. Панов", slug="panov-ai"
    )
    assert response.status_code == 302
    assert Person.objects.filter(slug="panov-ai").exists()
    assert said(response) == ["Гость «А.И. Панов» добавлен. Ниже можно продолжить редактирование."]


def test_masculine_model_changed(staff):
    contest = factories.ContestFactory(title="Читаем Гайдара")
    response = submit(staff, url("contests.contest", "change", contest.pk), "contest_form")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert said(response) == ["Конкурс «Читаем Гайдара» изменён."]


def test_neuter_model_changed_and_kept_open(staff):
    agreement = factories.AgreementFactory()
    response = submit(staff, url("agreements.agreement", "change", agreement.pk), "agreement_form", "_continue")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert said(response) == [f"Соглашение «{agreement}» изменено. Ниже можно продолжить редактирование."]


def test_feminine_model_deleted(staff):
    exhibition = factories.ExhibitionFactory(title="Книжная радуга")
    delete_url = url("exhibitions.exhibition", "delete", exhibition.pk)
    page = staff.get(delete_url).content.decode()
    assert "<title>Удалить выставку? |" in page
    assert "удалить выставку «Книжная радуга»" in page
    response = staff.post(delete_url, {"post": "yes"})
    assert response.status_code == 302
    assert said(response) == ["Выставка «Книжная радуга» удалена."]


@pytest.mark.parametrize(
    ("count", "confirmation", "message"),
    [
        (1, "Выбрано для удаления: 1 библиотека.", "Удалена 1 библиотека."),
        (3, "Выбрано для удаления: 3 библиотеки.", "Удалены 3 библиотеки."),
        (5, "Выбрано для удаления: 5 библиотек.", "Удалено 5 библиотек."),
    ],
)
def test_bulk_delete_counts_with_the_plural_form(client, superuser, count, confirmation, message):
    pks = [str(factories.LibraryFactory().pk) for _ in range(count)]
    client.force_login(superuser)
    changelist = url("agreements.library", "changelist")
    page = client.post(changelist, {"action": "delete_selected", "_selected_action": pks})
    assert confirmation in page.content.decode()
    response = client.post(changelist, {"action": "delete_selected", "_selected_action": pks, "post": "yes"})
    assert response.status_code == 302
    assert said(response) == [message]
    assert not Library.objects.filter(pk__in=pks).exists()


def test_list_editing_counts_what_changed(staff):
    factories.DirectionFactory(name="Летние чтения", position=1)
    factories.DirectionFactory(name="Клуб юных краеведов", position=2)
    changelist = url("agreements.direction", "changelist")
    data = form_data(staff.get(changelist), "changelist-form")
    data["form-0-position"] = ["7"]
    data["form-1-position"] = ["8"]
    data["_save"] = ["Сохранить"]
    response = staff.post(changelist, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert said(response) == ["Изменены 2 направления сотрудничества."]
    assert {direction.name: direction.position for direction in Direction.objects.filter(position__in=[7, 8])} == {
        "Летние чтения": 7,
        "Клуб юных краеведов": 8,
    }


@pytest.mark.parametrize(("count", "shown"), [(1, "1 соглашение"), (3, "3 соглашения"), (10, "10 соглашений")])
def test_changelist_counts_with_the_plural_form(staff, count, shown):
    for _ in range(count):
        factories.AgreementFactory()
    page = staff.get(url("agreements.agreement", "changelist")).content.decode()
    assert shown in page
    assert "10 соглашения" not in page


def test_a_missing_object_is_reported_in_its_gender(staff):
    response = staff.get(url("agreements.library", "change", 999999))
    assert response.status_code == 302
    assert said(response) == ["Библиотека с ID «999999» не найдена: возможно, она уже удалена."]


def test_bulk_delete_action_names_people_in_the_accusative(staff):
    factories.PersonFactory()
    factories.LibraryFactory()
    assert "Удалить выбранных гостей" in staff.get(url("events.person", "changelist")).content.decode()
    assert "Удалить выбранные библиотеки" in staff.get(url("agreements.library", "changelist")).content.decode()
