// An SVG bar chart of a bench run (tests/bench/bench.mjs): brotli payload,
// render() throughput on each input and cold start, one group per figure,
// one bar per renderer. Each group is scaled to its own largest bar.
// scripts/bench writes one for its run, docs-figures.mjs docs/benchmark.svg
// for the published one.

const COLORS = ['#c0392b', '#2471a3', '#7d3c98', '#1e8449', '#b9770e', '#566573'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function barChart(r, names) {
  const groups = [
    { title: 'Payload, brotli KB (smaller is better)', values: r.payload.map((p) => p.brotli / 1000) },
    ...r.inputs.map((input) => ({
      title: `render() MB/s, ${input.label} (larger is better)`,
      values: [...r.throughput[input.name].map((s) => s.median), r.native[input.name].median],
    })),
    { title: 'Cold start wall ms, import → first HTML (smaller is better)', values: r.cold.wall.map((s) => s.median) },
  ];
  const labels = [...names, 'native (ours)'];
  const barH = 14, gap = 4, left = 190, width = 420, titleH = 22;
  let y = 30;
  const parts = [`<text x="10" y="18" font-weight="bold">article-widget bench, ${esc(r.date)}</text>`];
  for (const g of groups) {
    parts.push(`<text x="10" y="${y + 14}" font-weight="bold">${esc(g.title)}</text>`);
    y += titleH;
    const max = Math.max(...g.values);
    g.values.forEach((v, i) => {
      const w = Math.max(1, (v / max) * width);
      parts.push(`<text x="${left - 6}" y="${y + 11}" text-anchor="end">${esc(labels[i])}</text>`,
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[i % COLORS.length]}"/>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + 11}">${v.toFixed(1)}</text>`);
      y += barH + gap;
    });
    y += 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 80}" height="${y}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}
