// Every class of result tells its own story in the first screen: the
// verdict, the first thing to do and whom to contact, on a desktop and on a
// phone, with no text under 16 px there. Each first screen is saved as a
// screenshot, and the words and screens of each page are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { setup, assertAccessible, artifacts } from './harness.mjs';
import { PATHS, begin, reach, bottom } from './results.mjs';

const env = setup();

const SCREENS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

const figures = [];

for (const [expected, names] of Object.entries(PATHS)) {
  for (const screen of SCREENS) {
    test(`${expected} at ${screen.width}×${screen.height}: the verdict, the first step and the authority are on the first screen`, async (t) => {
      const { page, log } = await begin(env, t, { viewport: screen });
      const outcome = await reach(page, names);
      assert.equal(await outcome.getAttribute('data-outcome'), expected);
      await page.getByLabel('Your EU Member State (where your business is established)').selectOption('DE');
      await page.evaluate(() => window.scrollTo(0, 0));
      const firstStep = page.locator('.cs-steps li');
      assert.ok((await firstStep.count()) >= 1 && (await firstStep.count()) <= 3, 'one to three steps');
      const verdict = await bottom(page.locator('h1'));
      const step = await bottom(firstStep);
      // The authority is named with the verdict; its section follows the steps.
      const authority = await bottom(page.locator('.cs-verdict-authority a'));
      assert.match(await page.locator('.cs-verdict-authority').textContent(), /^Your authority \(Germany\): Federal Office .*\(BAFA\)$/);
      // Where to apply and where to ask, as the authority's own pages give them.
      const contacts = page.locator('.cs-contacts a');
      assert.deepEqual(await contacts.allTextContents(), [
        'Apply for an authorisation (licence)',
        'Ask whether your item is listed (classification)',
      ]);
      assert.match(await contacts.first().getAttribute('href'), /^https:\/\/www\.bafa\.de\/.*ELAN-K2/);
      for (const [what, y] of [['the verdict', verdict], ['the first step', step], ['the authority', authority]]) {
        assert.ok(y <= screen.height, `${what} ends at ${Math.round(y)} px, below the first screen (${screen.height} px)`);
      }
      assert.ok(verdict < authority && authority < step, 'the verdict and who decides, then the steps');
      assert.ok(step < (await bottom(page.locator('.cs-authority'))), 'then the section on whom to contact');
      await assertAccessible(page, `${expected} at ${screen.width}px`);
      if (screen.width < 640) {
        const small = await page.evaluate(() =>
          [...document.querySelectorAll('.cs *')]
            .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
            .filter((el) => el.checkVisibility() && !el.closest('.cs-visually-hidden'))
            .map((el) => [el.tagName + '.' + el.className, parseFloat(getComputedStyle(el).fontSize)])
            .filter(([, size]) => size < 16),
        );
        assert.deepEqual(small, [], 'no text under 16 px on a phone');
      }
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `first-screen-${screen.width}-${expected.toLowerCase()}.png`), caret: 'initial' });
      const words = (await outcome.innerText()).split(/\s+/).filter(Boolean).length;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      figures.push({ class: expected, width: screen.width, words, screens: +(height / screen.height).toFixed(1) });
      assert.deepEqual(log.errors, []);
    });
  }
}

test('the figures of each result page', () => {
  // Printed for the record of what a reader faces; asserted above.
  console.log(figures.map((f) => `${f.class} ${f.width}px: ${f.words} words, ${f.screens} screens`).join('\n'));
  assert.equal(figures.length, Object.keys(PATHS).length * SCREENS.length);
});

