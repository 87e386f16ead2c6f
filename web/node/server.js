// Dependency-free static server: the repository's test page and browser
// tests (tools/serve.mjs, scripts/serve) and the package's preview command
// (web/cli/preview.js, which serves its page and its in-memory build
// through `files` and `routes`).
//
//   import { startServer } from './server.js';
//   const { url, close } = await startServer({ port: 0, root, dist, wasmContentType, csp, fileHeaders, files, routes });
//
// Routes: /  -> ROOT/web/index.html
//         /dist/...  -> files of ROOT/dist/ (or the `dist` option)
//         anything else -> files under ROOT/web/ (e.g. /two-widgets.html)
// Query strings are ignored (the shim asks for article-widget.wasm?v=HASH).
// Paths that escape their folder are refused; everything else missing is 404.
// A file with a precompressed copy beside it (NAME.br, NAME.gz, as dist/
// has: precompress.js) is sent as that copy, with Content-Encoding, when
// the request's Accept-Encoding takes it.
//
// HTML is served with a strict Content-Security-Policy, the one the widget is
// meant to work under (no inline script or style; 'wasm-unsafe-eval' only),
// so a violation shows up as a console error in the browser tests.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

import { ENCODINGS } from './precompress.js';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The encodings an Accept-Encoding header takes (q=0 refuses one).
function accepted(header) {
  const taken = new Set();
  for (const part of String(header || '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) taken.add(token);
  }
  return taken;
}

// The precompressed copy of `file` to send: { hasCopy, path, size,
// encoding } for the first of ENCODINGS that exists and the request takes;
// path null when none does. With any copy, the response varies by
// Accept-Encoding.
async function precompressed(file, acceptEncoding) {
  const taken = accepted(acceptEncoding);
  let hasCopy = false;
  for (const [encoding, suffix] of Object.entries(ENCODINGS)) {
    const info = await stat(file + suffix).catch(() => null);
    if (!info?.isFile()) continue;
    hasCopy = true;
    if (taken.has(encoding)) return { hasCopy, path: file + suffix, size: info.size, encoding };
  }
  return { hasCopy, path: null };
}

// Maps a URL path to a file path inside `base`, or null when the path is
// malformed or would leave `base`.
function within(base, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

/**
 * Starts the server. Options:
 *   port             0 for an ephemeral port (default 8000)
 *   host             default 127.0.0.1
 *   root             the folder whose web/ is served at / (the repository, for its test page);
 *                    null (the default): no web/
 *   dist             folder served at /dist/ (default ROOT/dist; without a root, none); null: none
 *   files            (pathname) -> Buffer | undefined: files held in memory, found before any on
 *                    disk, with the same headers ("/" asks for "/index.html")
 *   routes           { pathname: (req, res) => void }: responses of their own (server-sent events)
 *   ownHostOnly      answer only requests whose Host names this server (HOST:PORT or
 *                    localhost:PORT); any other gets 421, so a page elsewhere that points a
 *                    name of its own at 127.0.0.1 (DNS rebinding) cannot read what is served
 *   wasmContentType  Content-Type for .wasm (tests use a wrong one to exercise the fallback)
 *   csp              Content-Security-Policy for HTML; false for none
 *   fileHeaders      extra headers for every file but HTML (tests pose as a CDN:
 *                    Access-Control-Allow-Origin, a long immutable Cache-Control)
 * Resolves to { url, port, close() }; close() resolves once the server is closed.
 */
export async function startServer({
  port = 8000,
  host = '127.0.0.1',
  root = null,
  dist,
  wasmContentType = 'application/wasm',
  csp = DEFAULT_CSP,
  fileHeaders = {},
  files = () => undefined,
  routes = {},
  ownHostOnly = false,
} = {}) {
  let ownHosts = new Set(); // filled once the port is known
  const webDir = root === null ? null : resolve(root, 'web');
  const distDir = dist === null || (dist === undefined && root === null) ? null : resolve(dist ?? join(root, 'dist'));

  const headersFor = (file, size) => {
    const ext = extname(file).toLowerCase();
    const headers = {
      'Content-Type': ext === '.wasm' ? wasmContentType : MIME[ext] || 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ext === '.html' && csp) headers['Content-Security-Policy'] = csp;
    if (ext !== '.html') Object.assign(headers, fileHeaders);
    return headers;
  };

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (ownHostOnly && !ownHosts.has(String(req.headers.host).toLowerCase())) {
      send(421, `this server answers only requests for ${[...ownHosts].join(' or ')}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const pathname = (req.url || '/').split(/[?#]/, 1)[0];
    if (!pathname.startsWith('/')) {
      send(400, 'Bad Request\n');
      return;
    }

    if (Object.hasOwn(routes, pathname)) {
      routes[pathname](req, res);
      return;
    }
    const held = files(pathname === '/' ? '/index.html' : pathname);
    if (held) {
      res.writeHead(200, headersFor(pathname === '/' ? 'index.html' : pathname, held.length));
      res.end(req.method === 'HEAD' ? undefined : held);
      return;
    }

    const inDist = pathname === '/dist' || pathname.startsWith('/dist/');
    if (!(inDist ? distDir : webDir)) {
      send(404, 'Not Found\n');
      return;
    }
    let file;
    if (pathname === '/') file = join(webDir, 'index.html');
    else if (inDist) file = within(distDir, pathname.slice('/dist'.length));
    else file = within(webDir, pathname);
    if (!file) {
      send(403, 'Forbidden\n');
      return;
    }

    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
    } catch {
      info = null;
    }
    if (!info || !info.isFile()) {
      send(404, 'Not Found\n');
      return;
    }

    const copy = await precompressed(file, req.headers['accept-encoding']);
    const headers = headersFor(file, copy.path ? copy.size : info.size);
    if (copy.hasCopy) headers.Vary = 'Accept-Encoding';
    if (copy.path) {
      headers['Content-Encoding'] = copy.encoding;
      file = copy.path;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const actualPort = server.address().port;
  ownHosts = new Set([`${host.includes(':') ? `[${host}]` : host}:${actualPort}`, `localhost:${actualPort}`]);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  const close = () =>
    new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections?.();
    });
  return { url, port: actualPort, close };
}
