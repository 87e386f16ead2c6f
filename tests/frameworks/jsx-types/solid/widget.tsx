import 'article-widget'
import type { ArticleWidgetElement } from 'article-widget'

// <article-widget> in Solid TSX, with its attributes checked.
export function News() {
  let widget: ArticleWidgetElement | undefined
  return (
    <article-widget ref={widget} article="china-offers-military-aid-to-mali" view="full" heading-level={2} class="news"
      onClick={(event) => event.currentTarget.focus()}>
      <a href="/articles">Read the article</a>
    </article-widget>
  )
}

export function TypeChecks() {
  return (
    <>
      {/* @ts-expect-error no such view */}
      <article-widget view="wide" />
      {/* @ts-expect-error heading levels stop at 6 */}
      <article-widget heading-level={7} />
    </>
  )
}
