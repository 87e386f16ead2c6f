import { useEffect, useRef, useState } from 'react'
import 'article-widget'
import type { ArticleWidgetElement } from 'article-widget'

// <article-widget> in React 19 TSX: the package's types declare it, with
// its attributes, in React.JSX.IntrinsicElements.
export default function App() {
  const widget = useRef<ArticleWidgetElement>(null)
  const [words, setWords] = useState(0)
  useEffect(() => {
    const element = widget.current
    const onRender = (event: CustomEvent<{ words: number }>) => setWords(event.detail.words)
    element?.addEventListener('article-widget:render', onRender)
    return () => element?.removeEventListener('article-widget:render', onRender)
  }, [])
  return (
    <main>
      <h1>Vite + React + TS fixture</h1>
      <article-widget ref={widget} view="full" heading-level={2} link-target="_blank">
        <a href="/articles">Read the article</a>
      </article-widget>
      <p id="words">{words > 0 ? `${words} words` : ''}</p>
    </main>
  )
}
