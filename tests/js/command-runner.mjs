// Running the package's command (dist/article-widget-cli.mjs) and the
// native aw-embed from the tests: a build as a process, the preview
// server, its event stream. Shared by command.test.mjs and
// command-hostile.test.mjs.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

import { DIST, requireFile } from './helpers.mjs';

export const COMMAND = join(DIST, 'article-widget-cli.mjs');
export const EMBED = resolve(process.env.AW_EMBED || 'build/native/aw-embed');

export const command = () => requireFile(COMMAND, 'run scripts/build (or set AW_DIST)');
export const embed = () => requireFile(EMBED, 'run scripts/build (or set AW_EMBED)');

// The command, run to its end in `cwd`: { status, stdout, stderr }.
export function run(cwd, ...args) {
  return spawnSync(process.execPath, [command(), ...args], { encoding: 'utf8', cwd });
}

// Any program, without blocking, so that cases can run side by side:
// resolves to { status, stdout, stderr }. `shell` runs it under sh -c
// after that shell command (ulimit, umask).
export function runAsync(cwd, file, args, { shell } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = shell
      ? spawn('sh', ['-c', `${shell}; exec "$@"`, 'sh', file, ...args], { cwd })
      : spawn(file, args, { cwd });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (d) => { out.stdout += d; });
    child.stderr.on('data', (d) => { out.stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, ...out }));
  });
}

// Starts `preview folder --port 0`; `url` resolves once it prints its URL.
export function startPreview(cwd, folder) {
  const child = spawn(process.execPath, [command(), 'preview', folder, '--port', '0'], { cwd });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => { output.stdout += d; });
  child.stderr.on('data', (d) => { output.stderr += d; });
  const url = new Promise((resolveUrl, reject) => {
    child.stdout.on('data', () => {
      const m = /previewing .* at (http:\/\/\S+) /.exec(output.stdout);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output.stderr}`)));
  });
  return { child, output, url };
}

// The build events the server sends, as they come.
export async function* buildEvents(url) {
  const res = await fetch(new URL('events', url));
  assert.equal(res.headers.get('content-type'), 'text/event-stream');
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) {
    text += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const m = /^event: build\ndata: (.*)$/m.exec(text.slice(0, end));
      text = text.slice(end + 2);
      if (m) yield JSON.parse(m[1]);
    }
  }
}

// The next event that `wanted` accepts (an editor's save may come as more
// than one change, and so more than one build).
export async function nextEvent(events, wanted) {
  for (;;) {
    const { value, done } = await events.next();
    assert.ok(!done, 'the event stream ended');
    if (wanted(value)) return value;
  }
}
