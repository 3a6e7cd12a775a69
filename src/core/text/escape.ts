/**
 * Escaping for spec text on its way out. A spec is untrusted input: its network name, a quoted
 * word or a misspelt keyword reaches terminals, CI logs and Markdown documents, and must arrive
 * there as the characters the person typed, never as something those read as an instruction.
 */

/**
 * Characters a terminal acts on instead of showing: C0 controls but tab and line feed (ESC
 * starts the sequences that set the window title, clear the screen or move the cursor back over
 * earlier lines; CR returns to the start of a line and hides what was there), DEL, the C1
 * controls (0x9B is an 8-bit CSI), and the bidirectional overrides and isolates, which reorder
 * what a reader sees.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every such character written as an escape: `\x1b` for the C0 controls, `\u009b`
 * for the others. A line of JSON stays valid JSON: JSON.stringify has already written every C0
 * control inside a string as `\u001b`, and the rest can only stand inside strings, where `\u…`
 * is a valid escape.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * `text` as literal Markdown text: every ASCII punctuation character backslash-escaped.
 *
 * CommonMark lets every ASCII punctuation character be escaped with a backslash, and an escaped
 * character never starts any construct (link, emphasis, code span, HTML, entity, autolink). So
 * escaping *all* ASCII punctuation is the one rule that is safe whatever the renderer's
 * extensions are; it costs nothing in readability because the backslashes do not render.
 * Line breaks and tabs are folded into single spaces so text cannot start a new block (a
 * heading, a list, a table row) either; control characters are escaped as for a terminal.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(/\s+/g, ' ')).replace(ASCII_PUNCTUATION, '\\$&');
}
