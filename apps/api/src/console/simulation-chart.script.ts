/**
 * `/console/assets/simulation-chart.js`: draws the simulation page's bar chart with Chart.js
 * from the page's JSON data island (`#simulation-data`), so the page needs no inline script
 * and works under a Content-Security-Policy without 'unsafe-inline'. Marks the canvas
 * `data-drawn` once Chart.js has rendered it.
 */
export const SIMULATION_CHART_SCRIPT = `(function () {
  'use strict';
  var island = document.getElementById('simulation-data');
  var canvas = document.getElementById('simulation-chart');
  if (!island || !canvas || typeof Chart === 'undefined') return;
  var data = JSON.parse(island.textContent);
  var locale = document.documentElement.lang === 'en' ? 'en-GB' : 'es-ES';
  var euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  var markDrawn = {
    id: 'markDrawn',
    afterRender: function (chart) { chart.canvas.setAttribute('data-drawn', 'true'); },
  };
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: data.label, data: data.values, backgroundColor: '#0b3d6b' }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { beginAtZero: true, ticks: { callback: function (value) { return euros.format(value); } } },
      },
      plugins: {
        tooltip: { callbacks: { label: function (item) { return euros.format(item.parsed.y); } } },
      },
    },
    plugins: [markDrawn],
  });
})();
`;
