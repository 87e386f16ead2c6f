// The parts of a widget's shadow root: the frame (theme, view, state and
// the space reserved while loading), the container rendered HTML goes
// into, the slot that shows the light-DOM fallback, and a live region.

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

export class Frame {
  constructor(host) {
    this.host = host;
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

  set(name, value) {
    this.frame.setAttribute(`data-${name}`, value);
  }

  // Renderer output in place of whatever was shown (fallback included).
  show(html) {
    setRenderedHtml(this.container, html);
    this.container.removeAttribute('aria-busy');
    this.slot.remove();
    this.message?.remove();
  }

  // The light-DOM fallback, or a sentence when the page gave none.
  showFallback() {
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
    this.container.replaceChildren();
    this.message?.remove();
    this.live.textContent = '';
    if (!this.slot.isConnected) this.frame.append(this.slot);
    this.frame.removeAttribute('data-state');
  }
}
