// The widget inside host pages: a plain portal, a hostile one (global CSS
// resets, a fixed header over the page, a strict CSP, globals taken), two
// widgets on one page, and an iframe without allow-same-origin. In each,
// scenario P1 completes, focus enters and leaves without a trap and is never
// hidden, the host hears the outcome, and axe-core passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, portal, openPage, ready, screenshot, cspViolations, assertAccessible, HOOK } from './harness.mjs';

const env = setup();

const P1 = [
  'Export it out of the EU: ship, carry, send, make available online, or pass it on in training or support',
  'Another country outside the EU',
  'No, we have had no such letter',
  'Equipment (hardware)',
  'Intercepts mobile calls, messages or phone identifiers over the air (such as an IMSI catcher), jams mobile networks selectively, or detects such equipment (5A001.f)',
  'It intercepts identifiers such as IMSI or IMEI, signalling or other metadata over the air (f.2)',
  'No',
];

async function open(t, path) {
  const session = await openPage(env.browser);
  t.after(() => session.context.close());
  await session.page.goto(env.server.origin + path);
  return session;
}

/** Walks P1 inside `scope` (a page, a widget or a frame), pressing keys as a user would. */
async function walkP1(page, scope, { coveredBy } = {}) {
  await scope.locator('.cs[data-state="ready"]').waitFor();
  await scope.getByRole('button', { name: 'Start now' }).click();
  for (const label of P1) {
    await scope.locator('legend .cs-title').waitFor();
    if (coveredBy) await assertFocusVisible(page, coveredBy);
    await scope.getByLabel(label, { exact: true }).check();
    await scope.getByRole('button', { name: 'Continue' }).click();
  }
  await scope.getByRole('button', { name: 'See your result' }).click();
  const outcome = scope.locator('[data-outcome]');
  await outcome.waitFor();
  if (coveredBy) await assertFocusVisible(page, coveredBy);
  assert.equal(await outcome.getAttribute('data-outcome'), 'LISTED');
  return outcome;
}

/** The focused element is not under the host's fixed header. */
async function assertFocusVisible(page, header) {
  const result = await page.evaluate((selector) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const bar = document.querySelector(selector).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { top: box.top, bottom: bar.bottom, text: el.textContent.slice(0, 40) };
  }, header);
  assert.ok(result.top >= result.bottom, `"${result.text}" at ${result.top}px is under the header (to ${result.bottom}px)`);
}

/** Tab from the link before the widget through it to the link after it. */
async function tabThrough(page, { max = 60 } = {}) {
  await page.locator('#before').focus();
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id);
    seen.push(id);
    if (id === 'after') return seen;
  }
  assert.fail(`focus never left the widget: ${seen.join(' ')}`);
}

async function outcomes(page) {
  return page.evaluate(() => window.outcomes);
}

test('plain portal: P1, the outcome event, the contact block, no trap, axe', async (t) => {
  const { page, log } = await open(t, '/hosts/plain.html');
  const widget = page.locator('cyber-screen');
  await widget.locator('.cs[data-state="ready"]').waitFor();
  assert.equal(await widget.locator('.cs-title').evaluate((h) => h.tagName), 'H2', 'heading-level="2"');
  await assertAccessible(page, 'the start page in the portal');
  const path = await tabThrough(page);
  assert.ok(path.length > 2, 'focus went through the widget');
  const outcome = await walkP1(page, widget);
  await assertAccessible(page, 'the outcome in the portal');
  assert.match(await outcome.textContent(), /Example Association, export desk/);
  assert.match(await outcome.textContent(), /BAFA/, 'member-state="DE" preselects the authority');
  const [event] = await outcomes(page);
  assert.equal(event.target, 'CYBER-SCREEN', 'the event reaches the host element');
  assert.equal(event.detail.outcome, 'LISTED');
  assert.equal(event.shown, 'LISTED', 'the event finds the outcome marked on the page');
  assert.equal(event.whole, true, 'and the page whole');
  assert.ok(event.detail.cites.includes('5A001.f.2'));
  assert.match(event.detail.contentVersion, /^\d{4}\./);
  assert.equal(await page.title(), 'Member portal – export check', "the host's title is left alone");
  assert.deepEqual(log.errors, []);
  await screenshot(page, 'embed-plain-outcome');

  // Removed, the element unmounts the widget from its shadow root; put back,
  // it starts again.
  const left = await page.evaluate(() => {
    const element = document.querySelector('cyber-screen');
    element.remove();
    window.removedWidget = element;
    return element.shadowRoot.childElementCount;
  });
  assert.equal(left, 0, 'removing the element unmounts the widget');
  await page.evaluate(() => document.body.append(window.removedWidget));
  await widget.locator('.cs[data-state="ready"]').waitFor();
});

test('hostile portal: the widget works and stays readable and reachable', async (t) => {
  const { page, log } = await open(t, '/hosts/hostile.html');
  const widget = page.locator('cyber-screen');
  await widget.locator('.cs[data-state="ready"]').waitFor();
  const look = await widget.locator('.cs-button-start').evaluate((b) => {
    const s = getComputedStyle(b);
    return { display: s.display, height: b.getBoundingClientRect().height, font: s.fontSize };
  });
  assert.notEqual(look.display, 'none', "the host's CSS does not reach into the widget");
  assert.ok(look.height >= 24, `targets stay at least 24px (${look.height})`);
  const inherited = await widget.locator('.cs-title').evaluate((h) => {
    const s = getComputedStyle(h);
    return [s.whiteSpace, s.direction, s.textTransform, s.letterSpacing, s.wordSpacing, s.textAlign, s.webkitTextFillColor === s.color, s.fontStyle];
  });
  assert.deepEqual(inherited, ['normal', 'ltr', 'none', 'normal', '0px', 'start', true, 'normal'], "the host's inherited text styles stop at the widget");
  // An element of the host's own with the id the widget's pages mount into
  // is left as it is, and so are the host's title and history.
  assert.equal(await page.locator('#cyberscreen').textContent(), "The portal's own block, whose id the widget's page also uses.");
  assert.equal(await page.title(), 'Hostile portal – export check');
  const entries = await page.evaluate(() => history.length);
  await screenshot(page, 'embed-hostile-start');
  await assertAccessible(page, 'the hostile page');
  const path = await tabThrough(page);
  assert.ok(path.length > 2, 'focus went through the widget');
  await walkP1(page, widget, { coveredBy: '.sticky' });
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entry on the host');
  assert.equal(await page.title(), 'Hostile portal – export check');
  assert.equal(await page.locator('#cyberscreen').textContent(), "The portal's own block, whose id the widget's page also uses.");
  await assertAccessible(page, 'the outcome in the hostile page');
  await screenshot(page, 'embed-hostile-outcome');
  assert.equal((await outcomes(page))[0].detail.outcome, 'LISTED');
  assert.equal(await page.locator('other-widget').textContent(), 'Another widget');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
});

test('two widgets on one page answer independently', async (t) => {
  const { page, log } = await open(t, '/hosts/two.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await second.locator('.cs[data-state="ready"]').waitFor();
  assert.equal(await second.locator('.cs').getAttribute('lang'), 'fr');
  await walkP1(page, first);
  assert.equal(
    await second.locator('.cs-title').textContent(),
    'Vérifiez si votre produit pourrait être un bien de cybersurveillance au sens des règles d’exportation de l’UE',
    'the second widget is still on its start page',
  );
  const events = await outcomes(page);
  assert.deepEqual(events.map((e) => e.target), ['first']);
  await page.locator('#first').locator('.cs-back').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === 'second') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'second', 'Tab moves on from the first widget into the second');
  await assertAccessible(page, 'the page with two widgets');
  assert.deepEqual(log.errors, []);
});

test('iframe without allow-same-origin: P1, height and outcome messages, no storage', async (t) => {
  const { page, log } = await open(t, '/hosts/frame.html');
  const frame = page.frameLocator('#check');
  await frame.locator('.cs[data-state="ready"]').waitFor();
  await page.waitForFunction(() => window.heights.length > 0);
  const height = await page.locator('#check').evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(height > 600, `the frame grew to its content (${height}px)`);
  await assertAccessible(page, 'the portal with the frame');
  const inside = page.frame({ url: /embed\.html/ });
  assert.ok(inside, 'the frame is found');
  await assertAccessible(inside, 'inside the frame');
  await frame.getByLabel('Remember my answers on this device').click();
  await frame.locator('.cs-notice').waitFor();
  assert.match(await frame.locator('.cs-notice').textContent(), /does not let the check store anything/);
  const outcome = await walkP1(page, frame);
  assert.match(await outcome.textContent(), /Example Association/);
  await page.waitForFunction(() => window.outcomes.length > 0);
  const [message] = await outcomes(page);
  assert.equal(message.outcome, 'LISTED');
  assert.ok(message.cites.includes('5A001.f.2'));
  await assertAccessible(inside, 'the outcome inside the frame');
  assert.deepEqual(log.errors, []);
  await screenshot(page, 'embed-frame-outcome');
});

test('a remembered outcome is not announced to the host when the widget starts on it, only when the user reaches it', async (t) => {
  const { page, log } = await open(t, '/hosts/plain.html');
  const widget = page.locator('cyber-screen');
  await widget.locator('.cs[data-state="ready"]').waitFor();
  await widget.getByLabel('Remember my answers on this device').check();
  await walkP1(page, widget);
  assert.equal((await outcomes(page)).length, 1, 'reached by the user: announced');
  await page.reload();
  await widget.locator('[data-outcome="LISTED"]').waitFor();
  // Give a wrongly announced event every chance to arrive.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  assert.deepEqual(await outcomes(page), [], 'restored from this device: not announced');
  await widget.getByRole('button', { name: 'Back', exact: true }).click();
  await widget.getByRole('button', { name: 'See your result' }).click();
  await widget.locator('[data-outcome="LISTED"]').waitFor();
  assert.equal((await outcomes(page)).length, 1, 'reached again by the user: announced');
  assert.deepEqual(log.errors, []);
});

test('the iframe is as tall as the widget, growing and shrinking with each step', async (t) => {
  const { page } = await open(t, '/hosts/frame.html');
  const frame = page.frameLocator('#check');
  const inside = () => page.frame({ url: /embed\.html/ });
  await frame.locator('.cs[data-state="ready"]').waitFor();
  const fits = async () => {
    // The last height reported has been applied once the frame's box and the
    // widget's bottom agree; the widget's own content decides it.
    await page.waitForFunction(() => window.heights.length > 0);
    const content = await inside().locator('#cyberscreen').evaluate((el) => el.getBoundingClientRect().bottom + 8);
    await page.waitForFunction((h) => Math.abs(document.getElementById('check').getBoundingClientRect().height - h) <= 2, content);
    return content;
  };
  const start = await fits();
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.locator('legend .cs-title').waitFor();
  const question = await fits();
  assert.ok(question < start, `the frame shrank from the start page (${start}px) to the question (${question}px)`);
  const scrolls = await inside().evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(scrolls <= 1, `the frame neither scrolls nor leaves space under the widget (${scrolls}px)`);
});

test('embed.html opened on its own, from a crafted link, ignores the settings in its address', async (t) => {
  const crafted = '/embed.html#contact-name=BAFA%20%E2%80%93%20official%20help%20desk&contact-url=https%3A%2F%2Fphish.example%2F&contact-email=help%40phish.example&accent=%23ff0000';
  const { page, log } = await open(t, crafted);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const outcome = await walkP1(page, page);
  assert.equal(await page.locator('.cs-host-contact').count(), 0, 'no host contact block');
  assert.doesNotMatch(await outcome.textContent(), /official help desk|phish\.example/);
  const accent = await page.locator('.cs').evaluate((el) => el.style.getPropertyValue('--cs-accent'));
  assert.equal(accent, '', 'no theme from the address');
  assert.deepEqual(log.errors, []);
  await page.reload();
  await page.locator('.cs[data-state="ready"]').waitFor();
  assert.ok(warnings.some((w) => /not in a frame/.test(w)), `the console says why: ${warnings}`);
});

test('a site framing embed.html under another portal\'s parent-origin gets none of its settings', async (t) => {
  const settings = `contact-name=${encodeURIComponent('Example Association')}&accent=%23ff0000&parent-origin=${encodeURIComponent('https://portal.example.org')}`;
  const site = await portal({
    '/': { body: `<!doctype html><html lang="en"><title>Elsewhere</title><h1>Elsewhere</h1><iframe title="Check" src="${env.server.origin}/embed.html#${settings}"></iframe>` },
  });
  t.after(site.close, HOOK);
  const { context, page } = await openPage(env.browser);
  t.after(() => context.close());
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(site.origin);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await ready(frame);
  const accent = await frame.locator('.cs').evaluate((el) => el.style.getPropertyValue('--cs-accent'));
  assert.equal(accent, '', 'no theme of the portal named');
  assert.ok(
    warnings.some((w) => w.includes(`the page framing the widget is ${site.origin}, not the parent-origin https://portal.example.org`)),
    `the console says why: ${warnings}`,
  );
});
