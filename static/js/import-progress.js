"use strict";
// The import page (templates/admin/imports/import.html): while a file is checked or imported, ask the server
// twice a second how far it got (tabular/progress.py) and show it under the form. The form is sent as usual:
// without this script the page simply waits for the answer.
(function () {
  function watch(form) {
    const box = document.getElementById("import-progress");
    if (!box) return;
    const bar = box.querySelector("progress");
    const text = box.querySelector("span");
    const token = form.querySelector('input[name="progress"]').value;
    const url = form.dataset.progressUrl + "?token=" + encodeURIComponent(token);
    box.hidden = false;
    window.setInterval(function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) return;
          text.textContent = state.text;
          if (state.total > 0) {
            bar.max = state.total;
            bar.value = state.done;
          } else {
            bar.removeAttribute("value"); // indeterminate while the file is read
          }
        })
        .catch(function () {});
    }, 500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-progress-url]").forEach(function (form) {
      form.addEventListener("submit", function () { watch(form); });
    });
  });
})();
