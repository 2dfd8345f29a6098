// Links marked data-history-back go back in the browser's history (keeping what was typed in
// the page before), or to their href when there is no history. A file of its own: the
// Content-Security-Policy allows no javascript: links or inline script.
document.querySelectorAll("a[data-history-back]").forEach(function (link) {
  link.addEventListener("click", function (event) {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
});
