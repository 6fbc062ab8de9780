// A form is sent once (issue 16: eight clicks on "Thêm cán bộ" made eight people). While a POST form is being
// sent, a second submit is ignored and its buttons are disabled (after the browser has read the clicked
// button's name and value); the server refuses a repeat anyway (documents/once.py). A form whose answer is a
// download leaves the page in place: its buttons come back after a few seconds, and when the page is shown
// again from the browser's history. A form marked data-repeatable (the page's print buttons, idempotent) is left
// alone.
(function () {
  const AGAIN_AFTER_MS = 6000;

  function buttonsOf(form, submitter) {
    const inside = Array.from(form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"));
    const outside = form.id ? Array.from(document.querySelectorAll('[form="' + form.id + '"]')) : [];
    return inside.concat(outside, submitter ? [submitter] : []).filter(function (button, index, all) {
      return all.indexOf(button) === index && !button.disabled;
    });
  }

  function release(form) {
    delete form.dataset.submitting;
    (form._onceButtons || []).forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    });
    form._onceButtons = [];
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post" || "repeatable" in form.dataset) return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
    const buttons = buttonsOf(form, event.submitter);
    window.setTimeout(function () {
      buttons.forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
      });
      form._onceButtons = buttons;
    }, 0);
    window.setTimeout(function () { release(form); }, AGAIN_AFTER_MS);
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(release);
  });
})();
