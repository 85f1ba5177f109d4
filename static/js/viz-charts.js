/* Draws every chart whose figure JSON sits in a <script type="application/json"> on the page.

   plotly.js is our own static copy (the cartesian partial bundle). With data-viz-lazy on this script
   (the dashboards and the summary) it is loaded only when the first chart comes into view, and each
   chart is drawn when it scrolls into view: the page opens on its
   HTML (key figures, findings) without downloading or running 1.5 MB of JavaScript. Printing (the
   button, or Ctrl/Cmd+P on a printable page) draws every chart first. Charts are SVG, so they print
   as vectors. */
(function () {
  "use strict";
  var SCRIPT = document.currentScript;
  var PLOTLY_SRC = SCRIPT && SCRIPT.getAttribute("data-plotly-src");
  var LAZY = SCRIPT && SCRIPT.hasAttribute("data-viz-lazy");
  var CONFIG = {responsive: true, displaylogo: false, locale: document.documentElement.lang || "th",
                modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
                toImageButtonOptions: {format: "svg"}};
  var PHONE = "(max-width: 576px)";
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = PLOTLY_SRC;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () { loading = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

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

  function figureLayout(el) {
    var source = document.getElementById(el.getAttribute("data-chart-json"));
    if (!source) { return null; }
    var fig = JSON.parse(source.textContent);
    var layout = fig.layout || {};
    if (window.matchMedia(PHONE).matches) {
      layout.margin = Object.assign({}, layout.margin, {l: 48, r: 8});
      layout.font = Object.assign({}, layout.font, {size: 11});
    }
    fitText(el, layout);
    return {data: fig.data || [], layout: layout};
  }

  /* The legend sits at the bottom of the figure (under the axis title): on a narrow screen it may
     need more rows than the server planned for, so the bottom margin grows by what it really takes. */
  function fitLegend(el, Plotly) {
    var legend = el.querySelector(".legend");
    var layout = el.layout || {};
    if (!legend || !layout.margin) { return null; }
    var needed = Math.ceil(legend.getBBox().height) + 48;
    var margin = layout.margin.b || 0;
    if (needed <= margin) { return null; }
    return Plotly.relayout(el, {"margin.b": needed, height: (layout.height || 450) + needed - margin});
  }

  /* After drawing, the chart holds plotly's toolbar buttons: an image (role="img") may not contain
     controls, so the chart becomes a named group of its own SVG and its toolbar. */
  function markDrawn(el) {
    el.setAttribute("role", "group");
    el.querySelectorAll(".main-svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
    el.setAttribute("data-drawn", "true");
  }

  function draw(el) {
    if (el.viz) { return el.viz; }
    el.viz = loadPlotly().then(function (Plotly) {
      var fig = figureLayout(el);
      if (!fig) { return null; }
      if (fig.layout.height) { el.style.height = fig.layout.height + "px"; }
      return Plotly.newPlot(el, fig.data, fig.layout, CONFIG).then(function () {
        return fitLegend(el, Plotly);
      }).then(function () {
        if (el.layout && el.layout.height) { el.style.height = el.layout.height + "px"; }
        markDrawn(el);
      });
    });
    el.viz.catch(function () { el.viz = null; });
    return el.viz;
  }

  function plots() { return Array.prototype.slice.call(document.querySelectorAll("[data-chart-json]")); }

  function drawAll() { return Promise.all(plots().map(draw)); }

  function drawWhenSeen() {
    if (!("IntersectionObserver" in window)) { drawAll(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, {rootMargin: "0px 0px -60px 0px"});
    plots().forEach(function (el) { observer.observe(el); });
    /* Once the reader scrolls, fetch plotly.js so the next chart is drawn without waiting for it. */
    if (plots().length) { window.addEventListener("scroll", function () { loadPlotly(); }, {once: true, passive: true}); }
  }

  /* The heatmap's "rate per 1,000 / number" buttons: redraw the same chart from the other JSON. */
  function switchView(button) {
    var el = document.getElementById(button.getAttribute("data-viz-plot"));
    if (!el || button.getAttribute("aria-pressed") === "true") { return; }
    button.parentNode.querySelectorAll("[data-viz-view]").forEach(function (other) {
      var on = other === button;
      other.setAttribute("aria-pressed", on ? "true" : "false");
      other.classList.toggle("active", on);
    });
    el.setAttribute("data-chart-json", button.getAttribute("data-viz-view"));
    var previous = el.viz || Promise.resolve();
    el.viz = previous.then(function () {
      return loadPlotly();
    }).then(function (Plotly) {
      var fig = figureLayout(el);
      if (fig.layout.height) { el.style.height = fig.layout.height + "px"; }
      return Plotly.react(el, fig.data, fig.layout, CONFIG).then(function () { markDrawn(el); });
    });
  }

  /* On paper: 180 mm wide (the A4 page less its margins) and at most 330 px high, so that two charts
     share a page; back to the screen size afterwards. */
  var PRINT_WIDTH = 680;
  function printSize(on) {
    if (!window.Plotly) { return; }
    document.querySelectorAll(".viz-plot[data-drawn]").forEach(function (el) {
      var screen = Number(el.getAttribute("data-screen-height"));
      if (on && !screen) {
        screen = (el.layout && el.layout.height) || el.clientHeight;
        el.setAttribute("data-screen-height", screen);
        var height = Math.round(Math.min(330, Math.max(290, screen * 0.68)));
        el.style.height = height + "px";
        window.Plotly.relayout(el, {width: PRINT_WIDTH, height: height});
      } else if (!on && screen) {
        el.removeAttribute("data-screen-height");
        el.style.height = screen + "px";
        window.Plotly.relayout(el, {width: null, height: screen, autosize: true});
      }
    });
  }

  function printPage() {
    document.querySelectorAll(".viz-source details").forEach(function (d) { d.open = true; });
    drawAll().then(function () { window.print(); }, function () { window.print(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (LAZY) { drawWhenSeen(); } else { drawAll(); }
    var printable = document.querySelectorAll("[data-viz-print]");
    printable.forEach(function (button) { button.addEventListener("click", printPage); });
    if (printable.length) {
      document.addEventListener("keydown", function (event) {
        if ((event.ctrlKey || event.metaKey) && (event.key === "p" || event.key === "P")) {
          event.preventDefault();
          printPage();
        }
      });
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-viz-view]");
      if (button) { switchView(button); }
    });
    if (window.matchMedia) {
      window.matchMedia("print").addEventListener("change", function (event) { printSize(event.matches); });
    }
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll(".viz-source details").forEach(function (d) { d.open = true; });
      printSize(true);
    });
    window.addEventListener("afterprint", function () { printSize(false); });
  });
})();
