// Type-ahead for the agreement list's partner filter: as the reader types, up to ten partner units the
// server finds (name or tax code, accents ignored) are offered; picking one puts its tax code in the field.
// Without this script the field still filters by whatever was typed.
(function () {
  "use strict";
  var list = document.getElementById("partner-suggestions");
  var input = document.querySelector("input[name=partner]");
  if (!list || !input) { return; }
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === asked) { return; }
      asked = text;
      fetch(list.dataset.source + "?q=" + encodeURIComponent(text), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {partners: []}; })
        .then(function (data) {
          if (text !== asked) { return; }
          list.replaceChildren.apply(list, data.partners.map(function (partner) {
            var option = document.createElement("option");
            option.value = partner.value;
            option.label = partner.label;
            option.textContent = partner.label;
            return option;
          }));
        });
    }, 200);
  });
}());
