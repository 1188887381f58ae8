// 返回上一页 on the error pages: back in the browser's history when there is a page to go back
// to; the link's own address (the home page) otherwise, e.g. in a freshly opened tab.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-history-back]");
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
