"""One-off builder of the partner map's country outlines (run by hand, never at runtime).

Reads Natural Earth country shapes from the `world-atlas` npm package (TopoJSON), keeps the
countries around the partners, clips them to a box over Russia and Kazakhstan, projects them with
the projection in `agreements/map.py`, simplifies and writes `outline.json` next to this file.

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python agreements/data/build_outline.py /tmp/package/countries-50m.json
"""

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from agreements.map import PROJECTION, project_raw  # noqa: E402

# ISO 3166 numeric codes: partners' countries first, then the neighbours drawn for context.
PARTNER_COUNTRIES = {"643": "RU", "398": "KZ"}
NEIGHBOURS = {
    "112": "BY",
    "417": "KG",
    "860": "UZ",
    "762": "TJ",
    "795": "TM",
    "496": "MN",
    "156": "CN",
    "246": "FI",
    "233": "EE",
    "428": "LV",
    "440": "LT",
    "616": "PL",
    "804": "UA",
    "498": "MD",
    "268": "GE",
    "031": "AZ",
    "051": "AM",
    "364": "IR",
    "004": "AF",
    "408": "KP",
    "410": "KR",
    "392": "JP",
    "578": "NO",
    "752": "SE",
    "642": "RO",
    "792": "TR",
    "100": "BG",
}
TOLERANCE = 0.6  # simplification tolerance, in viewBox units (the map is 1000 wide)


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    # Chukotka and Wrangel Island straddle the antimeridian: move their far-east points past 180°
    # so that clipping cuts them at 180° instead of drawing a line across the whole map.
    return [(lon + 360, lat) if lon < -150 else (lon, lat) for lon, lat in points]


def clip(ring, box):
    """Sutherland–Hodgman clipping of a lon/lat ring to a rectangle."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    output = ring
    for inside, cross in edges:
        source, output = output, []
        if not source:
            break
        previous = source[-1]
        for point in source:
            if inside(point):
                if not inside(previous):
                    output.append(cross(previous, point))
                output.append(point)
            elif inside(previous):
                output.append(cross(previous, point))
            previous = point
    return output


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points, tolerance):
    """Douglas–Peucker on projected points (iterative, rings can be long)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        length = math.hypot(bx - ax, by - ay)
        worst, worst_index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, worst_index = distance, i
        if worst_index is not None and worst > tolerance:
            keep[worst_index] = True
            stack.extend([(first, worst_index), (worst_index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def rings_for(geometry, arcs):
    """The geometry's rings clipped to the lon/lat box and projected (unit sphere, y north)."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        for ring_indexes in polygon:
            ring = clip(ring_points(ring_indexes, arcs), PROJECTION["box"])
            if len(ring) >= 3:
                rings.append([project_raw(lat, lon) for lon, lat in ring])
    return rings


def fit_to(rings, width=1000.0, margin=0.02):
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    pad_x, pad_y = (max(xs) - min(xs)) * margin, (max(ys) - min(ys)) * margin
    x0, x1, y0, y1 = min(xs) - pad_x, max(xs) + pad_x, min(ys) - pad_y, max(ys) + pad_y
    scale = width / (x1 - x0)
    return {"x0": x0, "y0": y1, "scale": scale, "width": width, "height": round((y1 - y0) * scale, 1)}


def path_for(rings, fit):
    view = (0.0, 0.0, fit["width"], fit["height"])
    parts = []
    for ring in rings:
        placed = [((x - fit["x0"]) * fit["scale"], (fit["y0"] - y) * fit["scale"]) for x, y in ring]
        placed = clip(placed, view)
        if len(placed) < 3:
            continue
        placed = simplify(placed + [placed[0]], TOLERANCE)[:-1]
        if len(placed) < 3 or area(placed) < 4:
            continue
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in placed)
        parts.append(f"M{coords}Z")
    return "".join(parts)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        number = geometry.get("id")
        code = PARTNER_COUNTRIES.get(number) or NEIGHBOURS.get(number)
        if code and geometry["type"] in {"Polygon", "MultiPolygon"}:
            shapes.append((code, number in PARTNER_COUNTRIES, rings_for(geometry, arcs)))
    fit = fit_to([ring for _, partner, rings in shapes if partner for ring in rings])
    countries = []
    for code, partner, rings in shapes:
        path = path_for(rings, fit)
        if path:
            countries.append({"code": code, "partner": partner, "d": path})
    countries.sort(key=lambda c: (c["partner"], c["code"]))
    result = {
        "source": "Natural Earth (public domain), via the world-atlas npm package",
        "projection": PROJECTION,
        "fit": fit,
        "countries": countries,
    }
    target = HERE / "outline.json"
    target.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
    print(f"{target}: {len(countries)} countries, {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_outline.py path/to/countries-50m.json")
    main(sys.argv[1])
