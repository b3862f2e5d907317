// `make serve`: serves dist/ on 127.0.0.1 with the headers of dist/_headers,
// as a host configured by EMBEDDING.md's hosting checklist would.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { parseHeaders, headersFor, types } from './headers.mjs';

const dist = 'dist';
const port = Number(process.argv[2] ?? 8080);
const rules = parseHeaders(await readFile(join(dist, '_headers'), 'utf8'));

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = join(dist, path.endsWith('/') ? path + 'index.html' : path);
  if (!file.startsWith(dist) || path === '/_headers') {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headersFor(rules, path) });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`cyberscreen: http://127.0.0.1:${port}/`));
