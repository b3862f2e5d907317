// Every page of the widget ends with the rules' version and day, who
// publishes it and a link to its accessibility statement, which opens in a
// new tab (the answers stay) on a page of the reader's language that runs
// no code and passes the same accessibility checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, assertAccessible, answerWith, screenshot, SCENARIOS } from './harness.mjs';

const env = setup();

const LANGUAGES = {
  en: {
    page: '/',
    footer: /^Rules version \d{4}\.\d{2}\.\d{2}-\d+, last updated \d{1,2} [A-Z][a-z]+ \d{4} · Published by the cyberscreen project · Accessibility statement$/,
    link: 'Accessibility statement',
    statement: 'accessibility.html',
    title: 'Accessibility statement for the cyberscreen widget',
    sections: ['Compliance status', 'How this relates to EN 301 549', 'How it was tested', 'Known limits', 'Feedback and contact'],
  },
  de: {
    page: '/index.de.html',
    footer: /^Regelstand \d{4}\.\d{2}\.\d{2}-\d+, zuletzt aktualisiert am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4} · Herausgegeben vom cyberscreen-Projekt · Erklärung zur Barrierefreiheit$/,
    link: 'Erklärung zur Barrierefreiheit',
    statement: 'accessibility.de.html',
    title: 'Erklärung zur Barrierefreiheit des Widgets cyberscreen',
    sections: ['Stand der Vereinbarkeit mit den Anforderungen', 'Verhältnis zu EN 301 549', 'Bekannte Einschränkungen'],
  },
  fr: {
    page: '/index.fr.html',
    footer: /^Version des règles \d{4}\.\d{2}\.\d{2}-\d+, mise à jour le \d{1,2} [a-zéû]+ \d{4} · Publié par le projet cyberscreen · Déclaration d’accessibilité$/,
    link: 'Déclaration d’accessibilité',
    statement: 'accessibility.fr.html',
    title: 'Déclaration d’accessibilité du widget cyberscreen',
    sections: ['État de conformité', 'Méthode d’évaluation', 'Limites connues'],
  },
};

/** Follows the footer's link: a new tab with the statement, checked. */
async function statement(t, context, page, expected) {
  const link = page.getByRole('link', { name: expected.link, exact: true });
  assert.equal(await link.getAttribute('href'), expected.statement);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.equal(new URL(tab.url()).pathname, `/${expected.statement}`);
  const lang = Object.keys(LANGUAGES).find((code) => LANGUAGES[code] === expected);
  assert.equal(await tab.locator('html').getAttribute('lang'), lang);
  assert.equal(await tab.locator('h1').textContent(), expected.title);
  assert.equal(await tab.title(), await tab.locator('h1').textContent(), 'the title is the heading');
  for (const name of expected.sections) {
    await tab.getByRole('heading', { level: 2, name }).waitFor();
  }
  assert.equal(await tab.locator('script').count(), 0, 'the statement runs no code');
  assert.ok((await tab.locator('meta[name="description"]').getAttribute('content')).length > 80);
  await assertAccessible(tab, `the ${lang} statement`);
  return tab;
}

for (const [lang, expected] of Object.entries(LANGUAGES)) {
  test(`${lang}: the start page's footer names the rules, the day and the publisher, and links to the statement`, async (t) => {
    const { context, page, log } = await openPage(env.browser);
    t.after(() => context.close());
    await page.goto(env.server.origin + expected.page);
    await ready(page);
    assert.match((await page.locator('.cs-footer').textContent()).trim(), expected.footer);
    const loaded = log.requests.length;
    const tab = await statement(t, context, page, expected);
    if (lang === 'en') await screenshot(tab, 'accessibility-statement');
    // Only the new tab asked for anything: the widget's page is as it was.
    assert.ok(log.requests.slice(loaded).every(({ url }) => !url.includes('#') && new URL(url).origin === env.server.origin));
    assert.equal(await page.locator('.cs[data-state="ready"]').count(), 1);
  });
}

test('the footer is on every page of a walk, and the answers stay when the statement is opened', async (t) => {
  const { context, page } = await openPage(env.browser);
  t.after(() => context.close());
  await page.goto(env.server.origin + '/');
  await ready(page);
  await page.locator('.cs-button-start').click();
  await page.locator('legend h1').waitFor();
  assert.match(await page.locator('.cs-footer').textContent(), LANGUAGES.en.footer);
  await answerWith(page, SCENARIOS.P1, { axe: false });
  await page.getByRole('heading', { level: 1, name: 'Check your answers before you see your result' }).waitFor();
  assert.match(await page.locator('.cs-footer').textContent(), LANGUAGES.en.footer);
  await page.getByRole('button', { name: 'See your result' }).click();
  const outcome = page.locator('[data-outcome="LISTED"]');
  await outcome.waitFor();
  assert.match(await page.locator('.cs-footer').textContent(), LANGUAGES.en.footer);
  const tab = await statement(t, context, page, LANGUAGES.en);
  await tab.close();
  assert.equal(await outcome.count(), 1, 'the result is still there');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.cs-footer').isVisible(), false, 'the record has its own line on the rules');
});
