// The 打印 button of a printed ledger: the browser's own print dialog (no inline handler: the CSP forbids it).
document.querySelectorAll("[data-print-page]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
