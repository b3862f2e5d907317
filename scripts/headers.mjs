// What the widget's files are served with: their content types, and the
// headers of a file in the `_headers` format (scripts/headers.txt), which
// apply to a path when a rule's path is the same, or ends in `*` and begins
// the same. Used by `make serve` and the end-to-end tests' server.

export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};


/** `[{ path, headers: [[name, value], …] }, …]` from the text of a `_headers` file. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0 || !rules.length) throw new Error(`not a header line: ${line}`);
    rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for `pathname`, as an object of lower-case names. */
export function headersFor(rules, pathname) {
  const found = {};
  for (const { path, headers } of rules) {
    const match = path.endsWith('*') ? pathname.startsWith(path.slice(0, -1)) : pathname === path;
    if (match) for (const [name, value] of headers) found[name.toLowerCase()] = value;
  }
  return found;
}
