// Keyboard shortcuts of the coding page (a file: the Content-Security-Policy allows no inline
// script). Ctrl+Enter saves and goes to the next initiative, from anywhere on the page; outside
// the form's fields: n next, p previous, l back to the list, s to the form's first field.
// Ctrl+Enter in the note saves the note (not the coding: the typed note would be lost).
document.addEventListener("keydown", (event) => {
  const form = document.getElementById("kodformular");
  if (!form) return;
  const note = event.target.closest && event.target.closest("#anteckningsformular");
  if (note && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    note.requestSubmit();
    return;
  }
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    const button = form.querySelector("[data-save-next]");
    if (button) {
      event.preventDefault();
      button.click();
    }
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest("input, select, textarea")) return;
  const selector = { n: "[data-next]", p: "[data-previous]", l: "[data-queue]" }[event.key];
  if (selector) {
    const link = document.querySelector(selector);
    if (link) {
      event.preventDefault();
      link.click();
    }
  } else if (event.key === "s") {
    const field = form.querySelector("select, textarea, input:not([type=hidden])");
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }
});

// A refused save (400: a field's error; 409: the note was saved by someone else since) answers
// with the section to show, message and typed text included: swap it like a success.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if ((status === 400 || status === 409) && event.detail.target.closest("[data-swap-errors]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
