// The agreement's form: «Ответственный со стороны партнёра» offers only the chosen partner's contacts, and a
// contact of another library is cleared when the partner changes. Without JavaScript every contact is offered and
// the server names a contact of another library as such.
(function () {
  "use strict";

  function follow(partner, contacts) {
    var chosen = partner.value;
    Array.prototype.forEach.call(contacts.options, function (option) {
      var library = option.getAttribute("data-library");
      var hidden = Boolean(library) && Boolean(chosen) && library !== chosen;
      option.hidden = hidden;
      option.disabled = hidden;
      if (hidden && option.selected) {
        contacts.value = "";
      }
    });
  }

  function start() {
    var partner = document.getElementById("id_partner");
    var contacts = document.getElementById("id_partner_responsible");
    if (!partner || !contacts) {
      return;
    }
    follow(partner, contacts);
    partner.addEventListener("change", function () {
      follow(partner, contacts);
    });
    // The partner field is an autocomplete (select2 on Django's jQuery), which reports changes through jQuery.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(partner).on("change select2:select select2:clear", function () {
        follow(partner, contacts);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
