'use client';

// A client component: importing the package defines <article-widget> in
// the browser; Next.js emits the .wasm and the widget finds it.
import 'article-widget';

export default function ArticleWidget({ article, fallback }: { article?: string; fallback: string }) {
  return (
    <article-widget article={article} heading-level="2">
      {/* Shown until the widget renders (here: the same HTML, from the server). */}
      <div dangerouslySetInnerHTML={{ __html: fallback }} />
    </article-widget>
  );
}
