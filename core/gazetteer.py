"""Approximate coordinates of a city's centre, for a library whose own coordinates nobody entered.

The places are in `gazetteer.json` beside this module: the demo data's cities and the regional centres of
Russia and Kazakhstan, each with its city-centre coordinates, good to a few kilometres. The library form uses
them: `CityCoordinateInput` fills empty latitude and longitude from the city on save, and its script does the
same in the browser as the city is typed.
"""

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django import forms
from django.template.loader import render_to_string
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).with_name("gazetteer.json")

HELP_TEXT = _(
    "Если широту и долготу оставить пустыми, при сохранении они заполнятся примерными координатами центра "
    "города (для областных центров России и Казахстана и городов наших партнёров)."
)


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    country: str
    latitude: Decimal
    longitude: Decimal


def normalize(city: str) -> str:
    """«г. Усть-Каменогорск», «усть-каменогорск » → «усть-каменогорск»; «Орёл» and «Орел» alike."""
    text = " ".join(str(city).lower().replace("ё", "е").split())
    return re.sub(r"^(г\.|г |город )\s*", "", text)


@cache
def places() -> dict[str, tuple[Place, ...]]:
    """The places by normalized city name (several countries may have a city of one name)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found: dict[str, list[Place]] = {}
    for row in data["places"]:
        place = Place(row["city"], row["region"], row["country"], Decimal(row["latitude"]), Decimal(row["longitude"]))
        found.setdefault(normalize(place.city), []).append(place)
    return {name: tuple(rows) for name, rows in found.items()}


def find(city: str, country: str = "") -> Place | None:
    """The place of that name, in that country when one is given; None when unknown or ambiguous."""
    candidates = places().get(normalize(city), ())
    if country:
        candidates = tuple(place for place in candidates if place.country == country)
    return candidates[0] if len(candidates) == 1 else None


class CityCoordinateInput(forms.NumberInput):
    """The latitude or longitude input of a form that also has `city` (and `country`) fields.

    When both coordinates come back empty and the city is in the gazetteer, the city's coordinates are what
    the form receives, so the saved library is on the map. The latitude input also carries the gazetteer for
    the script that fills the coordinates as the city is typed; given a map outline (`agreements.map`:
    projected country outlines with their projection and fit), the longitude input adds a map to click.
    """

    map_template = "admin_extra/coordinates_map.html"

    def __init__(self, coordinate: str, attrs=None, map_outline: dict | None = None):
        assert coordinate in {"latitude", "longitude"}
        self.coordinate = coordinate
        self.map_outline = map_outline
        super().__init__(attrs={"step": "any", **(attrs or {})})

    @property
    def media(self):
        return forms.Media(js=["admin_extra/city_coordinates.js"], css={"all": ["admin_extra/coordinates_map.css"]})

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        prefix = name.removesuffix(self.coordinate)
        if any(str(data.get(prefix + field) or "").strip() for field in ("latitude", "longitude")):
            return value
        place = find(data.get(prefix + "city") or "", data.get(prefix + "country") or "")
        return str(getattr(place, self.coordinate)) if place else value

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.coordinate == "latitude":
            table = [
                [place.city, place.country, str(place.latitude), str(place.longitude)]
                for rows in places().values()
                for place in rows
            ]
            html += json_script(table, "coopnet-gazetteer")
        elif self.map_outline is not None:  # after the pair of inputs
            outline = self.map_outline
            projection = {"projection": outline["projection"], "fit": outline["fit"]}
            html += json_script(projection, "coopnet-coordinates-projection")
            html += render_to_string(self.map_template, {"outline": outline})
        # Safe: widget HTML and json_script output are both escaped.
        return mark_safe(html)  # nosec
