// After `trunk build`: puts wasm-bindgen's glue and the code that starts it
// into one minified module with its integrity hash, writes one language pack
// per language (named after its
// hash, and listed on the page for the loader), then makes the files hosts
// embed from the release build in dist/ — the custom element's module (with
// the hashed names and integrity hashes of the widget's files written in) and
// embed.html for iframes — and lists every file's integrity hash in
// integrity.json.
import { readFile, writeFile, readdir, rename, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = 'dist';
const sri = (body) => 'sha384-' + createHash('sha384').update(body).digest('base64');

// wasm-bindgen's glue and the code that starts it, as one module: the
// integrity hash on the script tag that loads it then covers all of the
// JavaScript that runs (a module imported by another carries no hash of its
// own). The starting code is put in a block of its own, so that its names
// cannot meet the glue's, and reaches the glue's exports by their local
// names; `init` stands for the glue's default export.
function bundle(glue, code) {
  const m = glue.match(/export\s*\{\s*initSync\s*,\s*(\w+)\s+as\s+default\s*\}\s*;?/);
  if (!m) throw new Error('the glue has no default export to start it with');
  return `${glue}\nconst init = ${m[1]};\n{\n${code}\n}\n`;
}

// Property names are kept: they tie the glue to the wasm.
async function minified(source, { module = true } = {}) {
  return (await minify(source, { module, compress: { passes: 2 }, mangle: true })).code;
}

const contentName = (prefix, body) => `${prefix}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;

// The page's scripts, as Trunk leaves them (Trunk.toml, pattern_script): the
// places of the failure message's classic script and of the starting module,
// and the glue as a module preload. They become src/boot/failed.js with its
// hash, and one module of the glue and src/boot/loader.js, named by its
// content; the glue's own file goes.
const scriptTags = '<script src="./failed.js"></script><script type="module" src="./loader.js"></script>';
async function pageScripts(html) {
  const preload = /\s*<link rel="modulepreload" href="\.\/([^"]+)" crossorigin="anonymous" integrity="[^"]+"\s*\/?>/;
  const m = html.match(preload);
  if (!m) throw new Error('dist/index.html has no module preload for the glue');
  if (!html.includes(scriptTags)) throw new Error(`dist/index.html lacks ${scriptTags}`);
  const glue = await readFile(join(dist, m[1]), 'utf8');
  const page = await minified(bundle(glue, await readFile('src/boot/loader.js', 'utf8')));
  const failed = await minified(await readFile('src/boot/failed.js', 'utf8'), { module: false });
  const name = contentName('cyberscreen', page);
  await writeFile(join(dist, name), page);
  await writeFile(join(dist, 'failed.js'), failed);
  await rm(join(dist, m[1]));
  return {
    glue,
    html: html
      .replace(preload, '')
      .replace(
        scriptTags,
        // In CORS mode, so that the hash can be checked where the page's
        // origin is opaque (a sandboxed iframe), as modules always are.
        `<script src="./failed.js" integrity="${sri(failed)}" crossorigin="anonymous"></script><script type="module" src="./${name}" integrity="${sri(page)}"></script>`,
      ),
  };
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
// The wasm's hash moves from its preload to `data-integrity`, where the
// loader reads it for the fetch that checks it: Chromium ignores `integrity`
// on a fetch preload and warns of it on every load (crbug.com/981419), and
// it still serves the fetch from the preload, once (measured: one request,
// also under no-store).
const packsBlock = `<script type="application/json" id="cyberscreen-packs">${JSON.stringify(packs)}</script>`;
const scripts = await pageScripts(await readFile(join(dist, 'index.html'), 'utf8'));
const wasmPreload = /(<link rel="preload" href="[^"]+" crossorigin="anonymous") integrity="([^"]+)"/;
if (!wasmPreload.test(scripts.html)) throw new Error('dist/index.html has no wasm preload');
let index = scripts.html
  .replace(wasmPreload, '$1 data-integrity="$2"')
  .replace(
    /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)"\/?>/,
    '<link rel="stylesheet" href="$1" integrity="$2" crossorigin="anonymous">',
  )
  .replace('</head>', `${packsBlock}\n</head>`);
if (!index.includes(packsBlock)) throw new Error('dist/index.html has no </head>');
const version = (await readFile('Cargo.toml', 'utf8')).match(/^version = "([^"]+)"/m)[1];

function asset(pattern, what) {
  const m = index.match(pattern);
  if (!m) throw new Error(`dist/index.html has no ${what}`);
  return { href: m[1].replace(/^\.?\//, ''), integrity: m[2] };
}

const assets = {
  css: asset(/<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)" crossorigin="anonymous">/, 'stylesheet'),
  wasm: asset(/<link rel="preload" href="([^"]+)" crossorigin="anonymous" data-integrity="([^"]+)"/, 'wasm preload'),
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

const module = await readFile('src/boot/element.js', 'utf8');
for (const placeholder of ['/* ASSETS */ null', '/* FAILED */ null']) {
  if (!module.includes(placeholder)) throw new Error(`src/boot/element.js has no ${placeholder}`);
}
// The custom element's module holds the glue too, for the same reason: the
// host's integrity hash on its script tag covers every line that runs.
const element = await minified(
  bundle(
    scripts.glue,
    module.replace('/* ASSETS */ null', JSON.stringify(assets)).replace('/* FAILED */ null', JSON.stringify(failed)),
  ),
);
for (const name of ['cyberscreen-element.js', `cyberscreen-element-${version}.js`]) {
  await writeFile(join(dist, name), element);
}

// A page's description for search engines and link previews: its start
// page's lead, in the page's language, so that it says what the page says.
const viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">';
function described(page, start) {
  const lead = start.match(/<p class="cs-lead">([^<]+)<\/p>/)?.[1];
  if (!lead || !page.includes(viewport)) throw new Error('a page without a lead or a viewport to describe it by');
  const content = unescape(lead).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const meta = `<meta name="description" content="${content}">`;
  return page.replace(/\n  <meta name="description" content="[^"]*">/, '').replace(viewport, `${viewport}\n  ${meta}`);
}
// Each page names its versions in the other languages, before the first
// script: failed.js sends a reader of the English page who asks for one of
// them there before anything is painted.
const failedTag = '<script src="./failed.js"';
function alternates(page, name) {
  if (!page.includes(failedTag)) throw new Error(`dist/${name}.html has no ${failedTag}`);
  const links = Object.keys(packs)
    .map((code) => `<link rel="alternate" hreflang="${code}" href="./${code === 'en' ? name : `${name}.${code}`}.html">`)
    .join('');
  return page.replace(failedTag, `${links}\n  ${failedTag}`);
}
// Each page starts the download of its own language's pack beside the
// wasm's, rather than once the loader has run. That is the pack the loader
// takes (the page's `data-lang`, or English on the page a reader stays on),
// but for a host that frames one language's page and asks for another: that
// preload then goes unused. The loader's fetch, with the pack's hash, is
// served from the preload (one request).
const wasmTag = /<link rel="preload" href="[^"]+" crossorigin="anonymous" data-integrity="[^"]+" as="fetch" type="application\/wasm">/;
function preloaded(page, lang) {
  if (!wasmTag.test(page)) throw new Error('a page without the wasm preload');
  return page.replace(wasmTag, (tag) => `${tag}<link rel="preload" href="./${packs[lang].href}" crossorigin="anonymous" as="fetch">`);
}
index = described(index, index);
// The iframe page: the standalone page, told by `data-embed` to take its
// settings from the fragment.
const embed = alternates(
  index.replace('<div id="cyberscreen" class="cs-host">', '<div id="cyberscreen" class="cs-host" data-embed>'),
  'embed',
);
if (!embed.includes('data-embed>')) throw new Error('dist/index.html has no #cyberscreen to mark');
index = alternates(index, 'index');
await writeFile(join(dist, 'index.html'), preloaded(index, 'en'));
await writeFile(join(dist, 'embed.html'), preloaded(embed, 'en'));

// Each other language's own pages, index.<lang>.html and embed.<lang>.html,
// with its start page rendered in (src/boot/start/<lang>.html, kept current
// by tests/native/prerender.rs): a host or a link that names the page shows the
// language from the first paint.
const startRegion = /(<div id="cyberscreen" class="cs-host"(?: data-embed)?)>[\s\S]*?(<\/div>\n  <template id="cyberscreen-failed">)/;
for (const lang of Object.keys(packs).filter((code) => code !== 'en')) {
  const start = (await readFile(join('src/boot/start', `${lang}.html`), 'utf8')).trimEnd();
  for (const [page, name] of [[index, 'index'], [embed, 'embed']]) {
    const localised = described(
      page
        .replace('<html lang="en">', `<html lang="${lang}">`)
        .replace(startRegion, (_, open, close) => `${open} data-lang="${lang}">${start}${close}`),
      start,
    );
    if (!localised.includes(`<html lang="${lang}">`) || !localised.includes(`data-lang="${lang}">`)) {
      throw new Error(`dist/${name}.html: no place for the ${lang} start page`);
    }
    await writeFile(join(dist, `${name}.${lang}.html`), preloaded(localised, lang));
  }
}

const csp = index.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
if (!csp) throw new Error('dist/index.html has no Content-Security-Policy');

// Each language's accessibility statement on a page of its own,
// accessibility.html and accessibility.<lang>.html: rendered by the content
// compiler from content/accessibility/, styled by the widget's stylesheet,
// and running no code.
const attr = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const statements = JSON.parse(await readFile(join(dist, 'accessibility.json'), 'utf8'));
await rm(join(dist, 'accessibility.json'));
const statementPages = [];
for (const [lang, { title, lead, body }] of Object.entries(statements)) {
  const name = lang === 'en' ? 'accessibility.html' : `accessibility.${lang}.html`;
  const page = `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="${attr(lead)}">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="referrer" content="no-referrer">
  <title>${attr(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="./${assets.css.href}" integrity="${assets.css.integrity}" crossorigin="anonymous">
</head>
<body>
  <div class="cs-host"><div class="cs"><main class="cs-main"><div class="cs-page">${body}</div></main></div></div>
</body>
</html>
`;
  await writeFile(join(dist, name), page);
  statementPages.push(`/${name}`);
}
if (!statementPages.includes('/accessibility.html')) throw new Error('no English accessibility statement');

// The headers to serve the files with (scripts/headers.txt), for each page
// there is: the pages' own policy, as a header, says who may frame them.
// The statements are served as the widget's own page is.
const pages = { '/index.html': ['/', ...statementPages], '/embed.html': [] };
for (const lang of Object.keys(packs).filter((code) => code !== 'en')) {
  pages['/index.html'].push(`/index.${lang}.html`);
  pages['/embed.html'].push(`/embed.${lang}.html`);
}
const headers = (await readFile('scripts/headers.txt', 'utf8'))
  .replaceAll('{csp}', csp)
  .replace(/^(\/(?:index|embed)\.html)\n((?:[ \t]+.*\n)+)/gm, (_, path, lines) =>
    [path, ...pages[path]].map((p) => `${p}\n${lines}`).join(''),
  );
await writeFile(join(dist, '_headers'), headers);

const integrity = {};
for (const name of (await readdir(dist)).sort()) {
  if (name === 'integrity.json' || name === '_headers') continue;
  integrity[name] = sri(await readFile(join(dist, name)));
}
await writeFile(join(dist, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
console.log(`embedding files written for version ${version}: cyberscreen-element.js, embed.html, a page per language, the accessibility statements, integrity.json`);
