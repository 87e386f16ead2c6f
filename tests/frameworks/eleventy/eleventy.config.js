import { ready, renderView } from 'article-widget';

export default async function (eleventyConfig) {
  // {% articleWidget %}: the element with the widget's own HTML as its
  // fallback, rendered at build time, for readers and crawlers before the
  // script runs.
  await ready;
  // (No slug: the first trending article.)
  eleventyConfig.addShortcode('articleWidget', (slug, view = 'full', headingLevel = 2) => {
    const article = slug ? ` article="${slug}"` : '';
    return `<article-widget${article} view="${view}" heading-level="${headingLevel}">`
      + `${renderView(slug || null, view, headingLevel)}</article-widget>`;
  });
  // The classic script, the .wasm and the demo edition with its archive,
  // side by side, as the package has them (a site copies its own edition
  // and archive, which `article-widget build` writes, instead).
  eleventyConfig.addPassthroughCopy({
    'node_modules/article-widget/article-widget.min.js': 'assets/article-widget.min.js',
    'node_modules/article-widget/article-widget.wasm': 'assets/article-widget.wasm',
    'node_modules/article-widget/article-widget.awe': 'assets/article-widget.awe',
    'node_modules/article-widget/articles': 'assets/articles',
  });
}
