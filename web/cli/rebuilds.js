// The preview's rebuilds: one at a time, changes that come while one runs
// make one more after it, and a build that never ends is given up after a
// time limit, so it cannot stop the ones after it (a file on a hung mount,
// a read that never returns). The build reports its own outcome; the
// queue only orders the runs.

// build(): a promise (its rejection is ignored: build reports its own
// errors). onTimeout(): called when a run is given up; its result, if it
// ever comes, is the build's to ignore. Returns { schedule(), run(), close() }:
// schedule() asks for a rebuild once changes have settled for `settleMs`;
// run() starts one now (or after the running one) and resolves when it
// has ended or been given up.
export function createRebuilds(build, { settleMs = 60, timeoutMs = 120_000, onTimeout = () => {} } = {}) {
  let running = null;
  let again = false;
  let timer = null;
  let closed = false;

  function run() {
    if (running) {
      again = true;
      return running;
    }
    let limit;
    const givenUp = new Promise((resolve) => {
      limit = setTimeout(() => {
        onTimeout();
        resolve();
      }, timeoutMs);
    });
    running = Promise.race([Promise.resolve().then(build).catch(() => {}), givenUp]).finally(() => {
      clearTimeout(limit);
      running = null;
      if (again && !closed) {
        again = false;
        schedule();
      }
    });
    return running;
  }

  function schedule() {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(run, settleMs);
  }

  return {
    schedule,
    run,
    // No more runs; one still running is not waited for.
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
