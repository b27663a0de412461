from django.urls import path

from . import views

app_name = "contests"

urlpatterns = [
    path("contests/", views.contest_list, name="list"),
    path("contests/<slug:slug>/", views.contest_detail, name="detail"),
]
