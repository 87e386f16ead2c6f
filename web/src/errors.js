// Errors the widget reports: one Error shape with a `code` (the
// article-widget:error detail.code), and console output that says each
// thing once per page.

export const PREFIX = '[article-widget] ';

export const ERROR_CODES = [
  'fetch-failed', 'wasm-mime', 'csp-blocked', 'integrity', 'unknown-article', 'content-invalid', 'input-too-large',
  'output-too-large', 'unsupported', 'render-failed',
];

export function awError(message, code = 'render-failed') {
  const err = new Error(PREFIX + message);
  err.code = code;
  return err;
}

export function errorMessage(err) {
  const text = err && err.message ? String(err.message) : String(err);
  return text.startsWith(PREFIX) ? text.slice(PREFIX.length) : text;
}

// How browsers word a refusal by the page's Content-Security-Policy or
// Trusted Types: Chromium names the policy ("Content Security Policy",
// "'wasm-unsafe-eval'", "TrustedHTML"), Firefox says "blocked by CSP" and
// "Sink type mismatch violation".
const CSP_REFUSAL = /content security policy|wasm-unsafe-eval|unsafe-eval|trustedhtml|trusted type|blocked by csp|sink type mismatch/i;

export function blockedByCsp(err) {
  return CSP_REFUSAL.test(errorMessage(err));
}

// detail.code for any error: its own code, else csp-blocked when the
// browser refused by policy, else render-failed.
export function errorCode(err) {
  if (err && ERROR_CODES.includes(err.code) && err.code !== 'render-failed') return err.code;
  return blockedByCsp(err) ? 'csp-blocked' : 'render-failed';
}

// One console.warn per distinct message per page: a broken module on a
// page with five widgets logs once, not five times.
const said = new Set();
export function warnOnce(message) {
  if (said.has(message)) return;
  said.add(message);
  console.warn(PREFIX + message);
}

// The one console.error a page gets when the .wasm cannot be loaded from
// where the widget looked: a developer who misplaced it reads what to do
// (`advice`: the entry point's, when it can tell more).
export function reportLoadFailure(err, url, advice) {
  const code = errorCode(err);
  const message = `${PREFIX}${errorMessage(err)}` + (code === 'csp-blocked' ? ''
    : `\nThe renderer was looked for at ${url}. ${advice || 'If your bundler or server puts article-widget.wasm elsewhere, '
      + 'call setWasmUrl(url) before the first widget mounts (README, "Bundlers").'}`);
  if (said.has(message)) return;
  said.add(message);
  console.error(message);
}

// One console.error per distinct message per page (the edition that could
// not be loaded, named with where it was looked for).
export function errorOnce(message) {
  if (said.has(message)) return;
  said.add(message);
  console.error(PREFIX + message);
}
