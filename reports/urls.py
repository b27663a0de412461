from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:year>/coopnet-report-<str:file_year>.xlsx", views.download, {"fmt": "xlsx"}, name="xlsx"),
    path("<str:year>/coopnet-report-<str:file_year>.csv", views.download, {"fmt": "csv"}, name="csv"),
    path("<str:year>/coopnet-report-<str:file_year>.docx", views.download, {"fmt": "docx"}, name="docx"),
]
