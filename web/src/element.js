// Markup: <article-widget> (a custom element, defined once per page) and,
// for the classic script, [data-article-widget] elements found in the
// page; scan() mounts both kinds on demand.

import { CONTROLLER } from './controller.js';
import { errorCode, errorMessage, warnOnce } from './errors.js';
import { ATTRIBUTES, readOptions } from './options.js';
import { afterPaint, BUILD_ATTRIBUTE, isPrerendered } from './prerender.js';

const VERSION_KEY = Symbol.for('article-widget.version');
const DATA_SELECTOR = '[data-article-widget]';
const ANY_SELECTOR = 'article-widget, [data-article-widget]';

// Mounts `el`, or says why it cannot (an element that cannot host a
// shadow root: <p>, <a>, ...) without throwing.
function safeMount(mount, el) {
  try {
    return mount(el);
  } catch (err) {
    warnOnce(`cannot mount ${el.tagName.toLowerCase()}: ${errorMessage(err)}`);
    el.dispatchEvent(new CustomEvent('article-widget:error', {
      detail: { code: errorCode(err), message: errorMessage(err) }, bubbles: true, composed: true,
    }));
    return null;
  }
}

// Defines <article-widget> unless another copy of the script did (that
// one stays in charge). With `autoload` false, elements wait for scan().
export function defineElement(mount, version, autoload) {
  if (typeof customElements === 'undefined') return;
  const defined = customElements.get('article-widget');
  if (defined) {
    if (defined[VERSION_KEY] !== version) {
      warnOnce(`<article-widget> is already defined by version ${defined[VERSION_KEY] ?? 'unknown'}; this copy is ${version}`);
    }
    return;
  }
  class ArticleWidgetElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }
    connectedCallback() {
      const c = this[CONTROLLER];
      if (c?.handle) c.optionsChanged();
      else if (autoload) this.mountWhenShown(mount);
    }
    // A pre-rendered element is on screen already: it is mounted (to be
    // adopted, not rendered) once the page has painted, so that the first
    // frame waits for none of the script's work. One met while the page
    // is parsed (a script that ran before it) may not have its
    // declarative shadow root yet: it waits for the document to be parsed.
    mountWhenShown(mount) {
      const later = () => {
        if (this.isConnected && !this[CONTROLLER]) safeMount(mount, this);
      };
      if (!this.hasAttribute(BUILD_ATTRIBUTE)) safeMount(mount, this);
      else if (this.shadowRoot) afterPaint(later);
      else if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => (this.shadowRoot ? afterPaint(later) : later()), { once: true });
      } else safeMount(mount, this); // no declarative shadow DOM: rendered as today
    }
    disconnectedCallback() {
      // Moving the element (disconnect + connect in one task) keeps it;
      // only an element that stays out of the document is unmounted.
      queueMicrotask(() => {
        if (!this.isConnected) this[CONTROLLER]?.unmount();
      });
    }
    attributeChangedCallback(_name, oldValue, newValue) {
      if (oldValue !== newValue) this[CONTROLLER]?.optionsChanged();
    }
  }
  Object.defineProperty(ArticleWidgetElement, VERSION_KEY, { value: version });
  customElements.define('article-widget', ArticleWidgetElement);
}

function mountAll(mount, root, selector) {
  const handles = [];
  if (!root || ![1, 9, 11].includes(root.nodeType)) return handles;
  const found = root.nodeType === 1 && root.matches(selector) ? [root] : [];
  found.push(...root.querySelectorAll(selector));
  for (const el of found) {
    const handle = el[CONTROLLER]?.handle ?? safeMount(mount, el);
    if (handle) handles.push(handle);
  }
  return handles;
}

// Whether `root` holds a widget that will load as soon as it mounts (one
// without loading="lazy", not pre-rendered: that one waits for the page's
// first paint).
export function hasEagerWidget(root = document) {
  return [...root.querySelectorAll(ANY_SELECTOR)].some((el) => !isPrerendered(el) && readOptions(el, {}).loading !== 'lazy');
}

// scan(root = document): mounts every <article-widget> and
// [data-article-widget] under root (root included) not mounted yet;
// returns the handles of all of them.
export function scanner(mount) {
  return (root = document) => mountAll(mount, root, ANY_SELECTOR);
}

// The classic script: [data-article-widget] elements now and as they are
// added later; those removed for good are unmounted.
export function autoMount(mount) {
  const start = () => {
    mountAll(mount, document, DATA_SELECTOR);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) mountAll(mount, n, DATA_SELECTOR);
        for (const n of r.removedNodes) {
          if (n.nodeType !== 1 || n.isConnected) continue;
          const els = n.matches(DATA_SELECTOR) ? [n, ...n.querySelectorAll(DATA_SELECTOR)] : n.querySelectorAll(DATA_SELECTOR);
          for (const el of els) if (el.localName !== 'article-widget') el[CONTROLLER]?.unmount();
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
