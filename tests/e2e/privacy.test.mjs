// The privacy promise, checked in the browser: no request after the page's
// own assets, each asset fetched once, no cookies, no storage unless asked,
// no CSP violation, and assets that do not match their integrity hash never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HOOK, serve, launch, openPage, ready, cspViolations, dist, assertAccessible, answerWith, SCENARIOS } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
}, HOOK);

after(async () => {
  await browser?.close();
}, HOOK);

async function walkToOutcome(page) {
  await page.getByRole('button', { name: 'Start now' }).click();
  await answerWith(page, SCENARIOS.P9, { axe: false });
  await page.getByRole('button', { name: 'See your result' }).click();
  await page.locator('[data-outcome]').waitFor();
}

test('a whole walk: each asset once, nothing after load, no cookie, no storage, no CSP violation', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { context, page, log } = await openPage(browser);
  t.after(() => context.close());
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(server.origin + '/');
  await ready(page);
  const loaded = log.requests.map((r) => new URL(r.url).pathname);
  assert.deepEqual([...new Set(loaded)].sort(), loaded.slice().sort(), `each asset fetched once: ${loaded}`);
  assert.equal(server.received.filter((u) => /_bg\.wasm$/.test(u)).length, 1, 'the wasm reached the server once: its preload serves the checked fetch');
  // Such as Chromium's for an `integrity` on a preload, which it ignores.
  assert.deepEqual(warnings, [], 'no warning in the console');
  for (const file of [/\/$/, /\.css$/, /\/cyberscreen-[0-9a-f]+\.js$/, /_bg\.wasm$/, /\/failed\.js$/]) {
    assert.ok(loaded.some((p) => file.test(p)), `${file} loaded`);
  }
  assert.deepEqual(
    loaded.filter((p) => /\/texts-/.test(p)).map((p) => p.replace(/-[0-9a-f]{16}\.txt$/, '')),
    ['/texts-en'],
    'the texts of the reader\'s language only',
  );

  await walkToOutcome(page);
  await page.getByLabel('Your EU Member State (where your business is established)').selectOption('FR');
  assert.equal(log.requests.length, loaded.length, 'no request after the page loaded');
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(
    await page.evaluate(() => [localStorage.length, sessionStorage.length]),
    [0, 0],
    'nothing stored',
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
});

test('the page runs under a strict Content-Security-Policy', async () => {
  const html = await readFile(`${dist}/index.html`, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP is set');
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  // A JSON block (the list of language packs) is data the browser never runs.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
});

// Every page's scripts: each carries the integrity hash of its file, and
// none imports another module (an import carries no hash of its own), so
// that the hash on the page covers every line of JavaScript that runs.
test('every script of every page carries its integrity hash, and no module is loaded without one', async () => {
  const { readdir } = await import('node:fs/promises');
  const sri = (body) => 'sha384-' + createHash('sha384').update(body).digest('base64');
  const pages = (await readdir(dist)).filter((name) => name.endsWith('.html'));
  assert.ok(pages.length >= 6, `${pages}`);
  for (const name of pages) {
    const html = await readFile(`${dist}/${name}`, 'utf8');
    assert.doesNotMatch(html, /rel="modulepreload"/, `${name}: no module is preloaded to be imported`);
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\.\/([^"]+)"[^>]*>/g)];
    if (name.startsWith('accessibility')) {
      assert.equal(scripts.length, 0, `${name}: a statement runs no code`);
    } else {
      assert.equal(scripts.length, 2, `${name}: the failure message's script and the module`);
    }
    const [sheet, href, hash] = html.match(/<link rel="stylesheet" href="\.\/([^"]+)" integrity="([^"]+)" crossorigin="anonymous">/) ?? [];
    assert.ok(sheet, `${name}: its stylesheet carries its hash`);
    assert.equal(hash, sri(await readFile(`${dist}/${href}`)), `${name}: ${href}`);
    for (const [tag, file] of scripts) {
      const body = await readFile(`${dist}/${file}`);
      assert.equal(tag.match(/integrity="([^"]+)"/)?.[1], sri(body), `${name}: ${file}`);
      assert.doesNotMatch(body.toString(), /\bimport\s*\(|\bimport\s*[{*"'\w]/, `${file} imports nothing`);
    }
  }
  const element = (await readFile(`${dist}/cyberscreen-element.js`)).toString();
  assert.doesNotMatch(element, /\bimport\s*\(|\bimport\s*[{*"'\w]/, 'the element module imports nothing');
});

// Each change is harmless (a comment, one flipped byte, one word), so that
// only the integrity check can stop it; the server forbids caching, so that
// nothing checked once is reused: each file is fetched again as served.
const tampering = [
  [/\/cyberscreen-[0-9a-f]+\.js$/, 'JavaScript module', (body) => Buffer.concat([body, Buffer.from('\nwindow.__changed = true;\n')]),
    'de-DE', /konnte in diesem Browser nicht starten/],
  [/_bg\.wasm$/, 'wasm', (body) => {
    const changed = Buffer.from(body);
    changed[changed.length - 2] ^= 0x01;
    return changed;
  }, 'en-GB', /could not start in this browser/],
  [/\.css$/, 'stylesheet', (body) => Buffer.concat([body, Buffer.from('\n/* changed */\n')]),
    'en-GB', /could not start in this browser/],
  [/texts-fr-[0-9a-f]+\.txt$/, 'language pack', (body) => Buffer.from(body.toString().replace('Vérifiez', 'Verifiez')),
    'fr-FR', /n’a pas pu démarrer dans ce navigateur/],
];
const LOADS = 10;

for (const [pattern, what, change, locale, message] of tampering) {
  test(`a tampered ${what} never runs, and the user is told (${locale}, ${LOADS} fresh loads from a no-store server)`, async (t) => {
    const server = await serve({ tamper: [[pattern, change]], headers: { 'cache-control': 'no-store' } });
    t.after(() => server.close());
    for (let i = 0; i < LOADS; i++) {
      const { context, page, log } = await openPage(browser, { locale });
      try {
        await page.goto(server.origin + '/');
        const root = page.locator('#cyberscreen[data-state="failed"]');
        await root.waitFor({ timeout: 30_000 });
        assert.match(await root.textContent(), message, `load ${i + 1}`);
        assert.equal(await page.locator('.cs[data-state="ready"]').count(), 0, `load ${i + 1}: the widget did not start`);
        assert.equal(await page.evaluate(() => window.__changed), undefined, `load ${i + 1}: the changed code did not run`);
        assert.ok(log.errors.some((e) => /integrity/i.test(e)), `load ${i + 1}: the integrity check stopped it: ${log.errors}`);
      } finally {
        await context.close();
      }
    }
  });
}

test('a tampered failure-message script does not run, and the widget starts without it', async (t) => {
  const server = await serve({
    tamper: [[/failed\.js$/, (body) => Buffer.concat([body, Buffer.from('\nwindow.__changed = true;\n')])]],
    headers: { 'cache-control': 'no-store' },
  });
  t.after(() => server.close());
  const { context, page } = await openPage(browser);
  t.after(() => context.close());
  await page.goto(server.origin + '/');
  await ready(page);
  assert.equal(await page.evaluate(() => window.__changed), undefined);
});

test('a module that never arrives ends in the message within the time the page allows', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { context, page } = await openPage(browser);
  t.after(() => context.close());
  // The code's request is held until the page gives up on it.
  await page.route(/\/cyberscreen-[0-9a-f]+\.js$/, () => {});
  await page.clock.install();
  // The page never finishes loading: it waits for the module.
  await page.goto(server.origin + '/', { waitUntil: 'commit' });
  await page.locator('#cyberscreen .cs[data-state="loading"]').waitFor();
  await page.clock.runFor(31_000);
  const root = page.locator('#cyberscreen[data-state="failed"]');
  await root.waitFor({ timeout: 10_000 });
  assert.match(await root.textContent(), /could not start in this browser/);
  await assertAccessible(page, 'the message after a stalled load');
});

// Where the wasm cannot run at all, the pre-rendered start page gives way to
// the message saying what to do instead.
const unable = [
  ['a page whose CSP lacks \'wasm-unsafe-eval\'', { tamper: [[/index\.html$/, (body) => Buffer.from(body.toString().replace(" 'wasm-unsafe-eval'", ''))]] }, null],
  ['a browser without WebAssembly', {}, () => { delete globalThis.WebAssembly; }],
];

for (const [what, options, init] of unable) {
  test(`on ${what}, the start page says that the check cannot run here`, async (t) => {
    const server = await serve(options);
    t.after(() => server.close());
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    if (init) await page.addInitScript(init);
    await page.goto(server.origin + '/');
    if (options.tamper) {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.doesNotMatch(csp, /wasm-unsafe-eval/, 'the CSP served lacks it');
    }
    const root = page.locator('#cyberscreen[data-state="failed"]');
    await root.waitFor({ timeout: 30_000 });
    assert.match(await root.textContent(), /could not start in this browser.*Reload the page, or try another browser/s);
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 0, 'no button that cannot work is left');
    await assertAccessible(page, `the message (${what})`);
  });
}
