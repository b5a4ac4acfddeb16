// A small static server for the end-to-end tests: serves a built site folder the way a plain
// static host does (directory index.html, 404.html with status 404). `astro preview` allows only
// one server per project, and the tests serve the real and the demo build side by side.
// Usage: node scripts/serve.mjs <dir> <port>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [dir = 'dist', port = '4329'] = process.argv.slice(2);
const root = path.resolve(dir);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.wasm': 'application/wasm', '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

function resolve(urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  const file = path.join(root, clean);
  if (!file.startsWith(root)) return undefined;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    return fs.existsSync(index) ? index : undefined;
  }
  return fs.existsSync(file) ? file : undefined;
}

http
  .createServer((req, res) => {
    const file = resolve(req.url ?? '/');
    const status = file ? 200 : 404;
    const body = file ?? path.join(root, '404.html');
    res.writeHead(status, { 'content-type': TYPES[path.extname(body)] ?? 'application/octet-stream' });
    fs.createReadStream(body).pipe(res);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}/`));
