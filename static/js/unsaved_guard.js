// The unsaved-changes guard of long forms. A form marked data-unsaved-guard is "dirty" from her
// first change (the data-unsaved-dirty attribute, which the server also sets on a refused form
// whose text is not saved yet). While a form is dirty, leaving the page asks first: a link or a
// tab by confirm(), closing or reloading the tab by the browser's own dialog. Sending the form
// ends it. Apart from that, any button with data-confirm="…" asks that question before it acts.
(function () {
  var LEAVE_QUESTION = "您有尚未保存的修改，离开此页面将丢失这些修改。确定要离开吗？";
  var leaving = false;

  function hasUnsavedChanges() {
    return !leaving && document.querySelector("form[data-unsaved-guard][data-unsaved-dirty]") !== null;
  }

  function markDirty(event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-unsaved-guard")) form.setAttribute("data-unsaved-dirty", "");
  }

  // A link that replaces this page: not one opening a new tab, a dropdown or an anchor on the page.
  function leavesThePage(link, event) {
    var href = link.getAttribute("href");
    return !(event.ctrlKey || event.metaKey || event.shiftKey || link.target === "_blank" ||
             link.hasAttribute("data-bs-toggle") || link.hasAttribute("download") ||
             !href || href.charAt(0) === "#");
  }

  function confirmBeforeActing(event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
      return;
    }
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || !hasUnsavedChanges() || !leavesThePage(link, event)) return;
    if (window.confirm(LEAVE_QUESTION)) {
      leaving = true;  // she has answered: the browser's own dialog need not ask again
    } else {
      event.preventDefault();
    }
  }

  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  document.addEventListener("click", confirmBeforeActing);
  document.addEventListener("submit", function (event) {
    // session_keeper.js holds a form back (defaultPrevented) until it knows she is signed in.
    if (!event.defaultPrevented && event.target.hasAttribute("data-unsaved-guard")) leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  // Back on a page from the browser's cache (the back button): she is no longer leaving it.
  window.addEventListener("pageshow", function () { leaving = false; });
})();
