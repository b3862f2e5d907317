// The check in English, German and French: the browser's language picks the
// table, the reference scenarios of the Annex I screen walk to the same
// outcomes and entries in each, axe passes on every page state, and
// switching language mid-way keeps every answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, serve, openPage, ready, screenshot, assertAccessible, answerWith, SCENARIOS } from './harness.mjs';

const env = setup();

const LANGUAGES = {
  en: {
    locale: 'en-GB',
    title: 'Check if your product could be a cyber-surveillance item under EU export rules',
    interruption: 'Continue to check your answers',
    licence: /authorisation \(licence\) is required/,
    term: 'cyber-surveillance',
  },
  de: {
    locale: 'de-DE',
    title: 'Prüfen Sie, ob Ihr Produkt nach den EU-Ausfuhrvorschriften ein Gut für digitale Überwachung sein könnte',
    interruption: 'Weiter zur Prüfung Ihrer Antworten',
    licence: /Genehmigung/,
    term: 'digitale Überwachung',
  },
  fr: {
    locale: 'fr-FR',
    title: 'Vérifiez si votre produit pourrait être un bien de cybersurveillance au sens des règles d’exportation de l’UE',
    interruption: 'Continuer vers la vérification de vos réponses',
    licence: /autorisation/,
    term: 'cybersurveillance',
  },
};

/** The Annex I screen's reference cases: the answers, and what must follow. */
const WALKS = [
  ['P13', 'LISTED', '4D004'],
  ['P15', 'LISTED', '5A004.a'],
  ['P19', 'LISTED', '4E001.c'],
  ['P20', 'INTRA-EU-LICENCE', '5A004.a'],
];

async function open(t, l) {
  const session = await openPage(env.browser, { locale: l.locale });
  t.after(() => session.context.close());
  const { page } = session;
  await page.goto(env.server.origin + '/');
  await ready(page);
  await assertAccessible(page, 'the start page');
  await page.locator('.cs-button-start').click();
  return session;
}

/** From the check-your-answers page to the outcome, checking both. */
async function result(page) {
  await page.locator('.cs-check').waitFor();
  await assertAccessible(page, 'check your answers');
  await page.locator('.cs-check > .cs-button').click();
  const outcome = page.locator('[data-outcome]');
  await outcome.waitFor();
  await assertAccessible(page, 'the outcome');
  return outcome;
}

for (const [code, l] of Object.entries(LANGUAGES)) {
  for (const [scenario, expected, entry] of WALKS) {
    test(`${code}: ${scenario} is ${expected} under ${entry}`, async (t) => {
      const { page, log } = await open(t, l);
      assert.equal(await page.locator('.cs').getAttribute('lang'), code);
      await answerWith(page, SCENARIOS[scenario]);
      const outcome = await result(page);
      assert.equal(await outcome.getAttribute('data-outcome'), expected);
      const cites = (await outcome.getAttribute('data-cites')).split(' ');
      assert.ok(cites.includes(entry), `${entry} in ${cites}`);
      const heading = await page.locator('h1').textContent();
      assert.match(heading, l.licence);
      assert.ok(heading.includes(entry), `the heading names ${entry}: ${heading}`);
      if (entry === '5A004.a') {
        // An Annex IV item: no general authorisation, and EU001 never offered,
        // though P15's destination is an EU001 country.
        assert.equal(await page.locator('[data-note="no-general-authorisation"]').count(), expected === 'LISTED' ? 1 : 0);
        assert.equal(await page.locator('[data-note^="eu001"]').count(), 0);
      }
      await screenshot(page, `outcome-${scenario.toLowerCase()}-${code}`);
      assert.deepEqual(log.errors, []);
    });
  }
}

test('each language\'s page describes itself in its own language, as its start page begins', async (t) => {
  for (const [code, { title }] of Object.entries(LANGUAGES)) {
    const { context, page } = await openPage(env.browser);
    t.after(() => context.close());
    await page.goto(`${env.server.origin}/${code === 'en' ? 'index' : `index.${code}`}.html`);
    await ready(page);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.equal(description, await page.locator('.cs-lead').textContent(), `${code}: the lead of the start page`);
    assert.equal(await page.locator('h1').textContent(), title, `${code}: a page in its language`);
  }
});

test('en: the start page is in English', async (t) => {
  const { page } = await open(t, LANGUAGES.en);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.locator('h1').textContent(), LANGUAGES.en.title);
});

test('de: P21, a letter from the authority on a military end use, needs a licence whatever the product', async (t) => {
  const l = LANGUAGES.de;
  const { page } = await open(t, l);
  await answerWith(page, SCENARIOS.P21);
  await page.locator('.cs-interruption').waitFor();
  await assertAccessible(page, 'the interruption');
  assert.match(await page.locator('.cs-interruption').textContent(), /Artikel 4 Absatz 1/);
  await page.getByRole('button', { name: l.interruption }).click();
  const outcome = await result(page);
  assert.equal(await outcome.getAttribute('data-outcome'), 'ART4-LICENCE');
  const cites = (await outcome.getAttribute('data-cites')).split(' ');
  for (const c of ['Art.4(1)', 'Art.3(2)']) assert.ok(cites.includes(c), `${c} in ${cites}`);
  assert.match(await page.locator('h1').textContent(), /Genehmigung/);
  await screenshot(page, 'outcome-p21-de');
});

for (const [code, l] of Object.entries(LANGUAGES).filter(([c]) => c !== 'en')) {
  test(`${code}: the start page, and the official term on an Article 5 outcome`, async (t) => {
    const { page } = await open(t, l);
    await page.locator('.cs-back').click();
    assert.equal(await page.locator('h1').textContent(), l.title);
    await page.locator('.cs-button-start').click();
    await answerWith(page, SCENARIOS.P6);
    const outcome = await result(page);
    assert.equal(await outcome.getAttribute('data-outcome'), 'ART5-DUE-DILIGENCE');
    assert.ok((await outcome.textContent()).includes(l.term), `the official term "${l.term}"`);
  });
}

/** The language packs a page fetched: their codes, in order. */
const packsFetched = (requests) =>
  requests.map((r) => new URL(r.url).pathname.match(/^\/texts-([a-z]+)-[0-9a-f]{16}\.txt$/)?.[1]).filter(Boolean);

test('a German browser fetches the German texts only', async (t) => {
  const { page, log } = await open(t, LANGUAGES.de);
  assert.equal(await page.locator('.cs').getAttribute('lang'), 'de');
  assert.deepEqual(packsFetched(log.requests), ['de']);
});

test('a German browser that opens the default page is in German from the first paint, and a link in English stays so', async (t) => {
  const session = await openPage(env.browser, { locale: 'de-DE' });
  t.after(() => session.context.close());
  const { context, page, log } = session;
  // The code is held back: what shows is the page as it arrived.
  await context.route('**/*.wasm', () => {});
  // Each document's first contentful paint, kept across the tab's documents.
  await context.addInitScript(() => {
    new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      const paints = JSON.parse(sessionStorage.getItem('paints') ?? '[]');
      paints.push({ page: location.pathname, lang: document.documentElement.lang, title: document.querySelector('h1')?.textContent });
      sessionStorage.setItem('paints', JSON.stringify(paints));
    }).observe({ type: 'paint' });
  });
  await page.goto(`${env.server.origin}/#v=1`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/index\.de\.html#v=1$/);
  await page.waitForFunction(() => sessionStorage.getItem('paints'));
  assert.deepEqual(
    JSON.parse(await page.evaluate(() => sessionStorage.getItem('paints'))),
    [{ page: '/index.de.html', lang: 'de', title: LANGUAGES.de.title }],
    'nothing painted before the German page',
  );
  const documents = log.requests.map((r) => new URL(r.url).pathname).filter((p) => p === '/' || p.endsWith('.html'));
  assert.deepEqual(documents, ['/', '/index.de.html'], 'sent on once');
  // A link that names English stays English.
  await page.goto(`${env.server.origin}/index.html#lang=en`, { waitUntil: 'domcontentloaded' });
  assert.match(page.url(), /\/index\.html#lang=en$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
});

test('the start page as it arrives is the first and largest paint: none comes after the widget takes it over, on a slow phone', async (t) => {
  // At 4× CPU the code is ready about when the page is first painted, when
  // building the page again too early made the browser count it as a later
  // largest paint (one load in four).
  for (let load = 0; load < 4; load++) {
    const { context, page } = await openPage(env.browser, { locale: 'de-DE', viewport: { width: 412, height: 823 }, isMobile: true });
    t.after(() => context.close());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.__largest = [];
      new PerformanceObserver((list) => window.__largest.push(...list.getEntries().map((e) => e.startTime))).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      });
      // When the widget takes the page over: the start page as it arrived leaves.
      new MutationObserver((records, observer) => {
        if (!records.some((r) => [...r.removedNodes].some((n) => n.classList?.contains('cs')))) return;
        window.__takenOver = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(`${env.server.origin}/index.de.html`);
    await ready(page);
    // Two frames after the start, for any paint of the rebuilt page to be recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { first, largest, takenOver } = await page.evaluate(() => ({
      first: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      largest: window.__largest,
      takenOver: window.__takenOver,
    }));
    const said = `load ${load + 1}: largest paints at ${largest} ms, the first paint at ${first}, taken over at ${takenOver}`;
    assert.ok(takenOver > 0, said);
    assert.ok(largest.length > 0 && largest.every((at) => at < takenOver), said);
    // And the first paint shows the whole of it (the page holds its first
    // paint until the start page is parsed).
    assert.deepEqual(largest, [first], said);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
  }
});

for (const page of ['index.de.html', 'embed.de.html']) {
  test(`${page} is in German from the first paint, before any code runs, and then fetches the German texts only`, async (t) => {
    // An English browser: the page alone decides.
    const session = await openPage(env.browser, { locale: 'en-GB' });
    t.after(() => session.context.close());
    const { context, page: tab, log } = session;
    // The code is held back: what shows is the page as it arrived.
    await context.route('**/*.wasm', () => {});
    await tab.goto(`${env.server.origin}/${page}`, { waitUntil: 'domcontentloaded' });
    assert.equal(await tab.locator('html').getAttribute('lang'), 'de');
    assert.equal(await tab.locator('h1').first().textContent(), LANGUAGES.de.title);
    assert.equal(await tab.locator('.cs[data-state="loading"]').getAttribute('lang'), 'de');
    // Its controls take no click before the code runs, which would undo it.
    await tab.locator('#cs-remember').scrollIntoViewIfNeeded();
    const box = await tab.locator('#cs-remember').boundingBox();
    await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await tab.locator('#cs-remember').isChecked(), false, 'a box ticked before the start');
    await context.unroute('**/*.wasm');
    await tab.reload();
    await ready(tab);
    assert.equal(await tab.locator('.cs').getAttribute('lang'), 'de');
    assert.equal(await tab.locator('h1').first().textContent(), LANGUAGES.de.title);
    const fetched = packsFetched(log.requests);
    assert.ok(fetched.length > 0 && fetched.every((code) => code === 'de'), `packs fetched: ${fetched}`);
    await assertAccessible(tab, `the start page of ${page}`);
  });
}

test('switching language mid-way fetches that language once, keeps every answer, and updates lang and title', async (t) => {
  const { page, log } = await open(t, LANGUAGES.en);
  assert.deepEqual(packsFetched(log.requests), ['en']);
  await answerWith(page, ['export', 'other', 'no', 'software+technology']);
  const sent = [];
  page.on('request', (r) => sent.push({ url: new URL(r.url()), method: r.method(), body: r.postData() }));
  await page.getByLabel('Language').selectOption('fr');
  await page.locator('.cs[lang="fr"]').waitFor();
  // The one request carries nothing of the user's: a fixed address, no
  // query, no body.
  assert.equal(sent.length, 1, `one request: ${sent.map((r) => r.url)}`);
  assert.match(sent[0].url.pathname, /^\/texts-fr-[0-9a-f]{16}\.txt$/);
  assert.deepEqual([sent[0].method, sent[0].url.search, sent[0].body], ['GET', '', null]);
  const title = await page.locator('legend h1').textContent();
  assert.match(title, /logiciel/);
  // The tab's title follows once the page is painted.
  await page.waitForFunction((t) => document.title.startsWith(t), title);
  await page.locator('.cs-back').click();
  assert.equal(await page.locator('input[value="software"]').isChecked(), true);
  assert.equal(await page.locator('input[value="technology"]').isChecked(), true);
  await page.getByLabel('Langue').selectOption('de');
  await page.locator('.cs[lang="de"]').waitFor();
  await page.locator('.cs-back').click();
  assert.equal(await page.locator('input[value="no"]').isChecked(), true);
  // Back to a language already here: nothing more to fetch.
  await page.getByLabel('Sprache').selectOption('en');
  await page.locator('.cs[lang="en"]').waitFor();
  assert.deepEqual(packsFetched(sent.map((r) => ({ url: r.url.href }))), ['fr', 'de']);
  assert.deepEqual(log.errors, []);
});

test('when another language cannot be loaded, the check says so and stays as it was', async (t) => {
  // The French texts arrive changed, so their integrity check fails.
  const server = await serve({ tamper: [[/texts-fr-[0-9a-f]+\.txt$/, (body) => Buffer.concat([body, Buffer.from('x')])]] });
  t.after(() => server.close());
  const { context, page } = await openPage(env.browser, { locale: 'en-GB' });
  t.after(() => context.close());
  await page.goto(server.origin + '/');
  await ready(page);
  await page.locator('.cs-button-start').click();
  await answerWith(page, ['export', 'other', 'no']);
  const question = await page.locator('legend h1').textContent();
  await page.getByLabel('Language').selectOption('fr');
  const notice = page.getByText('The texts in Français could not be loaded, so the check stays in English. Your answers are kept.');
  await notice.waitFor();
  assert.equal(await page.locator('.cs').getAttribute('lang'), 'en');
  assert.equal(await page.getByLabel('Language').inputValue(), 'en', 'the list shows the language in use');
  assert.equal(await page.locator('legend h1').textContent(), question, 'the same question, in English');
  await page.locator('.cs-back').click();
  assert.equal(await page.locator('input[value="no"]').isChecked(), true);
  await assertAccessible(page, 'the notice that a language could not be loaded');
});
