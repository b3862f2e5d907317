// After `trunk build`: minifies the JavaScript glue (a quarter less to
// download, brotli), then makes the files hosts embed from the release build in
// dist/ — the custom element's module (with the hashed names and integrity
// hashes of the widget's files written in) and embed.html for iframes — and
// lists every file's integrity hash in integrity.json.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = 'dist';
const sri = (body) => 'sha384-' + createHash('sha384').update(body).digest('base64');

// wasm-bindgen's glue, minified in place; the page's preload link then names
// its new hash. Property names are kept: they tie the glue to the wasm.
async function minifyGlue(html) {
  const link = /(<link rel="modulepreload" href="\.\/([^"]+)" crossorigin="anonymous" integrity=")([^"]+)"/;
  const m = html.match(link);
  if (!m) throw new Error('dist/index.html has no module preload');
  const source = await readFile(join(dist, m[2]), 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  await writeFile(join(dist, m[2]), code);
  return html.replace(link, `$1${sri(code)}"`);
}

// The stylesheet is fetched in CORS mode, so that its integrity hash can be
// checked where the page's origin is opaque (a sandboxed iframe).
const index = (await minifyGlue(await readFile(join(dist, 'index.html'), 'utf8'))).replace(
  /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)"\/?>/,
  '<link rel="stylesheet" href="$1" integrity="$2" crossorigin="anonymous">',
);
await writeFile(join(dist, 'index.html'), index);
const version = (await readFile('Cargo.toml', 'utf8')).match(/^version = "([^"]+)"/m)[1];

function asset(pattern, what) {
  const m = index.match(pattern);
  if (!m) throw new Error(`dist/index.html has no ${what}`);
  return { href: m[1].replace(/^\.?\//, ''), integrity: m[2] };
}

const assets = {
  css: asset(/<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)" crossorigin="anonymous">/, 'stylesheet'),
  glue: asset(/<link rel="modulepreload" href="([^"]+)" crossorigin="anonymous" integrity="([^"]+)"/, 'module preload'),
  wasm: asset(/<link rel="preload" href="([^"]+)" crossorigin="anonymous" integrity="([^"]+)"/, 'wasm preload'),
};

// The message shown when the code cannot start, in each language, as the
// page has it: { lang: [title, text] }.
const template = index.match(/<template id="cyberscreen-failed">([\s\S]*?)<\/template>/)?.[1] ?? '';
const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const failed = Object.fromEntries(
  [...template.matchAll(/lang="([^"]+)">\s*<h1 class="cs-title">([^<]+)<\/h1>\s*<p>([^<]+)<\/p>/g)].map(
    ([, lang, title, text]) => [lang, [unescape(title), unescape(text)]],
  ),
);
if (!failed.en) throw new Error('dist/index.html has no failure message');

const module = await readFile('src/web/element.js', 'utf8');
for (const placeholder of ['/* ASSETS */ null', '/* FAILED */ null']) {
  if (!module.includes(placeholder)) throw new Error(`src/web/element.js has no ${placeholder}`);
}
const element = module
  .replace('/* ASSETS */ null', JSON.stringify(assets))
  .replace('/* FAILED */ null', JSON.stringify(failed));
for (const name of ['cyberscreen-element.js', `cyberscreen-element-${version}.js`]) {
  await writeFile(join(dist, name), element);
}

// The iframe page: the standalone page, told by `data-embed` to take its
// settings from the fragment.
const embed = index.replace('<div id="cyberscreen" class="cs-host">', '<div id="cyberscreen" class="cs-host" data-embed>');
if (embed === index) throw new Error('dist/index.html has no #cyberscreen to mark');
await writeFile(join(dist, 'embed.html'), embed);

const integrity = {};
for (const name of (await readdir(dist)).sort()) {
  if (name === 'integrity.json') continue;
  integrity[name] = sri(await readFile(join(dist, name)));
}
await writeFile(join(dist, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
console.log(`embedding files written for version ${version}: cyberscreen-element.js, embed.html, integrity.json`);
