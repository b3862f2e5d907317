// Starts cyberscreen under a strict Content-Security-Policy (no inline
// script) and checks every file it runs: the wasm and the one language pack
// this reader needs are fetched with their subresource-integrity hashes, in
// parallel, and the JavaScript glue is the module the page preloaded with its
// own hash. If anything fails, the page says so.
const glue = document.querySelector('link[rel="modulepreload"][integrity]');
const wasm = document.querySelector('link[rel="preload"][as="fetch"][integrity]');
const root = document.getElementById('cyberscreen');

function fail(error) {
  console.error('cyberscreen could not start:', error);
  const template = document.getElementById('cyberscreen-failed');
  if (root && template) {
    // The message in the language of the page's own (index.de.html), else
    // the first of the user's languages that it is written in.
    const messages = [...template.content.children];
    const wanted = [root.dataset.lang ?? '', ...navigator.languages, 'en'].map((tag) => tag.split('-')[0].toLowerCase());
    const message = wanted.map((code) => messages.find((m) => m.lang === code)).find(Boolean);
    root.replaceChildren(message.cloneNode(true));
    root.setAttribute('data-state', 'failed');
  }
}

// The language to start in, as the widget chooses it: the host's `lang`
// (a `data-lang` on the page, or the iframe's fragment), then a share
// link's or the page's own (embed.de.html), then the browser's preference,
// then English; the first that has a pack.
function language(packs) {
  const fragment = new URLSearchParams(location.hash.slice(1).replaceAll('+', '%2B'));
  const framed = root?.hasAttribute('data-embed');
  const wanted = [
    framed ? fragment.get('lang') : root?.dataset.lang,
    framed ? root?.dataset.lang : fragment.get('lang'),
    ...navigator.languages,
    'en',
  ];
  return wanted
    .filter(Boolean)
    .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
    .find((code) => Object.hasOwn(packs, code));
}

try {
  if (!glue || !wasm || !root || typeof WebAssembly !== 'object') {
    throw new Error('missing module, wasm, root or WebAssembly support');
  }
  const packs = JSON.parse(document.getElementById('cyberscreen-packs').textContent);
  const lang = language(packs);
  const module = fetch(wasm.href, { integrity: wasm.integrity, credentials: 'same-origin' });
  const texts = fetch(packs[lang].href, { integrity: packs[lang].integrity, credentials: 'same-origin' }).then(
    (response) => (response.ok ? response.text() : Promise.reject(new Error(`${packs[lang].href}: ${response.status}`))),
  );
  const { default: init, startPage } = await import(glue.href);
  await init({ module_or_path: module });
  startPage(lang, await texts);
} catch (error) {
  fail(error);
}
