// cyberscreen as a custom element:
//   <script type="module" src="https://…/cyberscreen-element.js"></script>
//   <cyber-screen lang="de" member-state="DE"></cyber-screen>
// See EMBEDDING.md for every attribute, the theme properties and the
// `cyberscreen-outcome` event. The widget's other files (the wasm, the
// stylesheet, the language packs) are loaded from where this module lives,
// each checked against its integrity hash; the widget sends nothing anywhere.
const ASSETS = /* ASSETS */ null;
const FAILED = /* FAILED */ null;
const base = new URL('.', import.meta.url);
let started;

// Starts the code once for all widgets on the page, and tells it where the
// other languages' packs are. The build puts this module and wasm-bindgen's
// glue into one file (scripts/embed-assets.mjs): `init`, `setPacks`,
// `loadPack` and `mountElement` are the glue's, and the integrity hash on
// the host's script tag covers them.
function start() {
  started ??= (async () => {
    const wasm = fetch(new URL(ASSETS.wasm.href, base), {
      integrity: ASSETS.wasm.integrity,
      credentials: 'same-origin',
    });
    await init({ module_or_path: wasm });
    setPacks(JSON.stringify(PLACES));
  })();
  return started;
}

// Each language's pack, with its address made absolute: the widget's files
// are where this module is, not where the host's page is.
const PLACES = Object.fromEntries(
  Object.entries(ASSETS.packs).map(([code, { href, integrity }]) => [code, { href: new URL(href, base).href, integrity }]),
);
const fetched = {};

// A language's texts, fetched once per page (with the code, in parallel)
// and checked against their integrity hash.
function texts(code) {
  fetched[code] ??= fetch(PLACES[code].href, { integrity: PLACES[code].integrity, credentials: 'same-origin' }).then(
    (response) => (response.ok ? response.text() : Promise.reject(new Error(`${PLACES[code].href}: ${response.status}`))),
  );
  return fetched[code];
}

// The language a widget starts in: the element's `lang`, else the first of
// the user's languages that has a pack, else English.
function language(element) {
  const wanted = [element.getAttribute('lang') ?? '', ...navigator.languages, 'en'];
  return wanted.map((tag) => tag.split(/[-_]/)[0].toLowerCase()).find((code) => Object.hasOwn(PLACES, code));
}

class CyberScreen extends HTMLElement {
  #widget = null;
  #generation = 0;

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL(ASSETS.css.href, base).href;
    style.integrity = ASSETS.css.integrity;
    style.crossOrigin = 'anonymous';
    const mount = document.createElement('div');
    shadow.replaceChildren(style, mount);
    const generation = ++this.#generation;
    const lang = language(this);
    Promise.all([start(), texts(lang)])
      .then(([, pack]) => {
        if (generation !== this.#generation || !this.isConnected) return;
        if (!loadPack(lang, pack)) throw new Error(`the ${lang} texts do not fit this version`);
        const attributes = this.getAttributeNames().map((name) => [name, this.getAttribute(name)]);
        this.#widget = mountElement(mount, attributes, this.id || undefined, lang);
      })
      .catch((error) => {
        console.error('cyberscreen could not start:', error);
        // A fetch refused by CORS is only a TypeError to the page; say what
        // the widget's server most likely lacks.
        if (error instanceof TypeError && base.origin !== location.origin) {
          console.error(
            `cyberscreen: its files at ${base.origin} could not be fetched from this page. ` +
              'That server must send "Access-Control-Allow-Origin" with the wasm, the stylesheet and the language packs ' +
              '(EMBEDDING.md, "Hosting checklist").',
          );
        }
        const message = document.createElement('div');
        message.className = 'cs';
        message.setAttribute('role', 'alert');
        const [title, text] = FAILED[lang] ?? FAILED.en;
        const heading = document.createElement('p');
        heading.className = 'cs-title';
        heading.textContent = title;
        const body = document.createElement('p');
        body.textContent = text;
        message.replaceChildren(heading, body);
        mount.replaceChildren(message);
        this.setAttribute('data-state', 'failed');
      });
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.destroy();
    this.#widget?.free();
    this.#widget = null;
    this.shadowRoot?.replaceChildren();
  }
}

if (!customElements.get('cyber-screen')) {
  customElements.define('cyber-screen', CyberScreen);
}
