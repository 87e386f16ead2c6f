// The Markdown report of one bench run (the `r` that tests/bench/bench.mjs
// collects and writes to results.json): printed by scripts/bench, and
// rewritten from the committed run into docs/benchmark.md by
// docs-figures.mjs. Pure: no measuring, no files.

const fmt = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const range = (s, d = 1) => `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})`;

// `names`: the renderers' names, ours first, in the order of r's arrays.
export function report(r, names) {
  const L = [];
  const load = r.loadAverage ? `, load average ${r.loadAverage.join(' / ')} at the start` : '';
  L.push(`Run ${r.date} on ${r.machine}${load}; ${r.quick ? 'quick run' : 'full run'}. Medians (min–max).`, '');
  L.push('| | ' + names.join(' | ') + ' | native (ours, -O2) |');
  L.push('| --- ' + '| ---: '.repeat(names.length + 1) + '|');
  const row = (label, cells, native = '') => L.push(`| ${label} | ${cells.join(' | ')} | ${native} |`);
  row('Payload raw (bytes)', r.payload.map((p) => p.raw.toLocaleString('en-US')));
  row('Payload gzip -9', r.payload.map((p) => p.gzip.toLocaleString('en-US')));
  row('Payload brotli -q 11', r.payload.map((p) => p.brotli.toLocaleString('en-US')));
  for (const input of r.inputs) {
    row(`render() MB/s, ${input.label} (${input.bytes.toLocaleString('en-US')} B)`,
      r.throughput[input.name].map((s) => range(s)), range(r.native[input.name]));
  }
  row('Cold start, wall ms (import → first HTML)', r.cold.wall.map((s) => range(s)));
  row('Cold start, CPU ms (import → first HTML)', r.cold.cpu.map((s) => range(s)));
  L.push('');
  L.push(`Memory (ours): linear memory ${r.memory.initial / 1024} KiB at start, ${r.memory.afterSeed / 1024} KiB after the seed render, ${r.memory.after10k / 1024} KiB after 10,000 more.`);
  // Runs before Firefox was measured hold Chromium's pages alone.
  const engines = r.paint?.engines ?? (r.paint ? { Chromium: { pages: r.paint.pages } } : {});
  for (const [engine, e] of Object.entries(engines)) {
    if (e.error) {
      L.push('', `${engine}: not measured (${e.error}).`);
      continue;
    }
    L.push('', `${engine}, script start → article painted (ms), ${r.paint.runs} loads each:`, '');
    L.push('| Page | median | min | max |', '| --- | ---: | ---: | ---: |');
    for (const [label, s] of Object.entries(e.pages)) L.push(`| ${label} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`);
  }
  L.push('', 'Targets (from this run):', '');
  for (const t of r.targets) L.push(`- ${t.met === undefined ? 'measured' : t.met ? 'met' : 'MISSED'}: ${t.what}: ${t.value}`);
  return L.join('\n') + '\n';
}
