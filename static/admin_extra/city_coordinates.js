"use strict";
// The library form: while latitude and longitude are empty (or still hold what this script put there),
// typing a city the gazetteer knows fills them with its approximate centre. The same rule runs on save
// (coopnet/gazetteer.py), so the form works without this script too.
(function () {
  function normalize(text) {
    return text.toLowerCase().replace(/ё/g, "е").trim().replace(/\s+/g, " ").replace(/^(г\.|г |город )\s*/, "");
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

    city.addEventListener("input", update);
    if (country) {
      country.addEventListener("change", update);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
