/* Portal Kabupaten Ketapang: the main menu button on small screens.
   Loaded in <head> (our own small file): it marks <html> with "js" at once, so the stylesheet
   can fold the menu before the first paint (no layout shift); without JavaScript the menu
   simply stays open. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUp() {
    var button = document.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) {
      return;
    }
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu from anywhere in it and puts the focus back on the button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
