// The content files a page reads (src/content_blob.h): the edition, then
// the archive file of each other article it opens. The build writes them
// gzip-compressed; a host that sent one with Content-Encoding has had the
// browser inflate it already, so the gzip magic decides. Checking them is
// C's (the engine hands the bytes to the module): here they are only
// fetched and inflated.

import { awError, errorMessage } from './errors.js';

// The inflated bytes of `bytes`, or them as they are.
export async function inflated(bytes, where) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    // A Response's body, not a Blob's: Chromium reads a Blob through the
    // browser process, which cost the edition 20-30 ms at first paint.
    const stream = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw awError(`${where} is damaged: ${errorMessage(err)}`, 'content-invalid');
  }
}

// The bytes of the content file (or page Markdown, sources.js) at `url`
// (a URL), as served. `missing`: the code of a 404 or 410 (an archive file
// that is not there is an article that is not).
export async function fetchContent(url, missing) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok) return new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw awError(`could not fetch ${url}: ${errorMessage(err)} (network, CORS or Content-Security-Policy connect-src)`, 'fetch-failed');
  }
  const status = response.status;
  throw awError(`could not fetch ${url}: HTTP ${status}`, status === 404 || status === 410 ? missing : 'fetch-failed');
}
