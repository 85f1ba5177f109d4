/* A form with data-confirm="question?" asks before it submits (instead of an inline onsubmit,
   which the Content-Security-Policy forbids). */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
