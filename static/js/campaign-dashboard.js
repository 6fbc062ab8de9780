// Bảng điều khiển phong trào: draws the page's charts from its json_script data (#dashboard-data). The tables
// under each chart hold the same figures and stay the source of truth; no inline script: the CSP forbids it.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var colors = {blue: "#0d6efd", green: "#198754", orange: "#fd7e14", red: "#dc3545", grey: "#6c757d",
                teal: "#20c997", purple: "#6f42c1"};
  Chart.defaults.locale = "vi-VN";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, config);
  }

  function integers() {
    return {beginAtZero: true, ticks: {precision: 0}};
  }

  draw("chart-units", {
    type: "bar",
    data: {labels: data.units.labels, datasets: [{label: "Số đơn vị", data: data.units.values,
      backgroundColor: [colors.blue, colors.teal, colors.green, colors.red]}]},
    options: {indexAxis: "y", plugins: {legend: {display: false}}, scales: {x: integers()}}
  });

  draw("chart-forms", {
    type: "bar",
    data: {labels: data.forms.labels, datasets: [
      {label: "Đề nghị", data: data.forms.proposed, backgroundColor: colors.blue},
      {label: "Được tiếp nhận", data: data.forms.accepted, backgroundColor: colors.green},
      {label: "Chỉ tiêu", data: data.forms.quota, backgroundColor: colors.orange}
    ]},
    options: {scales: {y: integers(), x: {ticks: {autoSkip: false, callback: function (value) {
      var label = this.getLabelForValue(value);
      return label.length > 24 ? label.slice(0, 23) + "…" : label;
    }}}}}
  });

  draw("chart-states", {
    type: "bar",
    data: {labels: data.states.labels, datasets: [{label: "Số hồ sơ", data: data.states.values,
      backgroundColor: colors.purple}]},
    options: {indexAxis: "y", plugins: {legend: {display: false}}, scales: {x: integers()}}
  });

  draw("chart-durations", {
    type: "bar",
    data: {labels: data.durations.labels, datasets: [
      {label: "Trung vị (ngày)", data: data.durations.median, backgroundColor: colors.blue},
      {label: "Dài nhất (ngày)", data: data.durations.longest, backgroundColor: colors.grey}
    ]},
    options: {scales: {y: {beginAtZero: true}}}
  });
})();
