// The check in German and French: the browser's language picks the table,
// the scenarios walk to the same outcomes, axe passes in each language, and
// switching language mid-way keeps every answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, screenshot, assertAccessible } from './harness.mjs';

const env = setup();

const LANGUAGES = {
  de: {
    locale: 'de-DE',
    title: 'Prüfen Sie, ob Ihr Produkt nach den EU-Ausfuhrvorschriften ein Gut für digitale Überwachung sein könnte',
    start: 'Jetzt starten',
    next: 'Weiter',
    check: 'Ergebnis anzeigen',
    interruption: 'Weiter zu Ihrem Ergebnis',
    listed: /Genehmigung ist erforderlich.*5A001\.f/,
    notify: 'Sie müssen Ihre nationale Behörde vor der Ausfuhr unterrichten',
    term: 'Güter für digitale Überwachung',
  },
  fr: {
    locale: 'fr-FR',
    title: 'Vérifiez si votre produit pourrait être un bien de cybersurveillance au sens des règles d’exportation de l’UE',
    start: 'Commencer',
    next: 'Continuer',
    check: 'Voir votre résultat',
    interruption: 'Continuer vers votre résultat',
    listed: /autorisation est requise.*5A001\.f/,
    notify: 'Vous devez informer votre autorité nationale avant d’exporter',
    term: 'biens de cybersurveillance',
  },
};

async function walk(page, l, values) {
  await page.getByRole('button', { name: l.start }).click();
  for (const value of values) {
    await page.locator('legend h1').waitFor();
    await assertAccessible(page, `a question (${value})`);
    await page.locator(`input[type=radio][value="${value}"]`).check();
    await page.getByRole('button', { name: l.next, exact: true }).click();
  }
}

for (const [code, l] of Object.entries(LANGUAGES)) {
  test(`${code}: the browser's language is used, and P1 is listed under 5A001.f`, async (t) => {
    const { context, page, log } = await openPage(env.browser, { locale: l.locale });
    t.after(() => context.close());
    await page.goto(env.server.origin + '/');
    await ready(page);
    assert.equal(await page.locator('.cs').getAttribute('lang'), code);
    assert.equal(await page.locator('h1').textContent(), l.title);
    await assertAccessible(page, 'the start page');
    await walk(page, l, ['export', 'no', 'interception', 'yes']);
    await assertAccessible(page, 'check your answers');
    await page.getByRole('button', { name: l.check }).click();
    const outcome = page.locator('[data-outcome]');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'LISTED');
    assert.match(await page.locator('h1').textContent(), l.listed);
    await assertAccessible(page, 'the outcome');
    await screenshot(page, `outcome-listed-${code}`);
    assert.deepEqual(log.errors, []);
  });

  test(`${code}: P7 reaches the notification duty through its interruption`, async (t) => {
    const { context, page } = await openPage(env.browser, { locale: l.locale });
    t.after(() => context.close());
    await page.goto(env.server.origin + '/');
    await ready(page);
    await walk(page, l, ['export', 'no', 'none_of_these', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
    await page.locator('.cs-interruption').waitFor();
    await assertAccessible(page, 'the interruption');
    await page.getByRole('button', { name: l.interruption }).click();
    await page.getByRole('button', { name: l.check }).click();
    const outcome = page.locator('[data-outcome]');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'ART5-NOTIFY');
    assert.equal(await page.locator('h1').textContent(), l.notify);
    assert.ok((await outcome.textContent()).includes(l.term), `the official term "${l.term}"`);
    await assertAccessible(page, 'the outcome');
    await screenshot(page, `outcome-notify-${code}`);
  });
}

test('switching language mid-way keeps every answer and updates lang and title', async (t) => {
  const { context, page } = await openPage(env.browser, { locale: 'en-GB' });
  t.after(() => context.close());
  await page.goto(env.server.origin + '/');
  await ready(page);
  await walk(page, { start: 'Start now', next: 'Continue' }, ['export', 'no']);
  await page.getByLabel('Language').selectOption('fr');
  assert.equal(await page.locator('.cs').getAttribute('lang'), 'fr');
  assert.equal(await page.locator('legend h1').textContent(), 'Laquelle de ces descriptions correspond le mieux à votre produit ?'.replace(' ?', '\u00a0?'));
  // The tab's title follows once the page is painted.
  await page.waitForFunction(() => document.title.startsWith('Laquelle de ces descriptions'));
  await page.getByRole('button', { name: 'Retour' }).click();
  assert.equal(await page.locator('input[value="no"]').isChecked(), true);
  await page.getByLabel('Langue').selectOption('de');
  await page.getByRole('button', { name: 'Zurück' }).click();
  assert.equal(await page.locator('input[value="export"]').isChecked(), true);
});
