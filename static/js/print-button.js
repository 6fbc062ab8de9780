// A button marked data-print prints the page (the portal's CSP refuses inline scripts).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
