// Small behaviours of every page, kept out of the HTML because the Content-Security-Policy refuses inline script.
(function () {
  "use strict";

  // After a failed submit, move focus to the error summary so it is read out and Tab starts from it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // On a phone the menu folds behind its button; without this script it simply stays open.
  var toggle = document.querySelector(".menu-toggle");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && menu) {
    document.documentElement.classList.add("menu-folds");
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }
})();
