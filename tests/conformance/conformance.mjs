#!/usr/bin/env node
// Conformance runner: md4c 0.5.2's test/*.txt examples through our renderer,
// natively (aw-render-batch, one process per file) and in wasm (render() of
// dist/article-widget.mjs), compared to the expected HTML through one
// normalizer and to each other byte for byte.
//
//   node tests/conformance/conformance.mjs [--verbose]   prints passed / declared / failed per file
//   node tests/conformance/conformance.mjs --json        the same totals as JSON (tools/docs-figures.mjs)
//
// An example passes when our normalized HTML equals the expected one after
// the policy attributes of declared-differences.txt are removed; it is
// declared when it differs and declared-differences.txt lists it; anything
// else fails, and so does a declared example that passes (a stale entry) or
// any example where native and wasm output differ.
// Environment: AW_BUILD (default build/native), AW_DIST (default dist/).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { parseFragment } from 'parse5';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const DECLARED_FILE = join(HERE, 'declared-differences.txt');

/* ===== md4c's example files ===== */

// [{ number, section, line, markdown, html, options }] as md4c's
// run-testsuite.py reads them ('→' stands for a tab).
export function readExamples(path) {
  const examples = [];
  let state = 0; // 0 prose, 1 Markdown, 2 HTML, 3 command-line options
  let section = '';
  let current;
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (/^`{32} example( [a-z]+)?/.test(trimmed)) {
      state = 1;
      current = { line: index + 1, section, markdown: '', html: '', options: '' };
    } else if (state >= 2 && trimmed === '`'.repeat(32)) {
      state = 0;
      current.number = examples.length + 1;
      current.markdown = current.markdown.replaceAll('→', '\t');
      current.html = current.html.replaceAll('→', '\t');
      current.options = current.options.trim();
      examples.push(current);
    } else if (state > 0 && trimmed === '.') {
      state += 1;
    } else if (state === 1) {
      current.markdown += line + '\n';
    } else if (state === 2) {
      current.html += line + '\n';
    } else if (state === 3) {
      current.options += line + '\n';
    } else if (state === 0 && /^#+ /.test(line)) {
      section = line.replace(/^#+ /, '').trim();
    }
  });
  return examples;
}

/* ===== The normalizer ===== */

// As md4c's test/normalize.py: whitespace around block tags dropped, inner
// runs collapsed outside <pre>, attributes sorted, <br /> == <br>. The HTML
// is parsed by parse5 (the HTML standard's tree construction, as a browser
// does for innerHTML), so character references are compared decoded.
const BLOCK = new Set(('article header aside hgroup blockquote hr iframe body li map button object canvas ol caption '
  + 'output col p colgroup pre dd progress div section dl table td dt tbody embed textarea fieldset tfoot '
  + 'figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style').split(' '));
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function normalizeHtml(html, removeAttribute = () => false) {
  let out = '';
  let last = 'starttag';
  let lastTag = '';
  let inPre = false;

  function start(tag, attrs) {
    if (tag === 'pre') inPre = true;
    if (BLOCK.has(tag)) out = out.trimEnd();
    const kept = attrs.filter((a) => !removeAttribute(tag, a.name, a.value))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out += '<' + tag + kept.map((a) => ` ${a.name}="${escapeText(a.value).replace(/'/g, '&#x27;')}"`).join('') + '>';
    lastTag = tag;
    last = VOID.has(tag) ? 'endtag' : 'starttag';
  }
  function end(tag) {
    if (tag === 'pre') inPre = false;
    else if (BLOCK.has(tag)) out = out.trimEnd();
    out += '</' + tag + '>';
    lastTag = tag;
    last = 'endtag';
  }
  function data(text) {
    const afterTag = last === 'endtag' || last === 'starttag';
    const afterBlock = afterTag && BLOCK.has(lastTag);
    if (afterTag && lastTag === 'br') text = text.replace(/^\n+/, '');
    if (!inPre) text = text.replace(/\s+/g, ' ');
    if (afterBlock && !inPre) text = last === 'starttag' ? text.trimStart() : text.trim();
    out += escapeText(text);
    last = 'data';
  }
  function walk(node) {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') data(child.value);
      else if (child.nodeName === '#comment') { out += `<!--${child.data}-->`; last = 'comment'; }
      else if (child.tagName) {
        start(child.tagName, child.attrs);
        walk(child.tagName === 'template' ? child.content : child);
        if (!VOID.has(child.tagName)) end(child.tagName);
      }
    }
  }
  walk(parseFragment(html));
  return out;
}

/* ===== The declared differences ===== */

// { kinds: Map(kind -> reason), attributes: [{ elements, name, value, reason }],
//   skipped: Map(file -> reason), examples: Map("file#n" -> { kind, note }) }
export function readDeclared(path = DECLARED_FILE) {
  const declared = { kinds: new Map(), attributes: [], skipped: new Map(), examples: new Map() };
  readFileSync(path, 'utf8').split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `${path}:${index + 1}`;
    const [word, ...rest] = line.split(/\s+/);
    const need = (n) => {
      if (rest.length < n) throw new Error(`${where}: '${word}' needs a reason`);
    };
    if (word === 'kind') {
      need(2);
      declared.kinds.set(rest[0], rest.slice(1).join(' '));
    } else if (word === 'attribute') {
      const m = /^attribute\s+(\S+)\s+(\S+)\s+("[^"]*"|\S+)\s+(.+)$/.exec(line);
      if (!m) throw new Error(`${where}: expected 'attribute ELEMENTS NAME VALUE REASON'`);
      const value = m[3].startsWith('"') ? m[3].slice(1, -1) : m[3];
      declared.attributes.push({ elements: m[1].split(','), name: m[2], value, reason: m[4] });
    } else if (word === 'skip') {
      need(2);
      declared.skipped.set(rest[0], rest.slice(1).join(' '));
    } else {
      const [number, kind, ...note] = rest;
      if (!/^\d+$/.test(number ?? '')) throw new Error(`${where}: expected 'FILE EXAMPLE KIND NOTE'`);
      if (!declared.kinds.has(kind)) throw new Error(`${where}: unknown kind '${kind}' (declare it with a 'kind' line first)`);
      if (note.length === 0) throw new Error(`${where}: the entry needs a note`);
      const key = `${word}#${number}`;
      if (declared.examples.has(key)) throw new Error(`${where}: ${key} is declared twice`);
      declared.examples.set(key, { kind, note: note.join(' ') });
    }
  });
  return declared;
}

/* ===== Renderers ===== */

// Renders every Markdown string with aw-render-batch in one process.
export function renderNative(driver, markdowns) {
  const input = Buffer.concat(markdowns.flatMap((md) => {
    const bytes = Buffer.from(md, 'utf8');
    return [Buffer.from(`${bytes.length}\n`), bytes];
  }));
  const run = spawnSync(driver, [], { input, maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${driver} exited with ${run.status}: ${run.stderr}`);
  const results = [];
  let at = 0;
  const out = run.stdout;
  while (at < out.length) {
    const newline = out.indexOf(10, at);
    const [status, size] = out.subarray(at, newline).toString().split(' ').map(Number);
    results.push({ status, html: out.subarray(newline + 1, newline + 1 + size).toString('utf8') });
    at = newline + 1 + size;
  }
  if (results.length !== markdowns.length) throw new Error(`${driver} answered ${results.length} of ${markdowns.length}`);
  return results;
}

export function renderWasm(shim, markdowns) {
  return markdowns.map((md) => {
    try {
      return { status: 0, html: shim.render(md) };
    } catch (err) {
      return { status: -1, html: '', error: err.message };
    }
  });
}

/* ===== The run ===== */

export const FILES = [
  'spec.txt', 'spec-tables.txt', 'spec-strikethrough.txt', 'spec-tasklists.txt',
  'spec-permissive-autolinks.txt', 'spec-hard-soft-breaks.txt', 'regressions.txt', 'coverage.txt',
  'spec-underline.txt', 'spec-latex-math.txt', 'spec-wiki-links.txt',
];

// href and src values as the browser reads them (references decoded).
function urlValues(html) {
  const values = [];
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      for (const a of child.attrs ?? []) if (a.name === 'href' || a.name === 'src') values.push(a.value);
      walk(child);
    }
  };
  walk(parseFragment(html));
  return values;
}

// A cheap check that a declaration says something true about the example:
// returns why it does not fit, or ''.
function kindDoesNotFit(kind, example, ours) {
  const urls = (html) => (html.match(/ (?:href|src)="/g) ?? []).length;
  if (kind === 'raw-html' && !example.markdown.includes('<')) return 'the Markdown holds no \'<\'';
  if (kind === 'unsafe-url' && urls(ours) >= urls(example.html)) return 'no URL was dropped';
  if (kind === 'named-reference') {
    if (!/&[A-Za-z][A-Za-z0-9]*;/.test(example.markdown)) return 'the Markdown holds no named reference';
    // A kept URL goes where the expected one goes, once the browser has
    // decoded the reference and parsed the URL.
    const base = 'https://example.com/dir/page';
    const ourUrls = urlValues(ours);
    const expectedUrls = urlValues(example.html);
    if (ourUrls.length === expectedUrls.length
      && ourUrls.some((url, i) => new URL(url, base).href !== new URL(expectedUrls[i], base).href)) {
      return 'a URL goes elsewhere than the expected one';
    }
  }
  if (kind === 'whatwg-url') {
    // Ours are the expected URLs with each %5C before the query read as '/'.
    const values = (html) => [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    const asBrowser = (url) => url.replace(/^[^?#]*/, (path) => path.replaceAll('%5C', '/'));
    if (values(ours).join(' ') !== values(example.html).map(asBrowser).join(' ')) {
      return 'the URLs differ by more than backslashes written as the slashes a browser reads';
    }
  }
  return '';
}

// Returns [{ file, passed, declared, failed, skipped, problems: [text] }].
export function runConformance({ driver, md4cTests, shim, declared = readDeclared() }) {
  const removeAttribute = (tag, name, value) => declared.attributes.some((a) =>
    a.elements.includes(tag) && a.name === name && (a.value === '*' || a.value === value));
  const totals = [];
  for (const file of FILES) {
    const row = { file, passed: 0, declared: 0, failed: 0, skipped: declared.skipped.get(file), problems: [] };
    totals.push(row);
    if (row.skipped) continue;
    const examples = readExamples(join(md4cTests, file));
    const markdowns = examples.map((e) => e.markdown);
    const native = renderNative(driver, markdowns);
    const wasm = renderWasm(shim, markdowns);
    examples.forEach((example, i) => {
      const key = `${file}#${example.number}`;
      const where = `${key} (line ${example.line}, ${example.section})`;
      const entry = declared.examples.get(key);
      if (native[i].status !== 0 || wasm[i].status !== 0) {
        row.failed++;
        row.problems.push(`${where}: render failed (native ${native[i].status}, wasm ${wasm[i].error ?? 0})`);
        return;
      }
      if (native[i].html !== wasm[i].html) {
        row.failed++;
        row.problems.push(`${where}: native and wasm output differ\n  native: ${JSON.stringify(native[i].html)}\n  wasm:   ${JSON.stringify(wasm[i].html)}`);
        return;
      }
      const same = normalizeHtml(native[i].html, removeAttribute) === normalizeHtml(example.html);
      const implausible = entry && !same && kindDoesNotFit(entry.kind, example, native[i].html);
      if (implausible) {
        row.failed++;
        row.problems.push(`${where}: declared as ${entry.kind}, but ${implausible}`);
      } else if (same && !entry) row.passed++;
      else if (!same && entry) row.declared++;
      else {
        row.failed++;
        row.problems.push(same
          ? `${where}: declared as ${entry.kind} but passes: remove it from declared-differences.txt`
          : `${where}: undeclared difference\n  markdown: ${JSON.stringify(example.markdown)}\n  expected: ${JSON.stringify(example.html)}\n  ours:     ${JSON.stringify(native[i].html)}`);
      }
    });
  }
  // Entries naming examples that do not exist are stale too.
  for (const key of declared.examples.keys()) {
    const [file, number] = key.split('#');
    const row = totals.find((r) => r.file === file);
    if (!row) throw new Error(`declared-differences.txt names an unknown file: ${key}`);
    if (!row.skipped && Number(number) > row.passed + row.declared + row.failed) {
      row.failed++;
      row.problems.push(`${key}: declared, but the file has no such example`);
    }
  }
  return totals;
}

export function formatTotals(totals) {
  const lines = ['file                            passed  declared  failed'];
  for (const r of totals) {
    lines.push(r.skipped
      ? `${r.file.padEnd(30)}  not run: ${r.skipped}`
      : `${r.file.padEnd(30)}  ${String(r.passed).padStart(6)}  ${String(r.declared).padStart(8)}  ${String(r.failed).padStart(6)}`);
  }
  return lines.join('\n');
}

export function conformancePaths(build = resolve(process.env.AW_BUILD || 'build/native')) {
  const file = join(build, 'conformance-paths.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file} (run scripts/build): ${err.message}`);
  }
}

async function main() {
  const { importShim } = await import('../js/helpers.mjs');
  const shim = await importShim();
  const totals = runConformance({ ...conformancePaths(), shim });
  process.exitCode = totals.some((r) => r.failed > 0) ? 1 : 0;
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(totals)}\n`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  for (const r of totals) for (const p of r.problems) if (verbose || !p.includes('undeclared')) console.log(p);
  const undeclared = totals.reduce((n, r) => n + r.problems.filter((p) => p.includes('undeclared')).length, 0);
  if (undeclared && !verbose) console.log(`${undeclared} undeclared differences (--verbose shows them)`);
  console.log(formatTotals(totals));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
