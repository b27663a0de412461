from django.urls import path

from reports import views
from reports.exports import FORMATS, filename

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    *(
        path(f"<str:year>/{filename(fmt, '<str:file_year>')}", views.download, {"fmt": fmt}, name=fmt)
        for fmt in FORMATS
    ),
]
