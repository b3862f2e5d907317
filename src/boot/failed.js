// Runs first, before the page is painted: on the English page a reader
// reaches by default (index.html, embed.html), one who asks for another
// language is sent to that language's own page, which shows it from the
// first paint. Then it shows the page's "could not start" message, in the
// page's language, when the code cannot run: a file refused by its
// integrity check or not found, an error while starting, or no start within
// 30 seconds. A classic script of its own, which runs before the module and
// even when it is refused.
(() => {
  // A link's `lang` (a host's, in the iframe page's fragment), then the
  // browser's languages, as the widget would choose; the pages are the
  // `hreflang` links in the head.
  if (document.documentElement.lang === 'en') {
    const pages = new Map([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]));
    const fragment = new URLSearchParams(location.hash.slice(1).replaceAll('+', '%2B'));
    const code = [fragment.get('lang'), ...navigator.languages, 'en']
      .filter(Boolean)
      .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
      .find((c) => pages.has(c));
    if (code && code !== 'en') {
      // The module, already on its way, does not start this page.
      document.documentElement.dataset.leaving = code;
      location.replace(pages.get(code) + location.search + location.hash);
      return;
    }
  }
  const STALL_MS = 30_000;
  const fail = (error) => {
    const root = document.getElementById('cyberscreen');
    const template = document.getElementById('cyberscreen-failed');
    const started = root?.querySelector('.cs[data-state="ready"]');
    if (!root || !template || started || root.dataset.state === 'failed') return;
    console.error('cyberscreen could not start:', error);
    // The message in the language of the page's own (index.de.html), else
    // the first of the user's languages that it is written in.
    const messages = [...template.content.children];
    const wanted = [root.dataset.lang ?? '', ...navigator.languages, 'en'].map((tag) => tag.split('-')[0].toLowerCase());
    const message = wanted.map((code) => messages.find((m) => m.lang === code)).find(Boolean);
    // The page's main landmark, as the widget's root would have been.
    const main = document.createElement('main');
    main.append(message.cloneNode(true));
    root.replaceChildren(main);
    root.dataset.state = 'failed';
  };
  // A script, stylesheet or preload refused or not found: such errors do
  // not bubble, but reach the window while capturing.
  addEventListener(
    'error',
    (event) => {
      const { target } = event;
      if (target instanceof HTMLScriptElement || target instanceof HTMLLinkElement) {
        fail(new Error(`${target.src || target.href} could not be loaded`));
      }
    },
    true,
  );
  // What went wrong while starting, from the module.
  document.addEventListener('cyberscreen-failed', (event) => fail(event.detail));
  setTimeout(() => fail(new Error(`it did not start within ${STALL_MS / 1000} seconds`)), STALL_MS);
})();
