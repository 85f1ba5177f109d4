// GD Catalog registration page: the header box ticks or clears every data set on the page.
document.addEventListener("DOMContentLoaded", () => {
  const all = document.getElementById("gdc-select-all");
  if (!all) return;
  const boxes = () => document.querySelectorAll("#gdc input[name=record]");
  all.addEventListener("change", () => boxes().forEach((box) => { box.checked = all.checked; }));
});
