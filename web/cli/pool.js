// A few at a time: the command reads and writes thousands of files, and
// opening them all at once runs out of file descriptors (EMFILE).

// Resolves to fn(item, index) for every item, with at most `limit` calls
// running. After a failure no new call starts; once the running ones end,
// it rejects with the failure of the earliest item, so the error a folder
// gives does not depend on timing.
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  const failures = [];
  let next = 0;
  async function worker() {
    while (next < items.length && failures.length === 0) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (err) {
        failures.push({ index, err });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length) throw failures.reduce((a, b) => (b.index < a.index ? b : a)).err;
  return results;
}
