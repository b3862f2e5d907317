// Hosting: the headers the build asks for, the guide's copy of them, and
// what each way of framing the widget's pages gives a site that frames them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, serve, portal, openPage, ready, dist, HOOK } from './harness.mjs';
import { parseHeaders, headersFor } from '../../scripts/headers.mjs';

const env = setup();
const guide = await readFile(new URL('../../EMBEDDING.md', import.meta.url), 'utf8');
const rules = parseHeaders(await readFile(join(dist, '_headers'), 'utf8'));

/** A portal page that frames `src`. */
const framing = (src) => ({
  '/': {
    body: `<!doctype html><html lang="en"><title>Portal</title><h1>Portal</h1><iframe title="Check" src="${src}"></iframe>`,
  },
});

test('every page gets its own policy as a header, and the widget\'s own page may not be framed', async () => {
  const pages = (await readdir(dist)).filter((name) => name.endsWith('.html'));
  assert.ok(pages.length >= 6, `${pages}`);
  for (const name of pages) {
    const html = await readFile(join(dist, name), 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
    const sent = headersFor(rules, `/${name}`);
    // The widget's own pages and its statements are never framed; the iframe
    // page is.
    const own = !name.startsWith('embed');
    const ancestors = own ? "frame-ancestors 'none'" : 'frame-ancestors *';
    assert.equal(sent['content-security-policy'], `${meta}; ${ancestors}`, name);
    assert.equal(sent['x-content-type-options'], 'nosniff', name);
    assert.equal(sent['x-frame-options'], own ? 'DENY' : undefined, name);
  }
  assert.equal(headersFor(rules, '/')['x-frame-options'], 'DENY');
  const wasm = (await readdir(dist)).find((name) => name.endsWith('.wasm'));
  assert.equal(headersFor(rules, `/${wasm}`)['access-control-allow-origin'], '*');
});

test('the guide\'s nginx configuration sends the headers of dist/_headers', async () => {
  const block = guide.match(/```nginx\n([\s\S]*?)```/)?.[1];
  assert.ok(block, 'EMBEDDING.md has an nginx block');
  // Each location's add_header lines, by the location's pattern.
  const locations = {};
  let current;
  for (const line of block.split('\n')) {
    const location = line.match(/^\s*location\s+(.+?)\s*\{\s*$/);
    if (location) locations[(current = location[1])] = {};
    const header = line.match(/^\s*add_header\s+([\w-]+)\s+"(.*)"\s+always;/);
    if (header && current) locations[current][header[1].toLowerCase()] = header[2];
  }
  const asset = headersFor(rules, '/cyberscreen-0123456789abcdef_bg.wasm');
  const embed = headersFor(rules, '/embed.html');
  const expected = {
    '~ ^/((index|accessibility)(\\.[a-z]+)?\\.html)?$': headersFor(rules, '/index.html'),
    '~ ^/embed': {
      ...embed,
      'content-security-policy': embed['content-security-policy'].replace(/\*$/, 'https://portal.example.org'),
    },
    '~ "-[0-9a-f]{16}(_bg)?\\.(js|css|wasm|txt)$"': { ...asset, 'cache-control': 'public, max-age=31536000, immutable' },
    '/': { ...asset, 'cache-control': 'no-cache' },
  };
  assert.deepEqual(locations, expected);
  // nginx takes the first regular expression that matches: each of the
  // widget's own pages and statements meets the first.
  const own = new RegExp(Object.keys(locations)[0].replace(/^~\s+/, ''));
  for (const name of (await readdir(dist)).filter((n) => n.endsWith('.html') && !n.startsWith('embed'))) {
    assert.ok(own.test(`/${name}`), `nginx serves /${name} as the widget's own page`);
  }
  assert.ok(own.test('/'));
});

test('the widget\'s own page refuses another site\'s frame; the iframe page does not', async (t) => {
  const site = await portal({
    ...framing(`${env.server.origin}/index.html`),
    '/embed': framing(`${env.server.origin}/embed.html`)['/'],
  });
  t.after(site.close, HOOK);
  const { context, page } = await openPage(env.browser);
  t.after(() => context.close());
  await page.goto(site.origin);
  await page.waitForLoadState('load');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await frame.locator('.cs').count(), 0, 'nothing of the widget renders in the frame');
  await page.goto(`${site.origin}/embed`);
  await ready(page.frames().find((f) => f !== page.mainFrame()));
});

test('where no header forbids it, the page in another site\'s frame keeps nothing and leaves the site\'s history', async (t) => {
  const bare = await serve({ hosted: false });
  t.after(bare.close, HOOK);
  const site = await portal(framing(`${bare.origin}/index.html`));
  t.after(site.close, HOOK);
  const { context, page } = await openPage(env.browser);
  t.after(() => context.close());
  await page.goto(site.origin);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await ready(frame);
  assert.match(await frame.locator('.cs-notice').textContent(), /shown inside another website’s page/);
  const open = frame.getByRole('link', { name: 'Open the check in a tab of its own' });
  assert.equal(await open.getAttribute('href'), `${bare.origin}/index.html`);
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.equal(await frame.getByLabel('Remember my answers on this device').count(), 0, 'nothing to click away');
  const length = await page.evaluate(() => history.length);
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.getByLabel('Only send it to another EU Member State', { exact: true }).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator('legend h1').waitFor();
  assert.equal(await page.evaluate(() => history.length), length, 'no step reaches the site\'s history');
  assert.equal(await page.title(), 'Portal');
});
