"""The staff report page and its downloads; every figure comes from reports.report.build_report()."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.models import AWAITING_CONFIRMATION
from reports.charts import PARTNERS_IN_CHART, report_charts
from reports.data import DIRECTION_CONTESTS, NO_DATA
from reports.exports import FORMATS, filename
from reports.models import VIEW_ANNUAL_REPORT
from reports.queries import kemerovo
from reports.report import ReportYearError, build_report, parse_year

ITEMS_ON_PAGE = 200  # per direction; the full lists are in the XLSX and DOCX


def report_access_required(view):
    """Anonymous → the login page; logged in without the report's permission → the 403 page, in Russian.

    The permission, not a group's name, decides: superusers have it, the managers' group is given it by a
    migration, and an administrator may grant it to anyone.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not request.user.has_perm(VIEW_ANNUAL_REPORT):
            return render(request, "reports/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def download_url(fmt: str, year: int) -> str:
    return reverse(f"reports:{fmt}", kwargs={"year": year, "file_year": year})


def _bad_year(request, error: ReportYearError) -> HttpResponse:
    return render(request, "reports/bad_year.html", {"message": str(error)}, status=400)


@never_cache
@report_access_required
def index(request):
    raw = request.GET.get("year")
    if raw is None or raw == "":
        raw = timezone.localdate(timezone=kemerovo()).year
    try:
        year = parse_year(raw)
    except ReportYearError as error:
        return _bad_year(request, error)
    report = build_report(year)
    years = sorted(set(report.years_with_data) | {year, timezone.localdate(timezone=kemerovo()).year}, reverse=True)
    sections = []
    for d in report.directions:
        sections.append(
            {"section": d, "items": d.items[:ITEMS_ON_PAGE], "hidden": max(len(d.items) - ITEMS_ON_PAGE, 0)}
        )
    awaiting = report.statuses.with_status(AWAITING_CONFIRMATION)
    return render(
        request,
        "reports/index.html",
        {
            "report": report,
            "years": years,
            "charts": report_charts(report),
            "sections": sections,
            "contests": report.direction(DIRECTION_CONTESTS).items,
            "partners_in_chart": PARTNERS_IN_CHART,
            "month_columns": report.table_order,
            "awaiting": awaiting[:ITEMS_ON_PAGE],
            "awaiting_hidden": max(len(awaiting) - ITEMS_ON_PAGE, 0),
            "no_data": NO_DATA,
            "downloads": [{"fmt": fmt, "url": download_url(fmt, year), "name": filename(fmt, year)} for fmt in FORMATS],
        },
    )


@never_cache
@report_access_required
def download(request, year, file_year, fmt):
    try:
        year = parse_year(year)
    except ReportYearError as error:
        return _bad_year(request, error)
    if str(file_year) != str(year):
        raise Http404(_("Такого файла нет."))
    export = FORMATS[fmt]
    response = HttpResponse(export.render(build_report(year)), content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(fmt, year)}"'
    return response
