// Defines <article-widget>; Parcel emits the .wasm the package names.
import 'article-widget';
