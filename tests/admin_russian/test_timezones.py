"""Staff read time zones by city and UTC offset, not by IANA name."""


def test_the_library_list_names_zones_by_city_and_offset(admin_client):
    from tests.factories import LibraryFactory

    LibraryFactory(timezone="Asia/Novokuznetsk")
    LibraryFactory(timezone="Asia/Vladivostok")
    page = admin_client.get("/admin/agreements/library/").content.decode()
    assert "Кемерово, Новокузнецк (UTC+7)" in page
    assert "Владивосток, Хабаровск (UTC+10)" in page
    assert "Asia/Novokuznetsk" not in page
