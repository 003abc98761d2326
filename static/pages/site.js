// Fineprint's only script of its own: focus and error handling around htmx swaps.
// Everything works without it; it just keeps keyboard and screen-reader users oriented.
(function () {
  "use strict";

  // After a page is swapped into <main>, move focus to its heading (or the highlighted
  // passage when the address points at one) so the next Tab starts in the new content.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "main") return;
    var focusTarget = null;
    if (window.location.hash) {
      focusTarget = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    }
    if (!focusTarget) focusTarget = target.querySelector("h1") || target;
    focusTarget.focus({ preventScroll: focusTarget.id !== "hl" });
    // The header stays put during these swaps, so its "you are here" mark must follow.
    document.querySelectorAll(".site-nav a").forEach(function (link) {
      if (link.pathname === window.location.pathname) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
  });

  // htmx keeps a snapshot of each page's markup for the back button. Typed values and
  // ticked boxes live in properties, not attributes, so after the results change we write
  // the form's state into its attributes: the snapshot taken when the visitor moves on then
  // holds the state that matches its own address, not whatever was typed since.
  function syncFormAttributes(form) {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.toggleAttribute("checked", field.checked);
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.toggleAttribute("selected", option.selected);
        });
      } else if (field.type !== "hidden") {
        field.setAttribute("value", field.value);
      }
    });
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    var form = document.getElementById("browse-form");
    if (form && target && target.id === "results") syncFormAttributes(form);
  });

  function showError(message) {
    var box = document.getElementById("htmx-error");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("htmx-error");
    if (box) box.hidden = true;
  });
  document.addEventListener("htmx:responseError", function () {
    showError("Sorry, that didn't load. Please try again, or reload the page.");
  });
  document.addEventListener("htmx:sendError", function () {
    showError("We couldn't reach Fineprint. Check your connection and try again.");
  });
})();
