"""Server-rendered SVG bar charts: geometry computed here, drawn by templates/reports/_*_chart.html.

No JavaScript and no inline styles (a strict Content-Security-Policy is planned): colours come
from classes in static/css/reports.css. Each chart carries a <title>, role="img", and the page
puts the same figures in a table right after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from reports.data import AnnualReport, direction

ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_WIDTH = 300
BAR_AREA = 360
VALUE_WIDTH = 60


@dataclass
class HBar:
    label: str
    value: int
    y: int
    width: int
    text_y: int


@dataclass
class HBarChart:
    id: str
    title: str
    bars: list[HBar]
    width: int
    height: int
    label_width: int
    bar_x: int
    value_x_pad: int = 6


def hbar_chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> HBarChart:
    peak = max((v for _, v in items), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(items):
        y = i * ROW_HEIGHT + 4
        shown = label if len(label) <= 40 else label[:39] + "…"
        bars.append(HBar(shown, value, y, round(value * BAR_AREA / peak), y + BAR_HEIGHT - 4))
    return HBarChart(
        id=chart_id,
        title=title,
        bars=bars,
        width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height=max(len(items), 1) * ROW_HEIGHT + 8,
        label_width=LABEL_WIDTH - 8,
        bar_x=LABEL_WIDTH,
    )


@dataclass
class Segment:
    series: int
    y: int
    height: int
    value: int
    label: str


@dataclass
class Column:
    label: str
    x: int
    text_x: int
    total: int
    total_y: int
    segments: list[Segment]


@dataclass
class StackedChart:
    id: str
    title: str
    columns: list[Column]
    legend: list[tuple[int, str, int]]  # (series, label, x)
    width: int
    height: int
    base_y: int
    column_width: int
    legend_y: int


def stacked_chart(chart_id: str, title: str, series: list[str], columns: list[tuple[str, list[int]]]) -> StackedChart:
    column_width, gap, plot_height, top = 36, 16, 200, 24
    peak = max((sum(values) for _, values in columns), default=0) or 1
    base_y = top + plot_height
    result = []
    for i, (label, values) in enumerate(columns):
        x = 8 + i * (column_width + gap)
        y = base_y
        segments = []
        for s, value in enumerate(values):
            h = round(value * plot_height / peak)
            if value:
                y -= h
                segments.append(Segment(s, y, h, value, series[s]))
        result.append(Column(label, x, x + column_width // 2, sum(values), y - 6, segments))
    width = 16 + len(columns) * (column_width + gap)
    legend = [(s, label, 8 + s * 130) for s, label in enumerate(series)]
    return StackedChart(
        id=chart_id,
        title=title,
        columns=result,
        legend=legend,
        width=max(width, 8 + len(series) * 130),
        height=base_y + 64,
        base_y=base_y,
        column_width=column_width,
        legend_y=base_y + 44,
    )


def report_charts(report: AnnualReport) -> dict:
    months = stacked_chart(
        "chart-months",
        _("Совместная работа по месяцам %(year)s года") % {"year": report.year},
        [str(d.column) for d in report.table_order],
        [(m.label[:3], m.counts) for m in report.by_month],
    )
    directions = hbar_chart(
        "chart-directions",
        _("Совместная работа по направлениям, %(year)s") % {"year": report.year},
        [(str(direction(d.key).short), d.joint) for d in report.directions],
    )
    partners = hbar_chart(
        "chart-partners",
        _("Совместная работа по партнёрам, %(year)s") % {"year": report.year},
        [(r.name, r.total) for r in report.partner_matrix.rows[:PARTNERS_IN_CHART]],
    )
    return {"months": months, "directions": directions, "partners": partners}


PARTNERS_IN_CHART = 20
