// After `trunk build`: minifies the JavaScript glue (a quarter less to
// download, brotli), writes one language pack per language (named after its
// hash, and listed on the page for the loader), then makes the files hosts
// embed from the release build in dist/ — the custom element's module (with
// the hashed names and integrity hashes of the widget's files written in) and
// embed.html for iframes — and lists every file's integrity hash in
// integrity.json.
import { readFile, writeFile, readdir, rename } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
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

// Each language's texts, from the content compiler, as
// `texts-<language>-<hash>.txt`: { lang: { href, integrity } }.
async function writePacks() {
  execFileSync('cargo', ['run', '--quiet', '-p', 'cyberscreen-content', '--bin', 'cyberscreen-packs', '--', dist], {
    stdio: 'inherit',
  });
  const packs = {};
  for (const name of (await readdir(dist)).sort()) {
    const m = name.match(/^texts-([a-z]+)\.txt$/);
    if (!m) continue;
    const body = await readFile(join(dist, name));
    const hashed = `texts-${m[1]}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.txt`;
    await rename(join(dist, name), join(dist, hashed));
    packs[m[1]] = { href: hashed, integrity: sri(body) };
  }
  if (!packs.en) throw new Error('the content compiler wrote no English pack');
  return packs;
}
const packs = await writePacks();

// The stylesheet is fetched in CORS mode, so that its integrity hash can be
// checked where the page's origin is opaque (a sandboxed iframe). The packs'
// places are data for the loader (a JSON block, which the page's CSP allows:
// it is never run).
const packsBlock = `<script type="application/json" id="cyberscreen-packs">${JSON.stringify(packs)}</script>`;
const index = (await minifyGlue(await readFile(join(dist, 'index.html'), 'utf8')))
  .replace(
    /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)"\/?>/,
    '<link rel="stylesheet" href="$1" integrity="$2" crossorigin="anonymous">',
  )
  .replace('</head>', `${packsBlock}\n</head>`);
if (!index.includes(packsBlock)) throw new Error('dist/index.html has no </head>');
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
  packs,
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

// Each other language's own pages, index.<lang>.html and embed.<lang>.html,
// with its start page rendered in (src/web/start/<lang>.html, kept current
// by tests/prerender.rs): a host or a link that names the page shows the
// language from the first paint.
const startRegion = /(<div id="cyberscreen" class="cs-host"(?: data-embed)?)>[\s\S]*?(<\/div>\n  <template id="cyberscreen-failed">)/;
for (const lang of Object.keys(packs).filter((code) => code !== 'en')) {
  const start = (await readFile(join('src/web/start', `${lang}.html`), 'utf8')).trimEnd();
  for (const [page, name] of [[index, 'index'], [embed, 'embed']]) {
    const localised = page
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace(startRegion, (_, open, close) => `${open} data-lang="${lang}">${start}${close}`);
    if (!localised.includes(`<html lang="${lang}">`) || !localised.includes(`data-lang="${lang}">`)) {
      throw new Error(`dist/${name}.html: no place for the ${lang} start page`);
    }
    await writeFile(join(dist, `${name}.${lang}.html`), localised);
  }
}

const integrity = {};
for (const name of (await readdir(dist)).sort()) {
  if (name === 'integrity.json') continue;
  integrity[name] = sri(await readFile(join(dist, name)));
}
await writeFile(join(dist, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
console.log(`embedding files written for version ${version}: cyberscreen-element.js, embed.html, a page per language, integrity.json`);
