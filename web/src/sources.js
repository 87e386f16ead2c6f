// Markdown the page supplies instead of a built-in article, and the
// light-DOM fallback a widget keeps until it renders.

import { fetchContent } from './content-fetch.js';
import { awError, errorMessage } from './errors.js';

const MARKDOWN_TYPE = 'text/markdown';

// { text } given to mount()/update() as `markdown`, { url } for src="URL",
// { text } of an inline <script type="text/markdown"> child, or null.
export function pageSource(host, explicitMarkdown, src) {
  if (explicitMarkdown != null) return { text: String(explicitMarkdown) };
  if (src) {
    try {
      return { url: new URL(src, document.baseURI).href };
    } catch (err) {
      throw awError(`bad src: ${errorMessage(err)}`, 'fetch-failed');
    }
  }
  const script = [...host.children].find(
    (el) => el.localName === 'script' && (el.getAttribute('type') || '').trim().toLowerCase() === MARKDOWN_TYPE);
  return script ? { text: script.textContent } : null;
}

// The text at `url` (same origin, or CORS).
export async function fetchMarkdown(url) {
  return new TextDecoder().decode(await fetchContent(new URL(url), 'fetch-failed'));
}

// True when the element holds light-DOM content worth showing as fallback
// (an inline <script type="text/markdown"> is content, not fallback).
export function hasFallbackContent(el) {
  for (const node of el.childNodes) {
    if (node.nodeType === 1 && node.localName !== 'script' && node.localName !== 'template') return true;
    if (node.nodeType === 3 && node.data.trim() !== '') return true;
  }
  return false;
}
