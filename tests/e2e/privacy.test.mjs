// The privacy promise, checked in the browser: no request after the page's
// own assets, each asset fetched once, no cookies, no storage unless asked,
// no CSP violation, and assets that do not match their integrity hash never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, ready, cspViolations, dist, assertAccessible, answerWith, SCENARIOS } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

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
  await page.goto(server.origin + '/');
  await ready(page);
  const loaded = log.requests.map((r) => new URL(r.url).pathname);
  assert.deepEqual([...new Set(loaded)].sort(), loaded.slice().sort(), `each asset fetched once: ${loaded}`);
  for (const file of [/\/$/, /\.css$/, /\/cyberscreen-[0-9a-f]+\.js$/, /_bg\.wasm$/, /\/loader\.js$/]) {
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

test('the loader carries the integrity hash of its own file', async () => {
  const html = await readFile(`${dist}/index.html`, 'utf8');
  const loader = await readFile(`${dist}/loader.js`);
  const expected = 'sha384-' + createHash('sha384').update(loader).digest('base64');
  const tag = html.match(/<script type="module" src="\.\/loader\.js" integrity="([^"]+)"/);
  assert.equal(tag?.[1], expected, 'update the hash in Trunk.toml (pattern_script) to this value');
});

// The JavaScript change is a harmless comment, so that only the integrity
// check can stop it; the wasm change flips one byte.
const tampering = [
  [/_bg\.wasm$/, 'wasm', (body) => {
    const changed = Buffer.from(body);
    changed[changed.length - 2] ^= 0x01;
    return changed;
  }, 'en-GB', /could not start in this browser/],
  [/cyberscreen-[0-9a-f]+\.js$/, 'JavaScript glue', (body) => Buffer.concat([body, Buffer.from('\n// changed\n')]),
    'de-DE', /konnte in diesem Browser nicht starten/],
  [/texts-fr-[0-9a-f]+\.txt$/, 'language pack', (body) => Buffer.from(body.toString().replace('Vérifiez', 'Verifiez')),
    'fr-FR', /n’a pas pu démarrer dans ce navigateur/],
];

for (const [pattern, what, change, locale, message] of tampering) {
  test(`a tampered ${what} file does not run, and the user is told (${locale})`, async (t) => {
    const server = await serve({ tamper: [[pattern, change]] });
    t.after(() => server.close());
    const { context, page, log } = await openPage(browser, { locale });
    t.after(() => context.close());
    await page.goto(server.origin + '/');
    const root = page.locator('#cyberscreen[data-state="failed"]');
    await root.waitFor({ timeout: 30_000 });
    assert.match(await root.textContent(), message);
    assert.equal(await page.locator('.cs[data-state="ready"]').count(), 0, 'the widget did not start');
    assert.ok(log.errors.some((e) => /integrity/i.test(e)), `the integrity check stopped it: ${log.errors}`);
  });
}

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
