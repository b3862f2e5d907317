// Share links, remembering on this device, and every kind of bad input a
// user can meet: each gets a clear message, loses nothing, and sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, cspViolations, assertAccessible, choose, answerWith } from './harness.mjs';

const env = setup();

const EXPORT = 'Export it out of the EU: ship, carry, send, make available online, or pass it on in training or support';

async function open(t, fragment = '', { init } = {}) {
  const session = await openPage(env.browser);
  t.after(() => session.context.close());
  if (init) await session.context.addInitScript(init);
  await session.page.goto(`${env.server.origin}/${fragment}`);
  await ready(session.page);
  return session;
}

async function notice(page) {
  const banner = page.locator('.cs-notice');
  await banner.waitFor();
  await assertAccessible(page, 'the page with the notice shown');
  return banner.textContent();
}

test('a share link restores the answers in a fresh browser, and its fragment never reaches the server', async (t) => {
  const { page } = await open(t);
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  await answerWith(page, ['other', 'no', 'software+technology', 'none', 'none', 'no', 'no', 'none']);
  await page.getByRole('heading', { name: 'Check your answers before you see your result' }).waitFor();
  const link = await page.getByLabel('Link to these answers').inputValue();
  const fragment = new URL(link).hash;
  assert.match(
    fragment,
    /^#v=[^&]+&lang=en&at=check&a=activity:export,destination:other,authority-informed:no,form:software\+technology,screen-software:none,screen-technology:none,aware-military:no,csi-designed:no,type-designed:none$/,
  );

  const other = await open(t, fragment);
  const text = await notice(other.page);
  assert.match(text, /restored from the link/);
  await other.page.getByRole('heading', { name: 'Check your answers before you see your result' }).waitFor();
  assert.equal(await other.page.locator('.cs-summary-row').count(), 9);
  for (const url of env.server.received) assert.ok(!url.includes('activity'), `the server saw ${url}`);
});

test('remembering on this device resumes after a reload, and "Forget my answers" removes everything', async (t) => {
  const { page } = await open(t);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored before asking');
  await page.getByLabel('Remember my answers on this device').check();
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  await page.reload();
  await ready(page);
  assert.match(await notice(page), /restored from this device/);
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), true);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByLabel(EXPORT).isChecked(), true, 'the answer came back');

  await page.getByRole('button', { name: 'Forget my answers' }).click();
  assert.match(await notice(page), /removed from this device/);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(
    await page.locator('h1').textContent(),
    'Check if your product could be a cyber-surveillance item under EU export rules',
  );
});

test('"Save and come back later" beside Continue stores the answers only when pressed, says so, and they come back', async (t) => {
  const { page } = await open(t);
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  await page.locator('legend h1', { hasText: 'Where will the items go?' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored before asking');
  const save = page.getByRole('button', { name: 'Save and come back later' });
  const [saveBox, continueBox] = await Promise.all([save, page.getByRole('button', { name: 'Continue' })].map((b) => b.boundingBox()));
  assert.ok(Math.abs(saveBox.y - continueBox.y) < 2 && saveBox.x > continueBox.x, 'beside Continue, after it');
  await save.click();
  const status = page.getByRole('status').filter({ hasText: 'Your answers are saved in this browser' });
  await status.waitFor();
  assert.match(await status.textContent(), /up to the last question you answered/);
  await assertAccessible(page, 'the question with its answers saved');
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), true, 'remembering is on, as if ticked');
  assert.match(await page.evaluate(() => localStorage.getItem('cyberscreen')), /activity:export/);
  // The next question does not repeat the confirmation.
  await choose(page, 'Another country outside the EU');
  await page.locator('legend h1', { hasText: 'Has your national export control authority' }).waitFor();
  assert.equal(await page.locator('.cs-saved').textContent(), '');
  await page.reload();
  await ready(page);
  assert.match(await notice(page), /restored from this device/);
  await page.locator('legend h1', { hasText: 'Has your national export control authority' }).waitFor();
  // Forgetting takes the confirmation away with the answers.
  await page.getByRole('button', { name: 'Save and come back later' }).click();
  await status.waitFor();
  await page.getByRole('button', { name: 'Forget my answers' }).click();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await status.count(), 0);
});

test('"Save and come back later" where the device holds something unreadable asks first, then confirms', async (t) => {
  const garbage = '{"someone-else": true}';
  const { page } = await open(t);
  await page.evaluate((value) => localStorage.setItem('cyberscreen', value), garbage);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  await page.getByRole('button', { name: 'Save and come back later' }).click();
  await page.locator('.cs-replace').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), garbage, 'nothing replaced unasked');
  await page.getByRole('button', { name: 'Replace it with my answers' }).click();
  await page.getByRole('status').filter({ hasText: 'Your answers are saved in this browser' }).waitFor();
  assert.match(await page.evaluate(() => localStorage.getItem('cyberscreen')), /activity:export/);
});

test('blocked storage: the widget says so and works on', async (t) => {
  const { page } = await open(t, '', {
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    },
  });
  // Said before the user asks: answers remembered earlier cannot be read.
  assert.match(await notice(page), /does not let the check store anything/);
  // A click, not check(): the widget rightly leaves the box unticked.
  await page.getByLabel('Remember my answers on this device').click();
  assert.match(await notice(page), /does not let the check store anything/);
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), false);
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, 'Only send it to another EU Member State');
  await answerWith(page, ['equipment', 'none'], { axe: false });
  await page.getByRole('button', { name: 'See your result' }).click();
  await page.locator('[data-outcome="OUT-OF-SCOPE-ACTIVITY"]').waitFor();
});

test('full storage: the widget says so and stops remembering', async (t) => {
  const { page } = await open(t, '', {
    init: () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    },
  });
  await page.getByLabel('Remember my answers on this device').click();
  assert.match(await notice(page), /storage is full or blocked/);
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), false);
});

test('storage that fills up while remembering keeps no earlier answers that would come back', async (t) => {
  const { page } = await open(t);
  await page.getByLabel('Remember my answers on this device').check();
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  assert.match(await page.evaluate(() => localStorage.getItem('cyberscreen')), /activity:export/);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await choose(page, 'Another country outside the EU');
  assert.match(await notice(page), /storage is full or blocked/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), null, 'the earlier copy is gone');
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), false);
  assert.equal(await page.getByRole('button', { name: 'Forget my answers' }).count(), 0, 'nothing left to forget');
});

test('unticking "Remember" where storage refuses to remove the answers keeps the tick and says so', async (t) => {
  const { page } = await open(t);
  const box = page.getByLabel('Remember my answers on this device');
  await box.check();
  await page.evaluate(() => {
    Storage.prototype.removeItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
  });
  await box.click();
  assert.match(await notice(page), /could not be removed from this device/);
  assert.equal(await box.isChecked(), true, 'the device still holds the answers');
  assert.notEqual(await page.evaluate(() => localStorage.getItem('cyberscreen')), null);
});

test('a link opened while answers are remembered leaves them, says so, and offers to forget them', async (t) => {
  const { page } = await open(t);
  await page.getByLabel('Remember my answers on this device').check();
  await page.getByRole('button', { name: 'Start now' }).click();
  await choose(page, EXPORT);
  const remembered = await page.evaluate(() => localStorage.getItem('cyberscreen'));
  await page.goto('about:blank');
  await page.goto(`${env.server.origin}/#v=2026.1&lang=en&a=activity:export`);
  await ready(page);
  const text = await notice(page);
  assert.match(text, /Other answers are remembered on this device\. They were left as they are/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), remembered);
  assert.equal(await page.getByLabel('Remember my answers on this device').isChecked(), false);
  await page.getByRole('button', { name: 'Forget my answers' }).click();
  assert.match(await notice(page), /removed from this device/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), null);
});
test('corrupted or foreign stored content is reported and left untouched', async (t) => {
  const garbage = '{"someone-else": true}' + 'x'.repeat(6000);
  const { page } = await open(t);
  await page.evaluate((value) => localStorage.setItem('cyberscreen', value), garbage);
  await page.reload();
  await ready(page);
  assert.match(await notice(page), /could not be read\. It was left untouched and is replaced only if you agree/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), garbage);
  // Ticking "Remember" asks first; keeping it leaves it as it was.
  const box = page.getByLabel('Remember my answers on this device');
  await box.click();
  const question = page.locator('.cs-replace');
  await question.waitFor();
  assert.match(await question.textContent(), /holds other data under the name “cyberscreen” that this check cannot read/);
  await assertAccessible(page, 'asked whether to replace what the device holds');
  assert.equal(await box.isChecked(), false);
  await page.getByRole('button', { name: 'Keep it, and do not remember' }).click();
  assert.equal(await question.count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('cyberscreen')), garbage);
  assert.equal(await box.isChecked(), false);
  // Agreeing replaces it with the answers.
  await box.click();
  await page.getByRole('button', { name: 'Replace it with my answers' }).click();
  assert.equal(await box.isChecked(), true);
  assert.match(await page.evaluate(() => localStorage.getItem('cyberscreen')), /^v=/);
  await page.getByRole('button', { name: 'Forget my answers' }).waitFor();
});

for (const [name, fragment, expected] of [
  ['a truncated link', '#v=2026.11.26-1&lang=en&a=activity:x,authority-inf', /damaged or incomplete/],
  ['an oversized link', '#v=1&a=' + 'activity:x,'.repeat(600), /damaged or incomplete/],
  ['a hostile link', '#v=1&lang=<img src=x onerror=alert(1)>', /damaged or incomplete/],
  ['a link from another rules version', '#v=2020.1.1-1&a=activity:x', /rules version 2020\.1\.1-1/],
  ['a link with an unknown language', '#v=2020.1.1-1&lang=tlh&a=activity:x', /ask for a language that is not available, so the check is shown in English/],
  ['a link with an unknown Member State', '#v=2020.1.1-1&ms=XX&a=activity:x', /name a Member State this check does not know/],
]) {
  test(`${name} gets a clear message and changes nothing else`, async (t) => {
    const { page, log } = await open(t, fragment);
    assert.match(await notice(page), expected);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors, []);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
  });
}

test('a link percent-encoded by a mail program is still read, and its answers leave the address', async (t) => {
  const { page } = await open(t, '#v%3D2026.1%26lang%3Den%26a%3Dactivity%3Aexport');
  assert.match(await notice(page), /rules version 2026\.1;/);
  assert.equal(new URL(page.url()).hash, '', 'the answers stay out of the history and its sync');
});

test('a link pasted into the open tab is read as if opened afresh', async (t) => {
  const { page } = await open(t);
  await page.evaluate(() => {
    location.hash = '#v=2026.1&lang=en&a=activity:export';
  });
  assert.match(await notice(page), /rules version 2026\.1;/);
  await page.locator('legend h1', { hasText: 'What do you plan to do with the product?' }).waitFor();
  assert.equal(new URL(page.url()).hash, '');
  // A fragment that is no link is the page's own, and changes nothing.
  await page.evaluate(() => {
    location.hash = '#top';
  });
  assert.match(await notice(page), /rules version 2026\.1;/, 'not reloaded');
});

test('answers from another rules version are shown again one by one', async (t) => {
  const { page } = await open(t, '#v=2020.1.1-1&a=activity:x,authority-informed:n');
  await notice(page);
  await page.locator('legend h1', { hasText: 'What do you plan to do with the product?' }).waitFor();
  assert.equal(await page.getByLabel(EXPORT).isChecked(), true);
  await choose(page, EXPORT);
  await choose(page, 'Another country outside the EU');
  assert.equal(await page.getByLabel('No, we have had no such letter', { exact: true }).isChecked(), true);
});

test('a link of this rules version cut inside an answer is reported as damaged and takes nothing', async (t) => {
  const { page } = await open(t);
  const footer = await page.locator('.cs-footer').textContent();
  const current = footer.match(/^Rules version (\S+), last updated /)[1];
  const other = await open(t, `#v=${current}&lang=en&a=activity:exp`);
  assert.match(await notice(other.page), /damaged or incomplete/);
  assert.equal(await other.page.locator('h1').textContent(), 'Check if your product could be a cyber-surveillance item under EU export rules');
});

test('an oversized import is refused without reading it', async (t) => {
  const { page } = await open(t);
  await page.getByLabel('Import a record (JSON file)').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(300 * 1024, 0x20),
  });
  assert.match(await notice(page), /too large to be a record/);
});
