// article-widget: the package's command. A site's own articles, written
// in the format of the repository's content/, packed with Node alone into
// an edition and one archive file per article (site.js), checked by the
// same C as scripts/build (packer.js), beside the package's page files as
// they are: the renderer is the same for every site.
//
//   article-widget build CONTENT_DIR --out OUT_DIR [--precompress] [--article-url PATTERN]
//   article-widget preview CONTENT_DIR [--port N]

import { EDITION_FILE } from '../src/abi.js';
import { CONTENT_PACKER, MANIFEST, PAGE_SCRIPT } from '../node/package-layout.js';
import { CommandError, ContentError } from './errors.js';
import { readPackage } from './package.js';
import { createPacker } from './packer.js';
import { preview } from './preview.js';
import { buildSite } from './site.js';
import { checkOutDir, writeOutput } from './output.js';
import { terminalLines } from './terminal.js';
import css from '../src/widget.css';

const USAGE = `usage: article-widget build CONTENT_DIR --out OUT_DIR [--precompress] [--article-url PATTERN]
       article-widget preview CONTENT_DIR [--port N]

CONTENT_DIR holds one Markdown file per article (front matter first) and
trending.md, the slugs of the trending articles in order (at most 10).

build     writes the widget's files to OUT_DIR: the package's page files,
          the edition (article-widget.awe: the trending articles) and the
          archive (articles/SLUG.awa: every article), only those that
          change, never over a file it did not write: publish that folder
          on a CDN or any static host. --precompress adds the package's
          .br and .gz copies of the page files, for a server that does
          not compress. elements/SLUG.html: each trending article's
          widget pre-rendered, for your pages to include (README,
          Pre-rendered); --article-url "/news/{slug}/" makes its links
          lead to your pages for readers without the script.
preview   serves a page with the widget on http://127.0.0.1:N/ (default
          8000) and rebuilds it whenever a file in CONTENT_DIR changes.
`;

class UsageError extends Error {}

// { command, contentDir, out, port, sizes } from argv.
function parseArgs(argv) {
  const args = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (['--help', '-h', '--version', '--precompress'].includes(arg)) args[arg.replace(/^-+/, '')] = true;
    else if (arg === '--out' || arg === '--port' || arg === '--article-url') {
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
  if (command === 'preview' && args.precompress) throw new UsageError('--precompress is for build');
  const articleUrl = args['article-url'];
  if (articleUrl !== undefined && command !== 'build') throw new UsageError('--article-url is for build');
  if (articleUrl !== undefined && !articleUrl.includes('{slug}')) throw new UsageError(`--article-url must contain {slug}, as in "/news/{slug}/" (got '${articleUrl}')`);
  return { command, contentDir, out: args.out, port, precompress: Boolean(args.precompress), articleUrl: articleUrl ?? null };
}

// Everything the command prints goes through terminalLines(): file names
// and content can hold escape sequences.
const stdout = (text) => process.stdout.write(terminalLines(text));
const stderr = (text) => process.stderr.write(terminalLines(text));
const warn = (warnings) => warnings.forEach((w) => stderr(`article-widget: warning: ${w}`));

// How many archive files written, or files removed, the report names one by one.
const NAMED = 10;

// The first `NAMED` of `paths`, each on a line after `label`, and how many more.
function named(label, paths) {
  return [...paths.slice(0, NAMED).map((p) => `    ${label.padEnd(9)} ${p}`),
    ...(paths.length > NAMED ? [`    ... and ${paths.length - NAMED} more ${label}`] : [])];
}

// written: writeOutput()'s result.
function report(site, written, contentDir, out, started) {
  const state = new Map();
  for (const [key, paths] of Object.entries(written)) for (const p of paths) state.set(p, key);
  const described = { ...site.manifest.files, ...site.manifest.encoded };
  const size = (n) => String(n ?? '').padStart(9);
  const row = (name, bytes, gzip, brotli) => `  ${name.padEnd(30)} ${size(bytes)} ${size(gzip)} ${size(brotli)}`;
  const archiveWritten = site.archive.filter((p) => state.get(p) === 'written');
  const n = site.slugs.length;
  stdout([
    `article-widget: ${n} article${n === 1 ? '' : 's'} (${site.catalog.length} trending) from ${contentDir} -> ${out} `
      + `(${Math.round(performance.now() - started)} ms)`,
    row('file', 'bytes', 'gzip -9', 'brotli'),
    ...Object.entries(described).map(([name, f]) => `${row(name, f.bytes, f.gzip, f.brotli)}  ${state.get(name)}`),
    `${row(`${EDITION_FILE} (the edition)`, site.files.get(EDITION_FILE).length, '', '')}  ${state.get(EDITION_FILE)}`,
    `  ${'the archive'.padEnd(30)} ${size(n)} files: ${archiveWritten.length} written, `
      + `${n - archiveWritten.length} unchanged`,
    ...named('written', archiveWritten),
    `  ${'pre-rendered elements'.padEnd(30)} ${size(site.elements.length)} files: ${site.elements.filter((p) => state.get(p) === 'written').length} written `
      + `(elements/SLUG.html: include one where the widget goes; its CSP needs style-src '${site.manifest.styleHash}')`,
    ...named('removed', written.removed),
    `  ${written.written.length} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed`,
    `Publish ${out} as it is (cache headers: docs/serving.md). Its ${MANIFEST} has each page file's SRI hash, e.g. for ${PAGE_SCRIPT}:`,
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
    const site = await buildSite({
      pkg, pack, contentDir: args.contentDir, precompress: args.precompress, prerender: { css, articleUrl: args.articleUrl },
    });
    warn(site.warnings);
    // Files of an earlier build that this one lacks (the copies of a build
    // with --precompress, the file of an article since removed) go.
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
