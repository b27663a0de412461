"""Admin forms of exhibitions: a travelling exhibition's route, checked as a whole."""

from django import forms
from django.forms.models import BaseInlineFormSet

from .models import ExhibitionStop, find_overlaps, overlap_message


class StopForm(forms.ModelForm):
    class Meta:
        model = ExhibitionStop
        fields = ["venue", "starts_on", "ends_on", "status", "rescheduled_to", "visitors", "excursions", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The formset compares the route as submitted; the stored one may be about to change in the same save.
        self.instance.route_checked_by_formset = True


class StopFormSet(BaseInlineFormSet):
    """Stops of one exhibition may not be on show at the same time, unless one is cancelled or postponed."""

    def clean(self):
        super().clean()
        stops = {}
        for form in self.forms:
            if not form.is_valid() or self._should_delete_form(form) or not form.has_changed() and not form.instance.pk:
                continue
            stop = form.instance  # filled from the form's cleaned data when it was validated
            if stop.starts_on and stop.ends_on:
                stops[id(stop)] = (form, stop)
        for earlier, later in find_overlaps(stop for _form, stop in stops.values()):
            stops[id(later)][0].add_error(None, overlap_message(earlier, later))
