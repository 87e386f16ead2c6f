// Compiled (never run) by tests/js/package.test.mjs with `tsc --noEmit`
// against the packed package, resolved as 'article-widget' through its
// package.json "exports" and "types". Every @ts-expect-error line must be an
// error: if the types went loose (any), tsc fails on the unused directive.
// No framework is installed here: the types' JSX declarations for React,
// Preact, Solid, Svelte and Vue must then be silent (skipLibCheck is off).

import {
  articles, mount, ready, render, renderElement, renderView, scan, setEditionUrl, setWasmUrl, styleHash, version,
} from 'article-widget';
import type { Article, ArticleWidgetAttributes, ErrorCode, View, WidgetHandle } from 'article-widget';
import editionUrl from 'article-widget/edition';
import wasmUrl from 'article-widget/wasm';

export async function usage(host: HTMLElement): Promise<string> {
  const moved: boolean = setWasmUrl(wasmUrl) && setWasmUrl(new URL(wasmUrl, 'https://cdn.example/')) && setWasmUrl(null)
    && setEditionUrl(editionUrl) && setEditionUrl('/aw/article-widget.awe') && setEditionUrl(null);
  await ready;
  const v: string = version;
  const list: Article[] = articles();
  const first: string = list[0].slug + list[0].title + list[0].date + list[0].source + list[0].summary;
  const topics: string[] = list[0].topics;
  const html: string = render('# Hello') + render('# Hello', { headingLevel: 3, idPrefix: 'aw-' });
  const view: View = 'trending';
  const handle: WidgetHandle = mount(host, { article: first, view });
  const shown: boolean = await handle.show('other');
  handle.update({ theme: 'dark', headingLevel: 3, loading: 'lazy', linkTarget: '_blank', view: null });
  handle.unmount();
  const handles: WidgetHandle[] = scan(document.body);
  const ssr: string = renderView(null, 'article') + renderView('slug');
  const element: string = renderElement('slug', { view: 'article', articleUrl: '/news/{slug}/', headingLevel: 3 });
  const csp = `style-src 'self' '${styleHash}'`;
  // @ts-expect-error renderElement() renders an article, not page Markdown
  renderElement('slug', { markdown: '# Hi' });

  host.addEventListener('article-widget:error', (e) => {
    const code: ErrorCode = e.detail.code;
    const missing: boolean = code === 'unknown-article' || code === 'content-invalid';
    console.log(code, missing, e.detail.message);
  });
  host.addEventListener('article-widget:render', (e) => {
    const words: number = e.detail.words + e.detail.minutes + e.detail.headings.length;
    console.log(words, e.detail.slug ?? 'page Markdown');
  });
  document.addEventListener('article-widget:navigate', (e) => {
    if (e.detail.slug === 'x') e.preventDefault();
  });
  const el = document.createElement('article-widget');
  el.setAttribute('view', 'article');
  const api = window.ArticleWidget;
  if (api) await api.ready;

  // The attributes as HTML and JSX write them (the frameworks' JSX types
  // use these; tests/frameworks/ checks them there).
  const attributes: ArticleWidgetAttributes = { article: first, view, 'heading-level': '3', 'link-target': '_blank' };
  // @ts-expect-error heading levels stop at 6, as strings too
  const deep: ArticleWidgetAttributes = { 'heading-level': '7' };

  // @ts-expect-error render takes a string
  render(1);
  // @ts-expect-error no such view
  mount(host, { view: 'wide' });
  // @ts-expect-error heading levels stop at 6
  mount(host, { headingLevel: 7 });
  // @ts-expect-error no such theme
  handle.update({ theme: 'sepia' });
  // @ts-expect-error show is async: it returns a promise, not a boolean
  const sync: boolean = handle.show('x');
  // @ts-expect-error error details carry a code, not a status
  host.addEventListener('article-widget:error', (e) => e.detail.status);
  // @ts-expect-error the .wasm URL is a string
  const n: number = wasmUrl;
  // @ts-expect-error the classic script has no renderView
  window.ArticleWidget?.renderView(null);

  return [v, html, ssr, String(shown), String(sync), topics.join(), el.localName, handles.length, moved, n, attributes.view, deep].join();
}
