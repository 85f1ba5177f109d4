/* Draws every chart whose figure JSON sits in a <script type="application/json"> on the page.
   plotly.js comes from our own static files; charts are SVG, so they print as vectors. */
(function () {
  "use strict";
  var CONFIG = {responsive: true, displaylogo: false, locale: document.documentElement.lang || "th",
                modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
                toImageButtonOptions: {format: "svg"}};

  /* Re-wrap a plotly text at spaces so that it fits a narrow chart; returns [text, added lines]. */
  function wrap(text, width) {
    var added = 0;
    var lines = String(text || "").split("<br>").map(function (line) {
      var out = [], current = "";
      line.split(" ").forEach(function (word) {
        if (current && (current + " " + word).replace(/<[^>]+>/g, "").length > width) {
          out.push(current);
          current = word;
        } else {
          current = current ? current + " " + word : word;
        }
      });
      out.push(current);
      added += out.length - 1;
      return out.join("<br>");
    });
    return [lines.join("<br>"), added];
  }

  function fitText(el, layout) {
    var width = el.clientWidth || 600;
    if (!layout.title) { return; }
    var title = wrap(layout.title.text, Math.floor(width / 9));
    var extra = title[1] * 20;
    layout.title.text = title[0];
    if (layout.title.subtitle) {
      var subtitle = wrap(layout.title.subtitle.text, Math.floor(width / 6.5));
      layout.title.subtitle.text = subtitle[0];
      extra += subtitle[1] * 14;
    }
    if (extra) {
      layout.margin = Object.assign({}, layout.margin, {t: (layout.margin && layout.margin.t || 80) + extra});
      layout.height = (layout.height || 450) + extra;
    }
  }

  function draw(el) {
    var source = document.getElementById(el.getAttribute("data-chart-json"));
    if (!source) { return; }
    var fig = JSON.parse(source.textContent);
    var layout = fig.layout || {};
    if (window.matchMedia("(max-width: 576px)").matches) {
      layout.margin = Object.assign({}, layout.margin, {l: 48, r: 8});
      layout.font = Object.assign({}, layout.font, {size: 11});
    }
    fitText(el, layout);
    if (layout.height) { el.style.height = layout.height + "px"; }
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
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll(".viz-source details").forEach(function (d) { d.open = true; });
      resizeAll();
    });
    window.addEventListener("afterprint", resizeAll);
  });
})();
