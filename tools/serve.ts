// A small static server for the end-to-end tests and the Lighthouse audit: serves a built site
// folder the way the deployment's nginx does (deploy/nginx.conf): directory index.html, 404.html
// with status 404, and text gzip-compressed for browsers that accept it. `astro preview` allows only
// one server per project, and the tests serve the real and the demo build side by side.
// Usage: node tools/serve.ts <dir> <port>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir = 'dist', port = '4329'] = process.argv.slice(2);
const root = path.resolve(dir);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.wasm': 'application/wasm', '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/** What nginx compresses: text; Pagefind's files and the images are compressed already. */
const COMPRESSED = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

function resolve(urlPath: string): string | undefined {
  let clean: string;
  try {
    clean = path.normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  } catch {
    return undefined; // a malformed %-escape: the 404 page, not an uncaught error that stops the server
  }
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
    const type = TYPES[path.extname(body)] ?? 'application/octet-stream';
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, { 'content-type': type, vary: 'Accept-Encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    const stream = fs.createReadStream(body);
    (gzip ? stream.pipe(zlib.createGzip({ level: 6 })) : stream).pipe(res);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}/`));
