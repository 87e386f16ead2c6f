// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2026-01-01',
  devtools: { enabled: false },
  // <article-widget> is a custom element, not a Vue component: without this,
  // the server renders <!----> in its place (losing its fallback) and
  // hydration reports a mismatch.
  vue: { compilerOptions: { isCustomElement: (tag) => tag === 'article-widget' } },
});
