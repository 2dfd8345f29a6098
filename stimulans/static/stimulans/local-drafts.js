/* Keeps a copy of a form's answers in this browser (localStorage) until the server has them.
 *
 * The copy is tied to the version of the report the page was rendered from. When the page is
 * shown again with the same version (the server has not stored a newer save: the save failed,
 * the connection dropped, the database was busy), the typed answers are put back and a notice
 * says so. When the version has moved on (the save went through), the copy is dropped.
 * Files cannot be kept this way. Texts come from data attributes, translated by Django. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-local-draft]");
  if (!form || !window.localStorage || !window.JSON) return;
  var key = "stimulans:draft:" + form.getAttribute("data-local-draft");
  var versionInput = form.querySelector('input[name="version"]');
  var version = versionInput ? versionInput.value : "";
  var notice = document.getElementById("local-draft-notice");
  var SKIP = { csrfmiddlewaretoken: 1, version: 1, action: 1 };

  function collect() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SKIP[el.name] || el.type === "file" || el.type === "submit" ||
          el.type === "button") return;
      if (!data[el.name]) data[el.name] = [];
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) data[el.name].push(el.value);
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { data[el.name].push(o.value); });
      } else {
        data[el.name].push(el.value);
      }
    });
    return data;
  }

  function apply(data) {
    var missing = 0;
    Object.keys(data).forEach(function (name) {
      var values = data[name];
      var els = form.querySelectorAll('[name="' + name.replace(/(["\\])/g, "\\$1") + '"]');
      if (!els.length) { missing += 1; return; }
      var i = 0;
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = values.indexOf(el.value) !== -1;
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) !== -1; });
        } else {
          el.value = values[i] !== undefined ? values[i] : "";
          i += 1;
        }
      });
    });
    return missing;
  }

  var stored = null;
  try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { stored = null; }
  if (stored && stored.version === version) {
    if (JSON.stringify(stored.data) !== JSON.stringify(collect())) {
      var missing = apply(stored.data);
      if (notice) {
        notice.textContent = notice.getAttribute("data-restored") +
          (missing ? " " + notice.getAttribute("data-missing") : "");
        notice.hidden = false;
      }
      form.dispatchEvent(new Event("change", { bubbles: true }));
    }
  } else if (stored) {
    localStorage.removeItem(key);
  }

  var timer = null;
  function keep() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      try {
        localStorage.setItem(key, JSON.stringify({ version: version, data: collect(), at: Date.now() }));
      } catch (e) { /* storage full or disabled: nothing more to do */ }
    }, 250);
  }
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    try {
      localStorage.setItem(key, JSON.stringify({ version: version, data: collect(), at: Date.now() }));
    } catch (e) { /* ignore */ }
  });
})();
