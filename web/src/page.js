// Page-wide state shared by every widget one copy of the script mounts:
// which widgets are mounted, and the listeners they need only while any
// is: the URL hash (back/forward, reload) and ancestors' data-aw-theme.

export const mounted = new Set(); // controllers

// Every widget follows the URL hash: it is the page's single "current article".
export function syncAllFromLocation() {
  for (const c of mounted) c.syncFromLocation();
}

let themeObserver = null;

export function addWidget(controller) {
  mounted.add(controller);
  if (mounted.size !== 1) return;
  window.addEventListener('popstate', syncAllFromLocation);
  window.addEventListener('hashchange', syncAllFromLocation);
  themeObserver = new MutationObserver(() => {
    for (const c of mounted) c.applyTheme();
  });
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-aw-theme'], subtree: true });
}

export function removeWidget(controller) {
  if (!mounted.delete(controller) || mounted.size !== 0) return;
  window.removeEventListener('popstate', syncAllFromLocation);
  window.removeEventListener('hashchange', syncAllFromLocation);
  themeObserver.disconnect();
  themeObserver = null;
}
