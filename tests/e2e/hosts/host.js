// What a portal might do with the widget's outcome event: keep it, and show it.
window.outcomes = [];
document.addEventListener('cyberscreen-outcome', (event) => {
  window.outcomes.push({ target: event.target.id || event.target.tagName, detail: event.detail });
  const log = document.getElementById('outcome-log');
  if (log) log.textContent = `Outcome: ${event.detail.outcome}`;
});
