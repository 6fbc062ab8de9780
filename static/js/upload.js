// Uploads (issue 17): the file is checked in the browser before it is sent, against what the server checks
// (templates/includes/file_input.html carries the server's limit, data-max-bytes/data-max-size, and the accepted
// types, accept, from the same settings and constants the server reads); a refusal is written under the field.
// A form marked data-upload is then sent by XMLHttpRequest with a Bootstrap progress bar; the server's refusal
// (its message on the page it answers with) is written under the field too, and everything typed stays (the
// title of the document). When the server accepts, the page's content is replaced by its answer (the list with
// the new file and the message). The server checks everything again (content, not name); without this script
// the form is sent as before.
(function () {
  const FILES = ".vn-file input[type=file]";

  function humanSize(size) {  // as dossiers.services.attachments.human_size: 3,3 MB, 500 KB
    if (size < 1024) return size + " byte";
    const inMegabytes = size >= 1024 * 1024;
    const value = inMegabytes ? size / 1024 / 1024 : size / 1024;
    return value.toFixed(1).replace(".", ",").replace(/,0$/, "") + (inMegabytes ? " MB" : " KB");
  }

  function errorBox(input) {
    return document.getElementById(input.id + "-error");
  }

  function showError(input, message) {
    const box = errorBox(input);
    const group = input.closest(".vn-file");
    if (group) group.classList.toggle("is-invalid", Boolean(message));
    if (group) group.querySelector("[data-file-name]").classList.toggle("is-invalid", Boolean(message));
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function accepted(file, accept) {
    const rules = (accept || "").split(",").map(function (rule) { return rule.trim().toLowerCase(); })
      .filter(Boolean);
    if (!rules.length) return true;
    const name = file.name.toLowerCase();
    const type = (file.type || "").toLowerCase();
    return rules.some(function (rule) {
      if (rule.charAt(0) === ".") return name.length > rule.length && name.slice(-rule.length) === rule;
      if (rule.slice(-2) === "/*") return type.indexOf(rule.slice(0, -1)) === 0;
      return type === rule;
    });
  }

  function kinds(accept) {
    return accept.split(",").map(function (rule) { return rule.trim(); }).filter(Boolean).join(", ");
  }

  // The message for the first file the server would refuse by its type or size, or "".
  function problem(input) {
    const maxBytes = parseInt(input.dataset.maxBytes || "0", 10);
    const files = Array.from(input.files || []);
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (input.accept && !accepted(file, input.accept)) {
        return "Tệp “" + file.name + "” không đúng loại được nhận; chỉ nhận: " + kinds(input.accept) + ".";
      }
      if (maxBytes && file.size > maxBytes) {
        return "Tệp “" + file.name + "” quá lớn (" + humanSize(file.size) + "); mỗi tệp tối đa " +
          (input.dataset.maxSize || humanSize(maxBytes)) + ".";
      }
      if (file.size === 0) return "Tệp “" + file.name + "” rỗng (0 byte).";
    }
    return "";
  }

  document.addEventListener("change", function (event) {
    const input = event.target;
    if (input.matches && input.matches(FILES)) showError(input, problem(input));
  });

  function progressBar(form, name) {
    let bar = form.querySelector("[data-upload-progress]");
    if (!bar) {
      const label = document.createElement("div");
      label.className = "small text-muted mt-2";
      label.setAttribute("data-upload-label", "");
      label.id = "upload-progress-label";
      form.appendChild(label);
      bar = document.createElement("div");
      bar.className = "progress mt-1";
      bar.setAttribute("data-upload-progress", "");
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-labelledby", label.id);
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", "100");
      bar.innerHTML = '<div class="progress-bar progress-bar-striped progress-bar-animated"></div>';
      form.appendChild(bar);
    }
    bar.hidden = false;
    bar.previousElementSibling.hidden = false;
    bar.previousElementSibling.textContent = "Đang tải lên “" + name + "”…";
    return bar;
  }

  function setProgress(bar, percent) {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    bar.setAttribute("aria-valuenow", String(value));
    const inner = bar.firstElementChild;
    inner.style.width = Math.max(value, 8) + "%";  // the figure stays readable at the start
    inner.textContent = value + "%";
  }

  // The server's own refusal on the page it answered with: the messages shown above the content.
  function refusal(page) {
    const alert = page.querySelector("main > .alert-danger, main > .alert-warning");
    if (!alert) return "";
    const copy = alert.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (button) { button.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function showPage(page, address) {
    const main = document.querySelector("main");
    const next = page.querySelector("main");
    if (!main || !next) {
      window.location.assign(address);
      return;
    }
    main.innerHTML = next.innerHTML;
    document.title = page.title || document.title;
    if (window.history && address) window.history.replaceState(null, "", address + "#tai-lieu");
    if (window.htmx) window.htmx.process(main);
    const anchor = document.getElementById("tai-lieu");
    if (anchor) anchor.scrollIntoView();
    const message = main.querySelector(":scope > .alert");
    if (message) {
      message.setAttribute("tabindex", "-1");
      message.focus({preventScroll: true});
    }
  }

  function send(form, submitter, input) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    const buttons = Array.from(form.querySelectorAll("button, input[type=submit]"));
    buttons.forEach(function (button) { button.disabled = true; });
    form.setAttribute("aria-busy", "true");
    const file = input.files && input.files[0];
    const bar = progressBar(form, file ? file.name : "");
    setProgress(bar, 0);
    const request = new XMLHttpRequest();

    function done() {
      buttons.forEach(function (button) { button.disabled = false; });
      form.removeAttribute("aria-busy");
      bar.hidden = true;
      bar.previousElementSibling.hidden = true;
    }

    function failed(message) {
      done();
      showError(input, message);
      input.focus();
    }

    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) setProgress(bar, (event.loaded / event.total) * 100);
    });
    request.addEventListener("load", function () {
      if (request.status !== 200) {
        failed("Không tải lên được (lỗi " + request.status + " của máy chủ). Hãy thử lại.");
        return;
      }
      setProgress(bar, 100);
      const page = new DOMParser().parseFromString(request.responseText, "text/html");
      const message = refusal(page);
      if (message) {
        const fresh = page.querySelector('form[data-upload] input[name="_once"]');  // the form's next one-time token
        const once = form.querySelector('input[name="_once"]');
        if (fresh && once) once.value = fresh.value;
        failed(message);
        return;
      }
      done();
      showPage(page, request.responseURL);
    });
    request.addEventListener("error", function () {
      failed("Mất kết nối khi tải lên. Hãy kiểm tra mạng rồi thử lại.");
    });
    request.open("POST", form.action);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.send(data);
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (event.defaultPrevented) return;
    const inputs = Array.from(form.querySelectorAll(FILES));
    if (!inputs.length) return;
    for (let i = 0; i < inputs.length; i++) {
      const message = problem(inputs[i]);
      showError(inputs[i], message);
      if (message) {
        event.preventDefault();
        inputs[i].focus();
        return;
      }
    }
    if (!("upload" in form.dataset) || !window.FormData || !window.DOMParser) return;
    event.preventDefault();
    send(form, event.submitter, inputs[0]);
  });
})();
