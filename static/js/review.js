// The review page's verdict control (templates/dossiers/review.html): each reason box is shown only for the
// verdicts that need it (data-reason-for), labelled for the chosen verdict (data-label-<verdict>).
// Without this script the server still asks for the reason and shows the box with its error.
document.addEventListener("change", function (event) {
  const form = event.target.closest && event.target.closest("form.verdict-form");
  if (!form || event.target.type !== "radio") return;
  const verdict = event.target.value;
  form.querySelectorAll(".verdict-reason").forEach(function (box) {
    const wanted = box.dataset.reasonFor.split(" ").indexOf(verdict) !== -1;
    box.hidden = !wanted;
    const label = box.getAttribute("data-label-" + verdict);
    if (wanted && label) box.querySelector("label").textContent = label;
  });
});
