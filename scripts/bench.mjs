// The benchmark: asset sizes of the release build (raw, gzip, brotli), and
// timings in headless Chromium on 127.0.0.1 (cold loads, first question,
// per-step latency). Prints a table and writes target/bench.json.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, openPage, ready, dist } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

// The files the first render needs: the page and everything it links to.
async function firstRenderAssets() {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]);
  return ['index.html', ...new Set(linked)];
}

const brotli = (body) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function sizes() {
  const rows = [];
  for (const name of await firstRenderAssets()) {
    const body = await readFile(join(dist, name));
    rows.push({ asset: name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body) });
  }
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

// What each language's texts weigh on their own (the strings of its table).
async function languages() {
  const out = {};
  for (const file of (await readdir('content/text')).filter((f) => f.endsWith('.toml')).sort()) {
    const toml = await readFile(join('content/text', file), 'utf8');
    const strings = [...toml.matchAll(/"""([\s\S]*?)"""|"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1] ?? m[2]);
    const body = Buffer.from(strings.join('\n'));
    out[file.replace('.toml', '')] = { raw: body.length, brotli: brotli(body) };
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const spread = (all) => {
  const xs = all.filter(Number.isFinite);
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
};

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** One cold load: first contentful paint, and time until the first question is interactive after "Start now". */
async function coldLoad(browser, origin, rate) {
  const { context, page } = await openPage(browser);
  await throttle(page, rate);
  const t0 = Date.now();
  await page.goto(origin + '/');
  await ready(page);
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.locator('legend h1').waitFor();
  const shown = await page.evaluate(() => performance.now());
  const readyAt = Date.now() - t0;
  await context.close();
  return { fcp, ready: readyAt, firstQuestion: shown - clicked };
}

/** Per-step latency: from the click on "Continue" to the next page painted. */
async function walk(browser, origin, rate) {
  const { context, page } = await openPage(browser);
  await throttle(page, rate);
  await page.goto(origin + '/');
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  // Scenario P6 of the reference cases: the longest path through the tree.
  const answers = ['export', 'no', 'none_of_these', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no'];
  const steps = [];
  // Each step: choose an answer (or none, on check your answers) and press the page's main button.
  for (const value of [...answers, null]) {
    if (value) await page.locator(`input[value="${value}"]`).check();
    // From the click to the new heading in the DOM, and to the next frame
    // painted after it.
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const before = document.querySelector('h1')?.textContent;
          const observer = new MutationObserver(() => {
            if (document.querySelector('h1')?.textContent === before) return;
            observer.disconnect();
            const dom = performance.now() - start;
            requestAnimationFrame(() => resolve({ dom, paint: performance.now() - start }));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          const start = performance.now();
          document.querySelector('main .cs-button:not(.cs-button-secondary), main button[type=submit]').click();
        }),
    );
    steps.push(ms);
  }
  await page.locator('[data-outcome]').waitFor();
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
  const cdp = await context.newCDPSession(page);
  const metrics = (await cdp.send('Performance.enable'), await cdp.send('Performance.getMetrics')).metrics;
  await context.close();
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? heap;
  return { steps, jsHeap };
}

const size = await sizes();
const texts = await languages();
const server = await serve();
const browser = await launch();
const timings = {};
try {
  for (const rate of [1, 4]) {
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, server.origin, rate));
    const w = await walk(browser, server.origin, rate);
    timings[`cpu_x${rate}`] = {
      fcp_ms: spread(loads.map((l) => l.fcp)),
      ready_ms: spread(loads.map((l) => l.ready)),
      first_question_ms: spread(loads.map((l) => l.firstQuestion)),
      step_dom_ms: { median: median(w.steps.map((x) => x.dom)), p95: p95(w.steps.map((x) => x.dom)), n: w.steps.length },
      step_paint_ms: { median: median(w.steps.map((x) => x.paint)), p95: p95(w.steps.map((x) => x.paint)), n: w.steps.length },
      js_heap_bytes_after_walk: w.jsHeap,
    };
  }
} finally {
  await browser.close();
  await server.close();
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('asset'.padEnd(44) + 'raw KiB'.padStart(8) + ' gzip KiB'.padStart(9) + ' br KiB'.padStart(8));
for (const r of size.rows) console.log(r.asset.padEnd(44) + kb(r.raw) + ' ' + kb(r.gzip) + kb(r.brotli));
console.log('total'.padEnd(44) + kb(size.total.raw) + ' ' + kb(size.total.gzip) + kb(size.total.brotli));
console.log();
for (const [lang, t] of Object.entries(texts)) {
  console.log(`texts ${lang}: ${(t.raw / 1024).toFixed(1)} KiB raw, ${(t.brotli / 1024).toFixed(1)} KiB brotli on their own`);
}
console.log();
for (const [name, t] of Object.entries(timings)) {
  const f = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  console.log(`${name}: FCP ${f(t.fcp_ms)} ms; ready ${f(t.ready_ms)} ms; first question after Start ${f(t.first_question_ms)} ms; ` +
    `step to DOM median ${t.step_dom_ms.median.toFixed(1)} ms, p95 ${t.step_dom_ms.p95.toFixed(1)} ms; ` +
    `to paint median ${t.step_paint_ms.median.toFixed(1)} ms, p95 ${t.step_paint_ms.p95.toFixed(1)} ms (${t.step_dom_ms.n} steps); JS heap ${(t.js_heap_bytes_after_walk / 1024).toFixed(0)} KiB`);
}
await mkdir('target', { recursive: true });
await writeFile('target/bench.json', JSON.stringify({ runs: RUNS, size, texts, timings }, null, 2));
console.log('\nwritten: target/bench.json');
