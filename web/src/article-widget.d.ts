// Types for article-widget (hand-written; tools/build-web.mjs copies this
// file to dist/; tests/js/package.test.mjs checks it with tsc).
// The ES modules (article-widget.mjs for browsers and bundlers,
// article-widget.node.mjs / .cjs in Node) export these names; the classic
// script (article-widget.js) puts the same API, less renderView, on
// window.ArticleWidget.

/** One article of the edition: the trending list, in its order (articles()). */
export interface Article {
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  source: string;
  topics: string[];
  summary: string;
}

/** What a widget shows: the trending list then the article, or one of them. */
export type View = 'full' | 'trending' | 'article';

export type Theme = 'auto' | 'light' | 'dark';
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The element's attributes in camelCase; `null` in update() removes one. */
export interface MountOptions {
  /** The article's slug, of the edition or of the archive (fetched when it is needed); default: the first of the trending list. */
  article?: string | null;
  view?: View | null;
  /** auto follows prefers-color-scheme and an ancestor's data-aw-theme. */
  theme?: Theme | null;
  /** Level of the article title; every heading shifts with it (clamped at 6). */
  headingLevel?: HeadingLevel | null;
  /** 'lazy' defers even the .wasm download until the widget nears the viewport. */
  loading?: 'eager' | 'lazy' | null;
  /** target for links to other sites. */
  linkTarget?: '_self' | '_blank' | '_parent' | '_top' | null;
  /** A Markdown document to fetch (same origin or CORS) and show instead of an article. */
  src?: string | null;
  /** Markdown text to show instead of an article. */
  markdown?: string | null;
}

export interface RenderOptions {
  /** The level "#" becomes (1..6, deeper ones shift with it); default 1. */
  headingLevel?: HeadingLevel;
  /** Starts every heading id (up to 32 ASCII letters, digits, '-' and '_'), e.g. 'aw-':
   *  ids of HTML placed in the page's own DOM become window properties ("# config" -> window.config). */
  idPrefix?: string;
}

/** A mounted widget. */
export interface WidgetHandle {
  readonly element: Element;
  /** Shows another article, of the edition or the archive (fetched once, shared by every widget); resolves to whether
   *  it is now shown. One that cannot be loaded fires article-widget:error, and the article shown stays. */
  show(slug: string): Promise<boolean>;
  /** Changes options (as mount() takes them; null removes one). */
  update(options: MountOptions): void;
  /** Removes the rendering, every listener and observer, and brings the light-DOM fallback back. */
  unmount(): void;
}

/** Why a widget shows its fallback, or keeps the article it shows (detail.code of article-widget:error). */
export type ErrorCode =
  | 'fetch-failed'
  | 'wasm-mime'
  | 'csp-blocked'
  | 'integrity'
  | 'unknown-article'
  | 'content-invalid'
  | 'input-too-large'
  | 'output-too-large'
  | 'unsupported'
  | 'render-failed';

export interface ReadyDetail {
  /** null for page Markdown (src, a script child or the markdown option). */
  slug: string | null;
}
/** What the renderer knew about the text it wrote (computed in C while rendering). */
export interface RenderDetail {
  slug: string | null;
  /** The body's headings; `text` is plain text, never HTML. */
  headings: { level: number; id: string; text: string }[];
  words: number;
  /** Reading time, as the byline shows it. */
  minutes: number;
}
export interface NavigateDetail {
  slug: string;
}
export interface ErrorDetail {
  code: ErrorCode;
  message: string;
}

/** An Error thrown by render() or rejected by ready; `code` as in ErrorDetail. */
export interface ArticleWidgetError extends Error {
  code?: ErrorCode;
}

/** The package version, e.g. "0.1.0". */
export const version: string;
/** Resolves once the module is instantiated and the edition is in; rejects (ArticleWidgetError) if either cannot load.
 *  Importing downloads nothing: awaiting `ready` (or the first mount) starts both downloads, side by side. */
export const ready: Promise<void>;
/** Where the .wasm is, when a bundler or server puts it elsewhere than beside the script.
 *  Only before it starts loading; returns whether it took effect. */
export function setWasmUrl(url: string | URL | null): boolean;
/** Where the edition is (`article-widget build` writes article-widget.awe, the archive beside it): a page's own
 *  articles. Resolved against the page (in Node, the working folder). Only before it starts loading. */
export function setEditionUrl(url: string | URL | null): boolean;
/** The edition's articles: the trending list, in its order (not the archive); throws until `ready` has resolved. */
export function articles(): Article[];
/** Safe HTML for any Markdown (same policy as the articles); throws until `ready` has resolved. */
export function render(markdown: string, options?: RenderOptions): string;
/** Mounts a widget on `element` (mounting it again applies the options and returns the same handle). */
export function mount(element: Element, options?: MountOptions): WidgetHandle;
/** Mounts every <article-widget> and [data-article-widget] under `root` not mounted yet; returns all their handles. */
export function scan(root?: ParentNode): WidgetHandle[];
/** ES module only: the widget's HTML, byte-identical to `aw-render --slug SLUG --view VIEW --heading-level N`.
 *  Any article of the edition; in Node, any article of the archive too (read from disk beside the edition); in a
 *  browser, one a widget has loaded. */
export function renderView(slug: string | null, view?: View, headingLevel?: HeadingLevel): string;

/** renderElement()'s options: mount()'s that shape an article's render, and what a pre-rendered page needs. */
export interface RenderElementOptions {
  view?: View;
  theme?: Theme;
  headingLevel?: HeadingLevel;
  linkTarget?: MountOptions['linkTarget'];
  /** Where links to articles lead a reader without the script, e.g. "/news/{slug}/"; default "#aw/SLUG". */
  articleUrl?: string;
  /** HTML for the element's light DOM, shown by a browser without declarative shadow DOM; default a link to the article. */
  fallback?: string;
}

/** Node builds only: the whole <article-widget> pre-rendered (a declarative shadow root with the widget's
 *  markup and stylesheet, and a fallback), which the script adopts without rendering it again; the same
 *  string `article-widget build` writes to elements/SLUG.html. Throws until `ready` has resolved. */
export function renderElement(slug: string, options?: RenderElementOptions): string;
/** Node builds only: the CSP hash of the stylesheet renderElement() puts inline, for `style-src` ("sha256-…"). */
export const styleHash: string;

/** window.ArticleWidget, defined by the classic script. */
export interface ArticleWidgetApi {
  readonly version: string;
  readonly ready: Promise<void>;
  articles(): Article[];
  render(markdown: string, options?: RenderOptions): string;
  mount(element: Element, options?: MountOptions): WidgetHandle;
  scan(root?: ParentNode): WidgetHandle[];
  /** The .wasm's URL; only before it starts loading (false after). */
  setWasmUrl(url: string | URL | null): boolean;
  /** The edition's URL (a page's own articles); only before it starts loading (false after). */
  setEditionUrl(url: string | URL | null): boolean;
  /** The folder of the .wasm, and of the edition unless data-edition names one; only before they start loading. */
  setBasePath(folder: string | null): boolean;
}

/** The <article-widget> element. */
export interface ArticleWidgetElement extends HTMLElement {
  /** The `article` attribute is read through getAttribute. */
}

/** The element's attributes as HTML and JSX write them (every value may also be given as a string). */
export interface ArticleWidgetAttributes {
  article?: string;
  view?: View;
  theme?: Theme;
  'heading-level'?: HeadingLevel | `${HeadingLevel}`;
  loading?: 'eager' | 'lazy';
  'link-target'?: '_self' | '_blank' | '_parent' | '_top';
  src?: string;
}

export interface ArticleWidgetEventMap {
  'article-widget:ready': CustomEvent<ReadyDetail>;
  'article-widget:render': CustomEvent<RenderDetail>;
  /** Cancelable: preventDefault() lets a router take over. */
  'article-widget:navigate': CustomEvent<NavigateDetail>;
  'article-widget:error': CustomEvent<ErrorDetail>;
}

declare global {
  interface Window {
    ArticleWidget?: ArticleWidgetApi;
  }
  interface HTMLElementTagNameMap {
    'article-widget': ArticleWidgetElement;
  }
  // The events bubble and are composed: they reach the document and window.
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
  interface DocumentEventMap extends ArticleWidgetEventMap {}
  interface WindowEventMap extends ArticleWidgetEventMap {}
}

// <article-widget> in the frameworks' templates and JSX, with its attributes
// checked, as soon as anything imports this package. Each block augments a
// framework's types only where that framework is installed (elsewhere
// TypeScript ignores it), and names none of its types: each takes the
// framework's own props of an HTML element (id, class, style, events, ref)
// from that framework's <article>. (tests/frameworks/ checks them with tsc,
// vue-tsc and svelte-check.)
type HtmlElementProps<Elements> = Elements extends { article: infer Props } ? Props : {};

// React 19 (React.JSX, for "jsx": "react-jsx" and "preserve").
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': HtmlElementProps<IntrinsicElements> & ArticleWidgetAttributes;
    }
  }
}
// Preact ("jsxImportSource": "preact").
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': HtmlElementProps<IntrinsicElements> & ArticleWidgetAttributes;
    }
  }
}
// Solid ("jsxImportSource": "solid-js"; solid-js's JSX namespace is declared there).
declare module 'solid-js/jsx-runtime' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': HtmlElementProps<IntrinsicElements> & ArticleWidgetAttributes;
    }
  }
}
// Svelte 5 (svelte-check).
declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'article-widget': HtmlElementProps<SvelteHTMLElements> & ArticleWidgetAttributes;
  }
}
// Vue templates (vue-tsc): a hyphenated tag is looked up as a component, its
// attributes camelCased (heading-level -> headingLevel); others (id, class,
// data-*, events) pass as they would to a custom element. At run time Vue
// must be told it is a custom element (compilerOptions.isCustomElement).
declare module 'vue' {
  interface GlobalComponents {
    'article-widget': (props: Omit<MountOptions, 'markdown' | 'headingLevel'> & {
      headingLevel?: HeadingLevel | `${HeadingLevel}` | null;
      [attribute: string]: unknown;
    }) => unknown;
  }
}
