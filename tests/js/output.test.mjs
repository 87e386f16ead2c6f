// The package command's writer (web/cli/output.js): a build goes into its
// folder all or nothing, only changed files are written, files it did not
// write are never replaced, the folder is refused where it would mix with
// the content or the package, and it works when the folder is a mount
// point. The command's own tests (command.test.mjs) run it end to end.
//
//   node --test tests/js/output.test.mjs

import assert from 'node:assert/strict';
import fs, {
  existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';

import { RECORD, checkOutDir, writeOutput } from '../../web/cli/output.js';
import { mountTmpfs } from './helpers.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'aw-output-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const FILES = {
  'LICENSE': Buffer.from('MIT\n'),
  'manifest.json': Buffer.from('{"name":"article-widget"}\n'),
  'article-widget.wasm': Buffer.from('\0asm one'),
  'articles/first.awa': Buffer.from('first'),
  'articles/second.awa': Buffer.from('second'),
};

// Every file under `dir` (record and staging folders included):
// { relative path: { bytes, ino } }, folders as { folder: true }.
function snapshot(dir) {
  const out = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const key = relative(dir, path);
      if (entry.isDirectory()) {
        out[key] = { folder: true };
        walk(path);
      } else {
        out[key] = { bytes: readFileSync(path).toString('base64'), ino: lstatSync(path).ino };
      }
    }
  };
  walk(dir);
  return out;
}

const recordOf = (dir) => JSON.parse(readFileSync(join(dir, RECORD), 'utf8')).files;

describe('writing', () => {
  test('a new folder: every file, subfolders made, folders and files with the usual permissions', async () => {
    const out = join(tmp, 'new', 'deep', 'out');
    const umask = process.umask(0o002); // not 022, so a hard-coded mode would show
    try {
      const result = await writeOutput(out, FILES);
      assert.deepEqual(result, { written: Object.keys(FILES).sort(), unchanged: [], removed: [] });
    } finally {
      process.umask(umask);
    }
    for (const [path, bytes] of Object.entries(FILES)) assert.deepEqual(readFileSync(join(out, path)), bytes, path);
    assert.deepEqual(recordOf(out), Object.keys(FILES).sort());
    for (const folder of [join(tmp, 'new'), join(tmp, 'new', 'deep'), out, join(out, 'articles')]) {
      assert.equal(statSync(folder).mode & 0o777, 0o775, folder);
    }
    assert.equal(statSync(join(out, 'LICENSE')).mode & 0o777, 0o664);
    assert.deepEqual(readdirSync(out).sort(), [RECORD, 'LICENSE', 'article-widget.wasm', 'articles', 'manifest.json']);
  });

  test('the same build again touches nothing; a changed one writes only what changed and removes what it lacks', async () => {
    const out = join(tmp, 'again');
    await writeOutput(out, FILES);
    const before = snapshot(out);
    assert.deepEqual(await writeOutput(out, FILES), { written: [], unchanged: Object.keys(FILES).sort(), removed: [] });
    assert.deepEqual(snapshot(out), before, 'same bytes, same files (same inodes)');

    const next = { ...FILES, 'article-widget.wasm': Buffer.from('\0asm two'), 'articles/third.awa': Buffer.from('third') };
    delete next['articles/first.awa'];
    const result = await writeOutput(out, next);
    assert.deepEqual(result, {
      written: ['article-widget.wasm', 'articles/third.awa'],
      unchanged: ['LICENSE', 'articles/second.awa', 'manifest.json'],
      removed: ['articles/first.awa'],
    });
    const after = snapshot(out);
    assert.equal(after.LICENSE.ino, before.LICENSE.ino, 'an unchanged file is not rewritten');
    assert.equal(after['article-widget.wasm'].bytes, Buffer.from('\0asm two').toString('base64'));
    assert.ok(!existsSync(join(out, 'articles/first.awa')));
    assert.deepEqual(recordOf(out), Object.keys(next).sort());
    assert.deepEqual(Object.keys(after).filter((p) => p.includes('staging')), [], 'no staging folder left');
  });

  test('a file of its own of the same size but other bytes is rewritten', async () => {
    const out = join(tmp, 'same-size');
    await writeOutput(out, { 'a.txt': Buffer.from('aaaa') });
    assert.deepEqual((await writeOutput(out, { 'a.txt': Buffer.from('bbbb') })).written, ['a.txt']);
    assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'bbbb');
  });

  test('staging folders a killed build left are removed', async () => {
    const out = join(tmp, 'leftovers');
    await writeOutput(out, FILES);
    mkdirSync(join(out, '.article-widget-staging-abc123'));
    writeFileSync(join(out, '.article-widget-staging-abc123', 'LICENSE.old'), 'old');
    await writeOutput(out, { ...FILES, LICENSE: Buffer.from('changed') });
    assert.deepEqual(readdirSync(out).filter((n) => n.includes('staging')), []);
  });

  test('paths it does not take', async () => {
    for (const path of ['../x', '/abs', 'a//b', './a', 'a/../b', 'a\\b', '', RECORD, 'sub/.article-widget-x']) {
      await assert.rejects(writeOutput(join(tmp, 'paths'), { [path]: Buffer.from('x') }), /not a relative path/, path);
    }
    assert.ok(!existsSync(join(tmp, 'paths')));
  });
});

describe('never over what is not its own, and nothing written when it refuses', () => {
  test('a site\'s own LICENSE and PWA manifest.json: named, and the folder is as it was', async () => {
    const out = join(tmp, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'LICENSE'), 'The site\'s own licence\n');
    writeFileSync(join(out, 'manifest.json'), '{"name":"My site","start_url":"/"}\n');
    writeFileSync(join(out, 'index.html'), '<p>home</p>\n');
    const before = snapshot(out);
    await assert.rejects(writeOutput(out, FILES), (err) => {
      assert.match(err.message, /^nothing was written: .*site\/LICENSE is not a file article-widget wrote; .*site\/manifest\.json is not a file article-widget wrote\. /);
      assert.match(err.message, /build into a folder of the widget's own, such as .*site\/article-widget$/);
      return true;
    });
    assert.deepEqual(snapshot(out), before);
  });

  test('a folder where a file goes, after an earlier build: nothing replaced (not 8 files out of 14)', async () => {
    const out = join(tmp, 'folder-in-the-way');
    await writeOutput(out, FILES);
    mkdirSync(join(out, 'extra.json', 'inside'), { recursive: true });
    const before = snapshot(out);
    const next = Object.fromEntries(Object.entries(FILES).map(([p, b]) => [p, Buffer.concat([b, Buffer.from('+')])]));
    next['extra.json'] = Buffer.from('{}');
    await assert.rejects(writeOutput(out, next), /extra\.json is a folder, where the build puts a file/);
    assert.deepEqual(snapshot(out), before);
  });

  test('a link where a folder goes is not written through', async () => {
    const out = join(tmp, 'linked-folder');
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'articles'));
    await assert.rejects(writeOutput(out, FILES), /articles is a symbolic link, where the build puts a folder/);
    assert.deepEqual(readdirSync(elsewhere), []);
    assert.deepEqual(readdirSync(out), ['articles']);
  });

  test('a record it cannot read is not taken as one', async () => {
    const out = join(tmp, 'bad-record');
    mkdirSync(out);
    writeFileSync(join(out, RECORD), '{"files": ["../../etc/passwd"]}');
    await assert.rejects(writeOutput(out, FILES), /is not the record article-widget keeps of its files/);
    assert.deepEqual(readdirSync(out), [RECORD]);
  });

  test('a rename that fails midway is undone: the folder is as it was', async () => {
    const out = join(tmp, 'undone');
    await writeOutput(out, FILES);
    const before = snapshot(out);
    const next = Object.fromEntries(Object.entries(FILES).map(([p, b]) => [p, Buffer.concat([b, Buffer.from(' v2')])]));
    next['articles/new.awa'] = Buffer.from('new');
    delete next['articles/second.awa'];
    const { renameSync } = fs;
    let renames = 0;
    fs.renameSync = (from, to) => {
      if (++renames === 4) throw Object.assign(new Error('EIO: the disk failed'), { code: 'EIO' });
      return renameSync(from, to);
    };
    syncBuiltinESMExports();
    try {
      await assert.rejects(writeOutput(out, next), /cannot write into .*: EIO: the disk failed; it is as it was/);
    } finally {
      fs.renameSync = renameSync;
      syncBuiltinESMExports();
    }
    assert.ok(renames > 4, 'renames were undone');
    assert.deepEqual(snapshot(out), before);
  });
});

describe('where it writes', () => {
  const content = join(tmp, 'place', 'content');
  const pkg = join(tmp, 'place', 'node_modules', 'article-widget');
  mkdirSync(content, { recursive: true });
  mkdirSync(pkg, { recursive: true });
  symlinkSync(pkg, join(tmp, 'place', 'pkg-link'));
  symlinkSync(content, join(tmp, 'place', 'content-link'));
  const place = { apartFrom: [{ path: content, what: 'the content folder' }], notInside: [{ path: pkg, what: 'the package' }] };

  test('not the content folder, not in it, not around it, however spelled', async () => {
    const cases = [
      [content, /is the content folder: name another folder/],
      [join(tmp, 'place', 'content-link'), /is the content folder/],
      [`${content}/../content/`, /is the content folder/],
      [join(content, 'public'), /is inside the content folder/],
      [join(tmp, 'place', 'content-link', 'new', 'deeper'), /is inside the content folder/],
      [join(tmp, 'place'), /contains the content folder/],
    ];
    for (const [out, message] of cases) {
      await assert.rejects(checkOutDir(out, place), message, out);
      await assert.rejects(writeOutput(out, FILES, place), message, out);
    }
    assert.deepEqual(readdirSync(content), []);
  });

  test('not the package, nor inside it, through a link or not', async () => {
    for (const out of [pkg, join(tmp, 'place', 'pkg-link'), join(tmp, 'place', 'pkg-link', '.'), join(pkg, 'sub')]) {
      await assert.rejects(writeOutput(out, FILES, place), /is the package itself|is inside the package/, out);
    }
    assert.deepEqual(readdirSync(pkg), []);
    await writeOutput(join(tmp, 'place', 'public'), FILES, place); // beside both: fine
  });

  test('a file where the folder goes', async () => {
    writeFileSync(join(tmp, 'a-file'), 'x');
    await assert.rejects(writeOutput(join(tmp, 'a-file'), FILES), /exists and is not a folder/);
    await assert.rejects(writeOutput(join(tmp, 'a-file', 'out'), FILES), /a part of it is a file/);
  });
});

// OUT_DIR on a file system of its own (a Docker volume, a tmpfs): the
// staging folder is inside it, so every rename stays on it. Needs the
// right to mount (root here); skipped where there is none.
describe('a mount point', () => {
  const mnt = join(tmp, 'mounted');
  mkdirSync(mnt);
  const unmount = mountTmpfs(mnt, '8m');
  const mounted = Boolean(unmount);
  after(() => unmount?.());

  test('is written, rewritten and cleaned on its own file system', { skip: !mounted && 'cannot mount a tmpfs here' }, async () => {
    assert.notEqual(statSync(mnt).dev, statSync(tmp).dev);
    const beside = readdirSync(tmp).sort();
    await writeOutput(mnt, FILES);
    const next = { ...FILES, 'article-widget.wasm': Buffer.from('\0asm two') };
    delete next['articles/first.awa'];
    assert.deepEqual((await writeOutput(mnt, next)).written, ['article-widget.wasm']);
    assert.equal(readFileSync(join(mnt, 'article-widget.wasm'), 'utf8'), '\0asm two');
    assert.deepEqual(readdirSync(tmp).sort(), beside, 'nothing made beside it');
  });
});
