// The activity form offers only the goals of the chosen area and of its parent area
// (the server checks the same rule). Without a chosen area every goal is offered.
(function () {
  "use strict";
  function update(select) {
    var option = select.options[select.selectedIndex];
    var area = select.value;
    var parent = option ? option.getAttribute("data-parent") || "" : "";
    document.querySelectorAll("input[data-area]").forEach(function (box) {
      var own = box.getAttribute("data-area");
      var offered = !area || own === area || (parent !== "" && own === parent);
      var holder = box.closest("div") || box.parentNode;
      holder.hidden = !offered;
      if (!offered) { box.checked = false; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_area");
    if (!select || !document.querySelector("input[data-area]")) { return; }
    select.addEventListener("change", function () { update(select); });
    update(select);
  });
})();
