"""RSS feed of published events."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.templatetags.coopnet import format_ru
from events.calendar import status_note, titled_with_status
from events.models import Event

FEED_SIZE = 50


class EventFeed(Feed):
    title = _("Мероприятия библиотек-партнёров")
    link = reverse_lazy("events:list")
    description = _("Телемосты, вебинары, конференции и встречи библиотек-партнёров")

    def items(self):
        return Event.objects.public().order_by("-starts_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        """A cancelled or postponed event says so before its title ("Отменено: …"), seen in any feed reader."""
        return titled_with_status(item)

    def item_description(self, item):
        when = format_ru(timezone.localtime(item.starts_at), "j E Y, H:i")
        text = f"{when} ({_('время кемеровское')}). {item.get_kind_display()}, {item.organiser}. {item.description}"
        return f"{status_note(item)} {text}".strip()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return item.calendar_uid

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_kind_display()]
