// The benchmarks' local web server, run in a worker thread by paint.mjs's
// serve(): its own event loop, so that a browser driver busy with its
// protocol messages on the main thread never delays a response (in one
// thread, Firefox's requests waited 30-70 ms for the driver's events).
// workerData: { pages, files, roots } as serve() takes them. Posts
// { port } once listening, and { painted: ID } for each page's mark
// (/__painted?load=ID).

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const TYPES = {
  '.map': 'application/json', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
};

const { pages, files, roots } = workerData;

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = decodeURIComponent(url.pathname);
  if (path === '/__painted') {
    parentPort.postMessage({ painted: url.searchParams.get('load') });
    res.writeHead(204).end();
    return;
  }
  let body = null;
  let cache = 'no-store';
  if (path.startsWith('/page/')) {
    body = pages[path.slice(6)] ?? null;
  } else if (Object.hasOwn(files, path)) {
    body = files[path];
    cache = 'public, max-age=31536000, immutable';
  } else {
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      try { body = readFileSync(file); } catch { body = null; }
    }
  }
  if (body === null) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': cache });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
