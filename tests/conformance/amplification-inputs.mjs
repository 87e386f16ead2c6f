// Inputs for the output bound (src/errors.h, AW_MAX_OUTPUT_SIZE): small
// Markdown whose HTML is hundreds of times larger, and dense documents that
// are legitimate and must render. Shared by amplification.mjs (which prints
// figures) and tests/js/output-cap.test.mjs (which asserts).

const lines = (count, line) => Array.from({ length: count }, (_, i) => line(i)).join('');

// A 128-column table (md4c's most) whose rows hold one cell: md4c pads
// every row to 128 cells.
const wideTable = (rows) => 'a|'.repeat(128) + '\n' + '-|'.repeat(128) + '\n' + 'x\n'.repeat(rows);

// One definition whose destination or title is `size` bytes, used `uses` times.
const longDestination = (size, uses) => `[a]: /${'x'.repeat(size)}\n\n` + '[a] '.repeat(uses);
const longTitle = (size, uses) => `[a]: /u "${'t'.repeat(size)}"\n\n` + '[a] '.repeat(uses);

// name -> Markdown: each must fail with output-too-large.
export const AMPLIFYING = {
  '128 columns, 2,000 one-cell rows': () => wideTable(2000),
  '128 columns, 10,000 one-cell rows': () => wideTable(10000),
  '64 KiB destination used 1,000 times': () => longDestination(64 * 1024, 1000),
  '64 KiB title used 1,000 times': () => longTitle(64 * 1024, 1000),
  '1 MiB destination used 1,100 times': () => longDestination(1024 * 1024, 1100),
};

// name -> Markdown: dense but legitimate; each must render.
export const LEGITIMATE = {
  'table, 5,000 rows of 3 cells': () => '| Name | Value | Change |\n|---|---:|---:|\n'
    + lines(5000, (i) => `| Item ${i} | ${(i * 7) % 1000} | ${(i % 13) - 6}% |\n`),
  'table, 5,000 rows of 1-character cells, centred': () => 'a|b|c\n:-:|:-:|:-:\n'
    + lines(5000, (i) => `${i % 10}|${i % 7}|${i % 3}\n`),
  'table, 5,000 rows, 8 columns, first cell only': () => '|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n'
    + lines(5000, (i) => `|${i}|\n`),
  'references, 500 definitions cited 3 times each': () =>
    lines(1500, (i) => `Paragraph ${i} cites [source ${i % 500}] among other words.\n\n`)
    + lines(500, (i) => `[source ${i}]: https://example.com/2024/${i}/a-rather-long-path-to-a-page.html "Source ${i}"\n`),
  'references, 1 definition cited 3,000 times': () => '[a], '.repeat(3000)
    + '\n\n[a]: https://example.com/2024/a-rather-long-path-to-a-page.html\n',
  'task list, 3,000 items': () => lines(3000, (i) => `- [${i % 2 ? 'x' : ' '}] task ${i}\n`),
};
