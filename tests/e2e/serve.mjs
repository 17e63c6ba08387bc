// Serves a built dist/ under a sub-path, the way a static host does:
//   node tests/e2e/serve.mjs DIST /newsline/ PORT
// Files only; anything outside the sub-path is a 404. Used by `.ci/serve` and the e2e tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
};

export function serve(dist, base = '/newsline/', port = 0) {
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', base = '/newsline/', port = '8080'] = process.argv.slice(2);
  const server = await serve(dist, base, Number(port));
  console.log(`Newsline is served at http://127.0.0.1:${server.address().port}${base}`);
}
