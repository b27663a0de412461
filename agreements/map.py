"""The partner map: library cities drawn as an inline SVG over country outlines shipped with the project.

The outlines (`data/outline.json`) are built once by `data/build_outline.py` with the projection below;
this module projects each library's coordinates the same way, so dots and borders line up. No tiles,
no JavaScript: the map is plain markup that the page styles through classes.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

OUTLINE_FILE = Path(__file__).resolve().parent / "data" / "outline.json"

# Albers equal-area conic, fitted to Russia and Kazakhstan. `box` is the lon/lat window
# (west, south, east, north) outlines are clipped to before projecting.
PROJECTION = {
    "name": "albers",
    "parallels": [50.0, 70.0],
    "origin": [56.0, 95.0],  # latitude, central meridian
    "box": [20.0, 35.0, 180.0, 82.0],
}

MIN_RADIUS = 4.0
MAX_RADIUS = 18.0


def project_raw(lat: float, lon: float) -> tuple[float, float]:
    """Albers on the unit sphere; y grows northwards."""
    phi1, phi2 = (math.radians(p) for p in PROJECTION["parallels"])
    phi0, lambda0 = (math.radians(v) for v in PROJECTION["origin"])
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(c - 2 * n * math.sin(phi0)) / n
    phi, lam = math.radians(lat), math.radians(lon)
    rho = math.sqrt(max(c - 2 * n * math.sin(phi), 0.0)) / n
    theta = n * (lam - lambda0)
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def project(lat: float, lon: float, fit: dict | None = None) -> tuple[float, float]:
    """Project into the map's viewBox units (x right, y down) using the fit stored with the outline."""
    fit = fit or outline()["fit"]
    x, y = project_raw(lat, lon)
    return (x - fit["x0"]) * fit["scale"], (fit["y0"] - y) * fit["scale"]


@lru_cache(maxsize=1)
def outline() -> dict:
    return json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))


@dataclass
class Marker:
    library: object
    count: int
    x: float
    y: float
    r: float
    url: str
    label: str

    @property
    def corner(self) -> tuple[float, float]:
        """Top-left corner of the square drawn (rotated into a diamond) for the host library."""
        return round(self.x - 7, 1), round(self.y - 7, 1)


def markers(libraries, host=None, label_for=None) -> list[Marker]:
    """One marker per library that has coordinates, radius growing with sqrt(activity count).

    `libraries` carry an `activity_count` attribute; each dot links to the library's public page (the host
    has none, and is drawn as its own mark); `label_for` gives each dot's accessible name.
    """
    rows = [lib for lib in libraries if lib.latitude is not None and lib.longitude is not None]
    if host is not None and host.latitude is not None and host.longitude is not None:
        rows = [host, *[lib for lib in rows if lib.pk != host.pk]]
    top = max([getattr(lib, "activity_count", 0) or 0 for lib in rows] + [1])
    result = []
    for lib in rows:
        count = getattr(lib, "activity_count", 0) or 0
        x, y = project(float(lib.latitude), float(lib.longitude))
        r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(count / top)
        result.append(
            Marker(
                library=lib,
                count=count,
                x=round(x, 1),
                y=round(y, 1),
                r=round(r, 1),
                url=lib.public_url(),
                label=label_for(lib, count) if label_for else str(lib),
            )
        )
    # Big dots first so small ones stay clickable on top of them; the host's mark is drawn last, on top.
    partners = sorted((m for m in result if m.url), key=lambda m: -m.r)
    return partners + [m for m in result if not m.url]


LABEL_FONT_SIZE = 13
LABEL_CHAR_WIDTH = 7.4  # average glyph width at 13px, enough to keep labels from overlapping
LABEL_HEIGHT = 14


def city_labels(marker_list: list[Marker], width: float | None = None, height: float | None = None) -> list[dict]:
    """One text label per city, put where it overlaps no dot and no earlier label.

    Tries right of the dot, left, above, below, then the diagonals; a label that fits nowhere is left out (the city
    is still named in the list under the map and in the dot's accessible name).
    """
    fit = outline()["fit"] if width is None or height is None else {"width": width, "height": height}
    taken = [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in marker_list]
    seen, labels = set(), []
    # The host's city is labelled first, so it always gets the best place.
    for m in sorted(marker_list, key=lambda m: bool(m.url)):
        city = m.library.city
        if city in seen:
            continue
        seen.add(city)
        w = len(city) * LABEL_CHAR_WIDTH
        gap = m.r * 0.7 + 3
        candidates = [
            (m.x + m.r + 3, m.y + 4, "start"),
            (m.x - m.r - 3, m.y + 4, "end"),
            (m.x, m.y - m.r - 4, "middle"),
            (m.x, m.y + m.r + LABEL_HEIGHT, "middle"),
            (m.x + gap, m.y + gap + LABEL_HEIGHT - 3, "start"),
            (m.x + gap, m.y - gap, "start"),
            (m.x - gap, m.y + gap + LABEL_HEIGHT - 3, "end"),
            (m.x - gap, m.y - gap, "end"),
        ]
        for x, y, anchor in candidates:
            left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
            box = (left, y - LABEL_HEIGHT + 3, left + w, y + 3)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= fit["width"] and box[3] <= fit["height"]
            own_dot = (m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r)
            if inside and not any(_overlap(box, other) for other in taken if other != own_dot):
                taken.append(box)
                labels.append({"text": city, "x": round(x, 1), "y": round(y, 1), "anchor": anchor})
                break
    return labels


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
