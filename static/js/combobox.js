// Pickers of people, units and accounts (core.widgets.Combobox, core/pickers.py): the WAI-ARIA 1.2 combobox
// pattern with a listbox popup. Typing searches the picker's JSON endpoint (accents ignored, at most 20 options);
// ArrowDown/ArrowUp move through the options (aria-activedescendant), Enter chooses, Escape closes then clears;
// each choice is a chip with a remove button. An option the search notes (a person already proposed in the
// campaign) shows its note after a "⚠", and so does its chip. Without this script the text box is posted and the
// server resolves it. Rows added later (formset "Thêm dòng") are set up on first focus. PortalCombobox.set(box,
// [[value, label], …]) puts chips back (static/js/form-draft.js restoring a draft).
(function () {
  "use strict";
  var DELAY = 200;

  function setUp(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var input = box.querySelector("[data-combobox-input]");
    var listbox = box.querySelector("[role=listbox]");
    var chips = box.querySelector(".combobox-chips");
    var status = box.querySelector("[data-combobox-status]");
    var multiple = box.hasAttribute("data-multiple");
    var name = input.name.replace(/__tim$/, "");
    var label = document.querySelector("label[for='" + input.id + "']");
    var state = {options: [], active: -1, timer: null, request: 0};

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    if (label && !label.id) label.id = input.id + "_label";
    if (label) listbox.setAttribute("aria-labelledby", label.id);
    if (label) listbox.removeAttribute("aria-label");
    chips.setAttribute("aria-label", "Đã chọn" + (label ? ": " + label.textContent.trim() : ""));

    function announce(text) { status.textContent = text; }

    function chosenValues() {
      return Array.prototype.map.call(chips.querySelectorAll("input[name]"), function (el) { return el.value; });
    }

    function noteOf(note) {
      var span = document.createElement("span");
      span.className = "combobox-note";
      span.textContent = " ⚠ " + note;
      return span;
    }

    function makeChip(value, text, note) {
      var li = document.createElement("li");
      li.className = "combobox-chip";
      li.dataset.value = value;
      li.dataset.label = text;
      var span = document.createElement("span");
      span.textContent = text;
      if (note) span.appendChild(noteOf(note));
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = name;
      hidden.value = value;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "combobox-remove";
      remove.setAttribute("aria-label", "Bỏ chọn " + text);
      remove.textContent = "×";
      li.append(span, hidden, remove);
      return li;
    }

    // the server's ticked boxes become chips
    Array.prototype.forEach.call(chips.querySelectorAll(".combobox-chip"), function (li) {
      chips.replaceChild(makeChip(li.dataset.value, li.dataset.label), li);
    });

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      state.active = -1;
    }

    function highlight(index) {
      var items = listbox.querySelectorAll("[role=option]:not([aria-disabled])");
      Array.prototype.forEach.call(items, function (el) { el.classList.remove("active"); });
      state.active = index;
      if (index < 0 || !items[index]) { input.removeAttribute("aria-activedescendant"); return; }
      items[index].classList.add("active");
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({block: "nearest"});
    }

    function render(results, more) {
      var chosen = chosenValues();
      listbox.textContent = "";
      state.options = results;
      results.forEach(function (row, i) {
        var li = document.createElement("li");
        li.id = listbox.id + "_" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", chosen.indexOf(String(row.id)) >= 0 ? "true" : "false");
        li.dataset.index = String(i);
        li.textContent = row.label;
        if (row.note) li.appendChild(noteOf(row.note));
        listbox.appendChild(li);
      });
      if (!results.length) {
        var none = document.createElement("li");
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.id = listbox.id + "_none";
        none.className = "combobox-empty";
        none.textContent = "Không tìm thấy";
        listbox.appendChild(none);
      }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      state.active = -1;
      input.removeAttribute("aria-activedescendant");
      announce(results.length ? results.length + (more ? "+" : "") + " kết quả. Dùng phím mũi tên để chọn."
                              : "Không tìm thấy");
    }

    function fetchOptions(then) {
      var ticket = ++state.request;
      var url = box.dataset.url + "&q=" + encodeURIComponent(input.value.trim());
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (data) {
          if (ticket !== state.request) return;  // a later keystroke's answer wins
          render(data.results, data.more);
          if (then) then();
        })
        .catch(function () { if (ticket === state.request) announce("Không tải được danh sách, thử lại."); });
    }

    function choose(index) {
      var row = state.options[index];
      if (!row) return;
      var value = String(row.id);
      if (!multiple) chips.textContent = "";
      if (chosenValues().indexOf(value) < 0) chips.appendChild(makeChip(value, row.label, row.note));
      chips.hidden = false;
      input.value = "";
      close();
      announce("Đã chọn " + row.label + (row.note ? ". " + row.note : ""));
      input.dispatchEvent(new Event("change", {bubbles: true}));
    }

    function removeChip(li) {
      var text = li.dataset.label;
      var next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      chips.hidden = !chips.querySelector(".combobox-chip");
      announce("Đã bỏ chọn " + text);
      (next ? next.querySelector("button") : input).focus();
      input.dispatchEvent(new Event("change", {bubbles: true}));
    }

    input.addEventListener("input", function () {
      clearTimeout(state.timer);
      state.timer = setTimeout(function () { fetchOptions(); }, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      var count = listbox.querySelectorAll("[role=option]:not([aria-disabled])").length;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) { fetchOptions(function () { highlight(0); }); return; }
          if (count) highlight(state.active + 1 >= count ? 0 : state.active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!open) { fetchOptions(function () { highlight(state.options.length - 1); }); return; }
          if (count) highlight(state.active <= 0 ? count - 1 : state.active - 1);
          break;
        case "Enter":
          if (open) {
            event.preventDefault();  // choosing never sends the form
            if (state.active >= 0) choose(state.active);
          }
          break;
        case "Escape":
          if (open) { event.preventDefault(); close(); }
          else if (input.value) { event.preventDefault(); input.value = ""; }
          break;
        case "Backspace":
          if (!input.value && multiple) {
            var last = chips.querySelector(".combobox-chip:last-child");
            if (last) { event.preventDefault(); last.querySelector("button").focus(); }
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the focus
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]:not([aria-disabled])");
      if (option) choose(parseInt(option.dataset.index, 10));
    });
    chips.addEventListener("click", function (event) {
      var button = event.target.closest(".combobox-remove");
      if (button) removeChip(button.closest(".combobox-chip"));
    });

    // [[value, label], …] as the chips, replacing those shown (a restored draft)
    box._comboboxSet = function (chosen) {
      chips.textContent = "";
      (multiple ? chosen : chosen.slice(-1)).forEach(function (pair) {
        chips.appendChild(makeChip(String(pair[0]), pair[1]));
      });
      chips.hidden = !chips.querySelector(".combobox-chip");
    };
  }

  function setUpAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("[data-combobox]"), setUp);
  }

  window.PortalCombobox = {
    set: function (box, chosen) {
      setUp(box);
      box._comboboxSet(chosen);
    }
  };

  document.addEventListener("focusin", function (event) {
    var box = event.target.closest && event.target.closest("[data-combobox]");
    if (box) setUp(box);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { setUpAll(); });
  else setUpAll();
})();
