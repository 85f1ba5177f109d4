/* Template 2 and 3 forms: show each "โปรดระบุ" box only when อื่นๆ is chosen in its field, and move
   the focus to the error summary. A static file: the Content-Security-Policy allows scripts only
   from our own origin, never inline. */
(function () {
  "use strict";
  function chosenOther(name) {
    var field = document.querySelector('[data-field="' + name + '"]');
    if (!field) return false;
    var select = field.querySelector("select");
    if (select) return select.value === "อื่นๆ";
    return Array.prototype.some.call(field.querySelectorAll("input[type=checkbox], input[type=radio]"),
      function (box) { return box.checked && box.value === "อื่นๆ"; });
  }
  function refresh() {
    document.querySelectorAll("[data-other-for]").forEach(function (box) {
      var name = box.getAttribute("data-other-for");
      var show = box.hasAttribute("data-other-always") || chosenOther(name) || box.querySelector(".invalid-feedback");
      box.hidden = !show;
    });
  }
  document.addEventListener("change", refresh);
  refresh();
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
