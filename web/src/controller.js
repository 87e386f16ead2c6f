// One mounted widget: what it shows and when it renders again, its
// fallback and its events. State lives here, one controller per element;
// its shadow root's parts are frame.js, the page-wide part page.js.

import { errorCode, errorMessage, warnOnce } from './errors.js';
import { followLink, prefetchLink, slugFromHash } from './navigation.js';
import { ATTRIBUTES, readOptions } from './options.js';
import { addWidget, mounted, removeWidget } from './page.js';
import { Frame } from './frame.js';
import { afterPaint, isPrerendered } from './prerender.js';
import { fetchMarkdown, pageSource } from './sources.js';

// Shared by every copy of the script on the page (classic and ES module,
// or one file loaded twice): an element is mounted by one controller.
export const CONTROLLER = Symbol.for('article-widget.controller');

const LAZY_MARGIN = '300px 0px'; // start loading a little before the widget scrolls into view

export class Controller {
  // `runtime`: { load() -> Promise<engine> (the module and the edition),
  // loadModule() -> Promise<engine>, loadArticle(slug) -> Promise,
  // prefetch(slug), engine() -> engine | null, hasEdition() }.
  constructor(host, explicit, runtime) {
    this.host = host;
    this.explicit = { ...explicit };
    this.runtime = runtime;
    this.state = 'idle'; // idle (lazy, not near the viewport) | loading | ready | error
    this.slug = null; // the article shown (null before the first render, or for page Markdown)
    this.override = null; // set by show(): wins over the URL until the next navigation
    this.renderedKey = null;
    this.announcedReady = false;
    this.sourceTicket = 0; // drops fetched Markdown that arrives after a newer request
    this.pendingKey = null; // the src or archive fetch on its way, if any
    this.onClick = (event) => followLink(this, event);
    this.onHover = (event) => prefetchLink(this, event);
    this.options = readOptions(host, this.explicit);
    // A widget that loads at once starts the download before building its
    // frame (a failure is reported by load() below); a pre-rendered one
    // shows its article already, and loads once the page has painted.
    const prerendered = isPrerendered(host);
    if (this.options.loading !== 'lazy' && !prerendered) runtime.load().catch(() => {});

    this.frame = new Frame(host);
    this.root = this.frame.root;
    this.live = this.frame.live;
    this.root.addEventListener('click', this.onClick);
    for (const type of ['pointerover', 'pointerout', 'focusin']) this.root.addEventListener(type, this.onHover);

    // <article-widget> hears its attributes through attributeChangedCallback;
    // other elements through this observer.
    if (host.localName !== 'article-widget') {
      this.attributeObserver = new MutationObserver(() => this.optionsChanged());
      this.attributeObserver.observe(host, { attributes: true, attributeFilter: ATTRIBUTES.flatMap((n) => [n, `data-${n}`]) });
    }
    // Inline Markdown is read from the light DOM: follow its changes.
    this.childObserver = new MutationObserver(() => this.optionsChanged());
    this.childObserver.observe(host, { childList: true, subtree: true, characterData: true });

    addWidget(this);
    host[CONTROLLER] = this;
    this.handle = Object.freeze({
      element: host,
      show: (slug) => this.show(slug),
      update: (options) => this.setOptions(options),
      unmount: () => this.unmount(),
    });
    this.applyPresentation();
    if (prerendered) afterPaint(() => this.start());
    else this.start();
  }

  isMounted() {
    return mounted.has(this);
  }

  // theme="light|dark" wins; auto takes the nearest ancestor's
  // data-aw-theme, else stays auto (the stylesheet follows
  // prefers-color-scheme).
  applyTheme() {
    let theme = this.options.theme;
    if (theme === 'auto') {
      const inherited = this.host.closest('[data-aw-theme]')?.getAttribute('data-aw-theme')?.trim().toLowerCase();
      if (inherited === 'light' || inherited === 'dark') theme = inherited;
    }
    this.frame.set('theme', theme);
  }

  applyPresentation() {
    this.applyTheme();
    this.frame.set('view', this.options.view);
    this.frame.set('state', this.state);
  }

  setState(state) {
    this.state = state;
    this.frame.set('state', state);
  }

  // Loads now, or with loading="lazy" when the element nears the viewport.
  start() {
    if (this.state !== 'idle') return;
    if (this.options.loading === 'lazy' && typeof IntersectionObserver === 'function') {
      this.intersection ??= new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.load();
      }, { rootMargin: LAZY_MARGIN });
      this.intersection.observe(this.host);
      return;
    }
    this.load();
  }

  load() {
    this.intersection?.disconnect();
    this.intersection = null;
    if (this.state !== 'idle' || !this.isMounted()) return;
    this.setState('loading');
    this.runtime.loadModule().then(() => this.update(), (err) => this.fail(err));
  }

  // Which article to show: show()'s, else #aw/SLUG in the URL when an
  // article can have that slug, else the article option, else the first
  // of the trending list.
  targetSlug(engine) {
    if (this.override) return this.override;
    const fromHash = slugFromHash(location.hash);
    if (fromHash && (engine.findArticle(fromHash) || engine.archivePath(fromHash))) return fromHash;
    return this.options.article ?? engine.firstSlug();
  }

  // (Re-)renders if anything that shapes the output changed. Never throws.
  // Synchronous for built-in articles and inline Markdown; src is fetched first.
  update({ force = false } = {}) {
    const engine = this.runtime.engine();
    if (!engine || !this.isMounted() || this.state === 'idle') return false;
    this.options = readOptions(this.host, this.explicit);
    this.applyPresentation();
    const { headingLevel: level, linkTarget, view } = this.options;
    let source;
    try {
      source = pageSource(this.host, this.explicit.markdown, this.options.src);
    } catch (err) {
      this.fail(err);
      return false;
    }
    if (source?.url) {
      this.fetchAndPaint(engine, source.url, force);
      return false;
    }
    if (source) {
      // Anything shown now supersedes a fetch still on its way.
      this.sourceTicket++;
      this.pendingKey = null;
      return this.paint(['inline', source.text, level, linkTarget], force,
        () => engine.renderMarkdown(source.text, { headingLevel: level, framed: true, linkTarget }), null);
    }
    if (!this.runtime.hasEdition()) {
      this.runtime.load().then(() => this.update({ force }), (err) => this.fail(err));
      return false;
    }
    const slug = this.targetSlug(engine);
    if (!engine.findArticle(slug)) {
      this.fetchArticle(slug, force);
      return false;
    }
    this.sourceTicket++;
    this.pendingKey = null;
    return this.paint(['article', slug, view, level, linkTarget], force,
      () => engine.renderView(slug, view, { headingLevel: level, linkTarget, withFacts: true }), slug);
  }

  // An archive article: fetched, then shown. When it cannot be, the
  // article shown before stays (or the fallback, when there is none).
  fetchArticle(slug, force) {
    this.waitFor(JSON.stringify(['archive', slug]), () => this.runtime.loadArticle(slug), () => this.update({ force }), true);
  }

  fetchAndPaint(engine, url, force) {
    const { headingLevel: level, linkTarget } = this.options;
    const key = ['src', url, level, linkTarget];
    const keyText = JSON.stringify(key);
    if (!force && this.state === 'ready' && keyText === this.renderedKey) return;
    this.waitFor(keyText, () => fetchMarkdown(url),
      (text) => this.paint(key, true, () => engine.renderMarkdown(text, { headingLevel: level, framed: true, linkTarget }), null));
  }

  // Runs start() (a fetch for what `keyText` names) unless it is on its
  // way already, then done(its result), unless a newer request won; a
  // failure is reported (fail(err, keep)).
  async waitFor(keyText, start, done, keep) {
    if (keyText === this.pendingKey) return;
    this.pendingKey = keyText;
    const ticket = ++this.sourceTicket;
    let result;
    let failure = null;
    try {
      result = await start();
    } catch (err) {
      failure = err;
    }
    if (ticket !== this.sourceTicket || !this.isMounted()) return; // a newer request won
    this.pendingKey = null;
    if (failure) this.fail(failure, keep);
    else done(result);
  }

  // Shows what `produce` renders ({ html, facts }, from one call) unless
  // `key` is what is shown already.
  paint(key, force, produce, slug) {
    const keyText = JSON.stringify(key);
    if (!force && this.state === 'ready' && keyText === this.renderedKey) return false;
    let facts;
    try {
      const rendered = produce();
      this.frame.show(rendered.html);
      facts = rendered.facts;
    } catch (err) {
      this.fail(err);
      return false;
    }
    this.makeScrollersFocusable();
    this.slug = slug;
    this.renderedView = slug ? this.options.view : 'article';
    this.renderedKey = keyText;
    if (this.state !== 'ready') {
      this.setState('ready');
      this.live.textContent = '';
    }
    if (!this.announcedReady) {
      this.announcedReady = true;
      this.emit('article-widget:ready', { slug });
    }
    this.emit('article-widget:render', { slug, ...facts });
    return true;
  }

  // A wide table scrolls inside the article; keyboard users need to reach
  // it to scroll it (WCAG 2.1.1), so it becomes a tab stop.
  makeScrollersFocusable() {
    for (const table of this.frame.container.querySelectorAll('.aw-body table')) {
      if (table.scrollWidth > table.clientWidth && table.getAttribute('tabindex') !== '0') table.setAttribute('tabindex', '0');
    }
  }

  // Reports `err`, and shows the fallback unless `keep` and something is
  // shown already (an article the reader has open stays when the next
  // one cannot be loaded).
  fail(err, keep = false) {
    if (!this.isMounted()) return; // unmounted meanwhile
    const message = errorMessage(err);
    if (!keep || this.state !== 'ready') {
      this.setState('error');
      this.slug = null;
      this.renderedKey = null;
      this.frame.showFallback();
    }
    warnOnce(message);
    this.emit('article-widget:error', { code: errorCode(err), message });
  }

  emit(type, detail, cancelable = false) {
    return this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  syncFromLocation() {
    this.override = null;
    this.update();
  }

  // The handle's show(): no history entry. Resolves to whether the
  // article is now shown; one that cannot be loaded is reported
  // (article-widget:error) and the article shown before stays.
  async show(slug) {
    this.load();
    try {
      await this.runtime.loadArticle(slug);
    } catch (err) {
      this.fail(err, true);
      return false;
    }
    if (!this.isMounted()) return false;
    this.override = String(slug);
    this.update();
    return this.slug === this.override;
  }

  // The handle's update(options): options as mount() takes them; null removes one.
  setOptions(options) {
    if (!this.isMounted()) return;
    for (const [k, v] of Object.entries(options || {})) {
      if (v == null) delete this.explicit[k];
      else this.explicit[k] = v;
    }
    this.optionsChanged();
  }

  optionsChanged() {
    if (!this.isMounted()) return;
    this.options = readOptions(this.host, this.explicit);
    this.applyPresentation();
    if (this.state === 'idle') {
      // loading="lazy" removed, or set: start accordingly.
      if (this.options.loading !== 'lazy') this.load();
      return;
    }
    if (this.state !== 'loading') this.update({ force: this.state === 'error' });
  }

  // Removes everything mount() added: listeners, observers, rendered
  // content; the light DOM shows again.
  unmount() {
    if (!this.isMounted()) return;
    removeWidget(this);
    this.sourceTicket++;
    this.pendingKey = null;
    this.root.removeEventListener('click', this.onClick);
    for (const type of ['pointerover', 'pointerout', 'focusin']) this.root.removeEventListener(type, this.onHover);
    clearTimeout(this.hoverTimer);
    this.attributeObserver?.disconnect();
    this.childObserver.disconnect();
    this.intersection?.disconnect();
    this.intersection = null;
    this.frame.clear();
    if (this.host[CONTROLLER] === this) delete this.host[CONTROLLER];
  }
}
