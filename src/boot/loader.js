// Starts cyberscreen under a strict Content-Security-Policy (no inline
// script). The build puts this code and wasm-bindgen's glue into one module
// (scripts/embed-assets.mjs), so that the integrity hash on the page's script
// tag covers all of its JavaScript; it reaches the glue's `init` and
// `startPage` as local names. The wasm and the one language pack this reader
// needs are fetched with their own hashes, in parallel. What goes wrong is
// shown by failed.js.
// The wasm's preload starts its download; its hash is in `data-integrity`
// (a preload's `integrity` is ignored, with a warning), for the fetch below.
const wasm = document.querySelector('link[rel="preload"][as="fetch"][data-integrity]');
const root = document.getElementById('cyberscreen');

// The language to start in, as the widget chooses it: the host's `lang`
// (a `data-lang` on the page, or the iframe's fragment), then a share
// link's or the page's own (embed.de.html), then the browser's preference,
// then English; the first that has a pack.
function language(packs) {
  const fragment = new URLSearchParams(location.hash.slice(1).replaceAll('+', '%2B'));
  // As the widget decides: the iframe page is framed only inside a frame.
  const framed = root?.hasAttribute('data-embed') && window.parent !== window;
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

// Resolves once the browser has painted the whole start page as it arrived
// and recorded it as the largest paint. The widget then builds that page
// again; were it to do so before that paint, or before its time is taken
// (the main thread busy with the code), the browser would count the rebuilt
// page as a later, largest paint. Not waited for where the page may not be
// painted for long (a hidden tab; a frame, which its host may hide or scroll
// away) or nothing is recorded, nor for more than two seconds.
function painted() {
  return new Promise((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) return resolve();
    if (document.visibilityState === 'hidden' || window.parent !== window) return resolve();
    // A paint after the page was parsed showed all of it; one before, a
    // part: then the next frame shows the rest. The first paint's time, once
    // taken, is there to read at once, the largest's only to an observer.
    const parsed = performance.getEntriesByType('navigation')[0]?.domInteractive ?? 0;
    const whole = (entries) => entries.some((entry) => entry.startTime >= parsed);
    if (whole(performance.getEntriesByName('first-contentful-paint'))) return resolve();
    document.addEventListener('visibilitychange', resolve, { once: true });
    setTimeout(resolve, 2000);
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      if (whole(list.getEntries())) resolve();
      else requestAnimationFrame(() => setTimeout(resolve));
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

// Fetches the code and the reader's pack, then starts the page.
async function start() {
  if (!wasm || !root || typeof WebAssembly !== 'object') {
    throw new Error('missing wasm, root or WebAssembly support');
  }
  const packs = JSON.parse(document.getElementById('cyberscreen-packs').textContent);
  const lang = language(packs);
  const module = fetch(wasm.href, { integrity: wasm.dataset.integrity, credentials: 'same-origin' });
  const texts = fetch(packs[lang].href, { integrity: packs[lang].integrity, credentials: 'same-origin' }).then(
    (response) => (response.ok ? response.text() : Promise.reject(new Error(`${packs[lang].href}: ${response.status}`))),
  );
  // Awaited together: a pack refused while the code still loads is this
  // failure, not an unhandled rejection besides it.
  const [, pack] = await Promise.all([init({ module_or_path: module }), texts]);
  await painted();
  // Not over the message, where failed.js has given up already (a refused
  // stylesheet, say).
  if (root.dataset.state !== 'failed') startPage(lang, pack);
}

try {
  // Not where failed.js sends the reader to another language's page.
  if (!document.documentElement.hasAttribute('data-leaving')) await start();
} catch (error) {
  document.dispatchEvent(new CustomEvent('cyberscreen-failed', { detail: error }));
}
