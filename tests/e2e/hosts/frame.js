// The portal side of the iframe: settings in the fragment, and only
// messages from the widget's own origin are heard.
const frame = document.getElementById('check');
const widgetOrigin = location.origin;
window.outcomes = [];
window.heights = [];
window.addEventListener('message', (event) => {
  // Without allow-same-origin the frame's origin is opaque: check the source.
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (data?.type === 'cyberscreen:height') {
    window.heights.push(data.height);
    frame.style.height = `${Math.ceil(data.height)}px`;
  } else if (data?.type === 'cyberscreen:outcome') {
    window.outcomes.push(data);
    document.getElementById('outcome-log').textContent = `Outcome: ${data.outcome}`;
  }
});
frame.src = `${widgetOrigin}/embed.html#lang=en&member-state=AT&parent-origin=${encodeURIComponent(location.origin)}&accent=%23005a30&contact-name=${encodeURIComponent('Example Association')}`;
