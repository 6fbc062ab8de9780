// A form is sent once (issue 16: eight clicks on "Thêm cán bộ" made eight people). While a POST form is being
// sent, a second submit is ignored and its buttons are disabled (after the browser has read the clicked
// button's name and value); the server refuses a repeat anyway (documents/once.py). A form whose answer is a
// download leaves the page in place: its buttons come back after a few seconds, and when the page is shown
// again from the browser's history. A form marked data-repeatable (the page's print buttons, idempotent) is not
// guarded.
//
// Every button that takes longer than half a second shows that it is working (issue 17): after BUSY_AFTER_MS the
// clicked button (of any form, GET or POST, repeatable or not) shows a spinner and "Đang xử lý…" and is
// aria-busy; an htmx request still running then marks its element and its target aria-busy (htmx itself puts
// the class htmx-request on the element, which shows its .htmx-indicator, static/css/portal.css), and a button
// that made it shows the same spinner. Everything comes back when the page is shown again or the request ends.
(function () {
  const AGAIN_AFTER_MS = 6000;
  const BUSY_AFTER_MS = 500;
  const BUSY_TEXT = "Đang xử lý…";

  function buttonsOf(form, submitter) {
    const inside = Array.from(form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"));
    const outside = form.id ? Array.from(document.querySelectorAll('[form="' + form.id + '"]')) : [];
    return inside.concat(outside, submitter ? [submitter] : []).filter(function (button, index, all) {
      return all.indexOf(button) === index && !button.disabled;
    });
  }

  // The spinner and the words on one button; its own content is kept to put back.
  function showBusy(button) {
    if (!button || button.dataset.busy) return;
    button.dataset.busy = "1";
    button.setAttribute("aria-busy", "true");
    if (button.tagName === "INPUT") {
      button._idleLabel = button.value;
      button.value = BUSY_TEXT;
      return;
    }
    button._idleLabel = button.innerHTML;
    const width = button.offsetWidth;
    if (width) button.style.minWidth = width + "px";  // the row of buttons does not jump
    button.innerHTML = '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>' +
      '<span class="busy-label">' + BUSY_TEXT + "</span>";
  }

  function hideBusy(button) {
    if (!button) return;
    button.removeAttribute("aria-busy");
    if (!button.dataset.busy) return;
    delete button.dataset.busy;
    if (button.tagName === "INPUT") button.value = button._idleLabel;
    else button.innerHTML = button._idleLabel;
    button.style.minWidth = "";
  }

  function clickedButton(form, submitter) {
    if (submitter && submitter.matches("button, input[type=submit]")) return submitter;
    return form.querySelector("button[type=submit], button:not([type]), input[type=submit]");
  }

  function release(form) {
    delete form.dataset.submitting;
    window.clearTimeout(form._busyTimer);
    hideBusy(form._busyButton);
    form._busyButton = null;
    (form._onceButtons || []).forEach(function (button) {
      button.disabled = false;
    });
    form._onceButtons = [];
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (event.defaultPrevented) return;  // asked and cancelled (data-confirm), or sent by static/js/upload.js
    const guarded = (form.method || "").toLowerCase() === "post" && !("repeatable" in form.dataset);
    if (guarded && form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    const button = clickedButton(form, event.submitter);
    window.clearTimeout(form._busyTimer);
    hideBusy(form._busyButton);
    form._busyButton = button;
    form._busyTimer = window.setTimeout(function () { showBusy(button); }, BUSY_AFTER_MS);
    window.setTimeout(function () { release(form); }, AGAIN_AFTER_MS);
    if (!guarded) return;
    form.dataset.submitting = "1";
    const buttons = buttonsOf(form, event.submitter);
    window.setTimeout(function () {
      buttons.forEach(function (other) { other.disabled = true; });
      form._onceButtons = buttons;
    }, 0);
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (form.dataset.submitting || form._busyButton) release(form);
    });
  });

  // htmx: the element that made a request still running after BUSY_AFTER_MS, and the region it fills, are busy.
  document.addEventListener("htmx:beforeRequest", function (event) {
    const detail = event.detail || {};
    const elt = detail.elt;
    if (!elt || (elt.getAttribute("hx-trigger") || "").indexOf("every ") === 0) return;  // a poll is not a wait
    const trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    const button = elt.matches("button, input[type=submit]") ? elt : (trigger && trigger.submitter) || null;
    const target = detail.target;
    window.clearTimeout(elt._busyTimer);
    elt._busyTimer = window.setTimeout(function () {
      elt.setAttribute("aria-busy", "true");
      if (target) {
        target.setAttribute("aria-busy", "true");
        target.classList.add("portal-busy");  // faded while it waits (static/css/portal.css)
      }
      showBusy(button);
      elt._busyParts = [target, button];
    }, BUSY_AFTER_MS);
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const elt = event.detail && event.detail.elt;
    if (!elt) return;
    window.clearTimeout(elt._busyTimer);
    elt.removeAttribute("aria-busy");
    const parts = elt._busyParts || [];
    if (parts[0]) {
      parts[0].removeAttribute("aria-busy");
      parts[0].classList.remove("portal-busy");
    }
    hideBusy(parts[1]);
    elt._busyParts = null;
  });
})();
