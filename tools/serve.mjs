#!/usr/bin/env node
// The test page (web/index.html) and dist/ on http://127.0.0.1:$PORT/
// (default 8000), with the server of web/node/server.js: what scripts/serve
// runs. Like the preview, it answers only requests that name it (no DNS
// rebinding).
//
//   node tools/serve.mjs

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../web/node/server.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const port = Number(process.env.PORT ?? 8000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`serve: PORT must be a port number, got ${process.env.PORT}\n`);
  process.exit(2);
}
const { url, close } = await startServer({ port, root: REPO, ownHostOnly: true });
process.stdout.write(`Serving article-widget demo at ${url}\n`);
try {
  await stat(join(REPO, 'dist', 'article-widget.js'));
} catch {
  process.stdout.write('note: dist/article-widget.js is missing: run scripts/build first\n');
}
const stop = () => close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
