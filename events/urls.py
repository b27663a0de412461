from django.urls import path

from events import views
from events.feeds import EventFeed
from ops.ratelimit import rate_limited, searches_text

app_name = "events"

urlpatterns = [
    # Words to look for cost a text search: counted with /search/'s (RATE_LIMITS["search"]); other filters do not.
    path("events/", rate_limited("search", applies=searches_text)(views.event_list), name="list"),
    path("events/calendar.ics", rate_limited("feeds")(views.calendar_feed), name="calendar"),
    path("events/feed/", rate_limited("feeds")(EventFeed()), name="feed"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("telebridges/", rate_limited("search", applies=searches_text)(views.telebridge_list), name="telebridges"),
    path("projects/<slug:slug>/", views.project_detail, name="project"),
]
