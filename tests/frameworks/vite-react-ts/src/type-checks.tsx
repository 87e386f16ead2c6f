// Never rendered: tsc -b must refuse each line under @ts-expect-error, which
// shows the element's attributes are checked (not typed as any).
export function TypeChecks() {
  return (
    <>
      {/* @ts-expect-error no such view */}
      <article-widget view="wide" />
      {/* @ts-expect-error heading levels stop at 6 */}
      <article-widget heading-level={7} />
      <article-widget article="china-offers-military-aid-to-mali" theme="dark" loading="lazy" className="news" />
    </>
  )
}
