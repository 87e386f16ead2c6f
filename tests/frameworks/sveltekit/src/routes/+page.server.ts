import { ready, renderView } from 'article-widget';

// On the server, at each request: the widget's own HTML as the fallback
// inside it, for readers and crawlers before the script runs.
export async function load() {
	await ready;
	return { fallback: renderView(null, 'full', 2) };
}
