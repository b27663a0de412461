"""The benchmark's baseline page, included by coopnet/urls.py only when COOPNET_BENCH_BASELINE=1."""

from django.urls import path

from .baseline import fortunes

urlpatterns = [path("bench/fortunes/", fortunes, name="bench-fortunes")]
