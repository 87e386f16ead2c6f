// The only way rendered HTML enters the DOM. Under Trusted Types the
// string goes through the "article-widget" policy, whose createHTML passes
// it through: the renderer's output is safe by construction (every text
// and attribute escaped, URLs allow-listed). The policy lives in this
// module only: a global would hand every script on the page a way around
// Trusted Types. A second copy of the script cannot create the same name
// unless the CSP says 'allow-duplicates'; it then fails with csp-blocked.

let policy; // undefined: not created yet; null: no Trusted Types (or refused)

function htmlPolicy() {
  if (policy !== undefined) return policy;
  policy = null;
  const tt = globalThis.trustedTypes;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      policy = tt.createPolicy('article-widget', { createHTML: (html) => html });
    } catch {
      // The page's CSP does not allow the name: innerHTML will say so.
    }
  }
  return policy;
}

// `html` must be renderer output.
export function setRenderedHtml(el, html) {
  const p = htmlPolicy();
  el.innerHTML = p ? p.createHTML(html) : html;
}
