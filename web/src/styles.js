// The widget's stylesheet in each shadow root: one constructable sheet
// shared by every widget on the page (no 'unsafe-inline' needed), or a
// <style> where constructable sheets are missing.

import css from './widget.css';

let sheet; // undefined: not tried yet; null: unsupported

export function applyStyles(root) {
  if (sheet === undefined) {
    sheet = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  if (sheet && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
