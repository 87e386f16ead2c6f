// `article-widget preview CONTENT_DIR`: serves a page with the widget on it
// (web/node/server.js: strict CSP, application/wasm) from a build held in
// memory, rebuilds when a file in the folder changes and tells the page
// to reload (server-sent events). A content error is printed and shown on
// the page; the last good build goes on being served.

import { watch } from 'node:fs';

import { DEFAULT_CSP, startServer } from '../node/server.js';
import demoCss from '../demo.css' with { type: 'text' };
import favicon from '../favicon.svg' with { type: 'text' };
import clientScript from './preview-client.js' with { type: 'text' };
import previewCss from './preview.css' with { type: 'text' };
import { CommandError, ContentError } from './errors.js';
import { previewPage } from './preview-page.js';
import { buildSite } from './site.js';

const ASSETS = {
  '/demo.css': Buffer.from(demoCss),
  '/preview.css': Buffer.from(previewCss),
  '/favicon.svg': Buffer.from(favicon),
  '/preview-client.js': Buffer.from(clientScript),
};
// Editors save in bursts (temporary file, rename, touch): one rebuild each.
const SETTLE_MS = 60;

// Resolves to { url, close() } once the page is served. `log(line)` and
// `logError(line)` receive what the terminal shows.
export async function preview({ pkg, pack, contentDir, port = 8000, log, logError }) {
  let site = null; // the last good build
  let build = 0; // its id; the page reloads when it changes
  let error = null; // the last attempt's error, while it stands
  const clients = new Set();

  const state = () => `event: build\ndata: ${JSON.stringify({ build, error })}\n\n`;

  async function rebuild() {
    try {
      site = await buildSite({ pkg, pack, contentDir });
      build++;
      error = null;
      log(`built ${site.catalog.length} article${site.catalog.length === 1 ? '' : 's'} (wasm sha384 ${site.hash})`);
    } catch (err) {
      error = err.message;
      if (err instanceof ContentError) logError(err.message);
      else logError(`article-widget: ${err instanceof CommandError ? err.message : err.stack}`);
      if (site) log('still serving the last good build');
    }
    for (const res of clients) res.write(state());
  }

  // One rebuild at a time; changes during one ask for one more after it.
  let running = null;
  let again = false;
  let timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = rebuild().finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    }, SETTLE_MS);
  }

  await rebuild();
  let watcher;
  try {
    watcher = watch(contentDir, () => schedule());
  } catch (err) {
    throw new CommandError(`cannot watch ${contentDir}: ${err.message}`);
  }
  watcher.on('error', (err) => logError(`article-widget: watching ${contentDir} stopped: ${err.message}`));

  const files = (path) => {
    if (path === '/index.html') {
      return Buffer.from(previewPage({ folder: contentDir, version: pkg.version, build, catalog: site?.catalog ?? [], error }));
    }
    if (Object.hasOwn(ASSETS, path)) return ASSETS[path];
    const name = path.startsWith('/dist/') ? path.slice('/dist/'.length) : null;
    return site && name && Object.hasOwn(site.files, name) ? site.files[name] : undefined;
  };
  const routes = {
    '/events': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(`retry: 1000\n\n${state()}`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
  };

  let server;
  try {
    server = await startServer({ port, root: null, dist: null, csp: DEFAULT_CSP, files, routes });
  } catch (err) {
    watcher.close();
    if (err.code === 'EADDRINUSE') throw new CommandError(`port ${port} is in use: pass --port N (0 picks a free one)`);
    throw new CommandError(`cannot serve on port ${port}: ${err.message}`);
  }
  return {
    url: server.url,
    async close() {
      watcher.close();
      clearTimeout(timer);
      await running;
      await server.close();
    },
  };
}
