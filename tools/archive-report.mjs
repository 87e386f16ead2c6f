// The Markdown report of one run of tests/bench/archive.mjs (a newsroom's
// archive: what a page, in Chromium and Firefox, and a build cost at 3,
// 1,000 and 10,000 articles), with issue 17's targets marked met or
// missed: printed by the bench, and
// rewritten from the committed run into docs/benchmark.md by
// docs-figures.mjs. Pure: no measuring, no files.

const n = (x) => Math.round(x).toLocaleString('en-US');
const ms = (s) => `${n(s.median)} (${n(s.min)})`;
const mb = (bytes) => (bytes / (1 << 20)).toFixed(0);

export function archiveReport(run) {
  const sizes = run.sizes;
  const L = [];
  const load = run.loadAverage ? `, load average ${run.loadAverage.join(' / ')} at the start` : '';
  L.push(`Run ${run.date} on ${run.machine}${load}; ${run.runs} runs of each build and page, medians (least in brackets). `
    + `The same ${run.trending} articles trend at every size.`, '');
  L.push(`| | ${sizes.map((s) => `${n(s.articles)} articles`).join(' | ')} |`);
  L.push(`| --- |${' ---: |'.repeat(sizes.length)}`);
  const row = (label, cell) => L.push(`| ${label} | ${sizes.map((s) => (cell(s) ?? '')).join(' | ')} |`);
  row('Markdown in the folder (bytes)', (s) => n(s.markdown));
  const engines = sizes[0].page ? Object.keys(sizes[0].page) : [];
  for (const e of engines) {
    const page = (s) => s.page[e];
    row(`**${e}**: page before the first article: requests`, (s) => page(s).first.requests);
    row('… bytes raw', (s) => n(page(s).first.raw));
    row('… bytes as served (code brotli, edition gzip)', (s) => n(page(s).first.served));
    row('… first article shown (ms after navigation)', (s) => ms(page(s).first.ready));
    row('Open an article of the archive: requests', (s) => page(s).archived.requests);
    row('… bytes raw / as served', (s) => `${n(page(s).archived.raw)} / ${n(page(s).archived.served)}`);
    row('… click → painted (ms)', (s) => ms(page(s).archived.paint));
    row('… after a hover fetched it: requests', (s) => page(s).afterHover.requests);
    row('… click → painted (ms)', (s) => ms(page(s).afterHover.paint));
  }
  row('Build into an empty folder: wall ms', (s) => ms(s.build.wall));
  row('… CPU ms', (s) => ms(s.build.cpu));
  row('… peak memory (MiB)', (s) => mb(s.build.rss.median));
  row('… files written', (s) => n(s.build.written));
  row('Rebuild, nothing changed: wall ms', (s) => ms(s.unchanged.wall));
  row('… files written', (s) => s.unchanged.written);
  row('Rebuild, one archive article changed: wall ms', (s) => n(s.changed.wall));
  row('… files written', (s) => `${s.changed.written}: ${s.changed.files.join(', ')}`);
  row('Rebuild, one trending article changed: files written', (s) => `${s.trendingChanged.written}: ${s.trendingChanged.files.join(', ')}`);
  row('Preview: an article saved → rebuilt (ms)', (s) => ms(s.preview.save));
  L.push('', 'Targets (issue 17):', '');
  const [small, large] = [sizes[0], sizes.at(-1)];
  const t = [];
  for (const e of engines) {
    const ratio = large.page[e].first.served / small.page[e].first.served;
    const rawRatio = large.page[e].first.raw / small.page[e].first.raw;
    t.push([`${e}: page bytes before the first article at ${n(large.articles)} articles ≤ 1.10× those at ${n(small.articles)}`,
      `${ratio.toFixed(3)}× as served (${n(large.page[e].first.served)} / ${n(small.page[e].first.served)}), ${rawRatio.toFixed(3)}× raw`,
      ratio <= 1.1 && rawRatio <= 1.1]);
    t.push([`${e}: one request to open an article of the archive`, sizes.map((s) => s.page[e].archived.requests).join(', '),
      sizes.every((s) => s.page[e].archived.requests === 1)]);
    t.push([`${e}: none after a hover fetched it`, sizes.map((s) => s.page[e].afterHover.requests).join(', '),
      sizes.every((s) => s.page[e].afterHover.requests === 0)]);
  }
  const big = sizes.find((s) => s.articles >= 10000);
  if (big) t.push([`${n(big.articles)} articles built in ≤ 10 s (wall, median)`, `${n(big.build.wall.median)} ms`, big.build.wall.median <= 10000]);
  if (big) t.push([`… in < 1 GiB (peak memory)`, `${mb(big.build.rss.median)} MiB`, big.build.rss.median < 1 << 30]);
  t.push(['an unchanged rebuild writes no article file', sizes.map((s) => s.unchanged.archiveWritten).join(', '),
    sizes.every((s) => s.unchanged.archiveWritten === 0)]);
  t.push(['one archive article changed: one file written', sizes.map((s) => s.changed.written).join(', '),
    sizes.every((s) => s.changed.written === 1)]);
  t.push(['preview: a save rebuilt well under a second', `${n(Math.max(...sizes.map((s) => s.preview.save.median)))} ms at most`,
    sizes.every((s) => s.preview.save.median < 1000)]);
  for (const [what, value, met] of t) L.push(`- ${met ? 'met' : 'MISSED'}: ${what}: ${value}`);
  return `${L.join('\n')}\n`;
}
