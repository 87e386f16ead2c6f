// The command's two kinds of failure. Both exit non-zero and write
// nothing; main.js prints them.

// Content that breaks a rule: the message is "file:line: message", the
// very text scripts/build prints for the same mistake.
export class ContentError extends Error {}

// Anything else the user can fix (a missing folder, a bad option): printed
// as "article-widget: message".
export class CommandError extends Error {}
