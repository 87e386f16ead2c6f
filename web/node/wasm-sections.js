// Custom sections of a WebAssembly module, read and replaced without a
// toolchain: the build and the package's command add the content blob to
// the renderer this way (section "article-widget.content",
// src/content_blob.h).
//
// A module is the 8-byte header, then sections: an id byte, the payload
// size (unsigned LEB128) and the payload; a custom section (id 0) starts
// its payload with its name (LEB128 length, UTF-8 bytes).

const HEADER = 8;

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length || shift > 28) throw new Error('malformed WebAssembly module (LEB128)');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return { value, at };
  }
}

function leb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return Uint8Array.from(out);
}

// [{ id, name (custom sections), start, end }] for every section of `bytes`.
function sections(bytes) {
  const list = [];
  let at = HEADER;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = readLeb(bytes, at);
    const end = size.at + size.value;
    if (end > bytes.length) throw new Error('malformed WebAssembly module (section size)');
    let name = null;
    if (id === 0) {
      const n = readLeb(bytes, size.at);
      name = new TextDecoder().decode(bytes.subarray(n.at, n.at + n.value));
    }
    list.push({ id, name, start, end });
    at = end;
  }
  return list;
}

// A copy of `wasm` whose custom section `name` holds `data` (any section
// of that name is replaced; the new one goes last).
export function withCustomSection(wasm, name, data) {
  const bytes = new Uint8Array(wasm);
  const nameBytes = new TextEncoder().encode(name);
  const kept = sections(bytes).filter((s) => s.name !== name);
  const payload = [leb(nameBytes.length), nameBytes, new Uint8Array(data)];
  const payloadSize = payload.reduce((n, p) => n + p.length, 0);
  const parts = [bytes.subarray(0, HEADER), ...kept.map((s) => bytes.subarray(s.start, s.end)),
    Uint8Array.of(0), leb(payloadSize), ...payload];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
