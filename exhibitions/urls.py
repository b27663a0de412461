from django.urls import path

from . import views

app_name = "exhibitions"

urlpatterns = [
    path("exhibitions/", views.exhibition_list, name="list"),
    path("exhibitions/<slug:slug>/", views.exhibition_detail, name="detail"),
]
