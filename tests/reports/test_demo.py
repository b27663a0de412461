"""On the demo data (the library's article), the 2020 report puts the article's activities in the right sections."""

import io

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
)
from reports.report import build_report


def _titles(report, key):
    return " | ".join(getattr(i, "title", "") + " " + getattr(i, "project", "") for i in report.direction(key).items)


def test_article_activities_of_2020_are_in_their_sections(demo):
    report = build_report(2020)
    events = _titles(report, DIRECTION_EVENTS)
    assert "Библиотека: обнуление или обновление?" in events
    assert "Территория без границ" in events
    assert "Мир детства" not in events
    assert "Хабаровский край! Он почти бесконечный" in _titles(report, DIRECTION_EXHIBITIONS)
    assert "Город дружбы" in _titles(report, DIRECTION_EXHIBITIONS)
    telebridges = _titles(report, DIRECTION_TELEBRIDGES)
    assert "Мир детства: от книг к мечтам" in telebridges
    assert "Испытание временем" in telebridges
    contests = _titles(report, DIRECTION_CONTESTS)
    assert "Вдумчивый читатель" in contests and "Абай" in contests
    assert "Сказки народов Кузбасса" in _titles(report, DIRECTION_PROJECTS)
    assert report.agreements.in_force == 10


def test_demo_page_and_downloads_agree(demo, client, manager):
    client.force_login(manager)
    page = client.get(reverse("reports:index"), {"year": 2020})
    assert page.status_code == 200
    report = build_report(2020)
    total = report.figure("activities").value
    kwargs = {"year": 2020, "file_year": 2020}
    xlsx = client.get(reverse("reports:xlsx", kwargs=kwargs))
    wb = load_workbook(io.BytesIO(xlsx.content))
    summary = {r[0]: r[1] for r in wb["Сводка"].iter_rows(min_row=2, values_only=True)}
    assert summary[report.figure("activities").label] == total
    docx = client.get(reverse("reports:docx", kwargs=kwargs))
    paragraphs = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    year = paragraphs[paragraphs.index("Итоги года") + 1]
    assert f"проведено {total} " in year
    csv = client.get(reverse("reports:csv", kwargs=kwargs)).content.decode("utf-8-sig")
    assert f"Сводка;{report.figure('activities').label};2020;{total}" in csv
    assert xlsx["Content-Disposition"] == 'attachment; filename="coopnet-report-2020.xlsx"'
