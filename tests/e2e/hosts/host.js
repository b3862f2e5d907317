// What a portal might do with the widget's outcome event: keep it, and show it.
window.outcomes = [];
document.addEventListener('cyberscreen-outcome', (event) => {
  // What the page shows as the event arrives: the outcome's container, whole
  // (down to its last part, the printed record's signature block).
  const shown = (event.target.shadowRoot ?? document).querySelector('[data-outcome]');
  window.outcomes.push({
    target: event.target.id || event.target.tagName,
    detail: event.detail,
    shown: shown?.dataset.outcome,
    whole: !!shown?.querySelector(':scope > .cs-signature:last-child'),
  });
  const log = document.getElementById('outcome-log');
  if (log) log.textContent = `Outcome: ${event.detail.outcome}`;
});
