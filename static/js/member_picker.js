// A search box above each member drop-down (select[data-member-picker]): typing a name, its full
// pinyin or its initials ("zs" for 张三) leaves only the matching members in the list. The list is
// the page's own <select>, so the form works the same without this script.
(function () {
  function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, "");
  }

  function attach(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1";
    box.placeholder = "输入姓名、拼音或首字母查找，如 zs";
    box.setAttribute("aria-label", "查找会员");
    box.setAttribute("data-member-search", "");
    select.parentNode.insertBefore(box, select);

    box.addEventListener("input", function () {
      var query = normalise(box.value);
      var shown = 0;
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) { option.hidden = query !== ""; return; }
        var words = (option.getAttribute("data-search") || option.text).toLowerCase().split(" ");
        var match = query === "" || words.some(function (word) { return word.indexOf(query) !== -1; });
        option.hidden = !match;
        if (match) { shown += 1; if (!first) { first = option; } }
      });
      // While searching, the matches show as an open list; the first is chosen when the current
      // choice is filtered away, so Enter saves what the secretary sees on top.
      select.size = query === "" ? 0 : Math.min(Math.max(shown, 2), 8);
      var current = select.options[select.selectedIndex];
      if (query !== "" && first && (!current || current.hidden)) { first.selected = true; }
    });
  }

  function attachAll() {
    document.querySelectorAll("select[data-member-picker]").forEach(attach);
  }

  // The admin loads this in the page head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
