// The HTML matrix's filter (html.rs inlines this file): by text (every word must occur in
// the row: item id, statement, case names, differences), by outcome and by level. It hides
// item rows and case entries, hides pages left empty, and says how many items are shown.
// Plain DOM, no network; the row texts are read once, so typing stays fast with
// thousands of rows.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var text = document.getElementById("filter-text");
  var level = document.getElementById("filter-level");
  var shown = document.getElementById("shown");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=outcome]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-o]"));
  var haystack = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var pages = Array.prototype.slice.call(document.querySelectorAll("section.page"));
  var items = rows.filter(function (r) { return r.classList.contains("item"); }).length;

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var outcomes = {};
    boxes.forEach(function (b) { if (b.checked) outcomes[b.value] = true; });
    var lvl = level.value;
    var visible = 0;
    rows.forEach(function (row, i) {
      var show = outcomes[row.dataset.o] === true &&
        (lvl === "" || row.dataset.l === lvl) &&
        words.every(function (w) { return haystack[i].indexOf(w) >= 0; });
      row.hidden = !show;
      if (show && row.classList.contains("item")) visible++;
    });
    pages.forEach(function (page) {
      page.hidden = page.querySelector("tr.item:not([hidden])") === null;
    });
    shown.textContent = visible + " of " + items + " items shown";
  }

  form.hidden = false;
  text.addEventListener("input", apply);
  level.addEventListener("change", apply);
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    text.value = "";
    level.value = "";
    boxes.forEach(function (b) { b.checked = true; });
    apply();
  });
  apply();
})();
