// The editor's autosave: her text is sent to the server 5 seconds after she stops typing, and
// every 30 seconds while she keeps typing, so that an ended session or a closed tab does not lose
// it. The server keeps it apart from the document; 保存 stores the document and drops it. When she
// comes back with kept text newer than the last save, the page offers it (恢复 / 丢弃).
(function () {
  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  var URL = form.getAttribute("data-autosave-url");
  var QUIET_MS = 5000;
  var EVERY_MS = 30000;
  var status = form.querySelector("[data-autosave-status]");
  var changed = false;
  var quietTimer = null;

  function show(text) {
    status.textContent = text;
  }

  function token() {
    return form.elements.csrfmiddlewaretoken.value;
  }

  // Why an autosave did not arrive, in her words; saving for real asks her to sign in again.
  function refusal(response) {
    if (response.redirected) return Promise.reject(new Error("登录已超时，未能自动保存；点“保存”时会请您重新登录。"));
    if (response.headers.get("X-CSRF-Failure")) return Promise.reject(new Error("页面已过期，未能自动保存；点“保存”时会重新确认登录。"));
    return response.json().catch(function () { return {}; }).then(function (body) {
      throw new Error(body.error || "未能自动保存，请记得点“保存”。");
    });
  }

  function autosave() {
    clearTimeout(quietTimer);
    quietTimer = null;
    if (!changed) return;
    changed = false;
    // The whole form: her text and the revision the editor was opened on (the server keeps
    // nothing for a revision that is no longer the report's current one).
    fetch(URL, { method: "POST", body: new FormData(form), credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) return refusal(response);
      return response.json().then(function (body) {
        // Nothing typed since this request left: what is on the page is what the server keeps.
        if (!changed) form.setAttribute("data-autosaved", "");
        show("已自动保存 " + body.saved_at);
      });
    }).catch(function (error) {
      changed = true;  // try again with the next change or the next round
      // fetch() itself fails with a TypeError when the server cannot be reached.
      show(error instanceof TypeError ? "未能连接服务器，未能自动保存。" : error.message);
    });
  }

  form.addEventListener("input", function () {
    changed = true;
    form.removeAttribute("data-autosaved");
    clearTimeout(quietTimer);
    quietTimer = setTimeout(autosave, QUIET_MS);
  });
  // Typing fires input; change follows when the field loses focus, with no new text.
  form.addEventListener("change", function () { changed = true; });
  setInterval(autosave, EVERY_MS);

  var banner = document.querySelector("[data-autosave-banner]");
  var kept = document.getElementById("autosaved-fields");
  if (!banner || !kept) return;
  banner.hidden = false;

  banner.querySelector("[data-autosave-restore]").addEventListener("click", function () {
    var values = JSON.parse(kept.textContent);
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) field.value = values[name];
    });
    form.setAttribute("data-unsaved-dirty", "");  // restored, not saved yet: the guard applies
    form.setAttribute("data-autosaved", "");  // but the server still keeps exactly this text
    banner.hidden = true;
    show("已恢复自动保存的文字，请检查后点“保存”。");
  });

  banner.querySelector("[data-autosave-discard]").addEventListener("click", function () {
    var body = new FormData();
    body.append("discard", "1");
    fetch(URL, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": token() } });
    banner.hidden = true;
  });
})();
