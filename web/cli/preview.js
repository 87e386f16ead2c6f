// `article-widget preview CONTENT_DIR`: serves a page with the widget on it
// (web/node/server.js: strict CSP, application/wasm) from a build held in
// memory, rebuilds when a file in the folder changes and tells the page
// to reload (server-sent events). A content error is printed and shown on
// the page; the last good build goes on being served. The content files
// are served as the packer writes them (no compression: the page is
// local), and a rebuild reads only the files the folder's watcher named
// (content-folder.js's cache), so that with ten thousand articles a save
// shows in a fraction of a second.
//
// It listens on 127.0.0.1 only, and answers only requests that name it
// (Host: 127.0.0.1:PORT or localhost:PORT): a page elsewhere that points
// a name of its own at 127.0.0.1 (DNS rebinding) gets 421, not the drafts.
// /events takes a bounded number of clients; a build that fails or never
// ends does not stop the next one (rebuilds.js).

import { watch } from 'node:fs';

import { DEFAULT_CSP, startServer } from '../node/server.js';
import demoCss from '../demo.css' with { type: 'text' };
import favicon from '../favicon.svg' with { type: 'text' };
import clientScript from './preview-client.js' with { type: 'text' };
import previewCss from './preview.css' with { type: 'text' };
import { CommandError, ContentError } from './errors.js';
import { previewPage } from './preview-page.js';
import { createRebuilds } from './rebuilds.js';
import { buildSite } from './site.js';

const ASSETS = {
  '/demo.css': Buffer.from(demoCss),
  '/preview.css': Buffer.from(previewCss),
  '/favicon.svg': Buffer.from(favicon),
  '/preview-client.js': Buffer.from(clientScript),
};
// Editors save in bursts (temporary file, rename, touch): one rebuild each.
const SETTLE_MS = 60;
// Pages listening for rebuilds at once (a page holds one connection).
const MAX_EVENT_CLIENTS = 32;
// A build that takes longer is given up (reads have their own limit:
// content-folder.js).
const BUILD_TIMEOUT_MS = 120_000;

// Resolves to { url, close() } once the page is served. `log(line)` and
// `logError(line)` receive what the terminal shows.
export async function preview({ pkg, pack, contentDir, port = 8000, log, logError }) {
  let site = null; // the last good build
  let build = 0; // its id; the page reloads when it changes
  let error = null; // the last attempt's error, while it stands
  const clients = new Set();

  const state = () => `event: build\ndata: ${JSON.stringify({ build, error })}\n\n`;
  const tell = () => {
    for (const res of clients) res.write(state());
  };

  const cache = new Map(); // content-folder.js's: the files read, by name
  let changed = null; // the names the watcher reported since the last build began; null: look at every file
  const note = (name) => {
    if (name == null) changed = null;
    else changed?.add(String(name));
  };

  let attempt = 0; // the latest build started: an older one that ends late is ignored
  async function rebuild() {
    const mine = ++attempt;
    const started = performance.now();
    const names = changed;
    changed = new Set();
    try {
      const next = await buildSite({ pkg, pack, contentDir, compress: false, cache, changed: names });
      if (mine !== attempt) return;
      site = next;
      build++;
      error = null;
      for (const warning of site.warnings) logError(`article-widget: warning: ${warning}`);
      const n = site.slugs.length;
      log(`built ${n} article${n === 1 ? '' : 's'} (${site.catalog.length} trending) in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      changed = null; // what this build took in is not known: the next looks at everything
      if (mine !== attempt) return;
      error = err.message;
      if (err instanceof ContentError) logError(err.message);
      else logError(`article-widget: ${err instanceof CommandError ? err.message : err.stack}`);
      if (site) log('still serving the last good build');
    }
    tell();
  }
  const rebuilds = createRebuilds(rebuild, {
    settleMs: SETTLE_MS,
    timeoutMs: BUILD_TIMEOUT_MS,
    onTimeout() {
      attempt++;
      changed = null;
      error = `the build took longer than ${BUILD_TIMEOUT_MS / 1000} s and was given up`;
      logError(`article-widget: ${error}`);
      tell();
    },
  });

  await rebuilds.run();
  let watcher;
  try {
    watcher = watch(contentDir, (type, name) => {
      note(name);
      rebuilds.schedule();
    });
  } catch (err) {
    rebuilds.close();
    throw new CommandError(`cannot watch ${contentDir}: ${err.message}`);
  }
  watcher.on('error', (err) => logError(`article-widget: watching ${contentDir} stopped: ${err.message}`));

  const files = (path) => {
    if (path === '/index.html') {
      return Buffer.from(previewPage({
        folder: contentDir, version: pkg.version, build, catalog: site?.catalog ?? [], slugs: site?.slugs ?? [], error,
      }));
    }
    if (Object.hasOwn(ASSETS, path)) return ASSETS[path];
    const name = path.startsWith('/dist/') ? path.slice('/dist/'.length) : null;
    return name ? site?.files.get(name) : undefined;
  };
  const routes = {
    '/events': (req, res) => {
      const headers = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' };
      if (clients.size >= MAX_EVENT_CLIENTS) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' });
        res.end(req.method === 'HEAD' ? undefined : `at most ${MAX_EVENT_CLIENTS} pages listen for rebuilds at once\n`);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      res.write(`retry: 1000\n\n${state()}`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
  };

  let server;
  try {
    server = await startServer({ port, root: null, dist: null, csp: DEFAULT_CSP, files, routes, ownHostOnly: true });
  } catch (err) {
    watcher.close();
    rebuilds.close();
    if (err.code === 'EADDRINUSE') throw new CommandError(`port ${port} is in use: pass --port N (0 picks a free one)`);
    throw new CommandError(`cannot serve on port ${port}: ${err.message}`);
  }
  return {
    url: server.url,
    // Does not wait for a build that is running: it may never end.
    async close() {
      watcher.close();
      rebuilds.close();
      await server.close();
    },
  };
}
