// Reference scenarios walked in the browser as a user would: by the labels
// they see, with axe-core on every page state and a count of requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, screenshot, axe } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function assertAccessible(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe on ${state}`);
}

/** Opens the widget and starts the check; returns the page and its log. */
async function begin(t) {
  const session = await openPage(browser);
  t.after(() => session.context.close());
  await session.page.goto(server.origin + '/');
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
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function outcome(session, expected, cited) {
  const { page, log } = session;
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

test('P1: an IMSI catcher for a foreign police force is listed under 5A001.f', async (t) => {
  const s = await begin(t);
  await answer(s.page, 'Export it out of the EU: ship, carry, send or make it available electronically');
  await answer(s.page, 'No');
  await answer(s.page, 'Equipment that intercepts or jams mobile phone networks over the air, such as an IMSI catcher');
  await answer(s.page, 'Yes');
  const page = await outcome(s, 'LISTED', ['5A001.f', 'Art.3(1)']);
  assert.match(await page.locator('h1').textContent(), /5A001\.f/);
  await screenshot(page, 'outcome-listed');
});

test('P5: an openly installed parental-control app is not a cyber-surveillance item', async (t) => {
  const s = await begin(t);
  await answer(s.page, 'Export it out of the EU: ship, carry, send or make it available electronically');
  await answer(s.page, 'No');
  await answer(s.page, 'None of these');
  await answer(s.page, 'Yes');
  await answer(s.page, 'No');
  await outcome(s, 'NOT-CSI', ['Art.2(20)']);
});

test('P7: due diligence shows a repressive end user: the interruption, then notify', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answer(page, 'Export it out of the EU: ship, carry, send or make it available electronically');
  await answer(page, 'No');
  await answer(page, 'None of these');
  for (let i = 0; i < 5; i++) await answer(page, 'Yes');
  await answer(page, 'Yes, for this transaction');
  await answer(page, 'Yes');
  await page.locator('.cs-interruption').waitFor();
  await assertAccessible(page, 'interruption');
  assert.equal(await page.locator('h1').textContent(), 'You must notify your authority before you export');
  await page.getByRole('button', { name: 'Continue to your result' }).click();
  await outcome(s, 'ART5-NOTIFY', ['Art.5(2)']);
  await page.getByLabel('Your EU Member State (where your business is established)').selectOption('DE');
  assert.match(await page.locator('.cs-authority').textContent(), /BAFA/);
  await page.getByRole('checkbox').first().check();
  await assertAccessible(page, 'outcome with authority and a ticked red flag');
  await screenshot(page, 'outcome-notify');
});

test('P9: unsure whether it is specially designed: ask the authority, with a drafted question', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await answer(page, 'Export it out of the EU: ship, carry, send or make it available electronically');
  await answer(page, 'No');
  await answer(page, 'None of these');
  await answer(page, "I'm not sure");
  await outcome(s, 'CONSULT', ['Art.2(20)']);
  assert.match(await page.locator('.cs-draft').textContent(), /specially designed to enable the surveillance of people/);
});

test('P12 with the keyboard only: a transfer inside the EU is not an export', async (t) => {
  const s = await begin(t);
  const { page } = s;
  await page.locator('legend h1').waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.tagName),
    'H1',
    'focus is on the question',
  );
  await page.keyboard.press('Tab'); // from the heading to the answers
  await page.keyboard.press('ArrowDown'); // the second answer
  await page.keyboard.press('Enter'); // submits the form
  await outcome(s, 'OUT-OF-SCOPE-ACTIVITY', ['Art.11(1)', 'AnnexIV']);
});

test('continuing without an answer shows the error summary, which takes focus', async (t) => {
  const { page } = await begin(t);
  await page.locator('legend h1').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.cs-error-summary').waitFor();
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'cs-error-summary');
  await assertAccessible(page, 'question with an error');
  await screenshot(page, 'question-error');
  await page.getByRole('link', { name: 'Select an answer to continue' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'radio');
  assert.equal(new URL(page.url()).hash, '', 'the page URL is left alone');
});
