// The result page beyond its first screen: the Member State list follows
// the reader's alphabet; the printed record keeps what the page folds; the
// marks of what was not checked are quiet but heard; the share link can be
// copied; the record names what it is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, assertAccessible, answerWith, SCENARIOS } from './harness.mjs';
import { PATHS, begin as open, reach, bottom } from './results.mjs';

const env = setup();
const begin = (t, options) => open(env, t, options);

for (const [code, locale] of [['de', 'de-DE'], ['fr', 'fr-FR']]) {
  test(`${code}: the Member States are listed in the order of their ${code} names`, async (t) => {
    const { page } = await begin(t, { locale });
    await reach(page, PATHS.LISTED);
    const names = await page.locator('#cs-member-state option:not([value=""])').allTextContents();
    assert.equal(names.length, 27);
    const sorted = [...names].sort(new Intl.Collator(code).compare);
    assert.deepEqual(names, sorted);
  });
}

test('the printed result keeps what the page folds', async (t) => {
  const { page } = await begin(t);
  await reach(page, SCENARIOS.P9);
  const outcome = page.locator('[data-outcome]');
  assert.ok((await outcome.locator('details:not([open])').count()) >= 3, 'more to do, what would change it, the answers');
  // What would change the result, more on what to do, the answers.
  const folded = ['.cs-changes', '.cs-details-text p', '.cs-answers .cs-summary'];
  for (const selector of folded) {
    assert.equal(await outcome.locator(selector).first().isVisible(), false, `${selector} is folded on the screen`);
  }
  await page.emulateMedia({ media: 'print' });
  for (const selector of folded) {
    assert.equal(await outcome.locator(selector).first().isVisible(), true, `${selector} is printed`);
  }
  assert.match(await outcome.innerText(), /Instead of “I'm not sure”/);
});

test('each statement not checked carries a small mark that says its word to screen readers, explained once above the sources', async (t) => {
  const { page } = await begin(t);
  await reach(page, SCENARIOS.P9);
  const outcome = page.locator('[data-outcome]');
  const note = outcome.locator('.cs-marks-note');
  assert.equal(await note.count(), 1, 'one note on the page');
  assert.match(await note.textContent(), /^\* known through a secondary source only; \? could not be checked/);
  const sources = outcome.locator('.cs-cites').last();
  const [noteBottom, sourcesTop] = await Promise.all([
    note.evaluate((el) => el.getBoundingClientRect().bottom),
    sources.evaluate((el) => el.getBoundingClientRect().top),
  ]);
  assert.ok(noteBottom <= sourcesTop, 'the note comes before the list it explains');
  // The guidelines' section 1.2.1 could not be checked: its link is
  // followed by the symbol, which a screen reader reads as the word.
  const item = sources.locator('li', { hasText: 'section 1.2.1' });
  const mark = item.locator('.cs-mark');
  assert.equal(await mark.textContent(), '?');
  assert.equal(await mark.getAttribute('aria-hidden'), 'true', 'the symbol is not read out');
  assert.equal(await mark.getAttribute('title'), 'unverified');
  assert.match(await item.ariaSnapshot(), /section 1\.2\.1[\s\S]*text: \(unverified\)/, 'the word is heard');
  const seen = await outcome.locator('.cs-mark').allTextContents();
  assert.ok(seen.length > 3 && seen.every((w) => w === '*' || w === '?'), `only symbols are seen: ${seen}`);
  assert.ok(seen.includes('*'), 'a secondary source is marked too');
});

test('"Copy link" puts the share link on the clipboard and says so to screen readers', async (t) => {
  const { page, context } = await begin(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await reach(page, SCENARIOS.P22);
  const status = page.locator('.cs-copy-status[role="status"]');
  assert.equal(await status.textContent(), '');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.', { exact: false }).waitFor();
  const link = await page.locator('#cs-share-link').inputValue();
  assert.ok(link.includes('#'), link);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await assertAccessible(page, 'the share link copied');
});

test('where the browser refuses to copy, the link is selected and the user told how to copy it', async (t) => {
  const { page } = await begin(t);
  await reach(page, SCENARIOS.P22);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('did not allow copying', { exact: false }).waitFor();
  const selected = await page.evaluate(() => {
    const input = document.activeElement;
    return input?.id === 'cs-share-link' && input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  assert.ok(selected, 'the link is focused and selected');
});

test('what the record is about is printed, in both files and their names, and comes back on import', async (t) => {
  const { page } = await begin(t);
  await reach(page, SCENARIOS.P1);
  const fields = {
    'Product name and version': 'CellScout 4.2',
    'Your internal reference': 'EX-2026-17',
    'Customer': 'Policía Federal, Brasília',
    'Destination country': 'Brazil',
    'Check made by': 'A. Export-Manager',
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  // A field is taken when it is left.
  await page.keyboard.press('Tab');
  await assertAccessible(page, 'the record fields filled');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('[data-outcome]').innerText();
  for (const [label, value] of Object.entries(fields)) assert.ok(printed.includes(`${label}\n${value}`), `printed: ${label}`);
  await page.emulateMedia({ media: 'screen' });

  const { readFile } = await import('node:fs/promises');
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8'), path: await download.path() };
  };
  const md = await save('Download the record (Markdown)');
  assert.match(md.name, /^cyberscreen-record-cellscout-4-2-\d{4}-\d{2}-\d{2}\.md$/);
  for (const [label, value] of Object.entries(fields)) assert.ok(md.text.includes(`- ${label}: ${value}`), `Markdown: ${label}`);
  const json = await save('Download the answers (JSON)');
  assert.match(json.name, /^cyberscreen-record-cellscout-4-2-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(JSON.parse(json.text).about, {
    product: 'CellScout 4.2', reference: 'EX-2026-17', customer: 'Policía Federal, Brasília', destination: 'Brazil', checked_by: 'A. Export-Manager',
  });

  // The link that keeps these answers comes before the button that leaves them.
  const restart = page.getByRole('button', { name: 'Start again' });
  assert.ok(
    await page.locator('.cs-share').evaluate((share, button) => !!(share.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING), await restart.elementHandle()),
    'the share box comes before "Start again"',
  );
  await restart.click();
  await page.getByLabel('Import a record (JSON file)').setInputFiles(json.path);
  await page.locator('.cs-check > .cs-button').click();
  await page.locator('[data-outcome="LISTED"]').waitFor();
  for (const [label, value] of Object.entries(fields)) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, `imported: ${label}`);
  // Nothing of it is in the share link, nor stored.
  const link = await page.locator('#cs-share-link').inputValue();
  assert.doesNotMatch(decodeURIComponent(link), /CellScout|EX-2026|Brasília/);
});

test('what the record is about goes into the share link only when the user ticks it, and comes back from that link', async (t) => {
  const { page, context } = await begin(t);
  await reach(page, SCENARIOS.P1);
  const share = page.locator('#cs-share-link');
  const tick = page.getByLabel('Also put in the link what this check is about', { exact: false });
  assert.equal(await tick.count(), 0, 'offered only once something is filled in');
  const fields = { 'Product name and version': 'CellScout 4.2 & “Ü” #1', 'Customer': 'Policía Federal, Brasília' };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.keyboard.press('Tab');
  assert.equal(await tick.isChecked(), false, 'not chosen for the user');
  assert.doesNotMatch(decodeURIComponent(await share.inputValue()), /CellScout|Brasília/);
  await tick.check();
  await assertAccessible(page, 'the share link with what the check is about');
  const link = await share.inputValue();
  const fragment = link.split('#')[1];
  assert.match(fragment, /&product=CellScout%204\.2%20%26%20%E2%80%9C%C3%9C%E2%80%9D%20%231&/);
  assert.doesNotMatch(fragment, /[ "#]/, 'every character a URL gives a meaning to is escaped');
  await tick.uncheck();
  assert.doesNotMatch(decodeURIComponent(await share.inputValue()), /CellScout|Brasília/);

  // Opened elsewhere, the link restores the answers and the fields.
  const other = await context.newPage();
  await other.goto(link);
  await other.locator('.cs[data-state="ready"]').waitFor();
  await other.locator('.cs-check > .cs-button').click();
  await other.locator('[data-outcome="LISTED"]').waitFor();
  for (const [label, value] of Object.entries(fields)) assert.equal(await other.getByLabel(label, { exact: true }).inputValue(), value, `from the link: ${label}`);
  await other.close();
});

test('choosing a Member State on the result shows its authority below the choice, with the mark of a contact from a secondary source explained there', async (t) => {
  const { page } = await begin(t);
  const outcome = await reach(page, PATHS.LISTED);
  assert.equal(await outcome.locator('.cs-cites .cs-mark').count(), 0, 'no source of this result is marked');
  const select = page.locator('#cs-member-state');
  await select.selectOption('CY');
  const authority = page.locator('.cs-authority');
  await authority.waitFor();
  assert.ok((await bottom(select)) <= (await authority.evaluate((el) => el.getBoundingClientRect().top)), 'the choice stays above what it shows');
  const contact = authority.locator('.cs-contacts li', { hasText: 'Apply for an authorisation' });
  assert.equal(await contact.locator('.cs-mark').textContent(), '*');
  assert.match(await authority.locator('.cs-marks-note').textContent(), /^\* known through a secondary source only/);
  await select.selectOption('DE');
  await page.locator('.cs-authority', { hasText: 'BAFA' }).waitFor();
  assert.equal(await authority.locator('.cs-marks-note').count(), 0, 'nothing to explain for Germany');
  await assertAccessible(page, 'the result with a Member State chosen');
});

test('the Member State is asked before the result, and the result names its authority from the first screen', async (t) => {
  const { page } = await begin(t, { viewport: { width: 390, height: 844 } });
  await answerWith(page, SCENARIOS.P22, { axe: false });
  await page.locator('.cs-check').waitFor();
  const select = page.getByLabel('Your EU Member State (where your business is established)');
  await select.selectOption('AT');
  await assertAccessible(page, 'check your answers with the Member State');
  await page.locator('.cs-check > .cs-button').click();
  await page.locator('[data-outcome="NOT-CSI"]').waitFor();
  const line = page.locator('.cs-verdict-authority');
  assert.match(await line.textContent(), /^Your authority \(Austria\): /);
  assert.ok((await bottom(line)) <= 844, 'on the first screen');
  assert.equal(await page.getByLabel('Your EU Member State (where your business is established)').inputValue(), 'AT', 'and changeable on the result');
  // Kept in the link with the answers.
  assert.match(await page.locator('#cs-share-link').inputValue(), /ms=AT/);
});
