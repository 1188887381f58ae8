// Draws the home page's monthly chart from the JSON the page embeds (no inline script: CSP-friendly).
(function () {
  var canvas = document.getElementById("monthly-chart");
  var source = document.getElementById("monthly-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: "bar", label: "活动次数", data: data.activities, backgroundColor: "rgba(179,38,30,0.7)", yAxisID: "count" },
        { type: "line", label: "帮扶慰问支出（元）", data: data.spending, borderColor: "#1f6feb", backgroundColor: "#1f6feb", yAxisID: "money", tension: 0.2 }
      ]
    },
    options: {
      animation: false,
      scales: {
        count: { type: "linear", position: "left", beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "次" } },
        money: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "元" } }
      }
    }
  });
})();
