// The "Print" button of a printable page: the page itself prints well without it (its @media print rules).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
