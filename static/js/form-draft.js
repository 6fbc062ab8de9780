// Drafts of long forms (issue 17): Mẫu 08 (the achievement report) and the campaign plan with its sections.
//
// Opt in with <form data-form-draft data-draft-user="{{ request.user.pk }}">. While the user types, what the form
// holds is kept in this browser's localStorage under the user, the page's address and the version of the record
// as it was opened (the hash part of the lost-update token, core/concurrency.py; "moi" for a new record). When the
// page is opened again with a draft waiting, the draft is never applied by itself: the page offers
// "Khôi phục bản nháp lúc hh:mm dd/mm/yyyy" or "Bỏ bản nháp", and says so when the record was saved since the
// draft was typed. Restoring puts back the token the draft was typed against, so a save of an old draft is
// refused by the server's lost-update check (with who saved, and the differences) instead of overwriting the
// newer record.
//
// A page keeps one draft per user and address. It is removed when the form is saved (the next signed-in page
// after the submit is not this form shown again with errors), when the user takes "Bỏ bản nháp" or undoes every
// change, and at sign-out (a form with data-clear-drafts, the menu's "Đăng xuất": offices share computers).
// Leaving the page with unsaved changes asks first (beforeunload), but not while the form is being sent.
//
// A picker (core.widgets.Combobox, static/js/combobox.js) is kept as its chips, each with its value and its label,
// so a restored draft shows the chosen people and units by name again (PortalCombobox.set), not bare ids.
(function () {
  const PREFIX = "portal-draft|";
  const SENT = "portal-draft-sent";  // sessionStorage: the draft whose form was just sent
  const SAVE_DELAY_MS = 400;
  const SKIPPED = ["csrfmiddlewaretoken", "_once"];
  const ERRORS = ".is-invalid, .invalid-feedback, .errorlist, .alert-danger, .alert-warning[role=alert]";
  let signingOut = false;  // nothing is kept any more, not even a save already waiting for its moment

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;  // storage switched off: the form works as before, without drafts
    }
  }

  function isVersion(name) {
    return name === "phien_ban" || /-phien_ban$/.test(name);
  }

  function pageKey(form) {
    return PREFIX + (form.dataset.draftUser || "") + "|" + window.location.pathname + window.location.search + "|";
  }

  function versionOf(form) {
    const hashes = Array.from(form.elements).filter(function (element) {
      return element.name && isVersion(element.name);
    }).map(function (element) { return element.value.split(".")[0]; });
    return hashes.length ? hashes.join("+") : "moi";
  }

  function kept(element) {
    if (!element.name || SKIPPED.indexOf(element.name) !== -1 || element.disabled) return false;
    return ["file", "password", "submit", "button", "reset", "image"].indexOf(element.type) === -1;
  }

  function chipsOf(box) {
    return Array.from(box.querySelectorAll(".combobox-chip")).filter(function (chip) {
      const input = chip.querySelector("input[name]");  // the server's ticked box, or the script's hidden input
      return input && (input.type !== "checkbox" || input.checked);
    }).map(function (chip) { return [chip.dataset.value, chip.dataset.label]; });
  }

  // What the form holds: [name, value or [values], checked?] in the order of the form's elements; a picker's chips
  // as [name, {chips: [[value, label], …]}] just before its text box.
  function read(form) {
    const entries = [];
    Array.from(form.elements).filter(kept).forEach(function (element) {
      const box = element.closest("[data-combobox]");
      if (box && !element.matches("[data-combobox-input]")) return;  // a chip's value: kept with its label below
      if (box) entries.push([element.name.replace(/__tim$/, ""), {chips: chipsOf(box)}]);
      entries.push(entry(element));
    });
    return entries;
  }

  function entry(element) {
    if (element.type === "checkbox" || element.type === "radio") return [element.name, element.value, element.checked];
    if (element.type === "select-multiple") {
      return [element.name, Array.from(element.selectedOptions).map(function (option) { return option.value; })];
    }
    return [element.name, element.value];
  }

  function pickerNamed(form, name) {
    const input = fieldsNamed(form, name + "__tim").find(function (field) {
      return field.matches("[data-combobox-input]");
    });
    return input ? input.closest("[data-combobox]") : null;
  }

  function fieldsNamed(form, name) {
    return Array.from(form.elements).filter(function (element) { return element.name === name && kept(element); });
  }

  // A formset row the draft has and the page does not: "Thêm dòng" (static/js/portal.js) until it is there.
  function addRowsFor(form, name) {
    const match = /^(.+)-(\d+)-/.exec(name);
    if (!match) return;
    const adder = document.querySelector('[data-formset-add="' + match[1] + '"]');
    for (let tries = 0; adder && tries < 100 && !fieldsNamed(form, name).length; tries++) adder.click();
  }

  function write(form, entries) {
    const seen = {};
    entries.forEach(function (entry) {
      const name = entry[0];
      if (/-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(name)) return;  // "Thêm dòng" counts the rows it adds
      if (entry[1] && Array.isArray(entry[1].chips)) {  // a picker: its chips, by name
        if (!pickerNamed(form, name)) addRowsFor(form, name);
        const box = pickerNamed(form, name);
        if (box && window.PortalCombobox) window.PortalCombobox.set(box, entry[1].chips);
        return;
      }
      if (!fieldsNamed(form, name).length) addRowsFor(form, name);
      const fields = fieldsNamed(form, name);
      if (entry.length === 3) {
        const box = fields.find(function (field) { return field.value === entry[1]; });
        if (box) box.checked = entry[2];
        return;
      }
      const index = seen[name] || 0;
      seen[name] = index + 1;
      const field = fields[index];
      if (!field) return;
      if (field.type === "select-multiple") {
        Array.from(field.options).forEach(function (option) { option.selected = entry[1].indexOf(option.value) !== -1; });
      } else {
        field.value = entry[1];
      }
      field.dispatchEvent(new Event("input", {bubbles: true}));
      field.dispatchEvent(new Event("change", {bubbles: true}));
    });
  }

  function drafts(form) {
    const store = storage();
    const base = pageKey(form);
    const found = [];
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key && key.indexOf(base) === 0) found.push(key);
    }
    return found;
  }

  function removeDrafts(form) {
    const store = storage();
    drafts(form).forEach(function (key) { store.removeItem(key); });
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function when(millis) {
    const at = new Date(millis);
    return twoDigits(at.getHours()) + ":" + twoDigits(at.getMinutes()) + " " + twoDigits(at.getDate()) + "/" +
      twoDigits(at.getMonth() + 1) + "/" + at.getFullYear();
  }

  function hasErrors(form) {
    return Boolean(form.querySelector(ERRORS));
  }

  function setUp(form) {
    const store = storage();
    if (!store) return;
    let initial = JSON.stringify(read(form));
    let timer = null;
    form._draftUnsaved = false;

    function save() {
      if (signingOut) return;
      const entries = read(form);
      const dirty = JSON.stringify(entries) !== initial;
      form._draftUnsaved = dirty;
      removeDrafts(form);
      if (!dirty) return;
      const draft = {at: Date.now(), version: versionOf(form), entries: entries};
      try {
        store.setItem(pageKey(form) + draft.version, JSON.stringify(draft));
      } catch (error) {
        // storage full: the warning before leaving still protects the typing
      }
    }

    function changed() {
      form._draftUnsaved = JSON.stringify(read(form)) !== initial;
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("click", function (event) {  // "Thêm dòng" adds a row: the draft keeps it
      if (event.target.closest("[data-formset-add]")) window.setTimeout(changed, 0);
    });
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      window.clearTimeout(timer);
      save();
      form._draftSending = true;
      try {
        window.sessionStorage.setItem(SENT, pageKey(form));
      } catch (error) {
        // no session storage: the draft stays until "Bỏ bản nháp"
      }
    });

    const sent = takeSent();
    if (sent === pageKey(form) && hasErrors(form)) {
      form._draftUnsaved = true;  // refused: what the page shows is still not saved
      initial = "";
      return;
    }
    if (sent) clearSent(sent);
    offer(form, function (entries) {
      write(form, entries);
      save();
    }, function () {
      removeDrafts(form);
    });
  }

  let sentValue;
  function takeSent() {
    if (sentValue !== undefined) return sentValue;
    try {
      sentValue = window.sessionStorage.getItem(SENT);
      window.sessionStorage.removeItem(SENT);
    } catch (error) {
      sentValue = null;
    }
    return sentValue;
  }

  // The form just sent is not shown again with errors, and a signed-in page is: it was saved.
  function clearSent(base) {
    const store = storage();
    if (!store || !base || !document.getElementById("user-menu")) return;
    const gone = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.indexOf(base) === 0) gone.push(key);
    }
    gone.forEach(function (key) { store.removeItem(key); });
  }

  function offer(form, restore, discard) {
    const keys = drafts(form);
    if (!keys.length) return;
    let draft;
    try {
      draft = JSON.parse(storage().getItem(keys[0]));
    } catch (error) {
      draft = null;
    }
    if (!draft || !Array.isArray(draft.entries)) {
      discard();
      return;
    }
    const stale = draft.version !== versionOf(form);
    const box = document.createElement("div");
    box.className = "alert alert-info d-flex flex-wrap align-items-center gap-2 draft-offer";
    box.id = "draft-offer";
    box.setAttribute("role", "status");
    const text = document.createElement("span");
    text.className = "me-auto";
    text.textContent = "Trang này có bản nháp chưa lưu, gõ lúc " + when(draft.at) + "." + (stale
      ? " Bản ghi đã được lưu lại sau lúc đó: nếu khôi phục, khi bạn bấm lưu, trang sẽ chỉ ra những chỗ khác nhau để bạn xem lại."
      : "");
    const restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.className = "btn btn-sm btn-primary";
    restoreButton.textContent = "Khôi phục bản nháp lúc " + when(draft.at);
    const discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "btn btn-sm btn-outline-secondary";
    discardButton.textContent = "Bỏ bản nháp";
    box.append(text, restoreButton, discardButton);
    form.parentNode.insertBefore(box, form);
    restoreButton.addEventListener("click", function () {
      restore(draft.entries);
      box.remove();
      const first = form.querySelector("input:not([type=hidden]), textarea, select");
      if (first) first.focus();
    });
    discardButton.addEventListener("click", function () {
      discard();
      box.remove();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-form-draft]").forEach(setUp);
    const sent = takeSent();
    if (sent && !document.querySelector("form[data-form-draft]")) clearSent(sent);
  });

  window.addEventListener("beforeunload", function (event) {
    const unsaved = Array.from(document.querySelectorAll("form[data-form-draft]")).some(function (form) {
      return form._draftUnsaved && !form._draftSending;
    });
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = "";  // older browsers need a value to ask
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;  // back from the history after a submit: typing again is unsaved again
    document.querySelectorAll("form[data-form-draft]").forEach(function (form) { form._draftSending = false; });
  });

  // Sign-out forgets every draft kept in this browser (shared office computers; docs/security.md).
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented || !event.target.matches("[data-clear-drafts]")) return;
    signingOut = true;
    window.setTimeout(function () { signingOut = false; }, 5000);  // stayed ("Ở lại trang"): typing is kept again
    const store = storage();
    const gone = [];
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) gone.push(key);
    }
    gone.forEach(function (key) { store.removeItem(key); });
    document.querySelectorAll("form[data-form-draft]").forEach(function (form) { form._draftSending = true; });
  });
})();
