"""The benchmark's verdicts: the same query count at every size, XLSX time and memory targets."""

import importlib.util

from django.conf import settings

spec = importlib.util.spec_from_file_location("report_bench", settings.BASE_DIR / "bench" / "report_bench.py")
report_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report_bench)


def results(queries_large=37, xlsx_seconds=2.0, rss=120.0, traced=40.0) -> dict:
    def row(queries, seconds):
        return {"queries": [queries], "seconds_median": seconds, "peak_rss_mb": rss, "tracemalloc_peak_mb": traced}

    return {
        "checks": [],
        "sizes": {
            "1000": {"formats": {fmt: row(37, 0.5) for fmt in report_bench.FORMATS}},
            "100000": {"formats": {fmt: row(queries_large, xlsx_seconds) for fmt in report_bench.FORMATS}},
        },
    }


def test_all_targets_met_passes():
    data = results()

    assert report_bench.check(data, [1000, 100000]) is True
    assert all(item["ok"] for item in data["checks"])


def test_more_queries_at_the_larger_size_fails():
    data = results(queries_large=38)

    assert report_bench.check(data, [1000, 100000]) is False
    failed = [item["check"] for item in data["checks"] if not item["ok"]]
    assert failed == [f"{fmt}: same number of queries at every size" for fmt in report_bench.FORMATS]


def test_slow_xlsx_fails():
    data = results(xlsx_seconds=5.5)

    assert report_bench.check(data, [1000, 100000]) is False
    assert [item["check"] for item in data["checks"] if not item["ok"]] == ["xlsx at 100000 events under 5 s"]


def test_too_much_memory_fails_on_either_measure():
    assert report_bench.check(results(rss=310.0), [1000, 100000]) is False
    assert report_bench.check(results(traced=301.0), [1000, 100000]) is False
