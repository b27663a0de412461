"""«Читательский марафон»: a kind of joint activity that exists only in the tests, to prove that a new kind costs
its own app. Partner libraries take part as sites, each with its own count of participants."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from agreements.models import Library, credit_fields
from core.models import (
    PartnerSide,
    Publishable,
    Scheduled,
    ScheduledQuerySet,
    TakingPart,
    rescheduled_only_when_postponed,
    taken_part_in,
)


class MarathonQuerySet(ScheduledQuerySet):
    def public(self):
        return super().public().select_related("organiser")

    def _over_by(self, day):
        return Q(ends_on__lt=day)

    def _ahead_by(self, day):
        return Q(starts_on__gt=day)

    def taking_part(self) -> TakingPart:
        return TakingPart("organiser", MarathonSite, "marathon", "library")

    def with_library(self, library):
        return taken_part_in(self, library, self.taking_part())


class Marathon(Publishable, Scheduled):
    title = models.CharField("название", max_length=300)
    slug = models.SlugField("адрес в URL", max_length=120, unique=True)
    organiser = models.ForeignKey(Library, verbose_name="организатор", on_delete=models.PROTECT, related_name="+")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    description = models.TextField("описание", blank=True)
    agreements_added, agreements_excluded = credit_fields("marathon")
    objects = MarathonQuerySet.as_manager()

    class Meta:
        verbose_name = "читательский марафон"
        verbose_name_plural = "читательские марафоны"
        ordering = ["-starts_on", "pk"]
        constraints = [rescheduled_only_when_postponed("marathon")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("marathon:detail", args=[self.slug])

    def is_over_on(self, day) -> bool:
        return self.ends_on < day

    def is_ahead_on(self, day) -> bool:
        return self.starts_on > day

    def credit_parties(self):
        return [(self.organiser_id, self.starts_on)] + [(site.library_id, self.starts_on) for site in self.sites.all()]


class MarathonSite(PartnerSide):
    PARTNER_FIGURES = ("participants_count",)

    marathon = models.ForeignKey(
        Marathon, verbose_name="читательский марафон", on_delete=models.CASCADE, related_name="sites"
    )
    library = models.ForeignKey(Library, verbose_name="библиотека", on_delete=models.PROTECT, related_name="+")
    participants_count = models.PositiveIntegerField(
        "участников", null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )

    class Meta:
        verbose_name = "площадка марафона"
        verbose_name_plural = "площадки марафона"
        constraints = [models.UniqueConstraint(fields=["marathon", "library"], name="marathon_site_once")]

    def __str__(self):
        return f"{self.marathon}: {self.library}"
