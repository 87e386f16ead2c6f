// The package's command run as a site owner runs it, on a hostile content
// folder, a hostile output folder and a hostile network (issue 19's
// review): nothing is read from outside the folder and nothing unbounded,
// nothing printed can drive the terminal, nothing is lost or overwritten
// that is not the widget's, and the preview answers only its own page and
// survives builds that fail. Where aw-embed (what scripts/build runs)
// reads the same folder, it says exactly what the command says.
//
//   node --test tests/js/command-hostile.test.mjs   (AW_DIST, AW_EMBED)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';

import { CONTENT, DIST, mountTmpfs } from './helpers.mjs';
import { writeContentFolder } from './content-folders.mjs';
import { buildEvents, command, embed, nextEvent, run as runIn, runAsync, startPreview } from './command-runner.mjs';
import { RECORD } from '../../web/cli/output.js';

const tmp = mkdtempSync(join(tmpdir(), 'aw-command-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args) => runIn(tmp, ...args);
// Cases that could hang if the rule broke fail instead.
const BOUNDED = { timeout: 60_000 };

const ONE = { slug: 'one', title: 'One', date: '2026-01-02', body: 'The first article.' };
const TWO = { slug: 'two', title: 'Two', date: '2026-01-01', body: 'The second article.' };

// A new folder holding ONE and TWO, trending.md listing ONE.
function folder(name) {
  const dir = join(tmp, name);
  writeContentFolder(dir, [ONE, TWO], ['one']);
  return dir;
}

const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// `build dir` fails with exactly `expected` (one line), writes nothing,
// and aw-embed on the same files (as CMake passes them, in a list) says
// the same and writes nothing either.
async function refusedByBoth(dir, expected) {
  const out = join(tmp, 'refused', basename(dir));
  const r = await runAsync(tmp, process.execPath, [command(), 'build', dir, '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, `${expected}\n`);
  assert.equal(r.stdout, '');
  assert.ok(!existsSync(out), 'nothing written');
  const articles = readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'trending.md' && !n.startsWith('.')).sort(byBytes);
  const list = join(tmp, `${basename(dir)}.list`);
  writeFileSync(list, articles.map((n) => `${join(dir, n)}\n`).join(''));
  const nativeOut = join(tmp, 'refused-native', basename(dir));
  const native = await runAsync(tmp, embed(), ['--out', nativeOut, '--trending', join(dir, 'trending.md'), '--list', list]);
  assert.equal(native.status, 1);
  assert.equal(native.stderr, r.stderr, 'aw-embed says the same');
  assert.ok(!existsSync(nativeOut), 'aw-embed wrote nothing');
  return r;
}

describe('reading: regular files directly inside the folder, within limits, checked before reading', { concurrency: 4 }, () => {
  test('a symbolic link out of the folder is refused, and what it points to is never printed', BOUNDED, async () => {
    const dir = folder('link-out');
    mkdirSync(join(tmp, 'private'), { recursive: true });
    writeFileSync(join(tmp, 'private', 'draft.md'), '---\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n---\nDraft.\n');
    symlinkSync(join(tmp, 'private', 'draft.md'), join(dir, 'zz.md'));
    const r = await refusedByBoth(dir, `${dir}/zz.md: a symbolic link; content files must be regular files (links are not followed)`);
    assert.ok(!r.stderr.includes('AWS_SECRET'));
  });

  test('a symbolic link inside the folder is refused too (one rule: no links)', BOUNDED, async () => {
    const dir = folder('link-in');
    symlinkSync('one.md', join(dir, 'copy.md'));
    await refusedByBoth(dir, `${dir}/copy.md: a symbolic link; content files must be regular files (links are not followed)`);
  });

  test('a link to /dev/zero is refused at once, memory flat', BOUNDED, async () => {
    const dir = folder('dev-zero');
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    await refusedByBoth(dir, `${dir}/zero.md: a symbolic link; content files must be regular files (links are not followed)`);
  });

  test('a FIFO is refused without waiting for a writer', BOUNDED, async () => {
    const dir = folder('fifo');
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    await refusedByBoth(dir, `${dir}/pipe.md: a FIFO; content files must be regular files`);
  });

  test('a folder named like an article is refused, not searched', BOUNDED, async () => {
    const dir = folder('subfolder');
    mkdirSync(join(dir, 'drafts.md'));
    await refusedByBoth(dir, `${dir}/drafts.md: a folder; content files must be regular files`);
  });

  test('an article over 1 MiB is refused before it is read', BOUNDED, async () => {
    const dir = folder('large');
    writeFileSync(join(dir, 'huge.md'), '');
    truncateSync(join(dir, 'huge.md'), 100 * 1024 * 1024); // sparse: 100 MB that take no disk
    await refusedByBoth(dir, `${dir}/huge.md: 104857600 bytes, more than the 1048576 (1 MiB) a content file may have`);
  });

  test('a build over 1 GiB is refused before anything is read, naming the file that passes the limit', BOUNDED, async () => {
    const dir = folder('too-much');
    for (let i = 1; i <= 1025; i++) {
      const file = join(dir, `bulk-${String(i).padStart(4, '0')}.md`);
      writeFileSync(file, '');
      truncateSync(file, 1024 * 1024);
    }
    await refusedByBoth(dir, `${dir}/bulk-1025.md: the content files come to 1074790400 bytes with this one, `
      + 'more than the 1073741824 (1024 MiB) a build may have');
  });

  test('more than 100,000 articles are named as such, not EMFILE', BOUNDED, async () => {
    const dir = folder('too-many');
    for (let i = 0; i < 99999; i++) writeFileSync(join(dir, `a${i}.md`), '');
    await refusedByBoth(dir, `${dir}/trending.md:1: 100001 articles, more than the 100000 a build may have`);
  });

  test('1,000 articles build with 128 file descriptors: files are read a few at a time', BOUNDED, async () => {
    const dir = join(tmp, 'thousand');
    const articles = Array.from({ length: 1000 }, (_, i) => ({
      slug: `article-${i}`, title: `Article ${i}`, date: '2026-01-01', body: `Text of article ${i}.`,
    }));
    writeContentFolder(dir, articles, ['article-1']);
    const r = await runAsync(tmp, process.execPath, [command(), 'build', dir, '--out', join(tmp, 'thousand-out')],
      { shell: 'ulimit -n 128' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^article-widget: 1000 articles \(1 trending\) from /);
  });

  test('x.MD and other near misses are not read, with a warning; the build goes on', BOUNDED, async () => {
    const dir = folder('near-miss');
    for (const name of ['Three.MD', 'four.markdown', 'five.Md', 'six.md ']) {
      writeFileSync(join(dir, name), '---\ntitle: Not read\nslug: not-read\ndate: 2026-01-01\n---\nText.\n');
    }
    writeFileSync(join(dir, 'notes.txt'), 'not an article, and nothing said about it');
    writeFileSync(join(dir, '.draft.md.swp'), 'an editor\'s file: skipped');
    const r = await runAsync(tmp, process.execPath, [command(), 'build', dir, '--out', join(tmp, 'near-miss-out')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^article-widget: 2 articles \(1 trending\) from /);
    const warned = r.stderr.trimEnd().split('\n');
    assert.deepEqual(warned.sort(), ['Three.MD', 'five.Md', 'four.markdown', 'six.md '].sort()
      .map((n) => `article-widget: warning: ${dir}/${n} is not read: only names ending in .md are articles`).sort());
  });

  test('Trending.md is named when trending.md is missing', () => {
    const dir = folder('trending-case');
    rmSync(join(dir, 'trending.md'));
    writeFileSync(join(dir, 'Trending.md'), '1. one\n');
    const r = run('build', dir, '--out', join(tmp, 'trending-case-out'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /trending\.md is missing: .* \(.*\/Trending\.md is not it: the name is lowercase\)\n$/);
  });

  test('a byte-order mark at the start of trending.md is taken, as in an article', () => {
    const dir = folder('bom');
    writeFileSync(join(dir, 'trending.md'), '\uFEFF# Trending\n\n1. one\n');
    const r = run('build', dir, '--out', join(tmp, 'bom-out'));
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('what reaches the terminal is printable', () => {
  // Retitles the terminal, wipes the line, returns to its start.
  const ESCAPES = '\x1B]0;owned\x07\x1B[2K\r';
  const SHOWN = '\\x1B]0;owned\\x07\\x1B[2K\\x0D';

  test('a file name holding escape sequences, in a content error', BOUNDED, async () => {
    const dir = folder('escape-name');
    writeFileSync(join(dir, `${ESCAPES}all-good.md`), '---\ntitle: T\nslug: t\ndate: 2026-02-30\n---\nText.\n');
    await refusedByBoth(dir, `${dir}/${SHOWN}all-good.md:4: date '2026-02-30' is not a calendar date written YYYY-MM-DD`);
  });

  test('in a message of the command\'s own, and a warning', BOUNDED, async () => {
    const dir = folder('escape-link');
    symlinkSync('one.md', join(dir, `${ESCAPES}.md`));
    await refusedByBoth(dir, `${dir}/${SHOWN}.md: a symbolic link; content files must be regular files (links are not followed)`);
    rmSync(join(dir, `${ESCAPES}.md`));
    writeFileSync(join(dir, `${ESCAPES}.MD`), 'x');
    const r = run('build', dir, '--out', join(tmp, 'escape-link-out'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, `article-widget: warning: ${dir}/${SHOWN}.MD is not read: only names ending in .md are articles\n`);
  });

  test('in the folder names the report prints', () => {
    const dir = folder(`report-${ESCAPES}`);
    const r = run('build', dir, '--out', join(tmp, `out-${ESCAPES}`));
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes(`report-${SHOWN} -> ${tmp}/out-${SHOWN} (`), r.stdout);
    assert.doesNotMatch(r.stdout, /[\x00-\x09\x0B-\x1F\x7F]/);
  });
});

describe('the output folder: nothing lost, nothing overwritten that is not the widget\'s', () => {
  // Every file under `dir`: { path: bytes (base64) }.
  function files(dir) {
    const out = {};
    const walk = (at) => readdirSync(at, { withFileTypes: true }).forEach((e) => {
      if (e.isDirectory()) walk(join(at, e.name));
      else out[relative(dir, join(at, e.name))] = readFileSync(join(at, e.name)).toString('base64');
    });
    walk(dir);
    return out;
  }

  test('a site\'s own LICENSE and manifest.json are named, not overwritten', () => {
    const out = join(tmp, 'site-files');
    mkdirSync(out);
    writeFileSync(join(out, 'LICENSE'), 'All rights reserved by the site.\n');
    writeFileSync(join(out, 'manifest.json'), '{"name":"My news site","display":"standalone"}\n');
    const before = files(out);
    const r = run('build', CONTENT, '--out', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^article-widget: nothing was written: .*site-files\/LICENSE is not a file article-widget wrote; .*site-files\/manifest\.json is not a file article-widget wrote\. .* build into a folder of the widget's own, such as .*site-files\/article-widget\n$/);
    assert.deepEqual(files(out), before);
    assert.equal(run('build', CONTENT, '--out', join(out, 'article-widget')).status, 0, 'the folder it suggests works');
  });

  test('a folder named manifest.json after an earlier build: nothing replaced', () => {
    const out = join(tmp, 'manifest-folder');
    const dir = folder('manifest-folder-content');
    assert.equal(run('build', dir, '--out', out).status, 0);
    rmSync(join(out, 'manifest.json'));
    mkdirSync(join(out, 'manifest.json', 'icons'), { recursive: true });
    writeFileSync(join(out, 'manifest.json', 'icons', 'a.png'), 'png');
    const before = files(out);
    writeFileSync(join(dir, 'one.md'), readFileSync(join(dir, 'one.md'), 'utf8').replace('The first', 'The changed'));
    const r = run('build', dir, '--out', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /manifest\.json is a folder, where the build puts a file/);
    assert.deepEqual(files(out), before, 'not one file replaced');
  });

  test('the content folder, a folder inside it, or one around it is refused before anything is built', () => {
    const dir = folder('apart');
    const before = files(dir);
    for (const [out, message] of [[dir, 'is the content folder: name another folder'], [join(dir, 'public'), 'is inside the content folder'],
      [join(dir, '..'), 'contains the content folder'], [`${dir}/../apart/`, 'is the content folder']]) {
      const r = run('build', dir, '--out', out);
      assert.equal(r.status, 1, out);
      assert.ok(r.stderr.startsWith(`article-widget: --out ${out} ${message}`), r.stderr);
    }
    assert.deepEqual(files(dir), before);
  });

  test('the package, named through a link, is refused', () => {
    symlinkSync(DIST, join(tmp, 'looks-harmless'));
    const before = readdirSync(DIST).map((n) => [n, lstatSync(join(DIST, n)).mtimeMs]);
    for (const out of ['looks-harmless', 'looks-harmless/', 'looks-harmless/../looks-harmless', 'looks-harmless/sub']) {
      const r = run('build', CONTENT, '--out', out);
      assert.equal(r.status, 1, out);
      assert.match(r.stderr, /^article-widget: --out .* is (the package itself|inside the package)/);
    }
    assert.deepEqual(readdirSync(DIST).map((n) => [n, lstatSync(join(DIST, n)).mtimeMs]), before);
  });

  test('a new folder gets the usual permissions (the umask), so a web server can read it', BOUNDED, async () => {
    const out = join(tmp, 'perms', 'public');
    const r = await runAsync(tmp, process.execPath, [command(), 'build', CONTENT, '--out', out], { shell: 'umask 027' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(statSync(join(tmp, 'perms')).mode & 0o777, 0o750);
    assert.equal(statSync(out).mode & 0o777, 0o750);
    assert.equal(statSync(join(out, 'article-widget.wasm')).mode & 0o777, 0o640);
    assert.ok(existsSync(join(out, RECORD)));
  });
});

// OUT_DIR on a file system of its own (a Docker volume, a tmpfs). Needs
// the right to mount (root here); skipped where there is none.
describe('the output folder as a mount point', () => {
  const mnt = join(tmp, 'volume');
  mkdirSync(mnt);
  const unmount = mountTmpfs(mnt, '16m');
  const mounted = Boolean(unmount);
  after(() => unmount?.());

  test('is built into, twice', { skip: !mounted && 'cannot mount a tmpfs here' }, () => {
    for (const extra of [['--precompress'], []]) {
      const r = run('build', CONTENT, '--out', mnt, ...extra);
      assert.equal(r.status, 0, r.stderr);
    }
    assert.ok(readFileSync(join(mnt, 'article-widget.wasm')).equals(readFileSync(join(DIST, 'article-widget.wasm'))));
    assert.deepEqual(readdirSync(mnt).filter((n) => /\.(br|gz)$|staging/.test(n)), []);
  });
});

describe('preview: its own page only, and it survives what the folder does', () => {
  // One request by hand (fetch will not send another Host): `host`
  // undefined sends the URL's, null none. { status, headers, body }.
  function get(url, { method = 'GET', host } = {}) {
    return new Promise((resolveGet, reject) => {
      const u = new URL(url);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, method, agent: false,
        setHost: host === undefined, headers: typeof host === 'string' ? { Host: host } : {} }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolveGet({ status: res.statusCode, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  test('answers only Host 127.0.0.1:PORT and localhost:PORT (no DNS rebinding)', BOUNDED, async () => {
    const { child, url: started } = startPreview(tmp, folder('preview-host'));
    try {
      const url = await started;
      const port = new URL(url).port;
      for (const path of ['/', 'dist/article-widget.wasm', 'events']) {
        for (const host of [`attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, `127.0.0.1:${Number(port) + 1}`, 'localhost', '', null]) {
          const r = await get(new URL(path, url), { host });
          // No Host at all: Node's server refuses HTTP/1.1 without one.
          assert.equal(r.status, host === null ? 400 : 421, `${path} with Host ${host}`);
          assert.doesNotMatch(r.body, /asm|event: build/);
        }
      }
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
        assert.equal((await get(new URL('dist/article-widget.wasm', url), { host })).status, 200, host);
      }
    } finally {
      child.kill();
    }
  });

  test('HEAD answers, /events too; /events takes at most 32 clients and / is still served', BOUNDED, async () => {
    const { child, url: started } = startPreview(tmp, folder('preview-events'));
    const held = [];
    try {
      const url = await started;
      const head = await get(new URL('events', url), { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers['content-type'], 'text/event-stream');
      assert.equal(head.body, '');
      assert.equal((await get(url, { method: 'HEAD' })).status, 200);

      // 40 pages listening at once: 32 get the stream, the rest 503.
      const statuses = await Promise.all(Array.from({ length: 40 }, () => new Promise((resolveOne, reject) => {
        const u = new URL('events', url);
        const req = request({ host: u.hostname, port: u.port, path: u.pathname, agent: false }, (res) => {
          held.push(req);
          resolveOne(res.statusCode);
          res.resume();
        });
        req.on('error', reject);
        req.end();
      })));
      assert.equal(statuses.filter((s) => s === 200).length, 32);
      assert.equal(statuses.filter((s) => s === 503).length, 8);
      assert.equal((await get(url)).status, 200, 'the page is served meanwhile');
    } finally {
      held.forEach((req) => req.destroy());
      child.kill();
    }
  });

  test('a FIFO in the folder: named at once, the next change rebuilds, Ctrl-C stops it', BOUNDED, async () => {
    const dir = folder('preview-fifo');
    const { child, output, url: started } = startPreview(tmp, dir);
    const url = await started;
    const events = buildEvents(url);
    try {
      assert.deepEqual((await events.next()).value, { build: 1, error: null });
      execFileSync('mkfifo', [join(dir, 'pipe.md')]);
      const fifo = await nextEvent(events, (e) => e.error !== null);
      assert.equal(fifo.error, `${dir}/pipe.md: a FIFO; content files must be regular files`);
      rmSync(join(dir, 'pipe.md'));
      writeFileSync(join(dir, 'two.md'), readFileSync(join(dir, 'two.md'), 'utf8').replace('second', 'edited'));
      await nextEvent(events, (e) => e.build > 1 && e.error === null);
      assert.ok(output.stderr.includes(`${dir}/pipe.md: a FIFO; content files must be regular files\n`), output.stderr);
    } finally {
      await events.return();
    }
    const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
    const at = Date.now();
    child.kill('SIGINT');
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.ok(Date.now() - at < 2000, `stopped in ${Date.now() - at} ms`);
  });
});
