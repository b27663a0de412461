/* Shows an event's start in the reader's own time zone, named by its Russian city and country
   (zone-names.js, from CLDR); a zone without a Russian name is left unnamed, never shown by its IANA name.
   The page is complete without it: every site's local time is already rendered by the server. */
(function () {
  "use strict";
  if (!("Intl" in window) || typeof Intl.DateTimeFormat !== "function") {
    return;
  }
  var blocks = document.querySelectorAll("[data-local-time]");
  Array.prototype.forEach.call(blocks, function (block) {
    var moment = new Date(block.getAttribute("data-local-time"));
    if (isNaN(moment.getTime())) {
      return;
    }
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      zone = "";
    }
    var text = new Intl.DateTimeFormat("ru-RU", {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit"
    }).format(moment);
    var target = block.querySelector(".reader-time-value") || block;
    var place = zone && window.coopnetZoneNames ? window.coopnetZoneNames[zone] : "";
    target.textContent = place ? text + " (" + place + ")" : text;
    block.hidden = false;
  });
})();
