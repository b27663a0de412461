"use strict";
// The library form: while latitude and longitude are empty (or still hold what this script put there),
// typing a city the gazetteer knows fills them with its approximate centre. The same rule runs on save
// (core/gazetteer.py), so the form works without this script too. A click on the map under the fields
// puts the point there; the map's marker follows the fields.
(function () {
  function normalize(text) {
    return text.toLowerCase().replace(/ё/g, "е").trim().replace(/\s+/g, " ").replace(/^(г\.|г |город )\s*/, "");
  }

  // Albers equal-area conic, as agreements/map.py projects the outlines (its parameters come with the page).
  function albers(projection) {
    const rad = Math.PI / 180;
    const [phi1, phi2] = projection.parallels.map((p) => p * rad);
    const phi0 = projection.origin[0] * rad;
    const lambda0 = projection.origin[1] * rad;
    const n = (Math.sin(phi1) + Math.sin(phi2)) / 2;
    const c = Math.cos(phi1) ** 2 + 2 * n * Math.sin(phi1);
    const rho0 = Math.sqrt(c - 2 * n * Math.sin(phi0)) / n;
    return {
      forward(lat, lon) {
        const rho = Math.sqrt(Math.max(c - 2 * n * Math.sin(lat * rad), 0)) / n;
        const theta = n * (lon * rad - lambda0);
        return [rho * Math.sin(theta), rho0 - rho * Math.cos(theta)];
      },
      inverse(x, y) {
        const rho = Math.sqrt(x * x + (rho0 - y) ** 2);
        const theta = Math.atan2(x, rho0 - y);
        const lat = Math.asin(Math.max(-1, Math.min(1, (c - (rho * n) ** 2) / (2 * n)))) / rad;
        return [lat, (lambda0 + theta / n) / rad];
      },
    };
  }

  function startMap(latitude, longitude, onPick) {
    const data = document.getElementById("coopnet-coordinates-projection");
    const svg = document.getElementById("coopnet-coordinates-map");
    const marker = document.getElementById("coopnet-coordinates-marker");
    if (!data || !svg || !marker) {
      return () => {};
    }
    const { projection, fit } = JSON.parse(data.textContent);
    const conic = albers(projection);

    function place() {
      const lat = parseFloat(latitude.value);
      const lon = parseFloat(longitude.value);
      if (Number.isNaN(lat) || Number.isNaN(lon)) {
        marker.setAttribute("visibility", "hidden");
        return;
      }
      const [x, y] = conic.forward(lat, lon);
      marker.setAttribute("cx", ((x - fit.x0) * fit.scale).toFixed(1));
      marker.setAttribute("cy", ((fit.y0 - y) * fit.scale).toFixed(1));
      marker.setAttribute("visibility", "visible");
    }

    svg.addEventListener("click", (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const inside = point.matrixTransform(svg.getScreenCTM().inverse());
      const [lat, lon] = conic.inverse(inside.x / fit.scale + fit.x0, fit.y0 - inside.y / fit.scale);
      latitude.value = lat.toFixed(5);
      longitude.value = (((lon + 540) % 360) - 180).toFixed(5);
      onPick();
      place();
    });
    latitude.addEventListener("input", place);
    longitude.addEventListener("input", place);
    place();
    return place;
  }

  function start() {
    const data = document.getElementById("coopnet-gazetteer");
    const city = document.getElementById("id_city");
    const country = document.getElementById("id_country");
    const latitude = document.getElementById("id_latitude");
    const longitude = document.getElementById("id_longitude");
    if (!data || !city || !latitude || !longitude) {
      return;
    }
    const places = JSON.parse(data.textContent); // [city, country, latitude, longitude]
    let filled = null;

    function lookup() {
      const name = normalize(city.value);
      let rows = places.filter((row) => normalize(row[0]) === name);
      if (country && country.value) {
        rows = rows.filter((row) => row[1] === country.value);
      }
      return rows.length === 1 ? rows[0] : null;
    }

    function update() {
      const empty = latitude.value === "" && longitude.value === "";
      const ours = filled && latitude.value === filled[0] && longitude.value === filled[1];
      if (!empty && !ours) {
        return;
      }
      const row = lookup();
      if (row) {
        latitude.value = row[2];
        longitude.value = row[3];
        filled = [row[2], row[3]];
      } else if (ours) {
        latitude.value = "";
        longitude.value = "";
        filled = null;
      }
    }

    const placeMarker = startMap(latitude, longitude, () => {
      filled = null; // a point chosen on the map is the user's own
    });
    city.addEventListener("input", () => {
      update();
      placeMarker();
    });
    if (country) {
      country.addEventListener("change", () => {
        update();
        placeMarker();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
