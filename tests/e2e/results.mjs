// What the tests of result pages share: a path to each class of result,
// reaching it, and where an element ends on the page.
import { openPage, ready, answerWith, SCENARIOS } from './harness.mjs';

/** One path to each class of result, by the answers' names. */
export const PATHS = {
  'LISTED': SCENARIOS.P1,
  'ART5-LICENCE': ['export', 'other', 'repression'],
  'ART4-LICENCE': SCENARIOS.P21,
  'ART10-LICENCE': ['export', 'other', 'national'],
  'ART4-NOTIFY': ['export', 'other', 'no', 'equipment', 'none', 'yes'],
  'ART5-NOTIFY': ['export', 'other', 'no', 'software', 'none', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'prior-misuse', 'yes'],
  'ART5-DUE-DILIGENCE': SCENARIOS.P6,
  'NOT-CSI': SCENARIOS.P22,
  'CONSULT': SCENARIOS.P9,
  'INTRA-EU-LICENCE': SCENARIOS.P20,
  'OUT-OF-SCOPE-ACTIVITY': ['intra_eu', 'equipment', 'mobile', 'identifiers', 'no'],
};

/** A fresh page on the first question. */
export async function begin(env, t, options = {}) {
  const session = await openPage(env.browser, options);
  t.after(() => session.context.close());
  await session.page.goto(env.server.origin + '/');
  await ready(session.page);
  await session.page.locator('.cs-button-start').click();
  return session;
}

/** Answers the path, then passes any interruption and the check page. */
export async function reach(page, names) {
  await answerWith(page, names, { axe: false });
  for (let i = 0; i < 4; i++) {
    // The outcome page is marked once whole, a frame after its top.
    const next = page.locator('.cs-outcome, .cs-interruption .cs-button, .cs-check > .cs-button');
    await next.first().waitFor();
    if (await page.locator('.cs-outcome').count()) {
      await page.locator('[data-outcome]').waitFor();
      return page.locator('[data-outcome]');
    }
    await next.first().click();
  }
  throw new Error('no result after the check page');
}

/** The bottom edge of an element, in CSS pixels from the top of the page. */
export const bottom = (locator) => locator.first().evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);

