// The desk's few behaviours that need the browser: report its time zone, submit filters on change,
// and hide form fields whose simple "=field = value" condition holds (hidden fields are not sent).
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    document.cookie = "seawall-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  }

  function applyConditions(root) {
    root.querySelectorAll("[data-hide-field]").forEach(function (field) {
      var form = field.closest("form");
      var source = form && form.querySelector("[name='" + field.dataset.hideField + "']:checked, select[name='"
          + field.dataset.hideField + "'], input[type=text][name='" + field.dataset.hideField + "']");
      var hide = !!source && source.value === field.dataset.hideValue;
      field.hidden = hide;
      field.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = hide; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    applyConditions(document);
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function () { form.submit(); });
    });
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest("form")) {
      applyConditions(event.target.closest("form"));
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) { applyConditions(event.target); });
})();
