// article-widget: the package's command. A site's own articles, written
// in the format of the repository's content/, put into the widget with
// Node alone: the renderer is not rebuilt, the articles travel in its
// .wasm as data (retarget.js), checked by the same C as scripts/build
// (packer.js).
//
//   article-widget build CONTENT_DIR --out OUT_DIR [--precompress] [--sizes]
//   article-widget preview CONTENT_DIR [--port N]

import { CONTENT_PACKER, MANIFEST, PAGE_SCRIPT } from '../node/package-layout.js';
import { CommandError, ContentError } from './errors.js';
import { readPackage } from './package.js';
import { createPacker } from './packer.js';
import { preview } from './preview.js';
import { buildSite } from './site.js';
import { checkOutDir, writeOutput } from './output.js';
import { terminalLines } from './terminal.js';

const USAGE = `usage: article-widget build CONTENT_DIR --out OUT_DIR [--precompress] [--sizes]
       article-widget preview CONTENT_DIR [--port N]

CONTENT_DIR holds one Markdown file per article (front matter first) and
trending.md, the slugs of the trending articles in order.

build     writes the widget's files, carrying these articles, to OUT_DIR
          (only those that change; never over a file it did not write):
          publish that folder on a CDN or any static host. --precompress
          adds .br and .gz copies of the page files, for a server that
          does not compress (seconds for a megabyte of articles); --sizes
          puts gzip and brotli sizes in its manifest.json (slower too).
preview   serves a page with the widget on http://127.0.0.1:N/ (default
          8000) and rebuilds it whenever a file in CONTENT_DIR changes.
`;

class UsageError extends Error {}

// { command, contentDir, out, port, sizes } from argv.
function parseArgs(argv) {
  const args = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (['--help', '-h', '--version', '--sizes', '--precompress'].includes(arg)) args[arg.replace(/^-+/, '')] = true;
    else if (arg === '--out' || arg === '--port') {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      args[arg.slice(2)] = argv[++i];
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.positional.push(arg);
  }
  if (args.help || args.version) return args;
  const [command, contentDir, ...extra] = args.positional;
  if (!command) throw new UsageError('name a command: build or preview');
  if (command !== 'build' && command !== 'preview') throw new UsageError(`unknown command ${command}`);
  if (!contentDir) throw new UsageError(`${command} needs the content folder`);
  if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
  if (command === 'build' && !args.out) throw new UsageError('build needs --out OUT_DIR');
  if (command === 'preview' && args.out) throw new UsageError('--out is for build');
  if (command === 'build' && args.port !== undefined) throw new UsageError('--port is for preview');
  // Decimal digits only: Number() would take '', '0x1F90' and '1e3'.
  const port = args.port === undefined ? 8000 : /^(0|[1-9][0-9]{0,4})$/.test(args.port) ? Number(args.port) : -1;
  if (port < 0 || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, not '${args.port}'`);
  if (command === 'preview' && (args.sizes || args.precompress)) throw new UsageError('--sizes and --precompress are for build');
  return { command, contentDir, out: args.out, port, sizes: Boolean(args.sizes), precompress: Boolean(args.precompress) };
}

// Everything the command prints goes through terminalLines(): file names
// and content can hold escape sequences.
const stdout = (text) => process.stdout.write(terminalLines(text));
const stderr = (text) => process.stderr.write(terminalLines(text));
const warn = (warnings) => warnings.forEach((w) => stderr(`article-widget: warning: ${w}`));

// written: writeOutput()'s result.
function report(site, written, contentDir, out, started) {
  const listed = { ...site.manifest.files, ...site.manifest.encoded };
  const names = Object.keys(listed);
  const sized = 'brotli' in site.manifest.files[names[0]];
  const unchanged = new Set(written.unchanged);
  const rows = names.map((n) => {
    const f = listed[n];
    const compressed = sized ? ` ${String(f.gzip ?? '').padStart(9)} ${String(f.brotli ?? '').padStart(9)}` : '';
    return `  ${n.padEnd(30)} ${String(f.bytes).padStart(9)}${compressed}`
      + `  ${unchanged.has(n) ? 'unchanged' : 'written'}`;
  });
  const n = site.catalog.length;
  stdout([
    `article-widget: ${n} article${n === 1 ? '' : 's'} from ${contentDir} -> ${out} (wasm sha384 ${site.hash}, ${Math.round(performance.now() - started)} ms)`,
    `  ${'file'.padEnd(30)} ${'bytes'.padStart(9)}${sized ? ` ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}` : ''}`,
    ...rows,
    ...written.removed.map((r) => `  ${r.padEnd(30)} ${''.padStart(9)}${sized ? ' '.repeat(20) : ''}  removed`),
    `  ${written.written.length} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed`,
    `Publish ${out} as it is. Its ${MANIFEST} has each file's SRI hash, e.g. for ${PAGE_SCRIPT}:`,
    `  ${site.manifest.files[PAGE_SCRIPT].integrity}`,
  ].join('\n'));
}

async function run(argv) {
  const started = performance.now();
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const pkg = await readPackage();
  if (args.version) {
    stdout(pkg.version);
    return;
  }
  const pack = createPacker(pkg.packer, `the content packer (${CONTENT_PACKER})`);
  if (args.command === 'build') {
    const place = {
      apartFrom: [{ path: args.contentDir, what: 'the content folder' }],
      notInside: [{ path: pkg.dir, what: 'the package' }],
    };
    await checkOutDir(args.out, place); // before the work of a build
    const site = await buildSite({ pkg, pack, contentDir: args.contentDir, sizes: args.sizes, precompress: args.precompress });
    warn(site.warnings);
    // Files of an earlier build that this one lacks (.br/.gz copies that
    // would not match the new .wasm) go.
    const written = await writeOutput(args.out, site.files, place);
    report(site, written, args.contentDir, args.out, started);
    return;
  }
  const server = await preview({ pkg, pack, contentDir: args.contentDir, port: args.port, log: stdout, logError: stderr });
  stdout(`article-widget: previewing ${args.contentDir} at ${server.url} (Ctrl-C stops)`);
  // A second Ctrl-C, or a close that takes too long, ends the process anyway.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    setTimeout(() => process.exit(0), 2000).unref();
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run(process.argv.slice(2)).catch((err) => {
  if (err instanceof UsageError) {
    stderr(`article-widget: ${err.message}\n`);
    process.stderr.write(USAGE);
    process.exit(2);
  }
  if (err instanceof ContentError) stderr(err.message);
  else if (err instanceof CommandError) stderr(`article-widget: ${err.message}`);
  else stderr(`article-widget: ${err.stack}`);
  process.exit(1);
});
