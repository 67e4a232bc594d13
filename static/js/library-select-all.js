// "Tick all of this section" on the draft's add-from-library form: one checkbox per section ticks (or unticks) its
// entries, and shows whether all, some or none are ticked. Without this script each section's own button adds
// all of its entries.
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var section = all.closest("[data-library-section]");
    var entries = section.querySelectorAll("input[type=checkbox][name='" + all.dataset.selectAll + "']");
    if (!entries.length) { return; }
    function show() {
      var ticked = Array.prototype.filter.call(entries, function (entry) { return entry.checked; }).length;
      all.checked = ticked > 0 && ticked === entries.length;
      all.indeterminate = ticked > 0 && ticked < entries.length;
    }
    all.addEventListener("change", function () {
      entries.forEach(function (entry) { entry.checked = all.checked; });
      show();
    });
    entries.forEach(function (entry) { entry.addEventListener("change", show); });
    all.closest("label").hidden = false;
    show();
  });
}());
