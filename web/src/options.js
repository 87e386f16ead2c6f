// The widget's options in one table: the attributes <article-widget>
// observes (and their data-* twins on other elements), their names in
// mount()/update() options, and how each is read, with its default.

import { LINK_TARGETS, VIEWS } from './abi.js';
import { warnOnce } from './errors.js';

const THEMES = ['auto', 'light', 'dark'];

function word(value) {
  return (value ?? '').trim().toLowerCase();
}

const PARSERS = {
  // The article's slug; null: the first of the trending list.
  article: (v) => v?.trim() || null,
  view: (v) => {
    const view = word(v) || 'full';
    if (Object.hasOwn(VIEWS, view)) return view;
    warnOnce(`unknown view "${view}", using "full"`);
    return 'full';
  },
  // auto follows prefers-color-scheme and an ancestor's data-aw-theme.
  theme: (v) => (THEMES.includes(word(v)) ? word(v) : 'auto'),
  // As written; 0 when not a number. The renderer decides what a level
  // means (1..6, clamped, and the default).
  'heading-level': (v) => Number.parseInt(v ?? '', 10) || 0,
  // lazy: nothing is fetched, not even the .wasm, until the widget nears the viewport.
  loading: (v) => (word(v) === 'lazy' ? 'lazy' : 'eager'),
  // Where links to other sites open; null: the browser's default.
  'link-target': (v) => (Object.hasOwn(LINK_TARGETS, word(v)) ? word(v) : null),
  // A Markdown document to fetch and show instead of an article.
  src: (v) => v?.trim() || null,
};

// What <article-widget> observes; [data-article-widget] elements use data-NAME too.
export const ATTRIBUTES = Object.keys(PARSERS);

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

// The options of `host` now: `explicit` (given to mount() or update(), by
// camelCase name) wins over the attribute, which wins over data-NAME.
export function readOptions(host, explicit) {
  const options = {};
  for (const [name, parse] of Object.entries(PARSERS)) {
    const key = camel(name);
    const raw = explicit[key] != null ? String(explicit[key]) : host.getAttribute(name) ?? host.getAttribute(`data-${name}`);
    options[key] = parse(raw);
  }
  return options;
}
