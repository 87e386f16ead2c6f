import { ready, render, renderView } from 'article-widget';

import ArticleWidget from './article-widget';

// A server component: the package's Node build renders on the server (at
// build time here, this page being static).
export default async function Home() {
  await ready;
  const notes = render('## Notes from the server\n\n[Not a link](javascript:alert(1)) and <b>raw HTML</b>.', { headingLevel: 2 });
  return (
    <main>
      <h1>Next.js fixture</h1>
      <ArticleWidget fallback={renderView(null, 'full', 2)} />
      <section id="server-render" dangerouslySetInnerHTML={{ __html: notes }} />
    </main>
  );
}
