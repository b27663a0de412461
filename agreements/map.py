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


def markers(libraries, host=None, url_for=None, label_for=None) -> list[Marker]:
    """One marker per library that has coordinates, radius growing with sqrt(activity count).

    `libraries` carry an `activity_count` attribute; `url_for`/`label_for` give each dot's link
    and accessible name (the host gets no link: it is not a partner page).
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
        is_host = host is not None and lib.pk == host.pk
        result.append(
            Marker(
                library=lib,
                count=count,
                x=round(x, 1),
                y=round(y, 1),
                r=round(r, 1),
                url="" if is_host or url_for is None else url_for(lib),
                label=label_for(lib, count) if label_for else str(lib),
            )
        )
    # Big dots first so small ones stay clickable on top of them.
    host_first = [m for m in result if not m.url]
    partners = sorted((m for m in result if m.url), key=lambda m: -m.r)
    return host_first + partners


def city_labels(marker_list: list[Marker]) -> list[dict]:
    """One text label per city, placed right of its first dot."""
    seen, labels = set(), []
    for m in marker_list:
        city = m.library.city
        if city in seen:
            continue
        seen.add(city)
        labels.append({"text": city, "x": round(m.x + m.r + 2, 1), "y": round(m.y + 4, 1)})
    return labels
