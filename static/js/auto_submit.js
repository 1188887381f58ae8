// A <select data-auto-submit> sends its form as soon as another option is chosen (the year
// pickers). A listener in a file rather than an onchange attribute: the Content-Security-Policy
// runs no inline handlers.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches("select[data-auto-submit]") && field.form) field.form.submit();
});
