/* Keeps a copy of a form's answers in this browser (localStorage) until the server has them.
 *
 * The copy is tied to the version of the report the page was rendered from. When the page is
 * shown again with the same version (the server has not stored a newer save: the save failed,
 * the connection dropped, the database was busy), the typed answers are put back and a notice
 * says so. When the version has moved on (the save went through), the copy is dropped.
 * Files cannot be kept this way. Texts come from data attributes, translated by Django.
 *
 * The report form also autosaves through htmx (#autosave-status, a couple of seconds after
 * typing stops). Each autosave posts only the inputs changed since the previous one (and in
 * "cleared" the inputs now left empty) and moves the form's version on; the copy here follows
 * the version input as it is now, and a failed autosave says that the answers are kept here.
 * Each autosave also posts the page's token (input "page"), so that the server tells this
 * page's own autosaves from another tab's. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-local-draft]");
  if (!form || !window.JSON) return;
  var canStore = !!window.localStorage;
  var key = "stimulans:draft:" + form.getAttribute("data-local-draft");
  function currentVersion() {
    var input = form.querySelector('input[name="version"]');  /* replaced by each autosave */
    return input ? input.value : "";
  }
  var version = currentVersion();
  var notice = document.getElementById("local-draft-notice");
  var SKIP = { csrfmiddlewaretoken: 1, version: 1, action: 1, page: 1 };

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

  var sent = collect();  /* what the server has: the page as rendered, before any restore */
  var sending = null;

  var stored = null;
  try { stored = canStore && JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { stored = null; }
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
  function store() {
    if (!canStore) return;
    try {
      localStorage.setItem(key, JSON.stringify({ version: currentVersion(), data: collect(), at: Date.now() }));
    } catch (e) { /* storage full or disabled: nothing more to do */ }
  }
  function keep() {
    window.clearTimeout(timer);
    timer = window.setTimeout(store, 250);
  }
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    store();
  });

  var status = document.getElementById("autosave-status");
  if (!status) return;
  function failed() { status.textContent = status.getAttribute("data-failed"); }
  status.addEventListener("htmx:beforeSwap", function (evt) {
    var code = evt.detail.xhr.status;
    if (code === 409 || code === 413) {
      /* changed elsewhere, submitted, or too large to autosave: show the server's message */
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    } else if (code >= 400 || code === 0) {
      evt.detail.shouldSwap = false;
      failed();
    }
  });
  status.addEventListener("htmx:configRequest", function (evt) {
    /* Only what changed since the previous autosave: small requests, small history rows. */
    var now = collect();
    var body = new FormData();
    var changed = 0;
    Object.keys(now).forEach(function (name) {
      if (JSON.stringify(now[name]) === JSON.stringify(sent[name] || [])) return;
      changed += 1;
      if (now[name].length) {
        now[name].forEach(function (value) { body.append(name, value); });
      } else {
        body.append("cleared", name);
      }
    });
    if (!changed) { evt.preventDefault(); return; }
    body.append("version", currentVersion());
    var page = form.querySelector('input[name="page"]');  /* this page load's token */
    if (page) body.append("page", page.value);
    evt.detail.parameters = body;
    sending = now;
  });
  status.addEventListener("htmx:afterRequest", function (evt) {
    if (evt.detail.successful && sending) sent = sending;
    sending = null;
  });
  status.addEventListener("htmx:sendError", failed);
  status.addEventListener("htmx:timeout", failed);
  status.addEventListener("htmx:afterSwap", function () {
    /* The server has the answers as of the new version: the copy here follows it, so that a
       reload shows the server's autosave and only later typing comes back from this browser. */
    store();
  });
})();
