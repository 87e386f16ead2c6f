// The parts of a widget's shadow root: the frame (theme, view, state and
// the space reserved while loading), the container rendered HTML goes
// into, the slot that shows the light-DOM fallback, and a live region.
// A pre-rendered shadow root (prerender.js) is taken over as it is.

import { WASM } from './build-info.js';
import { afterPaint, BUILD_ATTRIBUTE, buildId, isPrerendered } from './prerender.js';
import { hasFallbackContent } from './sources.js';
import { applyStyles } from './styles.js';
import { setRenderedHtml } from './trusted-html.js';

const DEFAULT_FALLBACK = 'This article could not be loaded.';

function element(tag, className, part) {
  const el = document.createElement(tag);
  el.className = className;
  if (part) el.setAttribute('part', part);
  return el;
}

// The parts of the declarative shadow root renderElement() wrote, when
// `host` carries one with a build id; else null.
function prerenderedParts(host) {
  if (!isPrerendered(host)) return null;
  const root = host.shadowRoot;
  const child = (parent, className) => [...parent.children].find((el) => el.classList.contains(className));
  const frame = child(root, 'aw-frame');
  const container = frame && child(frame, 'aw-container');
  const live = child(root, 'aw-live');
  return container && live ? { root, frame, container, live } : null;
}

export class Frame {
  constructor(host) {
    this.host = host;
    // The build id of a pre-rendered article on show, until the first
    // render confirms it (kept as it is) or replaces it.
    this.prerendered = null;
    const parts = prerenderedParts(host);
    if (parts) {
      ({ root: this.root, frame: this.frame, container: this.container, live: this.live } = parts);
      this.prerendered = host.getAttribute(BUILD_ATTRIBUTE);
      this.slot = element('slot', 'aw-fallback');
      // The same rules as its inline <style>, which a page's CSP may have
      // refused: nothing moves, and the widget keeps its look either way.
      afterPaint(() => applyStyles(this.root));
      return;
    }
    this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    this.root.replaceChildren();
    applyStyles(this.root);
    this.frame = element('div', 'aw-frame');
    this.container = element('div', 'aw-container', 'container');
    this.container.setAttribute('aria-busy', 'true');
    // The light-DOM children stay visible through this slot until the
    // first successful render, and come back on failure.
    this.slot = element('slot', 'aw-fallback');
    // Announces failures (and navigation a reader cannot see the focus of).
    this.live = element('div', 'aw-live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.frame.append(this.container, this.slot);
    this.root.append(this.frame, this.live);
  }

  // Writes only a change (a pre-rendered frame holds the values already).
  // While a pre-rendered article is on show, the frame stays "ready": it
  // is shown, and loading must not reserve space around it.
  set(name, value) {
    if (name === 'state' && this.prerendered) return;
    if (this.frame.getAttribute(`data-${name}`) !== value) this.frame.setAttribute(`data-${name}`, value);
  }

  // Renderer output in place of whatever was shown (fallback included).
  // Output identical to the pre-rendered article's leaves every node as it
  // is.
  show(html) {
    const adopted = this.prerendered !== null && this.prerendered === buildId(WASM.hash, html);
    this.prerendered = null;
    if (adopted) return;
    setRenderedHtml(this.container, html);
    this.container.removeAttribute('aria-busy');
    this.slot.remove();
    this.message?.remove();
  }

  // The light-DOM fallback, or a sentence when the page gave none. A
  // pre-rendered article stays: it is readable, the fallback no more.
  showFallback() {
    if (this.prerendered) return;
    this.container.replaceChildren();
    this.container.removeAttribute('aria-busy');
    if (!this.slot.isConnected) this.frame.append(this.slot);
    if (!hasFallbackContent(this.host)) {
      this.message ??= element('p', 'aw-fallback-message', 'fallback');
      this.message.textContent = DEFAULT_FALLBACK;
      this.frame.append(this.message);
    }
    this.live.textContent = DEFAULT_FALLBACK;
  }

  // Back to the light DOM alone (unmount).
  clear() {
    this.prerendered = null;
    this.container.replaceChildren();
    this.message?.remove();
    this.live.textContent = '';
    if (!this.slot.isConnected) this.frame.append(this.slot);
    this.frame.removeAttribute('data-state');
  }
}
