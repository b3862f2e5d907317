// Shared set-up for the end-to-end tests: a plain static server for the
// release build in dist/, and headless Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { parseHeaders, headersFor, types } from '../../scripts/headers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
// Demo host pages for the embedding tests, served under /hosts/.
const hosts = join(root, 'tests', 'e2e', 'hosts');
export const artifacts = join(root, 'tests', 'e2e', 'artifacts');

/**
 * Serves dist/ on 127.0.0.1 at a free port, with the headers of
 * dist/_headers as the hosting checklist asks (`hosted: false`: none but the
 * content type, as a careless static host would). `tamper` may list pairs of
 * a file-name pattern and a function that changes the bytes served, to test
 * integrity checks; `headers` are sent with every response (such as
 * `cache-control: no-store`, under which a browser fetches a file again
 * rather than reuse a checked copy).
 */
export async function serve({ tamper = [], headers = {}, hosted = true } = {}) {
  const received = [];
  const rules = hosted ? parseHeaders(await readFile(join(dist, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    received.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const [dir, rest] = path.startsWith('/hosts/') ? [hosts, path.slice('/hosts'.length)] : [dist, path];
    const file = join(dir, rest.endsWith('/') ? rest + 'index.html' : rest);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const change = tamper.find(([pattern]) => pattern.test(file));
      if (change) body = change[1](body);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        // The portal's pages under /hosts/ are no files of the widget's.
        ...(dir === dist ? headersFor(rules, path) : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Closing drops every connection too. Chromium opens sockets ahead of
  // need; one that never carries a request is not idle to Node, whose
  // `close` would wait for it for ever (the browser that holds it is closed
  // only after the server).
  const close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  return { origin, received, close };
}

/**
 * A portal on an origin of its own (another port): `pages` maps a path to
 * `{ body, type, headers }`, built by the test. Closed like `serve`'s.
 */
export async function portal(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const page = pages[path];
    // A browser asks for a site's icon unasked: none, and no error.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
    res.end(page.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${server.address().port}`, close };
}

/** A file's set-up or clean-up that hangs fails its file, not the run. */
export const HOOK = { timeout: 60_000 };

/**
 * For a test file: a server and a browser for all its tests, closed after
 * them. Read `env.server` and `env.browser` inside the tests.
 */
export function setup(options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  }, HOOK);
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  }, HOOK);
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh page that records every request, console error and page error,
 * with service workers blocked.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  context.on('request', (r) => log.requests.push({ url: r.url(), at: Date.now() }));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.__log = log;
  return { context, page, log };
}

/** Waits until the widget is interactive. */
export async function ready(page) {
  await page.locator('.cs[data-state="ready"]').waitFor({ timeout: 30_000 });
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  // caret: 'initial' keeps Playwright from injecting a style element, which
  // a strict CSP would report.
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true, caret: 'initial' });
}

const axeSource = await readFile(
  join(root, 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA, and axe's best practices) on
 * the page as it is now and
 * returns the violations. `page` may also be a frame, which axe run on its
 * parent skips. Injected through the DevTools protocol, so that a strict
 * Content-Security-Policy on the page does not block it.
 */
export async function axe(page, rules) {
  // axe adds a style element of its own, which a strict CSP reports; such
  // reports are axe's, not the widget's, and are taken back off the list.
  const before = await page.evaluate(() => window.__cspViolations?.length ?? 0);
  const logged = page.__log?.errors.length ?? 0;
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (rules) => {
    const result = await window.axe.run(document, {
      runOnly: rules
        ? { type: 'rule', values: rules }
        : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, rules);
  const reported = await page.evaluate((n) => window.__cspViolations?.splice(n).length ?? 0, before);
  // The console reports the same violations a moment later: wait for each
  // of them (for at most a second), then take them back off the log too.
  const log = page.__log;
  if (log) {
    const axes = (e) => /^Applying inline style violates/.test(e);
    for (let i = 0; i < 100 && log.errors.slice(logged).filter(axes).length < reported; i++) {
      await page.waitForTimeout(10);
    }
    const during = log.errors.splice(logged);
    log.errors.push(...during.filter((e) => !axes(e)));
  }
  return violations;
}

/** Fails, listing axe's findings, unless the page (or frame) has none now.
 * `axe(page, rules)` runs only the rules named. */
export async function assertAccessible(page, state) {
  assert.deepEqual(await axe(page), [], `axe on ${state}`);
}

/** Chooses an answer by its visible label and continues. */
export async function choose(page, label) {
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The Content-Security-Policy violations the page reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/**
 * Answers page after page by the answers' names (the inputs' values, the
 * same in every language): a name, or a checklist's items joined by "+".
 * With `axe`, each page is checked before it is answered.
 */
export async function answerWith(scope, names, { axe: check = true } = {}) {
  for (const name of names) {
    const title = scope.locator('legend .cs-title');
    await title.waitFor();
    const heading = await title.textContent();
    if (check) await assertAccessible(scope, heading);
    for (const value of name.split('+')) {
      await scope.locator(`.cs-form input[value="${value}"]`).check();
    }
    // Yew renders the next page while handling the click, before it returns.
    await scope.locator('.cs-form button[type=submit]').click();
  }
}

/** The answers of the reference scenarios, by name, from the start. */
export const SCENARIOS = {
  // IMSI catcher for a police force outside the EU.
  P1: ['export', 'other', 'no', 'equipment', 'mobile', 'identifiers', 'no'],
  // Stalkerware, due diligence done, no warning sign, nothing known.
  P6: ['export', 'other', 'no', 'software', 'none', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'none', 'no', 'no', 'no'],
  // Unsure whether it is specially designed; every other element met.
  P9: ['export', 'other', 'no', 'software', 'none', 'no', 'not_sure', 'yes', 'yes', 'yes', 'yes'],
  // A red-team framework sold to a consultancy in Brazil.
  P13: ['export', 'other', 'no', 'software', 'intrusion', 'yes', 'no', 'no'],
  // A passcode-cracking phone-forensics kit for a police force in the US.
  P15: ['export', 'eu001', 'no', 'equipment', 'cryptanalysis+forensic', 'yes'],
  // An exploit-development course for students outside the EU.
  P19: ['export', 'other', 'no', 'technology', 'intrusion', 'develop_intrusion', 'no', 'no'],
  // A cryptanalysis appliance for a police agency in another Member State.
  P20: ['intra_eu', 'equipment', 'cryptanalysis', 'yes'],
  // A letter on a military end use in a country under an arms embargo.
  P21: ['export', 'other', 'military'],
  // As P9, but the monitored person is always told: not covert.
  P22: ['export', 'other', 'no', 'software', 'none', 'no', 'not_sure', 'no', 'none'],
};
