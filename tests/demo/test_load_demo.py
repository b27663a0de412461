import datetime
import zoneinfo

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from agreements.models import Agreement, Library, agreements_credited_by
from contests.models import Contest, Entry
from core.vocabulary import Scope
from events.models import Episode, Event, Participation
from exhibitions.models import Exhibition

DEMO_APPS = ["agreements", "events", "exhibitions", "contests"]

EXPECTED_TIMEZONES = {
    "kuzbass-gbdm": "Asia/Novokuznetsk",
    "altai-krupskaya": "Asia/Barnaul",
    "volgograd-odb": "Europe/Volgograd",
    "vko-pushkin": "Asia/Almaty",
    "vko-odub": "Asia/Almaty",
    "krasnoyarsk-kdb": "Asia/Krasnoyarsk",
    "crimea-rbm": "Europe/Simferopol",
    "tomsk-odub": "Asia/Tomsk",
    "khabarovsk-navolochkin": "Asia/Vladivostok",
    "gaidar-moscow": "Europe/Moscow",
    "chelyabinsk-obm": "Asia/Yekaterinburg",
}


def demo_models():
    models = [model for label in DEMO_APPS for model in apps.get_app_config(label).get_models()]
    return [*models, get_user_model()]


def counts():
    return {model._meta.label: model.objects.count() for model in demo_models()}


def test_running_twice_changes_no_counts(demo, capsys):
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first["events.Event"] > 0
    assert "новых записей 0" in capsys.readouterr().out


def test_one_host_and_ten_partners(demo):
    assert list(Library.objects.filter(is_host=True).values_list("slug", flat=True)) == ["kuzbass-gbdm"]
    assert Library.objects.filter(is_host=False).count() == 10


def test_every_library_has_the_expected_timezone(demo):
    assert dict(Library.objects.values_list("slug", "timezone")) == EXPECTED_TIMEZONES


@pytest.mark.parametrize(
    ("slug", "hours"),
    [("kuzbass-gbdm", 7), ("vko-odub", 5), ("vko-pushkin", 5), ("khabarovsk-navolochkin", 10), ("gaidar-moscow", 3)],
)
def test_utc_offset_today(demo, slug, hours):
    library = Library.objects.get(slug=slug)
    assert timezone.now().astimezone(zoneinfo.ZoneInfo(library.timezone)).utcoffset() == datetime.timedelta(hours=hours)


def test_gaidar_agreement_signed_in_august_2018(demo):
    agreement = Agreement.objects.get(partner__slug="gaidar-moscow")
    assert (agreement.signed_on.year, agreement.signed_on.month) == (2018, 8)
    assert "Дней Москвы" in agreement.signed_at


def test_tomsk_agreement_signed_in_2019(demo):
    assert Agreement.objects.get(partner__slug="tomsk-odub").signed_on.year == 2019


def test_every_partner_has_one_public_agreement_in_force(demo):
    today = timezone.localdate()
    agreements = Agreement.objects.public().in_force_on(today)
    assert sorted(agreements.values_list("partner__slug", flat=True)) == sorted(
        slug for slug in EXPECTED_TIMEZONES if slug != "kuzbass-gbdm"
    )


def test_khabarovsk_exchange_is_two_linked_exhibitions(demo):
    khabarovsk = Exhibition.objects.get(title__startswith="Хабаровский край!")
    kuzbass = khabarovsk.exchange_partner
    assert kuzbass is not None
    assert kuzbass.exchange_partner == khabarovsk
    assert {khabarovsk.kind, kuzbass.kind} == {Exhibition.Kind.EXCHANGE}
    assert khabarovsk.provider.slug == "khabarovsk-navolochkin"
    assert kuzbass.provider.is_host
    assert list(khabarovsk.stops.values_list("venue__slug", flat=True)) == ["kuzbass-gbdm"]
    assert list(kuzbass.stops.values_list("venue__slug", flat=True)) == ["khabarovsk-navolochkin"]


def test_kazakh_tale_is_contributed_by_the_pushkin_library(demo):
    episode = Episode.objects.get(title__contains="Аксак-кулан")
    assert episode.library.slug == "vko-pushkin"
    credited = Agreement.objects.filter(pk__in=agreements_credited_by(episode))
    assert [a.partner.slug for a in credited] == ["vko-pushkin"]
    assert episode.project.slug == "skazki-narodov-kuzbassa"
    assert episode.project.episodes.count() == 11


def test_upcoming_published_telebridges_after_load(demo):
    upcoming = Event.objects.public().telebridges().upcoming()
    assert upcoming.count() >= 3
    assert all(event.starts_at > timezone.now() for event in upcoming)


def test_some_upcoming_telebridge_links_khabarovsk_and_ust_kamenogorsk(demo):
    sites = [
        set(event.participations.values_list("library__timezone", flat=True))
        for event in Event.objects.public().telebridges().upcoming()
    ]
    assert any({"Asia/Vladivostok", "Asia/Almaty"} <= zones for zones in sites)


def test_every_event_has_its_organiser_participating_as_organiser(demo):
    for event in Event.objects.all():
        roles = dict(event.participations.values_list("library_id", "role"))
        assert roles.get(event.organiser_id) == Participation.Role.ORGANISER, event.slug
        assert len(roles) >= 2, event.slug


def test_every_event_ends_after_it_starts(demo):
    assert not [event.slug for event in Event.objects.all() if event.ends_at < event.starts_at]


def test_every_row_passes_full_clean(demo):
    checked = 0
    for model in demo_models():
        for obj in model.objects.all():
            obj.full_clean()
            checked += 1
    assert checked > 100


def test_no_user_without_the_superuser_flag(demo):
    assert not get_user_model().objects.exists()


ARTICLE_EVENT_TITLES = [
    "Детские библиотеки в социокультурной среде региона: стратегия инновационного развития и проекции будущего "
    "как составляющие нацпроекта «Культура»",
    "Библиотека: обнуление или обновление?",
    "Инновация против традиционной модели",
    "Постигая прошлое, смотрим в будущее",
    "Библиотека и волонтёр: потенциал эффективного сотрудничества",
    "Непростые сложности: ренессанс детского чтения",
    "Инновационная деятельность библиотек: опыт, методика, тенденции",
    "Территория без границ: поликультурный аспект в работе детской библиотеки",
    "Профориентация в библиотеке: поиск новых форм работы",
    "Гражданско-правовое воспитание и просвещение детей и молодёжи: актуальные тенденции и практики",
    "Путь к Солнцу",
    "Испытание временем. Сибиряки в Сталинградской битве",
    "Мир детства: от книг к мечтам",
]


def test_every_event_the_article_names_is_loaded_and_published(demo):
    published = set(Event.objects.filter(is_published=True).values_list("title", flat=True))
    assert set(ARTICLE_EVENT_TITLES) <= published


def test_tomsk_creative_meeting_has_the_five_writers_as_guests(demo):
    event = Event.objects.get(kind=Event.Kind.CREATIVE_MEETING)
    assert sorted(event.guests.values_list("full_name", flat=True)) == [
        "А.И. Панов",
        "Б.В. Бурмистров",
        "В.А. Колыхалов",
        "В.А. Чубковец",
        "С.Л. Донбай",
    ]
    credited = Agreement.objects.filter(pk__in=agreements_credited_by(event))
    assert [a.partner.slug for a in credited] == ["tomsk-odub"]


def test_career_guidance_conference_is_by_correspondence(demo):
    event = Event.objects.get(title="Профориентация в библиотеке: поиск новых форм работы")
    assert (event.format, event.organiser.slug) == (Event.Format.CORRESPONDENCE, "tomsk-odub")


def test_scope_is_international_exactly_when_kazakhstan_takes_part(demo):
    for event in Event.objects.prefetch_related("libraries"):
        with_kazakhstan = any(library.country == Library.Country.KAZAKHSTAN for library in event.libraries.all())
        expected = Scope.INTERNATIONAL if with_kazakhstan else Scope.INTERREGIONAL
        assert event.scope == expected, event.slug


def test_kuzbass_library_curates_vdumchivy_chitatel_for_its_region(demo):
    contest = Contest.objects.get(title="Вдумчивый читатель")
    assert contest.organiser.slug == "gaidar-moscow"
    assert list(contest.curators.values_list("library__slug", "region")) == [
        ("kuzbass-gbdm", "Кемеровская область — Кузбасс")
    ]


def test_each_contest_has_exactly_one_entry_with_consent(demo):
    for contest in Contest.objects.all():
        assert contest.entries.filter(public_consent=True).count() == 1, contest.slug
        assert contest.entries.filter(result__in=[Entry.Result.FINALIST, Entry.Result.WINNER]).count() >= 2


def test_demo_announcements_are_marked_and_fall_in_the_coming_weeks(demo):
    today = timezone.localdate()
    demo_events = Event.objects.filter(notes="Демонстрационное мероприятие")
    assert demo_events.count() >= 4
    for event in demo_events:
        assert event.description.startswith("Демонстрационный анонс")
        assert today < timezone.localdate(event.starts_at) <= today + datetime.timedelta(days=31)


def test_dates_missing_from_the_article_are_marked_illustrative(demo):
    undated = Agreement.objects.exclude(partner__slug__in=["gaidar-moscow", "tomsk-odub"])
    assert undated.count() == 8
    assert all("Дата условная (в статье не указана)." in agreement.notes for agreement in undated)
