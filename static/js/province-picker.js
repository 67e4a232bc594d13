// The draft form's provinces: a search-as-you-type picker (Tom Select, static/vendor/tom-select) over the plain
// <select multiple>, whose options the server already limits to the provinces in force on the term's start.
// When the term's start changes, the options are asked again for the new day; the provinces already chosen stay,
// and the server names any of another period beside the field. Without this script the list still works.
(function () {
  "use strict";
  var select = document.querySelector("select[data-province-picker]");
  if (!select || typeof TomSelect === "undefined") { return; }
  var form = select.form;
  var start = form && form.querySelector("input[name$=term_start]");
  var picker = new TomSelect(select, {
    plugins: ["remove_button"],
    maxOptions: null,
    hidePlaceholder: true,
    closeAfterSelect: true,
    searchField: ["text"],
    placeholder: select.dataset.placeholder || "",
    render: {
      // The library's own words are English: ours come from the page, in the user's language.
      no_results: function () {
        var none = document.createElement("div");
        none.className = "no-results";
        none.textContent = select.dataset.noResults || "";
        return none;
      }
    }
  });
  // Tom Select points the label at its own input; the hidden <select> it keeps for the form still needs a
  // name for screen readers (axe: select-name).
  var label = document.querySelector("label[for='" + picker.control_input.id + "']");
  if (label) { select.setAttribute("aria-label", label.textContent.replace("*", "").trim()); }
  if (!start) { return; }
  var asked = start.value.trim();
  function refetch() {
    var day = start.value.trim();
    if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(day) || day === asked) { return; }
    asked = day;
    fetch(select.dataset.source + "?on=" + encodeURIComponent(day), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || day !== asked) { return; }
        picker.clearOptions();  // keeps the chosen ones
        picker.addOptions(data.provinces);
        picker.refreshOptions(false);
        select.dispatchEvent(new CustomEvent("provinces-offered", {detail: {on: data.on}}));
      });
  }
  start.addEventListener("change", refetch);
  start.addEventListener("input", refetch);
}());
