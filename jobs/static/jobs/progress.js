// Job page: asks the job's status every second until it has finished, then reloads to show the result.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "1") { return; }
  var bar = document.getElementById("job-bar");
  var meter = document.getElementById("job-progress");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        bar.style.width = status.progress + "%";
        bar.textContent = status.progress + "%";
        meter.setAttribute("aria-valuenow", status.progress);
        document.getElementById("job-state").textContent = status.state_label;
        document.getElementById("job-message").textContent = status.message;
        if (status.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
