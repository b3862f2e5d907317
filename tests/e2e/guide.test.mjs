// EMBEDDING.md, run as written: each of its samples is taken from the guide
// and put in a portal page on an origin of its own, served with the strict
// policy the guide gives; the widget is on another origin, hosted as the
// hosting checklist asks. Each way renders, takes its size and theme, and
// tells the portal the outcome. Where the guide and the widget part, this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, serve, portal, openPage, ready, answerWith, assertAccessible, cspViolations, dist, HOOK, SCENARIOS } from './harness.mjs';

const env = setup();
const guide = await readFile(new URL('../../EMBEDDING.md', import.meta.url), 'utf8');
const integrity = JSON.parse(await readFile(join(dist, 'integrity.json'), 'utf8'));

/** The guide's section under `## title`. */
function section(title) {
  const start = guide.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `EMBEDDING.md has a section ${title}`);
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
}

/** The samples of a language in a section, in order. */
function samples(text, lang) {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** The guide's addresses made those of this run. */
function localised(text, widget, site) {
  return text
    .replaceAll('https://widget.example.org/cyberscreen/', `${widget}/`)
    .replaceAll('https://widget.example.org', widget)
    .replaceAll('https%3A%2F%2Fportal.example.org', encodeURIComponent(site))
    .replaceAll('https://portal.example.org', site);
}

/** A portal page holding `body`, with the guide's CSS for it, and (with
 * `bar`) a sticky header as portals have, and more page below the widget. */
const page = (body, { bar = false } = {}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>` +
  `<link rel="stylesheet" href="/css/portal.css">${bar ? '<link rel="stylesheet" href="/css/bar.css">' : ''}</head><body>` +
  `${bar ? '<header class="portal-bar">Example Association</header>' : ''}<main><h1>Export check</h1>${body}</main>` +
  `${bar ? '<footer class="portal-footer">Example Association, 2026</footer>' : ''}</body></html>`;

/** The sticky header of 64 px, and the page's scroll-padding-top the guide
 * asks for with it. */
const BAR = 64;
const barCss = `html { scroll-padding-top: ${BAR}px; } body { margin: 0; }
.portal-bar { position: sticky; top: 0; z-index: 1; height: ${BAR}px; background: #1d1d1b; color: #fff; }
.portal-footer { height: 1600px; }`;

/** The header the guide's sample gives, as `[name, value]`. */
function header(sample) {
  const [name, ...value] = sample.trim().split(': ');
  return { [name.toLowerCase()]: value.join(': ') };
}

/** Waits (at most a second) until a console message matches `pattern`. */
async function heard(tab, messages, pattern) {
  for (let i = 0; i < 50 && !messages.some((m) => pattern.test(m)); i++) await tab.waitForTimeout(20);
  assert.ok(messages.some((m) => pattern.test(m)), `the portal heard ${pattern}: ${messages}`);
}

test('the guide\'s iframe, as written: size, theme and outcome on a portal of another origin', async (t) => {
  const text = section('iframe');
  const [html] = samples(text, 'html');
  const [css] = samples(text, 'css');
  const [js] = samples(text, 'js');
  const [policy] = samples(text, 'http');
  assert.ok(html && css && js && policy, 'the iframe section has its samples');
  const pages = {};
  const site = await portal(pages);
  t.after(site.close, HOOK);
  const widget = env.server.origin;
  Object.assign(pages, {
    '/': { body: page(localised(html, widget, site.origin), { bar: true }), headers: header(localised(policy, widget, site.origin)) },
    '/css/portal.css': { body: css, type: 'text/css' },
    '/css/bar.css': { body: barCss, type: 'text/css' },
    '/js/cyberscreen-frame.js': { body: localised(js, widget, site.origin), type: 'text/javascript' },
  });
  const { context, page: tab, log } = await openPage(env.browser);
  t.after(() => context.close());
  const outcomes = [];
  tab.on('console', (m) => outcomes.push(m.text()));
  await tab.goto(site.origin);
  const frame = tab.frameLocator('#cyberscreen-frame');
  await ready(frame);
  const inside = tab.frames().find((f) => f !== tab.mainFrame());
  // The height follows the widget's content, both ways (its bottom, and the
  // page's margin below it).
  const fits = async () => {
    const content = await inside.locator('#cyberscreen').evaluate((e) => e.getBoundingClientRect().bottom + 8);
    await tab.waitForFunction(
      (h) => Math.abs(document.getElementById('cyberscreen-frame').getBoundingClientRect().height - h) <= 2,
      content,
    );
  };
  await fits();
  // Each new step's heading is scrolled to just below the portal's sticky
  // header (the page below the widget leaves room to scroll that far).
  const placed = async (step) => {
    let at;
    for (let i = 0; i < 50; i++) {
      const heading = await inside.locator('.cs-title').first().evaluate((e) => e.getBoundingClientRect().top);
      at = heading + (await tab.evaluate(() => document.getElementById('cyberscreen-frame').getBoundingClientRect().top));
      if (Math.abs(at - BAR) <= 2) return;
      await tab.waitForTimeout(20);
    }
    assert.fail(`${step}: the heading is ${at} px from the top of the view, not just below the ${BAR} px header`);
  };
  const accent = await frame.locator('.cs').evaluate((e) => getComputedStyle(e).getPropertyValue('--cs-accent').trim());
  assert.equal(accent, '#005a30', 'the accent of the fragment');
  await assertAccessible(tab, 'the portal with the guide\'s iframe');
  await frame.locator('.cs-button-start').click();
  await placed('the first question');
  for (const answer of SCENARIOS.P20) {
    await answerWith(inside, [answer], { axe: false });
    await placed(`after ${answer}`);
  }
  await fits();
  await frame.locator('.cs-page button.cs-button').click();
  await frame.locator('[data-outcome="INTRA-EU-LICENCE"]').waitFor();
  await placed('the outcome');
  await fits();
  await heard(tab, outcomes, /^INTRA-EU-LICENCE .*5A004\.a/);
  assert.deepEqual(await cspViolations(tab), []);
  assert.deepEqual(log.errors, []);
});

test('the guide\'s custom element, as written: fallback, theme and outcome under the strict policy', async (t) => {
  const text = section('Custom element');
  const [html] = samples(text, 'html');
  const [css] = samples(text, 'css');
  const [policy] = samples(text, 'http');
  const [listen] = samples(section('The outcome event'), 'js');
  assert.ok(html && css && policy && listen, 'the custom element section has its samples');
  const module = html.match(/cyberscreen-element-[\d.]+\.js/)[0];
  assert.ok(integrity[module], `the guide's ${module} is the release's`);
  const pages = {};
  const site = await portal(pages);
  t.after(site.close, HOOK);
  const widget = env.server.origin;
  const body = localised(html, widget, site.origin).replace('sha384-…(from integrity.json)', integrity[module]);
  Object.assign(pages, {
    '/': { body: page(`${body}<script src="/js/outcome.js"></script>`), headers: header(localised(policy, widget, site.origin)) },
    '/css/portal.css': { body: css, type: 'text/css' },
    '/js/outcome.js': { body: listen, type: 'text/javascript' },
  });
  const { context, page: tab, log } = await openPage(env.browser);
  t.after(() => context.close());
  const messages = [];
  tab.on('console', (m) => messages.push(m.text()));
  await tab.goto(site.origin);
  const element = tab.locator('cyber-screen');
  await element.locator('.cs[data-state="ready"]').waitFor();
  const look = await element.locator('.cs').evaluate((e) => getComputedStyle(e).getPropertyValue('--cs-accent').trim());
  assert.equal(look, '#005a30', 'the theme of the guide\'s stylesheet');
  assert.equal(await tab.getByRole('link', { name: 'Open the export check' }).isVisible(), false, 'the fallback gives way');
  await assertAccessible(tab, 'the portal with the guide\'s element');
  assert.equal(
    await element.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).getAttribute('href'),
    `${widget}/accessibility.de.html`,
    'the statement is the widget\'s, where its files are, not on the portal',
  );
  await element.locator('.cs-button-start').click();
  await answerWith(element, SCENARIOS.P20, { axe: false });
  await element.locator('.cs-page button.cs-button').click();
  await element.locator('[data-outcome="INTRA-EU-LICENCE"]').waitFor();
  await heard(tab, messages, /^cyberscreen outcome INTRA-EU-LICENCE .*5A004\.a/);
  assert.deepEqual(await cspViolations(tab), []);
  assert.deepEqual(log.errors, []);
});

test('where the widget\'s server sends no CORS header, the element keeps its fallback, and the console says why', async (t) => {
  const [html] = samples(section('Custom element'), 'html');
  const bare = await serve({ hosted: false });
  t.after(bare.close, HOOK);
  const pages = {};
  const site = await portal(pages);
  t.after(site.close, HOOK);
  // As the guide has it: the module itself is refused, and nothing of the
  // widget runs; the element's inside content is what the reader gets.
  pages['/'] = { body: page(localised(html, bare.origin, site.origin).replace(/ integrity="[^"]*"/, '')) };
  const { context, page: tab } = await openPage(env.browser);
  t.after(() => context.close());
  await tab.goto(site.origin);
  await tab.waitForLoadState('load');
  const fallback = tab.getByRole('link', { name: 'Open the export check' });
  assert.equal(await fallback.isVisible(), true);
  assert.equal(await fallback.getAttribute('href'), `${bare.origin}/index.de.html`);
  // A module that did arrive (the portal's copy of it) names what its files lack.
  const module = (await readFile(join(dist, 'cyberscreen-element.js'), 'utf8')).replace(
    /new URL\(["']\.["'],\s*import\.meta\.url\)/,
    `new URL(${JSON.stringify(bare.origin + '/')})`,
  );
  pages['/cyberscreen-element.js'] = { body: module, type: 'text/javascript' };
  pages['/'] = { body: page(html.replace(/<script[\s\S]*?<\/script>/, '<script type="module" src="/cyberscreen-element.js"></script>')) };
  const { context: second, page: other, log } = await openPage(env.browser);
  t.after(() => second.close());
  await other.goto(site.origin);
  await other.locator('cyber-screen[data-state="failed"]').waitFor();
  assert.ok(log.errors.some((e) => /must send "Access-Control-Allow-Origin"/.test(e)), `${log.errors}`);
});
