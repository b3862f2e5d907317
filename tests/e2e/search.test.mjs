// On an Annex I screen, a search box filters the descriptions by the
// reader's own words, in each language, whatever the case or accents, all in
// the browser. "None of these" needs every description read, so it waits
// until the search is cleared; what is ticked is never hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, assertAccessible, answerWith, screenshot } from './harness.mjs';

const env = setup();

/** The equipment screen, in the page's language. */
async function screen(t, path = '/') {
  const session = await openPage(env.browser);
  t.after(() => session.context.close());
  await session.page.goto(env.server.origin + path);
  await ready(session.page);
  await session.page.locator('.cs-button-start').click();
  await answerWith(session.page, ['export', 'other', 'no', 'equipment'], { axe: false });
  await session.page.locator('input[value="cryptanalysis"]').waitFor();
  return session;
}

const visible = (page) =>
  page.locator('.cs-checkboxes .cs-checkbox-input').evaluateAll((inputs) =>
    inputs.filter((i) => i.checkVisibility()).map((i) => i.value),
  );

// Waits until the search's live region says `expected` (text or pattern).
const announced = (page, expected) => page.waitForFunction(
  ([source, flags]) => new RegExp(source, flags).test(document.querySelector('.cs-search-status').textContent),
  expected instanceof RegExp
    ? [expected.source, expected.flags]
    : [`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''],
  { timeout: 5000 },
);

test('typing filters the descriptions, says how many match, and keeps what is ticked', async (t) => {
  const { page, log } = await screen(t);
  const loaded = log.requests.length;
  const box = page.getByLabel('Find a description in your own words');
  const status = page.locator('.cs-search-status');
  assert.equal(await status.textContent(), '', 'nothing said before a search');
  // The count is said once typing pauses, in one change of the live region.
  await page.evaluate(() => {
    window.statusChanges = 0;
    new MutationObserver(() => { window.statusChanges += 1; })
      .observe(document.querySelector('.cs-search-status'), { childList: true, characterData: true, subtree: true });
  });
  await box.pressSequentially('IMSI', { delay: 60 });
  assert.deepEqual(await visible(page), ['mobile', 'not_sure'], 'the descriptions are filtered at once');
  await announced(page, 'Descriptions matching “IMSI”: 1 of 6.');
  assert.equal(await page.evaluate(() => window.statusChanges), 1, 'not one announcement per key');
  assert.equal(await status.getAttribute('role'), 'status', 'the count is announced');
  assert.match(await page.locator('.cs-checkboxes').textContent(), /To answer “None of these could fit the equipment”, clear the search/);
  await assertAccessible(page, 'the screen filtered');
  await screenshot(page, 'screen-search');
  // Enter searches; it does not answer the question.
  await box.press('Enter');
  assert.equal(await page.locator('.cs-error-summary').count(), 0);
  await page.getByLabel(/Intercepts mobile calls/).check();
  await box.fill('password recovery');
  assert.deepEqual(await visible(page), ['cryptanalysis', 'mobile', 'not_sure'], 'the ticked item stays in view');
  await announced(page, 'Descriptions matching “password recovery”: 1 of 6.'); // what matches is counted, not what is kept
  // Unticked, it stays until the search changes: focus is not lost.
  const mobile = page.getByLabel(/Intercepts mobile calls/);
  await mobile.uncheck();
  assert.equal(await mobile.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'mobile');
  await mobile.check();
  await box.fill('satellite');
  await announced(page, /^No description matches “satellite”\. The law may use other words than yours/);
  await box.fill('');
  assert.deepEqual(await visible(page), ['cryptanalysis', 'intrusion', 'mobile', 'ip_network', 'forensic', 'development', 'none', 'not_sure']);
  assert.equal(await page.getByLabel(/Intercepts mobile calls/).isChecked(), true);
  assert.equal(log.requests.length, loaded, 'searching asks nothing of any server');
  // The next question starts without a search.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('legend h1').waitFor();
  assert.equal(await page.getByLabel('Find a description in your own words').count(), 0, 'only an Annex I screen has one');
});

test('"Continue" while the search hides descriptions shows them all first, as each left unticked counts as "no"', async (t) => {
  const { page } = await screen(t);
  await page.getByLabel('Find a description in your own words').fill('IMSI');
  await page.getByLabel(/Intercepts mobile calls/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Every description is shown again' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /read them all before you continue, as each one left unticked counts as “no”/);
  assert.equal(await page.locator('legend h1').textContent(), 'Which of these could describe the equipment, whatever it is used for?', 'still the screen');
  assert.equal(await page.getByLabel('Find a description in your own words').inputValue(), '');
  assert.equal((await visible(page)).length, 8, 'every description and both answers that stand alone');
  assert.equal(await page.getByLabel(/Intercepts mobile calls/).isChecked(), true, 'the tick stays');
  await assertAccessible(page, 'the screen shown again in full');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('legend h1', { hasNotText: 'Which of these could describe the equipment' }).waitFor();
});

for (const [path, label, query, expected] of [
  ['/index.de.html', 'Beschreibung mit eigenen Worten finden', 'uberwindet PASSWÖRTER', ['cryptanalysis']],
  ['/index.fr.html', 'Trouver une description avec vos propres mots', 'pare-feu', ['intrusion']],
  // The names a product goes by in trade, which its entry does not use.
  ['/', 'Find a description in your own words', 'jammer', ['mobile']],
  ['/', 'Find a description in your own words', 'deep packet inspection', ['ip_network']],
  ['/index.de.html', 'Beschreibung mit eigenen Worten finden', 'Störsender', ['mobile']],
  ['/index.de.html', 'Beschreibung mit eigenen Worten finden', 'trojaner', ['intrusion']],
  ['/index.fr.html', 'Trouver une description avec vos propres mots', 'logiciel espion', ['intrusion']],
]) {
  test(`${path}, “${query}”: the search reads the page's language, whatever the accents and case`, async (t) => {
    const { page } = await screen(t, path);
    await page.getByLabel(label).fill(query);
    assert.deepEqual(await visible(page), [...expected, 'not_sure']);
    await assertAccessible(page, `the ${path} screen filtered`);
  });
}
