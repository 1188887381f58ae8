// Sending a guarded form (data-unsaved-guard) only while she is signed in, so that what she typed
// is not lost to an ended session (the idle timeout) or a stale token (she signed out and in
// again in another tab). Before the form goes, the script asks the server who is signed in and
// for a token matching the browser's cookie now. Still her: the form goes as usual, with that
// token. Signed out: a sign-in dialog on this page; once she has signed in, the same form, with
// the same text, goes. The dialog is for the user the page was opened for only (the server refuses
// anyone else): on a shared computer, her text must not be sent under another person's name.
// Someone else is sent to the login page instead. Without scripts the forms are sent as usual.
(function () {
  var script = document.currentScript;
  var SESSION_URL = script.getAttribute("data-session-url");
  var LOGIN_URL = script.getAttribute("data-login-url");
  var LOGIN_PAGE_URL = script.getAttribute("data-login-page-url");
  var PASSED = "data-session-checked";

  function signedInAs() {
    return document.body.getAttribute("data-signed-in-as") || "";
  }

  function checkSession() {
    return fetch(SESSION_URL, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("session check failed");
      return response.json();
    });
  }

  function useToken(token) {
    document.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (field) { field.value = token; });
  }

  function send(form, submitter, token) {
    useToken(token);
    form.setAttribute(PASSED, "");
    if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function field(label, name, type, value) {
    var wrapper = element("div", "mb-2");
    var input = element("input", "form-control");
    input.id = "session-dialog-" + name;
    input.name = name;
    input.type = type;
    input.value = value;
    input.readOnly = name === "username" && value !== "";  // the page's own user, no one else
    input.autocomplete = name === "password" ? "current-password" : "username";
    var caption = element("label", "form-label", label);
    caption.htmlFor = input.id;
    wrapper.append(caption, input);
    return wrapper;
  }

  // The dialog is built once and kept; `onSignedIn` is what to do once she is signed in again.
  var dialog = null;
  var onSignedIn = null;

  function buildDialog() {
    dialog = element("dialog", "session-dialog card shadow p-0");
    dialog.setAttribute("aria-labelledby", "session-dialog-title");
    var form = element("form", "card-body");
    var title = element("h2", "h5", "登录已过期，请重新登录");
    title.id = "session-dialog-title";
    var note = element("p", "small text-muted",
      "为保护账号安全，长时间没有操作或在别处退出后需要重新登录。您在本页填写的内容还在，登录后会接着提交。");
    var problem = element("div", "alert alert-danger py-2 small");
    problem.hidden = true;
    problem.setAttribute("role", "alert");
    var buttons = element("div", "d-flex flex-wrap gap-2 mt-3");
    var signIn = element("button", "btn btn-danger", "登录并继续");
    signIn.type = "submit";
    var cancel = element("button", "btn btn-outline-secondary", "取消");
    cancel.type = "button";
    buttons.append(signIn, cancel);
    var expected = element("input");
    expected.type = "hidden";
    expected.name = "expected";
    expected.value = signedInAs();
    form.append(title, note, field("用户名", "username", "text", signedInAs()), field("密码", "password", "password", ""), expected, problem, buttons);
    if (signedInAs()) form.append(someoneElse());
    dialog.append(form);
    document.body.append(dialog);

    cancel.addEventListener("click", function () { dialog.close(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.hidden = true;
      signIn.disabled = true;
      logIn(new FormData(form)).then(function (session) {
        dialog.close();
        form.elements.password.value = "";
        document.body.setAttribute("data-signed-in-as", session.username);
        onSignedIn(session.csrf_token);
      }).catch(function (error) {
        problem.textContent = error.message;
        problem.hidden = false;
      }).finally(function () { signIn.disabled = false; });
    });
  }

  // Only she can continue this page; anyone else signs in on the login page, and this page's
  // form is not sent (the editor's text stays in its autosave for her).
  function someoneElse() {
    var note = element("p", "small text-muted mt-3 mb-0",
      "只能由“" + signedInAs() + "”本人登录后继续提交。如果是其他人要使用这台电脑，请");
    var link = element("a", "", "打开登录页换人登录");
    link.href = LOGIN_PAGE_URL + "?next=" + encodeURIComponent(location.pathname);
    link.setAttribute("data-session-switch-user", "");
    note.append(link, "（本页未保存的内容不会提交；编辑报告时的文字已自动保存）。");
    return note;
  }

  function logIn(credentials) {
    // A fresh token first: the page's may be stale (that can be why she is here).
    return checkSession().then(function (session) {
      return fetch(LOGIN_URL, {
        method: "POST", body: credentials, credentials: "same-origin",
        headers: { "X-CSRFToken": session.csrf_token },
      });
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || !body.csrf_token) throw new Error(body.error || "登录失败，请再试一次。");
        return body;
      });
    }, function () {
      throw new Error("无法连接服务器，请检查网络后再试。");
    });
  }

  function askToSignIn(then) {
    if (!dialog) buildDialog();
    onSignedIn = then;
    dialog.showModal();
    var username = dialog.querySelector("[name=username]");
    (username.value ? dialog.querySelector("[name=password]") : username).focus();
  }

  function showNetworkProblem(form) {
    var problem = form.querySelector("[data-session-problem]");
    if (!problem) {
      problem = element("div", "alert alert-danger");
      problem.setAttribute("data-session-problem", "");
      problem.setAttribute("role", "alert");
      form.prepend(problem);
    }
    problem.textContent = "无法连接服务器，内容没有提交。您填写的内容还在页面上，请检查网络后再提交一次。";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-unsaved-guard")) return;
    if (form.hasAttribute(PASSED)) {
      form.removeAttribute(PASSED);
      return;  // checked just now: let the browser send it
    }
    event.preventDefault();
    var submitter = event.submitter;
    checkSession().then(function (session) {
      if (session.username && session.username === signedInAs()) {
        send(form, submitter, session.csrf_token);
      } else {
        askToSignIn(function (token) { send(form, submitter, token); });
      }
    }, function () { showNetworkProblem(form); });
  }, true);  // before unsaved_guard.js, which then sees the form held back
})();
