// The review controls on the document page. Without this file they still work: 审核通过 is a
// link to its confirmation page. With it, the same form opens in a dialog over the document.
document.addEventListener("click", function (event) {
  var opener = event.target.closest("[data-opens-dialog]");
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute("data-opens-dialog"));
    if (dialog && typeof dialog.showModal === "function") {
      event.preventDefault();
      dialog.showModal();
    }
    return;
  }
  var closer = event.target.closest("[data-closes-dialog]");
  if (closer) closer.closest("dialog").close();
});
