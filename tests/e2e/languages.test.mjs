// The check in English, German and French: the browser's language picks the
// table, the reference scenarios of the Annex I screen walk to the same
// outcomes and entries in each, axe passes on every page state, and
// switching language mid-way keeps every answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, screenshot, assertAccessible, answerWith, SCENARIOS } from './harness.mjs';

const env = setup();

const LANGUAGES = {
  en: {
    locale: 'en-GB',
    title: 'Check if your product could be a cyber-surveillance item under EU export rules',
    interruption: 'Continue to your result',
    licence: /authorisation \(licence\) is required/,
    term: 'cyber-surveillance',
  },
  de: {
    locale: 'de-DE',
    title: 'Prüfen Sie, ob Ihr Produkt nach den EU-Ausfuhrvorschriften ein Gut für digitale Überwachung sein könnte',
    interruption: 'Weiter zu Ihrem Ergebnis',
    licence: /Genehmigung/,
    term: 'digitale Überwachung',
  },
  fr: {
    locale: 'fr-FR',
    title: 'Vérifiez si votre produit pourrait être un bien de cybersurveillance au sens des règles d’exportation de l’UE',
    interruption: 'Continuer vers votre résultat',
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

test('en: the start page is in English', async (t) => {
  const { page } = await open(t, LANGUAGES.en);
  await page.getByRole('button', { name: 'Back' }).click();
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

test('switching language mid-way keeps every answer and updates lang and title', async (t) => {
  const { page } = await open(t, LANGUAGES.en);
  await answerWith(page, ['export', 'other', 'no', 'software+technology']);
  await page.getByLabel('Language').selectOption('fr');
  assert.equal(await page.locator('.cs').getAttribute('lang'), 'fr');
  const title = await page.locator('legend h1').textContent();
  assert.match(title, /logiciel/);
  // The tab's title follows once the page is painted.
  await page.waitForFunction((t) => document.title.startsWith(t), title);
  await page.locator('.cs-back').click();
  assert.equal(await page.locator('input[value="software"]').isChecked(), true);
  assert.equal(await page.locator('input[value="technology"]').isChecked(), true);
  await page.getByLabel('Langue').selectOption('de');
  await page.locator('.cs-back').click();
  assert.equal(await page.locator('input[value="no"]').isChecked(), true);
});
