// What the command prints, made safe for a terminal. File names, and
// messages that quote content, can hold escape sequences (retitle the
// terminal, wipe a line, move the cursor) and invisible characters that
// reorder or hide text. The rule is src/printable.c's, which builds the
// content messages the packer returns: every control character (C0, DEL,
// C1) and invisible formatting character (bidi controls, zero-width
// characters, U+FEFF, tag characters) becomes \xHH (below U+0100) or
// \u{HHHH}; a lone surrogate becomes U+FFFD. A backslash stays as it is,
// so text that is already printable, such as those messages, passes
// unchanged.

const UNPRINTABLE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
const LONE_SURROGATE = /\p{Surrogate}/gu;

function escape(ch) {
  const cp = ch.codePointAt(0);
  const hex = cp.toString(16).toUpperCase();
  return cp < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u{${hex.padStart(4, '0')}}`;
}

// One line's printable form (a newline in it is escaped too).
export function printable(text) {
  return String(text).replace(LONE_SURROGATE, '\uFFFD').replace(UNPRINTABLE, escape);
}

// `text` as lines for a terminal: each line printable, each ended by "\n".
export function terminalLines(text) {
  return `${String(text).split('\n').map(printable).join('\n')}\n`;
}
