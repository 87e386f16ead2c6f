// Following links inside a widget: the URL hash names the shown article
// (#aw/SLUG) for every widget on the page, and focus and scroll move the
// way a reader expects inside a shadow root (where the document cannot
// follow #fragment links).

import { BACK_TO_TOP_CLASS, HASH_PREFIX, SLUG_ATTRIBUTE, TITLE_CLASS } from './abi.js';
import { mounted, syncAllFromLocation } from './page.js';

export function slugFromHash(hash) {
  if (typeof hash !== 'string' || !hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(HASH_PREFIX.length)) || null;
  } catch {
    return null;
  }
}

function scrollBehavior() {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 'instant' : 'auto';
}

// Focuses an element that is not normally focusable (a heading), through
// a tabindex=-1 that is removed again when focus leaves.
function focusTemporarily(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus({ preventScroll: true });
}

// Brings the widget's top into view, and with it `target` (the title),
// scrolling only when one of them is outside the viewport, then focuses
// the target.
function revealTop(host, target) {
  const behavior = scrollBehavior();
  const top = host.getBoundingClientRect().top;
  const bottom = target ? target.getBoundingClientRect().bottom : top;
  if (top < 0 || top > window.innerHeight - 40 || bottom > window.innerHeight) {
    host.scrollIntoView({ block: 'start', behavior });
    if (target && target.getBoundingClientRect().bottom > window.innerHeight) {
      target.scrollIntoView({ block: 'nearest', behavior });
    }
  }
  focusTemporarily(target);
}

// An in-article #fragment link: scrolls to its target inside `root` and
// focuses it (the URL stays as it is).
function followFragment(root, href) {
  let id;
  try {
    id = decodeURIComponent(href.slice(1));
  } catch {
    return;
  }
  const target = id && root.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
  focusTemporarily(target);
}

function focusTitle(controller) {
  revealTop(controller.host, controller.root.querySelector(`.${TITLE_CLASS}`));
}

// A trending (or in-article #aw/SLUG) `link` was followed: unless a
// listener cancels article-widget:navigate (a router taking over), the URL
// gets a history entry and every widget follows it, once the article is
// in (an archive article is fetched first, unless a hover or focus did;
// when it cannot be, the article shown stays and the error is reported).
function navigate(controller, slug, link) {
  // Read now: the render below replaces the link.
  const title = link.textContent;
  if (!controller.emit('article-widget:navigate', { slug }, true)) return;
  const go = () => arrive(controller, slug, title);
  if (controller.runtime.engine()?.findArticle(slug)) go();
  else controller.runtime.loadArticle(slug).then(go, (err) => controller.fail(err, true));
}

function arrive(controller, slug, title) {
  if (!controller.isMounted()) return;
  const hash = `${HASH_PREFIX}${encodeURIComponent(slug)}`;
  if (location.hash !== hash) history.pushState(history.state, '', hash);
  syncAllFromLocation();
  controller.update();
  // Focus follows the article: this widget's title, or, for a trending-only
  // widget, the title of a widget on the page showing it.
  const shown = controller.renderedView !== 'trending' ? controller
    : [...mounted].find((c) => c.state === 'ready' && c.renderedView !== 'trending' && c.slug === slug);
  if (shown) {
    focusTitle(shown);
  } else {
    // Nothing to move focus to: say what happened instead. Only a
    // trending-only widget gets here, whose links are the trending list:
    // the link's text is the article's title, as C wrote it.
    controller.live.textContent = title;
  }
}

// The click listener of a widget's shadow root. Plain left clicks on
// #-links stay in the widget; every other link keeps the browser's default.
export function followLink(controller, event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const href = link && controller.root.contains(link) ? link.getAttribute('href') : null;
  if (!href || !href.startsWith('#')) return;
  event.preventDefault();
  if (link.classList.contains(BACK_TO_TOP_CLASS)) {
    focusTitle(controller);
    return;
  }
  const slug = link.getAttribute(SLUG_ATTRIBUTE) || slugFromHash(href);
  if (slug) {
    if (controller.runtime.engine()) navigate(controller, slug, link);
    return;
  }
  followFragment(controller.root, href);
}

// A link to an article, hovered (for a moment, as instant.page waits) or
// focused: its archive file is fetched now, so that the click paints
// without waiting on the network.
const HOVER_MS = 65;
export function prefetchLink(controller, event) {
  clearTimeout(controller.hoverTimer);
  if (event.type === 'pointerout') return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const slug = link && (link.getAttribute(SLUG_ATTRIBUTE) || slugFromHash(link.getAttribute('href')));
  if (!slug) return;
  controller.hoverTimer = setTimeout(() => controller.runtime.prefetch(slug), event.type === 'focusin' ? 0 : HOVER_MS);
}
