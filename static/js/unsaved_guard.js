// The unsaved-changes guard of long forms. A form marked data-unsaved-guard is "dirty" from her
// first change (the data-unsaved-dirty attribute, which the server also sets on a refused form
// whose text is not saved yet). While a form is dirty, leaving the page asks first: a link or a
// tab by confirm(), closing or reloading the tab by the browser's own dialog. Sending the form
// ends it. Apart from that, any button with data-confirm="…" asks that question before it acts.
// The question says what leaving really costs: the editor's text kept by its autosave
// (document_autosave.js marks the form data-autosaved while nothing newer has been typed) is
// not lost; anything else typed in the form is.
(function () {
  var LEAVE_QUESTION = "您有尚未保存的修改，离开此页面将丢失这些修改。确定要离开吗？";
  var LEAVE_AUTOSAVED = "有修改还没有保存到报告里（已自动暂存，回到编辑页面可以恢复）。确定离开吗？";
  var LEAVE_NOT_YET_AUTOSAVED = "有修改还没有保存到报告里，最近的修改还没来得及自动暂存，离开将丢失这些修改。确定离开吗？";
  var leaving = false;

  function dirtyForm() {
    return leaving ? null : document.querySelector("form[data-unsaved-guard][data-unsaved-dirty]");
  }

  function hasUnsavedChanges() {
    return dirtyForm() !== null;
  }

  function leaveQuestion(form) {
    if (!form.hasAttribute("data-autosave-url")) return LEAVE_QUESTION;
    return form.hasAttribute("data-autosaved") ? LEAVE_AUTOSAVED : LEAVE_NOT_YET_AUTOSAVED;
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
    if (window.confirm(leaveQuestion(dirtyForm()))) {
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
