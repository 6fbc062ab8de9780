// Buttons with data-print print the page (the recovery codes); no inline script: the CSP forbids it.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
