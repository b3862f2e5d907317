// Reference scenarios walked in the browser as a user would: by the labels
// they see, with axe-core on every page state and a count of requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, screenshot, assertAccessible, choose, answerWith, SCENARIOS } from './harness.mjs';

const env = setup();

const EXPORT = 'Export it out of the EU: ship, carry, send, make available online, or pass it on in training or support';
const ELSEWHERE = 'Another country outside the EU';
const NO_LETTER = 'No, we have had no such letter';

/** Opens the widget and starts the check; returns the page and its log. */
async function begin(t) {
  const session = await openPage(env.browser);
  t.after(() => session.context.close());
  await session.page.goto(env.server.origin + '/');
  await ready(session.page);
  await assertAccessible(session.page, 'start page');
  session.loaded = session.log.requests.length;
  await session.page.getByRole('button', { name: 'Start now' }).click();
  return session;
}

/** Chooses an answer by its visible label and continues. */
async function answer(page, label) {
  await page.locator('legend h1').waitFor();
  await assertAccessible(page, await page.locator('legend h1').textContent());
  await choose(page, label);
}

/** Waits until the page shown has been painted: its history entry is made then. */
async function painted(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** From the check-your-answers page to the result. */
async function seeResult(page) {
  await page.getByRole('heading', { level: 1, name: 'Check your answers before you see your result' }).waitFor();
  await assertAccessible(page, 'check your answers');
  await page.getByRole('button', { name: 'See your result' }).click();
}

async function outcome(session, expected, cited) {
  const { page, log } = session;
  await seeResult(page);
  const container = page.locator('[data-outcome]');
  await container.waitFor();
  assert.equal(await container.getAttribute('data-outcome'), expected);
  const cites = (await container.getAttribute('data-cites')).split(' ');
  for (const c of cited) assert.ok(cites.includes(c), `${c} in ${cites}`);
  await assertAccessible(page, `outcome ${expected}`);
  assert.deepEqual(log.errors, [], 'no console or page error');
  assert.equal(log.requests.length, session.loaded, 'no request after the page loaded');
  return page;
}

test('P1: an IMSI catcher for a foreign police force is listed under 5A001.f.2', async (t) => {
  const s = await begin(t);
  await answer(s.page, EXPORT);
  await answer(s.page, ELSEWHERE);
  await answer(s.page, NO_LETTER);
  await tick(s.page, ['Equipment (hardware)']);
  await tick(s.page, ['Intercepts mobile calls, messages or phone identifiers over the air (such as an IMSI catcher), jams mobile networks selectively, or detects such equipment (5A001.f)']);
  await answer(s.page, 'It intercepts identifiers such as IMSI or IMEI, signalling or other metadata over the air (f.2)');
  await answer(s.page, 'No');
  const page = await outcome(s, 'LISTED', ['5A001.f.2', 'Art.3(1)']);
  assert.match(await page.locator('h1').textContent(), /5A001\.f\.2/);
  await screenshot(page, 'outcome-listed');
});

/** Ticks items of a checklist by their labels and continues. */
async function tick(page, labels) {
  await page.locator('legend h1').waitFor();
  await assertAccessible(page, await page.locator('legend h1').textContent());
  for (const label of labels) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('P13, read literally: a red-team framework is listed under 4D004, whatever the vendor calls it', async (t) => {
  const s = await begin(t);
  await answer(s.page, EXPORT);
  await answer(s.page, ELSEWHERE);
  await answer(s.page, NO_LETTER);
  await tick(s.page, ['Software']);
  await tick(s.page, ['Generates, delivers or commands software built to get past antivirus, endpoint protection, firewalls or exploit protections, including penetration-testing, red-team and command-and-control frameworks (4D004)']);
  await answer(s.page, 'Yes');
  await answer(s.page, 'No');
  await answer(s.page, 'No');
  const page = await outcome(s, 'LISTED', ['4D004', 'AnnexII.G']);
  assert.match(await page.locator('h1').textContent(), /4D004/);
  assert.equal(await page.locator('[data-note="eu007-excluded"]').count(), 1);
});

/** With the keyboard only: from the question's heading, Tab to the answers,
 * arrow down to the one wanted, Enter to continue. */
async function answerByKeyboard(page, position) {
  await page.locator('legend h1').waitFor();
  await assertAccessible(page, await page.locator('legend h1').textContent());
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'cs-title', 'focus is on the question');
  await page.keyboard.press('Tab');
  // The first arrow press from an unanswered group selects the next answer:
  // Space selects the first.
  await page.keyboard.press('Space');
  for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('P5 with the keyboard only: an openly installed parental-control app is not a cyber-surveillance item', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await page.locator('legend h1').waitFor();
  await answerByKeyboard(page, 0); // Export it out of the EU
  await answerByKeyboard(page, 3); // Another country outside the EU
  await answerByKeyboard(page, 3); // No, we have had no such letter
  await tickByKeyboard(page, 1); // Software
  await tickByKeyboard(page, 6, { screen: true }); // None of these could fit the software
  await answerByKeyboard(page, 1); // No military or weapons end use known
  await answerByKeyboard(page, 0); // Yes: specially designed to monitor a child
  await answerByKeyboard(page, 1); // No: not covert, a permanent notification shows
  await tickByKeyboard(page, 6); // None of the types of section 2.2
  await page.getByRole('heading', { name: 'Check your answers before you see your result' }).waitFor();
  await assertAccessible(page, 'check your answers');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'cs-title');
  // Tab past the nine "Change" buttons to the Member State, then on to
  // "See your result".
  for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'cs-member-state');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'See your result');
  await page.keyboard.press('Enter');
  const container = page.locator('[data-outcome]');
  await container.waitFor();
  assert.equal(await container.getAttribute('data-outcome'), 'NOT-CSI');
  assert.ok((await container.getAttribute('data-cites')).split(' ').includes('Art.2(20)'));
  await assertAccessible(page, 'the outcome');
});

/** With the keyboard only, on a checklist: Tab to the box wanted, Space to
 * tick it, Enter to continue. */
async function tickByKeyboard(page, position, { screen = false } = {}) {
  await page.locator('legend h1').waitFor();
  await assertAccessible(page, await page.locator('legend h1').textContent());
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'cs-title', 'focus is on the question');
  // An Annex I screen's search box comes before its descriptions.
  if (screen) {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
  }
  for (let i = 0; i <= position; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

test('an exporter who knows of a military end use is told to notify under Article 4(2), whatever the product', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answerWith(page, ['export', 'other', 'no', 'equipment', 'none']);
  await page.locator('legend h1', { hasText: 'Are you aware that the items are intended' }).waitFor();
  await answer(page, 'Yes');
  await page.locator('.cs-interruption').waitFor();
  await assertAccessible(page, 'interruption');
  assert.equal(await page.locator('h1').textContent(), 'You must notify your authority before you export');
  assert.match(await page.locator('.cs-interruption').textContent(), /Article 4\(2\) requires you to notify/);
  // A card of its own colour, so that it does not read as one more question.
  const [card, body] = await Promise.all(['.cs-interruption-card', 'body'].map((s) =>
    page.locator(s).evaluate((el) => getComputedStyle(el).backgroundColor)));
  assert.notEqual(card, body, 'the card stands out from the page');
  await screenshot(page, 'interruption');
  // The button says where it leads: the check page comes before the result.
  await page.getByRole('button', { name: 'Continue to check your answers' }).click();
  await outcome(s, 'ART4-NOTIFY', ['Art.4(2)', 'Art.3(1)']);
  assert.match(await page.locator('h1').textContent(), /you know of a military or weapons end use/);
});

test('P7: due diligence shows a repressive end user: the interruption, then notify', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answerWith(page, ['export', 'other', 'no', 'software', 'none', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
  // The warning sign's label ends with its mark, which is no part of its name.
  await page.getByRole('checkbox', { name: 'The end user, or similar technology it uses, has been linked to internal repression or human-rights violations.', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answer(page, 'Yes');
  await page.locator('.cs-interruption').waitFor();
  await assertAccessible(page, 'interruption');
  assert.equal(await page.locator('h1').textContent(), 'You must notify your authority before you export');
  await page.getByRole('button', { name: 'Continue to check your answers' }).click();
  await outcome(s, 'ART5-NOTIFY', ['Art.5(2)']);
  await page.getByLabel('Your EU Member State (where your business is established)').selectOption('DE');
  assert.match(await page.locator('.cs-authority').textContent(), /BAFA/);
  assert.match(await page.locator('.cs-answers').textContent(), /linked to internal repression/, 'the warning sign ticked is in the answers');
  await assertAccessible(page, 'outcome with the authority');
  await screenshot(page, 'outcome-notify');
});

test('P9: unsure whether it is specially designed: every element is still asked, and the draft names the open point', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answerWith(page, SCENARIOS.P9);
  await outcome(s, 'CONSULT', ['Art.2(20)', 'GL.1.2.1']);
  const draft = await page.locator('.cs-draft').textContent();
  assert.match(draft, /what the product is specially designed to do\? Our answer: I'm not sure/);
  assert.match(await page.locator('.cs-open-points').textContent(), /specially designed/);
  const asked = await page.locator('.cs-summary-key').allTextContents();
  for (const element of ['without the people concerned knowing', 'watch particular people', 'monitoring, extracting, collecting or analysing data', 'information and telecommunication systems']) {
    assert.ok(asked.some((q) => q.includes(element)), `"${element}" was asked after the unsure answer`);
  }
});

test('P22: a definite "No" on covert settles it, and the unsure answer is still listed', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answerWith(page, SCENARIOS.P22);
  await outcome(s, 'NOT-CSI', ['Art.2(20)', 'GL.1.2.2']);
  assert.equal(await page.locator('h1').textContent(), 'Not a cyber-surveillance item on your answers: Article 5 does not apply');
  assert.match(await page.locator('.cs-open-points').textContent(), /specially designed.*I'm not sure/);
  assert.match(await page.locator('.cs-outcome').textContent(), /Annex I entries checked/);
  await screenshot(page, 'outcome-not-csi');
});

test('P12 with the keyboard only: an IMSI catcher sent to another Member State is not an export', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await page.locator('legend h1').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus is on the question');
  await answerByKeyboard(page, 1); // Only send it to another EU Member State
  await tickByKeyboard(page, 0); // Equipment
  await tickByKeyboard(page, 2, { screen: true }); // Mobile interception
  await answerByKeyboard(page, 3); // Identifiers (f.2), after jamming, detection and content
  await answerByKeyboard(page, 1); // No: not an excluded kind
  await outcome(s, 'OUT-OF-SCOPE-ACTIVITY', ['Art.11(1)', 'Art.11(9)', '5A001.f.2']);
});

test('continuing without an answer shows the error summary, which takes focus', async (t) => {
  const { page } = await begin(t);
  await page.locator('legend h1').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.cs-error-summary').waitFor();
  await painted(page);
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'cs-error-summary');
  await assertAccessible(page, 'question with an error');
  await screenshot(page, 'question-error');
  // It names the way out: "I'm not sure" is one of the answers.
  await page.getByRole('link', { name: 'Select the answer that fits, or “I\'m not sure” if you do not know' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'radio');
  assert.equal(new URL(page.url()).hash, '', 'the page URL is left alone');
});

test('the browser back button returns to the earlier question with its answer selected', async (t) => {
  const { page } = await begin(t);
  await answer(page, EXPORT);
  await answer(page, ELSEWHERE);
  await page.locator('legend h1', { hasText: 'Has your national export control authority' }).waitFor();
  await painted(page);
  const url = page.url();
  await page.goBack();
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  assert.equal(await page.getByLabel(ELSEWHERE, { exact: true }).isChecked(), true);
  await page.goBack();
  await page.locator('legend h1', { hasText: 'What do you plan to do with the product?' }).waitFor();
  assert.equal(await page.getByLabel(EXPORT).isChecked(), true);
  await page.goForward();
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  assert.equal(page.url(), url, 'the URL is never rewritten');
});

test('steps taken faster than the browser paints each keep their history entry', async (t) => {
  const { page } = await begin(t);
  await page.locator('legend h1').waitFor();
  await painted(page);
  const before = await page.evaluate(() => history.length);
  // Two answers in one task, so that no frame is painted between the steps.
  const headings = await page.evaluate(async () => {
    const title = () => document.querySelector('legend h1').textContent;
    const answer = async (value) => {
      const was = title();
      document.querySelector(`input[value="${value}"]`).click();
      document.querySelector('main button[type=submit]').click();
      for (let i = 0; i < 100 && title() === was; i++) await Promise.resolve();
      return title();
    };
    return [await answer('export'), await answer('other')];
  });
  assert.equal(headings[0], 'Where will the items go?');
  assert.match(headings[1], /^Has your national export control authority/);
  await painted(page);
  assert.equal(await page.evaluate(() => history.length), before + 2, 'an entry for each step');
  await page.goBack();
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  await page.goBack();
  await page.locator('legend h1', { hasText: 'What do you plan to do with the product?' }).waitFor();
});

test('"Change" on check your answers asks the newly opened question, then returns', async (t) => {
  const { page } = await begin(t);
  await answerWith(page, ['export', 'other', 'no', 'equipment', 'none', 'no', 'no', 'none']);
  await page.getByRole('heading', { name: 'Check your answers before you see your result' }).waitFor();
  await screenshot(page, 'check-answers');
  await page
    .getByRole('button', { name: 'Change the answer to: Which Annex I descriptions could describe the equipment, whatever it is used for?' })
    .click();
  await page.getByLabel('None of these could fit the equipment').uncheck();
  await tick(page, ['Intercepts mobile calls, messages or phone identifiers over the air (such as an IMSI catcher), jams mobile networks selectively, or detects such equipment (5A001.f)']);
  await page.locator('legend h1', { hasText: 'Does it do one of these over the air interface of mobile networks?' }).waitFor();
  await answer(page, 'It detects the operation of such interception or jamming equipment (f.4)');
  await seeResult(page);
  assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), 'LISTED');
  assert.ok((await page.locator('[data-outcome]').getAttribute('data-cites')).split(' ').includes('5A001.f.4'), 'a detector is listed, with no exclusion asked');
});

test('the printed outcome is a dated record with every answer and a signature block', async (t) => {
  const session = await begin(t);
  const { page } = session;
  await answerWith(page, ['intra_eu', 'software', 'none']);
  await outcome(session, 'OUT-OF-SCOPE-ACTIVITY', ['AnnexIV']);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.cs-record-head').isVisible(), true);
  assert.equal(await page.locator('.cs-signature').isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Start again' }).isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'a PDF was made');
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir('tests/e2e/artifacts', { recursive: true });
  await writeFile('tests/e2e/artifacts/record.pdf', pdf);
  const text = await page.locator('.cs-outcome').innerText();
  for (const expected of ['Record of a cyber-surveillance export check', 'Made on', 'Rules version', 'Your answers', 'Only send it to another EU Member State', 'Signature']) {
    assert.ok(text.includes(expected), `printed record has "${expected}"`);
  }
});

test('the downloaded JSON record imports again to the same outcome', async (t) => {
  const session = await begin(t);
  const { page } = session;
  await answerWith(page, ['export', 'other', 'no', 'equipment', 'forensic', 'other', 'yes', 'no']);
  await outcome(session, 'LISTED', ['5A004.b']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the answers (JSON)' }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const record = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(record.format, 'cyberscreen-record');
  assert.equal(record.outcome.class, 'LISTED');

  const [md] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the record (Markdown)' }).click(),
  ]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.match(markdown, /^# Record of a cyber-surveillance export check/);
  assert.match(markdown, /5A004\.b/);

  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByLabel('Import a record (JSON file)').setInputFiles(path);
  await seeResult(page);
  const container = page.locator('[data-outcome]');
  assert.equal(await container.getAttribute('data-outcome'), 'LISTED');
  assert.ok((await container.getAttribute('data-cites')).split(' ').includes('5A004.b'));
});

test('importing a file that is not a record says so and changes nothing', async (t) => {
  const { page } = await begin(t);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByLabel('Import a record (JSON file)').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  });
  const notice = page.getByRole('alert');
  await notice.waitFor();
  assert.match(await notice.textContent(), /not a cyberscreen record/);
  assert.equal(
    await page.locator('h1').textContent(),
    'Check if your product could be a cyber-surveillance item under EU export rules',
  );
  await assertAccessible(page, 'start page with a notice');
});

for (const width of [1280, 320]) {
  test(`at ${width}px: every page state reflows without sideways scrolling, and is saved as a screenshot`, async (t) => {
    const session = await openPage(env.browser, { viewport: { width, height: 900 } });
    t.after(() => session.context.close());
    const { page } = session;
    const shot = async (name) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width}px`);
      await assertAccessible(page, `${name} at ${width}px`);
      await screenshot(page, `${width}-${name}`);
    };
    await page.goto(env.server.origin + '/');
    await ready(page);
    await shot('start');
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.locator('legend h1').waitFor();
    await page.getByText('What this means').click();
    await shot('question');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.cs-error-summary').waitFor();
    await shot('error');
    await answerWith(page, SCENARIOS.P6, { axe: false });
    await page.getByRole('heading', { name: 'Check your answers before you see your result' }).waitFor();
    await shot('check-answers');
    await page.getByRole('button', { name: 'See your result' }).click();
    await page.locator('[data-outcome="ART5-DUE-DILIGENCE"]').waitFor();
    await page.getByLabel('Your EU Member State (where your business is established)').selectOption('IT');
    await shot('outcome-due-diligence');
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    // Unsure of the authority's letter: the product is still classified,
    // and "No" on covert use no longer settles it.
    await answerWith(page, ['export', 'other', 'not_sure', 'software', 'none', 'no', 'yes', 'no', 'none'], { axe: false });
    await page.getByRole('button', { name: 'See your result' }).click();
    await page.locator('[data-outcome="CONSULT"]').waitFor();
    await shot('outcome-consult');
  });
}
