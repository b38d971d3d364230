// Behaviour of every page, kept out of the HTML so that the Content-Security-Policy can forbid inline scripts.
document.addEventListener("DOMContentLoaded", () => {
  // Selects marked data-submit-on-change (the language switcher) send their form as soon as they change.
  for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
    select.addEventListener("change", () => select.form.submit());
  }
});
