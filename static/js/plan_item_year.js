// The 计划事项 drop-down of a record form (select[data-plan-year-from]) groups the items by plan
// ("2026年工作计划"); once the record's date is entered, only the group of its year shows, since a
// record can carry out only an item of its own year's plan. The choice itself is never changed here:
// an item of another year already chosen stays, and saving refuses it with the reason.
(function () {
  function attach(select) {
    var date = document.getElementById(select.getAttribute("data-plan-year-from"));
    if (!date) { return; }
    function showYear() {
      var year = parseInt((date.value || "").slice(0, 4), 10);
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !isNaN(year) && parseInt(group.label, 10) !== year;
      });
    }
    date.addEventListener("change", showYear);
    date.addEventListener("input", showYear);
    showYear();
  }

  document.querySelectorAll("select[data-plan-year-from]").forEach(attach);
})();
