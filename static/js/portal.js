// "Thêm dòng" for editable formset tables: clones the empty row kept in a <template>,
// numbering it with the formset's TOTAL_FORMS (no inline script: the CSP forbids it).
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-formset-add]");
  if (!button) return;
  event.preventDefault();
  const prefix = button.dataset.formsetAdd;
  const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  const template = document.getElementById(prefix + "-empty-row");
  const body = document.getElementById(prefix + "-rows");
  if (!total || !template || !body) return;
  const index = parseInt(total.value, 10);
  const html = template.innerHTML.replace(/__prefix__/g, String(index));
  body.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  const first = body.lastElementChild && body.lastElementChild.querySelector("input, select, textarea");
  if (first) first.focus();
});

// Buttons with data-confirm ask before their form is sent (launch, close, archive…).
document.addEventListener("submit", function (event) {
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// File fields in Vietnamese (templates/includes/file_input.html): show the chosen file's name.
document.addEventListener("change", function (event) {
  const input = event.target;
  if (!input.matches || !input.matches(".vn-file input[type=file]")) return;
  const shown = input.closest(".vn-file").querySelector("[data-file-name]");
  const names = Array.from(input.files || []).map(function (file) { return file.name; });
  shown.textContent = names.length ? names.join(", ") : "Chưa chọn tệp";
  shown.classList.toggle("text-muted", names.length === 0);
});
