// The file system calls of content-folder.js, made in a thread of their
// own with the synchronous API: one call per step where the promise API
// takes a round trip through the thread pool for each (lstat, then open,
// fstat, read, close), which cost a build of ten thousand articles
// seconds. Each call stays bounded in time: the thread counts the files
// it has done, and a file it stays on longer than the limit fails the
// build, named, while the thread is left behind (a call that never returns
// keeps its thread, not the build).

import { Worker } from 'node:worker_threads';

import { CommandError } from './errors.js';

// The thread, sent as its source (the command is one bundled file):
// answers { op: 'lstat' | 'read', paths, limit } with one result per path,
// in order: { info } (lstat, or a file read that is not a regular file or
// is over `limit`: info.kind in aw_file_kind_name()'s words, size, mtimeMs,
// ctimeMs, ino), { info, bytes } (read: at most limit + 1 bytes, opened
// without following a final link or waiting for a FIFO's writer) or
// { code, message } (the call failed; ELOOP: a link O_NOFOLLOW refused).
function thread() {
  // An eval'd thread's require, under a name a bundler leaves alone.
  const load = globalThis.require;
  const { parentPort, workerData } = load('node:worker_threads');
  const fs = load('node:fs');
  const done = new Int32Array(workerData.progress);
  const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0, O_NOCTTY = 0 } = fs.constants;
  const FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;
  const kind = (s) => (s.isFile() ? 'a regular file' : s.isSymbolicLink() ? 'a symbolic link' : s.isDirectory() ? 'a folder'
    : s.isFIFO() ? 'a FIFO' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : s.isSocket() ? 'a socket' : 'not a file');
  const info = (s) => ({ kind: kind(s), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
  const failure = (err) => ({ code: err.code, message: err.message });

  function read(path, limit) {
    let fd;
    try {
      fd = fs.openSync(path, FLAGS);
    } catch (err) {
      return failure(err);
    }
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile() || stats.size > limit) return { info: info(stats) };
      // One byte more than the limit at most, whatever the file does
      // meanwhile (grows, or says it is empty as /proc's files do).
      const chunks = [];
      let total = 0;
      for (let want = stats.size + 1; want > 0; want = Math.min(64 * 1024, limit + 1 - total)) {
        const chunk = new Uint8Array(want);
        const n = fs.readSync(fd, chunk, 0, want, null);
        chunks.push(chunk.subarray(0, n));
        total += n;
        if (n < want) break; // the end of a regular file: one read for the common case
      }
      let bytes = chunks[0];
      if (chunks.length > 1) {
        bytes = new Uint8Array(total);
        chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
      }
      return { info: info(stats), bytes };
    } catch (err) {
      return failure(err);
    } finally {
      fs.closeSync(fd);
    }
  }

  parentPort.on('message', ({ op, paths, limit }) => {
    const results = [];
    const transfer = [];
    for (const path of paths) {
      let result;
      if (op === 'lstat') {
        try {
          result = { info: info(fs.lstatSync(path)) };
        } catch (err) {
          result = failure(err);
        }
      } else {
        result = read(path, limit);
        if (result.bytes) transfer.push(result.bytes.buffer);
      }
      results.push(result);
      Atomics.add(done, 0, 1);
    }
    parentPort.postMessage(results, transfer);
  });
}

// A reader thread: call(op, files, limit) resolves to one result per file
// ({ fsPath, path }: the path to use and the one to name), as thread()
// gives them (bytes as Buffers), or rejects with a CommandError naming the
// file a call stayed on for `timeoutMs`. close() ends the thread.
export function startReader(timeoutMs) {
  const progress = new SharedArrayBuffer(4);
  const done = new Int32Array(progress);
  const worker = new Worker(`(${thread})()`, { eval: true, workerData: { progress } });
  worker.unref();

  function call(op, files, limit) {
    return new Promise((resolve, reject) => {
      const start = Atomics.load(done, 0);
      let seen = start;
      const settle = (fn, value) => {
        clearInterval(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        fn(value);
      };
      // No file done over a whole interval: one call has taken at least that long.
      const timer = setInterval(() => {
        const now = Atomics.load(done, 0);
        if (now === seen) {
          settle(reject, new CommandError(`cannot read ${files[now - start].path}: no answer within ${timeoutMs / 1000} s`));
        }
        seen = now;
      }, timeoutMs);
      const onMessage = (results) => settle(resolve, results.map((r) => (r.bytes ? { ...r, bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length) } : r)));
      const onError = (err) => settle(reject, new CommandError(`cannot read the content folder: ${err.message}`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ op, paths: files.map((f) => f.fsPath), limit });
    });
  }

  return { call, close: () => worker.terminate() };
}
