/* Draws every chart whose figure JSON sits in a <script type="application/json"> on the page.
   plotly.js comes from our own static files; charts are SVG, so they print as vectors. */
(function () {
  "use strict";
  var CONFIG = {responsive: true, displaylogo: false, locale: document.documentElement.lang || "th",
                modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
                toImageButtonOptions: {format: "svg"}};

  function draw(el) {
    var source = document.getElementById(el.getAttribute("data-chart-json"));
    if (!source) { return; }
    var fig = JSON.parse(source.textContent);
    var layout = fig.layout || {};
    if (window.matchMedia("(max-width: 576px)").matches) {
      layout.margin = Object.assign({}, layout.margin, {l: 48, r: 8});
      layout.font = Object.assign({}, layout.font, {size: 11});
    }
    window.Plotly.newPlot(el, fig.data || [], layout, CONFIG);
  }

  function resizeAll() {
    document.querySelectorAll(".viz-plot.js-plotly-plot").forEach(function (el) {
      window.Plotly.Plots.resize(el);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart-json]").forEach(draw);
    document.querySelectorAll("[data-viz-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    if (window.matchMedia) {
      window.matchMedia("print").addEventListener("change", resizeAll);
    }
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("afterprint", resizeAll);
  });
})();
