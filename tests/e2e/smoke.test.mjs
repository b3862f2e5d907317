// The foundation works end to end: the start page renders, "Start now" leads
// to the first question, and nothing but the page's own assets is fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, screenshot, axe } from './harness.mjs';

const env = setup();

test('start page renders and "Start now" leads to the first question', async (t) => {
  const { context, page, log } = await openPage(env.browser);
  t.after(() => context.close());
  await page.goto(env.server.origin + '/');
  await ready(page);
  const h1 = page.locator('h1');
  assert.equal(
    await h1.textContent(),
    'Check if your product could be a cyber-surveillance item under EU export rules',
  );
  await screenshot(page, 'smoke-start');
  const loaded = log.requests.length;

  await page.getByRole('button', { name: 'Start now' }).click();
  const legend = page.locator('legend h1');
  await legend.waitFor();
  assert.equal(await legend.textContent(), 'What do you plan to do with the product?');
  assert.equal(await page.getByRole('radio').count(), 4);
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'What do you plan to do with the product?',
    'focus moves to the new heading',
  );
  await screenshot(page, 'smoke-question');

  assert.deepEqual(log.errors, [], 'no console or page error');
  assert.equal(log.requests.length, loaded, 'no request after the page loaded');
  for (const { url } of log.requests) {
    assert.ok(url.startsWith(env.server.origin + '/'), `request to another host: ${url}`);
  }
});

// axe's landmark rules (best practice, beyond WCAG A/AA): on its own page,
// the language switch and "Remember my answers" are inside the main landmark.
const LANDMARKS = ['region', 'landmark-one-main', 'landmark-no-duplicate-main', 'landmark-unique'];

test('on its own page, all the widget shows is inside its one main landmark', async (t) => {
  const { context, page } = await openPage(env.browser);
  t.after(() => context.close());
  await page.goto(env.server.origin + '/');
  await ready(page);
  assert.deepEqual(await axe(page, LANDMARKS), [], 'the start page');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.locator('legend h1').waitFor();
  assert.deepEqual(await axe(page, LANDMARKS), [], 'a question');
  const main = page.getByRole('main');
  assert.equal(await main.getByLabel('Language').count(), 1, 'the language switch');
  assert.equal(await main.getByLabel('Remember my answers on this device').count(), 1, 'the Remember box');
});
