// What the first render of the release build downloads: the page and every
// file it links to, with raw, gzip and brotli sizes. Shared by the benchmark
// and the size-budget test.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const brotli = (body) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The files the first render needs: the page in one language (index.html,
 * or index.<lang>.html), everything it links to, and that language's pack
 * (the loader fetches the reader's). The heaviest language is counted, so
 * that the figure holds in every language.
 */
async function firstRenderAssets(dist) {
  let heaviest;
  for (const [lang, pack] of Object.entries(await languagePacks(dist))) {
    const page = lang === 'en' ? 'index.html' : `index.${lang}.html`;
    const bytes = brotli(await readFile(join(dist, page))) + pack.brotli;
    if (!heaviest || bytes > heaviest.bytes) heaviest = { bytes, page, pack: pack.href };
  }
  const html = await readFile(join(dist, heaviest.page), 'utf8');
  // The files it loads (its own pack among its preloads): not the pages of
  // its other languages, which it names (`rel="alternate"`) and never
  // fetches itself.
  const linked = [...html.matchAll(/<(?:link|script)\b(?![^>]*rel="alternate")[^>]*(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([heaviest.page, ...linked, heaviest.pack])];
}

/** Each language's pack, as index.html lists it: { lang: { href, raw, brotli } }. */
export async function languagePacks(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const list = html.match(/<script type="application\/json" id="cyberscreen-packs">([^<]+)<\/script>/);
  if (!list) throw new Error('dist/index.html lists no language packs');
  const packs = {};
  for (const [lang, { href }] of Object.entries(JSON.parse(list[1]))) {
    const body = await readFile(join(dist, href));
    packs[lang] = { href, raw: body.length, brotli: brotli(body) };
  }
  return packs;
}

/** Each first-render file's size raw, gzip (level 9) and brotli (quality 11), and the totals. */
export async function firstRenderSizes(dist) {
  return fileSizes(dist, await firstRenderAssets(dist));
}

/** The sizes of the files `names` in `dir`, each and in total. */
export async function fileSizes(dir, names) {
  const rows = [];
  for (const name of names) {
    const body = await readFile(join(dir, name));
    rows.push({ asset: name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body) });
  }
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}
