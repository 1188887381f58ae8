// A member picker over each member drop-down (select[data-member-picker]): a line saying who is
// chosen ("已选：张三 ✕", or the drop-down's empty choice), a search box, and under it the members
// matching a name, its full pinyin or its initials ("zs" for 张三). Searching never changes the
// choice: only clicking a match (or Enter on it) does, and ✕ goes back to the empty choice, so what
// is saved is always what the line shows. The <select> stays in the form and carries the value;
// without this script it is a plain drop-down and the form works the same.
(function () {
  function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, "");
  }

  function matches(option, query) {
    var words = (option.getAttribute("data-search") || option.text).toLowerCase().split(" ");
    return words.some(function (word) { return word.indexOf(query) !== -1; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function attach(select) {
    var emptyOption = Array.prototype.find.call(select.options, function (option) { return !option.value; });
    var choice = element("div", "member-picker-choice mb-1");
    choice.setAttribute("data-member-choice", "");
    choice.setAttribute("aria-live", "polite");
    var box = element("input", "form-control form-control-sm mb-1");
    box.type = "search";
    box.placeholder = "输入姓名、拼音或首字母查找，如 zs";
    box.setAttribute("aria-label", "查找会员");
    box.setAttribute("data-member-search", "");
    box.setAttribute("autocomplete", "off");
    var list = element("div", "member-picker-matches list-group mb-1");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "查找到的会员");
    list.hidden = true;
    select.parentNode.insertBefore(choice, select);
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(list, select);
    select.hidden = true;

    function showChoice() {
      choice.textContent = "";
      var current = select.options[select.selectedIndex];
      if (!current || !current.value) {
        choice.appendChild(element("span", "text-muted", emptyOption ? emptyOption.text : "未选择会员"));
        return;
      }
      choice.appendChild(document.createTextNode("已选："));
      choice.appendChild(element("strong", "", current.text));
      if (emptyOption) {
        var clear = element("button", "btn btn-sm btn-link py-0", "✕");
        clear.type = "button";
        clear.setAttribute("aria-label", "取消所选会员");
        clear.title = "取消所选会员，" + emptyOption.text;
        clear.addEventListener("click", function () { choose(emptyOption); box.focus(); });
        choice.appendChild(clear);
      }
    }

    function choose(option) {
      option.selected = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      box.value = "";
      showMatches();
    }

    function matchButton(option) {
      var button = element("button", "list-group-item list-group-item-action py-1", option.text);
      button.type = "button";
      button.setAttribute("role", "option");
      button.addEventListener("click", function () { choose(option); box.focus(); });
      return button;
    }

    function showMatches() {
      var query = normalise(box.value);
      list.textContent = "";
      list.hidden = query === "";
      if (query === "") { return; }
      var found = Array.prototype.filter.call(select.options, function (option) {
        return option.value && matches(option, query);
      });
      found.forEach(function (option) { list.appendChild(matchButton(option)); });
      if (!found.length) { list.appendChild(element("div", "list-group-item py-1 text-muted", "没有找到匹配的会员")); }
    }

    function moveFocus(from, step) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll("button"));
      var next = buttons[buttons.indexOf(from) + step];
      if (next) { next.focus(); } else if (step < 0) { box.focus(); }
    }

    box.addEventListener("input", showMatches);
    box.addEventListener("keydown", function (event) {
      // Enter while searching goes to the matches rather than saving the form behind her back.
      if (event.key === "Enter" || event.key === "ArrowDown") {
        event.preventDefault();
        var first = list.querySelector("button");
        if (first) { first.focus(); }
      } else if (event.key === "Escape") {
        box.value = "";
        showMatches();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        moveFocus(event.target, event.key === "ArrowDown" ? 1 : -1);
      }
    });
    select.addEventListener("change", showChoice);
    showChoice();
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
