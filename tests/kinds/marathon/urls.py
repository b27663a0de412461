from django.urls import path

from . import views

app_name = "marathon"

urlpatterns = [
    path("marathons/", views.marathon_list, name="list"),
    path("marathons/<slug:slug>/", views.marathon_detail, name="detail"),
]
