// Types for `import wasmUrl from 'article-widget/wasm'`: with a bundler that
// turns a .wasm import into the URL of the emitted file (esbuild's
// --loader:.wasm=file, webpack's asset/resource, Vite's ?url), hand it to
// setWasmUrl() before the first widget mounts.
declare const wasmUrl: string;
export default wasmUrl;
