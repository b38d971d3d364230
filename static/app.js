// Behaviour of every page, kept out of the HTML so that the Content-Security-Policy can forbid inline scripts.
"use strict";

// Styles that only make sense with the script (the folding menu) key on this class.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Selects marked data-submit-on-change (the language switcher) send their form as soon as they change.
  for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
    select.addEventListener("change", () => select.form.submit());
  }

  // The menu button of narrow screens shows and hides the navigation; Escape closes it.
  const toggle = document.querySelector(".menu-toggle");
  const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && menu) {
    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // A table wider than its wrapper scrolls inside it: the wrapper takes the keyboard focus so that it can be
  // scrolled without a mouse (templates mark their wrappers so already; this covers any that is not).
  for (const wrap of document.querySelectorAll(".table-wrap:not([tabindex])")) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    const heading = wrap.closest("section, figure, main")?.querySelector("h2, h1, figcaption");
    wrap.setAttribute("aria-label", heading ? heading.textContent.trim() : document.title);
  }
});
