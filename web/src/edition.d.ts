// Types for `import editionUrl from 'article-widget/edition'`: the
// package's demo edition, with a bundler that turns the import into the URL
// of the emitted file (esbuild's --loader:.awe=file): hand it to
// setEditionUrl() before the first widget mounts. A site's own edition is
// the one `article-widget build` writes.
declare const editionUrl: string;
export default editionUrl;
