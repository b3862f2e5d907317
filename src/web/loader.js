// Starts cyberscreen under a strict Content-Security-Policy (no inline
// script) and checks every file it runs: the wasm is fetched with its
// subresource-integrity hash, and the JavaScript glue is the module the
// page preloaded with its own hash. If anything fails, the page says so.
const glue = document.querySelector('link[rel="modulepreload"][integrity]');
const wasm = document.querySelector('link[rel="preload"][as="fetch"][integrity]');

function fail(error) {
  console.error('cyberscreen could not start:', error);
  const root = document.getElementById('cyberscreen');
  const template = document.getElementById('cyberscreen-failed');
  if (root && template) {
    // The message in the first of the user's languages that it is written in.
    const messages = [...template.content.children];
    const wanted = [...navigator.languages, 'en'].map((tag) => tag.split('-')[0].toLowerCase());
    const message = wanted.map((code) => messages.find((m) => m.lang === code)).find(Boolean);
    root.replaceChildren(message.cloneNode(true));
    root.setAttribute('data-state', 'failed');
  }
}

try {
  if (!glue || !wasm || typeof WebAssembly !== 'object') {
    throw new Error('missing module, wasm or WebAssembly support');
  }
  const module = fetch(wasm.href, { integrity: wasm.integrity, credentials: 'same-origin' });
  const { default: init } = await import(glue.href);
  await init({ module_or_path: module });
} catch (error) {
  fail(error);
}
