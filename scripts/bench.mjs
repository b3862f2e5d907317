// The benchmark: asset sizes of the release build (raw, gzip, brotli), and
// timings in headless Chromium on 127.0.0.1 (cold loads, first question,
// per-step latency against the floor of a static swap of the same pages,
// a language switch), beside the same questionnaire built with SurveyJS as
// the reference (scripts/surveyjs.mjs). Prints a table and writes
// target/bench.json.
import { writeFile, mkdir } from 'node:fs/promises';
import { serve, launch, openPage, ready, dist, SCENARIOS } from '../tests/e2e/harness.mjs';
import { firstRenderSizes, fileSizes, languagePacks } from './sizes.mjs';
import { buildReference, serveReference } from './surveyjs.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WALKS = Number(process.env.BENCH_WALKS ?? 5);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Median, p95 and range of the finite values. */
const stats = (all) => {
  const xs = all.filter(Number.isFinite);
  return { median: median(xs), p95: p95(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
};

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

// Clicks the page's main button and resolves with the time from the click
// to the new heading in the DOM, and to the end of the frame that shows it:
// a task posted from that frame's requestAnimationFrame runs once the frame
// is rendered. The callback is registered before the click so that its task
// comes before any work the widget leaves for after the paint.
function timedStep() {
  return new Promise((resolve, reject) => {
    const before = document.querySelector('.cs-title')?.textContent;
    let dom;
    let next;
    const observer = new MutationObserver(() => {
      const title = document.querySelector('.cs-title');
      if (!title || title.textContent === before) return;
      observer.disconnect();
      dom = performance.now() - start;
      next = title.closest('legend') ? 'question' : document.querySelector('.cs-outcome') ? 'outcome' : 'page';
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        dom === undefined ? reject(new Error('the new page was not in the next frame')) : resolve({ next, dom, paint: performance.now() - start });
      channel.port2.postMessage(null);
    });
    const start = performance.now();
    document.querySelector('main .cs-button:not(.cs-button-secondary), main button[type=submit]').click();
  });
}

/**
 * Loads `origin` cold into a fresh page at `rate`, and resolves when
 * `selector` (what says the page is interactive) is there: with the first
 * contentful paint and the moment that element appeared.
 */
async function load(browser, origin, rate, selector) {
  const session = await openPage(browser);
  const cdp = await throttle(session.page, rate);
  await session.page.addInitScript((selector) => {
    window.__largest = NaN;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__largest = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // When the widget takes its start page over: the page as it arrived leaves.
    new MutationObserver((records, observer) => {
      if (!records.some((r) => [...r.removedNodes].some((n) => n.classList?.contains('cs')))) return;
      window.__takenOver = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      performance.mark('interactive');
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, selector);
  await session.page.goto(origin + '/');
  // Asked by a bare expression: a locator would first inject Playwright's
  // own scripts into the page, work that lands among the widget's start
  // (which runs past the load event) but after the reference's.
  const expression = "performance.getEntriesByName('interactive').length > 0";
  while (!(await cdp.send('Runtime.evaluate', { expression })).result.value) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Two frames on, for a paint of what the code built to be recorded, and
  // before any click, which ends the largest paint's record.
  await session.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const times = await session.page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__largest,
    takenOver: window.__takenOver ?? NaN,
    interactive: performance.getEntriesByName('interactive')[0]?.startTime ?? NaN,
  }));
  return { ...session, ...times };
}

/** One cold load: first contentful paint, time to interactive, and the first question after "Start now". */
async function coldLoad(browser, origin, rate) {
  const { context, page, fcp, lcp, takenOver, interactive } = await load(browser, origin, rate, '[data-state="ready"]');
  await ready(page);
  const first = await page.evaluate(timedStep);
  await context.close();
  return { fcp, lcp, takenOver, interactive, firstQuestion: first.paint };
}

/** One cold load of the SurveyJS page: first contentful paint, and the first question shown with its answers. */
async function coldLoadReference(browser, origin, rate) {
  const { context, fcp, lcp, interactive } = await load(browser, origin, rate, '.sd-question input');
  await context.close();
  return { fcp, lcp, interactive };
}

// Scenario P6 of the reference cases, one of the longest paths of the common
// case, then "check your answers" and the outcome. A checklist's items are
// joined by "+".
const P6 = [...SCENARIOS.P6, null];

/** Per-step latency over a whole walk, and memory at its end. */
async function walk(browser, origin, rate) {
  const { context, page } = await openPage(browser);
  await throttle(page, rate);
  await page.goto(origin + '/');
  await ready(page);
  await page.evaluate(timedStep);
  const steps = [];
  // Each page as the widget rendered it, for the static floor below.
  const pages = [await page.evaluate(() => document.querySelector('.cs').outerHTML)];
  for (const value of P6) {
    for (const v of value?.split('+') ?? []) await page.locator(`.cs-form input[value="${v}"]`).check();
    steps.push(await page.evaluate(timedStep));
    pages.push(await page.evaluate(() => document.querySelector('.cs').outerHTML));
  }
  await page.locator('[data-outcome]').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  // The wasm's linear memory: found among the page's objects, as the widget
  // does not expose it.
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const memory = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await context.close();
  return { steps, pages, jsHeap: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN, wasmMemory: memory.result.value };
}

/**
 * The floor of a question step: the same two pages, as the widget rendered
 * them, swapped as static HTML on the widget's page with its stylesheet and
 * no code, timed to the end of the frame that shows the new one.
 */
async function staticSwaps(browser, origin, rate, walks) {
  const { context, page } = await openPage(browser, { bypassCSP: true });
  await throttle(page, rate);
  await context.route('**/*.wasm', (route) => route.abort());
  await page.goto(origin + '/', { waitUntil: 'load' });
  const times = [];
  for (const { steps, pages } of walks) {
    for (let i = 0; i < steps.length; i++) {
      if (steps[i].next !== 'question') continue;
      times.push(
        await page.evaluate(([before, after]) => {
          const host = document.getElementById('cyberscreen');
          host.innerHTML = before;
          return new Promise((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const start = performance.now();
                requestAnimationFrame(() => {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => resolve(performance.now() - start);
                  channel.port2.postMessage(null);
                });
                host.innerHTML = after;
              }),
            ),
          );
        }, [pages[i], pages[i + 1]]),
      );
    }
  }
  await context.close();
  return times;
}

/** Switching to French after two questions, at 1× CPU: from the choice to the end of the frame that shows the page in French. */
async function languageSwitch(browser, origin) {
  const { context, page } = await openPage(browser);
  await page.goto(origin + '/');
  await ready(page);
  await page.evaluate(timedStep);
  for (const value of SCENARIOS.P6.slice(0, 2)) {
    await page.locator(`.cs-form input[value="${value}"]`).check();
    await page.evaluate(timedStep);
  }
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector('.cs');
        const observer = new MutationObserver(() => {
          if (root.getAttribute('lang') !== 'fr') return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - start);
            channel.port2.postMessage(null);
          });
        });
        observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
        const select = document.getElementById('cs-lang');
        const start = performance.now();
        select.value = 'fr';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
  );
  await context.close();
  return ms;
}

const size = await firstRenderSizes(dist);
const texts = await languagePacks(dist);
const referenceDir = 'target/surveyjs';
const reference = { size: await fileSizes(referenceDir, await buildReference(referenceDir)) };
const server = await serve();
const referenceServer = await serveReference(referenceDir);
const browser = await launch();
const timings = {};
try {
  for (const rate of [1, 4]) {
    const loads = [];
    const referenceLoads = [];
    // Alternated, so that both meet the machine in the same state.
    for (let i = 0; i < RUNS; i++) {
      loads.push(await coldLoad(browser, server.origin, rate));
      referenceLoads.push(await coldLoadReference(browser, referenceServer.origin, rate));
    }
    reference[`cpu_x${rate}`] = {
      fcp_ms: stats(referenceLoads.map((l) => l.fcp)),
      lcp_ms: stats(referenceLoads.map((l) => l.lcp)),
      interactive_ms: stats(referenceLoads.map((l) => l.interactive)),
    };
    const walks = [];
    for (let i = 0; i < WALKS; i++) walks.push(await walk(browser, server.origin, rate));
    const steps = walks.flatMap((w) => w.steps);
    const floor = await staticSwaps(browser, server.origin, rate, walks);
    const of = (next, key) => stats(steps.filter((s) => s.next === next).map((s) => s[key]));
    timings[`cpu_x${rate}`] = {
      fcp_ms: stats(loads.map((l) => l.fcp)),
      lcp_ms: stats(loads.map((l) => l.lcp)),
      // Loads whose largest paint came after the first, and of those, after
      // the widget built its start page again.
      lcp_after_fcp: loads.filter((l) => l.lcp > l.fcp).length,
      lcp_after_take_over: loads.filter((l) => l.lcp > l.takenOver).length,
      interactive_ms: stats(loads.map((l) => l.interactive)),
      first_question_ms: stats(loads.map((l) => l.firstQuestion)),
      to_question_ms: { dom: of('question', 'dom'), painted: of('question', 'paint') },
      static_swap_to_question_ms: stats(floor),
      to_check_answers_ms: { dom: of('page', 'dom'), painted: of('page', 'paint') },
      to_outcome_ms: { dom: of('outcome', 'dom'), painted: of('outcome', 'paint') },
      js_heap_bytes_after_walk: median(walks.map((w) => w.jsHeap)),
      wasm_memory_bytes_after_walk: median(walks.map((w) => w.wasmMemory)),
      // Every step of every walk, in order, for a closer look.
      walks: walks.map((w) => w.steps),
    };
  }
  const switches = [];
  for (let i = 0; i < RUNS; i++) switches.push(await languageSwitch(browser, server.origin));
  timings.language_switch_x1_ms = stats(switches);
} finally {
  await browser.close();
  await server.close();
  await referenceServer.close();
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('asset'.padEnd(44) + 'raw KiB'.padStart(8) + ' gzip KiB'.padStart(9) + ' br KiB'.padStart(8));
for (const r of size.rows) console.log(r.asset.padEnd(44) + kb(r.raw) + ' ' + kb(r.gzip) + kb(r.brotli));
console.log('total'.padEnd(44) + kb(size.total.raw) + ' ' + kb(size.total.gzip) + kb(size.total.brotli));
for (const r of reference.size.rows) console.log(r.asset.padEnd(44) + kb(r.raw) + ' ' + kb(r.gzip) + kb(r.brotli));
console.log('SurveyJS reference total'.padEnd(44) + kb(reference.size.total.raw) + ' ' + kb(reference.size.total.gzip) + kb(reference.size.total.brotli));
console.log(`first render: ${(size.total.brotli / reference.size.total.brotli).toFixed(2)}× the SurveyJS reference (brotli)`);
console.log();
for (const [lang, t] of Object.entries(texts)) {
  console.log(`texts ${lang} (${t.href}): ${(t.raw / 1024).toFixed(1)} KiB raw, ${(t.brotli / 1024).toFixed(1)} KiB brotli`);
}
console.log();
const f = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const g = (s) => `median ${s.median.toFixed(1)}, p95 ${s.p95.toFixed(1)}, max ${s.max.toFixed(1)} (n=${s.n})`;
for (const [name, t] of Object.entries(timings)) {
  if (!name.startsWith('cpu_')) continue;
  console.log(`${name} (${RUNS} cold loads, ${WALKS} walks of P6), in ms:`);
  console.log(`  first contentful paint  ${f(t.fcp_ms)}`);
  console.log(`  largest contentful paint ${f(t.lcp_ms)}; later than the first in ${t.lcp_after_fcp} of ${RUNS} loads, after the widget's take-over in ${t.lcp_after_take_over}`);
  console.log(`  interactive             ${f(t.interactive_ms)}`);
  const r = reference[name];
  console.log(`  SurveyJS reference      first contentful paint ${f(r.fcp_ms)}; largest ${f(r.lcp_ms)}; interactive ${f(r.interactive_ms)}`);
  console.log(`  interactive, widget / SurveyJS (medians)  ${(t.interactive_ms.median / r.interactive_ms.median).toFixed(2)}×`);
  console.log(`  Start now → question    ${f(t.first_question_ms)} (painted)`);
  for (const [label, key] of [['Continue → question', 'to_question_ms'], ['→ check your answers', 'to_check_answers_ms'], ['→ outcome', 'to_outcome_ms']]) {
    console.log(`  ${label.padEnd(22)}  DOM ${g(t[key].dom)}; painted ${g(t[key].painted)}`);
  }
  console.log(`  static swap → question  painted ${g(t.static_swap_to_question_ms)}; widget / static (medians) ${(t.to_question_ms.painted.median / t.static_swap_to_question_ms.median).toFixed(2)}×`);
  console.log(`  after a walk            JS heap ${(t.js_heap_bytes_after_walk / 1024).toFixed(0)} KiB, wasm memory ${(t.wasm_memory_bytes_after_walk / 1024).toFixed(0)} KiB`);
}
console.log(`language switch to French at 1× CPU, to the repainted page: ${g(timings.language_switch_x1_ms)} ms`);
await mkdir('target', { recursive: true });
await writeFile('target/bench.json', JSON.stringify({ runs: RUNS, size, texts, timings, reference }, null, 2));
console.log('\nwritten: target/bench.json');
