// Sends the SAML request form on to the identity provider (djangosaml2's POST binding page);
// the button does the same without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-auto-submit]");
  if (form) form.submit();
});
